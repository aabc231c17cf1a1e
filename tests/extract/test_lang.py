"""The language: declared signals first, then the identification library, any ISO 639-1 code."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import numpy as np

from scraper.extract import extract_article
from scraper.extract.lang import AUTOMATON_DEPTHS, _identifier, _window_states, short_lang
from scraper.sites import generic_profile

GERMAN = (
    "<h1>Neue Spielplätze im Westbezirk</h1><p>Der Bezirk eröffnet im Frühjahr drei neue "
    "Spielplätze entlang des Kanals. Die Anwohner hatten sich seit Jahren dafür eingesetzt, "
    "und nun stehen die Pläne fest: Klettergerüste, Sandkästen und eine Wasserstelle.</p>"
)


def _page(body: str, lang: str | None = None) -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<html{attr}><head><title>t</title></head><body><article>{body}</article></body></html>"


def test_an_undeclared_german_page_is_german() -> None:
    article = extract_article(_page(GERMAN), "https://bezirk.example/a/", profile=generic_profile())
    assert article.lang == "de" and article.sources["lang"] == "text"


def test_any_declared_iso_code_is_kept() -> None:
    article = extract_article(
        _page(GERMAN.replace("Der Bezirk", "El distrito"), "es-ES"),
        "https://x.example/a/",
        profile=generic_profile(),
    )
    # a German text declared Spanish: the long, unambiguous text wins, and a warning says so
    assert article.lang == "de"
    assert any("'es'" in w for w in article.warnings)
    short = extract_article(
        _page("<h1>Hola</h1><p>Un texto breve.</p>", "es"),
        "https://x.example/b/",
        profile=generic_profile(),
    )
    assert short.lang == "es" and short.sources["lang"] == "html"


def test_too_little_text_gives_no_language() -> None:
    article = extract_article(
        _page("<h1>Ok</h1><p>12 / 3</p>"), "https://x.example/a/", profile=generic_profile()
    )
    assert article.lang is None


def test_a_profile_restricts_the_languages() -> None:
    """The hub profile publishes in fr, nl and en: the identifier chooses among them only, and a
    declared German is not one of them."""
    article = extract_article(_page(GERMAN, "de"), "https://hub.brussels/x/")
    assert article.lang in ("fr", "nl", "en", None)
    assert any("'de'" in w and "not one of" in w for w in article.warnings)


def test_language_tags_become_iso_codes() -> None:
    assert short_lang("fr-BE") == "fr"
    assert short_lang("de_AT") == "de"
    assert short_lang("x-default") is None
    assert short_lang("und") is None


# the identifier's n-gram count done with numpy (`_window_states`) must be the library's own


def _automaton_depth(identifier: Any) -> int:
    """The longest path from the start state to the first visit of any state: the depth of
    the Aho-Corasick trie (the longest n-gram)."""
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)
    rowbase = np.array(identifier._rowbase, dtype=np.int64)
    depth = np.full(len(rowbase), -1)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while len(frontier):
        reached = np.unique(nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        level += 1
        depth[frontier] = level
    return int(depth.max())


def test_the_known_automaton_depth_is_the_models() -> None:
    identifier = _identifier(None)
    shape = (len(identifier.tk_nextmove), len(identifier._rowbase))
    if shape not in AUTOMATON_DEPTHS:
        assert identifier.walk is None  # another model: the library walks it
        return
    assert identifier.walk is not None
    assert _automaton_depth(identifier) == AUTOMATON_DEPTHS[shape]


def test_the_numpy_count_is_the_librarys() -> None:
    from py3langid.langid import visit_counts

    identifier = _identifier(None)
    if identifier.walk is None:
        return
    walk = identifier.walk
    rng = random.Random(13)
    texts = [
        "",
        "a",
        "ab",
        GERMAN,
        "Le marché couvert rouvre ses portes après deux ans de travaux, annonce la commune.",
        "De gemeente opent drie nieuwe speeltuinen langs het kanaal, zegt de schepen.",
        "Москва — столица России. 東京は日本の首都です。",
    ]
    texts += [
        "".join(chr(rng.randrange(32, 0x17F)) for _ in range(rng.randrange(1, 700)))
        for _ in range(60)
    ]
    for text in texts:
        data = identifier._encode(text)
        expected = visit_counts(
            identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data
        )
        states = _window_states(walk, data)
        features = [f for f in walk.output[states].tolist() if f >= 0]
        assert (Counter(features) if features else None) == expected
        assert list(Counter(features)) == list(expected or ())  # the same order: the same sums
    for _ in range(60):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 700)))
        expected = visit_counts(
            identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data
        )
        features = [f for f in walk.output[_window_states(walk, data)].tolist() if f >= 0]
        assert list((Counter(features) if features else {}).items()) == list(
            (expected or {}).items()
        )


def test_the_scores_are_the_librarys() -> None:
    """Counted with numpy and scored against float32 weights, a sample's scores are bit for bit
    the library's own, for the full model and a restricted one: the same verdicts, the same
    probabilities against the thresholds."""
    from py3langid.langid import LanguageIdentifier

    rng = random.Random(15)
    texts = [
        GERMAN,
        "Le marché couvert rouvre ses portes après deux ans de travaux, annonce la commune.",
        "De gemeente opent drie nieuwe speeltuinen langs het kanaal, zegt de schepen. " * 8,
        "Москва — столица России. 東京は日本の首都です。",
    ]
    texts += [
        "".join(chr(rng.randrange(32, 0x17F)) for _ in range(rng.randrange(1, 700)))
        for _ in range(40)
    ]
    for languages in (None, ("fr", "nl", "en")):
        identifier = _identifier(languages)
        for text in texts:
            data = identifier._encode(text)
            ours = identifier._raw_score(data)
            theirs = LanguageIdentifier._raw_score(identifier, data)
            assert ours.dtype == theirs.dtype and ours.tobytes() == theirs.tobytes()


def test_the_verdicts_are_the_librarys() -> None:
    """The softmax done on Python floats gives the library's label, and its probability to
    within the library's own single-precision rounding (a sum of ~100 float32 terms)."""
    from py3langid.langid import LanguageIdentifier

    rng = random.Random(17)
    texts = [
        "",
        "a",
        GERMAN,
        "Le marché couvert rouvre ses portes après deux ans de travaux, annonce la commune.",
        "De gemeente opent drie nieuwe speeltuinen langs het kanaal, zegt de schepen. " * 8,
        "Москва — столица России. 東京は日本の首都です。",
        "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor. " * 6,
    ]
    texts += [
        "".join(chr(rng.randrange(32, 0x17F)) for _ in range(rng.randrange(1, 700)))
        for _ in range(60)
    ]
    for languages in (None, ("fr", "nl", "en")):
        identifier = _identifier(languages)
        for text in texts:
            ours = identifier.classify(text)
            theirs = LanguageIdentifier.classify(identifier, text)
            assert ours[0] == theirs[0]
            assert abs(ours[1] - theirs[1]) <= 1e-5 * theirs[1]
