"""Issue 13, second round: three kinds of record error, each on pages written here in other
markup and languages: slash dates read in one page-level order (an "Updated" line and a rail's
teasers month first when another slash date of the page forces it), the article's own sector
(never a related card's, never with its field label; a news section link above the headline),
and a dek written as a heading under the headline taken as the lead."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

# 1. one slash-date order for the page: a comment or a rail teaser with a part over 12 makes
#    every slash date of the page month first, the "Updated" line and every card included

_MONTH_FIRST_PAGES = {
    # a trade magazine: "Updated" line under the byline, a "Latest" rail, a dated comment
    "en_rail_comment": (
        "<html lang='en'><body><div class='wrap'><main><article><h1>Port of Antwerp opens a "
        "hydrogen terminal</h1><p class='byline'>By Dana Moss · March 2, 2026</p>"
        "<p class='stamp'>Updated 3/4/2026 4:12 PM ET</p>"
        "<p>The terminal will receive its first ship in May and store green ammonia for three "
        "chemical plants along the Scheldt, its operator said on Monday.</p>"
        "<p>Two more berths are planned for the end of the decade, if demand follows.</p>"
        "</article><section class='comments'><h3>Comments</h3><div class='comment'>"
        "<span class='who'>kj_lee</span> <span class='when'>3/14/2026</span>"
        "<p>Good news for the region.</p></div></section></main>"
        "<aside class='latest'><h2>Latest News</h2><ul>"
        "<li><a href='/news/rail-freight-record/'>Rail freight hits a record</a> "
        "<span class='date'>3/5/2026</span></li>"
        "<li><a href='/news/barge-fuel/'>Barge operators switch fuels</a> "
        "<span class='date'>2/9/2026</span></li></ul></aside></div></body></html>",
        "https://freightweek.example/news/hydrogen-terminal/",
        "2026-03-04",
        ["2026-03-05", "2026-02-09"],
    ),
    # another template: a "Last updated" definition list, teaser cards as `<article>`s, the
    # order forced by a teaser's own date (12/22/2025)
    "en_dl_cards": (
        "<html lang='en'><body><div id='page'><div class='post'><h1>City council backs a "
        "four-day week trial</h1><dl class='facts'><dt>Posted</dt><dd>January 5, 2026</dd>"
        "<dt>Last updated</dt><dd>01/07/2026</dd></dl>"
        "<div class='text'><p>Two hundred clerks will work four longer days from April, and the "
        "council will publish what it learns after six months.</p><p>The unions asked for a "
        "review of overtime rules first.</p></div></div><div class='more'><h2>More stories</h2>"
        "<article class='teaser'><a href='/stories/library-hours/'>Libraries open later</a>"
        "<p>01/02/2026</p></article>"
        "<article class='teaser'><a href='/stories/snow-plan/'>A new snow plan</a>"
        "<p>12/22/2025</p></article></div></div></body></html>",
        "https://citydesk.example/stories/four-day-week/",
        "2026-01-07",
        ["2026-01-02", "2025-12-22"],
    ),
}


@pytest.mark.parametrize("name", sorted(_MONTH_FIRST_PAGES))
def test_a_page_forced_month_first_reads_every_slash_date_month_first(name: str) -> None:
    html, url, modified, related = _MONTH_FIRST_PAGES[name]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert record["modified"] == modified
    assert [c["published"] for c in record["related"]] == related


def test_a_day_first_page_keeps_its_order() -> None:
    # the same page with a day-first comment (14/03/2026): nothing forces month first
    html, url, _, _ = _MONTH_FIRST_PAGES["en_rail_comment"]
    html = html.replace("3/14/2026", "14/3/2026").replace("2/9/2026", "9/2/2026")
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert record["modified"] == "2026-04-03"
    assert [c["published"] for c in record["related"]] == ["2026-05-03", "2026-02-09"]


# 2. the article's sector: a tag link in its hero, never a related card's; a field's label
#    is never part of it; a news section link above the headline under the generic profile

_TEXT = (
    "<p>Un texte assez long pour faire un paragraphe de l'article, sans rien de plus à dire "
    "sur le sujet du jour, ni sur les suivants.</p><p>Een tweede alinea met genoeg woorden om "
    "als tekst te tellen, and a few English words too.</p>"
)

_HERO_PAGES = {
    "fr": (
        "<html lang='fr'><body><main><div class='hero'><ul class='hero-tags'><li><a class='tag' "
        "href='/fr/secteur/commerce/'>Commerce</a></li></ul><h1>Un marché couvert à Anderlecht"
        f"</h1></div><div class='content'>{_TEXT}</div><div class='view-news'>"
        "<div class='views-row'><div class='teaser'><div class='teaser__meta'><div class='teaser__"
        "head'><span class='field-sector'>Construction</span></div></div><h3><a href='/fr/news/"
        "chantier-vert/'>Un chantier vert</a></h3></div></div>"
        "<div class='views-row'><div class='teaser'><div class='teaser__meta'><div class='teaser__"
        "head'><span class='field-sector'>Santé</span></div></div><h3><a href='/fr/news/"
        "clinique/'>Une nouvelle clinique</a></h3></div></div></div></main></body></html>",
        "https://hub.brussels/fr/news/marche-couvert/",
        "Commerce",
    ),
    "nl": (
        "<html lang='nl'><body><div class='page'><header class='article-header'><div "
        "class='article-tags'><a href='/nl/sector/bouw/' class='chip'>Bouw</a></div><h1>Een groene "
        f"werf in Vorst</h1></header><section class='body'>{_TEXT}</section><section class="
        "'grid'><div class='cell'><div><div><div class='card-sector'>Handel</div></div></div>"
        "<a href='/nl/news/een-overdekte-markt/'>Een overdekte markt</a></div>"
        "</section><div class='lees-ook'><div class='box'><div><div><div><div class='box-sector'>"
        "Gezondheid</div></div></div></div><a href='/nl/news/een-nieuwe-kliniek/'>Een nieuwe "
        "kliniek</a></div></div></div></body></html>",
        "https://hub.brussels/nl/news/een-groene-werf/",
        "Bouw",
    ),
}


@pytest.mark.parametrize("name", sorted(_HERO_PAGES))
def test_a_related_cards_sector_is_never_the_articles(name: str) -> None:
    html, url, sector = _HERO_PAGES[name]
    assert extract_article(html, url).sector == sector


@pytest.mark.parametrize(
    ("lang", "markup", "sector"),
    [
        (
            "fr",
            "<div class='field field--name-field-sector'><div class='field__label'>Secteur</div>"
            "<div class='field__item'>Économie sociale</div></div>",
            "Économie sociale",
        ),
        (
            "nl",
            "<p class='article-sector'><span class='lbl'>Sector</span> <a href='/s/zorg/'>"
            "Gezondheid &amp; zorg</a></p>",
            "Gezondheid & zorg",
        ),
        (
            "en",
            "<dl class='sector-field'><dt>Sector</dt><dd>Digital</dd></dl>",
            "Digital",
        ),
    ],
)
def test_a_sector_fields_own_label_is_not_part_of_it(lang: str, markup: str, sector: str) -> None:
    html = (
        f"<html lang='{lang}'><body><article><h1>Een titel, un titre, a title</h1>{markup}"
        f"{_TEXT}</article></body></html>"
    )
    assert extract_article(html, "https://hub.brussels/fr/news/un-titre/").sector == sector


@pytest.mark.parametrize(
    ("lang", "above", "sector"),
    [
        ("fr", "<a class='section' href='/economie/'>Économie</a>", "Économie"),
        ("nl", "<div class='kop'><a href='/economie/'>Economie</a></div>", "Economie"),
        ("en", "<p class='story-section'><a href='/logistics/'>Logistics</a></p>", "Logistics"),
    ],
)
def test_a_news_section_link_above_the_headline_is_the_sector(
    lang: str, above: str, sector: str
) -> None:
    html = (
        f"<html lang='{lang}'><body><div class='site'><header class='masthead'><nav><a href='/'>"
        "Accueil</a> <a href='/economie/'>Économie</a> <a href='/sport/'>Sport</a></nav></header>"
        f"<main><div class='story'>{above}<h1>Een titel, un titre, a title</h1>{_TEXT}</div>"
        "</main></div></body></html>"
    )
    record = extract_article(
        html, "https://krant.example/economie/een-titel/", profile=generic_profile()
    )
    assert record.sector == sector


# 3. a dek written as a heading right under the headline is the lead; the first paragraph
#    then stays in the body

_FIRST = {
    "en": "The terminal will receive its first ship in May and store green ammonia for three "
    "chemical plants along the river, its operator said on Monday.",
    "fr": "Le marché ouvrira ses portes en septembre avec une quarantaine d'étals de producteurs "
    "locaux, a annoncé la commune lundi.",
    "nl": "De werf in Vorst gebruikt alleen elektrische machines en hergebruikt het puin van de "
    "oude fabriek voor de fundering, zegt de aannemer.",
}
_DEKS = {
    "en": "Antwerp's first hydrogen terminal opens in May, with room for two more berths",
    "fr": "Une quarantaine de producteurs vendront leurs produits sous la halle rénovée",
    "nl": "Een aannemer bewijst dat een bouwplaats zonder diesel en zonder lawaai kan",
}
_DEK_PAGES = {
    # the dek an `<h2>` in the article, right under the `<h1>`
    "en": (
        "<html lang='en'><body><main><article><h1>Port of Antwerp opens a hydrogen terminal</h1>"
        f"<h2>{_DEKS['en']}</h2><p>{_FIRST['en']}</p><p>Two more berths are planned for the end "
        "of the decade, if demand follows, and the port is looking for partners.</p>"
        "</article></main></body></html>",
        "https://freightweek.example/news/hydrogen-terminal/",
    ),
    # the headline and dek in a header outside the text container, the dek an `<h3>`
    "fr": (
        "<html lang='fr'><body><div class='page'><header class='entete'><h1>Un marché couvert à "
        f"Anderlecht</h1><h3>{_DEKS['fr']}</h3></header><div class='contenu'><p>{_FIRST['fr']}"
        "</p><p>Les travaux de rénovation de la halle ont duré deux ans et coûté quatre millions "
        "d'euros, financés par la région.</p></div></div></body></html>",
        "https://quartier.example/nouvelles/marche-couvert-anderlecht/",
    ),
    # a date line between the headline and the dek
    "nl": (
        "<html lang='nl'><body><div id='main'><div class='artikel'><h1>Een groene werf in Vorst"
        f"</h1><div class='datum'>3 maart 2026</div><h2 class='sub'>{_DEKS['nl']}</h2>"
        f"<p>{_FIRST['nl']}</p><p>De buren merken vooral dat er minder vrachtwagens rijden en dat "
        "het stiller is op zaterdag.</p></div></div></body></html>",
        "https://stad.example/nieuws/groene-werf-vorst/",
    ),
}


@pytest.mark.parametrize("lang", sorted(_DEK_PAGES))
def test_a_dek_heading_under_the_headline_is_the_lead(lang: str) -> None:
    html, url = _DEK_PAGES[lang]
    record = extract_article(html, url, profile=generic_profile())
    assert record.lead == _DEKS[lang]
    assert record.body is not None and record.body.startswith(_FIRST[lang])


def test_a_section_heading_under_the_headline_is_no_lead() -> None:
    # a short heading followed by its own text: the text's first section, not a standfirst
    html, url = _DEK_PAGES["en"]
    html = html.replace(_DEKS["en"], "Why now?")
    record = extract_article(html, url, profile=generic_profile())
    assert record.lead == _FIRST["en"]


def test_neutral_edits_leave_the_dek_and_section_unchanged() -> None:
    # a breadcrumb added above the section link, whitespace, a closing "Thank you."
    html = (
        "<html lang='en'><body><main><div class='story'><a class='section' href='/logistics/'>"
        f"Logistics</a><h1>Port of Antwerp opens a hydrogen terminal</h1><h2>{_DEKS['en']}</h2>"
        f"<p>{_FIRST['en']}</p><p>Two more berths are planned for the end of the decade, if "
        "demand follows, and the port is looking for partners.</p></div></main></body></html>"
    )
    edited = (
        html.replace(
            "<main>",
            "<main><nav class='breadcrumb'><a href='/'>Home</a> › <a href='/logistics/'>"
            "Logistics</a></nav>\n  ",
        )
        .replace("<h2>", "\n<h2>  ")
        .replace("</p></div>", "</p><p>Thank you.</p></div>")
    )
    url = "https://freightweek.example/logistics/hydrogen-terminal/"
    fields = ("sector", "lead", "body")
    before = extract_article(html, url, profile=generic_profile()).to_dict()
    after = extract_article(edited, url, profile=generic_profile()).to_dict()
    assert before["sector"] == "Logistics" and before["lead"] == _DEKS["en"]
    assert {f: after[f] for f in fields} == {f: before[f] for f in fields}
