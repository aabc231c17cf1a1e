"""Article text misread as page furniture (issue 13): a shell line taken for a breadcrumb, a
byline with the author's role kept as the lead, a closing paragraph taken for a contact block
because of a comment beside its author's initials. Each kind on two templates in two languages."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile
from tests.extract.test_boilerplate_kinds import EN, FR, NL

GENERIC = generic_profile()


def _record(html: str) -> Any:
    return extract_article(html, "https://paper.example/news/cycling-plan/", profile=GENERIC)


def _text(html: str) -> str:
    record = _record(html)
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def _blog_with_code(text: str, line: str) -> str:
    return (
        f"<html lang='en'><body><article><h1>Counting the routes</h1>{text}"
        f"<pre><code>{line}</code></pre>"
        "<p>The file holds one line per route, with its length in metres.</p></article></body></html>"
    )


def _docs_with_code(text: str, line: str) -> str:
    return (
        "<html lang='nl'><body><div class='wrapper'><div class='post-content'>"
        f"<h1>De routes tellen</h1>{text}<pre>{line}</pre>"
        "<p>Het bestand bevat een regel per route, met de lengte in meter.</p>"
        "</div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "line"),
    [
        (_blog_with_code(EN, "$ routes --list > routes.txt"), "routes --list > routes.txt"),
        (_docs_with_code(NL, "python tel.py > resultaten.txt"), "python tel.py > resultaten.txt"),
    ],
)
def test_a_shell_line_with_a_redirect_is_code_not_a_breadcrumb(page: str, line: str) -> None:
    """Preformatted text is the article's: "a > b" in a code block is no breadcrumb trail."""
    assert line in _text(page)


def _byline_first(byline: str, text: str, lang: str) -> str:
    return (
        f"<html lang='{lang}'><body><article><h1>Cycling plan</h1>"
        f"<div class='author'>{byline}</div>{text}</article></body></html>"
    )


def _byline_in_text(byline: str, text: str, lang: str) -> str:
    return (
        f"<html lang='{lang}'><body><main><div class='story'><h1>Plan vélo</h1>"
        f"<p>{byline}</p>{text}</div></main></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "byline", "first"),
    [
        (
            _byline_first(
                "By Jane Doe, Senior Technologist, Privacy and Technology Project", EN, "en"
            ),
            "Jane Doe",
            "The council approved",
        ),
        (
            _byline_in_text(
                "Par Marie Dupont, correspondante à Bruxelles pour le service économie", FR, "fr"
            ),
            "Marie Dupont",
            "Le conseil communal",
        ),
    ],
)
def test_a_byline_giving_the_authors_role_is_neither_lead_nor_body(
    page: str, byline: str, first: str
) -> None:
    record = _record(page)
    assert byline not in _text(page)
    assert record.lead and record.lead.startswith(first)


def test_a_sentence_opening_with_by_and_a_capital_stays_text() -> None:
    """A line opening "By Monday, …" ends like a sentence: it is text, not a byline."""
    sentence = "By Monday, the alderman had signed the order for the first two cycling routes."
    page = _byline_in_text(sentence, EN, "en")
    assert sentence in _text(page)


def _signed_news(text: str, last: str, initials: str) -> str:
    return (
        "<html lang='de'><body><div class='article-content'><h1>Cycling plan</h1>"
        f"{text}<p>{last}<!-- AUTHOR-DATA-MARKER-BEGIN -->\n<span>(<a title='Ben Schwan' "
        f"href='mailto:{initials}@paper.example'>{initials}</a>)</span>"
        "<!-- AUTHOR-DATA-MARKER-END --></p></div></body></html>"
    )


def _signed_blog(text: str, last: str, initials: str) -> str:
    return (
        "<html lang='nl'><body><article><header><h1>Fietsplan</h1></header>"
        f"<section>{text}<p>{last} <!-- signature -->"
        f"<a href='mailto:{initials}@paper.example'>{initials}</a></p></section>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "page",
    [
        _signed_news(
            EN, "The plan costs 12 million euros and needs the region's approval first.", "bsc"
        ),
        _signed_blog(
            NL,
            "Het plan kost 12 miljoen euro en moet eerst door het gewest worden goedgekeurd.",
            "jdv",
        ),
    ],
)
def test_a_closing_paragraph_signed_with_the_authors_address_stays_text(page: str) -> None:
    """A comment beside the author's initials is no line naming a contact: the paragraph
    holding them is the article's last, not a contact block."""
    assert "12 mil" in (_record(page).body or "")


def _table_in_article(text: str, head: str, rows: str) -> str:
    return (
        f"<html lang='en'><body><article><h1>Cycling plan</h1>{text}"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></article></body></html>"
    )


def _table_in_div(text: str, head: str, rows: str) -> str:
    return (
        "<html lang='fr'><body><div id='main'><div class='texte'><h1>Plan vélo</h1>"
        f"{text}<table><tr>{head}</tr>{rows}</table></div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "header"),
    [
        (
            _table_in_article(
                EN,
                "<th>Route</th><th>Length</th>",
                "<tr><td>Canal path</td><td>4.2 km</td></tr><tr><td>Old town loop</td>"
                "<td>2.8 km</td></tr>",
            ),
            "Length",
        ),
        (
            _table_in_div(
                FR,
                "<th>Itinéraire</th><th>Longueur</th>",
                "<tr><td>Chemin du canal</td><td>4,2 km</td></tr>",
            ),
            "Longueur",
        ),
    ],
)
def test_the_header_row_of_a_data_table_is_the_tables(page: str, header: str) -> None:
    """Column headers ("Route | Length") are part of the table; a label cell beside its value
    ("Secteur | Tech") stays metadata."""
    assert header in _text(page)


def test_a_label_cell_beside_its_value_stays_metadata() -> None:
    page = _table_in_div(FR, "<th>Secteur</th><td>Mobilité</td>", "")
    assert "Secteur" not in _text(page)


def _signup_between(text: str) -> str:
    first, second = text.split("</p>", 1)
    return (
        f"<html lang='en'><body><article><h1>Cycling plan</h1>{first}</p>"
        "<form action='/subscribe'><p>Get the city newsletter: the council's decisions in your "
        "inbox every Friday morning.</p><label>Email address</label><input name='email'>"
        f"<button>Sign up</button></form>{second}</article></body></html>"
    )


def _comment_box_after(text: str) -> str:
    return (
        "<html lang='nl'><body><div class='wrap'><div class='content'><h1>Fietsplan</h1>"
        f"{text}<form method='post' action='/reacties'><p>Uw reactie wordt pas zichtbaar nadat "
        "de redactie ze heeft nagelezen en goedgekeurd.</p><textarea></textarea>"
        "<button>Versturen</button></form></div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "form_text", "first"),
    [
        (_signup_between(EN), "newsletter", "The council approved"),
        (_comment_box_after(NL), "redactie", "De gemeenteraad"),
    ],
)
def test_a_form_inside_the_text_is_furniture(page: str, form_text: str, first: str) -> None:
    """A newsletter signup or a comment box is no part of the article, wherever it sits."""
    text = _text(page)
    assert form_text not in text
    assert text.startswith(first)


def test_a_form_wrapping_the_whole_page_is_layout() -> None:
    """ASP.NET wraps every page in one `<form>`: the article inside it is read."""
    page = (
        "<html lang='fr'><body><form id='aspnetForm' method='post'><div class='page'>"
        f"<h1>Plan vélo</h1>{FR}</div></form></body></html>"
    )
    assert "premiers itinéraires" in _text(page)
