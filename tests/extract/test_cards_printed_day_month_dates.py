"""Related cards' dates printed as a day and month only ("10/03", "10.03.") over a UTC
`<time datetime>` stamp of the evening before, on a generic site far east of UTC (Nouméa,
UTC+11): the printed day wins over a UTC stamp one day away, for cards as for the article
(DECISIONS: a timestamp's day), the year taken from the stamp; the UTC day (9 March for "10/03")
was read before. Shown on a French sidebar list of teasers (slash dates, one across the new
year) and a sibling German grid of card `<article>`s (dotted dates)."""

from __future__ import annotations

import datetime as dt

from scraper.extract import extract_article
from scraper.sites import generic_profile

_URL = "https://www.journal-exemple.nc/actualites/port-quai"


def _fr(cards: list[tuple[str, str, str, str]]) -> str:
    items = "".join(
        f"<li class='teaser'><a href='/actualites/{slug}'><span class='teaser-title'>{title}"
        f"</span></a> <time datetime='{stamp}'>{shown}</time></li>"
        for slug, title, stamp, shown in cards
    )
    return (
        "<html lang='fr'><head><title>Le port agrandit son quai</title></head><body><header>"
        "<nav><a href='/'>Accueil</a></nav></header><div class='wrap'><main><article>"
        "<h1>Le port agrandit son quai</h1><p class='date'>Publié le 11/03/2026</p>"
        "<p>Le port autonome a lancé lundi les travaux d'agrandissement du quai principal, qui "
        "doit accueillir des navires plus grands dès l'an prochain.</p><p>Les travaux dureront "
        "dix-huit mois et la circulation sera adaptée autour de la zone portuaire pendant toute "
        "leur durée.</p></article></main><aside class='sidebar'><h2>À lire aussi</h2>"
        f"<ul>{items}</ul></aside></div></body></html>"
    )


def _de(cards: list[tuple[str, str, str, str]]) -> str:
    items = "".join(
        f"<article class='card'><h3 class='card__title'><a href='/nachrichten/{slug}'>{title}"
        f"</a></h3><div class='card__meta'><time datetime='{stamp}'>{shown}</time></div>"
        "</article>"
        for slug, title, stamp, shown in cards
    )
    return (
        "<html lang='de'><head><title>Der Hafen verlängert seinen Kai</title></head><body>"
        "<div id='page'><div class='content'><h1>Der Hafen verlängert seinen Kai</h1>"
        "<p class='datum'>11.03.2026</p><p>Der Hafen hat am Montag mit der Verlängerung des "
        "Hauptkais begonnen, an dem ab dem nächsten Jahr größere Schiffe anlegen sollen.</p>"
        "<p>Die Arbeiten dauern achtzehn Monate, und der Verkehr rund um das Hafengelände wird "
        "während der ganzen Zeit umgeleitet.</p></div><div class='more'>"
        f"<h2>Weitere Artikel</h2><div class='grid'>{items}</div></div></div></body></html>"
    )


def _dates(html: str, url: str) -> dict[str, dt.date | None]:
    record = extract_article(html, url, profile=generic_profile())
    return {card.title: card.published for card in record.related}


def test_a_sidebar_teasers_day_and_month_win_over_the_utc_evening_before() -> None:
    html = _fr(
        [
            (
                "navette-lagon",
                "La navette du lagon reprend du service",
                "2026-03-09T21:30:00Z",
                "10/03",
            ),
            (
                "marche-municipal",
                "Le marché municipal change d'horaires",
                "2026-03-08T20:05:00Z",
                "09/03",
            ),
            # printed on New Year's Day, stamped on New Year's Eve in UTC: the printed year
            ("feu-artifice", "Le feu d'artifice attire la foule", "2025-12-31T19:00:00Z", "01/01"),
        ]
    )
    assert _dates(html, _URL) == {
        "La navette du lagon reprend du service": dt.date(2026, 3, 10),
        "Le marché municipal change d'horaires": dt.date(2026, 3, 9),
        "Le feu d'artifice attire la foule": dt.date(2026, 1, 1),
    }


def test_a_card_grids_dotted_day_and_month_win_over_the_utc_evening_before() -> None:
    html = _de(
        [
            (
                "lagunenfaehre-faehrt-wieder",
                "Die Lagunenfähre fährt wieder",
                "2026-03-09T21:30:00Z",
                "10.03.",
            ),
            (
                "wochenmarkt",
                "Der Wochenmarkt hat neue Öffnungszeiten",
                "2026-03-08T20:05:00Z",
                "09.03.",
            ),
        ]
    )
    assert _dates(html, "https://www.zeitung-beispiel.nc/nachrichten/hafen-kai") == {
        "Die Lagunenfähre fährt wieder": dt.date(2026, 3, 10),
        "Der Wochenmarkt hat neue Öffnungszeiten": dt.date(2026, 3, 9),
    }


def test_a_printed_day_two_days_from_the_stamp_leaves_the_stamps_day() -> None:
    """Only a UTC stamp one day away gives way to the printed day: further apart, the printed
    text is no reading of that moment (a teaser's event day), and the stamp's day stays."""
    html = _fr(
        [
            (
                "navette-lagon",
                "La navette du lagon reprend du service",
                "2026-03-09T21:30:00Z",
                "12/03",
            ),
            (
                "marche-municipal",
                "Le marché municipal change d'horaires",
                "2026-03-08T20:05:00Z",
                "09/03",
            ),
        ]
    )
    assert _dates(html, _URL)["La navette du lagon reprend du service"] == dt.date(2026, 3, 9)
