"""Realistic news pages of several CMSs and languages, for the body tests of news-site furniture
(`test_body_news_site_furniture.py`): the article text with the furniture real news sites set
inside or right around the article container (bylines, author boxes, "Read more" inserts, promos, share bars,
tag lists, ad slots, comment counts, "Most read" rails, captions' credits, embedded posts).

Each page states its expected body (`Page.text`: the article's paragraphs, subheading, list and
quote, in order) and, per kind of furniture, a snippet that must stay out of it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

TEXTS: dict[str, dict[str, object]] = {
    "en": {
        "title": "City council approves new tram line through the harbour district",
        "p": [
            "The city council on Tuesday approved a new tram line that will link the central "
            "station with the harbour district, ending a decade of debate over the route.",
            "The line, which will run for eleven kilometres and serve fourteen stops, is expected "
            "to carry about forty thousand passengers a day when it opens in four years.",
            "Opponents argued that the budget of three hundred million euros would be better "
            "spent on buses, but the majority said rail was the only option for the district.",
            "Construction is due to start next spring, and the first trams will be tested on the "
            "northern section before the end of the following year, officials said.",
        ],
        "h2": "What changes for residents",
        "li": [
            "Two bus routes will be shortened to feed the new stops",
            "Parking on the harbour avenue will move to a new garage",
        ],
        "quote": "This is the most important decision for public transport in a generation, "
        "the mayor told reporters after the vote.",
        "close": "The council will publish the detailed timetable of the works in March.",
    },
    "de": {
        "title": "Stadtrat beschließt neue Straßenbahnlinie durch das Hafenviertel",
        "p": [
            "Der Stadtrat hat am Dienstag eine neue Straßenbahnlinie beschlossen, die den "
            "Hauptbahnhof mit dem Hafenviertel verbinden soll, nach zehn Jahren Streit.",
            "Die Linie soll elf Kilometer lang werden und vierzehn Haltestellen bedienen, "
            "täglich werden etwa vierzigtausend Fahrgäste erwartet, wenn sie in vier Jahren "
            "eröffnet.",
            "Gegner hatten argumentiert, das Budget von dreihundert Millionen Euro sei für Busse "
            "besser angelegt, doch die Mehrheit hielt die Schiene für die einzige Lösung.",
            "Der Bau soll im nächsten Frühjahr beginnen, die ersten Bahnen werden noch vor Ende "
            "des folgenden Jahres auf dem nördlichen Abschnitt getestet, hieß es.",
        ],
        "h2": "Was sich für Anwohner ändert",
        "li": [
            "Zwei Buslinien werden verkürzt und fahren die neuen Haltestellen an",
            "Die Parkplätze an der Hafenallee ziehen in ein neues Parkhaus",
        ],
        "quote": "Das ist die wichtigste Entscheidung für den Nahverkehr seit einer Generation, "
        "sagte der Bürgermeister nach der Abstimmung.",
        "close": "Der Stadtrat will den genauen Zeitplan der Bauarbeiten im März vorlegen.",
    },
    "fr": {
        "title": "Le conseil communal approuve une nouvelle ligne de tram vers le port",
        "p": [
            "Le conseil communal a approuvé mardi une nouvelle ligne de tram qui reliera la gare "
            "centrale au quartier du port, mettant fin à dix ans de débat sur le tracé.",
            "La ligne, longue de onze kilomètres et desservant quatorze arrêts, devrait "
            "transporter environ quarante mille voyageurs par jour à son ouverture dans quatre "
            "ans.",
            "Les opposants estimaient que le budget de trois cents millions d'euros serait mieux "
            "dépensé pour les bus, mais la majorité a jugé le rail seul adapté au quartier.",
            "Les travaux doivent commencer au printemps prochain et les premiers trams seront "
            "testés sur le tronçon nord avant la fin de l'année suivante, selon la commune.",
        ],
        "h2": "Ce qui change pour les riverains",
        "li": [
            "Deux lignes de bus seront raccourcies pour desservir les nouveaux arrêts",
            "Le stationnement de l'avenue du port sera déplacé vers un nouveau parking",
        ],
        "quote": "C'est la décision la plus importante pour les transports publics depuis une "
        "génération, a déclaré le bourgmestre après le vote.",
        "close": "Le conseil publiera le calendrier détaillé des travaux en mars.",
    },
    "nl": {
        "title": "Gemeenteraad keurt nieuwe tramlijn door de havenwijk goed",
        "p": [
            "De gemeenteraad heeft dinsdag een nieuwe tramlijn goedgekeurd die het centraal "
            "station met de havenwijk moet verbinden, na tien jaar discussie over het tracé.",
            "De lijn wordt elf kilometer lang en krijgt veertien haltes, en zou dagelijks zo'n "
            "veertigduizend reizigers vervoeren wanneer ze over vier jaar opengaat.",
            "Tegenstanders vonden dat het budget van driehonderd miljoen euro beter aan bussen "
            "kon worden besteed, maar de meerderheid zag het spoor als enige oplossing.",
            "De werken beginnen volgend voorjaar en de eerste trams worden voor het einde van "
            "het jaar erna getest op het noordelijke deel, aldus de stad.",
        ],
        "h2": "Wat er verandert voor de bewoners",
        "li": [
            "Twee buslijnen worden ingekort om de nieuwe haltes te bedienen",
            "Het parkeren op de havenlaan verhuist naar een nieuwe parkeergarage",
        ],
        "quote": "Dit is de belangrijkste beslissing voor het openbaar vervoer in een generatie, "
        "zei de burgemeester na de stemming.",
        "close": "De raad maakt de precieze planning van de werken in maart bekend.",
    },
    "es": {
        "title": "El ayuntamiento aprueba una nueva línea de tranvía hasta el puerto",
        "p": [
            "El pleno del ayuntamiento aprobó el martes una nueva línea de tranvía que unirá la "
            "estación central con el barrio del puerto, tras una década de debate sobre el "
            "trazado.",
            "La línea tendrá once kilómetros y catorce paradas, y se espera que transporte unos "
            "cuarenta mil pasajeros al día cuando se inaugure dentro de cuatro años.",
            "Los opositores defendieron que el presupuesto de trescientos millones de euros "
            "estaría mejor invertido en autobuses, pero la mayoría eligió el raíl.",
            "Las obras comenzarán la próxima primavera y los primeros tranvías se probarán en "
            "el tramo norte antes de que termine el año siguiente, según el consistorio.",
        ],
        "h2": "Qué cambia para los vecinos",
        "li": [
            "Dos líneas de autobús se acortarán para llegar a las nuevas paradas",
            "El aparcamiento de la avenida del puerto se trasladará a un nuevo garaje",
        ],
        "quote": "Es la decisión más importante para el transporte público en una generación, "
        "dijo el alcalde a los periodistas tras la votación.",
        "close": "El ayuntamiento publicará el calendario detallado de las obras en marzo.",
    },
    "it": {
        "title": "Il consiglio comunale approva una nuova linea del tram fino al porto",
        "p": [
            "Il consiglio comunale ha approvato martedì una nuova linea del tram che collegherà "
            "la stazione centrale con il quartiere del porto, dopo dieci anni di discussioni.",
            "La linea sarà lunga undici chilometri con quattordici fermate, e dovrebbe "
            "trasportare circa quarantamila passeggeri al giorno quando aprirà tra quattro anni.",
            "Gli oppositori sostenevano che il bilancio di trecento milioni di euro sarebbe "
            "stato speso meglio per gli autobus, ma la maggioranza ha scelto la rotaia.",
            "I lavori cominceranno la prossima primavera e i primi tram saranno provati sul "
            "tratto nord prima della fine dell'anno successivo, ha spiegato il Comune.",
        ],
        "h2": "Cosa cambia per i residenti",
        "li": [
            "Due linee di autobus saranno accorciate per servire le nuove fermate",
            "Il parcheggio del viale del porto sarà spostato in un nuovo garage",
        ],
        "quote": "È la decisione più importante per il trasporto pubblico da una generazione, "
        "ha detto il sindaco ai giornalisti dopo il voto.",
        "close": "Il consiglio pubblicherà il calendario dettagliato dei lavori a marzo.",
    },
}

_WORD = re.compile(r"\w+")


def word_f1(got: str, expected: str) -> float:
    """The F1 of the word multisets, as bench/devset.py scores a body."""
    a = Counter(w.lower() for w in _WORD.findall(got))
    b = Counter(w.lower() for w in _WORD.findall(expected))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Page:
    """A news page, its language, URL, expected body and the snippets of each furniture kind."""

    name: str
    lang: str
    url: str
    html: str
    excluded: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> dict[str, object]:
        return TEXTS[self.lang]

    @property
    def paragraphs(self) -> list[str]:
        p = self.words["p"]
        assert isinstance(p, list)
        return [*p, str(self.words["quote"]), *self.words["li"], str(self.words["close"])]  # type: ignore[misc]

    @property
    def text(self) -> str:
        w = self.words
        p = w["p"]
        li = w["li"]
        assert isinstance(p, list) and isinstance(li, list)
        return "\n\n".join(
            [p[0], p[1], str(w["h2"]), p[2], str(w["quote"]), *li, p[3], str(w["close"])]
        )


def _article(lang: str, inserts: dict[str, str], p_open: str = "<p>", p_close: str = "</p>") -> str:
    """The article's text in plain markup, with `inserts` set at the named places: "after1"
    (after the first paragraph), "after2", "after_quote", "after_list", "end" (after the last)."""
    w = TEXTS[lang]
    p = w["p"]
    li = w["li"]
    assert isinstance(p, list) and isinstance(li, list)
    para = [f"{p_open}{t}{p_close}" for t in p]
    return (
        para[0]
        + inserts.get("after1", "")
        + para[1]
        + inserts.get("after2", "")
        + f"<h2>{w['h2']}</h2>"
        + para[2]
        + f"<blockquote><p>{w['quote']}</p></blockquote>"
        + inserts.get("after_quote", "")
        + "<ul>"
        + "".join(f"<li>{t}</li>" for t in li)
        + "</ul>"
        + inserts.get("after_list", "")
        + para[3]
        + f"{p_open}{w['close']}{p_close}"
        + inserts.get("end", "")
    )


def _shell(lang: str, title: str, site: str, main: str, rail: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{title} | {site}</title></head><body>"
        f"<header class='site-header'><a href='/' class='logo'>{site}</a>"
        "<nav><ul><li><a href='/politics/'>Politics</a></li><li><a href='/economy/'>Economy</a>"
        "</li><li><a href='/sport/'>Sport</a></li></ul></nav></header>"
        f"{main}{rail}"
        f"<footer class='site-footer'><p>© 2026 {site}. All rights reserved.</p></footer>"
        "</body></html>"
    )


def newspaper_wp() -> Page:
    """WordPress, Newspaper theme (tagDiv), English."""
    w = TEXTS["en"]
    inserts = {
        "after1": "<div class='td-a-rec td-a-rec-id-content_inline'><span class='td-adspot-title'>"
        "- Advertisement -</span><div class='gam-slot'></div></div>",
        "after2": "<div class='td_block_wrap tdb_single_inline_teaser'><div class='td-block-title'>"
        "<span>Read more</span></div><div class='td_module_flex'><a href='/2026/05/bus-strike-ends/'"
        " rel='bookmark'>Bus drivers end three-day strike after pay deal</a></div></div>",
        "end": "<div class='td-post-source-tags'><ul class='td-tags td-post-small-box'>"
        "<li><span>TAGS</span></li><li><a href='/tag/tram/'>tram</a></li>"
        "<li><a href='/tag/harbour/'>harbour</a></li><li><a href='/tag/city-council/'>city "
        "council</a></li></ul></div>"
        "<div class='author-box-wrap'><a href='/author/jane-miller/'><img src='/a.jpg' "
        "alt='Jane Miller'></a><div class='desc'><div class='td-author-name vcard author'>"
        "<a href='/author/jane-miller/'>Jane Miller</a></div><div class='td-author-description'>"
        "Jane Miller covers transport and city hall for the Harbour Gazette since 2015.</div>"
        "<div class='td-social-icons'><a href='https://twitter.com/janemiller'>Twitter</a></div>"
        "</div></div>",
    }
    main = (
        "<div class='td-main-content-wrap'><article class='post type-post'>"
        "<div class='td-post-header'><ul class='td-category'><li><a href='/city/'>City</a></li>"
        f"</ul><header class='td-post-title'><h1 class='entry-title'>{w['title']}</h1>"
        "<div class='td-module-meta-info'><div class='td-post-author-name'><span>By </span>"
        "<a href='/author/jane-miller/'>Jane Miller</a></div><span class='td-post-date'>"
        "<time class='entry-date' datetime='2026-05-12T09:00:00+00:00'>May 12, 2026</time></span>"
        "<div class='td-post-comments'><a href='#comments'><i class='td-icon-comments'></i>4</a>"
        "</div></div></header></div>"
        "<div class='td-post-featured-image'><figure><img src='/tram.jpg' alt=''>"
        "<figcaption class='wp-caption-text'>A tram at the central station. Photo: Peter Cole"
        "</figcaption></figure></div>"
        f"<div class='td-post-content tagdiv-type'>{_article('en', inserts)}</div>"
        "</article></div>"
    )
    return Page(
        "newspaper_wp",
        "en",
        "https://harbourgazette.example/2026/05/city-council-tram-line/",
        _shell("en", w["title"], "Harbour Gazette", main),  # type: ignore[arg-type]
        {
            "ad label": "Advertisement",
            "inline teaser": "Bus drivers end",
            "tags": "city council\n",
            "author bio": "covers transport and city hall",
            "credit": "Peter Cole",
        },
    )


def jannah_wp() -> Page:
    """WordPress, Jannah theme (TieLabs), Spanish."""
    w = TEXTS["es"]
    inserts = {
        "after1": "<div class='stream-item stream-item-in-post'><span class='stream-title'>"
        "Publicidad</span></div>",
        "after2": "<div class='tie-related-inline'><h4 class='block-title'>También te puede "
        "interesar</h4><ul><li><a href='/2026/05/huelga-autobuses/'>Los conductores de "
        "autobús ponen fin a la huelga tras el acuerdo</a></li><li><a href='/2026/05/obras-"
        "puerto/'>Las obras del puerto se retrasan seis meses por la lluvia</a></li></ul></div>",
        "end": "<div class='post-bottom-meta post-bottom-tags'><span class='tagcloud'>"
        "<span class='tags-title'>Etiquetas</span><a href='/tag/tranvia/' rel='tag'>tranvía</a>"
        "<a href='/tag/puerto/' rel='tag'>puerto</a><a href='/tag/ayuntamiento/' rel='tag'>"
        "ayuntamiento</a></span></div>",
    }
    main = (
        "<div id='content' class='site-content container'><div class='main-content'>"
        "<article id='the-post' class='container-wrapper post-content'>"
        "<header class='entry-header-outer'><div class='entry-header'><span class='post-cat-wrap'>"
        "<a class='post-cat' href='/local/'>Local</a></span>"
        f"<h1 class='post-title entry-title'>{w['title']}</h1>"
        "<div class='single-post-meta post-meta'><span class='meta-author'>"
        "<a href='/author/lucia/' class='author-name'>Lucía Gómez</a></span>"
        "<span class='date meta-item'>12/05/2026</span><div class='tie-alignright'>"
        "<span class='meta-comment meta-item'><a href='#comments'>0</a></span>"
        "<span class='meta-views meta-item'>1.284</span><span class='meta-reading-time "
        "meta-item'>3 minutos de lectura</span></div></div></div></header>"
        "<div class='featured-area'><figure class='single-featured-image'><img src='/t.jpg'>"
        "<figcaption class='single-caption-text'>Un tranvía en la estación central. "
        "Foto: EFE</figcaption></figure></div>"
        f"<div class='entry-content entry clearfix'>{_article('es', inserts)}</div>"
        "<div class='post-components'><div class='about-author container-wrapper'>"
        "<div class='author-avatar'><a href='/author/lucia/'><img src='/l.jpg'></a></div>"
        "<div class='author-info'><h3 class='author-name'><a href='/author/lucia/'>Lucía Gómez"
        "</a></h3><div class='author-bio'>Periodista especializada en movilidad urbana y "
        "urbanismo.</div><ul class='author-social'><li><a href='https://x.com/lucia'>X</a></li>"
        "</ul></div></div></div>"
        "</article></div></div>"
    )
    return Page(
        "jannah_wp",
        "es",
        "https://diariodelpuerto.example/2026/05/12/nueva-linea-tranvia/",
        _shell("es", w["title"], "Diario del Puerto", main),  # type: ignore[arg-type]
        {
            "ad label": "Publicidad",
            "related box": "huelga tras el acuerdo",
            "related heading": "También te puede",
            "tags": "Etiquetas",
            "author bio": "movilidad urbana",
            "counter": "minutos de lectura",
        },
    )


def arc_xp() -> Page:
    """Arc XP (Washington Post-like, many US papers), English."""
    w = TEXTS["en"]
    p = "<p class='c-paragraph' data-el='text'>"
    inserts = {
        "after1": "<div class='c-interstitial-link'><p><strong>Read more: </strong>"
        "<a href='/local/2026/05/10/bus-strike/'>Bus drivers end three-day strike after "
        "pay deal</a></p></div>",
        "after2": "<div class='arcad-feature' data-ad-type='inline'><div class='ad-label'>"
        "Advertisement</div></div>"
        "<div class='b-newsletter-signup'><div class='nl-title'>Sign up for The Morning "
        "Brief</div><div class='nl-desc'>Get the top local stories delivered to your inbox "
        "every weekday.</div><a class='nl-cta' href='/newsletters/'>Sign up</a></div>",
        "end": "<div class='b-article-body__corrections'><p><i>A previous version of this "
        "article misstated the length of the line. It is eleven kilometres.</i></p></div>",
    }
    main = (
        "<main class='b-single-chain'><article class='b-article'>"
        f"<h1 class='b-headline'>{w['title']}</h1>"
        "<div class='b-byline'><span class='c-byline__by'>By </span><a class='c-link' "
        "href='/people/jane-miller/'>Jane Miller</a></div>"
        "<div class='c-date'>May 12, 2026 at 9:00 a.m. EDT</div>"
        "<div class='b-share-bar'><button>Share</button><a href='https://www.facebook.com/"
        "sharer/sharer.php?u=x'>Facebook</a><a href='https://twitter.com/intent/tweet?url=x'>"
        "Twitter</a></div>"
        "<div class='b-article-body'>" + _article("en", inserts, p) + "</div>"
        "<div class='b-author-bio'><img src='/jm.jpg'><div class='b-author-bio__text'>"
        "<a href='/people/jane-miller/'>Jane Miller</a> is a reporter covering transportation "
        "in the capital region. <a href='https://twitter.com/janem'>Follow</a></div></div>"
        "</article></main>"
    )
    return Page(
        "arc_xp",
        "en",
        "https://www.dailyharbor.example/local/2026/05/12/tram-line/",
        _shell("en", w["title"], "The Daily Harbor", main),  # type: ignore[arg-type]
        {
            "ad label": "Advertisement",
            "newsletter promo": "delivered to your inbox",
            "newsletter title": "Morning Brief",
            "author bio": "covering transportation",
            "share bar": "Twitter",
        },
    )


def brightspot() -> Page:
    """Brightspot (Vox/NPR-like), English, with a most-read rail inside the article's column."""
    w = TEXTS["en"]
    inserts = {
        "after1": "<div class='RichTextArticleBody-embed'><div class='Enhancement'>"
        "<div class='Promo'><div class='Promo-category'>Related</div><div class='Promo-title'>"
        "<a href='/2026/05/10/bus-strike'>Bus drivers end three-day strike after pay deal</a>"
        "</div></div></div></div>",
        "after_list": "<div class='Enhancement'><ps-promo class='PromoB'><div class='PromoB-"
        "content'><div class='PromoB-title'><a href='/2026/04/harbour-plan'>What the harbour "
        "master plan means for your street</a></div></div></ps-promo></div>",
    }
    main = (
        "<main class='ArticlePage-main'><div class='ArticlePage-mainContent'>"
        "<div class='ArticlePage-headline'>"
        f"<h1 class='ArticlePage-headline'>{w['title']}</h1></div>"
        "<div class='ArticlePage-authors'><div class='ArticlePage-authorInfo'>"
        "<div class='ArticlePage-authorBy'>By</div><div class='ArticlePage-authorName'>"
        "<a href='/people/jane-miller'>Jane Miller</a></div></div></div>"
        "<div class='ArticlePage-datePublished'>Published May 12, 2026 at 9:00 AM</div>"
        f"<div class='RichTextArticleBody RichTextBody'>{_article('en', inserts)}</div>"
        "<div class='ArticlePage-tags'><div class='ArticlePage-tags-label'>Tags</div>"
        "<ul class='ArticlePage-tags-list'><li><a href='/tags/tram'>Tram</a></li>"
        "<li><a href='/tags/harbour'>Harbour</a></li><li><a href='/tags/transit'>Transit</a></li>"
        "</ul></div>"
        "<div class='ArticlePage-mostPopular'><div class='List'><h3 class='List-title'>"
        "Most Read</h3><ol class='List-items'><li><a href='/2026/05/11/a'>Police close the "
        "old bridge after cracks are found</a></li><li><a href='/2026/05/11/b'>A new bakery "
        "opens on the market square</a></li><li><a href='/2026/05/11/c'>Schools to stay open "
        "during the summer works</a></li></ol></div></div>"
        "</div></main>"
    )
    return Page(
        "brightspot",
        "en",
        "https://www.harborpublicradio.example/2026-05-12/tram-line",
        _shell("en", w["title"], "Harbor Public Radio", main),  # type: ignore[arg-type]
        {
            "promo": "Bus drivers end",
            "promo 2": "master plan",
            "tags": "Transit",
            "most read": "old bridge",
        },
    )


