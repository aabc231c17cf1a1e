"""Which way round an ambiguous slash date ("04/09/2026") is read, from the page's own evidence
(DECISIONS: slash dates are day first unless the page shows month first). The full date in the
page's URL settles it when it is the slash date in one reading only: "Posted 04/09/2026" on
".../2026/04/09/school-start-times/" is 9 April (read 4 September before), and a URL of
".../2026/09/04/..." settles day first even against a US widget's "03/14/2026" elsewhere on the
page. Another slash date of the page forced month first ("04/13/2026", in a card too) still
settles month first. The declared language (`lang="en-US"`, `og:locale` en_US) is no evidence:
DECISIONS lists only what the dates show, so without evidence the date stays day first."""

from __future__ import annotations

import datetime as dt

from scraper.extract import extract_article
from scraper.sites import generic_profile

_EN_TEXT = (
    "<p>The school board voted on Tuesday to move the start of the school day to 8:30 for all "
    "middle and high schools in the district, beginning with the next school year.</p>"
    "<p>Parents had asked for later start times for years, citing research on teenage sleep, and "
    "the board said bus routes would be redrawn over the summer months.</p>"
)


def _gazette(posted: str, cards: str = "", locale: str = "") -> str:
    """A US local paper's article: the date in a "Posted … by Staff" line under the headline."""
    meta = f"<meta property='og:locale' content='{locale}'>" if locale else ""
    return (
        f"<html lang=en-US><head><title>School start times move later</title>{meta}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></header>"
        "<main><article><h1>School start times move later</h1>"
        f"<p>Posted {posted} by Staff</p>{_EN_TEXT}</article>{cards}</main>"
        "<footer><p>Springfield Gazette</p></footer></body></html>"
    )


_GAZETTE = "https://www.springfieldgazette.example.com/news/{}/school-start-times/"


def _published(html: str, url: str) -> dt.date | None:
    return extract_article(html, url, profile=generic_profile()).published


def test_the_urls_full_date_settles_a_us_posted_line_month_first() -> None:
    html = _gazette("04/09/2026")
    assert _published(html, _GAZETTE.format("2026/04/09")) == dt.date(2026, 4, 9)


def test_the_urls_full_date_settles_the_same_line_day_first() -> None:
    html = _gazette("04/09/2026")
    assert _published(html, _GAZETTE.format("2026/09/04")) == dt.date(2026, 9, 4)


def test_a_url_date_that_is_neither_reading_settles_nothing() -> None:
    # filed the day after it was written: no reading is the URL's date, the default holds
    html = _gazette("04/09/2026")
    assert _published(html, _GAZETTE.format("2026/04/10")) == dt.date(2026, 9, 4)


def test_the_declared_us_locale_alone_is_no_evidence() -> None:
    html = _gazette("04/09/2026", locale="en_US")
    url = "https://www.springfieldgazette.example.com/news/school-start-times/"
    assert _published(html, url) == dt.date(2026, 9, 4)


def test_a_cards_date_forced_month_first_settles_the_page() -> None:
    cards = (
        "<section class='more'><h2>More stories</h2><div class='grid'>"
        "<article class='card'><h3><a href='/news/council-budget/'>Council passes the budget"
        "</a></h3><span class='date'>04/13/2026</span></article>"
        "<article class='card'><h3><a href='/news/library-hours/'>Library extends its hours"
        "</a></h3><span class='date'>04/02/2026</span></article></div></section>"
    )
    html = _gazette("04/09/2026", cards=cards)
    url = "https://www.springfieldgazette.example.com/news/school-start-times/"
    record = extract_article(html, url, profile=generic_profile())
    assert record.published == dt.date(2026, 4, 9)
    assert {c.title: c.published for c in record.related} == {
        "Council passes the budget": dt.date(2026, 4, 13),
        "Library extends its hours": dt.date(2026, 4, 2),
    }


def _nieuws(widget: str) -> str:
    """A Dutch regional site's article: the date in a `<span class="datum">` under the headline,
    a syndicated widget in the sidebar."""
    return (
        "<html lang='nl'><head><title>Gemeente legt nieuw fietspad aan</title></head><body>"
        "<div id='site'><div class='kop'><a href='/'>Voorpagina</a></div>"
        "<div class='inhoud'><h1>Gemeente legt nieuw fietspad aan</h1>"
        "<div class='meta'><span class='datum'>04/09/2026</span></div>"
        "<p>De gemeente begint volgende maand met de aanleg van een vrijliggend fietspad langs "
        "de Stationsweg, tussen het centrum en het nieuwe sportpark.</p><p>Tijdens de werken "
        "blijft de weg open voor plaatselijk verkeer; fietsers worden omgeleid via de "
        "Molenstraat.</p></div><div class='zijbalk'>"
        f"{widget}</div></div></body></html>"
    )


_NIEUWS = "https://www.regio-nieuws.example.nl/nieuws/2026/09/04/fietspad-stationsweg/"


def test_the_urls_date_settles_day_first_against_a_us_widget_elsewhere() -> None:
    widget = "<div class='weer'><p>Weather data updated 03/14/2026 by WeatherFeed</p></div>"
    assert _published(_nieuws(widget), _NIEUWS) == dt.date(2026, 9, 4)


def test_without_the_url_date_the_us_widget_still_reads_month_first() -> None:
    # the other side of the test above: the widget alone settles the page month first
    widget = "<div class='weer'><p>Weather data updated 03/14/2026 by WeatherFeed</p></div>"
    url = "https://www.regio-nieuws.example.nl/nieuws/fietspad-stationsweg/"
    assert _published(_nieuws(widget), url) == dt.date(2026, 4, 9)


def test_a_french_page_filed_under_its_day_reads_day_first() -> None:
    html = (
        "<html lang='fr'><head><title>La commune rénove la piscine</title></head><body>"
        "<main><article><h1>La commune rénove la piscine</h1><p class='date'>Publié le "
        "04/09/2026</p><p>Les travaux de rénovation de la piscine communale commenceront à "
        "l'automne et dureront jusqu'au printemps prochain, a annoncé l'échevin des sports.</p>"
        "<p>Les clubs de natation seront accueillis dans les bassins des communes voisines "
        "pendant toute la durée du chantier.</p></article></main></body></html>"
    )
    url = "https://www.journal-exemple.be/actualites/2026/09/04/piscine-renovee/"
    assert _published(html, url) == dt.date(2026, 9, 4)
