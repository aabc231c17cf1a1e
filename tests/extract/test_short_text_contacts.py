"""A short article (paragraphs under the running-text length) closing with a contact paragraph
in the same container: a sentence that ends inside quotes is running text, so the contact's
block stops below the text's container and the text stays the body."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

QUOTES = {
    "en": (
        "Eric Gabrys: “Because our companies must be present on the big markets.”",
        "Why abroad?",
    ),
    "fr": (
        "Eric Gabrys : « Parce que nos entreprises doivent être sur les grands marchés. »",
        "Pourquoi ?",
    ),
    "nl": (
        "Eric Gabrys: 'Omdat onze bedrijven op de grote markten aanwezig moeten zijn.'",
        "Waarom?",
    ),
}


def _page(lang: str) -> str:
    quote, heading = QUOTES[lang]
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Mission 5</title></head><body>'
        '<main><article class="post"><h1>Mission 5: Brussels companies go abroad</h1><div>'
        "<p>hub.brussels helps exporting companies: fairs, contacts, advice.</p>"
        f"<h3>{heading}</h3><p>{quote}</p>"
        "<p>Eric Gabrys<br>Trade office<br>Rue Royale 1<br>1000 Bruxelles<br>+32 2 800 40 00<br>"
        '<a href="mailto:Info@Hub.Brussels">Info@Hub.Brussels</a></p></div></article></main>'
        "</body></html>"
    )


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_a_quoted_sentence_is_running_text_that_no_contact_block_swallows(lang: str) -> None:
    url = f"https://hub.brussels/{lang}/news/mission-5/"
    record = extract_article(_page(lang), url, profile=profile_for_url(url))
    assert QUOTES[lang][0].split(":")[-1].strip()[:20] in (record.body or "")
    assert [c.emails for c in record.contacts] == [["info@hub.brussels"]]
    assert "Rue Royale" not in (record.body or "")