def guardian_like() -> Page:
    """Guardian-like (data-gu-name, dcr), English."""
    w = TEXTS["en"]
    inserts = {
        "after2": "<aside data-gu-name='richLink' class='dcr-rich-link'><div><a href="
        "'/uk-news/2026/may/10/bus-strike'>Bus drivers end three-day strike after pay deal</a>"
        "</div></aside>",
        "after_list": "<figure id='ab' data-spacefinder-role='inline' class='dcr-embed'>"
        "<div class='ad-slot-container'><div class='ad-slot--inline'></div></div></figure>",
        "end": "<div class='dcr-contributions-epic'><h2>Before you go…</h2><p>We have a small "
        "favour to ask. Millions turn to us every month for open, independent journalism, and "
        "our reporting stays free for everyone.</p><a href='https://support.example/contribute'>"
        "Support us</a></div>",
    }
    main = (
        "<main data-layout='StandardLayout'><article class='dcr-article'>"
        "<div data-gu-name='headline'><h1>" + str(w["title"]) + "</h1></div>"
        "<div data-gu-name='meta'><address aria-label='Contributor info'><a rel='author' "
        "href='/profile/jane-miller'>Jane Miller</a> Transport correspondent</address>"
        "<details><summary>Tue 12 May 2026 09.00 BST</summary></details>"
        "<div class='dcr-share'><a href='https://www.facebook.com/sharer.php?u=x'>Share on "
        "Facebook</a><a href='mailto:?subject=x'>Share via Email</a></div>"
        "<a href='#comments' data-link-name='Comment count'>Comments 312</a></div>"
        "<div data-gu-name='media'><figure><img src='/t.jpg'><figcaption><span>A tram at the "
        "central station.</span> Photograph: Peter Cole/Reuters</figcaption></figure></div>"
        f"<div data-gu-name='body' class='article-body-commercial-selector'>"
        f"{_article('en', inserts)}</div>"
        "<div data-gu-name='keywords'><ul class='dcr-keywords'><li><a href='/uk/transport'>"
        "Transport</a></li><li><a href='/world/cities'>Cities</a></li></ul></div>"
        "</article></main>"
    )
    return Page(
        "guardian_like",
        "en",
        "https://www.theharbourian.example/uk-news/2026/may/12/tram-line",
        _shell("en", w["title"], "The Harbourian", main),  # type: ignore[arg-type]
        {
            "rich link": "Bus drivers end",
            "epic": "small favour",
            "epic heading": "Before you go",
            "keywords": "Cities",
            "credit": "Peter Cole",
            "comment count": "312",
        },
    )


