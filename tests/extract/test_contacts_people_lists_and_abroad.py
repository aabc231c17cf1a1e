"""Contact kinds (lists of people, contacts abroad), each in fr, nl and en with a sibling in other
markup: a `<dl>` of people (a name in each `<dt>`, role and channels in the `<dd>`s) read as
contacts is no body text as well; a contact abroad keeps its phone number out of its address (the
country its address names read in CLDR's names, a fax beside the phone, a number glued to the
address)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Contact
from tests.extract.news_pages import TEXTS

URL = "https://news.example/2026/05/12/tram/"


def _page(lang: str, after: str) -> str:
    p = "".join(f"<p>{t}</p>" for t in TEXTS[lang]["p"])  # type: ignore[union-attr]
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body><main><article>"
        f"<h1>{title}</h1><div class='story'>{p}{after}</div></article></main></body></html>"
    )


# 1. a <dl> of people: each contact read from it, none of its lines left in the body


@pytest.mark.parametrize(
    ("lang", "dl", "contacts"),
    [
        (
            "en",
            "<dl><dt><strong>Tom Baker</strong></dt><dd>Press officer<br>+44 20 7946 0000<br>"
            "tom.baker@city.example</dd><dt><strong>Jane Roe</strong></dt><dd>Spokesperson<br>"
            "+44 20 7946 0001<br>jane.roe@city.example</dd></dl>",
            [
                Contact("Tom Baker", "Press officer", None, ["+442079460000"],
                        ["tom.baker@city.example"]),
                Contact("Jane Roe", "Spokesperson", None, ["+442079460001"],
                        ["jane.roe@city.example"]),
            ],
        ),
        (
            "fr",
            "<h3>Contacts presse</h3><dl><dt>Sophie Martin</dt><dd>Attachée de presse</dd>"
            "<dd>+32 2 555 12 34</dd><dd>smartin@ville.example</dd><dt>Marc Dubois</dt>"
            "<dd>Porte-parole</dd><dd>+32 2 555 12 35</dd><dd>mdubois@ville.example</dd></dl>",
            [
                Contact("Sophie Martin", "Attachée de presse", None, ["+3225551234"],
                        ["smartin@ville.example"]),
                Contact("Marc Dubois", "Porte-parole", None, ["+3225551235"],
                        ["mdubois@ville.example"]),
            ],
        ),
        (
            "nl",
            "<dl class='persinfo'><dt><b>Els Peeters</b></dt><dd>Woordvoerder<br>T +32 2 555 43 "
            "21<br>els.peeters@stad.example</dd><dt><b>Koen Maes</b></dt><dd>Persattaché<br>T "
            "+32 2 555 43 22<br>koen.maes@stad.example</dd></dl>",
            [
                Contact("Els Peeters", "Woordvoerder", None, ["+3225554321"],
                        ["els.peeters@stad.example"]),
                Contact("Koen Maes", "Persattaché", None, ["+3225554322"],
                        ["koen.maes@stad.example"]),
            ],
        ),
    ],
)  # fmt: skip
def test_a_definition_list_of_people_is_contacts_not_body(
    lang: str, dl: str, contacts: list[Contact]
) -> None:
    record = extract_article(_page(lang, dl), URL)
    assert record.contacts == contacts
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    text = TEXTS[lang]["p"]
    assert isinstance(text, list)
    assert [line for line in body.split("\n\n") if line not in text] == [], body


# 2. a contact abroad: its phone is a phone (E.164), never part of its address


def _abroad(lang: str, lines: list[str]) -> Contact:
    block = "<p><strong>Contact</strong></p><p>" + "<br>".join(lines) + "</p>"
    contacts = extract_article(_page(lang, block), URL).contacts
    assert len(contacts) == 1, contacts
    return contacts[0]


@pytest.mark.parametrize(
    ("lang", "lines", "address", "phones"),
    [
        (  # the national form, the country written out in French: read in Morocco
            "fr",
            ["Youssef Alaoui", "Représentant", "Boulevard Anfa 12, 20000 Casablanca, Maroc",
             "Tél. 0522 33 44 55", "yalaoui@hub.example"],
            "Boulevard Anfa 12, 20000 Casablanca, Maroc",
            ["+212522334455"],
        ),
        (  # the same in Dutch, another country: Tunisia
            "nl",
            ["Amira Ben Salah", "Vertegenwoordiger", "Rue du Lac 5, 1053 Tunis, Tunesië",
             "71 123 456", "abensalah@hub.example"],
            "Rue du Lac 5, 1053 Tunis, Tunesië",
            ["+21671123456"],
        ),
        (  # a phone and a fax on one line, written with dots
            "fr",
            ["Youssef Alaoui", "Représentant", "Boulevard Anfa 12, 20000 Casablanca",
             "Tél. +212.522.33.44.55 – Fax +212.522.33.44.56", "yalaoui@hub.example"],
            "Boulevard Anfa 12, 20000 Casablanca",
            ["+212522334455"],
        ),
        (  # the number glued to the address (two spans), another country code: Senegal
            "en",
            ["Awa Diop", "Representative", "Route de Ngor 4, 12500 Dakar+221 33 869 12 34",
             "adiop@hub.example"],
            "Route de Ngor 4, 12500 Dakar",
            ["+221338691234"],
        ),
    ],
)  # fmt: skip
def test_a_contact_abroad_keeps_its_phone_out_of_its_address(
    lang: str, lines: list[str], address: str, phones: list[str]
) -> None:
    contact = _abroad(lang, lines)
    assert (contact.address, contact.phones) == (address, phones)
