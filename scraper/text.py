"""Text normalisation applied once to everything the extractor reads: NFC, invisible spaces, whitespace."""

from __future__ import annotations

import re
import unicodedata

#: Characters that render as a space (no-break, thin, figure, ideographic...): become a plain space.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                     "\u2008\u2009\u200a\u205f\u3000\t\r\f\v\x85"), " ")
#: Characters that render as nothing (zero-width, soft hyphen, BOM, bidi marks): removed.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)
_TRANSLATE = {**_SPACE_LIKE, **_INVISIBLE}
_APOSTROPHES = str.maketrans("’‘ʼ`´", "'" * 5)
_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_text(value: str | None) -> str:
    """One line of text: NFC, invisible characters removed, every run of whitespace one space, trimmed."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).translate(_TRANSLATE)
    text = _CONTROL.sub("", text).replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def normalize_lines(value: str | None) -> list[str]:
    """Text split on line breaks, each line normalised, empty lines dropped."""
    if not value:
        return []
    return [line for line in (normalize_text(part) for part in value.split("\n")) if line]


def fold(value: str) -> str:
    """A comparison key: lower case, accents removed, whitespace normalised ("Santé" -> "sante")."""
    folded = normalize_text(value).casefold().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
