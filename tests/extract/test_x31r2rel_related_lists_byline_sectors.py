"""Three kinds of miss on the related list and the sector, each on pages written here (several
templates and languages per kind).

1. Related articles given as a plain list of links (`<ul><li><a>`: no card markup, no date, no
   picture) right under a heading naming other articles ("Lire aussi", "Lees ook", "Related") in
   the article's own column: a Serendipity entry whose items are the script's query paths
   (`index.php?/archives/398-….html`), a Weebly post whose column is classed `wsite-not-footer`
   (a negated class word is no site footer), a Quarto listing table whose items link their
   directory's `index.html` (title, date and category per row). The sidebar's calendar,
   categories and archives lists, and the footer's menu, stay out.
2. A related item's sector printed with its date in brackets after the link ("(Logistiek,
   04-06-2026)", "(Commerce extérieur, 02/05/2026)"): both are the card's. A card's date comes
   from what it prints: siblings printing nothing get none, whatever day their URL holds.
3. The article's category named in its entry's meta line, under the headline or after the text
   ("Geplaatst door … op 3 juni 2026 in <a rel="category tag">Economie</a>" in WordPress's
   `<footer class=entry-footer>` without `<article>`, "Publicado em 03/06/2026 às 10:42 |
   <a href=/economia>Economia</a>" after the text, "Posted by Ana Ribeiro in <a>Mines</a> at
   09:12", Serendipity's "Posté par … dans <a>Logistique</a> à 10:24"): the sector; not the
   sidebar's categories widget, not the last item of the site's menu before the headline, not a
   tag (rel=tag, "Tags:").
"""

from __future__ import annotations

import pytest

from tests.extract.reading import read

_S9Y_FR_URL = (
    "https://blog.martinvandamme.example/index.php?/archives/412-Le-port-dAnvers-accelere.html"
)
_S9Y_FR = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le port d'Anvers accélère - Carnet portuaire</title>
<meta name="generator" content="Serendipity v.2.4"></head><body>
<div id="serendipity_banner"><h1><a class="homelink1" href="https://blog.martinvandamme.example/">Carnet portuaire</a></h1><h2>Notes sur la logistique</h2></div>
<div id="mainpane"><div id="content" valign="top">
<div class="serendipity_Entry_Date"><h3 class="serendipity_date">mardi, 2 juin 2026</h3>
<h4 class="serendipity_title"><a href="/index.php?/archives/412-Le-port-dAnvers-accelere.html">Le port d'Anvers accélère</a></h4>
<div class="serendipity_entry serendipity_entry_author_Martin"><div class="serendipity_entry_body">
<p>Le port d'Anvers-Bruges a traité 12 millions de conteneurs au premier semestre, un record qui tient surtout aux nouvelles lignes vers l'Asie du Sud-Est.</p>
<p>Les armateurs ont ajouté trois escales hebdomadaires, et les terminaux du Deurganck tournent désormais jour et nuit pour absorber les volumes supplémentaires.</p>
<p>Pour les PME bruxelloises qui exportent, les délais de chargement ont baissé de deux jours en moyenne depuis mars.</p>
<h3>Lire aussi</h3>
<ul>
<li><a href="/index.php?/archives/398-Zeebrugge-et-le-GNL.html">Zeebrugge mise sur le gaz naturel liquéfié</a></li>
<li><a href="/index.php?/archives/377-Le-rail-fret-reprend.html">Le rail de fret reprend des couleurs</a></li>
<li><a href="/index.php?/archives/350-Trois-questions-sur-les-douanes.html">Trois questions sur les nouvelles règles douanières</a></li>
</ul>
</div></div>
<div class="serendipity_entryFooter">Posté par Martin Van Damme dans <a href="/index.php?/categories/3-Logistique">Logistique</a> à 10:24
 | <a href="/index.php?/archives/412-Le-port-dAnvers-accelere.html#comments">Commentaires (0)</a></div>
