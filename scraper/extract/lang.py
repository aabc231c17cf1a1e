"""The page's language (fr, nl or en): declared signals weighed against what the text itself says."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

LANGS = ("fr", "nl", "en")
#: Frequent short words that tell the three languages apart (none shared between two of them).
STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        (
            "le",
            "la",
            "les",
            "des",
            "du",
            "une",
            "est",
            "et",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "pas",
            "avec",
            "ce",
            "cette",
            "sont",
            "nous",
            "vous",
            "au",
            "aux",
            "ils",
            "elle",
            "mais",
            "ou",
            "plus",
            "leur",
            "leurs",
            "été",
            "être",
            "fait",
            "comme",
        )
    ),
    "nl": frozenset(
        (
            "het",
            "een",
            "van",
            "dat",
            "die",
            "niet",
            "met",
            "voor",
            "zijn",
            "op",
            "ook",
            "aan",
            "er",
            "maar",
            "om",
            "bij",
            "nog",
            "wordt",
            "worden",
            "naar",
            "dit",
            "deze",
            "wij",
            "ze",
            "hun",
            "heeft",
            "hebben",
            "zo",
            "als",
            "uit",
        )
    ),
    "en": frozenset(
        (
            "the",
            "and",
            "of",
            "to",
            "that",
            "for",
            "with",
            "are",
            "this",
            "be",
            "by",
            "from",
            "was",
            "were",
            "have",
            "has",
            "not",
            "but",
            "they",
            "their",
            "which",
            "it",
            "its",
            "an",
            "will",
            "can",
            "our",
            "you",
            "at",
            "or",
        )
    ),
}
#: stopword -> its language (the lists share no word)
_LANG_OF = {word: lang for lang, words in STOPWORDS.items() for word in words}
_WORD = re.compile(r"[a-zà-ÿ]+")
_URL_LANG = re.compile(r"^/(fr|nl|en)(?:[-_][a-z]{2})?(?:/|$)", re.IGNORECASE)


def short_lang(value: str | None) -> str | None:
    """ "fr-BE" -> "fr"; None when the code is not one of fr, nl, en."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else None


def lang_from_url(url: str) -> str | None:
    """The language of a URL path prefix ("/nl/..."), if any."""
    match = _URL_LANG.match(urlsplit(url).path or "")
    return match.group(1).lower() if match else None


def text_votes(text: str, limit: int = 6000) -> Counter[str]:
    """How many stopwords of each language the first `limit` characters contain."""
    words = _WORD.findall(text[:limit].lower())
    return Counter(lang for lang in map(_LANG_OF.get, words) if lang)


def lang_from_text(text: str, min_votes: int = 8) -> str | None:
    """The language the text is clearly written in: at least `min_votes` stopwords and twice as
    many as the runner-up, else None."""
    votes = text_votes(text)
    if not votes:
        return None
    (best, first), *rest = votes.most_common(2) + [("", 0)]
    second = rest[0][1]
    if first >= min_votes and first >= 2 * second:
        return best
    return None
