"""Dates and titles of news pages of sites the extractor has never seen (generic profile), and
two date kinds they showed.

Ten news pages (`tests/extract/pages_x30news/<name>.html` beside `<name>.expected.json`, the
expectations written by hand before the first run): WordPress Newspaper and Jannah themes, Arc XP,
Brightspot, Escenic, Naviga, Drupal, Ghost, Bridgetown and a React SSR app, in en, es, de, it, fr,
nl and pt, in time zones of the Americas, Asia-Pacific and Europe.

A short article between two lone teasers of other articles (a breaking-news ticker before it, one
"Related" item after it): each teaser's unit climbed to the largest element holding no other
article's link, and the one after the article climbed to the column holding the article too; the
two made a strip of cards under one parent, the article's `<h1>` was read as inside a list of
other articles, so no line by the headline was read (no printed day: the UTC stamp's day, or no
date at all). A card unit now stops below an element holding a page's `<h1>` beside its link.
Shown on the Jannah page (es) and a sibling German page.

A teaser's date line above the headline in the same column (a "Most read" promo printing
"03/03/2026") was read before the byline's date line under it ("04/03/2026 22h30"): the lines
around the headline were read in page order. They are now read nearest the headline first (the
headline and the lines under it, then those above, walking back). Shown on the Brightspot page
(pt) and a sibling French page.

A lone teaser above the headline inside the article (a "Latest" item: a `<time>` beside a link of
a headline's length to another article) gave its `<time>` as the article's date over the day
printed under the headline: one teaser is no repeated unit, and its `<time>` sits beside its link,
not in it. A `<time>` above the headline whose parent holds such a link is now a teaser's (it, en).

A title kind: with no `<h1>` and no og:title, a `<title>` "Section | Headline | Site" kept the
section's name ("Local | …"): only sections between the headline and the site's name went. A
section's name opening it (a link of the menu, a folder of the URL) now goes too (en, de).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.extract.reading import read

PAGES = Path(__file__).resolve().parent / "pages_x30news"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", NAMES)
def test_unseen_news_page_title_dates_and_language(name: str) -> None:
    expected = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    record = read((PAGES / f"{name}.html").read_text(encoding="utf-8"), expected["url"])
    assert record.title == expected["title"]
    assert record.published == _day(expected["published"])
    assert record.modified == _day(expected["modified"])
    assert record.lang == expected["lang"]


_TEXT_DE = (
    "<p>Der Gemeinderat hat am späten Abend den Haushalt für das kommende Jahr beschlossen. "
    "Die Sitzung dauerte mehr als fünf Stunden.</p><p>Die Opposition stimmte geschlossen "
    "dagegen und kritisierte die geplanten Kürzungen bei den Bädern.</p>"
)


def test_lone_teasers_around_a_short_article_leave_its_printed_day_de() -> None:
    html = (
        "<html lang='de'><head><title>Gemeinderat beschließt Haushalt | Lokales | Kreisbote</title>"
        "<meta property='article:published_time' content='2026-03-04T23:30:00Z'></head><body>"
        "<header><a href='/'>Kreisbote</a><nav><a href='/lokales/'>Lokales</a> "
        "<a href='/sport/'>Sport</a></nav></header><div class='wrap' id='content'>"
        "<div class='ticker'><b>Eilmeldung</b><a href='/lokales/stromausfall-in-der-altstadt/'>"
        "Stromausfall in der Altstadt</a></div><div class='columns'><div class='main'>"
        "<article><header class='entry-header'><h1>Gemeinderat beschließt Haushalt</h1>"
        "<div class='meta'><span>Von Paul Maier</span><span class='date'>05.03.2026, 00:30 Uhr"
        f"</span></div></header><div class='entry-content'>{_TEXT_DE}</div></article>"
        "<div class='more'><div class='item'>"
        "<a href='/lokales/neues-hallenbad-eroeffnet/'>Neues Hallenbad eröffnet</a>"
        "<span>28.02.2026</span></div></div></div></div></div><footer>© Kreisbote</footer>"
        "</body></html>"
    )
    record = read(
        html, "https://www.kreisbote-example.de/lokales/gemeinderat-beschliesst-haushalt/"
    )
    assert record.title == "Gemeinderat beschließt Haushalt"
    assert record.published == dt.date(2026, 3, 5)


_TEXT_FR = (
    "<p>Le conseil municipal a voté mercredi soir une aide de deux millions de dollars pour les "
    "commerçants touchés par les travaux de la rue Racine.</p><p>Les demandes pourront être "
    "déposées en ligne jusqu'à la fin du mois d'avril, a précisé la mairesse.</p>"
)


def test_a_teaser_date_above_the_headline_loses_to_the_byline_date_under_it_fr() -> None:
    # Québec (UTC−5): 22 h 30 on 4 March is 03:30 UTC on 5 March
    html = (
        "<html lang='fr-CA'><head><title>Rue Racine : une aide pour les commerçants | Le Phare"
        "</title><meta property='article:published_time' content='2026-03-05T03:30:00Z'>"
        "</head><body><header><a href='/'>Le Phare</a><nav><a href='/actualites/'>Actualités"
        "</a> <a href='/sports/'>Sports</a></nav></header><main><div class='column'>"
        "<div class='promo'><div class='promo-item'>"
        "<a href='/actualites/fermeture-du-pont-dubuc/'>Fermeture du pont Dubuc cette nuit</a>"
        "<div class='promo-when'>3 mars 2026</div></div></div>"
        "<h1>Rue Racine : une aide pour les commerçants</h1><div class='byline'>Par Anne Roux"
        "</div><div class='when'>4 mars 2026 à 22 h 30</div>"
        f"<div class='text'>{_TEXT_FR}</div></div></main><footer>© Le Phare</footer>"
        "</body></html>"
    )
    record = read(html, "https://www.lephare-example.ca/actualites/rue-racine-aide-commercants")
    assert record.title == "Rue Racine : une aide pour les commerçants"
    assert record.published == dt.date(2026, 3, 4)


_TEXT_IT = (
    "<p>La giunta regionale ha approvato ieri sera il piano per le scuole, dopo una lunga "
    "riunione con i sindacati e i presidi delle province.</p><p>I lavori nei primi venti "
    "istituti partiranno in estate e dovranno finire prima dell'inizio delle lezioni.</p>"
)
_TEXT_EN = (
    "<p>The school board approved the district's new bus routes on Wednesday night after "
    "parents packed the meeting to ask for earlier pickups.</p><p>The routes take effect "
    "after spring break, and the district will post the new times online next week.</p>"
)


@pytest.mark.parametrize(
    ("lang", "teaser", "headline", "printed", "text", "day"),
    [
        (
            "it",
            "<time datetime='2026-03-02'>2 marzo 2026</time> "
            "<a href='/cronaca/incidente-sulla-a12-code-fino-a-sestri'>Incidente sulla A12, "
            "code fino a Sestri</a>",
            "Scuole, via libera al piano della Regione",
            "4 marzo 2026",
            _TEXT_IT,
            dt.date(2026, 3, 4),
        ),
        (
            "en",
            "<span>Latest</span> <a href='/news/water-main-break-closes-elm-street/'>Water main "
            "break closes Elm Street</a> <time datetime='2026-03-03T15:00:00-05:00'>Mar 3</time>",
            "School board approves new bus routes",
            "By Ann Lee | March 4, 2026",
            _TEXT_EN,
            dt.date(2026, 3, 4),
        ),
    ],
)
def test_a_lone_teaser_time_above_the_headline_is_not_the_article_date(
    lang: str, teaser: str, headline: str, printed: str, text: str, day: dt.date
) -> None:
    # the teaser opens the article, above its headline and the day printed under it
    article = f"<div class='latest'>{teaser}</div><h1>{headline}</h1><p>{printed}</p>{text}"
    html = (
        f"<html lang='{lang}'><head><title>{headline} | Gazzetta</title></head><body><header>"
        f"<a href='/'>Gazzetta</a></header><main><article>{article}</article></main></body></html>"
    )
    record = read(html, "https://www.gazzetta-example.com/news/a-story-of-the-day")
    assert record.title == headline
    assert record.published == day


@pytest.mark.parametrize(
    ("lang", "title", "section", "headline", "host"),
    [
        (
            "en",
            "Local | {} | Harbour Times",
            "Local",
            "Council votes to close the old bridge",
            "www.harbourtimes-example.com",
        ),
        (
            "de",
            "Politik - {} - Kreisbote",
            "Politik",
            "Stadtrat stimmt für neues Hallenbad",
            "www.kreisbote.de",
        ),
    ],
)
def test_a_section_opening_the_title_before_the_headline_goes(
    lang: str, title: str, section: str, headline: str, host: str
) -> None:
    # no <h1> and no og:title: the <title> is all the page says of its headline
    text = _TEXT_EN if lang == "en" else _TEXT_DE
    html = (
        f"<html lang='{lang}'><head><title>{title.format(headline)}</title></head><body><nav>"
        f"<a href='/{section.lower()}/'>{section}</a> <a href='/sport/'>Sport</a></nav><main>"
        f"<article><p class='byline'>Ann Lee</p>{text}</article></main></body></html>"
    )
    record = read(html, f"https://{host}/{section.lower()}/a-story-of-the-day")
    assert record.title == headline