def bbc_like() -> Page:
    """BBC-like (data-component blocks), English."""
    w = TEXTS["en"]

    def block(html: str, kind: str = "text-block") -> str:
        return f"<div data-component='{kind}' class='ssrcss-text'>{html}</div>"

    p = w["p"]
    li = w["li"]
    assert isinstance(p, list) and isinstance(li, list)
    body = "".join(
        [
            block(f"<p><b>{p[0]}</b></p>"),
            block(f"<p>{p[1]}</p>"),
            block("<div class='ssrcss-links'><h2>Related topics</h2></div>", "links-block"),
            block(f"<h2>{w['h2']}</h2>", "subheadline-block"),
            block(f"<p>{p[2]}</p>"),
            block(f"<blockquote><p>{w['quote']}</p></blockquote>"),
            block("<ul>" + "".join(f"<li>{t}</li>" for t in li) + "</ul>", "unordered-list-block"),
            block(f"<p>{p[3]}</p>"),
            block(f"<p>{w['close']}</p>"),
            block(
                "<div><h2>More on this story</h2><ul><li><a href='/news/uk-1'>Bus drivers end "
                "three-day strike after pay deal</a><time>10 May</time></li><li><a href="
                "'/news/uk-2'>Harbour works delayed by six months</a><time>2 April</time></li>"
                "</ul></div>",
                "links-block",
            ),
            block(
                "<div><h2>Related topics</h2><ul><li><a href='/news/topics/c1'>Public "
                "transport</a></li><li><a href='/news/topics/c2'>Trams</a></li></ul></div>",
                "topic-list",
            ),
        ]
    )
    body = body.replace(
        block("<div class='ssrcss-links'><h2>Related topics</h2></div>", "links-block"), ""
    )
    main = (
        "<main id='main-content'><article>"
        f"<div data-component='headline-block'><h1 id='main-heading'>{w['title']}</h1></div>"
        "<div data-component='byline-block'><div><div>By Jane Miller</div><div>Transport "
        "correspondent, BBC News</div></div></div>"
        "<div data-component='image-block'><figure><img src='/t.jpg'><span role='text'>"
        "<span>Image source,</span>Getty Images</span><figcaption><span>Image caption, "
        "</span>A tram at the central station</figcaption></figure></div>"
        f"{body}</article></main>"
    )
    return Page(
        "bbc_like",
        "en",
        "https://www.bbc.example/news/uk-england-12345678",
        _shell("en", w["title"], "BBC News", main),  # type: ignore[arg-type]
        {
            "more on this story": "Harbour works delayed",
            "more heading": "More on this story",
            "topics": "Public transport",
            "byline role": "Transport correspondent",
            "image source": "Getty Images",
        },
    )


