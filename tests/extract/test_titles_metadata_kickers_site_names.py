"""Titles on the generic profile (an unknown site): real news-site title kinds in
several languages and templates. The metadata (JSON-LD headline, og:title, `<title>`) agrees
with one reading of the `<h1>`: whole, or without the element before its headline (a kicker of
any length); a Chinese or Japanese `<title>` fallback is measured in words, not split on spaces;
"«" separates a `<title>` like "»" (a path up to the site)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

GENERIC = generic_profile()
URL = "https://www.tagesblatt.example/politik/brueckensanierung-beschlossen-100.html"
TEXT = {
    "en": "The council voted on Tuesday evening after a long debate to repair the bridge over the "
    "river by the autumn and to divert traffic for the duration of the works.",
    "de": "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Brücke über den "
    "Fluss bis zum Herbst zu sanieren und den Verkehr solange umzuleiten.",
    "fr": "Le conseil municipal a décidé mardi soir, après un long débat, de réparer le pont sur la "
    "rivière d'ici l'automne et de dévier la circulation pendant la durée des travaux.",
    "es": "El ayuntamiento aprobó el martes por la noche, tras un largo debate, reparar el puente "
    "sobre el río antes del otoño y desviar el tráfico mientras duren las obras.",
    "pl": "Rada miasta we wtorek wieczorem po długiej debacie zdecydowała o remoncie mostu na rzece "
    "do jesieni i przekierowaniu ruchu na czas prac budowlanych w centrum.",
    "zh": "市议会周二晚上经过长时间辩论后决定，在秋季之前修复河上的桥梁，并在施工期间改道交通。"
    "费用约为两百万欧元，大部分由地区承担。市长表示，其余部分将由市政府从储备金中支付。",
    "ja": "市議会は火曜日の夜、長い議論の末、秋までに川に架かる橋を修理し、工事期間中は交通を迂回"
    "させることを決定した。費用は約二百万ユーロで、大部分を県が負担する。",
}


def _page(
    lang: str,
    *,
    h1: str = "",
    title: str = "",
    og: str = "",
    site: str = "",
    ld: dict[str, Any] | None = None,
) -> str:
    """A news page: a site bar with a menu, the article (heading, byline, three paragraphs) and
    a most-read box beside it, in <main>."""
    head = f"<title>{title}</title>" if title else ""
    head += f'<meta property="og:title" content="{og}">' if og else ""
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    if ld:
        head += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    text = "".join(f"<p>{TEXT[lang]}</p>" for _ in range(3))
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<header class="site-header"><a href="/" class="logo">Logo</a><nav><ul>'
        '<li><a href="/politik/">Politik</a></li><li><a href="/sport/">Sport</a></li></ul></nav>'
        f'</header><main><article class="story">{h1}<div class="byline">Anna Muster · '
        f'12.03.2024</div><div class="text">{text}</div></article><aside class="sidebar">'
        '<h2>Meistgelesen</h2><ul><li><a href="/a/1">Ein anderer Artikel über etwas</a></li>'
        '<li><a href="/a/2">Noch ein anderer Artikel</a></li></ul></aside></main>'
        "<footer><p>© 2024 Verlag</p></footer></body></html>"
    )


def _title(html: str, url: str = URL) -> str | None:
    return extract_article(html, url, profile=GENERIC).title


DE = "Gemeinderat beschließt Sanierung der Flussbrücke bis zum Herbst"
PL = "Rada miasta zdecydowała o remoncie mostu na rzece"
ES = "El ayuntamiento aprueba reparar el puente antes del otoño"


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            # the overline and headline spans rendered on two lines, no space between them
            _page(
                "de",
                h1='<h1><span class="dachzeile">Sanierung der Infrastruktur im Landkreis</span>'
                f'<span class="title">{DE}</span></h1>',
                og=DE,
                title=f"Sanierung der Infrastruktur im Landkreis: {DE} | Tagesblatt",
            ),
            DE,
        ),
        (
            _page(
                "pl",
                h1=f'<h1><span class="kicker">Wybory samorządowe 2024 w Krakowie</span> {PL}</h1>',
                ld={"@type": "NewsArticle", "headline": PL},
            ),
            PL,
        ),
    ],
    ids=["de-long-dachzeile-og", "pl-long-kicker-jsonld"],
)
def test_a_long_kicker_the_metadata_leaves_out_is_no_part_of_the_headline(
    html: str, headline: str
) -> None:
    """A kicker of four words or more is out of the title when the metadata names the rest."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1="<h1><span>Der lange Weg</span> <span>zur neuen Energiewende in Europa</span></h1>",
                og="Der lange Weg zur neuen Energiewende in Europa",
            ),
            "Der lange Weg zur neuen Energiewende in Europa",
        ),
        (
            _page(
                "es",
                h1='<h1><span class="l1">Un año después,</span> <span class="l2">el puente del '
                "río sigue cerrado al tráfico</span></h1>",
                title="Un año después, el puente del río sigue cerrado al tráfico | El Diario",
            ),
            "Un año después, el puente del río sigue cerrado al tráfico",
        ),
    ],
    ids=["de-two-spans-og", "es-two-lines-title"],
)
def test_a_headline_set_on_two_spans_stays_whole_when_the_metadata_says_so(
    html: str, headline: str
) -> None:
    """The first span is the headline's own opening, not a kicker, when the metadata names the
    whole heading."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            _page("zh", title="市议会决定修复河上桥梁 :: 新闻网 ::"),
            "https://news.example.cn/a/1.html",
            "市议会决定修复河上桥梁",
        ),
        (
            _page("ja", title="市議会、川の橋の修理を決定｜朝日新聞デジタル"),
            "https://www.asahi.example/articles/ASS3.html",
            "市議会、川の橋の修理を決定",
        ),
    ],
    ids=["zh-double-colon", "ja-full-width-bar"],
)
def test_a_cjk_title_fallback_is_no_section_name(html: str, url: str, headline: str) -> None:
    """No `<h1>` nor metadata: a Chinese or Japanese `<title>` (one "word" to `split()`) is the
    headline, not a sign that the most-read box's `<h2>` heads the page."""
    assert _title(html, url) == headline


