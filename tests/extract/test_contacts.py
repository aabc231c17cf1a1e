"""Contact blocks of an article, in whatever markup; the site's own footer contact is never one."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.extract.contacts import phones_in
from scraper.models import Contact

URL = "https://hub.brussels/fr/blog/contact/"
TEXT = "<p>Une mission économique vers la Californie, avec des rendez-vous sur mesure pour nos entreprises.</p>"
FOOTER = (
    "<footer class='site-footer'><p>hub.brussels<br>Chaussée de Charleroi 110<br>1060 Bruxelles"
    "<br>+32 2 422 00 20<br>info@hub.brussels</p></footer>"
)
ERIC = Contact(
    name="Eric Gabrys",
    role="États-Unis (San Francisco - Silicon Valley)",
    address="98 Battery Street, Suite 601, San Francisco CA 94111, USA",
    phones=["+14152910130", "+14158664022"],
    emails=["sanfrancisco@hub.brussels"],
)


def _contacts(article_html: str, after: str = "") -> list[Contact]:
    html = (
        f"<html lang='fr'><body><main><article><h1>Titre</h1><div class='entry-content'>{TEXT}"
        f"{article_html}</div></article>{after}</main>{FOOTER}</body></html>"
    )
    return extract_article(html, URL).contacts


@pytest.mark.parametrize(
    "markup",
    [
        # vCard-like div, one element per field
        (
            "<div class='vcard'><p><strong>Eric Gabrys</strong></p><p>États-Unis (San Francisco - Silicon Valley)</p>"
            "<p>98 Battery Street, Suite 601<br>San Francisco CA 94111<br>USA</p>"
            "<p><a href='tel:+14152910130'>+1 415 291 0130</a><br>+1 415 866 4022</p>"
            "<p><a href='mailto:SanFrancisco@hub.brussels'>SanFrancisco@hub.brussels</a></p></div>"
        ),
        # one paragraph with line breaks, labels before the values, no contact class at all
        (
            "<p>Eric Gabrys<br>États-Unis (San Francisco - Silicon Valley)<br>98 Battery Street, Suite 601<br>"
            "San Francisco CA 94111<br>USA<br>Tél. : +1 415 291 0130<br>GSM : +1 415 866 4022<br>"
            "E-mail : SANFRANCISCO@HUB.BRUSSELS</p>"
        ),
    ],
)
def test_contact_markups_give_one_record(markup: str) -> None:
    assert _contacts(markup) == [ERIC]


def test_contact_in_an_aside_beside_the_article() -> None:
    aside = (
        "<aside class='sidebar'><h4>Votre contact</h4><p><strong>Eric Gabrys</strong></p>"
        "<p>États-Unis (San Francisco - Silicon Valley)</p><p>98 Battery Street, Suite 601<br>"
        "San Francisco CA 94111<br>USA</p><p>+1 415 291 0130<br>+1 415 866 4022</p>"
        "<p>sanfrancisco@hub.brussels</p></aside>"
    )
    assert _contacts("", after=aside) == [ERIC]


def test_two_contacts_stay_apart() -> None:
    markup = (
        "<div class='contacts'><div class='contact-person'><p>Claire Dumont<br>Desk Afrique<br>"
        "0032 2 800 40 00<br>cdumont@hub.brussels</p></div><div class='contact-person'>"
        "<p>Mehdi Benali<br>Maroc (Casablanca)<br>+212 522 26 44 11<br>casablanca@hub.brussels</p>"
        "</div></div>"
    )
    found = _contacts(markup)
    assert [(c.name, c.role, c.phones, c.emails) for c in found] == [
        ("Claire Dumont", "Desk Afrique", ["+3228004000"], ["cdumont@hub.brussels"]),
        ("Mehdi Benali", "Maroc (Casablanca)", ["+212522264411"], ["casablanca@hub.brussels"]),
    ]


def test_footer_and_a_mail_address_in_a_sentence_are_not_contacts() -> None:
    assert (
        _contacts(
            "<p>Écrivez à info@hub.brussels pour recevoir le programme complet de la mission.</p>"
        )
        == []
    )


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("+1 415 291 0130", "+14152910130"),
        ("02/422.00.20", "+3224220020"),
        ("+32 2 422 00 20", "+3224220020"),
        ("0032 2 800 40 00", "+3228004000"),
        ("0475 12 34 56", "+32475123456"),
        ("+44 20 7946 0123", "+442079460123"),
    ],
)
def test_phone_numbers_become_e164(written: str, e164: str) -> None:
    assert phones_in(f"Tél. : {written}", ("BE",)) == [e164]


@pytest.mark.parametrize("at", ["&#64;", "&#x40;", "&#064;"])
def test_an_address_written_with_a_character_reference_is_a_channel(at: str) -> None:
    # no literal "@" anywhere in the page: the address exists only once the page is parsed
    person = (
        "<div class='author'><p>Eric Gabrys</p><p>Conseiller export</p>"
        f"<p>sanfrancisco{at}hub.brussels</p></div>"
    )
    html = (
        f"<html lang='fr'><body><main><article><h1>Titre</h1><div class='entry-content'>{TEXT}"
        f"</div></article>{person}</main></body></html>"
    )
    assert "@" not in html
    assert extract_article(html, URL).contacts == [
        Contact(name="Eric Gabrys", role="Conseiller export", emails=["sanfrancisco@hub.brussels"])
    ]