def spiegel_like() -> Page:
    """Spiegel/Zeit-like, German."""
    w = TEXTS["de"]
    p = "<div class='RichText'><p>"
    inserts = {
        "after1": "<div data-area='text_teaser' class='lg:mx-32'><div class='bg-shade'>"
        "<span class='font-bold'>Lesen Sie auch</span><a href='/panorama/busstreik-a-123.html'>"
        "<span>Busfahrer beenden dreitägigen Streik nach Tarifeinigung</span></a></div></div>",
        "after2": "<div class='paywall-offer-inline' data-area='paywall'><p>Sie haben noch "
        "2 kostenlose Artikel in diesem Monat.</p><a href='/abo/'>Jetzt abonnieren</a></div>",
        "after_list": "<div data-area='ad_inline' class='ad-container'><p class='ad-label'>"
        "Anzeige</p></div>",
        "end": "<div data-area='article_footer'><ul class='topic-tags'><li><a href='/thema/"
        "verkehrspolitik/'>Verkehrspolitik</a></li><li><a href='/thema/hafen/'>Hafen</a></li></ul>"
        "<div class='author-box'><a href='/impressum/autor-1'>Anna Schmidt</a><p>Redakteurin im "
        "Ressort Wirtschaft</p><button>Folgen</button></div></div>",
    }
    main = (
        "<main id='Inhalt'><article aria-label='Stadtrat'>"
        "<header data-area='intro'><h2><span class='kicker'>Verkehrswende</span>"
        f"<span class='headline'>{w['title']}</span></h2>"
        "<div class='leadin'>Nach zehn Jahren Streit ist die Entscheidung gefallen.</div>"
        "<div class='byline'>Von <a href='/impressum/autor-1'>Anna Schmidt</a></div>"
        "<time datetime='2026-05-12 09:00:00'>12.05.2026, 09.00 Uhr</time>"
        "<div class='social'><a href='https://facebook.com/sharer'>Facebook</a>"
        "<a href='https://twitter.com/share'>X.com</a><a href='mailto:'>E-Mail</a></div></header>"
        "<figure><img src='/t.jpg'><figcaption><p>Straßenbahn am Hauptbahnhof</p>"
        "<span class='credit'>Foto: Peter Kohl / dpa</span></figcaption></figure>"
        "<section class='relative' data-area='body'>"
        + _article("de", inserts, p, "</p></div>")
        + "</section></article></main>"
    )
    return Page(
        "spiegel_like",
        "de",
        "https://www.derhafen.example/wirtschaft/stadtrat-strassenbahn-a-1234.html",
        _shell("de", w["title"], "DER HAFEN", main),  # type: ignore[arg-type]
        {
            "teaser": "Busfahrer beenden",
            "teaser label": "Lesen Sie auch",
            "paywall": "kostenlose Artikel",
            "ad label": "Anzeige",
            "topics": "Verkehrspolitik",
            "author box": "Redakteurin",
            "credit": "Peter Kohl",
        },
    )