FR = "Le conseil municipal vote la réparation du pont avant l'automne"


@pytest.mark.parametrize(
    "title",
    [f"{FR} « Le Blog du Port", f"{FR} « Actualités « Le Blog du Port"],
    ids=["headline-site", "headline-section-site"],
)
def test_a_guillemet_path_up_to_the_site_keeps_its_leaf(title: str) -> None:
    """'Headline « Section « Site' (a blog theme's path, read upwards): the headline."""
    assert _title(_page("fr", title=title), "https://blogduport.example/2024/pont/") == FR


def test_a_short_kicker_before_the_headline_the_metadata_names_still_goes() -> None:
    """Unchanged: `<strong>Madrid</strong>` before the h1's text og:title leaves out."""
    html = _page("es", h1=f"<h1><strong>Madrid</strong> {ES}</h1>", og=f"{ES} | El Diario")
    assert _title(html) == ES


# A <title> fallback: section pieces before the site's name, a section opening it, a site name
# spelt by initials.
EN = "Council votes to repair the river bridge before autumn"


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            # "Politik" is a link of the site's menu
            _page("de", title=f"{DE} | Politik | Tagesblatt"),
            "https://www.tagesblatt.example/a/100.html",
            DE,
        ),
        (
            # "Madrid" is a folder of the URL
            _page("es", og=f"{ES} | Madrid | EL PAÍS", site="EL PAÍS"),
            "https://elpais.example/espana/madrid/2024-03-12/puente.html",
            ES,
        ),
        (
            # "Local News" names nothing on the page: it may be the headline's own clause
            _page("en", title=f"{EN} | Local News | Daily Ledger"),
            "https://www.dailyledger.example/a/100.html",
            f"{EN} | Local News",
        ),
    ],
    ids=["de-menu-section", "es-url-folder", "en-unnamed-piece-stays"],
)
def test_a_section_between_headline_and_site_comes_off(html: str, url: str, headline: str) -> None:
    assert _title(html, url) == headline


