"""The site's banner is never the article's sector, and a kicker heading over the headline is
never the text's opening: pages written here, each kind in two templates and languages.

- A `<header>` outside the article holding the site's menu (a list of section links: "News",
  "Events") lists the site's sections; the label nearest the headline names the article's
  sector, and a page with none has no sector (not the menu's only known link).
- A short heading of lower rank right above the `<h1>` (`<h5 class="overline">Interview</h5>`)
  is the header's furniture: the body opens with the text under the headline.
"""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import profile_for_url

EN_URL = "https://hub.brussels/en/news/fashion-copenhagen/"
NL_URL = "https://hub.brussels/nl/news/zorg-lissabon/"
FR_URL = "https://hub.brussels/fr/news/portrait-atelier/"


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


# -- 1. the site's banner menu is no sector ---------------------------------------------------


def _en_topbar(eyebrow: str) -> str:
    return (
        '<html lang="en"><body><div id="app"><header class="topbar"><a href="/en/">hub.brussels'
        '</a><ul class="nav"><li><a href="/en/news/">News</a></li><li><a href="/en/events/">'
        'Events</a></li></ul></header><div class="entry">'
        f"{eyebrow}<h1>Brussels fashion designers head to Copenhagen</h1>"
        "<p>Copenhagen Fashion Week is one of the most important fashion events in Europe, and "
        "six labels from Brussels will present their collections there this year.</p>"
        "<p>The designers will also meet Danish buyers during a networking evening.</p>"
        "</div></div></body></html>"
    )


def _nl_menu(kicker: str) -> str:
    # another template: a bare <header>, no class to name it, its menu a bare list
    return (
        '<html lang="nl"><body><header><ul><li><a href="/nl/evenementen/">'
        'Evenementen</a></li><li><a href="/nl/sectoren/">Sectoren</a></li></ul></header>'
        f'<section class="node">{kicker}<h1>Brusselse zorgbedrijven trekken naar Lissabon</h1>'
        '<div class="field-body"><p>Acht Brusselse bedrijven uit de zorgsector stellen hun '
        "oplossingen voor op een beurs in Lissabon, met de steun van het agentschap.</p>"
        "<p>Het programma omvat ook ontmoetingen met Portugese ziekenhuizen en verdelers.</p>"
        "</div></section></body></html>"
    )


def test_the_label_over_the_headline_beats_the_banner_menu() -> None:
    record = _record(_en_topbar('<p class="entry__eyebrow">Creative industries</p>'), EN_URL)
    assert record.sector == "Creative industries"
    assert record.sector_key == "creative_industries"


def test_a_plain_header_menu_beats_no_label_over_the_headline() -> None:
    record = _record(_nl_menu('<span class="surtitel">Gezondheid</span>'), NL_URL)
    assert record.sector == "Gezondheid"
    assert record.sector_key == "health_care"


def test_a_page_without_a_label_takes_no_sector_from_the_banner() -> None:
    assert _record(_en_topbar(""), EN_URL).sector is None
    assert _record(_nl_menu(""), NL_URL).sector is None


# -- 2. a kicker heading over the headline is not the body's opening --------------------------


def test_an_overline_heading_over_the_headline_stays_out_of_the_body() -> None:
    html = (
        '<html lang="en"><body><nav class="navbar"><a href="/en/">Home</a></nav>'
        '<div class="container"><div class="row"><div class="col-md-8">'
        '<h5 class="overline">Interview</h5><h1>"Canada rewards patience"</h1>'
        '<p class="lead">Our trade attaché in Montreal answers questions about the Canadian '
        "market.</p><p>Trade agreements have removed almost all tariffs on Belgian goods, and "
        "Quebec is a French-speaking gateway to North America.</p>"
        "<h2>Sectors in demand</h2>"
        "<p>Clean tech, artificial intelligence and food products are all growing fast there.</p>"
        "</div></div></div></body></html>"
    )
    record = _record(html, "https://hub.brussels/en/news/canada-qa/")
    assert record.title == '"Canada rewards patience"'
    assert (
        record.lead == "Our trade attaché in Montreal answers questions about the Canadian market."
    )
    assert record.body.startswith("Trade agreements have removed")
    assert "Interview" not in record.body
    assert "Sectors in demand" in record.body  # a heading of the text stays


def test_a_surtitle_heading_in_an_article_stays_out_of_the_body() -> None:
    html = (
        '<html lang="fr"><body><header class="site-head"><nav><a href="/fr/">Accueil</a></nav>'
        '</header><main><article><h3 class="surtitre">Portrait</h3>'
        "<h1>Un atelier de céramique à Anderlecht</h1>"
        '<p class="chapo">Quatre céramistes partagent un atelier à Anderlecht.</p>'
        "<p>Dans un ancien entrepôt d'Anderlecht, quatre céramistes partagent un atelier et un "
        "four, et vendent désormais leurs pièces dans toute l'Europe.</p>"
        "<p>Le collectif a été accompagné par l'agence pour trouver de nouveaux marchés.</p>"
        "</article></main></body></html>"
    )
    record = _record(html, FR_URL)
    assert record.body.startswith("Dans un ancien entrepôt")
    assert "Portrait" not in record.body
