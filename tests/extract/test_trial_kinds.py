"""Two kinds of failure found on the hand-written pages of bench/heldout_trial, each on a sibling
page (other markup, other language): the interviewer's closing thanks is not part of the last
answer, and a language switch is not a strip of related articles."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article


def _interview(closing: str, lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><body><main><h1>Bike couriers go electric</h1>"
        "<div class='text'><p>Velo Express delivers parcels across Brussels. "
        "We spoke with Pieter Goossens, its founder.</p>"
        "<h4>How many riders do you employ?</h4><p>Twenty-two, most of them full time.</p>"
        "<h4>Why electric cargo bikes?</h4><p>They carry 150 kilos and need no parking space.</p>"
        "<p>Our riders also find them less tiring on the hills of Uccle.</p>"
        f"{closing}"
        "<p>Velo Express is hiring six riders this winter.</p>"
        "</div></main></body></html>"
    )


@pytest.mark.parametrize(
    "closing",
    [
        "<p>Many thanks, Pieter, and good luck with the hiring.</p>",
        "<p><em>Thanks for your time.</em></p>",
    ],
)
def test_closing_thanks_ends_the_last_answer(closing: str) -> None:
    qa = extract_article(_interview(closing), "https://hub.brussels/en/news/couriers/").qa
    assert [p.question for p in qa] == [
        "How many riders do you employ?",
        "Why electric cargo bikes?",
    ]
    # the answer's own second paragraph stays; the sign-off and what follows it do not
    assert qa[-1].answer == (
        "They carry 150 kilos and need no parking space.\n\n"
        "Our riders also find them less tiring on the hills of Uccle."
    )
    assert all(p.speaker == "Pieter Goossens" for p in qa)


def test_labelled_answer_closed_by_thanks_in_dutch() -> None:
    html = (
        "<html lang='nl'><body><div class='post'><h1>Koffie uit Vorst</h1>"
        "<p>Barista Jonas Willems opende vorig jaar een branderij.</p>"
        "<p><b>Waarom Vorst?</b></p><p>JW: De huur is er nog betaalbaar.</p>"
        "<p><b>Wat brengt 2027?</b></p><p>JW: Een tweede zaak in Elsene.</p>"
        "<p>Hartelijk dank, Jonas.</p></div></body></html>"
    )
    qa = extract_article(html, "https://hub.brussels/nl/nieuws/koffie/").qa
    assert [p.answer for p in qa] == ["De huur is er nog betaalbaar.", "Een tweede zaak in Elsene."]


def test_an_answer_that_opens_with_thanks_is_kept() -> None:
    # thanks that open the answer are the interviewee's own words
    html = _interview("").replace(
        "<p>Twenty-two, most of them full time.</p>",
        "<p>Thanks to the regional hiring grant, twenty-two.</p>",
    )
    qa = extract_article(html, "https://hub.brussels/en/news/couriers/").qa
    assert qa[0].answer == "Thanks to the regional hiring grant, twenty-two."


def test_language_switch_links_are_not_related_cards() -> None:
    # a strip under a heading the vocabulary does not know: cards are found by their shape
    html = (
        "<html lang='nl'><head><title>Wijnbeurs</title></head><body>"
        "<p class='talen'><a hreflang='fr' href='/fr/news/salon-vin/'>Français</a> · "
        "<a hreflang='en' href='/en/news/wine-fair/'>English</a></p>"
        "<div class='page'><h1>Brusselse wijnboeren in Parijs</h1>"
        "<p>Twaalf Brusselse wijnboeren stellen hun wijnen voor op een beurs in Parijs.</p>"
        "<p>De beurs opent op 3 februari en duurt drie dagen.</p></div>"
        "<div class='strook'><h2>Nog meer verhalen</h2>"
        "<div class='tegel'><a href='/nl/nieuws/ambachtelijk-bier/'><h3>Ambachtelijk bier "
        "gaat de grens over</h3><time datetime='2026-01-12'>12 januari 2026</time></a></div>"
        "<div class='tegel'><a href='/nl/nieuws/kaasmakers-rungis/'><h3>Brusselse kaasmakers "
        "op Rungis</h3><time datetime='2026-01-05'>5 januari 2026</time></a></div></div>"
        "</body></html>"
    )
    article = extract_article(html, "https://hub.brussels/nl/nieuws/wijnbeurs/")
    assert article.translations == {
        "en": "https://hub.brussels/en/news/wine-fair/",
        "fr": "https://hub.brussels/fr/news/salon-vin/",
    }
    assert [c.url for c in article.related] == [
        "https://hub.brussels/nl/nieuws/ambachtelijk-bier/",
        "https://hub.brussels/nl/nieuws/kaasmakers-rungis/",
    ]
