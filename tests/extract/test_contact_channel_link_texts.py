"""The text of a person's mailto:/tel: link ("Mail Tom", "Bel Sarah", "Envoyer un e-mail")
stands for that person's channel: never a name of its own. One person's card is one contact,
and the address of a link with a query (`?subject=`) is the address without it."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import profile_for_url

#: Anna Claes and Tom Willems, each with their own address
TWO_PEOPLE = [("Anna Claes", ["aclaes@hub.brussels"]), ("Tom Willems", ["twillems@hub.brussels"])]


def _contacts(lang: str, path: str, text: str, card: str) -> list:
    """The contacts of a hub.brussels article at `path`: its text, then the contact `card`."""
    url = f"https://hub.brussels/{lang}/{path}/"
    html = (
        f'<html lang="{lang}"><head><title>{path}</title></head><body><main><article>'
        f"<h1>{path}</h1><div class='entry'>{text}</div>{card}</article></main></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url)).contacts


def test_a_definition_list_card_with_a_named_mail_link_is_one_contact_per_person() -> None:
    contacts = _contacts(
        "en",
        "news/fashion-fair",
        "<p>Brussels fashion brands travelled to Copenhagen to meet buyers from the whole of"
        " Scandinavia and beyond, with the support of the regional agency.</p>"
        "<p>Twelve designers showed their new collections over three days in the city.</p>",
        "<div class='people'><h3>Your contacts</h3><dl>"
        "<dt>Anna Claes</dt><dd>Project manager</dd>"
        "<dd><a href='tel:+3228004011'>+32 2 800 40 11</a></dd>"
        "<dd><a href='mailto:aclaes@hub.brussels'>aclaes@hub.brussels</a></dd>"
        "<dt>Tom Willems</dt><dd>Head of Creative industries</dd>"
        "<dd><a href='tel:+3228004012'>+32 2 800 40 12</a></dd>"
        "<dd><a href='mailto:twillems@hub.brussels?subject=Fair'>Mail Tom</a></dd></dl></div>",
    )
    assert [(c.name, c.emails) for c in contacts] == TWO_PEOPLE
    assert contacts[1].phones == ["+3228004012"]


def test_a_card_with_call_and_mail_links_named_for_the_person_is_one_contact_in_dutch() -> None:
    # a sibling template: a card of paragraphs, both channels behind links named for her
    contacts = _contacts(
        "nl",
        "nieuws/modebeurs",
        "<p>Brusselse modemerken trokken naar Kopenhagen om er kopers uit heel Scandinavië te"
        " ontmoeten, met steun van het gewestelijk agentschap.</p>",
        "<div class='card'><p class='card__name'>Sarah Janssens</p>"
        "<p class='card__role'>Projectleider creatieve industrie</p>"
        "<p class='card__links'><a href='tel:+3228004013'>Bel Sarah</a></p>"
        "<p><a href='mailto:sjanssens@hub.brussels?subject=Modebeurs&amp;cc=x@y.be'>"
        "Mail Sarah</a></p></div>",
    )
    assert [(c.name, c.role, c.phones, c.emails) for c in contacts] == [
        (
            "Sarah Janssens",
            "Projectleider creatieve industrie",
            ["+3228004013"],
            ["sjanssens@hub.brussels"],
        )
    ]


def test_a_mail_link_written_as_the_name_still_names_each_person() -> None:
    # the link's text is the person's name itself: each person is still one contact
    contacts = _contacts(
        "fr",
        "actualites/salon-mode",
        "<p>Des marques de mode bruxelloises sont allées à Copenhague rencontrer des acheteurs"
        " de toute la Scandinavie, avec l'agence régionale.</p>",
        "<div class='contacts'><p><a href='mailto:aclaes@hub.brussels'>Anna Claes</a></p>"
        "<p><a href='mailto:twillems@hub.brussels'>Tom Willems</a></p></div>",
    )
    assert [(c.name, c.emails) for c in contacts] == TWO_PEOPLE