</div></div>
<div id="serendipityRightSideBar" valign="top">
<div class="serendipitySideBarItem container_serendipity_calendar_plugin"><h3 class="serendipitySideBarTitle">Calendrier</h3><div class="serendipitySideBarContent"><table><tr><td><a href="/index.php?/archives/2026/06/02.html">2</a></td></tr></table></div></div>
<div class="serendipitySideBarItem container_serendipity_categories_plugin"><h3 class="serendipitySideBarTitle">Catégories</h3><div class="serendipitySideBarContent"><ul>
<li><a href="/index.php?/categories/3-Logistique">Logistique</a></li><li><a href="/index.php?/categories/4-Energie">Énergie</a></li></ul></div></div>
<div class="serendipitySideBarItem container_serendipity_archives_plugin"><h3 class="serendipitySideBarTitle">Archives</h3><div class="serendipitySideBarContent"><ul>
<li><a href="/index.php?/archives/2026/05.html">mai 2026</a></li><li><a href="/index.php?/archives/2026/04.html">avril 2026</a></li></ul></div></div>
</div></div>
<div id="serendipity_footer">Propulsé par <a href="https://s9y.org">Serendipity</a></div>
</body></html>"""

_WEEBLY_NL_URL = "https://www.bakkerij-deroover.example/blog/nieuwe-oven-in-anderlecht"
_WEEBLY_NL = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Nieuwe oven in Anderlecht - Bakkerij De Roover</title></head>
<body class="wsite-page-blog"><div class="wrapper"><div class="dusk-header"><div class="nav-wrap"><span class="wsite-logo"><a href="/">Bakkerij De Roover</a></span>
<div class="nav desktop-nav"><ul class="wsite-menu-default"><li id="pg1"><a class="wsite-menu-item" href="/">Home</a></li><li id="pg2"><a class="wsite-menu-item" href="/blog">Blog</a></li><li id="pg3"><a class="wsite-menu-item" href="/contact">Contact</a></li></ul></div></div></div>
<div class="main-wrap"><div class="container"><div id="wsite-content" class="wsite-elements wsite-not-footer">
<div id="blogTable" class="blog-table"><div class="blog-body"><div id="blog-post-812" class="blog-post">
<div class="blog-header"><h2 class="blog-title"><a class="blog-title-link blog-link" href="/blog/nieuwe-oven-in-anderlecht">Nieuwe oven in Anderlecht</a></h2>
<p class="blog-date"><span class="date-text">4/6/2026</span></p></div>
<div class="blog-content"><div class="paragraph">Sinds maandag bakt ons atelier in Anderlecht met een elektrische oven die 40 procent minder energie verbruikt dan de oude gasoven.<br><br>De investering werd deels gefinancierd met een premie van het Brussels Gewest voor de energietransitie van kmo's.<br><br>Onze klanten merken vooral dat het brood 's ochtends een half uur vroeger klaar ligt.</div>
<h2 class="wsite-content-title">Lees ook</h2>
<div class="paragraph"><ul><li><a href="/blog/ons-zuurdesem-wint-prijs">Ons zuurdesem wint een prijs in Gent</a></li><li><a href="/blog/tweede-winkel-in-elsene">Tweede winkel opent in Elsene</a></li></ul></div>
</div>
<div class="blog-footer"><p class="blog-category">Categorieën: <a href="/blog/category/nieuws">Nieuws</a></p><p class="blog-comments-bottom"><a class="blog-link" href="/blog/nieuwe-oven-in-anderlecht#comments">0 Reacties</a></p></div>
</div></div>
<div class="blog-sidebar"><div class="column-blog"><h2 class="wsite-content-title">Archieven</h2><div class="blog-archives"><a href="/blog/archives/06-2026">Juni 2026</a><br><a href="/blog/archives/05-2026">Mei 2026</a></div>
<h2 class="wsite-content-title">Categorieën</h2><div class="blog-categories"><ul><li><a href="/blog/category/nieuws">Nieuws</a></li><li><a href="/blog/category/recepten">Recepten</a></li></ul></div></div></div>
</div></div></div></div>
<div class="footer-wrap"><div class="footer"><ul><li><a href="/over-ons">Over ons</a></li><li><a href="/vacatures">Vacatures</a></li></ul></div></div></div></body></html>"""

