"""Related cards that print no date but link to a URL holding a full date
("/2026/04/08/council-budget/", "/20260308/"): the card's URL date is its date, as the article's
own URL date counts for the article (it was null before). A date the card prints still wins,
and a card whose URL holds no full date stays undated. Shown on a US related-stories list of
bare links and a sibling Dutch grid of card `<article>`s (ISO basic dates in the URLs); the
article's own date is not taken for a card's when a card's URL shares its day."""

from __future__ import annotations

import datetime as dt

from scraper.extract import extract_article
from scraper.sites import generic_profile


def _us(items: str) -> str:
    return (
        "<html lang=en-US><head><title>School start times move later</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></header><main>"
        "<article><h1>School start times move later</h1><p>Posted April 9, 2026 by Staff</p>"
        "<p>The school board voted on Tuesday to move the start of the school day to 8:30 for "
        "all middle and high schools in the district, beginning with the next school year.</p>"
        "<p>Parents had asked for later start times for years, citing research on teenage "
        "sleep, and the board said bus routes would be redrawn over the summer months.</p>"
        "</article><section class='related'><h2>Related stories</h2>"
        f"<ul>{items}</ul></section></main></body></html>"
    )


def _related(html: str, url: str) -> tuple[dt.date | None, dict[str, dt.date | None]]:
    record = extract_article(html, url, profile=generic_profile())
    return record.published, {card.title: card.published for card in record.related}


def test_a_related_list_of_bare_links_takes_each_links_url_date() -> None:
    html = _us(
        "<li><a href='/news/2026/04/08/council-budget/'>Council passes budget for next year</a>"
        "</li><li><a href='/news/2026/04/09/library-hours/'>Library extends its weekend hours"
        "</a></li><li><a href='/news/bus-routes-explained/'>How the new bus routes will work"
        "</a></li>"
    )
    url = "https://www.springfieldgazette.example.com/news/2026/04/09/school-start-times/"
    published, cards = _related(html, url)
    assert published == dt.date(2026, 4, 9)
    assert cards == {
        "Council passes budget for next year": dt.date(2026, 4, 8),
        "Library extends its weekend hours": dt.date(2026, 4, 9),
        "How the new bus routes will work": None,
    }


def _nl(cards: str) -> str:
    return (
        "<html lang='nl'><head><title>Gemeente legt nieuw fietspad aan</title></head><body>"
        "<div id='site'><div class='kop'><a href='/'>Voorpagina</a></div>"
        "<div class='inhoud'><h1>Gemeente legt nieuw fietspad aan</h1>"
        "<p class='datum'>Gepubliceerd op 9 maart 2026</p>"
        "<p>De gemeente begint volgende maand met de aanleg van een vrijliggend fietspad langs "
        "de Stationsweg, tussen het centrum en het nieuwe sportpark.</p><p>Tijdens de werken "
        "blijft de weg open voor plaatselijk verkeer; fietsers worden omgeleid via de "
        "Molenstraat.</p></div><div class='meer'><h2>Lees ook</h2><div class='raster'>"
        f"{cards}</div></div></div></body></html>"
    )


def _card(path: str, title: str, date: str = "") -> str:
    shown = f"<span class='card__datum'>{date}</span>" if date else ""
    return (
        f"<article class='card'><h3 class='card__titel'><a href='{path}'>{title}</a></h3>"
        f"{shown}</article>"
    )


def test_a_card_grid_takes_the_url_date_only_where_the_card_prints_none() -> None:
    html = _nl(
        _card("/nieuws/20260308/nieuwe-bibliotheek", "Nieuwe bibliotheek opent de deuren")
        + _card("/nieuws/20260305/markt-verhuist", "Wekelijkse markt verhuist", "6 maart 2026")
        + _card("/nieuws/sporthal-dicht", "Sporthal deze zomer dicht")
    )
    url = "https://www.regio-nieuws.example.nl/nieuws/20260309/fietspad-stationsweg"
    published, cards = _related(html, url)
    assert published == dt.date(2026, 3, 9)
    assert cards == {
        "Nieuwe bibliotheek opent de deuren": dt.date(2026, 3, 8),
        "Wekelijkse markt verhuist": dt.date(2026, 3, 6),
        "Sporthal deze zomer dicht": None,
    }