def lemonde_like() -> Page:
    """Le Monde-like, French."""
    w = TEXTS["fr"]
    p = "<p class='article__paragraph'>"
    inserts = {
        "after1": "<section class='catcher catcher--inline'><span class='catcher__title'>Lire "
        "aussi</span><a class='js-article-read-also' href='/societe/article/2026/05/10/greve."
        "html'>Les chauffeurs de bus mettent fin à trois jours de grève</a></section>",
        "after2": "<section class='inread js-services-inread'><div class='dfp-slot'>"
        "<span class='dfp__label'>Publicité</span></div></section>",
        "end": "<section class='article__reactions'><p class='article__reactions-count'>"
        "<a href='#reactions'>Réagir</a> Ajouter à vos sélections</p></section>"
        "<p class='article__status'>Le Monde avec AFP</p>"
        "<section class='paywall-blocker'><p>Il vous reste 78.52% de cet article à lire. "
        "La suite est réservée aux abonnés.</p><a href='/abonnement/'>S'abonner</a></section>",
    }
    main = (
        "<main><section class='zone zone--article'><header class='article__header'>"
        "<ul class='breadcrumb'><li><a href='/societe/'>Société</a></li></ul>"
        f"<h1 class='article__title'>{w['title']}</h1>"
        "<p class='article__desc'>Après dix ans de débats, le tracé est enfin adopté.</p>"
        "<div class='meta meta__publisher'><span class='meta__date'>Publié le 12 mai 2026 à "
        "09h00</span><span class='meta__reading-time'>Lecture 3 min.</span></div>"
        "<ul class='meta__social'><li><a href='https://www.facebook.com/sharer'>Partager sur "
        "Facebook</a></li><li><a href='https://twitter.com/intent/tweet'>Partager sur X</a></li>"
        "</ul></header>"
        "<article class='article__content'>"
        "<figure class='article__media'><img src='/t.jpg'><figcaption class='article__legend'>"
        "Un tram à la gare centrale, le 11 mai. <span class='article__credit'>JEAN DUPONT / "
        "AFP</span></figcaption></figure>"
        + _article("fr", inserts, p)
        + "</article></section></main>"
    )
    return Page(
        "lemonde_like",
        "fr",
        "https://www.lemonde.example/societe/article/2026/05/12/tram_123_3224.html",
        _shell("fr", w["title"], "Le Monde", main),  # type: ignore[arg-type]
        {
            "read also": "mettent fin",
            "ad label": "Publicité",
            "reactions": "Ajouter à vos sélections",
            "paywall": "réservée aux abonnés",
            "credit": "JEAN DUPONT",
        },
    )