_QUARTO_EN_URL = "https://lab.example.org/posts/2026-05-28-cargo-bikes/"
_QUARTO_EN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cargo bikes take over the last mile – Urban Freight Lab</title>
<meta name="generator" content="quarto-1.5.57"></head><body class="nav-fixed">
<header id="quarto-header" class="headroom fixed-top"><nav class="navbar navbar-expand-lg"><div class="navbar-container container-fluid"><a class="navbar-brand" href="../../index.html"><span class="navbar-title">Urban Freight Lab</span></a>
<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="../../about.html">About</a></li><li class="nav-item"><a class="nav-link" href="../../posts.html">Posts</a></li></ul></div></nav></header>
<div id="quarto-content" class="quarto-container page-columns page-rows-contents page-layout-article">
<main class="content" id="quarto-document-content">
<header id="title-block-header" class="quarto-title-block default"><div class="quarto-title"><h1 class="title">Cargo bikes take over the last mile</h1></div>
<div class="quarto-title-meta"><div><div class="quarto-title-meta-heading">Published</div><div class="quarto-title-meta-contents"><p class="date">May 28, 2026</p></div></div></div></header>
<p>Three Brussels couriers now deliver more parcels by cargo bike than by van in the Pentagon, a study by the lab finds.</p>
<p>The bikes carry up to 250 kilograms and avoid the low-emission zone's charges altogether.</p>
<p>Operators say the main obstacle is space for micro-hubs near the city centre.</p>
<section id="related" class="level2"><h2 class="anchored" data-anchor-id="related">Related</h2>
<div class="quarto-listing quarto-listing-container-table" id="listing-related">
<table class="quarto-listing-table table"><thead><tr><th class="listing-date">Date</th><th class="listing-title">Title</th><th class="listing-categories">Categories</th></tr></thead>
<tbody class="list">
<tr data-index="0" data-listing-file-modified-sort="1" data-listing-date-sort="1779400000000"><td><span class="listing-date">May 21, 2026</span></td><td><a href="../../posts/2026-05-21-micro-hubs/index.html" class="title listing-title">Where should micro-hubs go?</a></td><td><div class="listing-categories"><div class="listing-category">Logistics</div></div></td></tr>
<tr data-index="1"><td><span class="listing-date">Apr 30, 2026</span></td><td><a href="../../posts/2026-04-30-lez-vans/index.html" class="title listing-title">Vans and the low-emission zone</a></td><td><div class="listing-categories"><div class="listing-category">Mobility</div></div></td></tr>
</tbody></table></div></section>
</main></div>
<footer class="footer"><div class="nav-footer"><div class="nav-footer-left">© 2026 Urban Freight Lab</div></div></footer></body></html>"""

_PAREN_NL_URL = "https://www.transportnieuws.example/nieuws/2026/06/05/haven-brussel-breidt-uit"
_PAREN_NL = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Haven van Brussel breidt uit | Transportnieuws</title></head>
<body><header class="site-header"><a href="/" class="logo">Transportnieuws</a><nav class="main-menu"><ul><li><a href="/nieuws">Nieuws</a></li><li><a href="/agenda">Agenda</a></li></ul></nav></header>
<main id="main"><article class="node node--type-news"><h1 class="page-title">Haven van Brussel breidt uit</h1>
<div class="node__meta">5 juni 2026</div>
<div class="field field--name-body"><p>De Haven van Brussel bouwt een tweede containerterminal aan het Vergote-dok, goed voor 60.000 extra containers per jaar.</p>
<p>De werken starten in september en moeten eind 2027 klaar zijn, aldus de havenkapitein.</p>
<p>Vervoerders rekenen op minder vrachtwagens op de Ring zodra de terminal draait.</p></div>
<div class="field field--name-related"><h2>Lees ook</h2><ul>
<li><a href="/nieuws/2026/06/04/nieuwe-binnenvaartlijn-naar-antwerpen">Nieuwe binnenvaartlijn naar Antwerpen</a> (Logistiek, 04-06-2026)</li>
<li><a href="/nieuws/2026/05/28/vrachtfietsen-in-de-vijfhoek">Vrachtfietsen veroveren de Vijfhoek</a> (Mobiliteit, 28-05-2026)</li>
<li><a href="/nieuws/2026/05/20/douane-digitaliseert">Douane digitaliseert aangiftes</a> (Handel, 20-05-2026)</li>
</ul></div></article></main>
<footer class="site-footer"><ul><li><a href="/over-ons">Over ons</a></li><li><a href="/privacy">Privacy</a></li></ul></footer></body></html>"""

