"""A paragraph of running text that names a contact and writes a phone number and an address
("Questions? Contact the warden, Karin Mulder, on 038 … or k.mulder@…") is the text's: it stays
in the body with its section heading (the contact may be read from it too). A contact card (a
name, a role and channels, each on a line of its own) still leaves the body. Shown on a Dutch
municipal news page and a sibling French page of another template."""

from __future__ import annotations

from scraper.extract import extract_article

NL_TEXT = (
    "<p>Wethouder Jansen heeft zaterdag de nieuwe speeltuin aan de Schoolstraat geopend, samen "
    "met kinderen uit de buurt die hielpen bij het ontwerp.</p>"
    "<p>De gemeente investeerde ruim 120.000 euro in de speeltoestellen, het groen en een nieuw "
    "pad langs de vijver.</p>"
)
NL_SENTENCE = (
    "Heeft u vragen over de speeltuin? Neem contact op met de wijkbeheerder, Karin Mulder, via "
    "+31 38 498 91 11 of k.mulder@zwolle.nl."
)
NL_URL = "https://www.zwolle.example.nl/nieuws/speeltuin"

FR_TEXT = (
    "<p>La commune a inauguré samedi la nouvelle bibliothèque du quartier nord, installée dans "
    "l'ancienne gare rénovée pendant deux ans.</p>"
    "<p>Les horaires d'ouverture sont élargis le samedi et un espace de lecture pour les "
    "enfants occupe tout le premier étage.</p>"
)
FR_SENTENCE = (
    "Pour toute question sur les inscriptions, contactez Julie Martin, chargée de projet, au "
    "+32 2 422 00 11 ou par courriel à j.martin@ville.example.be."
)
FR_URL = "https://www.ville.example.be/actualites/bibliotheque"


def _nl_page(section: str) -> str:
    return (
        "<html lang='nl'><head><title>Nieuwe speeltuin geopend</title></head><body>"
        f"<div class='content'><h1>Nieuwe speeltuin geopend</h1>{NL_TEXT}{section}</div>"
        "</body></html>"
    )


def _fr_page(section: str) -> str:
    return (
        "<html lang='fr'><head><title>La bibliothèque rouvre</title></head><body><main>"
        "<article class='news'><header><h1>La bibliothèque rouvre</h1></header>"
        f"<div class='news__body'>{FR_TEXT}{section}</div></article></main></body></html>"
    )


def test_a_paragraph_naming_a_contact_stays_in_the_body_with_its_heading() -> None:
    section = (
        "<h2>Meer informatie</h2><p>Heeft u vragen over de speeltuin? Neem contact op met de "
        "wijkbeheerder, Karin Mulder, via +31 38 498 91 11 of "
        '<a href="mailto:k.mulder@zwolle.nl">k.mulder@zwolle.nl</a>.</p>'
    )
    record = extract_article(_nl_page(section), NL_URL)
    body = record.body or ""
    assert "Meer informatie" in body, body
    assert NL_SENTENCE in body, body


def test_a_french_sentence_naming_a_contact_stays_in_the_body_with_its_heading() -> None:
    section = (
        "<h3>Renseignements</h3><p>Pour toute question sur les inscriptions, contactez Julie "
        "Martin, chargée de projet, au +32 2 422 00 11 ou par courriel à "
        '<a href="mailto:j.martin@ville.example.be">j.martin@ville.example.be</a>.</p>'
    )
    record = extract_article(_fr_page(section), FR_URL)
    body = record.body or ""
    assert "Renseignements" in body, body
    assert FR_SENTENCE in body, body


def test_a_contact_card_still_leaves_the_body() -> None:
    card = (
        "<h2>Contact</h2><p>Karin Mulder<br>Wijkbeheerder<br>+31 38 498 91 11<br>"
        '<a href="mailto:k.mulder@zwolle.nl">k.mulder@zwolle.nl</a></p>'
    )
    record = extract_article(_nl_page(card), NL_URL)
    assert "k.mulder@zwolle.nl" not in (record.body or ""), record.body
    assert any(c.name == "Karin Mulder" for c in record.contacts), record.contacts
