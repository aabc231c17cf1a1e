"""Counters around an article (views, shares, comments, reading time): page furniture.

"1 284 vues", "3 min read", "💬 4 comments", "Gelezen: 12" change on every visit; they are never
lead or body text, and the archive's content hash ignores them (see `storage.rows.content_hash`),
so a page whose counter moves on every capture keeps one version. The counter words are the
per-language vocabulary's `counter_words`. Pure text: the archive imports it to hash content.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper import lexicon
from scraper.text import fold

#: A counter line is short: a line of metadata, not a sentence that mentions a number.
MAX_COUNTER_LINE = 120
#: Words left once counters, dates and separators are gone: a sector label or a byline name may
#: sit on the same line ("Retail · 16 May 2025 · 1,284 views"); a sentence leaves more.
MAX_OTHER_WORDS = 2
_NUMBER = r"\d[\d\s.,]*\s*[km]?\+?"
#: Numeric dates beside the counters ("16/05/2025", "2025-05-16"); a written month stays a word.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}\b|\b(?:19|20)\d{2}\b")
_SEPARATORS = re.compile(r"[\s·|•–—\-/:,()\[\]]+|[^\w\s]", re.UNICODE)
#: A counter's unit may be abbreviated at the line's end ("Lesezeit: 4 Min."): a final dot after a
#: word of at most this many letters closes the abbreviation, not a sentence (a sentence is still
#: told by the words the counters leave, `MAX_OTHER_WORDS`).
MAX_ABBREVIATION = 3
_ABBREVIATED_END = re.compile(rf"(?<![^\W\d_])[^\W\d_]{{1,{MAX_ABBREVIATION}}}\.$")


@lru_cache(maxsize=1)
def _counter_pattern() -> re.Pattern[str]:
    words = "|".join(
        re.escape(w) for w in sorted(lexicon.words("counter_words"), key=len, reverse=True)
    )
    return re.compile(rf"(?:{_NUMBER}\s*(?:{words})\b|\b(?:{words})\s*:?\s*{_NUMBER})")


def is_counter_line(text: str) -> bool:
    """True for a short line made of counters (with at most a label or a date beside them),
    ending in no sentence's mark: a final dot closes an abbreviated unit only ("Lesezeit: 4
    Min.", `MAX_ABBREVIATION`)."""
    if not text or len(text) > MAX_COUNTER_LINE:
        return False
    end = text.rstrip()
    if end.endswith(("?", "!")) or (end.endswith(".") and not _ABBREVIATED_END.search(end)):
        return False
    folded = fold(text)
    pattern = _counter_pattern()
    if not pattern.search(folded):
        return False
    rest = _NUMERIC_DATE.sub(" ", pattern.sub(" ", folded))
    return len([w for w in _SEPARATORS.split(rest) if w]) <= MAX_OTHER_WORDS


def without_counters(text: str | None) -> str | None:
    """`text` (paragraphs separated by blank lines) without its counter paragraphs."""
    if not text:
        return text
    kept = [p for p in text.split("\n\n") if not is_counter_line(p.strip())]
    return "\n\n".join(kept) or None