def standaard_like() -> Page:
    """De Standaard-like (Mediahuis), Dutch."""
    w = TEXTS["nl"]
    inserts = {
        "after1": "<div class='article__inline-link'><h4>Lees ook</h4><ul><li><a href="
        "'/cnt/dmf20260510_1'>Buschauffeurs stoppen staking na loonakkoord</a></li><li><a href="
        "'/cnt/dmf20260502_2'>Werken aan de haven lopen zes maanden vertraging op</a></li>"
        "</ul></div>",
        "after_list": "<div class='ad ad--inarticle' data-ad-slot='inarticle1'></div>",
        "end": "<div class='article__tags'><span>Lees meer over</span><a href='/tag/tram'>"
        "tram</a><a href='/tag/haven'>haven</a><a href='/tag/mobiliteit'>mobiliteit</a></div>"
        "<div class='article__promo'><h3>Nieuwsbrief</h3><p>Elke ochtend het belangrijkste "
        "nieuws in je mailbox.</p><form><input type='email'><button>Inschrijven</button></form>"
        "</div>",
    }
    main = (
        "<main><article class='article'><header class='article__header'>"
        f"<h1 class='article__title'>{w['title']}</h1>"
        "<div class='article__meta'><span class='authors'>Karel De Smet</span>"
        "<time datetime='2026-05-12'>12 mei 2026 om 09.00 uur</time></div>"
        "<p class='article__intro'>Na tien jaar discussie is de knoop doorgehakt.</p></header>"
        "<figure class='article__image'><img src='/t.jpg'><figcaption>Een tram aan het "
        "centraal station. <span class='credit'>© Belga</span></figcaption></figure>"
        f"<div class='article__body'>{_article('nl', inserts)}</div>"
        "<div class='article__share'><a href='https://facebook.com/sharer'>Delen</a>"
        "<a href='https://wa.me/?text=x'>WhatsApp</a></div>"
        "</article></main>"
    )
    return Page(
        "standaard_like",
        "nl",
        "https://www.destandaard.example/cnt/dmf20260512_12345",
        _shell("nl", w["title"], "De Standaard", main),  # type: ignore[arg-type]
        {
            "read also": "Buschauffeurs stoppen",
            "read also heading": "Lees ook",
            "tags": "mobiliteit",
            "newsletter": "in je mailbox",
            "credit": "Belga",
        },
    )


