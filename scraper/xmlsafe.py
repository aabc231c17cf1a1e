"""Safe XML parsing for discovery sources: no entities, no DTD, no network, bounded gzip inflation."""

from __future__ import annotations

import gzip
import io
import zlib
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from scraper.errors import FeedError

#: a gzip sitemap may inflate to at most this many bytes (the sitemaps.org limit is 50 MB)
MAX_INFLATED = 50 * 1024 * 1024


def parse_xml(body: bytes, source: str) -> Element:
    """The root element of `body` (gzip accepted); entity declarations and DTDs are refused."""
    body = xml_body(body, source)
    try:
        root: Element = safe_et.fromstring(
            body, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        return root
    except DefusedXmlException as exc:
        raise FeedError(f"{source}: refused unsafe XML ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise FeedError(f"{source}: not well-formed XML ({exc})") from exc


#: what may precede `<?xml` in files written by careless tools: a byte-order mark, blank lines
_LEADING_JUNK = b"\xef\xbb\xbf \t\r\n"


def xml_body(body: bytes, source: str) -> bytes:
    """`body` inflated when it starts with the gzip magic bytes (whatever the content type said),
    without the byte-order mark and whitespace some servers put before `<?xml`."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, source)
    return body.lstrip(_LEADING_JUNK)


def looks_like_xml(body: bytes) -> bool:
    """True when the (inflated, stripped) body starts like an XML document, whatever its label."""
    try:
        head = xml_body(body[: 64 * 1024] if body[:2] != b"\x1f\x8b" else body, "")[:256]
    except FeedError:
        return False
    return (
        head.startswith(b"<?xml")
        or head.startswith(b"<")
        and not head[:15].lower().startswith((b"<!doctype html", b"<html"))
    )


def _gunzip(body: bytes, source: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            data = stream.read(MAX_INFLATED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise FeedError(f"{source}: broken gzip ({exc})") from exc
    if len(data) > MAX_INFLATED:
        raise FeedError(f"{source}: inflates past {MAX_INFLATED} bytes")
    return data


def local_name(element: Element) -> str:
    """Tag without its namespace: `{http://www.sitemaps.org/...}loc` -> `loc`."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def child_text(element: Element, name: str) -> str | None:
    """Stripped text of the first child named `name` (any namespace), or None."""
    for child in element:
        if local_name(child) == name and child.text and child.text.strip():
            return child.text.strip()
    return None