_PAREN_FR_URL = (
    "https://www.eco-wallonie.example/actualites/les-pme-exportent-davantage-vers-le-quebec.html"
)
_PAREN_FR = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les PME exportent davantage vers le Québec - Éco Wallonie</title></head>
<body><div id="page"><div id="entete"><a href="/">Éco Wallonie</a><ul id="menu"><li><a href="/actualites/">Actualités</a></li><li><a href="/contact.html">Contact</a></li></ul></div>
<div id="contenu"><div class="article"><h1>Les PME exportent davantage vers le Québec</h1>
<p class="date">Publié le 12/05/2026</p>
<p>Les exportations des PME wallonnes vers le Québec ont progressé de 18 % en un an, portées par l'accord commercial entre l'Union européenne et le Canada.</p>
<p>L'agroalimentaire et les technologies médicales représentent les deux tiers de cette hausse, selon l'agence d'exportation.</p>
<p>Une mission économique est prévue à Montréal à l'automne.</p>
<h3>À lire également</h3>
<ul class="liste">
<li><a href="/actualites/mission-economique-a-montreal.html">Une mission économique à Montréal</a> (Commerce extérieur, 02/05/2026)</li>
<li><a href="/actualites/le-ceta-cinq-ans-apres.html">Le CETA, cinq ans après</a> (Europe, 15/04/2026)</li>
</ul></div></div>
<div id="pied"><p>© 2026 Éco Wallonie</p></div></div></body></html>"""

_URLDATE_NL_URL = "https://www.kmo-blog.example/2026/03/12/subsidie-voor-zonnepanelen/"
_URLDATE_NL = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Subsidie voor zonnepanelen &#8211; KMO Blog</title></head>
<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/">KMO Blog</a></p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-77" class="post-77 post type-post status-publish"><header class="entry-header"><h1 class="entry-title">Subsidie voor zonnepanelen</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2026-03-12T09:00:00+01:00">12 maart 2026</time></span></div></header>
<div class="entry-content"><p>Brusselse kmo's kunnen vanaf april een premie aanvragen voor zonnepanelen op hun bedrijfsgebouw.</p>
<p>De premie dekt tot 30 procent van de investering, met een maximum van 15.000 euro per vestiging.</p>
<h4>Ook interessant</h4>
<ul><li><a href="https://www.kmo-blog.example/2026/03/01/energie-audit-gratis/">Gratis energie-audit voor kleine bedrijven</a> &#8211; 2 maart 2026</li>
<li><a href="https://www.kmo-blog.example/2026/02/20/laadpalen-op-de-parking/">Laadpalen op de bedrijfsparking</a></li>
<li><a href="https://www.kmo-blog.example/2026/02/11/isolatie-van-loodsen/">Isolatie van loodsen loont</a></li></ul>
</div></article></main></div></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Ondersteund door WordPress</a></div></footer></div></body></html>"""

