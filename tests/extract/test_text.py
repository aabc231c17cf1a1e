"""Text normalisation: what a reader sees, in one canonical form."""

from __future__ import annotations

import unicodedata

from scraper.text import fold, normalize_lines, normalize_text


def test_invisible_and_no_break_spaces_are_normalised() -> None:
    raw = "Le\u00a0rêve\u202fam\u200béricain \u2007existe\u200d\n\t encore\u00ad !"
    assert normalize_text(raw) == "Le rêve américain existe encore !"


def test_decomposed_unicode_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Séoul, Düsseldorf")
    assert normalize_text(decomposed) == "Séoul, Düsseldorf"
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


def test_lines_keep_breaks_and_drop_empty_lines() -> None:
    assert normalize_lines("98 Battery Street\n\n \u00a0\nSan Francisco  CA 94111\n") == [
        "98 Battery Street",
        "San Francisco CA 94111",
    ]


def test_fold_compares_without_case_accents_or_curly_apostrophes() -> None:
    assert fold("Santé & Soins") == fold("sante & soins")
    assert fold("Envie d’en savoir plus") == "envie d'en savoir plus"


def test_nuls_controls_and_lone_surrogates_are_removed() -> None:
    assert normalize_text("Bru\x00xelles\ud800 \x07capitale") == "Bruxelles capitale"


def test_a_record_holds_no_nul_or_surrogate() -> None:
    from scraper.extract import extract_article

    page = (
        "<html lang='fr'><body><article><h1>Un titre\x00 propre</h1>"
        "<p>Un paragraphe avec un NUL\x00 et une moitié de paire \ud83d de substitution.</p>"
        "<p>Encore un paragraphe de texte pour que le corps existe vraiment.</p></article></body></html>"
    )
    record = extract_article(page, "https://hub.brussels/fr/news/un-titre/").to_dict()
    text = repr(record)
    assert "\\x00" not in text and "\\ud83d" not in text
    assert record["title"] == "Un titre propre"
