"""The page's language: any ISO 639-1 code, from declared signals weighed against a language
identification library (py3langid: its model ships inside the package, nothing is downloaded)."""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

#: The identifier's verdict on a text alone (nothing declared) counts above this probability:
#: below it, short or mixed texts are often misread (a German title read as Dutch).
MIN_PROBABILITY = 0.9
#: A declaration (`<html lang>`, a URL segment) gives way to the text only when the identifier is
#: this sure, on at least `CONTRADICT_CHARS` characters (about 30 words): templates keep a wrong
#: `lang` when an article is copied from another language, but a title alone is no proof.
CONTRADICT_PROBABILITY = 0.999
CONTRADICT_CHARS = 200
#: Characters of title + lead + body read by the identifier (about 90 words): enough for a firm
#: verdict, and the cost (the identifier walks the sample byte by byte in Python) stays small.
SAMPLE_CHARS = 600
#: Below this many letters the identifier is not asked (a caption, a title alone).
MIN_LETTERS = 20
_CODE = re.compile(r"^[a-z]{2}$")
_URL_LANG = re.compile(r"^/([a-z]{2})(?:[-_][a-z]{2})?(?:/|$)", re.IGNORECASE)


def short_lang(value: str | None) -> str | None:
    """ "fr-BE" -> "fr", "de_AT" -> "de": the ISO 639-1 code of a language tag, else None
    ("x-default", "und", "")."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.match(code) else None


@lru_cache(maxsize=1)
def _full_identifier() -> Any:
    """The py3langid identifier over every language it knows (probabilities normalised), loaded
    once per process: reading its model (an LZMA-compressed file) costs about half a second."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...] | None) -> Any:
    """A py3langid identifier restricted to `languages` when given, else the full one: a copy
    of the full identifier (restricting it builds new arrays; the loaded model is shared, not
    read again for each set of languages)."""
    full = _full_identifier()
    if not languages:
        return full
    identifier = copy.copy(full)
    identifier.set_languages([code for code in languages if code in full.nb_classes])
    return identifier


@lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """The codes the identifier knows: a URL segment is a language only if it is one of them."""
    return frozenset(_identifier(None).nb_classes)


def lang_from_url(url: str) -> str | None:
    """The language of a URL path prefix ("/nl/...", "/de-at/..."), if it names a language."""
    match = _URL_LANG.match(urlsplit(url).path or "")
    if not match:
        return None
    code = match.group(1).lower()
    return code if code in known_languages() else None


def identify(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, float] | None:
    """(code, probability) of the language `text` is written in, among `languages` when given;
    None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample[:400])) < MIN_LETTERS:
        return None
    code, probability = _identifier(languages or None).classify(sample)
    return str(code), float(probability)