_WP_NL_FOOTER_URL = "https://www.ondernemersblad.example/2026/06/03/brusselse-economie-groeit/"
_WP_NL_FOOTER = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Brusselse economie groeit &#8211; Ondernemersblad</title></head>
<body class="single"><div id="wrapper"><div id="header"><h2 id="blog-title"><a href="/">Ondernemersblad</a></h2></div>
<div id="container"><div id="content"><div id="post-311" class="post-311 post hentry">
<h1 class="entry-title">Brusselse economie groeit</h1>
<div class="entry-content"><p>De Brusselse economie groeide in het eerste kwartaal met 1,4 procent, sneller dan het Belgische gemiddelde.</p>
<p>Vooral de dienstensector en de bouw trokken de groei, zegt het Brussels Instituut voor Statistiek.</p>
<p>Voor de rest van het jaar verwachten economen een vertraging door de hogere rente.</p></div>
<footer class="entry-footer"><span class="byline">Geplaatst door <span class="author vcard"><a class="url fn n" href="/author/els/" title="Berichten van Els Janssens">Els Janssens</a></span> op <abbr class="published" title="2026-06-03T08:15:00+0200">3 juni 2026</abbr> in <a href="/onderwerp/economie/" rel="category tag">Economie</a></span>
<span class="tags-links">Tags: <a href="/tag/bruxelles/" rel="tag">Brussel</a>, <a href="/tag/cijfers/" rel="tag">Cijfers</a>.</span></footer>
</div></div>
<div id="primary" class="widget-area"><ul class="xoxo"><li class="widget-container"><h3 class="widget-title">Archief</h3><ul><li><a href="/2026/06/">juni 2026</a></li></ul></li></ul></div></div>
<div id="footer"><div id="site-info"><a href="/">Ondernemersblad</a></div></div></div></body></html>"""

_PT_BELOW_URL = (
    "https://www.jornaldocomercio.example/noticia/2026/06/03/exportacoes-crescem-no-porto"
)
_PT_BELOW = """<!DOCTYPE html><html lang="pt"><head><meta charset="utf-8"><title>Exportações crescem no Porto - Jornal do Comércio</title></head>
<body><div class="topo"><a href="/" class="marca">Jornal do Comércio</a><ul class="editorias"><li><a href="/economia">Economia</a></li><li><a href="/politica">Política</a></li><li><a href="/desporto">Desporto</a></li></ul></div>
<div class="conteudo"><div class="materia"><h1 class="titulo">Exportações crescem no Porto</h1>
<p>As exportações das empresas do distrito do Porto subiram 9% no primeiro trimestre, segundo o Instituto Nacional de Estatística.</p>
<p>O calçado e o têxtil lideram o crescimento, com vendas recorde para a Alemanha e a França.</p>
<p>Os empresários temem, no entanto, o aumento dos custos de transporte marítimo.</p>
<p class="info">Por Rui Santos · Publicado em 03/06/2026 às 10:42 | <a href="/economia">Economia</a></p>
</div></div><div class="rodape"><p>© 2026 Jornal do Comércio</p></div></body></html>"""

_POSTED_EN_URL = "https://www.geoblog.example/archives/2026/06/03/lithium-in-portugal.html"
_POSTED_EN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Geoblog: Lithium in Portugal</title></head>
<body><div id="container"><div id="banner"><h1><a href="/">Geoblog</a></h1></div>
<div id="center"><div class="content"><h2 class="date-header">June 3, 2026</h2>
<div class="entry"><h3 class="entry-header">Lithium in Portugal</h3>
<div class="entry-body"><p>Portugal approved two lithium mines in the north this week, after four years of environmental review.</p>
<p>The operators promise to refine the ore locally, which would make the country Europe's second producer.</p>
<p>Local councils remain opposed and have announced an appeal.</p></div>
<p class="entry-footer">Posted by Ana Ribeiro in <a href="/archives/mines/">Mines</a> at 09:12 | <a href="/archives/2026/06/03/lithium-in-portugal.html#comments">Comments (3)</a></p>
</div></div></div></div></body></html>"""


# --- 1. a heading's plain list of links in the article's column --------------------------------


@pytest.mark.parametrize(
    ("html", "url", "titles"),
    [
        pytest.param(
            _S9Y_FR,
            _S9Y_FR_URL,
            [
                "Zeebrugge mise sur le gaz naturel liquéfié",
                "Le rail de fret reprend des couleurs",
                "Trois questions sur les nouvelles règles douanières",
            ],
            id="serendipity-fr-query-paths",
        ),
        pytest.param(
            _WEEBLY_NL,
            _WEEBLY_NL_URL,
            ["Ons zuurdesem wint een prijs in Gent", "Tweede winkel opent in Elsene"],
            id="weebly-nl-not-footer-column",
        ),
        pytest.param(
            _QUARTO_EN,
            _QUARTO_EN_URL,
            ["Where should micro-hubs go?", "Vans and the low-emission zone"],
            id="quarto-en-index-pages",
        ),
    ],
)
def test_a_headings_plain_list_of_links_is_the_related_list(
    html: str, url: str, titles: list[str]
) -> None:
    record = read(html, url)
    assert [r.title for r in record.related] == titles
    # the sidebar's calendar, categories and archives, the footer's menu: none of them
    assert all("/categor" not in (r.url or "") for r in record.related)


def test_a_quarto_listings_rows_give_their_date_and_category() -> None:
    record = read(_QUARTO_EN, _QUARTO_EN_URL)
    got = [
        (r.url, r.sector, r.published.isoformat() if r.published else None) for r in record.related
    ]
    assert got == [
        (
            "https://lab.example.org/posts/2026-05-21-micro-hubs/index.html",
            "Logistics",
            "2026-05-21",
        ),
        ("https://lab.example.org/posts/2026-04-30-lez-vans/index.html", "Mobility", "2026-04-30"),
    ]


def test_the_list_stays_out_of_the_body() -> None:
    record = read(_S9Y_FR, _S9Y_FR_URL)
    assert "Zeebrugge" not in (record.body or "")
    assert "Deurganck" in (record.body or "")


