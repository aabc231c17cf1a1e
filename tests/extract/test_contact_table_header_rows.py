"""A contact table (one person per row: name, role, phone, email) under the article: the
contacts are read from its rows, and its header row ("Naam | Functie | Telefoon | E-mail"),
the labels of those fields, leaves the body with the rest of the table."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _extract(lang: str, slug: str, text: str, table: str):
    url = f"https://hub.brussels/{lang}/{slug}/"
    html = (
        f'<html lang="{lang}"><head><title>{slug}</title></head><body><main><article>'
        f"<h1>{slug}</h1><div class='text'>{text}</div>{table}</article></main></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


def test_a_contact_tables_header_row_is_no_text_in_dutch() -> None:
    article = _extract(
        "nl",
        "nieuws/missie-india",
        "<p>Brusselse bedrijven in de gezondheidszorg vinden in India een snel groeiende markt,"
        " vertellen onze twee attachés ter plaatse.</p><p>Bedankt, Lies en Pieter!</p>",
        "<table class='people'>"
        "<tr><th>Naam</th><th>Functie</th><th>Telefoon</th><th>E-mail</th></tr>"
        "<tr><td>Pieter Vermeulen</td><td>Handelsattaché Mumbai</td><td>+91 22 6789 0000</td>"
        "<td>p.vermeulen@hub.brussels</td></tr>"
        "<tr><td>Lies Maes</td><td>Handelsattaché New Delhi</td><td>+91 11 2345 6789</td>"
        "<td>l.maes@hub.brussels</td></tr></table>",
    )
    assert [c.name for c in article.contacts] == ["Pieter Vermeulen", "Lies Maes"]
    assert article.contacts[1].emails == ["l.maes@hub.brussels"]
    assert article.body is not None
    assert article.body.endswith("Bedankt, Lies en Pieter!")
    for label in ("Naam", "Functie", "Telefoon"):
        assert label not in article.body.split("\n")


def test_a_contact_tables_thead_is_no_text_in_french() -> None:
    # a sibling template: the header in a <thead> of plain cells, the people in a <tbody>,
    # their addresses behind mailto: links
    article = _extract(
        "fr",
        "actualites/mission-inde",
        "<p>Les entreprises bruxelloises de la santé trouvent en Inde un marché en forte"
        " croissance, expliquent nos deux attachés sur place.</p><p>Merci à tous les deux !</p>",
        "<table><thead><tr><td>Nom</td><td>Fonction</td><td>Téléphone</td><td>Courriel</td>"
        "</tr></thead><tbody>"
        "<tr><td>Julie Martin</td><td>Attachée économique Mumbai</td><td>+91 22 6789 0001</td>"
        "<td><a href='mailto:j.martin@hub.brussels'>j.martin@hub.brussels</a></td></tr>"
        "<tr><td>Marc Dubois</td><td>Attaché économique New Delhi</td><td>+91 11 2345 6780</td>"
        "<td><a href='mailto:m.dubois@hub.brussels'>m.dubois@hub.brussels</a></td></tr>"
        "</tbody></table>",
    )
    assert [c.name for c in article.contacts] == ["Julie Martin", "Marc Dubois"]
    assert article.body is not None
    assert article.body.endswith("Merci à tous les deux !")
    for label in ("Nom", "Fonction", "Téléphone", "Courriel"):
        assert label not in article.body.split("\n")
