"""Bad input never raises: the record comes back with None fields and warnings instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extract import extract_article
from tests import edits

URL = "https://hub.brussels/fr/blog/x/"
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "le-reve-americain.html"


@pytest.mark.parametrize(
    "page",
    [
        b"",
        "",
        b"\x00\xff\xfe\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "<<<>>></p></div><p",
        "<html><body><h1>Titre<p>texte <b>gras <i>mêlé</b> fin</i><table><tr><td>x",
        b"<meta charset='no-such'>\xe9t\xe9",
        "<div>" * 20000 + "<p>profond</p>",
    ],
)
def test_bad_input_gives_a_record(page: str | bytes) -> None:
    article = extract_article(page, URL)
    assert article.url == URL
    assert article.title is None or isinstance(article.title, str)
    assert article.warnings, "a record with missing fields says so"


def test_empty_page_warns_for_each_missing_field() -> None:
    warnings = extract_article(b"", "https://example.org/x").warnings
    assert {"no title found", "no published found", "no lang found"} <= set(warnings)


def test_five_megabyte_page_still_gives_the_article() -> None:
    seed = SEED.read_bytes()
    filler = (
        "<p>Un paragraphe de remplissage pour une très grande page, avec du texte.</p>".encode()
        * 70000
    )
    article = extract_article(edits.replace(seed, b"</main>", filler + b"</main>"), URL)
    assert article.title == "Le rêve américain existe encore"
    assert len(article.qa) == 5
