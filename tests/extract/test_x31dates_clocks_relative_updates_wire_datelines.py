"""Three date kinds of generic news sites far from Brussels (pages written by hand, the expected
dates decided before the first run; thirty such pages in fr, nl, en, de, es, it, pt, pl, sv, ja,
zh, ru and ar were read, these three kinds were missed).

A clock between an "Updated" label and a date whose month is written short ("Published 3:45 PM
EST Mar 4, 2026 | Updated 9:12 AM EST Mar 5, 2026"): the clock's optional parts took the month,
"Mar" as a day's name (Tuesday in French, Spanish, Italian) or, without a zone, as the zone
("9:12 AM Mar 5"), and the date after them was not found: no modification day. The date is now
tried where each optional part of the clock began (`dates._date_after_clock`). Shown on a US
page (a zone) and a sibling of another template (no zone, "Last Updated").

A byline closing with the date and its time, then an "Updated" label whose value is an age, not a
date ("Por Ana Souza 05/03/2026 22h20 Atualizado há 2 horas"): the age after the time made the
byline's tail too long to be a time, so the printed day was not read, and the UTC stamp of the
next morning gave the wrong day (Brazil, UTC-3). The tail is now read up to such a label
(`published._before_relative_update`). Shown in Portuguese and a sibling French page (Québec).

A wire dateline without a year opening the text ("NEW YORK, March 5 (Wire Desk) - …") beside a
UTC stamp of the next morning, on a URL without a year: the printed day was read only in the
URL's year, so the stamp's UTC day stood. A yearless date by the headline is now read in the year
nearest a foreign stamp's day (`published._yearless_day`), and gives the printed day when one day
away from it (DECISIONS: a timestamp's day). Shown in English and a sibling Spanish page
(Mexico City); a yearless dateline two days away leaves the stamp's day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import read

_EN = (
    "<p>The city council voted on Tuesday night to expand the bus rapid transit network to the "
    "northern suburbs, ending a two-year debate over the route.</p>"
    "<p>The expansion will add eleven stations and is expected to carry forty thousand riders a "
    "day once it opens, according to the transit agency's estimates.</p>"
    "<p>Opponents said the plan would take lanes away from cars on the busiest avenue in the city "
    "and promised to keep fighting it in court.</p>"
)
_PT = (
    "<p>O governo do estado anunciou nesta quinta-feira a ampliação do programa de vacinação "
    "contra a dengue para todas as crianças entre dez e catorze anos.</p>"
    "<p>Segundo a secretaria de saúde, mais de trezentas mil doses chegam na próxima semana e "
    "serão distribuídas aos postos de saúde dos municípios com mais casos.</p>"
)
_FR = (
    "<p>Le conseil municipal a adopté jeudi soir le budget de la nouvelle médiathèque, un projet "
    "attendu depuis près de dix ans par les habitants du quartier.</p>"
    "<p>Le bâtiment, dont les travaux doivent commencer à l'automne, accueillera une salle de "
    "lecture, un espace numérique et un auditorium de deux cents places.</p>"
)
_ES = (
    "<p>Organizaciones campesinas calificaron la medida como insuficiente y advirtieron que "
    "mantendrán los bloqueos hasta obtener precios de garantía más altos.</p>"
    "<p>El programa contempla créditos a tasa preferente y un fondo de garantía que, según las "
    "autoridades, beneficiará a más de cuarenta mil familias en seis estados.</p>"
)


def _clock_us_zone() -> tuple[str, str]:
    jsonld = (
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council expands bus '
        'rapid transit north","datePublished":"2026-03-04T20:45:00Z"}'
    )
    return (
        "<!doctype html><html lang='en-US'><head><meta charset='utf-8'>"
        "<title>Council expands bus rapid transit north - The Lakeside Ledger</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body>"
        "<div class='top-bar'><a href='/'>The Lakeside Ledger</a></div>"
        "<div class='container'><div class='article-header'>"
        "<h1>Council expands bus rapid transit north</h1>"
        "<div class='byline'>By <a href='/staff/mark-ellis'>Mark Ellis</a></div>"
        "<div class='timestamp'>Published 3:45 PM EST Mar 4, 2026 | Updated 9:12 AM EST Mar 5, "
        f"2026</div></div><div class='article-body'>{_EN}</div>"
        "<div class='comments'><h3>Comments</h3><div class='comment'><span>jdoe</span> "
        "<time datetime='2026-03-07T10:00:00Z'>Mar 7, 2026</time><p>Finally!</p></div></div>"
        "</div></body></html>",
        "https://www.lakesideledger-example.com/news/council-expands-brt-north",
    )


def _clock_no_zone() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Harbor tunnel reopens after repairs | Bay City Courier</title>"
        "<meta name='pubdate' content='2026-03-04T18:00:00-08:00'></head><body>"
        "<header class='site'><a href='/'>Bay City Courier</a></header><main class='story'>"
        "<h1 class='story__title'>Harbor tunnel reopens after repairs</h1>"
        "<ul class='story__meta'><li>Sam Ortiz</li><li>Last Updated: 11:05 PM Mar 5, 2026</li>"
        f"</ul><section class='story__body'>{_EN}</section></main></body></html>",
        "https://www.baycitycourier-example.com/local/harbor-tunnel-reopens",
    )


def _relative_update_pt() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='pt-BR'><head><meta charset='utf-8'>"
        "<title>Estado amplia vacinação contra dengue | Jornal do Cerrado</title>"
        "<meta property='article:published_time' content='2026-03-06T01:20:00Z'></head><body>"
        "<header><a href='/'>Jornal do Cerrado</a></header><main>"
        "<h1 class='titulo'>Estado amplia vacinação contra dengue</h1>"
        "<h2 class='subtitulo'>Crianças de 10 a 14 anos passam a ser vacinadas em todos os "
        "municípios</h2><div class='info'><span class='autor'>Por Ana Souza</span> "
        "<span class='data'>05/03/2026 22h20</span> "
        "<span class='atualizacao'>Atualizado há 2 horas</span></div>"
        f"<div class='materia'>{_PT}</div></main></body></html>",
        "https://www.jornaldocerrado-exemplo.com.br/saude/estado-amplia-vacinacao-dengue",
    )


def _relative_update_fr() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='fr-CA'><head><meta charset='utf-8'>"
        "<title>La médiathèque du quartier Nord adoptée - Le Courrier du Lac</title>"
        "<meta property='article:published_time' content='2026-03-06T03:20:00Z'></head><body>"
        "<div class='entete'><a href='/'>Le Courrier du Lac</a></div><div class='article'>"
        "<h1>La médiathèque du quartier Nord adoptée</h1>"
        "<p class='signature'>Par Claire Dubois, le 5 mars 2026 à 22 h 20 — Mis à jour il y a "
        f"2 heures</p>{_FR}</div></body></html>",
        "https://www.courrierdulac-exemple.ca/actualites/mediatheque-adoptee",
    )


def _wire_en(stamp: str = "2026-03-06T02:00:00Z", day: str = "March 5") -> tuple[str, str]:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Stocks slide as oil jumps | Wire Desk</title>"
        f"<meta name='pubdate' content='{stamp}'></head><body>"
        "<div class='top'><a href='/'>Wire Desk</a></div><div class='story'>"
        f"<h1>Stocks slide as oil jumps</h1><p>NEW YORK, {day} (Wire Desk) - U.S. stocks fell "
        "sharply on Thursday as oil prices jumped to their highest level in a year, hitting "
        f"airline and transport shares.</p>{_EN}</div></body></html>",
        "https://www.wiredesk-example.com/markets/stocks-slide-oil-jumps",
    )


def _wire_es() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='es-MX'><head><meta charset='utf-8'>"
        "<title>Campesinos mantienen bloqueos en el norte - Agencia Informativa</title>"
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","datePublished":'
        '"2026-03-06T04:10:00Z"}</script></head><body>'
        "<nav class='menu'><a href='/'>Inicio</a> <a href='/nacional'>Nacional</a></nav>"
        "<article><h1>Campesinos mantienen bloqueos en el norte</h1><div class='nota'>"
        "<p>CIUDAD DE MÉXICO, 5 de marzo (Agencia Informativa) – Productores de maíz de seis "
        "estados mantuvieron este jueves los bloqueos en carreteras del norte del país.</p>"
        f"{_ES}</div></article></body></html>",
        "https://www.agenciainformativa-ejemplo.mx/nacional/campesinos-bloqueos-norte",
    )


_PAGES = {
    "clock before a short month, zone (en)": (_clock_us_zone, "2026-03-04", "2026-03-05"),
    "clock before a short month, no zone (en)": (_clock_no_zone, "2026-03-04", "2026-03-05"),
    "byline date, then an update's age (pt)": (_relative_update_pt, "2026-03-05", None),
    "byline date, then an update's age (fr)": (_relative_update_fr, "2026-03-05", None),
    "yearless wire dateline, UTC stamp (en)": (_wire_en, "2026-03-05", None),
    "yearless wire dateline, UTC stamp (es)": (_wire_es, "2026-03-05", None),
}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_the_dates_a_reader_sees(name: str) -> None:
    page, published, modified = _PAGES[name]
    record = read(*page())
    assert (record.published, record.modified) == (_day(published), _day(modified))


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_a_breadcrumb_added_keeps_the_dates(name: str) -> None:
    page, _, _ = _PAGES[name]
    html, url = page()
    crumbs = "<nav class='breadcrumb'><a href='/'>Home</a> › <a href='/news'>News</a></nav>"
    edited = html.replace("<h1", f"{crumbs}<h1", 1)
    before, after = read(html, url), read(edited, url)
    assert (after.published, after.modified) == (before.published, before.modified)


def test_a_yearless_dateline_two_days_from_the_stamp_leaves_the_stamps_day() -> None:
    record = read(*_wire_en(day="March 3"))
    assert record.published == dt.date(2026, 3, 6)
