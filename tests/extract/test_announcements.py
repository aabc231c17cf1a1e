"""A mission announcement with question headings and a contact card is no interview: the
person only the contact block names is not said to answer the headings."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

PAGES = {
    "en": (
        "Trade mission to Toronto",
        "In October 2027, hub.brussels leads a trade mission to Toronto for digital companies.",
        [
            ("What's on the programme?", "Meetings with distributors and a visit to a fair."),
            ("Who can take part?", "Companies based in Brussels with an export-ready product."),
        ],
        ("Tom Peeters", "Project manager North America", "+3228004188", "tpeeters@hub.brussels"),
    ),
    "nl": (
        "Handelsmissie naar Casablanca",
        "In maart 2027 leidt hub.brussels een handelsmissie naar Casablanca voor bouwbedrijven.",
        [
            ("Wie kan deelnemen?", "Brusselse bedrijven uit de bouwsector met exportplannen."),
            ("Hoe inschrijven?", "Via het formulier op de website, vóór 15 januari 2027."),
        ],
        ("Nadia El Amrani", "Projectleider Maghreb", "+3228004190", "nelamrani@hub.brussels"),
    ),
}


def _page(lang: str) -> str:
    title, intro, sections, (name, role, phone, mail) = PAGES[lang]
    text = "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in sections)
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<main><article><h1>{title}</h1><div class="content"><p>{intro}</p>{text}'
        f'<div class="contact-card"><p><strong>{name}</strong></p><p>{role}</p>'
        f'<p><a href="tel:{phone}">{phone}</a></p><p><a href="mailto:{mail}">{mail}</a></p>'
        "</div></div></article></main></body></html>"
    )


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_question_headings_of_an_announcement_with_a_contact_are_no_interview(lang: str) -> None:
    url = f"https://hub.brussels/{lang}/news/mission/"
    record = extract_article(_page(lang), url, profile=profile_for_url(url))
    assert record.qa == []
    assert [c.name for c in record.contacts] == [PAGES[lang][3][0]]
    for question, answer in PAGES[lang][2]:
        assert question in (record.body or "") and answer in (record.body or "")
