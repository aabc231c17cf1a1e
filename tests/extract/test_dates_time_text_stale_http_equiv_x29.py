"""Two date kinds.

The article's own `<time datetime="…Z">` printing the local evening with a short day name, a
short month name and a clock time ("Tue, Mar 3, 2026, 8:30 PM", "mar. 3 mars 2026, 20 h 30"), on
a generic news site behind UTC (UTC−5), its stamp just after midnight UTC: the page's metadata
(article:published_time, JSON-LD) states the same moment, and the `<time>` sits away from the
headline (a meta column beside the text, a line after it). The printed day wins over a UTC stamp
one day away (DECISIONS: a timestamp's day); the `<time>` was not read, being outside the lines
by the headline, and the UTC day was taken. Shown on an English page (meta tag, a meta column)
and a sibling French page (JSON-LD, the `<time>` after a text of five paragraphs). The same
`<time>` by the headline printing its day without a year ("Tue, Mar 3, 8:30 PM", "Di., 3. März,
20:30 Uhr") was not read either: the year is taken from its stamp, as for cards (en, de).

A stale modification date years before publication (`<meta http-equiv="last-modified">`, an
HTTP-date or an ISO date; a generic `dcterms.modified`) with no update shown on the page: a
modification never precedes publication, so `modified` is null (it was that stale day); an
"Updated" date shown is the modification then, and a modification on or after publication stays.
Shown on a hub.brussels page (its profile) and a sibling generic Dutch news page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import read

_TEXT_EN = (
    "<p>The city council approved a new budget for road repairs on Tuesday evening, after a "
    "debate that lasted more than four hours and drew a large crowd to the town hall.</p>"
    "<p>Work on the worst streets will start in the spring, and the council expects most of "
    "the repairs to be finished before the end of the year, officials said.</p>"
)
_TEXT_FR = (
    "<p>Le conseil municipal a adopté mardi soir un nouveau budget pour la réfection des rues, "
    "au terme d'un débat de plus de quatre heures devant une salle comble.</p><p>Les travaux "
    "commenceront au printemps dans les rues les plus abîmées, et la Ville prévoit de terminer "
    "l'essentiel des réparations avant la fin de l'année.</p><p>L'opposition a voté contre, "
    "jugeant le budget insuffisant pour les quartiers du nord, où les trottoirs attendent "
    "depuis des années.</p><p>Les citoyens pourront suivre l'avancement des chantiers sur le "
    "site de la Ville, mis à jour chaque semaine par les services techniques.</p><p>Une "
    "réunion d'information est prévue dans chaque arrondissement, où les ingénieurs de la Ville "
    "présenteront le calendrier des travaux et répondront aux questions des riverains.</p>"
)
#: the moment of publication, 8:30 PM on 3 March at UTC−5: 01:30 on 4 March in UTC
_STAMP = "2026-03-04T01:30:00Z"


def _en(stamp: str = _STAMP) -> tuple[str, str]:
    return (
        "<html lang='en'><head><title>Council approves road budget | Valley Ledger</title>"
        f"<meta property='article:published_time' content='{stamp}'></head><body>"
        "<header class='masthead'><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        "</header><main><article><h1>Council approves road budget</h1><div class='layout'>"
        f"<div class='story'>{_TEXT_EN}</div><aside class='story-meta'><div>Ann Lee</div>"
        f"<div><time datetime='{stamp}'>Tue, Mar 3, 2026, 8:30 PM</time></div></aside></div>"
        "</article></main><footer>© 2026 Valley Ledger</footer></body></html>",
        "https://www.valleyledger-example.com/local/council-approves-road-budget",
    )


def _fr(stamp: str = _STAMP) -> tuple[str, str]:
    jsonld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": '
        f'"Le conseil adopte le budget des rues", "datePublished": "{stamp}"}}'
    )
    return (
        "<html lang='fr'><head><title>Le conseil adopte le budget des rues</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body><div id='page'>"
        "<div class='entete'><a href='/'>Accueil</a></div><main><article>"
        f"<h1>Le conseil adopte le budget des rues</h1>{_TEXT_FR}<div class='article-pied'>"
        f"<time datetime='{stamp}'>mar. 3 mars 2026, 20 h 30</time></div></article></main>"
        "</div></body></html>",
        "https://www.lecourrier-exemple.ca/actualites/conseil-budget-rues",
    )


_PRINTED = {"en": _en, "fr": _fr}


@pytest.mark.parametrize("lang", sorted(_PRINTED))
def test_the_evening_a_time_prints_wins_over_the_same_utc_moment_of_the_metadata(
    lang: str,
) -> None:
    record = read(*_PRINTED[lang]())
    assert record.published == dt.date(2026, 3, 3)


@pytest.mark.parametrize("lang", sorted(_PRINTED))
def test_a_time_printing_another_moment_leaves_the_metadata_day(lang: str) -> None:
    """The `<time>` is read for the printed day only when it states the metadata's moment: a
    stamp two hours later is another moment, its UTC day stays."""
    html, url = _PRINTED[lang]()
    html = html.replace(f"datetime='{_STAMP}'", "datetime='2026-03-04T03:30:00Z'")
    assert read(html, url).published == dt.date(2026, 3, 4)


#: a `<time>` by the headline printing its day without a year; (lang, text, stamp, day)
_YEARLESS = {
    "en": ("Tue, Mar 3, 8:30 PM", _STAMP, dt.date(2026, 3, 3)),
    # a German-language paper of Buenos Aires (UTC−3): 22:30 there is 01:30 the next day in UTC
    "de": ("Di., 3. März, 22:30 Uhr", _STAMP, dt.date(2026, 3, 3)),
    # printed on New Year's Eve, stamped on New Year's Day in UTC: the printed year
    "en, new year": ("Wed, Dec 31, 9:00 PM", "2026-01-01T02:00:00Z", dt.date(2025, 12, 31)),
}


@pytest.mark.parametrize("case", sorted(_YEARLESS))
def test_a_time_printing_its_day_without_a_year_wins_over_its_utc_stamp(case: str) -> None:
    """The year is the stamp's, or the one next to it that puts the printed day nearest."""
    shown, stamp, day = _YEARLESS[case]
    lang = case[:2]
    byline = "Von Anna Berg" if lang == "de" else "By Ann Lee"
    html = (
        f"<html lang='{lang}'><head><title>Budget</title></head><body><main><article>"
        f"<h1>Council approves road budget</h1><div class='byline'>{byline} "
        f"<time datetime='{stamp}'>{shown}</time></div>{_TEXT_EN}</article></main></body></html>"
    )
    url = "https://www.valleyledger-example.com/local/council-approves-road-budget"
    assert read(html, url).published == day


