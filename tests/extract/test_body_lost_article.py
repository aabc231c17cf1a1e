"""The article lost entirely or mostly on an unusual layout (issue 13, body), each kind on a page
and a sibling in another template:

1. A wrong container: the content root chosen (a content selector's promo `<article>` in a
   sidebar, the paragraphs of a side column of notes) lies beside the page's dominant text
   block and holds less text than it: the dominant block is the text's container.
2. The text split over sibling sections whose class names name furniture (`share-after`,
   `with-sidebar`): every section is dropped, and the body comes out empty although the page
   plainly holds an article; it is read again without taking class names for furniture.

And what must not change: a front page of teasers (no block holds more than a card's text) keeps
an empty body."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article

URL = "https://harbourgazette.example/2026/05/12/tram-line/"

STORY = [
    "The city council on Tuesday approved a new tram line that will link the central station "
    "with the harbour district, ending a decade of debate over the route.",
    "The line, which will run for eleven kilometres and serve fourteen stops, is expected to "
    "carry about forty thousand passengers a day when it opens in four years.",
    "Opponents argued that the budget of three hundred million euros would be better spent on "
    "buses, but the majority said rail was the only option for the district.",
    "Construction is due to start next spring, and the first trams will be tested on the "
    "northern section before the end of the following year, officials said.",
    "Shopkeepers along the quay fear two years of roadworks, and the council has promised a "
    "fund to make up for the customers they lose while the street is closed.",
    "The harbour authority will lend the land for a depot at the old fish market, where the "
    "trams will be kept and repaired at night.",
]


def _page(body: str, title: str = "Council approves tram line") -> str:
    return (
        f"<html lang='en'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Harbour Gazette</a> <a href='/news/'>News</a></nav></header>"
        f"{body}<footer><p>© Harbour Gazette 2026</p></footer></body></html>"
    )


def _text(html: str, url: str = URL) -> tuple[str, str]:
    """The record's (lead and body, body)."""
    record = extract_article(html, url)
    body = record.body or ""
    return "\n\n".join(x for x in (record.lead, record.body) if x), body


# 1. a wrong container beside the dominant text block


def test_a_promo_article_in_the_sidebar_is_not_the_text() -> None:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    html = _page(
        "<div class='columns'><div class='col-main'><h1>Council approves tram line</h1>"
        f"<div class='story'>{story}</div></div>"
        "<div class='col-side'><article class='promo'><h3>Our weekend magazine</h3>"
        "<p>Every Saturday our writers pick the best walks, restaurants and exhibitions in town, "
        "with maps and prices for the whole family.</p></article></div></div>"
    )
    both, body = _text(html)
    assert all(p in both for p in STORY)
    assert STORY[-1] in body
    assert "weekend magazine" not in body
    assert "Every Saturday" not in body


def test_lines_in_a_layout_cell_beat_a_column_of_short_notes() -> None:
    # sibling: an old table layout; the story is lines set apart by <br> in a <font>, the side
    # cell holds short <p> notes (the only <p> text on the page)
    lines = "<br>".join(STORY)
    notes = "".join(
        f"<p>Note {n}: the library on {day} opens late.</p>"
        for n, day in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday") * 2)
    )
    html = (
        "<html lang='en'><head><title>Tram line</title></head><body>"
        f"<table width='800'><tr><td width='200'>{notes}</td>"
        f"<td><font size='4'><b>Council approves tram line</b></font><br>"
        f"<font size='2'>{lines}</font></td></tr></table></body></html>"
    )
    both, body = _text(html, "https://harbour.example/news/tram.html")
    assert all(p in both for p in STORY)
    assert "library" not in both


# 2. the text split over sections whose class names name furniture


@pytest.mark.parametrize(
    ("wrapper", "section"),
    [
        ("div class='page'", "div class='text-block share-after'"),
        ("div class='page'", "div class='chunk modal-ready'"),
        # sibling: an <article> root, the parts in <section>s named for a sidebar layout
        ("article", "section class='story-part with-sidebar'"),
    ],
)
def test_text_split_over_sections_named_as_furniture_is_read(wrapper: str, section: str) -> None:
    opening = wrapper.split()[0]
    tag = section.split()[0]
    parts = [STORY[0:2], STORY[2:4], STORY[4:6]]
    sections = "".join(
        f"<{section}>" + "".join(f"<p>{p} {p}</p>" for p in part) + f"</{tag}>" for part in parts
    )
    html = _page(f"<{wrapper}><h1>Council approves tram line</h1>{sections}</{opening}>")
    both, body = _text(html)
    assert body, "a page that plainly holds an article never yields an empty body"
    assert all(p in both for p in STORY)
    assert STORY[-1] in body


# what must not change


def test_a_front_page_of_teasers_keeps_an_empty_body() -> None:
    teasers = "".join(
        f"<div class='teaser'><h2><a href='/2026/05/{n}/story-{n}/'>Story number {n} of the "
        f"day</a></h2><p>{STORY[n % len(STORY)][:120]}</p><p>By Jane Miller</p></div>"
        for n in range(12)
    )
    html = _page(f"<main><h1>Harbour Gazette</h1>{teasers}</main>", "Harbour Gazette")
    _, body = _text(html, "https://harbourgazette.example/")
    assert not any(p[:120] in body for p in STORY)