def corriere_like() -> Page:
    """Corriere-like, Italian."""
    w = TEXTS["it"]
    inserts = {
        "after1": "<div class='box-related-inline'><p class='title-related'>Leggi anche</p>"
        "<ul><li><a href='/cronache/26_maggio_10/sciopero.shtml'>Sciopero dei bus, accordo "
        "raggiunto dopo tre giorni</a></li><li><a href='/cronache/26_maggio_02/porto.shtml'>"
        "Porto, i lavori slittano di sei mesi</a></li></ul></div>",
        "after2": "<div class='adv-box'><div class='adv-label'>Pubblicità</div></div>",
        "end": "<div class='newsletter-box'><p class='nl-title'>La newsletter di Milano</p>"
        "<p>Iscriviti gratis alla newsletter per ricevere ogni giorno le notizie della città."
        "</p><a href='/newsletter/'>Iscriviti</a></div>"
        "<div class='article-tags'><a href='/argomenti/tram'>tram</a>"
        "<a href='/argomenti/porto'>porto</a><a href='/argomenti/comune'>comune</a></div>",
    }
    main = (
        "<main><div class='body-article'><div class='article-header'>"
        f"<h1 class='title-art'>{w['title']}</h1>"
        "<p class='subtitle-art'>Dopo dieci anni di discussioni arriva il via libera.</p>"
        "<div class='writer'>di <a href='/autori/marco'>Marco Rossi</a></div>"
        "<p class='is-last-update'>12 maggio 2026 (modifica il 12 maggio 2026 | 10:15)</p>"
        "<div class='share-bar'><a href='https://facebook.com/sharer'>Facebook</a></div></div>"
        "<figure><img src='/t.jpg'><figcaption class='caption'>Un tram alla stazione centrale "
        "(Ansa)</figcaption></figure>"
        f"<div class='content'>{_article('it', inserts)}</div>"
        "<div class='cmp-comments'><a href='#comments'>32 commenti</a></div>"
        "</div></main>"
    )
    return Page(
        "corriere_like",
        "it",
        "https://milano.corriere.example/notizie/cronaca/26_maggio_12/tram-porto.shtml",
        _shell("it", w["title"], "Corriere della Città", main),  # type: ignore[arg-type]
        {
            "read also": "Sciopero dei bus",
            "read also label": "Leggi anche",
            "ad label": "Pubblicità",
            "newsletter": "Iscriviti gratis",
            "newsletter title": "La newsletter di",
            "tags": "comune",
            "comment count": "commenti",
        },
    )


def ghost_blog() -> Page:
    """Ghost (Casper theme), English, with a bookmark card, an email sign-up and an author card."""
    w = TEXTS["en"]
    inserts = {
        "after2": "<figure class='kg-card kg-bookmark-card'><a class='kg-bookmark-container' "
        "href='https://other.example/strike'><div class='kg-bookmark-content'><div class="
        "'kg-bookmark-title'>Bus drivers end three-day strike after pay deal</div><div class="
        "'kg-bookmark-description'>The union accepted a four per cent raise on Sunday.</div>"
        "<div class='kg-bookmark-metadata'><span class='kg-bookmark-author'>Harbour Post</span>"
        "</div></div></a></figure>",
        "end": "<section class='footer-cta'><div class='inner'><h2 class='footer-cta-title'>"
        "Sign up for more like this.</h2><a class='footer-cta-button' href='#/portal'>"
        "<div class='footer-cta-input'>Enter your email</div><span>Subscribe</span></a></div>"
        "</section>",
    }
    main = (
        "<main id='site-main' class='site-main'><article class='article post'>"
        "<header class='article-header gh-canvas'><div class='article-tag post-card-tags'>"
        "<span class='post-card-primary-tag'><a href='/tag/city/'>City</a></span></div>"
        f"<h1 class='article-title'>{w['title']}</h1>"
        "<div class='article-byline'><div class='article-byline-content'><ul class='author-list'>"
        "<li class='author-list-item'><a href='/author/jane/' class='author-avatar'><img "
        "src='/j.jpg'></a></li></ul><div class='article-byline-meta'><h4 class='author-name'>"
        "<a href='/author/jane/'>Jane Miller</a></h4><div class='byline-meta-content'>"
        "<time class='byline-meta-date' datetime='2026-05-12'>May 12, 2026</time><span "
        "class='byline-reading-time'><span class='bull'>•</span> 3 min read</span></div></div>"
        "</div></div></header>"
        f"<section class='gh-content gh-canvas'>{_article('en', inserts)}</section>"
        "</article></main>"
    )
    return Page(
        "ghost_blog",
        "en",
        "https://harbourpost.example/tram-line/",
        _shell("en", w["title"], "Harbour Post", main),  # type: ignore[arg-type]
        {
            "bookmark card": "four per cent raise",
            "bookmark title": "Bus drivers end",
            "cta": "Sign up for more",
            "reading time": "min read",
        },
    )


def drupal_news() -> Page:
    """Drupal news site (field--name-body paragraphs), French (Le Soir-like)."""
    w = TEXTS["fr"]
    inserts = {
        "after1": "<div class='paragraph paragraph--type--related-article'><div class='field "
        "field--name-field-label'>À lire aussi</div><div class='field field--name-field-article'>"
        "<article class='node--view-mode-teaser'><h3><a href='/node/123'>Les chauffeurs de bus "
        "mettent fin à trois jours de grève</a></h3></article></div></div>",
        "after2": "<div class='paragraph paragraph--type--tweet'><blockquote class='twitter-"
        "tweet'><p lang='fr'>Le tracé est adopté, enfin !</p>&mdash; Ville du Port (@villeduport)"
        " <a href='https://twitter.com/villeduport/status/1'>May 12, 2026</a></blockquote>"
        "</div>",
        "end": "<div class='field field--name-field-tags'><div class='field__label'>Mots-clés"
        "</div><div class='field__items'><div class='field__item'><a href='/taxonomy/term/1'>"
        "Mobilité</a></div><div class='field__item'><a href='/taxonomy/term/2'>Port</a></div>"
        "<div class='field__item'><a href='/taxonomy/term/3'>Tram</a></div></div></div>"
        "<div class='links inline'><a href='javascript:window.print()'>Imprimer</a>"
        "<a href='mailto:?subject=tram'>Envoyer par e-mail</a></div>",
    }
    main = (
        "<main role='main'><div class='region region-content'><article class='node node--type-"
        "article node--view-mode-full'>"
        f"<h1 class='page-title'><span class='field--name-title'>{w['title']}</span></h1>"
        "<div class='node__meta'><span class='field--name-uid'>Par <a href='/user/4'>Sophie "
        "Martin</a></span><span class='field--name-created'>Publié le 12/05/2026 à 09:00"
        "</span></div>"
        f"<div class='clearfix text-formatted field field--name-body'>"
        f"{_article('fr', inserts)}</div>"
        "</article></div></main>"
    )
    return Page(
        "drupal_news",
        "fr",
        "https://www.lesoir-du-port.example/actualite/2026/05/12/tram",
        _shell("fr", w["title"], "Le Soir du Port", main),  # type: ignore[arg-type]
        {
            "related teaser": "mettent fin",
            "related label": "lire aussi",
            "tags": "Mobilité",
            "print": "Imprimer",
            "email": "Envoyer par",
        },
    )


