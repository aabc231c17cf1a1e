"""The language: declared signals first, then the identification library, any ISO 639-1 code."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.extract.lang import short_lang
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
