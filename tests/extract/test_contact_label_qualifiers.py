"""A contact's label ("Contact presse :", "Press:", "Perscontact:") says what the contact is
for on this page, not what the person does: the role is the person's own function as the page
writes it beside the name ("attachée de presse"), and a contact given under a label alone has no
role (None). Decided for the archive: a role is searched as a function (`role__contains=USA`),
and a label's wording, which differs per language and page, would make the same person's
records differ with it."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _contacts(lang: str, line: str) -> list[tuple[str | None, str | None, list[str]]]:
    url = f"https://hub.brussels/{lang}/news/label-qualifiers/"
    html = (
        f"<html lang='{lang}'><body><main><article><h1>A headline of the article</h1>"
        "<p>Some running text of the article, long enough to be read as its body text.</p>"
        f"<p>{line}</p></article></main></body></html>"
    )
    article = extract_article(html, url, profile=profile_for_url(url))
    return [(c.name, c.role, c.emails) for c in article.contacts]


@pytest.mark.parametrize(
    ("lang", "line", "name", "email"),
    [
        (
            "fr",
            "Contact presse : Claire Lambert, +32 2 800 40 00, clambert@hub.brussels",
            "Claire Lambert",
            "clambert@hub.brussels",
        ),
        (
            "en",
            "Press: Karim Benali, +32 2 800 40 01, kbenali@hub.brussels",
            "Karim Benali",
            "kbenali@hub.brussels",
        ),
    ],
)
def test_a_label_alone_gives_the_name_and_no_role(
    lang: str, line: str, name: str, email: str
) -> None:
    assert _contacts(lang, line) == [(name, None, [email])]


def test_the_persons_own_function_is_the_role_not_the_label() -> None:
    line = (
        "Contact presse : Claire Lambert, attachée de presse, +32 2 800 40 00,"
        " clambert@hub.brussels"
    )
    assert _contacts("fr", line) == [
        ("Claire Lambert", "attachée de presse", ["clambert@hub.brussels"])
    ]