SECTION = '<meta property="article:section" content="Politik">'


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page("de", title=f"Politik: {DE} - Tagesblatt").replace(
                "</head>", f"{SECTION}</head>"
            ),
            DE,
        ),
        (
            _page(
                "fr",
                og=f"Société : {FR}",
                ld={"@type": "NewsArticle", "articleSection": "Société"},
            ),
            FR,
        ),
        (
            # no section stated: the opening is the headline's own
            _page("en", title=f"EXCLUSIVE: {EN} | Daily Ledger"),
            f"EXCLUSIVE: {EN}",
        ),
    ],
    ids=["de-article-section", "fr-jsonld-article-section", "en-exclusive-stays"],
)
def test_the_stated_section_opening_a_title_comes_off(html: str, headline: str) -> None:
    """'Politik: …' loses 'Politik' only when the page states Politik is its section."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("The New York Times", "https://www.nytimes.example/2024/03/12/nyregion/bridge.html"),
        ("The Wall Street Journal", "https://www.wsj.example/articles/bridge-123"),
        ("Los Angeles Times", "https://www.latimes.example/california/story/bridge"),
    ],
    ids=["nyt", "wsj", "latimes"],
)
def test_a_site_name_the_host_abbreviates_comes_off(name: str, url: str) -> None:
    """The host writes the name by its initials (and whole words): the name is the site's."""
    assert _title(_page("en", title=f"{EN} - {name}"), url) == EN


def test_words_that_do_not_all_spell_the_host_stay() -> None:
    """'New rules for York Times' uses words the host leaves out: a headline's piece."""
    title = "New rules for York Times - Council votes to repair the river bridge"
    html = _page("en", title=title)
    assert _title(html, "https://www.nytimes.example/2024/03/12/a.html") == title


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1=f"<h1>{DE} <small>Die Kosten trägt größtenteils das Land</small></h1>",
                og=DE,
            ),
            DE,
        ),
        (
            # headline and dek spans rendered on two lines, no space between them
            _page(
                "en",
                h1=f'<h1><span class="hed">{EN}</span><span class="dek">The region will pay most '
                "of the two million euros</span></h1>",
                og=f"{EN} | Daily Ledger",
                site="Daily Ledger",
            ),
            EN,
        ),
    ],
    ids=["de-small-subtitle", "en-dek-span"],
)
def test_a_subtitle_set_after_the_headline_in_the_h1_is_no_part_of_it(
    html: str, headline: str
) -> None:
    """The metadata names the heading without the element set after its headline."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (_page("en", og=f"Daily Ledger: {EN}", site="Daily Ledger"), EN),
        (_page("de", title=f"Tagesblatt: {DE}"), DE),
        (
            # a colon after a name the site does not go by: the headline's own
            _page("en", og=f"Anna Muster: {EN}", site="Daily Ledger"),
            f"Anna Muster: {EN}",
        ),
    ],
    ids=["en-og-site-name", "de-title-host-name", "en-person-stays"],
)
def test_the_site_name_opening_a_title_before_a_colon_comes_off(html: str, headline: str) -> None:
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("headline", "site", "want"),
    [
        (f"{EN} - Daily Ledger", "Daily Ledger", EN),
        (f"{DE} | Tagesblatt", "", DE),
        # the last piece names no site: a JSON-LD headline keeps it
        (f"{EN} – Anna Muster", "Daily Ledger", f"{EN} – Anna Muster"),
    ],
    ids=["en-og-site-name", "de-host-name", "en-unknown-name-stays"],
)
def test_a_site_name_signing_a_jsonld_headline_comes_off(
    headline: str, site: str, want: str
) -> None:
    """No `<h1>`: the JSON-LD headline is the title, without the name of the site signing it
    (only a name the site goes by: a JSON-LD headline is meant as the headline)."""
    html = _page("en", site=site, ld={"@type": "NewsArticle", "headline": headline})
    assert _title(html) == want


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page("de", h1=f'<h1><span class="kicker">Krieg in der Ukraine</span> {DE}</h1>'),
            DE,
        ),
        (
            _page(
                "fr",
                h1=f'<h1><span class="surtitre">Réforme des retraites à l\'Assemblée</span> {FR}</h1>',
            ),
            FR,
        ),
        (
            # spans set apart by no class: one headline on two lines, whole
            _page(
                "de",
                h1="<h1><span>Der lange Weg hin</span> <span>zur neuen Energiewende in Europa "
                "und Asien</span></h1>",
            ),
            "Der lange Weg hin zur neuen Energiewende in Europa und Asien",
        ),
    ],
    ids=["de-four-word-kicker", "fr-five-word-surtitre", "de-unmarked-spans-stay"],
)
def test_a_classed_kicker_of_a_running_story_is_out_of_the_title(html: str, headline: str) -> None:
    """No metadata: a kicker in a classed element of its own, up to five words ('Krieg in der
    Ukraine'), before a longer headline, is out of the title."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("lang", "box"), [("de", "Meistgelesen"), ("en", "Trending now")], ids=["de", "en"]
)
def test_an_aside_heading_is_never_the_headline(lang: str, box: str) -> None:
    """No `<h1>`, no metadata, no heading in the article: the most-read box's `<h2>` in an
    `<aside>` of `<main>` is no headline (none is better than the box's name)."""
    html = _page(lang).replace("<h2>Meistgelesen</h2>", f"<h2>{box}</h2>")
    assert _title(html) is None


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (_page("de", title=f"SZ.de - {DE}"), "https://www.sueddeutsche.example/a/1", DE),
        (
            _page("pl", title=f"Gazeta.pl - {PL} w centrum"),
            "https://wiadomosci.gazeta.example/a/1",
            f"{PL} w centrum",
        ),
        (
            # a version number is no host: the piece stays
            _page("en", title=f"Release 2.0 - {EN}"),
            "https://www.dailyledger.example/a/1",
            f"Release 2.0 - {EN}",
        ),
    ],
    ids=["de-sz-de", "pl-gazeta-pl-subdomain", "en-version-stays"],
)
def test_a_host_written_as_the_site_name_opening_a_title_comes_off(
    html: str, url: str, headline: str
) -> None:
    """A short piece ending in a top-level domain names the site, whatever the page's host."""
    assert _title(html, url) == headline


