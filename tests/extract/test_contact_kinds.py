"""Kinds of contact misses of issue 13, each with a sibling in another language and markup: person
cards side by side whose channels are only `tel:`/`mailto:` links, North-American numbers written
without country code, and the site's newsroom address or a byline taken for the article's contact.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.extract.contacts import phones_in
from scraper.models import Contact
from scraper.sites import profile_for_url

TEXT_NL = (
    "<p>Japan blijft een belangrijke markt voor Brusselse bedrijven in de zorg en de voeding.</p>"
    "<p>Onze vertegenwoordiger legt uit hoe je er begint en welke beurzen je niet mag missen.</p>"
)
TEXT_EN = (
    "<p>Brazil is the largest market in Latin America for Brussels software companies.</p>"
    "<p>Our representative explains where to start and which trade fairs matter this year.</p>"
)
TEXT_FR = (
    "<p>La ville a présenté mardi son projet de pont cyclable au-dessus du canal, qui doit ouvrir "
    "en 2028 selon le calendrier.</p><p>Les travaux commenceront au printemps, après les "
    "consultations publiques prévues dans trois arrondissements.</p>"
)


def _contacts(html: str, url: str) -> list[Contact]:
    return extract_article(html, url, profile=profile_for_url(url)).contacts


# --- 1. person cards side by side, channels only as tel:/mailto: links ---------------------------


def _bem_cards(heading: str = "Contact", crumbs: str = "", gap: str = "") -> str:
    """Two BEM cards written as `<article>`s (no "contact" in any class name)."""
    card = (
        '<article class="person">{gap}<h3 class="person__name">{name}</h3>{gap}'
        '<p class="person__role">{role}</p><div class="person__links">'
        '<a class="person__link" href="tel:{tel}">Bel</a>{gap}'
        '<a class="person__link" href="mailto:{mail}">Mail</a></div></article>'
    )
    cards = card.format(
        gap=gap, name="Kenji Watanabe", role="Handelsattaché Japan (Tokio)",
        tel="+81335551234", mail="tokyo@hub.brussels",
    ) + card.format(
        gap=gap, name="Lotte Janssens", role="Desk Azië (Brussel)",
        tel="+3228004321", mail="ljanssens@hub.brussels",
    )  # fmt: skip
    return (
        '<html lang="nl"><body><header class="site-header"><nav><a href="/nl/">Home</a></nav>'
        f'</header><main class="page">{crumbs}<article class="article">'
        f'<h1 class="article__title">Vijf vragen aan onze man in Tokio</h1>'
        f'<div class="article__body">{TEXT_NL}</div><section class="people">'
        f'<h2 class="people__title">{heading}</h2><div class="people__grid">{cards}</div>'
        "</section></article></main></body></html>"
    )


BEM_CARDS = [
    Contact(
        name="Kenji Watanabe",
        role="Handelsattaché Japan (Tokio)",
        phones=["+81335551234"],
        emails=["tokyo@hub.brussels"],
    ),
    Contact(
        name="Lotte Janssens",
        role="Desk Azië (Brussel)",
        phones=["+3228004321"],
        emails=["ljanssens@hub.brussels"],
    ),
]


def test_bem_cards_written_as_articles_are_two_contacts() -> None:
    assert _contacts(_bem_cards(), "https://hub.brussels/nl/nieuws/tokio/") == BEM_CARDS


def test_aside_cards_one_without_email_stay_apart() -> None:
    # sibling: English, generic profile, `<aside>` cards, the second with a phone only (the
    # grid then holds one address: only the repeated card unit keeps the two people apart)
    html = (
        '<html lang="en"><body><main><article><h1>Five questions for our woman in São Paulo</h1>'
        f'<div class="story">{TEXT_EN}<div class="team">'
        '<aside class="team-member"><strong class="team-member__name">Ana Souza</strong>'
        '<span class="team-member__job">Trade attaché Brazil</span>'
        '<a class="team-member__tel" href="tel:+551130305500">Call</a>'
        '<a class="team-member__mail" href="mailto:saopaulo@agency.example">Email</a></aside>'
        '<aside class="team-member"><strong class="team-member__name">Pieter Claes</strong>'
        '<span class="team-member__job">Latin America desk</span>'
        '<a class="team-member__tel" href="tel:+3225001122">Call</a></aside>'
        "</div></div></article></main></body></html>"
    )
    assert _contacts(html, "https://agency.example/en/news/sao-paulo/") == [
        Contact(
            name="Ana Souza",
            role="Trade attaché Brazil",
            phones=["+551130305500"],
            emails=["saopaulo@agency.example"],
        ),
        Contact(name="Pieter Claes", role="Latin America desk", phones=["+3225001122"]),
    ]


@pytest.mark.parametrize(
    "edit",
    [
        {"heading": "Uw contactpersonen"},
        {"gap": "\n   \n"},
        {"crumbs": '<nav class="crumbs"><ol><li><a href="/nl/">Home</a></li></ol></nav>'},
    ],
)
def test_bem_cards_survive_neutral_edits(edit: dict[str, str]) -> None:
    assert _contacts(_bem_cards(**edit), "https://hub.brussels/nl/nieuws/tokio/") == BEM_CARDS


# --- 2. North-American numbers without country code ----------------------------------------------


def _quebec(lang: str = "fr-CA", heading: str = "Pour joindre", crumbs: str = "") -> str:
    return (
        f'<html lang="{lang}"><body><div class="site">{crumbs}<main><article>'
        f"<h1>Un nouveau pont cyclable pour Montréal</h1>{TEXT_FR}<h3>{heading}</h3>"
        "<p>Marie Tremblay, directrice des communications<br>514 555-0199<br>"
        '<a href="mailto:mtremblay@ville.example">mtremblay@ville.example</a></p>'
        "</article></main></div></body></html>"
    )


MARIE = Contact(
    name="Marie Tremblay",
    role="directrice des communications",
    phones=["+15145550199"],
    emails=["mtremblay@ville.example"],
)
QUEBEC_URL = "https://lecourrier.example/2026/03/pont-cyclable/"


def test_a_quebec_number_is_read_in_the_declared_region() -> None:
    assert _contacts(_quebec(), QUEBEC_URL) == [MARIE]


@pytest.mark.parametrize(
    "edit",
    [
        {"heading": "Renseignements"},
        {
            "crumbs": '<nav class="crumbs"><a href="/">Accueil</a> › <a href="/ville/">Ville</a></nav>'
        },
    ],
)
def test_a_quebec_contact_survives_neutral_edits(edit: dict[str, str]) -> None:
    assert _contacts(_quebec(**edit), QUEBEC_URL) == [MARIE]


def test_a_us_number_is_read_in_the_og_locale_region() -> None:
    # sibling: English, the region only in og:locale, the phone in parentheses on a labelled line
    html = (
        '<html lang="en"><head><meta property="og:locale" content="en_US"></head><body><main>'
        f"<article><h1>Ferry service resumes</h1>{TEXT_EN}"
        '<div class="media-contact"><p>John Miller | communications director</p>'
        "<p>Phone: (212) 555-0147</p><p>jmiller@port.example</p></div>"
        "</article></main></body></html>"
    )
    assert _contacts(html, "https://port.example/news/ferry/") == [
        Contact(
            name="John Miller",
            role="communications director",
            phones=["+12125550147"],
            emails=["jmiller@port.example"],
        )
    ]


def test_the_address_country_says_the_region_when_the_page_does_not() -> None:
    # no region in the page's language: the contact's Canadian postcode names it
    html = (
        '<html lang="fr"><body><main><article><h1>Un nouveau pont</h1>'
        f"{TEXT_FR}<p>Marie Tremblay, directrice des communications<br>"
        "1250 rue Sherbrooke Ouest<br>Montréal (Québec) H3G 1M8<br>(514) 555-0199</p>"
        "</article></main></body></html>"
    )
    assert _contacts(html, "https://journal.example/pont/") == [
        Contact(
            name="Marie Tremblay",
            role="directrice des communications",
            address="1250 rue Sherbrooke Ouest, Montréal (Québec) H3G 1M8",
            phones=["+15145550199"],
        )
    ]


def test_a_profile_region_wins_over_the_page_language() -> None:
    # hub.brussels writes Belgian numbers, whatever region a page's language tag claims
    html = (
        '<html lang="en-US"><body><main><article><h1>Meet the team</h1>'
        f"{TEXT_EN}<p>Sarah Peeters<br>Project lead<br>02 800 40 00<br>"
        "speeters@hub.brussels</p></article></main></body></html>"
    )
    assert _contacts(html, "https://hub.brussels/en/news/team/") == [
        Contact(
            name="Sarah Peeters",
            role="Project lead",
            phones=["+3228004000"],
            emails=["speeters@hub.brussels"],
        )
    ]


# --- 3. the site's footer in a <div>, and a byline -----------------------------------------------


def test_a_newsroom_address_in_a_footer_div_is_not_the_contact() -> None:
    footer = (
        '<div class="pied-de-page"><div class="pied-de-page__col"><p>Joindre la rédaction</p>'
        '<p><a href="mailto:redaction@lecourrier.example">redaction@lecourrier.example</a></p>'
        "<p>514 555-0100</p></div><p>© 2026 Le Courrier. Tous droits réservés.</p></div>"
    )
    html = _quebec().replace("</main>", f"</main>{footer}")
    byline = '<p class="auteur">Par <a href="mailto:jdupont@lecourrier.example">Jean Dupont</a></p>'
    html = html.replace("</h1>", f"</h1>{byline}")
    assert _contacts(html, QUEBEC_URL) == [MARIE]


def test_a_newsroom_address_after_main_is_not_the_contact() -> None:
    # sibling: English, no copyright line, no class: the block follows the page's <main>
    html = (
        '<html lang="en-NZ"><body><div id="wrap"><main><article><h1>Harbour bridge to close</h1>'
        '<p class="byline">By <a href="mailto:kate.ngata@herald.example">Kate Ngata</a>, '
        f"reporter</p>{TEXT_EN}</article></main><div><h4>Contact the newsroom</h4>"
        '<p>Newsroom<br><a href="mailto:news@herald.example">news@herald.example</a><br>'
        "09 555 0100</p></div></div></body></html>"
    )
    assert _contacts(html, "https://herald.example/news/bridge/") == []


def test_a_card_is_never_split_into_its_parts() -> None:
    # each card's head and foot hold a channel: two parts of one card (their classes differ), not
    # a row of cards; the row is the cards themselves
    card = (
        '<div class="card"><div class="card__head"><p>{name}</p><a href="tel:{tel}">Bel</a></div>'
        '<div class="card__foot"><p>{office}</p><a href="mailto:{mail}">Mail</a></div></div>'
    )
    cards = card.format(
        name="Kenji Watanabe",
        tel="+81335551234",
        mail="tokyo@hub.brussels",
        office="Akasaka, Tokio",
    )
    cards += card.format(
        name="Lotte Janssens",
        tel="+3228004321",
        mail="ljanssens@hub.brussels",
        office="Elsene, Brussel",
    )
    html = (
        f'<html lang="nl"><body><main><article><h1>Onze mensen</h1>{TEXT_NL}'
        f'<div class="cards">{cards}</div></article></main></body></html>'
    )
    found = _contacts(html, "https://hub.brussels/nl/nieuws/mensen/")
    assert [(c.name, c.phones, c.emails) for c in found] == [
        ("Kenji Watanabe", ["+81335551234"], ["tokyo@hub.brussels"]),
        ("Lotte Janssens", ["+3228004321"], ["ljanssens@hub.brussels"]),
    ]


def test_a_date_is_no_phone_number_in_any_region() -> None:
    # read in Germany (a page declaring de-DE), "08.04.2015 12:46" would be a valid number
    assert phones_in("08.04.2015 12:46", ("DE",)) == []
    assert phones_in("Tel. 089 1234 5678", ("DE",)) == ["+498912345678"]


def test_a_surname_first_contact_is_no_byline() -> None:
    # "Van Damme Jan" starts like "van …" (Dutch "by"): only "Par", "Door", "By" credit an author
    html = (
        '<html lang="nl"><body><main><article><h1>Onze mensen</h1>'
        f"{TEXT_NL}<p>Van Damme Jan<br>Exportadviseur<br>"
        '<a href="mailto:jvandamme@hub.brussels">jvandamme@hub.brussels</a></p>'
        "</article></main></body></html>"
    )
    assert _contacts(html, "https://hub.brussels/nl/nieuws/mensen/") == [
        Contact(name="Van Damme Jan", role="Exportadviseur", emails=["jvandamme@hub.brussels"])
    ]
