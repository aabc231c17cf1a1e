"""The words of a language that bylines, contacts, pagination and furniture URLs are told by are
vocabulary data (`scraper/vocabulary/<lang>.toml`: `byline_words`, `street_words`,
`next_page_texts`, `furniture_path_words`…), not lists in the code: a word added to a language's
file is picked up by the extractor and the crawler. Each case runs a fresh interpreter reading a
copy of the vocabulary (the patterns are compiled once, when their module is imported), with and
without the added word, so the test fails when the word is not read from the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scraper import lexicon
from scraper.extract.contacts import _CONTACT_PREFIX, _LINK_WORDS, BYLINE

# a German article whose byline ("Autor …") no vocabulary holds: it stays in the body
DE_ARTICLE = (
    "<html lang='de'><head><meta charset='utf-8'><title>Radwege</title></head><body><article>"
    "<h1>Stadtrat beschließt den Radverkehrsplan</h1><p>Autor Hans Müller</p>"
    "<p>Der Stadtrat hat am Dienstag den neuen Radverkehrsplan beschlossen, nach zwei Jahren "
    "Beratung mit Anwohnern und Schulen.</p>"
    "<p>Vierzig Kilometer geschützte Radwege entstehen in den nächsten drei Jahren, sagte die "
    "Bürgermeisterin.</p></article></body></html>"
)
# a German listing whose only way to its second page is a link saying "Weiter"
DE_LISTING = (
    "<html lang='de'><body><ul><li><a href='/aktuelles/radwege-beschlossen'>Radwege</a></li></ul>"
    "<div class='pager'><a href='/aktuelles/neueste-meldungen'>Weiter</a></div></body></html>"
)

PROBE = """
import json, sys
from pathlib import Path
import scraper.lexicon as lexicon
lexicon.VOCABULARY_DIR = Path(sys.argv[1])
from bs4 import BeautifulSoup
from scraper.extract import extract_article
from scraper.linkrules import is_excluded
from scraper.pagination import next_page
from scraper.sites import generic_profile
article, listing = json.loads(sys.stdin.read())
record = extract_article(
    article, "https://news.example.de/2026/03/radwege", profile=generic_profile()
).content_dict()
print(json.dumps({
    "body": record["body"],
    "next": next_page(
        BeautifulSoup(listing, "html.parser"), "https://news.example.de/aktuelles/",
        selectors=(), hosts=frozenset({"news.example.de"}),
    ),
    "excluded": is_excluded("https://news.example.nl/nl/activiteiten/zomerfeest-2026"),
}))
"""


def _read_with(vocabulary: Path) -> dict[str, object]:
    """What a fresh interpreter reading `vocabulary` makes of the German article and listing."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(vocabulary)],
        input=json.dumps([DE_ARTICLE, DE_LISTING]),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _add(file: Path, key: str, word: str) -> None:
    """`word` added to the list `key` of a language's vocabulary file (the list made if none)."""
    text = file.read_text(encoding="utf-8")
    opening = f"\n{key} = ["
    if opening in text:
        text = text.replace(opening, f'{opening}"{word}", ', 1)
    else:
        text += f'\n{key} = ["{word}"]\n'
    file.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def stock_and_added(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    stock = tmp_path_factory.mktemp("stock") / "vocabulary"
    shutil.copytree(lexicon.VOCABULARY_DIR, stock)
    added = tmp_path_factory.mktemp("added") / "vocabulary"
    shutil.copytree(lexicon.VOCABULARY_DIR, added)
    _add(added / "de.toml", "byline_words", "autor")
    _add(added / "de.toml", "next_page_texts", "weiter")
    _add(added / "nl.toml", "furniture_path_words", "activiteiten")
    return _read_with(stock), _read_with(added)


def test_a_byline_word_added_to_a_language_takes_the_byline_out_of_the_body(
    stock_and_added: tuple[dict, dict],
) -> None:
    stock, added = stock_and_added
    assert "Autor Hans Müller" in stock["body"]
    assert "Autor Hans Müller" not in added["body"]
    assert "Vierzig Kilometer" in added["body"]


def test_a_next_page_text_added_to_a_language_leads_the_crawl_to_the_next_page(
    stock_and_added: tuple[dict, dict],
) -> None:
    stock, added = stock_and_added
    assert stock["next"] is None
    assert added["next"] == "https://news.example.de/aktuelles/neueste-meldungen"


def test_a_furniture_path_word_added_to_a_language_keeps_its_pages_out(
    stock_and_added: tuple[dict, dict],
) -> None:
    stock, added = stock_and_added
    assert stock["excluded"] is False
    assert added["excluded"] is True


@pytest.mark.parametrize(
    "key",
    [
        "byline_words",
        "byline_labels",
        "honorifics",
        "channel_link_words",
        "contact_intro_labels",
        "contact_intro_verbs",
        "street_words",
        "street_words_after_number",
        "street_suffixes",
        "obfuscated_ats",
        "obfuscated_dots",
        "next_page_texts",
        "page_control_texts",
        "page_words",
        "furniture_path_words",
    ],
)
def test_every_moved_word_list_is_data_of_a_language(key: str) -> None:
    assert lexicon.words(key, folded=False)


def test_a_phrase_of_the_vocabulary_matches_across_any_run_of_spaces() -> None:
    assert _LINK_WORDS.search("Mail  ons")
    assert _CONTACT_PREFIX.sub("", "Contact presse : Chloé Martin") == "Chloé Martin"
    assert _CONTACT_PREFIX.sub("", "Contacts : Chloé Martin") == "Chloé Martin"
    assert BYLINE.match("Tekst Jan Peeters") and not BYLINE.match("Textile Partners")
