"""A related card whose link has a one-word slug ("/nl/nieuws/vietnam/") is a related card like
its hyphenated neighbours: structure (a repeated card unit, a named section), not the slug's
length, makes it one. A one-word link outside such a unit (a row of section links, a link in
the text) stays no card."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import profile_for_url

NL = [
    "Brusselse bedrijven die de Indiase markt willen betreden, kunnen rekenen op de steun van "
    "twee economische en handelsattachés ter plaatse, vertelt de delegatieleider.",
    "De vraag naar medische technologie en duurzame bouwmaterialen groeit er snel, en "
    "Brusselse kmo's hebben precies die kennis in huis, zegt ze in dit gesprek.",
    "Wie een eerste prospectiereis plant, doet er goed aan zich maanden vooraf te melden, "
    "zodat de attachés afspraken met lokale partners kunnen vastleggen.",
]
EN = [
    "The harbour authority approved on Monday a plan to deepen the northern channel, so that "
    "larger container ships can reach the city's quays without waiting for the tide.",
    "Dredging is due to start in the autumn and to last two years, at a cost the authority "
    "puts at 85 million euros, shared with the regional government.",
    "Shipping companies welcomed the decision, while residents asked for limits on night "
    "work near the old docks, which the authority promised to study.",
]


def _titles(html: str, url: str) -> list[str]:
    record = extract_article(html, url, profile=profile_for_url(url))
    return [card.title for card in record.related]


def test_a_one_word_slug_card_in_a_named_section_is_related() -> None:
    url = "https://hub.brussels/nl/nieuws/interview-kenia/"
    html = (
        "<html lang='nl'><body><div class='page'><h1>Interview: de Keniaanse markt</h1>"
        + "".join(f"<p>{t}</p>" for t in NL)
        + "<div class='more'><h4>Ook interessant</h4>"
        "<div class='tile'><a href='/nl/nieuws/medtech-japan/'><span class='tile-title'>"
        "Medtech-missie naar Japan</span></a><small>Gezondheid · 14.02.2026</small></div>"
        "<div class='tile'><a href='/nl/nieuws/marokko/'><span class='tile-title'>"
        "Marokko: nieuwe kansen</span></a><small>Internationaal · 02.02.2026</small></div>"
        "</div></div></body></html>"
    )
    assert _titles(html, url) == ["Medtech-missie naar Japan", "Marokko: nieuwe kansen"]


def test_a_one_word_slug_card_in_a_repeated_strip_is_related() -> None:
    url = "https://news.example/en/news/harbour-channel/"
    cards = [
        ("/en/news/tram-extension/", "Tram line to grow by six kilometres"),
        ("/en/news/budget/", "Budget: what the city spends in 2026"),
        ("/en/news/new-bridge-opens/", "A new bridge opens over the canal"),
    ]
    html = (
        "<html lang='en'><body><main><article><h1>Harbour channel to be deepened</h1>"
        + "".join(f"<p>{t}</p>" for t in EN)
        + "</article><section class='teasers'>"
        + "".join(
            f"<article class='teaser'><a href='{href}'><h3>{title}</h3></a>"
            "<p class='meta'>City · 3 May 2026</p></article>"
            for href, title in cards
        )
        + "</section></main>"
        "<footer><ul><li><a href='/en/news/archive/'>Archive</a></li>"
        "<li><a href='/en/news/events/'>Events</a></li></ul></footer></body></html>"
    )
    assert _titles(html, url) == [title for _, title in cards]


def test_a_one_word_link_in_the_text_or_a_link_row_is_no_card() -> None:
    url = "https://news.example/en/news/harbour-channel/"
    html = (
        "<html lang='en'><body><main><article><h1>Harbour channel to be deepened</h1>"
        + f"<p>{EN[0]} See also <a href='/en/news/dredging/'>dredging</a>.</p>"
        + "".join(f"<p>{t}</p>" for t in EN[1:])
        + "</article></main><div class='links'><a href='/en/news/archive/'>Archive</a> · "
        "<a href='/en/news/press/'>Press</a> · <a href='/en/news/jobs/'>Jobs</a></div>"
        "</body></html>"
    )
    record = extract_article(html, url, profile=profile_for_url(url))
    assert record.related == []
    assert "See also dredging." in f"{record.lead or ''}\n{record.body or ''}"