def medium_like() -> Page:
    """Medium-like (generated class names), English, with claps, a follow button and responses."""
    w = TEXTS["en"]
    inserts = {
        "end": "<div class='pw-post-body-paragraph'></div>"
        "<div class='ab ca'><div class='ab q'><a href='/tag/transport'><div class='pj'>Transport"
        "</div></a><a href='/tag/urbanism'><div class='pj'>Urbanism</div></a><a href='/tag/"
        "cities'><div class='pj'>Cities</div></a></div></div>"
        "<div class='ab q'><div class='pm'><span>1.2K</span></div><div class='pm'><span>14"
        "</span></div></div>"
        "<div class='ab ca'><h2 class='be'>Written by Jane Miller</h2><div class='ph'>"
        "<a href='/@jane/followers'>2.3K Followers</a></div><div class='pn'><p>Transport "
        "writer. Trams, trains and the cities around them.</p></div><div><span>Follow</span>"
        "</div></div>",
    }
    main = (
        "<main><article><div class='l'><section><div class='gn go gp'>"
        f"<h1 class='pw-post-title'>{w['title']}</h1>"
        "<div class='ab q'><a href='/@jane'>Jane Miller</a><span>·</span><span>Follow</span>"
        "</div><div class='ab q'><span>4 min read</span><span>·</span><span>May 12, 2026</span>"
        "</div>"
        + _article("en", inserts, "<p class='pw-post-body-paragraph'>")
        + "</div></section></div></article></main>"
    )
    return Page(
        "medium_like",
        "en",
        "https://medium.example/@jane/tram-line-4f2a",
        _shell("en", w["title"], "Medium", main),  # type: ignore[arg-type]
        {
            "tags": "Urbanism",
            "written by": "Written by",
            "bio": "Transport writer",
            "followers": "Followers",
        },
    )


def elpais_like() -> Page:
    """El País-like, Spanish, with a "Más información" box, subscription and tags."""
    w = TEXTS["es"]
    inserts = {
        "after2": "<div class='a_e_m'><p class='a_e_m_t'>Más información</p><article class="
        "'c c-d'><header class='c_h'><h2 class='c_t'><a href='/espana/2026-05-10/huelga.html'>"
        "Los conductores de autobús ponen fin a la huelga tras el acuerdo</a></h2></header>"
        "</article><article class='c c-d'><header class='c_h'><h2 class='c_t'><a href="
        "'/espana/2026-05-02/obras.html'>Las obras del puerto se retrasan seis meses</a></h2>"
        "</header></article></div>",
        "end": "<div class='a_s'><p>Suscríbete para seguir leyendo</p><p>Lee sin límites</p>"
        "<a href='/suscripciones/'>Seguir leyendo</a></div>"
        "<ul class='a_k'><li><a href='/noticias/tranvia/'>Tranvía</a></li><li><a href="
        "'/noticias/puertos/'>Puertos</a></li><li><a href='/noticias/ayuntamientos/'>"
        "Ayuntamientos</a></li></ul>",
    }
    main = (
        "<main><article class='a _g _g-lg'><header class='a_e'>"
        "<div class='a_k_n'><a href='/espana/'>España</a></div>"
        f"<h1 class='a_t'>{w['title']}</h1>"
        "<h2 class='a_st'>El pleno aprueba el trazado tras una década de debate</h2></header>"
        "<div class='a_md'><div class='a_md_a'><a href='/autor/ana/'>Ana Pérez</a></div>"
        "<div class='a_md_f'><a href='/hemeroteca/2026-05-12/'>12 may 2026 - 09:00 CEST</a>"
        "</div><div class='a_md_s'><a href='https://twitter.com/intent/tweet'>Compartir en "
        "Twitter</a><a href='https://wa.me/?text='>Compartir en Whatsapp</a></div></div>"
        "<figure class='a_m'><img src='/t.jpg'><figcaption class='a_m_p'><span>Un tranvía en "
        "la estación central.</span><span class='a_m_m'>CARLOS ROSILLO</span></figcaption>"
        "</figure>"
        f"<div class='a_c clearfix' data-dtm-region='articulo_cuerpo'>"
        f"{_article('es', inserts)}</div>"
        "</article></main>"
    )
    return Page(
        "elpais_like",
        "es",
        "https://elpais.example/espana/2026-05-12/tranvia-puerto.html",
        _shell("es", w["title"], "EL PAÍS", main),  # type: ignore[arg-type]
        {
            "mas informacion": "huelga tras el acuerdo",
            "mas informacion label": "Más información",
            "subscription": "Suscríbete",
            "tags": "Ayuntamientos",
            "credit": "CARLOS ROSILLO",
        },
    )


PAGES = [
    newspaper_wp,
    jannah_wp,
    arc_xp,
    brightspot,
    guardian_like,
    bbc_like,
    spiegel_like,
    lemonde_like,
    standaard_like,
    corriere_like,
    ghost_blog,
    drupal_news,
    medium_like,
    elpais_like,
]