def _hub(last_modified: str, update: str = "") -> tuple[str, str]:
    return (
        "<html lang='fr'><head><meta charset='utf-8'>"
        f"<meta http-equiv='last-modified' content='{last_modified}'>"
        "<title>Mission économique au Québec | hub.brussels</title></head><body><main><article>"
        "<div class='sector'>Digital</div><h1>Mission économique au Québec</h1>"
        f"<p class='date'>Publié le 03/03/2026</p>{update}<div class='content'>"
        "<p>En juin 2026, hub.brussels emmène une délégation d'entreprises bruxelloises du "
        "numérique à Montréal et à Québec, pour y rencontrer des distributeurs et des "
        "investisseurs.</p><p>Les entreprises intéressées peuvent s'inscrire jusqu'au 15 avril "
        "2026 via le formulaire en ligne, le nombre de places étant limité.</p></div>"
        "</article></main></body></html>",
        "https://hub.brussels/fr/news/mission-quebec/",
    )


def _nl(meta: str, update: str = "") -> tuple[str, str]:
    return (
        "<html lang='nl'><head><title>Gemeenteraad keurt wegenbudget goed</title>"
        "<meta property='article:published_time' content='2026-03-03T10:00:00+01:00'>"
        f"{meta}</head><body><div class='site'><div class='kop'><a href='/'>Home</a></div>"
        "<div class='artikel'><h1>Gemeenteraad keurt wegenbudget goed</h1>"
        f"<div class='auteur'>Door Jan Peeters</div>{update}<p>De gemeenteraad heeft dinsdag "
        "een nieuw budget goedgekeurd voor de herstelling van de wegen, na een debat van meer "
        "dan vier uur.</p><p>De werken aan de slechtste straten beginnen in de lente en moeten "
        "voor het einde van het jaar grotendeels klaar zijn, zegt het stadsbestuur.</p></div>"
        "</div></body></html>",
        "https://www.dagblad-voorbeeld.be/regio/gemeenteraad-wegenbudget",
    )


_STALE = {
    "hub, HTTP-date": _hub("Mon, 14 Jan 2019 09:12:00 GMT"),
    "hub, ISO date": _hub("2019-01-14"),
    "generic, http-equiv": _nl("<meta http-equiv='Last-Modified' content='2018-11-05'>"),
    "generic, dcterms.modified": _nl("<meta name='dcterms.modified' content='2018-11-05'>"),
}


@pytest.mark.parametrize("kind", sorted(_STALE))
def test_a_stale_modification_before_publication_gives_no_modified(kind: str) -> None:
    record = read(*_STALE[kind])
    assert (record.published, record.modified) == (dt.date(2026, 3, 3), None)


def test_an_update_shown_is_the_modification_over_a_stale_meta() -> None:
    html, url = _nl(
        "<meta http-equiv='Last-Modified' content='2018-11-05'>",
        "<p class='bijgewerkt'>Bijgewerkt op 5 maart 2026</p>",
    )
    record = read(html, url)
    assert (record.published, record.modified) == (dt.date(2026, 3, 3), dt.date(2026, 3, 5))


@pytest.mark.parametrize(
    ("page", "modified"),
    [
        (_hub("Thu, 05 Mar 2026 16:20:00 GMT"), dt.date(2026, 3, 5)),
        (_nl("<meta http-equiv='Last-Modified' content='2026-03-06'>"), dt.date(2026, 3, 6)),
    ],
)
def test_a_modification_after_publication_stays(page: tuple[str, str], modified: dt.date) -> None:
    assert read(*page).modified == modified
