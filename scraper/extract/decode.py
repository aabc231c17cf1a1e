"""Bytes to text: the HTTP charset hint, then a BOM, then `<meta charset>`, then utf-8, then windows-1252."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
#: Labels browsers treat as windows-1252 (the WHATWG encoding standard).
_LATIN1_ALIASES = frozenset(
    {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1", "l1"}
)


def _codec(label: str | None) -> str | None:
    """Python's codec name for an encoding label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _LATIN1_ALIASES:
        return "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB of markup, if any.

    A `<meta>` declaring UTF-16 or UTF-32 is read as utf-8, as browsers do (WHATWG HTML,
    "prescan a byte stream": the tag was found as ASCII bytes, so the page is no UTF-16 text;
    a real UTF-16 page opens with its byte-order mark or comes with an HTTP charset)."""
    return _meta_codec(_META_CHARSET.search(data[:4096]))


def _meta_codec(match: re.Match[bytes] | None) -> str | None:
    """`declared_charset` of the page's `<meta>` charset declaration `match`."""
    codec = _codec(match.group(1).decode("ascii", "ignore")) if match else None
    return "utf-8" if codec and codec.startswith(("utf-16", "utf-32")) else codec


def decode_html(data: bytes | str, encoding: str | None = None) -> tuple[str, str | None]:
    """The page as text and a warning (None when decoding was clean). Never raises.

    Order: HTTP `encoding` hint, byte-order mark, `<meta charset>`, utf-8, windows-1252 (which
    decodes every byte, with replacement characters for the five it leaves undefined). NUL
    characters are removed (an HTML parser would turn them into U+FFFD in the text).
    """
    text, warning = _decode(data, encoding)
    # a search for a NUL (memchr) costs a fraction of `replace`'s pass, and almost no page has one
    return (text.replace("\x00", "") if "\x00" in text else text), warning


def _decode(data: bytes | str, encoding: str | None) -> tuple[str, str | None]:
    if isinstance(data, str):
        return data, None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), None
            except UnicodeDecodeError:
                lenient = f"page is not valid {name} as its byte-order mark says; decoded leniently"
                return data[len(bom) :].decode(name, errors="replace"), lenient
    warning: str | None = None
    hinted = _codec(encoding)
    # the page's declaration, searched for once (the search reads up to 4 KB of markup)
    meta = _META_CHARSET.search(data[:4096])
    in_page = _meta_codec(meta)
    if encoding and hinted is None:
        warning = f"unknown HTTP charset {encoding!r} ignored"
    elif meta and in_page is None:
        label = meta.group(1).decode("ascii", "ignore")
        warning = f"unknown charset {label!r} declared in the page ignored"
    declared = [c for c in (hinted, in_page) if c is not None]
    if declared and declared[0] not in ("utf-8", "utf-8-sig") and not data.isascii():
        # a server default of iso-8859-1 in front of utf-8 pages is common, and so is a page
        # re-saved as utf-8 that still says gb2312: valid utf-8 with non-ASCII bytes is almost
        # never text in a legacy charset, and reading it as such stores mojibake
        try:
            return data.decode("utf-8"), f"charset {declared[0]!r} declared but the page is utf-8"
        except UnicodeDecodeError:
            pass
    for name in declared:
        try:
            return data.decode(name), warning
        except UnicodeDecodeError as exc:
            if _cut_short(exc, data) and name in ("utf-8", "utf-8-sig"):
                return data.decode(name, errors="replace"), _CUT_SHORT
            warning = f"page is not valid {name} as declared; decoded leniently"
            if name not in ("utf-8", "utf-8-sig"):
                return data.decode(name, errors="replace"), warning
    try:
        return data.decode("utf-8"), warning
    except UnicodeDecodeError as exc:
        if _cut_short(exc, data):
            return data.decode("utf-8", errors="replace"), _CUT_SHORT
    text = data.decode("windows-1252", errors="replace")
    return text, warning or "no declared charset and not utf-8: decoded as windows-1252"


_CUT_SHORT = "page ends in the middle of a utf-8 character (cut short?); decoded as utf-8"


def _cut_short(error: UnicodeDecodeError, data: bytes) -> bool:
    """True when the only fault of `data` as utf-8 is a character cut off at its very end (a
    download or a file truncated mid-character): everything before decoded, so the page is
    utf-8 (a replacement character for the cut bytes), not another charset."""
    return error.reason == "unexpected end of data" and error.end == len(data)


#: Bytes that never occur in text (WHATWG MIME Sniffing, "binary data byte"): 0x00-0x08, 0x0B,
#: 0x0E-0x1A, 0x1C-0x1F. Tab, line feed, form feed, carriage return and escape are text.
_BINARY_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
#: How much of a resource the sniffing standard reads ("resource header": 1,445 bytes).
_SNIFF_BYTES = 1445


def looks_binary(data: bytes) -> bool:
    """True when `data` is no text at all: a binary byte in its first 1,445 bytes and no BOM.

    The test of the WHATWG MIME Sniffing standard (§7.1, text/plain against
    application/octet-stream); a UTF-16 or UTF-32 page opens with its byte-order mark and passes.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return not _BINARY_BYTES.isdisjoint(data[:_SNIFF_BYTES])
