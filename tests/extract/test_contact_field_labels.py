"""Contact field labels ("Nom :", "Functie", "Postal address") come from the per-language
vocabulary data (`contact_*_labels` in `scraper/vocabulary/<lang>.toml`): a labelled line gives
its field and value in each language, a bare label cell gives its field, and a word that only
starts like a label is no label."""

from __future__ import annotations

import pytest

from scraper.extract.labels import FIELD_LABEL_KEYS, FIELD_LABELS, field_label
from scraper.lexicon import LANGUAGES, words_of
from scraper.text import fold


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nom : Claire Dubois", ("name", "Claire Dubois")),
        ("Personne de contact: Claire Dubois", ("name", "Claire Dubois")),
        ("Functie: Projectleider", ("role", "Projectleider")),
        ("Job title: Trade attaché", ("role", "Trade attaché")),
        ("Adres : Kunstlaan 1, 1000 Brussel", ("address", "Kunstlaan 1, 1000 Brussel")),
        ("Postal address: Avenue des Arts 1", ("address", "Avenue des Arts 1")),
        ("Tél. : +32 2 800 40 00", ("other", "+32 2 800 40 00")),
        ("Courriel : info@example.be", ("other", "info@example.be")),
        ("ADRESSE", ("address", "")),
    ],
)
def test_a_labelled_line_gives_its_field_in_each_language(
    line: str, expected: tuple[str, str]
) -> None:
    assert field_label(line) == expected


@pytest.mark.parametrize("line", ["Nominee: Claire Dubois", "Adressee unknown", "Telefoonboek"])
def test_a_word_starting_like_a_label_is_no_label(line: str) -> None:
    assert field_label(line) is None


def test_every_label_is_vocabulary_data_of_a_language() -> None:
    for field, key in FIELD_LABEL_KEYS.items():
        of_languages = set().union(*(words_of(key, lang) for lang in LANGUAGES))
        assert FIELD_LABELS[field]
        assert {fold(label) for label in FIELD_LABELS[field]} == of_languages
