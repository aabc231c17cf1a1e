"""URL canonicalisation and scope checks (w3lib does the canonical form; we add what news sites need)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

#: Query parameters that only track the visitor: dropped from canonical URLs.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of `url` (resolved against `base`): lower-case host, no default port,
    no fragment, no tracking parameters, sorted query, percent-encoding normalised."""
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
        ]
    )
    path = parts.path or "/"
    return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")), keep_fragments=False)


def host_of(url: str) -> str:
    """Lower-case host name of `url` ('' when it has none)."""
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def is_allowed_host(url: str, allowed_hosts: frozenset[str] | set[str]) -> bool:
    """True when `url` is http(s) on one of `allowed_hosts` (exact host, or 'www.' of it)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    host = host_of(url)
    return host in allowed_hosts or (host.startswith("www.") and host[4:] in allowed_hosts)
