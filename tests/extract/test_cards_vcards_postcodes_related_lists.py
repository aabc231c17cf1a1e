"""Card kinds (contacts, related lists, translations, sectors), each on pages written here in two
languages or markups: contact cards whose channels sit in a `<dl>` beside a "Download vCard" link
(read as no contact, and the vCard links as related articles), postal codes split from their town,
lists of other articles ("Dans la même rubrique", "Most read", "Lire aussi"), translations offered
only by a language `<select>`, and the sector pill of the meta row (and a blog's own name, which is
none)."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.extract import extract_article
from scraper.models import Contact, RelatedCard
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


# -- 1. contact cards with their channels in a <dl> and a vCard link ---------------------------

_EN_PERSON = (
    '<div class="person"><h3>{name}</h3><p class="function">{role}</p>'
    "<dl><dt>Tel</dt><dd>{tel}</dd>{mobile}<dt>Email</dt>"
    '<dd><a href="mailto:{email}">{email}</a></dd></dl>'
    '<a href="/en/contacts/{slug}.vcf">Download vCard</a></div>'
)


def _vcard_page_en() -> str:
    return (
        '<html lang="en"><body><header><nav><a href="/en/">Home</a></nav></header><main>'
        "<article><h1>Brussels food makers head to Stockholm</h1>"
        '<div class="content"><p>Ten food companies from the region will present their products '
        "at the Nordic trade fair in Stockholm this spring, with the support of the agency.</p>"
        "<p>The mission includes meetings with distributors and a tasting event for buyers.</p>"
        '</div><h2>Your contacts</h2><div class="people">'
        + _EN_PERSON.format(
            name="Sophie Lambert",
            role="Export advisor",
            tel="+32 2 422 00 11",
            mobile="<dt>Mobile</dt><dd>+32 475 12 34 56</dd>",
            email="SLambert@hub.brussels",
            slug="sophie-lambert",
        )
        + _EN_PERSON.format(
            name="Tom Verhaegen",
            role="Trade attaché Stockholm",
            tel="+46 8 123 456 78",
            mobile="",
            email="tverhaegen@hub.brussels",
            slug="tom-verhaegen",
        )
        + "</div></article></main></body></html>"
    )


def test_dl_contact_cards_with_a_vcard_link_are_contacts_not_related() -> None:
    record = _record(_vcard_page_en(), "https://hub.brussels/en/news/stockholm-food-fair/")
    assert record.contacts == [
        Contact(
            name="Sophie Lambert",
            role="Export advisor",
            phones=["+3224220011", "+32475123456"],
            emails=["slambert@hub.brussels"],
        ),
        Contact(
            name="Tom Verhaegen",
            role="Trade attaché Stockholm",
            phones=["+46812345678"],
            emails=["tverhaegen@hub.brussels"],
        ),
    ]
    assert record.related == []


def test_french_bem_contact_cards_with_dl_rows_and_absolute_vcard_links() -> None:
    # sibling: French, BEM classes, each dt/dd pair wrapped in a <div>, the name and role as
    # spans, the vCard link absolute and the e-mail not linked
    card = (
        '<article class="card-contact"><div class="card-contact__body">'
        '<span class="card-contact__name">{name}</span>'
        '<span class="card-contact__role">{role}</span>'
        '<dl class="card-contact__channels"><div><dt>Tél.</dt><dd>{tel}</dd></div>'
        "<div><dt>E-mail</dt><dd>{email}</dd></div></dl></div>"
        '<a class="card-contact__vcard" href="https://hub.brussels/fr/contact/{slug}.vcf">'
        "Télécharger la vCard</a></article>"
    )
    html = (
        '<html lang="fr"><body><main><article>'
        "<h1>Un salon de la mode à Paris pour les créateurs bruxellois</h1>"
        "<p>Huit créateurs de la région présenteront leurs collections au salon parisien du mois "
        "de mars, avec le soutien de l'agence.</p>"
        "<p>Les inscriptions pour les exposants sont ouvertes jusqu'à la fin du mois.</p>"
        '<section class="contacts"><h2>Contacts</h2>'
        + card.format(
            name="Camille Dubois",
            role="Chargée de projet",
            tel="02 800 40 55",
            email="Camille.Dubois@hub.brussels",
            slug="camille-dubois",
        )
        + card.format(
            name="Julien Marchal",
            role="Responsable presse",
            tel="02 800 40 57",
            email="julien.marchal@hub.brussels",
            slug="julien-marchal",
        )
        + "</section></article></main></body></html>"
    )
    record = _record(html, "https://hub.brussels/fr/actualites/salon-mode-paris/")
    assert record.contacts == [
        Contact(
            name="Camille Dubois",
            role="Chargée de projet",
            phones=["+3228004055"],
            emails=["camille.dubois@hub.brussels"],
        ),
        Contact(
            name="Julien Marchal",
            role="Responsable presse",
            phones=["+3228004057"],
            emails=["julien.marchal@hub.brussels"],
        ),
    ]
    assert record.related == []


# -- 2. a postal code and its town are one part of an address ---------------------------------


def _address_page(address: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><body><main><article><h1>Brussels food makers head north</h1>'
        "<p>Ten food companies from the region will present their products at the Nordic trade "
        "fair this spring, with the support of the agency and its offices abroad.</p>"
        "<p>The mission includes meetings with distributors and a tasting event for buyers.</p>"
        '<h2>Contact</h2><div class="contact"><p><strong>Anna Berg</strong><br>Trade attaché</p>'
        f"{address}<p>Tel. +46 8 123 456 78<br>anna.berg@hub.brussels</p></div>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (
            '<p class="adr"><span class="street-address">Kungsgatan 12</span><br>'
            '<span class="postal-code">111 56</span> <span class="locality">Stockholm</span></p>',
            "Kungsgatan 12, 111 56 Stockholm",
        ),
        (
            '<div class="adr"><div>10 Downing Street</div><div>SW1A 2AA</div><div>London</div>'
            "</div>",
            "10 Downing Street, SW1A 2AA London",
        ),
        (
            '<div class="adr"><div>Rue Royale 2</div><div>1000</div><div>Bruxelles</div></div>',
            "Rue Royale 2, 1000 Bruxelles",
        ),
    ],
)
def test_a_postal_code_stays_with_its_town(address: str, expected: str) -> None:
    record = _record(_address_page(address), "https://example.com/en/news/nordic-food-fair/")
    assert [(c.name, c.address) for c in record.contacts] == [("Anna Berg", expected)]


# -- 4. lists of other articles: SPIP's "menu" lists, most-read ranks, "Lire aussi" boxes ------

_SPIP = (
    '<html lang="fr"><body><div class="page"><div class="header"><a href="/">Bruxelles Commerce'
    '</a></div><div class="main"><div class="contenu"><h1 class="titre">Les marchés de quartier '
    'reprennent vie</h1><div class="texte"><p>Les marchés de quartier de la région ont retrouvé '
    "leur fréquentation d'avant la crise, selon une étude publiée ce mardi par l'observatoire du "
    "commerce.</p>{inline}<p>Les commerçants non sédentaires restent toutefois inquiets face à la "
    "hausse du prix des emplacements et demandent une concertation.</p></div></div>"
    '<div class="aside">{aside}</div></div></div></body></html>'
)
_SPIP_URL = "https://www.bxl-commerce.example/Les-marches-de-quartier-reprennent"


def test_spip_menu_lists_named_by_their_heading_are_related() -> None:
    # SPIP's templates class both lists "menu": the heading naming other articles wins
    aside = (
        '<div class="menu menu_articles"><h2>Dans la même rubrique</h2><ul>'
        '<li><a href="/Les-commerces-recrutent">Les commerces de proximité recrutent</a>'
        "<small>12 mars 2026</small></li>"
        '<li><a href="/Une-prime-vitrines">Une prime pour rénover les vitrines</a></li></ul></div>'
        '<div class="menu"><h2>Les plus lus</h2><ul>'
        '<li><a href="/Les-soldes-d-hiver">Les soldes d\'hiver en chiffres</a></li>'
        '<li><a href="/Ouvrir-un-commerce">Ouvrir un commerce à Bruxelles</a></li></ul></div>'
    )
    record = _record(_SPIP.format(inline="", aside=aside), _SPIP_URL)
    assert [(c.title, c.published) for c in record.related] == [
        ("Les commerces de proximité recrutent", dt.date(2026, 3, 12)),
        ("Une prime pour rénover les vitrines", None),
        ("Les soldes d'hiver en chiffres", None),
        ("Ouvrir un commerce à Bruxelles", None),
    ]


def test_a_menu_of_pages_under_a_related_heading_in_the_header_stays_furniture() -> None:
    # sibling: the same heading inside the site's header menu names no list of the article's
    html = (
        '<html lang="fr"><body><header class="site-header"><div class="menu">'
        "<h2>Dans la même rubrique</h2><ul>"
        '<li><a href="/Les-commerces-recrutent">Les commerces de proximité recrutent</a></li>'
        '<li><a href="/Une-prime-vitrines">Une prime pour rénover les vitrines</a></li></ul>'
        "</div></header>" + _SPIP.format(inline="", aside="").split("<body>", 1)[1]
    )
    assert _record(html, _SPIP_URL).related == []


def test_an_inline_lire_aussi_box_of_one_bare_link_is_related() -> None:
    inline = (
        '<div class="encadre"><p><strong>Lire aussi :</strong> '
        '<a href="/Le-marche-du-Midi-s-agrandit">Le marché du Midi s\'agrandit</a></p></div>'
    )
    record = _record(_SPIP.format(inline=inline, aside=""), _SPIP_URL)
    assert record.related == [
        RelatedCard(
            title="Le marché du Midi s'agrandit",
            url="https://www.bxl-commerce.example/Le-marche-du-Midi-s-agrandit",
        )
    ]


def test_a_dutch_lees_ook_box_with_two_links_is_related() -> None:
    # sibling: Dutch, the label a <span>, the links in a list, on a hub.brussels page
    html = (
        '<html lang="nl"><body><main><article><h1>Buurtmarkten leven weer op</h1>'
        "<p>De buurtmarkten in het gewest trekken opnieuw evenveel bezoekers als voor de crisis, "
        "volgens een studie die dinsdag werd gepubliceerd.</p>"
        '<aside class="box"><span>Lees ook</span><ul>'
        '<li><a href="/nl/nieuws/zuidmarkt-groeit/">De Zuidmarkt groeit</a></li>'
        '<li><a href="/nl/nieuws/nieuwe-biomarkt/">Een nieuwe biomarkt in Elsene</a></li></ul>'
        "</aside><p>De gemeente plant in de lente een overleg met de marktkramers over de "
        "prijzen van de standplaatsen.</p></article></main></body></html>"
    )
    record = _record(html, "https://hub.brussels/nl/nieuws/buurtmarkten/")
    assert [(c.title, c.sector, c.published) for c in record.related] == [
        ("De Zuidmarkt groeit", None, None),
        ("Een nieuwe biomarkt in Elsene", None, None),
    ]


def _most_read(item: str) -> str:
    items = [
        ("/news/2026/03/metro-line-delayed", "Metro line 3 delayed again"),
        ("/business/2026/03/02/new-bike-lanes", "New bike lanes on the inner ring"),
        ("/news/2026/03/airport-night-flights", "Airport night flights under review"),
    ]
    return (
        '<html lang="en"><body><header class="site-header"><a href="/">The Capital Post</a>'
        "</header><main><article><h1>Port of Brussels plans new logistics hub</h1>"
        '<div class="article-body"><p>The Port of Brussels has unveiled plans for a new logistics '
        "hub on the canal, designed to take hundreds of lorries off the ring road each day.</p>"
        "<p>Construction is due to begin next year, pending a final environmental permit.</p>"
        "</div></article><aside><h2>Most Read</h2><ol>"
        + "".join(item.format(rank=k + 1, href=h, title=t) for k, (h, t) in enumerate(items))
        + "</ol></aside></main></body></html>"
    )


@pytest.mark.parametrize(
    "item",
    [
        '<li><span class="rank">{rank}</span><a href="{href}">{title}</a></li>',
        '<li><h3><span>{rank}</span> <a href="{href}">{title}</a></h3></li>',
    ],
)
def test_a_most_read_list_gives_every_item_without_its_rank(item: str) -> None:
    # the second item lives in another section, at another path depth than the page
    record = _record(_most_read(item), "https://capitalpost.example/news/2026/03/port-hub")
    assert [c.title for c in record.related] == [
        "Metro line 3 delayed again",
        "New bike lanes on the inner ring",
        "Airport night flights under review",
    ]


def test_a_link_of_another_depth_alone_beside_the_text_is_no_related() -> None:
    # sibling: an article link of another shape that is no item of any list stays out
    html = (
        '<html lang="en"><body><main><article><h1>Port of Brussels plans new logistics hub</h1>'
        "<p>The Port of Brussels has unveiled plans for a new logistics hub on the canal, "
        "designed to take hundreds of lorries off the ring road each day.</p>"
        '<p><a href="/business/2026/03/02/port-budget">Port budget</a></p>'
        "</article></main></body></html>"
    )
    assert _record(html, "https://capitalpost.example/news/2026/03/port-hub").related == []


# -- 5. translations offered only by a language <select> ---------------------------------------


def _select_page(lang: str, options: str, headline: str) -> str:
    return (
        f'<html lang="{lang}"><body><header><form class="lang">'
        f'<select onchange="location=this.value">{options}</select></form></header>'
        f"<main><article><h1>{headline}</h1><p>Ten food companies from the region will present "
        "their products at the Nordic trade fair in Stockholm this spring, with the support of "
        "the agency and its offices abroad.</p></article></main></body></html>"
    )


def test_a_language_select_of_absolute_urls_gives_the_translations() -> None:
    options = (
        '<option value="https://hub.brussels/fr/actualites/salon-alimentaire/" selected>'
        "Français</option>"
        '<option value="https://hub.brussels/nl/nieuws/voedings-beurs/">Nederlands</option>'
        '<option value="https://hub.brussels/en/news/food-fair/">English</option>'
    )
    url = "https://hub.brussels/fr/actualites/salon-alimentaire/"
    record = _record(_select_page("fr", options, "Un salon alimentaire"), url)
    assert record.translations == {
        "nl": "https://hub.brussels/nl/nieuws/voedings-beurs/",
        "en": "https://hub.brussels/en/news/food-fair/",
    }


def test_a_language_select_of_codes_and_relative_urls_gives_the_translations() -> None:
    # sibling: relative values, the code in each option's lang attribute, the text a code
    options = (
        '<option value="/en/business/food-fair" lang="en" selected>EN</option>'
        '<option value="/fr/economie/salon-alimentaire" lang="fr">FR</option>'
        '<option value="/nl/economie/voedings-beurs">NL</option>'
    )
    url = "https://news.example/en/business/food-fair"
    record = _record(_select_page("en", options, "A food fair"), url)
    assert record.translations == {
        "fr": "https://news.example/fr/economie/salon-alimentaire",
        "nl": "https://news.example/nl/economie/voedings-beurs",
    }


def test_a_select_of_home_pages_or_sort_orders_gives_no_translation() -> None:
    url = "https://news.example/en/business/food-fair"
    homes = (
        '<option value="/en/business/food-fair" selected>English</option>'
        '<option value="/fr/">Français</option><option value="/nl/">Nederlands</option>'
    )
    sorts = (
        '<option value="">Sort by</option>'
        '<option value="/en/business/newest-first">Newest first</option>'
    )
    assert _record(_select_page("en", homes, "A food fair"), url).translations == {}
    assert _record(_select_page("en", sorts, "A food fair"), url).translations == {}


# -- 6. the sector pill of the meta row under the headline; a blog's own name is none ----------


def _meta_page(lang: str, head: str, site: str, above: str, meta: str) -> str:
    return (
        f'<html lang="{lang}"><head>{head}</head><body><header class="site-header">'
        f'<a href="/">{site}</a></header><main><article>{above}<h1>Food makers head north</h1>'
        f"{meta}<p>Ten food companies from the region will present their products at the Nordic "
        "trade fair in Stockholm this spring, with the support of the agency and its offices "
        "abroad.</p><p>The mission includes meetings with distributors and a tasting event for "
        "buyers from the whole region.</p></article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "meta", "expected"),
    [
        (
            "en",
            '<div class="meta"><a class="pill" href="/topics/economy/">Economy</a>'
            '<time datetime="2026-03-12">12 March 2026</time></div>',
            "Economy",
        ),
        (
            "fr",
            '<p class="meta-row"><time datetime="2026-03-12">12 mars 2026</time> · '
            '<a href="/rubrique/economie" class="tag-pill">Économie</a></p>',
            "Économie",
        ),
    ],
)
def test_a_pill_link_beside_the_time_under_the_headline_is_the_sector(
    lang: str, meta: str, expected: str
) -> None:
    url = "https://capitalpost.example/news/2026/03/food-makers-north"
    record = _record(_meta_page(lang, "", "The Capital Post", "", meta), url)
    assert (record.sector, record.published) == (expected, dt.date(2026, 3, 12))


def test_an_author_link_beside_the_time_under_the_headline_is_no_sector() -> None:
    meta = (
        '<div class="meta"><a href="/authors/jane-doe">Jane Doe</a> '
        '<time datetime="2026-03-12">12 March 2026</time></div>'
    )
    url = "https://capitalpost.example/news/2026/03/food-makers-north"
    assert _record(_meta_page("en", "", "The Capital Post", "", meta), url).sector is None


@pytest.mark.parametrize(
    ("head", "above"),
    [
        (
            '<meta property="og:site_name" content="Atelier Notes">',
            '<p class="blog-title"><a href="/">Atelier Notes</a></p>',
        ),
        (
            '<meta property="og:site_name" content="La Boutique du Sablon">',
            '<div class="eyebrow">La Boutique du Sablon</div>',
        ),
    ],
)
def test_the_blogs_own_name_above_the_headline_is_no_sector(head: str, above: str) -> None:
    meta = '<p><time datetime="2026-03-12">12 March 2026</time></p>'
    url = "https://ateliernotes.example/blog/why-we-moved-our-workshop"
    assert _record(_meta_page("en", head, "Shop", above, meta), url).sector is None


# -- 3. an author bio with channels on a news site is no contact (DECISIONS: none) ------------

_NEWS = (
    '<html lang="{lang}"><body><div class="wrap"><article><h1>{h1}</h1><div class="entry">'
    "<p>The city unveiled its plan for a cycle bridge over the canal on Tuesday, due to open in "
    "2028 after long delays.</p><p>Works start in the spring, after public consultations in "
    "three districts of the region.</p></div>{box}</article></div></body></html>"
)


@pytest.mark.parametrize(
    ("lang", "box"),
    [
        (
            "en",
            '<footer class="byline-box"><h4>About the author</h4><p>Covers transport and urban '
            "planning for the paper since 2019, after ten years at a regional weekly.</p>"
            '<p><a href="mailto:jan.peeters@dailypaper.com">jan.peeters@dailypaper.com</a></p>'
            "</footer>",
        ),
        (
            "fr",
            '<div class="bio"><img src="/ml.jpg" alt=""><p><strong>Marie Lenoir</strong> est '
            "journaliste au service économie du quotidien depuis 2015.</p>"
            "<p>Contact : marie.lenoir@lequotidien.be</p></div>",
        ),
        (
            "fr",
            '<div class="auteur"><p>Journaliste au service économie du quotidien depuis 2015, '
            "spécialiste de la mobilité.</p><p>marie.lenoir@lequotidien.be · +32 2 555 12 34</p>"
            "</div>",
        ),
    ],
)
def test_an_author_bio_box_with_channels_is_no_nameless_contact(lang: str, box: str) -> None:
    html = _NEWS.format(lang=lang, h1="A cycle bridge over the canal", box=box)
    assert _record(html, "https://dailypaper.example/news/bridge-canal").contacts == []


def test_an_invitation_to_write_with_an_address_stays_a_contact() -> None:
    # sibling: the sentence addresses the reader: the organisation's contact, kept without name
    box = (
        '<div class="contact"><p>Would you like to take part in the consultations? Write to '
        "the project team, we answer within two days.</p><p>canal@brussels-city.example</p></div>"
    )
    html = _NEWS.format(lang="en", h1="A cycle bridge over the canal", box=box)
    record = _record(html, "https://brussels-city.example/news/bridge-canal")
    assert record.contacts == [Contact(emails=["canal@brussels-city.example"])]


def _shop_blog(head: str, above: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>Our spring collection – Maison Verte</title>{head}'
        '</head><body><header><a href="/">Home</a></header><main><article>'
        f"{above}<h1>Our spring collection</h1>"
        '<p><time datetime="2026-03-12">12 March 2026</time></p><p>Our new linen shirts and '
        "dresses arrive in the shop this week, woven in a small mill in Flanders.</p><p>Each "
        "piece is dyed by hand with plants from our own garden, in six new colours.</p>"
        "</article></main></body></html>"
    )


_SHOP_URL = "https://maisonverte.example/blogs/journal/our-spring-collection"


@pytest.mark.parametrize(
    ("head", "above"),
    [
        (
            '<meta property="og:site_name" content="Maison Verte">',
            '<p class="blog-name"><a href="/blogs/journal">Maison Verte Journal</a></p>',
        ),
        # no og:site_name: the <title>'s site part names it
        ("", '<p class="blog-name"><a href="/blogs/journal">Maison Verte</a></p>'),
    ],
)
def test_a_link_naming_the_shop_above_the_headline_is_no_sector(head: str, above: str) -> None:
    assert _record(_shop_blog(head, above), _SHOP_URL).sector is None


def test_a_section_link_above_the_headline_of_a_news_site_stays_the_sector() -> None:
    # sibling: the link names a section, not the site
    above = '<div class="kicker"><a href="/blogs/journal">Linen care</a></div>'
    head = '<meta property="og:site_name" content="Maison Verte">'
    assert _record(_shop_blog(head, above), _SHOP_URL).sector == "Linen care"
