"""Two date kinds.

A generic news site east of UTC (UTC+13: Tonga, Samoa) whose headline is a `<div>` (no `<h1>`):
the article's `<time datetime="…Z">` prints a weekday date ("Mittwoch, 4. März 2026", "Wednesday
4 March 2026") while its UTC stamp falls on the evening before. The printed day wins over a UTC
stamp one day away (DECISIONS: a timestamp's day); the UTC day was taken: the lines by the
headline are read around an `<h1>`, an `<h2>` or an element printing the headline the metadata
names, and no metadata named it (the headline was the `<title>`'s). The `<div>` printing the
headline `extract_title` kept is now the headline (`Page.headline`). Shown in German (meta tag,
byline and `<time>` in one line) and a sibling English page of another template (JSON-LD without
a headline, the `<time>` in its own line above the headline).

A hub.brussels page whose article text is bare text split by `<br><br>` in one `<div>` (no `<p>`):
the only publication date is a dateline opening the text ("Brussel, 12 maart 2026 – …") and an
update line ("Bijgewerkt op 20 maart 2026") sits in the same text, under a stale generic
`dcterms.date`. A browser shows each `<br><br>` piece as a paragraph: the dateline is the date
opening the first paragraph (published), the update line a labelled date line (modified). These
pages were read right before this file (the blocks already split the text at `<br><br>`): they
guard that reading, in Dutch and a sibling French page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import read

#: 09:15 on Wednesday 4 March at UTC+13 is 20:15 on Tuesday 3 March in UTC
_STAMP = "2026-03-03T20:15:00Z"

_TEXT_DE = (
    "<p>Der Stadtrat hat am Mittwochmorgen einen neuen Haushalt für die Reparatur der Straßen "
    "beschlossen, nach einer Debatte von mehr als vier Stunden vor vollem Saal.</p>"
    "<p>Die Arbeiten an den schlechtesten Straßen beginnen im Frühjahr und sollen bis zum "
    "Jahresende größtenteils abgeschlossen sein, teilte die Verwaltung mit.</p>"
)
_TEXT_EN = (
    "<p>The council approved a new budget for road repairs on Wednesday morning, after a debate "
    "that lasted more than four hours and drew a large crowd to the fale.</p>"
    "<p>Work on the worst roads will start next month, and the council expects most of the "
    "repairs to be finished before the end of the year, officials said.</p>"
)


def _de(stamp: str = _STAMP) -> tuple[str, str]:
    return (
        "<html lang='de'><head><title>Stadtrat beschließt Straßenhaushalt - Südsee-Kurier</title>"
        f"<meta property='article:published_time' content='{stamp}'></head><body>"
        "<div class='kopf'><a href='/'>Start</a> <a href='/lokales'>Lokales</a></div>"
        "<div class='beitrag'><div class='beitrag-titel'>Stadtrat beschließt Straßenhaushalt"
        f"</div><div class='beitrag-info'>Von Anna Berg | <time datetime='{stamp}'>"
        f"Mittwoch, 4. März 2026</time></div><div class='beitrag-text'>{_TEXT_DE}</div></div>"
        "<div class='fuss'>© 2026 Südsee-Kurier</div></body></html>",
        "https://www.suedsee-kurier-beispiel.to/lokales/stadtrat-strassenhaushalt",
    )


def _en(stamp: str = _STAMP) -> tuple[str, str]:
    jsonld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "author": "Sione Tuilagi", '
        f'"datePublished": "{stamp}"}}'
    )
    return (
        "<html lang='en'><head><title>Council approves road budget | Island Times</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body><div id='wrap'>"
        "<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div><div class='story'>"
        f"<div class='story-top'><div class='story-date'><time datetime='{stamp}'>Wednesday 4 "
        "March 2026</time></div><div class='story-headline'>Council approves road budget</div>"
        f"</div><div class='story-body'>{_TEXT_EN}</div></div></div></body></html>",
        "https://www.islandtimes-example.ws/news/council-approves-road-budget",
    )


_FAR_EAST = {"de": _de, "en": _en}


@pytest.mark.parametrize("lang", sorted(_FAR_EAST))
def test_the_weekday_date_a_time_prints_under_a_div_headline_wins_over_its_utc_day(
    lang: str,
) -> None:
    assert read(*_FAR_EAST[lang]()).published == dt.date(2026, 3, 4)


_BARE_NL = (
    "Brussel, 12 maart 2026 – hub.brussels lanceert een nieuwe oproep voor Brusselse "
    "bedrijven die hun producten in het buitenland willen verkopen en daarvoor steun zoeken."
    "<br><br>De oproep staat open voor kleine en middelgrote ondernemingen uit alle sectoren, "
    "die tot 30 april 2026 een dossier kunnen indienen via het online formulier."
    "<br><br>Bijgewerkt op 20 maart 2026<br><br>Een jury van experts beoordeelt de dossiers "
    "en maakt de geselecteerde bedrijven in juni bekend, waarna de begeleiding start."
)
_BARE_FR = (
    "Bruxelles, 12 mars 2026 – hub.brussels lance un nouvel appel pour les entreprises "
    "bruxelloises qui veulent vendre leurs produits à l'étranger et cherchent un soutien."
    "<br><br>L'appel est ouvert aux petites et moyennes entreprises de tous les secteurs, qui "
    "peuvent introduire un dossier jusqu'au 30 avril 2026 via le formulaire en ligne."
    "<br><br>Mis à jour le 20 mars 2026<br><br>Un jury d'experts évaluera les dossiers et "
    "annoncera les entreprises retenues en juin, après quoi l'accompagnement commencera."
)


def _hub(lang: str, title: str, text: str) -> tuple[str, str]:
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title} | hub.brussels</title>"
        "<meta name='dcterms.date' content='2019-05-14'></head><body><main><article>"
        f"<h1>{title}</h1><div class='field-body'>{text}</div></article></main></body></html>",
        f"https://hub.brussels/{lang}/news/{'oproep-export' if lang == 'nl' else 'appel-export'}/",
    )


_BARE = {
    "nl": _hub("nl", "Nieuwe oproep voor exporterende bedrijven", _BARE_NL),
    "fr": _hub("fr", "Nouvel appel pour les entreprises exportatrices", _BARE_FR),
}


@pytest.mark.parametrize("lang", sorted(_BARE))
def test_a_dateline_and_an_update_line_in_bare_text_split_by_br_are_the_dates(lang: str) -> None:
    record = read(*_BARE[lang])
    assert (record.published, record.modified) == (dt.date(2026, 3, 12), dt.date(2026, 3, 20))
