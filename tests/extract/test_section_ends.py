"""Where the text ends (issue 13): a related-list heading ("See also") is no end of the article,
the list under it is left out by its structure; a heading whose section is all left out goes
with it; a heading over headings stays."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.models import CONTENT_FIELDS
from scraper.sites import generic_profile

GENERIC = generic_profile()
URL = "https://almanac.example/wiki/Lighthouses/"
EN = (
    "<p>The first lighthouse of the bay was a wooden tower lit with whale oil, built by the "
    "harbour guild after a winter of wrecks on the northern sandbank.</p>"
    "<p>A stone tower replaced it a century later; its lens, ground in Paris, could be seen "
    "from twenty nautical miles on a clear night.</p>"
)
FR = (
    "<p>Le premier phare de la baie était une tour de bois éclairée à l'huile de baleine, "
    "bâtie par la guilde du port après un hiver de naufrages sur le banc du nord.</p>"
    "<p>Une tour de pierre l'a remplacée un siècle plus tard ; sa lentille, taillée à Paris, "
    "portait à vingt milles nautiques par nuit claire.</p>"
)
NOTES_EN = (
    "<p>Tower heights are given above mean high water, as the harbour registers of the period "
    "recorded them.</p>"
)
NOTES_FR = (
    "<p>Les hauteurs des tours sont données au-dessus des pleines mers moyennes, comme les "
    "registres du port de l'époque les notaient.</p>"
)


def _links(prefix: str, count: int = 4) -> str:
    return "".join(f"<li><a href='/wiki/{prefix}_{i}'>{prefix} {i}</a></li>" for i in range(count))


def _encyclopedia(text: str, see_also: str, notes: str, notes_text: str) -> str:
    """An encyclopedia article: sections, a list of links under a related heading, then notes
    of its own."""
    return (
        "<html><body><div id='content' role='main'><h1>Lighthouses of the bay</h1>"
        f"<div class='body-text'>{text}<h2>{see_also}</h2><ul>{_links('Topic')}</ul>"
        f"<h2>{notes}</h2>{notes_text}</div></div></body></html>"
    )


def _blog(text: str, see_also: str, notes: str, notes_text: str) -> str:
    """The same kind on a blog template: `<article>`, `<h3>` sections."""
    return (
        "<html><body><main><article><header><h1>Phares de la baie</h1></header>"
        f"<section class='entry'>{text}<h3>{see_also}</h3><ul>{_links('Page')}</ul>"
        f"<h3>{notes}</h3>{notes_text}</section></article></main></body></html>"
    )


def _text(html: str) -> str:
    record = extract_article(html, URL, profile=GENERIC)
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def _content(html: str) -> dict[str, Any]:
    record = extract_article(html, URL, profile=GENERIC).to_dict()
    return {name: record[name] for name in CONTENT_FIELDS}


@pytest.mark.parametrize(
    ("page", "notes_words", "see_also", "item"),
    [
        (_encyclopedia(EN, "See also", "Notes", NOTES_EN), "mean high water", "See also", "Topic"),
        (_blog(FR, "Voir aussi", "Notes", NOTES_FR), "pleines mers moyennes", "Voir aussi", "Page"),
    ],
)
def test_sections_after_a_see_also_list_are_still_the_article(
    page: str, notes_words: str, see_also: str, item: str
) -> None:
    """ "See also" closes a list, not the article: the notes after it are read, the list and its
    heading are not."""
    text = _text(page)
    assert notes_words in text
    assert "Notes" in text
    assert see_also not in text
    assert f"{item} 1" not in text


@pytest.mark.parametrize("heading", ["Tags", "Mots-clés", "Trefwoorden"])
def test_a_heading_over_a_list_of_links_goes_with_the_list(heading: str) -> None:
    """A heading whose whole section is left out (a tag list, by its link density) is no text,
    whatever it says: no phrase list decides it."""
    page = (
        f"<html><body><main><article><h1>Lighthouses of the bay</h1>{EN}"
        f"<h2>{heading}</h2><ul>{_links('tag', 5)}</ul></article></main></body></html>"
    )
    text = _text(page)
    assert "whale oil" in text and "twenty nautical miles" in text
    assert heading not in text


def test_a_heading_over_headings_stays() -> None:
    """A group title straight above its sections' headings has no text of its own: it stays."""
    page = (
        "<html><body><main><article><h1>Lighthouses of the bay</h1>"
        f"<h2>History</h2><h2>The wooden tower</h2>{EN}</article></main></body></html>"
    )
    text = _text(page)
    assert "History" in text and "The wooden tower" in text


def test_a_comments_heading_still_ends_the_text() -> None:
    """Comments are running text: the heading that names them ends the article."""
    page = (
        f"<html><body><main><article><h1>Lighthouses of the bay</h1>{EN}"
        "<h2>Comments</h2><p>I grew up beside the northern tower and never knew it was once "
        "made of wood, thank you for this.</p></article></main></body></html>"
    )
    text = _text(page)
    assert "whale oil" in text
    assert "grew up" not in text


@pytest.mark.parametrize(
    ("with_list", "without_list"),
    [
        (
            _encyclopedia(EN, "See also", "Notes", NOTES_EN),
            _encyclopedia(EN, "See also", "Notes", NOTES_EN)
            .replace(f"<ul>{_links('Topic')}</ul>", "")
            .replace("<h2>See also</h2>", ""),
        ),
        (
            _blog(FR, "Voir aussi", "Notes", NOTES_FR),
            _blog(FR, "Voir aussi", "Notes", NOTES_FR)
            .replace(f"<ul>{_links('Page')}</ul>", "")
            .replace("<h3>Voir aussi</h3>", ""),
        ),
    ],
)
def test_a_see_also_list_leaves_the_record_as_without_it(with_list: str, without_list: str) -> None:
    """Neutral edit: the same article with or without a list of links under its own heading."""
    assert _content(with_list) == _content(without_list)
