"""Contacts abroad written in a sentence (x31hub). Each kind on a page of
`pages_x30hub/` (`test_hub_unseen_templates_x30.py`) and on a sibling here in another template
or language:

- a contact named after a short opening clause and a verb ("Pour toute question, contactez
  Youssef Benali, notre attaché …, au …", "Voor vragen, contacteer Lotte Janssens, …"): the
  clause and the verb are no part of the name, the name and role are read;
- a local number whose country only a city of the sentence names ("à Casablanca, au 05 22 43
  61 70", "in Tokyo, on 03-5555-0123"): read in the country whose numbers of that area the
  phone library's geocoder places in that city, when the site's region reads none;
- a role closing with a place and its country before the channels' colon ("… in São Paulo,
  Brazil: (11) …", "… in Tokio, Japan:" above the number): the country is the role's last part,
  no channel label;
- a short question ("Meer weten? Contacteer …") or a "please" ("please contact …", vocabulary
  `contact_intro_verbs`) before the verb: no part of the name either.

Left (strict xfail below): a city written in the page's language where the geocoder knows only
its English name ("au Caire": "Cairo"); the unread number's words then become the address.
"""

from __future__ import annotations

import pytest

from tests.extract.reading import read
from tests.extract.unseen_pages import small_hub_page


def _contacts(lang: str, main: str) -> list[dict[str, object]]:
    html = small_hub_page(lang, "", f"<article><h1>Mission économique</h1>{main}</article>")
    return read(html, f"https://hub.brussels/{lang}/news/mission/").to_dict()["contacts"]


def test_a_contact_after_an_opening_clause_and_a_verb_is_named_nl() -> None:
    main = (
        "<p>Twintig Brusselse bedrijven reizen in oktober naar de beurs in Keulen.</p>"
        "<h2>Inschrijven</h2><p>Voor vragen, contacteer Lotte Janssens, projectleider export, "
        "op 02 800 40 12 of via l.janssens@hub.brussels.</p>"
    )
    assert _contacts("nl", main) == [
        {
            "name": "Lotte Janssens",
            "role": "projectleider export",
            "address": None,
            "phones": ["+3228004012"],
            "emails": ["l.janssens@hub.brussels"],
        }
    ]


def test_a_city_names_the_country_of_a_local_number_en() -> None:
    main = (
        "<div class='wysiwyg'><p>The Brussels pavilion returns to Japan's largest food fair in "
        "March.</p><p>For more details, contact Kenji Watanabe, our trade commissioner in "
        "Tokyo, on 03-5555-0123 or by e-mail at k.watanabe@hub.brussels.</p></div>"
    )
    assert _contacts("en", main) == [
        {
            "name": "Kenji Watanabe",
            "role": "our trade commissioner in Tokyo",
            "address": None,
            "phones": ["+81355550123"],
            "emails": ["k.watanabe@hub.brussels"],
        }
    ]


def test_a_city_no_number_of_that_country_fits_leaves_the_number_unread() -> None:
    # "Lyon" is no place the geocoder gives for a Moroccan or any other reading of this number
    main = (
        "<p>Le salon Batimat ouvre ses portes à Lyon en novembre avec vingt entreprises "
        "bruxelloises.</p><p>Pour toute question, contactez Youssef Benali, notre attaché à "
        "Lyon, au 05 22 43 61 70 ou par e-mail à y.benali@hub.brussels.</p>"
    )
    [contact] = _contacts("fr", main)
    assert contact["phones"] == []
    assert contact["name"] == "Youssef Benali"


@pytest.mark.parametrize(
    "lines",
    [
        # the country and the colon alone above the number's link
        "Neem contact op met Sanne Visser, onze handelsattaché in Tokio, Japan:<br>"
        "<a href='tel:+81355550123'>03-5555-0123</a>, "
        "<a href='mailto:s.visser@hub.brussels'>s.visser@hub.brussels</a>",
        # the country, the colon and the number on one line of text
        "Sanne Visser, onze handelsattaché in Tokio, Japan: 03-5555-0123, s.visser@hub.brussels",
    ],
)
def test_a_country_after_a_comma_before_the_channels_is_the_roles_nl(lines: str) -> None:
    main = f"<p>De beurs opent in maart.</p><div class='contact'><p>{lines}</p></div>"
    assert _contacts("nl", main) == [
        {
            "name": "Sanne Visser",
            "role": "onze handelsattaché in Tokio, Japan",
            "address": None,
            "phones": ["+81355550123"],
            "emails": ["s.visser@hub.brussels"],
        }
    ]


@pytest.mark.parametrize(
    ("lang", "sentence", "name", "role"),
    [
        (
            "nl",
            "Meer weten? Contacteer Hanna Peeters, onze attaché in Casablanca, op 05 22 43 61 71 "
            "of h.peeters@hub.brussels.",
            "Hanna Peeters",
            "onze attaché in Casablanca",
        ),
        (
            "en",
            "For further information, please contact Tom Baker, our trade commissioner in Mumbai, "
            "on 022 6123 4567 or t.baker@hub.brussels.",
            "Tom Baker",
            "our trade commissioner in Mumbai",
        ),
    ],
)
def test_a_short_question_or_please_before_the_verb_leaves_the_name(
    lang: str, sentence: str, name: str, role: str
) -> None:
    main = (
        "<p>Twintig Brusselse bedrijven reizen in oktober naar de grote bouwbeurs in het "
        f"buitenland met hub.brussels.</p><p>{sentence}</p>"
    )
    [contact] = _contacts(lang, main)
    assert (contact["name"], contact["role"]) == (name, role)
    assert len(contact["phones"]) == 1  # type: ignore[arg-type]


@pytest.mark.xfail(
    strict=True,
    reason=(
        "left: the phone library's geocoder names most places in English only ('Cairo/Giza/"
        "Qalyubia'), so a city written in the page's language ('au Caire', 'in Kaïro') names no "
        "number's place; the unread number's words ('au 02 2735 1234 ou') are then taken for "
        "the contact's address"
    ),
)
def test_a_city_named_in_the_pages_language_names_the_numbers_country_fr() -> None:
    main = (
        "<p>Le salon Big 5 Construct ouvre ses portes en Égypte en novembre avec vingt "
        "entreprises bruxelloises.</p><p>Pour en savoir plus, contactez Marc Dupuis, notre "
        "attaché au Caire, au 02 2735 1234 ou m.dupuis@hub.brussels.</p>"
    )
    assert _contacts("fr", main) == [
        {
            "name": "Marc Dupuis",
            "role": "notre attaché au Caire",
            "address": None,
            "phones": ["+20227351234"],
            "emails": ["m.dupuis@hub.brussels"],
        }
    ]