# --- 2. a bracketed sector and date after the link; dates as the card prints them -------------


def _cards(html: str, url: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (r.title, r.sector, r.published.isoformat() if r.published else None)
        for r in read(html, url).related
    ]


def test_a_bracketed_sector_beside_the_date_is_the_cards_nl() -> None:
    assert _cards(_PAREN_NL, _PAREN_NL_URL) == [
        ("Nieuwe binnenvaartlijn naar Antwerpen", "Logistiek", "2026-06-04"),
        ("Vrachtfietsen veroveren de Vijfhoek", "Mobiliteit", "2026-05-28"),
        ("Douane digitaliseert aangiftes", "Handel", "2026-05-20"),
    ]


def test_a_bracketed_sector_beside_the_date_is_the_cards_fr() -> None:
    assert _cards(_PAREN_FR, _PAREN_FR_URL) == [
        ("Une mission économique à Montréal", "Commerce extérieur", "2026-05-02"),
        ("Le CETA, cinq ans après", "Europe", "2026-04-15"),
    ]


def test_a_cards_date_is_what_it_prints_not_its_urls() -> None:
    assert _cards(_URLDATE_NL, _URLDATE_NL_URL) == [
        ("Gratis energie-audit voor kleine bedrijven", None, "2026-03-02"),
        ("Laadpalen op de bedrijfsparking", None, None),
        ("Isolatie van loodsen loont", None, None),
    ]


# --- 3. the category in the entry's meta line --------------------------------------------------


@pytest.mark.parametrize(
    ("html", "url", "sector"),
    [
        pytest.param(_WP_NL_FOOTER, _WP_NL_FOOTER_URL, "Economie", id="wordpress-nl-entry-footer"),
        pytest.param(_PT_BELOW, _PT_BELOW_URL, "Economia", id="pt-meta-line-after-text"),
        pytest.param(_POSTED_EN, _POSTED_EN_URL, "Mines", id="en-posted-by-in"),
        pytest.param(_S9Y_FR, _S9Y_FR_URL, "Logistique", id="serendipity-fr-not-the-widget"),
        pytest.param(_PAREN_FR, _PAREN_FR_URL, None, id="fr-no-menu-item-before-headline"),
    ],
)
def test_the_entrys_meta_line_names_the_sector(html: str, url: str, sector: str | None) -> None:
    assert read(html, url).sector == sector


def test_a_tags_line_is_no_sector() -> None:
    # the meta line without its category: the tags beside it ("Tags:", rel=tag) are no sector
    html = _WP_NL_FOOTER.replace(
        ' in <a href="/onderwerp/economie/" rel="category tag">Economie</a>', ""
    )
    assert html != _WP_NL_FOOTER
    assert read(html, _WP_NL_FOOTER_URL).sector is None


def test_a_section_link_in_a_byline_without_stamp_is_none() -> None:
    # the link alone in a line with no date, clock time or author: a link of the text
    html = _POSTED_EN.replace(" at 09:12", "").replace("Posted by Ana Ribeiro in", "See")
    html = html.replace(
        ' | <a href="/archives/2026/06/03/lithium-in-portugal.html#comments">Comments (3)</a>', ""
    )
    assert read(html, _POSTED_EN_URL).sector is None


@pytest.mark.parametrize(
    ("html", "url", "old", "new"),
    [
        pytest.param(
            _S9Y_FR,
            _S9Y_FR_URL,
            "<h3>Lire aussi</h3>",
            "<h3>À lire également</h3>",
            id="fr-heading-reworded",
        ),
        pytest.param(
            _PAREN_NL, _PAREN_NL_URL, "</li>\n<li>", "</li>\n\n  <li>", id="nl-whitespace"
        ),
        pytest.param(
            _WP_NL_FOOTER,
            _WP_NL_FOOTER_URL,
            "<h1",
            '<div class="crumbs"><a href="/">Home</a> › Economie</div><h1',
            id="nl-breadcrumb-added",
        ),
    ],
)
def test_a_neutral_edit_keeps_the_related_list_and_sector(
    html: str, url: str, old: str, new: str
) -> None:
    edited = html.replace(old, new, 1)
    assert edited != html
    before, after = read(html, url), read(edited, url)
    assert after.related == before.related
    assert after.sector == before.sector
