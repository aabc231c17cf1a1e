"""Kinds of misses of round 5, each on pages written here in two languages or markups: contact
cards whose channels sit in a `<dl>` beside a "Download vCard" link (read as no contact, and the
vCard links as related articles), postal codes split from their town, lists of other articles
("Dans la même rubrique", "Most read", "Lire aussi"), translations offered only by a language
`<select>`, and the sector pill of the meta row (and a blog's own name, which is none)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Contact
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
