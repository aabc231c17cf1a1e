"""The one text normaliser, applied to everything the extractor and discovery read: NFC, invisible
characters, control characters, NULs and lone surrogates removed, every run of whitespace (no-break
and thin spaces included) one space."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Characters that render as nothing (zero-width, soft hyphen, BOM, bidi marks) and lone
#: surrogates (a JSON `"\udfff"` escape: no text, and no database can store it): removed. Those
#: that render as a space (no-break, thin, figure...) are whitespace to `str.split` already.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\ud800-\udfff]")
_APOSTROPHES = str.maketrans("’‘ʼ`´", "'" * 5)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
#: NULs and other control characters (tab, line feed and carriage return are whitespace), and lone
#: UTF-16 surrogates (a page decoded with errors replaced): nothing a reader sees, and nothing
#: PostgreSQL or a JSON encoder accepts.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


_UNREADABLE = re.compile(r"[\x00\ud800-\udfff]")


def scrub(document: str) -> str:
    """A whole decoded page without NULs and lone surrogates (a parser stops at a NUL, and no
    database or JSON encoder takes a lone surrogate); cheap enough for every page."""
    if "\x00" not in document and (document.isascii() or _encodable(document)):
        return document  # the usual page, told in two C-speed scans instead of a regex scan
    return _UNREADABLE.sub("", document)


def _encodable(document: str) -> bool:
    """True when `document` holds no lone surrogate (the one thing UTF-8 cannot encode)."""
    try:
        document.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def normalize_text(value: str | None) -> str:
    """One line of text: NFC, invisible characters removed, every run of whitespace one space, trimmed."""
    if not value:
        return ""
    if value.isascii():
        return " ".join(_CONTROL.sub("", value).split())
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", value))
    return " ".join(_CONTROL.sub("", text).split())


def normalize_lines(value: str | None) -> list[str]:
    """Text split on line breaks, each line normalised, empty lines dropped."""
    if not value:
        return []
    # `normalize_text` of each line, its character passes run once over the whole text: none of
    # them changes or moves a line break (NFC composes nothing across it)
    if not value.isascii():
        value = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", value))
    value = _CONTROL.sub("", value)
    # `map` over the C methods: no Python frame per line (most texts split into a few)
    return [line for line in map(" ".join, map(str.split, value.split("\n"))) if line]


#: The gaps between the words of a folded text (`fold`): what is not a lower-case ASCII letter or
#: a digit. Splitting on them gives a slug's or a name's words ("neue-oeffnungszeiten" -> neue,
#: oeffnungszeiten); replacing them with "-" writes a name as a web address does ("marie-leroy").
NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16384)
def fold(value: str) -> str:
    """A comparison key: lower case, accents removed, whitespace normalised ("Santé" -> "sante")."""
    folded = normalize_text(value).casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_APOSTROPHES))
    return _COMBINING.sub("", decomposed)
