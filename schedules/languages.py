"""The language codes a user may filter by (`--lang` on the command line, `lang=` in the web
view): ISO 639-1, the two letters the archive stores (`fr`, `nl`, `en`)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _iso_639_1() -> frozenset[str]:
    """The ISO 639-1 codes (CLDR's two-letter language codes, from babel), read once and only
    when a filter names a language."""
    from babel import Locale

    return frozenset(
        code for code in Locale("en").languages if isinstance(code, str) and len(code) == 2
    )


def is_language_code(code: str) -> bool:
    """True when `code` (already lower-cased) is an ISO 639-1 code: `xx`, `fr-be` and `french`
    are typos to report, not filters that quietly match nothing."""
    return code in _iso_639_1()
