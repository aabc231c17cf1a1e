"""Kinds a review of extractor 20 found, each on a page or input written here.

1. The Spanish, Italian and Portuguese words read beside the four languages' hide no interviewee
   behind an English or Dutch word of the same spelling: "as Sarah Collins explains" (pt "as"),
   "no" (pt), "na" (Dutch "after") are no article nor place preposition.
2. A name's particle run stays: "Jan van der Meersche"; "Thomas Verbeke de Brusselse ondernemer"
   is cut.
3. A `<title>` fallback of hundreds of pieces is not cut piece by piece (each cut walks the page:
   45 s on a large page).
4. Two local numbers on one line ("05 22 43 61 70 / 06 61 23 45 67") are looked up one by one,
   and a number valid in two regions is read in its main one (Casablanca: Morocco).
"""

from __future__ import annotations

import pytest

from scraper.extract.contacts import region_of_place
from scraper.extract.page import Page
from scraper.extract.qa import _unglued
from scraper.extract.title import MAX_TITLE_PIECES
from tests.extract.reading import read


def _interview(lead: str, *, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Exports | Trade'
        "</title></head><body><main><article><h1>Exports to Canada doubled</h1>"
        f"<p class='lead'>{lead}</p>"
        "<p>Q: Why Canada?</p><p>A: We found the market open and our partners reliable there.</p>"
        "<p>Q: What comes next?</p><p>A: We will open an office in Toronto next year.</p>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    "lead",
    [
        "Exports to Canada doubled last year, as Sarah Collins explains in this interview.",
        "No doubt about it for Sarah Collins, who answers our questions.",
    ],
)
def test_an_english_word_spelt_as_a_portuguese_one_hides_no_interviewee(lead: str) -> None:
    record = read(_interview(lead), "https://trade.example.com/news/exports-canada")
    assert [pair.speaker for pair in record.qa] == ["Sarah Collins", "Sarah Collins"]


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Jan van der Meersche vertelt", "Jan van der Meersche vertelt"),
        ("Thomas Verbeke de Brusselse ondernemer", "Thomas Verbeke"),
    ],
)
def test_a_names_particles_stay_and_a_glued_apposition_goes(words: str, name: str) -> None:
    assert " ".join(_unglued(words.split(), None)) == name


def test_a_title_of_hundreds_of_pieces_is_not_cut_piece_by_piece(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    title = " | ".join(f"Piece {i}" for i in range(400))
    page = (
        f"<html><head><title>{title}</title></head><body><h2>Local news of the day</h2>"
        f"<p>{'A first paragraph of the story. ' * 20}</p></body></html>"
    )
    walks = []
    printing = Page.element_printing

    def counted(self: Page, text: str) -> object:
        walks.append(text)
        return printing(self, text)

    monkeypatch.setattr(Page, "element_printing", counted)
    record = read(page, "https://news.example.org/story/local-news")
    assert record.title
    # each cut tried is a walk of the page's strings: a few, never one per piece
    assert len(walks) <= 2 * MAX_TITLE_PIECES, len(walks)


def test_two_numbers_on_a_line_and_the_main_region_of_a_shared_code() -> None:
    line = "Notre attaché à Casablanca, au 05 22 43 61 70 / 06 61 23 45 67."
    assert region_of_place([line], ("BE",)) == "MA"
    assert region_of_place(["Notre attaché à Casablanca, au 05 22 43 61 70."], ("BE",)) == "MA"
