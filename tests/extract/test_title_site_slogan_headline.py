"""A `<title>` written "Site | Slogan | Headline" (or with the site's name last, or with "–"
or "·" between the pieces) on a page whose `<h1>` is the site's banner and whose headline is an
`<h2>`: the piece the page prints as a heading is the headline, wherever it stands; the site's
name and slogan come off, and the headline is not repeated as the body's first paragraph."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

HEADLINE = "School board approves later start times"
SITE, SLOGAN = "Springfield Gazette", "Your town, your news"
ENGLISH = """<html><head><title>{title}</title></head><body>
<div class=site-bar><h1>Springfield Gazette</h1></div>
<div class=main><h2>School board approves later start times</h2>
<p>The Springfield school board voted on Tuesday to push back the start of the school day by
forty minutes from next autumn, citing research on teenagers' sleep.</p>
<p>Parents were divided at the meeting, with some worrying about after-school jobs and sports
schedules that would now run later into the evening.</p></div></body></html>"""
MINIMAL = """<html><head><title>{title}</title></head><body>
<div class=site-bar><h1>Springfield Gazette</h1></div>
<h2>School board approves later start times</h2><p>The board voted on Tuesday.</p></body></html>"""

ORDERS = [(SITE, SLOGAN, HEADLINE), (HEADLINE, SITE, SLOGAN), (SLOGAN, HEADLINE, SITE)]


@pytest.mark.parametrize("template", [ENGLISH, MINIMAL], ids=["page", "minimal"])
@pytest.mark.parametrize("separator", [" | ", " – ", " · "], ids=["bar", "dash", "dot"])
@pytest.mark.parametrize("order", ORDERS, ids=["site-first", "site-after", "site-last"])
def test_the_heading_printed_in_the_title_is_the_headline(
    template: str, separator: str, order: tuple[str, ...]
) -> None:
    html = template.format(title=separator.join(order))
    record = extract_article(html, "https://example.org/news/", profile=generic_profile())
    assert record.title == HEADLINE
    assert HEADLINE not in str(record.body)
    assert SLOGAN not in str(record.title)


# another template and language: a Dutch table layout, the site's name and slogan after the
# headline with dashes, the headline an <h2> in the content cell
DUTCH = """<html lang="nl"><head><title>{title}</title></head><body><table>
<tr><td class="kop"><h1>De Stadskrant</h1></td></tr>
<tr><td class="inhoud"><h2>Gemeenteraad keurt nieuw zwembad goed</h2>
<p>De gemeenteraad heeft dinsdagavond het plan voor een nieuw zwembad aan de Kanaalkaai goedgekeurd,
na een debat van meer dan vier uur.</p>
<p>Het bad moet in 2027 de deuren openen en krijgt een wedstrijdbad van vijftig meter, een
instructiebad en een sauna voor de buurtbewoners.</p></td></tr></table></body></html>"""
DUTCH_TITLES = [
    "Gemeenteraad keurt nieuw zwembad goed – De Stadskrant – Nieuws uit uw buurt",
    "De Stadskrant | Nieuws uit uw buurt | Gemeenteraad keurt nieuw zwembad goed",
]


@pytest.mark.parametrize("title", DUTCH_TITLES)
def test_a_table_layout_headline_in_the_title(title: str) -> None:
    html = DUTCH.format(title=title)
    record = extract_article(html, "https://example.org/nieuws/", profile=generic_profile())
    assert record.title == "Gemeenteraad keurt nieuw zwembad goed"
    assert "Gemeenteraad keurt" not in str(record.body)
    assert str(record.body).startswith("Het bad moet") or str(record.lead).startswith(
        "De gemeenteraad heeft"
    )


def test_a_title_piece_naming_no_heading_changes_nothing() -> None:
    """No piece of the `<title>` is printed as a heading: the `<h1>` inside the article stays the
    headline, the `<title>` pieces are not read for one."""
    html = """<html><head><title>Springfield Gazette | Your town, your news</title></head><body>
    <article><h1>School board approves later start times</h1><h2>What changes for families</h2>
    <p>The Springfield school board voted on Tuesday to push back the start of the school day by
    forty minutes from next autumn, citing research on teenagers' sleep.</p></article></body></html>"""
    record = extract_article(html, "https://example.org/news/", profile=generic_profile())
    assert record.title == HEADLINE
