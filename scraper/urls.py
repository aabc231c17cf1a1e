"""One URL model for scope and fetching: WHATWG parsing (ada-url), canonical form, allowed origins.

Every URL the crawler meets is parsed once by a WHATWG-conformant parser, the one browsers use:
a backslash is a path separator, a port must be a number below 65536, an IPv6 literal needs its
brackets, raw non-ASCII is percent-encoded. The canonical form is that parser's serialisation
(without credentials, fragment and tracking parameters, with a sorted query), and the fetcher
requests exactly that string. Nothing here raises on a hostile URL: what cannot be parsed
canonicalises to None and is skipped by the caller.

Scope is by *origin*: an allowed entry is a host (`example.org`: http and https on their default
ports) or a host with a port (`127.0.0.1:8000`: that port only). A `www.` variant is allowed only
when it is listed itself. An IPv6 host is written with its brackets (`[::1]:8080`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from ada_url import URL, join_url
from ada_url import parse_url as ada_parse_url
from w3lib.url import canonicalize_url

#: Query parameters that only track the visitor: dropped from canonical URLs.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "ref_src"}
)
#: The only schemes the crawler fetches.
WEB_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
#: Longer strings are not URLs a site means (and would only slow the parser down).
MAX_URL_CHARS = 8192
#: Canonical forms remembered: a listing's links are canonicalised by the pagination, the
#: profile and the generic rules in turn.
CANONICAL_CACHE = 65_536


def parse_url(url: str, base: str | None = None) -> URL | None:
    """`url` (resolved against `base`) parsed by the WHATWG rules; None when it does not parse
    or is not http(s). Never raises."""
    if not isinstance(url, str) or not url.strip() or len(url) > MAX_URL_CHARS:
        return None
    try:
        href = join_url(base, url.strip()) if base else url.strip()
        parsed = URL(href)
    except (ValueError, TypeError, UnicodeError):
        return None
    if parsed.protocol.rstrip(":") not in WEB_SCHEMES or not parsed.hostname:
        return None
    return parsed


@lru_cache(maxsize=CANONICAL_CACHE)
def canonical_url(url: str, base: str | None = None) -> str | None:
    """The canonical form of `url` (resolved against `base`), or None when it is not a usable
    http(s) URL: lower-case host, no default port, no credentials, no fragment, no tracking
    parameters, sorted query, percent-encoding normalised. Never raises; idempotent."""
    parsed = parse_url(url, base)
    if parsed is None:
        return None
    parsed.username = ""
    parsed.password = ""
    parsed.hash = ""
    query = parsed.search[1:]
    if query:
        pairs = [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
        ]
        parsed.search = urlencode(pairs)
    try:
        # w3lib sorts the query and normalises percent-encoding; the WHATWG parser has the last word
        again = parse_url(canonicalize_url(parsed.href, keep_fragments=False))
    except (ValueError, TypeError, UnicodeError):
        again = None
    return (again or parsed).href


#: Hosts and origins remembered: the extractor asks for the page's host in several steps, and the
#: listing rules ask whether each link of every page is on an allowed host.
HOST_CACHE = 4096


@lru_cache(maxsize=HOST_CACHE)
def host_of(url: str) -> str:
    """Lower-case host name of `url` ('' when it has none or does not parse); IPv6 in brackets.

    The host of `parse_url(url)`, read with ada's `parse_url` function: the same parse and the
    same getters, without building a `URL` object and reading its parts through its Python
    attribute lookup (half the cost; the extractor asks once per page, for the page's own URL)."""
    if not isinstance(url, str) or not url.strip() or len(url) > MAX_URL_CHARS:
        return ""
    try:
        parts = ada_parse_url(url.strip(), attributes=("protocol", "hostname"))
    except (ValueError, TypeError, UnicodeError):
        return ""
    if parts["protocol"].rstrip(":") not in WEB_SCHEMES or not parts["hostname"]:
        return ""
    return str(parts["hostname"]).rstrip(".")


def origin_key(scheme: str, host: str, port: int | str | None) -> str:
    """How `allowed hosts` name an origin: `host` for http/https on their default ports,
    `host:port` for any other port. `host` is lower-case, IPv6 in brackets."""
    host = host.lower().rstrip(".")
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    scheme = scheme.rstrip(":").lower()
    if port in (None, "") or int(port) == _DEFAULT_PORTS.get(scheme):
        return host
    return f"{host}:{int(port)}"


@lru_cache(maxsize=HOST_CACHE)
def origin_of(url: str) -> str | None:
    """The origin key of `url` (see `origin_key`), None when it is not a usable http(s) URL."""
    parsed = parse_url(url)
    if parsed is None:
        return None
    return origin_key(parsed.protocol, parsed.hostname, parsed.port or None)


def is_allowed_host(url: str, allowed_hosts: frozenset[str] | set[str]) -> bool:
    """True when `url` parses as http(s) and its origin is one of `allowed_hosts` (no `www.`
    guessing, no other port than listed). Never raises."""
    key = origin_of(url)
    return key is not None and key in allowed_hosts


def origin_allowed(
    scheme: str, host: str, port: int | None, allowed_hosts: frozenset[str] | set[str]
) -> bool:
    """True when a connection to (`scheme`, `host`, `port`) stays within `allowed_hosts`
    (the fetcher checks each new connection with it, after any URL parsing)."""
    if scheme.rstrip(":").lower() not in WEB_SCHEMES or not host:
        return False
    try:
        return origin_key(scheme, host, port) in allowed_hosts
    except ValueError:
        return False


def allowed_hosts_of(urls: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The allowed-origin keys of start URLs (each its own origin; unusable URLs give none)."""
    return frozenset(key for key in (origin_of(u) for u in urls) if key)


#: Resolved links remembered: a page resolves the same link for its cards, its labels and its
#: translations (about half of the calls on real pages are repeats).
RESOLVED_CACHE = 16_384


def resolve_href(base: str, href: str) -> str | None:
    """`href` resolved against `base` as `urllib.parse.urljoin` does (the page's own spelling
    kept), or None when either is not a URL at all (`http://[::1/…`); never raises. The
    extractor reads links with it: one broken link is a link less, not a failed page."""
    if _FROM_ORIGIN.match(href):
        # a link with its own host or an absolute path reads of the base only its scheme and
        # host: remembered per site, the links a site's pages share (menus) are resolved once
        base = _origin_prefix(base) or base
    return _resolve(base, href)


#: An href that `urljoin` resolves from the base's scheme and host alone: `/path`, `//host/…`,
#: `scheme://host/…` (not `scheme:path`, which is relative to the base's path).
_FROM_ORIGIN = re.compile(r"/|[A-Za-z][A-Za-z0-9+.-]*://")


@lru_cache(maxsize=HOST_CACHE)
def _origin_prefix(base: str) -> str | None:
    """`scheme://host` of `base`, which `urljoin` reads as the base itself for the hrefs
    `_FROM_ORIGIN` matches; None when `base` has no host or does not parse."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


@lru_cache(maxsize=RESOLVED_CACHE)
def _resolve(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)  # parses both: an unbalanced IPv6 bracket raises here
    except ValueError:
        return None
