"""List-item contacts: one person per `<li>`, written inline with no line break and no field
label (`<li><strong>Name</strong> <span>Role</span> <a href="tel:…">…</a> <a href="mailto:…">…
</a></li>`). The list item is the outermost block holding a person and their channels, so it is
the contact: its name is the bold run, its role the element after it; the phones and addresses
alone (name and role null) were what readers got before. Shown on a news page in English (items
spaced out, the list in an `<article>`) and a sibling on a French municipal page in div soup
(items glued together, a classed list)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Contact
from scraper.sites import generic_profile

_EN = (
    "<html lang='en'><head><title>City opens new cycling bridge</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
    "<h1>City opens new cycling bridge</h1>"
    "<p>The new bridge over the canal links the two districts and carries about four thousand "
    "cyclists a day, the city said on Monday.</p>"
    "<p>Work on the approach ramps will continue until the summer, and the old ferry will keep "
    "running until then for pedestrians.</p><h2>Press contacts</h2><ul>"
    "<li><strong>Anna Peeters</strong> <span>Spokesperson, Mobility</span> "
    "<a href='tel:+3222001122'>+32 2 200 11 22</a> "
    "<a href='mailto:anna.peeters@city-example.be'>anna.peeters@city-example.be</a></li>"
    "<li><strong>Marc Dubois</strong> <span>Project engineer</span> "
    "<a href='tel:+3222003344'>+32 2 200 33 44</a> "
    "<a href='mailto:marc.dubois@city-example.be'>marc.dubois@city-example.be</a></li>"
    "</ul></article></main><footer><p>© 2026 City</p></footer></body></html>"
)

_FR = (
    "<html lang='fr'><head><title>Le marché couvert rouvre ses portes</title></head><body>"
    "<div class='page'><div class='content'><h1>Le marché couvert rouvre ses portes</h1>"
    "<p>Après deux ans de travaux, le marché couvert de la place communale accueille de nouveau "
    "ses commerçants chaque matin du mardi au samedi.</p>"
    "<p>La commune a rénové la toiture, les étals et l'éclairage, et ajouté un espace de "
    "restauration ouvert jusqu'en soirée.</p><ul class='contacts'>"
    "<li><strong>Claire Lambert</strong><span>Échevine du Commerce</span>"
    "<a href='tel:+3281123456'>081 12 34 56</a>"
    "<a href='mailto:claire.lambert@commune-exemple.be'>claire.lambert@commune-exemple.be</a></li>"
    "<li><strong>Youssef Amrani</strong><span>Gestionnaire du marché</span>"
    "<a href='tel:+3281654321'>081 65 43 21</a>"
    "<a href='mailto:y.amrani@commune-exemple.be'>y.amrani@commune-exemple.be</a></li>"
    "<li><strong>Sophie Martin</strong><span>Service communication</span>"
    "<a href='tel:+3281777888'>081 77 78 88</a>"
    "<a href='mailto:s.martin@commune-exemple.be'>s.martin@commune-exemple.be</a></li>"
    "</ul></div></div><div class='footer'>© 2026 Commune</div></body></html>"
)

_CASES = {
    "en": (
        _EN,
        "https://www.city-example.be/news/new-cycling-bridge",
        [
            Contact(
                "Anna Peeters",
                "Spokesperson, Mobility",
                None,
                ["+3222001122"],
                ["anna.peeters@city-example.be"],
            ),
            Contact(
                "Marc Dubois",
                "Project engineer",
                None,
                ["+3222003344"],
                ["marc.dubois@city-example.be"],
            ),
        ],
    ),
    "fr": (
        _FR,
        "https://www.commune-exemple.be/actualites/marche-couvert",
        [
            Contact(
                "Claire Lambert",
                "Échevine du Commerce",
                None,
                ["+3281123456"],
                ["claire.lambert@commune-exemple.be"],
            ),
            Contact(
                "Youssef Amrani",
                "Gestionnaire du marché",
                None,
                ["+3281654321"],
                ["y.amrani@commune-exemple.be"],
            ),
            Contact(
                "Sophie Martin",
                "Service communication",
                None,
                ["+3281777888"],
                ["s.martin@commune-exemple.be"],
            ),
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(_CASES))
def test_a_list_item_with_a_bold_name_and_a_role_span_is_one_named_contact(lang: str) -> None:
    html, url, expected = _CASES[lang]
    article = extract_article(html, url, profile=generic_profile())
    assert article.contacts == expected
    # the people are contacts, not lines of the text
    assert all(c.name not in (article.body or "") for c in expected)


def test_a_bold_field_label_still_reads_its_value_beside_it() -> None:
    """A bold label before its value (`<strong>Tel.</strong> <span>02 …</span>`) is no name: the
    card's name stays the one on its own line, and the number stays its phone."""
    html = _EN.replace(
        "<strong>Marc Dubois</strong> <span>Project engineer</span> "
        "<a href='tel:+3222003344'>+32 2 200 33 44</a>",
        "<span>Marc Dubois, Project engineer</span> <strong>Tel.</strong> "
        "<span>+32 2 200 33 44</span>",
    )
    article = extract_article(
        html, "https://www.city-example.be/news/new-cycling-bridge", profile=generic_profile()
    )
    marc = next(c for c in article.contacts if "marc.dubois@city-example.be" in c.emails)
    assert (marc.name, marc.phones) == ("Marc Dubois", ["+3222003344"])
