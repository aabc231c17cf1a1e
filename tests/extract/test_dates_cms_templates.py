"""Date kinds from an audit of news templates written here (WordPress, Drupal, Arc
XP, Brightspot, Ghost, Medium, Blogger, AMP, hub.brussels) in seven languages, each kind on two
templates or languages:

- a day name beside a slash date tells its order ("Thu, 04/03/2025" is 3 April, a Thursday);
- Arc XP's `first_publish_date` (and `last_updated_date`) in its `fusion-metadata` script;
- a Unix timestamp in a data attribute (`data-timestamp`, seconds or milliseconds) on an element
  whose text is relative ("3 hours ago");
- a URL's date in ISO's basic form ("/20250312/", "~20250312.html");
- a row of dated teasers above the article is no date line of the headline's;
- a date element that says "Updated: …" gives no publication date;
- a `<time>` in a link that names another text (a "Read also" insert) is that text's;
- an element's own `itemprop=datePublished` beats its wrapper's "updated" class;
- a site's name set in an `<h1>` in its banner (beside today's date) is not the headline;
- more labels, as vocabulary data ("Erstellt:", "Aangepast:", "modifica il")."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

TEXT = {
    "en": (
        "The city council voted on Tuesday night to close the old bridge over the river for a "
        "full renovation that will last until the autumn, diverting traffic to the ring road.",
        "Officials said the work would cost about two million euros, most of it paid by the "
        "region, and that cyclists would keep a temporary lane during the whole project.",
    ),
    "fr": (
        "Le conseil communal a voté mardi soir la fermeture du vieux pont sur la rivière pour une "
        "rénovation complète qui durera jusqu'à l'automne, la circulation étant déviée par le ring.",
        "Les travaux coûteront environ deux millions d'euros, payés en grande partie par la "
        "Région, et les cyclistes garderont une bande provisoire pendant tout le chantier.",
    ),
    "nl": (
        "De gemeenteraad heeft dinsdagavond beslist de oude brug over de rivier te sluiten voor "
        "een volledige renovatie die tot de herfst zal duren, het verkeer gaat via de ring.",
        "De werken kosten ongeveer twee miljoen euro, grotendeels betaald door het Gewest, en "
        "fietsers behouden tijdens de hele werf een tijdelijke strook.",
    ),
    "it": (
        "Il consiglio comunale ha votato martedì sera la chiusura del vecchio ponte sul fiume per "
        "una ristrutturazione completa che durerà fino all'autunno, con il traffico deviato.",
        "I lavori costeranno circa due milioni di euro, pagati in gran parte dalla regione, e i "
        "ciclisti manterranno una corsia provvisoria per tutta la durata del cantiere.",
    ),
    "de": (
        "Der Gemeinderat hat am Dienstagabend beschlossen, die alte Brücke über den Fluss für "
        "eine umfassende Sanierung bis zum Herbst zu sperren und den Verkehr umzuleiten.",
        "Die Arbeiten kosten rund zwei Millionen Euro, die zum größten Teil das Land trägt, und "
        "Radfahrer behalten während der gesamten Baustelle eine provisorische Spur.",
    ),
    "pt": (
        "A câmara municipal votou na terça-feira à noite o encerramento da velha ponte sobre o rio "
        "para uma renovação completa que vai durar até ao outono, com o trânsito desviado.",
        "As obras vão custar cerca de dois milhões de euros, pagos em grande parte pela região, e "
        "os ciclistas vão manter uma faixa provisória durante toda a obra.",
    ),
}
H1 = {
    "en": "Bridge closes for a year",
    "fr": "Le pont fermé pour un an",
    "nl": "Brug een jaar dicht",
    "it": "Il ponte chiuso per un anno",
    "pt": "A ponte fechada por um ano",
    "de": "Brücke ein Jahr gesperrt",
}


def body(lang: str) -> str:
    return "".join(f"<p>{p}</p>" for p in TEXT[lang])


def page(lang: str, main: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{H1[lang]}"
        f"</title>{head}</head><body><header class='site-header'><nav><a href='/'>Home</a>"
        "<a href='/news/'>News</a></nav></header>"
        f"<main>{main}</main><footer><p>© 2025 Example Media</p></footer></body></html>"
    )


def record(html: str, url: str) -> dict[str, object]:
    return extract_article(html.encode(), url, profile=profile_for_url(url)).to_dict()


# -- a day name beside a slash date tells its order ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        # Drupal's "medium" date format, month first: 4 March 2025 was a Tuesday
        ("en", "Submitted by <span>editor</span> on Thu, 04/03/2025 - 18:30", "2025-04-03"),
        # a US byline: 3 November 2025 is a Monday
        ("en", "By Jane Doe | Tuesday, 03/11/2025", "2025-03-11"),
        # a Dutch Drupal site, day first: the day name agrees with it
        ("nl", "Ingediend door <span>redactie</span> op di, 11/03/2025 - 18:30", "2025-03-11"),
    ],
)
def test_a_day_name_tells_the_order_of_a_slash_date(lang: str, line: str, expected: str) -> None:
    html = page(
        lang,
        f"<article class='node'><h1>{H1[lang]}</h1><div class='submitted'>{line}</div>"
        f"<div class='content'>{body(lang)}</div></article>",
    )
    assert record(html, "https://www.county-example.com/news/bridge")["published"] == expected


# -- Arc XP's fusion-metadata ------------------------------------------------------------------

FUSION = (
    "<script id='fusion-metadata' type='application/javascript'>window.Fusion=window.Fusion||{{}};"
    'Fusion.globalContent={{"_id":"ABC","first_publish_date":"{published}",'
    '"last_updated_date":"{updated}"}};</script>'
)


@pytest.mark.parametrize(
    ("lang", "published", "updated", "day", "modified"),
    [
        ("en", "2025-03-12T15:30:00.000Z", "2025-03-14T08:00:00.000Z", "2025-03-12", "2025-03-14"),
        ("pt", "2025-03-12T10:00:00.000Z", "2025-03-12T10:00:00.000Z", "2025-03-12", None),
    ],
)
def test_arc_fusion_metadata_dates_the_article(
    lang: str, published: str, updated: str, day: str, modified: str | None
) -> None:
    html = page(
        lang,
        f"<article><h1 class='headline'>{H1[lang]}</h1><div class='byline'>By Jane Doe</div>"
        f"<div class='article-body'>{body(lang)}</div></article>",
        FUSION.format(published=published, updated=updated),
    )
    found = record(html, "https://www.dailyexample.com/local/bridge-closes-ABCDEF/")
    assert (found["published"], found["modified"]) == (day, modified)


# -- a Unix timestamp in a data attribute --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "element"),
    [
        ("fr", "<span class='date' data-timestamp='1741804200'>il y a 3 heures</span>"),
        (
            "en",
            "<div class='meta'><span class='timestamp' data-timestamp='1741804200000'>3 hours ago"
            "</span></div>",
        ),
        ("it", "<span class='ago' data-time='1741804200'>3 ore fa</span>"),
    ],
)
def test_an_epoch_data_attribute_dates_the_article(lang: str, element: str) -> None:
    html = page(lang, f"<article><h1>{H1[lang]}</h1>{element}{body(lang)}</article>")
    assert record(html, "https://www.example-news.be/regions/pont-98765")["published"] == (
        "2025-03-12"
    )


def test_a_run_of_digits_is_no_epoch() -> None:
    html = page(
        "en",
        f"<article><h1>{H1['en']}</h1><span class='views' data-time='42'>42 views</span>"
        f"{body('en')}</article>",
    )
    assert record(html, "https://www.example-news.com/world/bridge")["published"] is None


# -- a URL's date in ISO's basic form ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "url", "expected"),
    [
        ("it", "https://www.giornale-esempio.it/cronaca/20250312/ponte-chiuso/", "2025-03-12"),
        ("nl", "https://www.nieuws-voorbeeld.nl/binnenland/brug-dicht~20250312.html", "2025-03-12"),
        # an identifier: more digits, or digits run into letters
        ("en", "https://www.example-news.com/news/a20250312/bridge", None),
        ("en", "https://www.example-news.com/news/2025031245/bridge", None),
    ],
)
def test_a_basic_iso_date_in_the_url(lang: str, url: str, expected: str | None) -> None:
    html = page(lang, f"<article><h1>{H1[lang]}</h1>{body(lang)}</article>")
    assert record(html, url)["published"] == expected


# -- dated teasers above the article -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "teasers", "date_line"),
    [
        (
            "nl",
            "<div class='top-stories'><div class='card'><a href='/a'>Brand in centrum</a>"
            "<time datetime='2025-03-20'>20 mrt 2025</time></div><div class='card'>"
            "<a href='/b'>Nieuwe tramlijn</a><time datetime='2025-03-19'>19 mrt 2025</time>"
            "</div></div>",
            "woensdag 12 maart 2025, 18:30",
        ),
        (
            "en",
            "<ul class='ticker'><li><a href='/a'>Storm warning issued</a> "
            "<time datetime='2025-03-20T08:00:00Z'>March 20, 2025</time></li><li>"
            "<a href='/b'>Tram line opens</a> <time datetime='2025-03-19T08:00:00Z'>March 19, "
            "2025</time></li></ul>",
            "March 12, 2025",
        ),
    ],
)
def test_dated_teasers_above_the_article_do_not_date_it(
    lang: str, teasers: str, date_line: str
) -> None:
    html = page(
        lang,
        f"{teasers}<article><h1>{H1[lang]}</h1><p class='meta'>{date_line}</p>{body(lang)}"
        "</article>",
    )
    assert record(html, "https://www.example-news.be/regio/brug-2")["published"] == "2025-03-12"


# -- a date element saying "Updated" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "element"),
    [
        ("en", "<p class='date'>Updated: March 14, 2025</p>"),
        ("fr", "<span class='date'>Mis à jour le 14 mars 2025</span>"),
    ],
)
def test_an_updated_date_element_gives_no_publication(lang: str, element: str) -> None:
    html = page(lang, f"<article><h1>{H1[lang]}</h1>{element}{body(lang)}</article>")
    found = record(html, "https://www.example-news.com/local/bridge-6666")
    assert (found["published"], found["modified"]) == (None, "2025-03-14")


# -- a `<time>` in a link naming another text ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "byline", "insert"),
    [
        (
            "fr",
            "<p class='date'>Publié le 12 mars 2025 à 18h30</p>",
            "<aside class='lire-aussi'><a href='/x'>Le tram arrive "
            "<time datetime='2025-03-01'>1er mars 2025</time></a></aside>",
        ),
        (
            "en",
            "<div class='byline'>By Jane Doe, March 12, 2025</div>",
            "<p class='read-more'>Read more: <a href='/storm'>Storm warning issued for the coast"
            " <time datetime='2025-03-01T10:00:00Z'>March 1, 2025</time></a></p>",
        ),
    ],
)
def test_a_time_in_a_read_also_link_is_that_texts(lang: str, byline: str, insert: str) -> None:
    first, second = TEXT[lang]
    html = page(
        lang,
        f"<article><h1>{H1[lang]}</h1>{byline}<p>{first}</p>{insert}<p>{second}</p></article>",
    )
    assert record(html, "https://www.example-news.com/politics/bridge-4")["published"] == (
        "2025-03-12"
    )


def test_the_posts_own_date_link_still_dates_it() -> None:
    """WordPress links the post's two dates to its permalink: both stay the article's."""
    html = page(
        "en",
        f"<article><h1>{H1['en']}</h1><span class='posted-on'>Posted on <a href='/p/' "
        "rel='bookmark'><time class='entry-date published' datetime='2025-03-12T18:30:00+00:00'>"
        "March 12, 2025</time><time class='updated' datetime='2025-03-14T08:00:00+00:00'>March "
        f"14, 2025</time></a></span>{body('en')}</article>",
    )
    found = record(html, "https://www.example-news.com/local/bridge/")
    assert (found["published"], found["modified"]) == ("2025-03-12", "2025-03-14")


# -- an element's own itemprop over its wrapper's class ------------------------------------------


@pytest.mark.parametrize(
    ("lang", "element"),
    [
        (
            "pt",
            "<p class='content-publication-data__updated'>Por Redação <time "
            "itemprop='datePublished' datetime='2025-03-13T00:30:00.000Z'>12/03/2025 21h30</time>"
            " Atualizado há 2 horas</p>",
        ),
        (
            "en",
            "<div class='timestamp-updated'><time itemprop='datePublished' "
            "datetime='2025-03-12T18:30:00Z'>March 12, 2025</time> · Updated 2 hours ago</div>",
        ),
    ],
)
def test_an_elements_own_date_property_beats_its_wrappers_class(lang: str, element: str) -> None:
    html = page(lang, f"<article><h1>{H1[lang]}</h1>{element}{body(lang)}</article>")
    found = record(html, "https://www.example-news.com/sp/noticia/ponte.ghtml")
    assert (found["published"], found["modified"]) == ("2025-03-12", None)


# -- the site's name in an <h1> in the banner ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "banner", "date_line"),
    [
        (
            "en",
            "<header id='masthead'><h1 class='site-title'><a href='/'>Daily Example</a></h1>"
            "<p class='today'>Wednesday, March 19, 2025</p>",
            "March 12, 2025",
        ),
        (
            "fr",
            "<header class='site-header'><h1 class='logo'><a href='/'>Le Journal</a></h1>"
            "<div class='date-du-jour'>mercredi 19 mars 2025</div>",
            "12 mars 2025",
        ),
    ],
)
def test_the_sites_name_in_a_banner_h1_is_not_the_headline(
    lang: str, banner: str, date_line: str
) -> None:
    html = (
        f"<!DOCTYPE html><html lang='{lang}'><head><title>{H1[lang]}</title></head><body>"
        f"{banner}<nav><a href='/'>Home</a><a href='/n'>News</a></nav></header><main><article>"
        f"<h1 class='entry-title'>{H1[lang]}</h1><p class='byline'>Jane Doe</p>"
        f"<p class='pubdate'>{date_line}</p>{body(lang)}</article></main></body></html>"
    )
    found = record(html, "https://www.dailyexample.com/local/bridge-closes-321")
    assert found["published"] == "2025-03-12"


# -- more labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "published", "modified"),
    [
        (
            "de",
            "Erstellt: 12.03.2025, 18:30 Uhr | Aktualisiert: 13.03.2025, 09:00 Uhr",
            "2025-03-12",
            "2025-03-13",
        ),
        ("nl", "12 maart 2025 18:30 · Aangepast: 13 maart 2025 09:00", "2025-03-12", "2025-03-13"),
        ("it", "12 marzo 2025 (modifica il 13 marzo 2025 | 09:00)", "2025-03-12", "2025-03-13"),
    ],
)
def test_more_date_labels(lang: str, line: str, published: str, modified: str) -> None:
    html = page(
        lang,
        f"<article><h1>{H1[lang]}</h1><div class='meta'>{line}</div>{body(lang)}</article>",
        "<meta name='date' content='2020-01-01'>",
    )
    found = record(html, "https://www.zeitung-beispiel.de/lokales/bruecke-790.html")
    assert (found["published"], found["modified"]) == (published, modified)
