"""Per-language vocabulary (fr, nl, en, de) as data: `scraper/vocabulary/<lang>.toml`, read here
(pure: the extractor and the archive's content hash both use it).

What is true of a language on any site lives there (related-section headings, call-to-action
phrases, counter words, publication and update labels, interview cues, contact field labels,
byline words, street words, link texts of pagination, words of furniture URLs); what is true of
one site lives in its profile, whose lists add to these. Month names are the date parser's
(`scraper/vocabulary/dates/`).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from scraper.text import fold

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"
#: The languages whose vocabulary every page is read with (a page's language is not known
#: before its text is read, and a page mixes languages in its furniture).
LANGUAGES = ("fr", "nl", "en", "de")
#: Languages with a partial vocabulary so far: an interview's words (turn labels, pronouns,
#: introducing and role cues, place and agent prepositions, articles) and a picture's credit
#: labels, which news sites abroad write in them. Every key they hold is read with the others
#: (`words`); the language-wide resources read per language (CLDR country names, a language
#: switch's names, `words_of`) stay those of `LANGUAGES`.
MORE_LANGUAGES = ("es", "it", "pt")


@lru_cache(maxsize=8)
def _language(lang: str) -> dict[str, list[str]]:
    data = tomllib.loads((VOCABULARY_DIR / f"{lang}.toml").read_text(encoding="utf-8"))
    return {k: [str(v) for v in vs] for k, vs in data.items() if isinstance(vs, list)}


@lru_cache(maxsize=64)
def words(key: str, *, folded: bool = True, more_languages: bool = True) -> tuple[str, ...]:
    """Every language's entries of `key`, deduplicated, in language order (folded by default:
    lower case, no accents); `more_languages=False`: those of `LANGUAGES` only."""
    out: list[str] = []
    for lang in (*LANGUAGES, *(MORE_LANGUAGES if more_languages else ())):
        for entry in _language(lang).get(key, ()):
            value = fold(entry) if folded else entry
            if value and value not in out:
                out.append(value)
    return tuple(out)


@lru_cache(maxsize=64)
def words_of(key: str, lang: str | None) -> frozenset[str]:
    """The entries of `key` of one language, folded (every language's when `lang` has no
    vocabulary): for words that mean another thing in another language ("du" is German "you"
    and French "of the")."""
    if lang not in LANGUAGES:
        return frozenset(words(key))
    return frozenset(fold(entry) for entry in _language(lang).get(key, ()) if entry)


@lru_cache(maxsize=64)
def alternation(*keys: str) -> str:
    """Every language's entries of `keys`, as written (case is the pattern's flag), as one
    regular-expression alternation: each entry escaped, a space in it standing for any run of
    spaces, longer entries first ("contacts" is tried before "contact"). Cached: a pattern
    built from the vocabulary is compiled once, not per call."""
    entries = dict.fromkeys(entry for key in keys for entry in words(key, folded=False))
    ordered = sorted(entries, key=len, reverse=True)
    return "|".join(re.escape(entry).replace(r"\ ", r"\s+") for entry in ordered)


def labels_longest_first(key: str) -> tuple[str, ...]:
    """`words(key)` with longer phrases first ("publie le" is tried before "publie")."""
    return tuple(sorted(words(key), key=len, reverse=True))


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """The texts of a language switch, folded, with the language each names: every vocabulary
    language's own name ("nederlands") and its code ("nl")."""
    names: dict[str, str] = {}
    for lang in LANGUAGES:
        names[lang] = lang
        for entry in _language(lang).get("language_names", ()):
            names[fold(entry)] = lang
    return names
