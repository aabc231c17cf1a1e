"""Four kinds of miss, each on a page of one template and a sibling of another template and
language: a `<time>` an update label names is the modification date only; a subheadline `<h2>`
right under the headline is the standfirst, a section heading of the text is not; the excerpt
under an `<h2>` headline (a slogan `<h1>` in the site bar above it) is the lead; a header list of
language-name links carrying a `lang` attribute gives the translations."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

GENERIC = generic_profile()

# -- 1. a <time> an update label names: `modified` only --------------------------------------

_HUB_UPDATED_OWN_TEXT = (
    "<html lang='nl'><body><main><h1>Brusselse kaasmakers veroveren Rungis</h1>"
    "<p class='meta'><time datetime='2026-03-04T10:00:00+01:00'>Bijgewerkt op 4 maart 2026"
    "</time></p><div class='text'><p>Vijf Brusselse kaasmakers staan deze week op de "
    "groothandelsmarkt van Rungis bij Parijs.</p><p>Ze werden geselecteerd door een jury van "
    "Franse kaashandelaars.</p></div></main></body></html>"
)
_HUB_UPDATED_LABEL_CELL = (
    "<html lang='fr'><body><main><h1>Les fromagers bruxellois à Rungis</h1>"
    "<div class='dates'><span class='lbl'>Mis à jour le</span><span><time "
    "datetime='2026-03-04'>04/03/2026</time></span></div><div class='text'><p>Cinq fromagers "
    "bruxellois sont présents cette semaine au marché de Rungis.</p><p>Ils ont été choisis par "
    "un jury de crémiers français.</p></div></main></body></html>"
)
_NEWS_UPDATED_BYLINE = (
    "<html lang='en'><body><article><header><h1>Brussels cheese makers head to Rungis</h1>"
    "<div class='byline'>By Jane Doe · <time datetime='2026-03-04T08:00:00Z'>Updated March 4, "
    "2026</time></div></header><div class='story'><p>Five Brussels cheese makers are at the "
    "Rungis wholesale market this week.</p><p>They were chosen by a jury of French "
    "cheesemongers.</p></div></article></body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "profile"),
    [
        (_HUB_UPDATED_OWN_TEXT, "https://hub.brussels/nl/nieuws/kaasmakers-rungis/", None),
        (_HUB_UPDATED_LABEL_CELL, "https://hub.brussels/fr/actualites/fromagers-rungis/", None),
        (_NEWS_UPDATED_BYLINE, "https://news.example.org/2026/cheese-makers-rungis", GENERIC),
    ],
    ids=["hub-nl-label-in-time", "hub-fr-label-cell-before", "news-en-label-in-time"],
)
def test_a_time_an_update_label_names_is_no_publication(
    html: str, url: str, profile: object
) -> None:
    article = extract_article(html, url, profile=profile)  # type: ignore[arg-type]
    assert article.published is None
    assert article.modified is not None and article.modified.isoformat() == "2026-03-04"


def test_a_publication_label_in_the_time_still_gives_the_publication() -> None:
    html = _NEWS_UPDATED_BYLINE.replace("Updated March 4", "Published March 4")
    article = extract_article(html, "https://news.example.org/2026/cheese", profile=GENERIC)
    assert article.published is not None and article.published.isoformat() == "2026-03-04"


def test_a_published_time_beside_an_updated_one_keeps_both() -> None:
    html = _HUB_UPDATED_LABEL_CELL.replace(
        "<div class='dates'>",
        "<div class='dates'><span class='lbl'>Publié le</span><span><time "
        "datetime='2026-03-01'>01/03/2026</time></span> ",
    )
    article = extract_article(html, "https://hub.brussels/fr/actualites/fromagers-rungis/")
    assert article.published is not None and article.published.isoformat() == "2026-03-01"
    assert article.modified is not None and article.modified.isoformat() == "2026-03-04"


# -- 2. a subheadline <h2> under the <h1> is the standfirst; a section heading is not ----------

_P1 = "Five Brussels cheese makers are at the Rungis wholesale market this week, chosen by a jury."
_P2 = "The market, south of Paris, supplies most of the restaurants of the French capital."
_P3 = "Each maker brings three cheeses, and the buyers taste them on the first morning."
_EN_DEK = "A jury of French cheesemongers picked five small dairies from the capital region."
_EN_DEK_IN_HEADER = (
    "<html lang='en'><body><article><header><h1>Brussels cheese makers head to Rungis</h1>"
    f"<h2 class='kop2'>{_EN_DEK}</h2><div class='meta'>By Jane Doe · <time "
    "datetime='2026-03-04'>March 4, 2026</time></div></header><div class='story'>"
    f"<p>{_P1}</p><h2>The buyers</h2><p>{_P2}</p><h2>The cheeses</h2><p>{_P3}</p></div>"
    "</article></body></html>"
)
_FR_DEK = "Un jury de crémiers français a retenu cinq petites laiteries de la région capitale."
_FR_DEK_FLAT = (
    "<html lang='fr'><body><div class='page'><div class='post'>"
    f"<h1>Les fromagers bruxellois à Rungis</h1><h2>{_FR_DEK}</h2>"
    "<p class='date'>Publié le 4 mars 2026</p><p>Cinq fromagers bruxellois sont présents cette "
    "semaine au marché de Rungis, choisis par un jury.</p><p>Le marché, au sud de Paris, "
    "approvisionne la plupart des restaurants de la capitale française.</p><h2>Les acheteurs"
    "</h2><p>Chaque fromager apporte trois fromages, que les acheteurs goûtent le premier "
    "matin.</p></div></div></body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "dek", "body_opens"),
    [
        (
            _EN_DEK_IN_HEADER,
            "https://news.example.org/2026/03/cheese-makers-rungis",
            _EN_DEK,
            "Five Brussels cheese makers",
        ),
        (
            _FR_DEK_FLAT,
            "https://www.exemple.fr/actualites/fromagers-rungis",
            _FR_DEK,
            "Cinq fromagers bruxellois",
        ),
    ],
    ids=["en-dek-in-header-sections-in-text", "fr-dek-before-date-line-flat"],
)
def test_a_subheadline_under_the_headline_is_the_lead(
    html: str, url: str, dek: str, body_opens: str
) -> None:
    article = extract_article(html, url, profile=GENERIC)
    assert article.lead == dek
    body = article.body or ""
    assert body.startswith(body_opens)  # the text's first paragraph stays in the body
    assert dek not in body


_NL_S1 = "Een jury van Franse kaashandelaars koos vijf kleine zuivelbedrijven uit het gewest"
_NL_S2 = "De kopers op de markt van Rungis in het zuiden van Parijs"
_NL_T1 = (
    "Vijf Brusselse kaasmakers staan deze week op de groothandelsmarkt van Rungis bij Parijs, "
    "gekozen door een jury."
)
_NL_T2 = "De markt levert aan de meeste restaurants van de Franse hoofdstad en haar regio."


@pytest.mark.parametrize(
    "text",
    [
        # the sections open the text's container, under the date line
        "<p class='date'>4 maart 2026</p><div class='tekst'>"
        f"<h2>{_NL_S1}</h2><p>{_NL_T1}</p><h2>{_NL_S2}</h2><p>{_NL_T2}</p></div>",
        # the sections, each in a wrapper of its own, right under the headline
        f"<section><h2>{_NL_S1}</h2><p>{_NL_T1}</p></section>"
        f"<section><h2>{_NL_S2}</h2><p>{_NL_T2}</p></section>",
    ],
    ids=["sections-in-text-container", "sections-in-wrappers"],
)
def test_a_section_heading_of_the_text_is_no_lead(text: str) -> None:
    html = (
        "<html lang='nl'><body><article><h1>Brusselse kaasmakers naar Rungis</h1>"
        f"{text}</article></body></html>"
    )
    article = extract_article(
        html, "https://www.voorbeeld.nl/nieuws/kaasmakers-rungis", profile=GENERIC
    )
    assert article.lead != _NL_S1
    assert _NL_S1 in (article.body or "")  # the heading stays the text's first section's


@pytest.mark.parametrize("linked", [False, True], ids=["titles", "linked-titles"])
def test_a_series_of_stories_each_over_its_byline_has_no_heading_lead(linked: bool) -> None:
    # a weekly edition: each <h2> heads a story of its own, dated like the first
    def story(title: str, text: str) -> str:
        heading = f"<a href='/Articles/{len(title)}/'>{title}</a>" if linked else title
        return (
            f"<h2>{heading}</h2><div class='byline'>By Jane Doe<br>March 25, 2015</div>"
            f"<p>{text}</p>"
        )

    html = (
        "<html lang='en'><body><div class='headline'><h1>Weekly Edition for March 26, 2015"
        "</h1></div><div class='text'>"
        + story("A trademark battle in the cheese-making community", _P1)
        + story("Mapping and data mining with a free wholesale-market atlas", _P2)
        + "</div></body></html>"
    )
    article = extract_article(html, "https://news.example.org/Articles/weekly/", profile=GENERIC)
    assert article.lead is None or "trademark battle" not in article.lead


# -- 3. the excerpt under an <h2> headline below a slogan <h1> in the site bar ------------------

_FR_TEXT = (
    "<p>Cinq fromagers bruxellois sont présents cette semaine au marché de Rungis, choisis par "
    "un jury.</p><p>Le marché, au sud de Paris, approvisionne la plupart des restaurants de la "
    "capitale française.</p><p>Chaque fromager apporte trois fromages, que les acheteurs "
    "goûtent le premier matin du salon.</p>"
)
_FR_SLOGAN_BAR = (
    "<div id='site-bar'><a href='/'><img src='/logo.png' alt='logo'></a>"
    "<h1>Le Petit Journal, l'info de chez nous</h1></div>"
)
_EN_TEXT = f"<p>{_P1}</p><p>{_P2}</p><p>{_P3}</p>"


@pytest.mark.parametrize(
    ("html", "url", "title", "excerpt", "body_opens"),
    [
        (
            "<html lang='fr'><head><title>Les fromagers bruxellois à Rungis – Le Petit Journal"
            f"</title></head><body>{_FR_SLOGAN_BAR}<div id='main'><div class='post'>"
            "<h2 class='t'>Les fromagers bruxellois à Rungis</h2>"
            "<div class='postmeta'>4 mars 2026</div>"
            f"<div class='uittreksel'><p>{_FR_DEK}</p></div>"
            "<div class='share'><a href='https://facebook.com/x'>Facebook</a> "
            "<a href='https://twitter.com/x'>Twitter</a></div>"
            f"<div class='entry-content'>{_FR_TEXT}</div></div></div></body></html>",
            "https://www.journal-exemple.fr/2026/03/04/fromagers-rungis/",
            "Les fromagers bruxellois à Rungis",
            _FR_DEK,
            "Cinq fromagers bruxellois",
        ),
        (
            "<html lang='en'><head><title>Brussels cheese makers head to Rungis | Example Times"
            "</title></head><body><div class='masthead'><a href='https://www.example-times.com/'>"
            "<img src='/l.png' alt=''></a><h1 class='tagline'>News that matters to you</h1></div>"
            "<div class='wrap'><div class='story-head'><h2>Brussels cheese makers head to Rungis"
            "</h2><p class='dateline'><span>By Jane Doe</span> | <span>March 4, 2026</span></p>"
            f"<div class='box-s'><p>{_EN_DEK}</p></div></div>"
            "<div class='photo'><img src='/a.jpg' alt=''><p>The stand of the Brussels region "
            "at Rungis on Tuesday morning, before the buyers came. Photo Jane Doe</p></div>"
            f"<div class='article-body'>{_EN_TEXT}</div></div></body></html>",
            "https://www.example-times.com/news/cheese-makers-rungis",
            "Brussels cheese makers head to Rungis",
            _EN_DEK,
            "Five Brussels cheese makers",
        ),
    ],
    ids=["fr-excerpt-then-share-bar", "en-excerpt-in-head-then-photo"],
)
def test_the_excerpt_under_an_h2_headline_below_a_slogan_is_the_lead(
    html: str, url: str, title: str, excerpt: str, body_opens: str
) -> None:
    article = extract_article(html, url, profile=GENERIC)
    assert article.title == title
    assert article.lead == excerpt
    assert (article.body or "").startswith(body_opens)  # the first paragraph is not lost


# -- 4. a header list of language-name links carrying `lang` ----------------------------------

_STORY = "<main><article><h1>{title}</h1><p>{p1}</p><p>{p2}</p></article></main>"


def _news_page(lang: str, switch: str, title: str, p1: str, p2: str) -> str:
    return (
        f"<html lang='{lang}'><body><header class='site-header'><a href='/'>Home</a>{switch}"
        f"</header>{_STORY.format(title=title, p1=p1, p2=p2)}</body></html>"
    )


def test_a_header_list_of_lang_marked_language_names_gives_the_translations() -> None:
    # the other versions' paths differ in depth and wording from the page's own
    switch = (
        "<ul class='langs'><li><a lang='fr' href='https://www.example-times.be/fr/actualites/"
        "economie/fromagers-rungis'>Français</a></li><li><a lang='en' "
        "href='/en/news/cheese-makers-rungis'>English</a></li><li><a lang='nl' "
        "href='/nl/nieuws/kaasmakers-rungis'>Nederlands</a></li></ul>"
    )
    html = _news_page("en", switch, "Brussels cheese makers head to Rungis", _P1, _P2)
    article = extract_article(
        html, "https://www.example-times.be/en/news/cheese-makers-rungis", profile=GENERIC
    )
    assert article.translations == {
        "fr": "https://www.example-times.be/fr/actualites/economie/fromagers-rungis",
        "nl": "https://www.example-times.be/nl/nieuws/kaasmakers-rungis",
    }


def test_lang_marked_names_wrapped_in_spans_on_a_hub_page() -> None:
    switch = (
        "<nav class='taal'><a lang='fr' href='/fr/actualites/fromagers-a-rungis/'>\n "
        "<span>Français</span>\n</a> <a lang='en' href='/en/news/cheese-makers-rungis/'> "
        "<span>English</span> </a></nav>"
    )
    html = _news_page("nl", switch, "Brusselse kaasmakers naar Rungis", _NL_T1, _NL_T2)
    article = extract_article(html, "https://hub.brussels/nl/nieuws/kaasmakers/")
    assert article.translations == {
        "en": "https://hub.brussels/en/news/cheese-makers-rungis/",
        "fr": "https://hub.brussels/fr/actualites/fromagers-a-rungis/",
    }


@pytest.mark.parametrize(
    "switch",
    [
        # the other languages' home pages
        "<ul><li><a lang='fr' href='/fr/'>Français</a></li><li><a lang='nl' href='/nl'>"
        "Nederlands</a></li><li><a lang='en' href='/'>English</a></li></ul>",
        # another site's editions
        "<ul><li><a lang='fr' href='https://fr.other-news.example/fromagers'>Français</a></li>"
        "<li><a lang='nl' href='https://www.other-news.example/nl/nieuws/kaas'>Nederlands</a>"
        "</li></ul>",
        # the page itself
        "<ul><li><a lang='fr' href='/fr/news/cheese'>Français</a></li></ul>",
    ],
    ids=["home-pages", "other-site", "this-page"],
)
def test_lang_marked_links_that_are_no_translation(switch: str) -> None:
    html = _news_page("en", switch, "Brussels cheese makers head to Rungis", _P1, _P2)
    article = extract_article(html, "https://www.example-times.be/fr/news/cheese", profile=GENERIC)
    assert article.translations == {}