SITE_BAR = (
    '<header class="site-header"><a href="/"><img alt="Logo" src="/l.svg"></a><nav class="menu">'
    '<a href="/politik/">Politik</a><a href="/sport/">Sport</a></nav></header>'
)


def _header_page(lang: str, header: str, tail: str = "") -> str:
    """No <main> nor <article>, no metadata: the site's bar, then the article's own <header>
    (breadcrumb, tags, headline) and its text in plain <div>s."""
    text = "".join(f"<p>{TEXT[lang]}</p>" for _ in range(3))
    return (
        f'<html lang="{lang}"><head></head><body>{SITE_BAR}<div class="page">'
        f'<header class="post-header">{header}</header><div class="post-content">{text}</div>'
        f"</div>{tail}<footer>© 2024</footer></body></html>"
    )


TAGS = '<nav class="tags"><a href="/tag/verkehr">Verkehr</a><a href="/tag/bruecke">Brücke</a></nav>'


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _header_page(
                "de",
                '<nav class="breadcrumb"><ol><li><a href="/">Startseite</a></li><li>'
                f'<a href="/politik/">Politik</a></li></ol></nav>{TAGS}<h1>{DE}</h1>',
            ),
            DE,
        ),
        (
            _header_page(
                "en",
                '<div class="breadcrumbs"><a href="/">Home</a> / <a href="/news/">News</a></div>'
                f"{TAGS}<h1>{EN}</h1>",
            ),
            EN,
        ),
    ],
    ids=["de-nav-trail", "en-div-trail"],
)
def test_an_h1_in_a_header_whose_only_home_link_starts_a_breadcrumb_is_the_headline(
    html: str, headline: str
) -> None:
    """The article's header holds a trail starting at the home page and a nav of its tags: it
    is no site banner, its <h1> is the headline."""
    assert _title(html) == headline


def test_a_header_linking_home_from_its_menu_is_still_the_site_bar() -> None:
    """Unchanged: a header whose menu (no trail) links home holds the site's slogan <h1>, not
    the headline: the <h2> that opens the text is."""
    header = '<nav class="menu"><a href="/">Startseite</a><a href="/politik/">Politik</a></nav>'
    html = _header_page("de", f"{header}<h1>Ihre Zeitung für die ganze Region</h1>")
    html = html.replace('<div class="post-content">', f'<div class="post-content"><h2>{DE}</h2>')
    assert _title(html) == DE


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1=f'<h1 class="section-title">Politik und Gesellschaft</h1><h2 class="headline">'
                f"{DE}</h2>",
                og=DE,
            ),
            DE,
        ),
        (
            _page(
                "en",
                h1=f'<h1 class="section-title">Local News and Politics</h1><h2>{EN}</h2>',
                ld={"@type": "NewsArticle", "headline": EN},
            ),
            EN,
        ),
        (
            # the metadata names the dek under a headline longer than it: the <h1> stays
            _page(
                "en",
                h1=f'<h1>{EN}</h1><h2 class="dek">The region will pay most of the cost</h2>',
                og="The region will pay most of the cost",
            ),
            EN,
        ),
    ],
    ids=["de-section-h1-og", "en-section-h1-jsonld", "en-dek-named-h1-stays"],
)
def test_the_metadata_names_the_h2_under_a_section_h1(html: str, headline: str) -> None:
    """An <h1> inside the article that no metadata confirms, shorter than the <h2> the metadata
    names, is the section's name over the article: the <h2> is the headline."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1='<h1><span class="atc-HeadlineEmphasisText">Flussbrücke</span>: '
                f'<span class="atc-HeadlineText">{DE}</span></h1>',
                og=f"Flussbrücke: {DE}",
            ),
            DE,
        ),
        (
            _page(
                "en",
                h1=f'<h1><span class="eyebrow">Transport</span> | <span>{EN}</span></h1>',
                ld={"@type": "NewsArticle", "headline": f"Transport | {EN}"},
            ),
            EN,
        ),
        (
            # no metadata: the colon between kicker and headline goes with the kicker
            _page("fr", h1=f'<h1><span class="surtitre">Mobilité</span> : {FR}</h1>'),
            FR,
        ),
    ],
    ids=["de-og-kicker-colon", "en-jsonld-kicker-bar", "fr-no-metadata"],
)
def test_a_classed_kicker_the_metadata_writes_with_a_colon_stays_out(
    html: str, headline: str
) -> None:
    """'Kicker: Headline' in the metadata, the kicker in a classed element of the <h1>: the
    reader's headline is the rest, without the colon."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1='<h2 class="headline"><span class="kicker">Flussbrücke</span><span '
                f'class="sr-only">:</span><span class="title">{DE}</span></h2>',
                og=f"Flussbrücke: {DE}",
            ),
            DE,
        ),
        (
            _page(
                "fr",
                h1=f'<h2><span class="surtitre">Mobilité</span> <span>{FR}</span></h2>',
                ld={"@type": "NewsArticle", "headline": f"Mobilité : {FR}"},
            ),
            FR,
        ),
    ],
    ids=["de-og-colon", "fr-jsonld-spaced-colon"],
)
def test_an_h2_headline_keeps_its_classed_kicker_out(html: str, headline: str) -> None:
    """No <h1>: the <h2> heading the article has a kicker in a classed element, the metadata
    writes 'Kicker: Headline'; the title is the headline."""
    assert _title(html) == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                "de",
                h1='<h1><span class="overline">Drei Fragen an</span><br>Die Radkurierin, die '
                "die Innenstadt grüner machen will</h1>",
                title="Drei Fragen an Die Radkurierin, die die Innenstadt grüner machen will – "
                "Tagesblatt",
            ),
            "Die Radkurierin, die die Innenstadt grüner machen will",
        ),
        (
            _page(
                "fr",
                h1="<h1><span>Trois questions à</span><br/>La coursière à vélo qui veut "
                "verdir le centre-ville</h1>",
                og="Trois questions à La coursière à vélo qui veut verdir le centre-ville",
            ),
            "La coursière à vélo qui veut verdir le centre-ville",
        ),
    ],
    ids=["de-overline-br-title", "fr-span-br-og"],
)
def test_a_kicker_on_a_line_of_its_own_stays_out_when_the_metadata_glues_it_on(
    html: str, headline: str
) -> None:
    """A first element ended by `<br>` is a kicker the page sets on its own line: the
    `<title>` / og:title writing it before the headline does not make it part of the title."""
    assert _title(html) == headline
