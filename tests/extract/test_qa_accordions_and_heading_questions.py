"""Kinds of interview markup (accordions, label spans, heading questions), each on two pages written
here in different languages and markups: accordion turns (a toggle asks, its panel answers), "Q"/"A"
label spans glued to the text, `<h3>` questions in a CMS rich-text field, and the opposite error:
the question headings of an announcement that is no interview."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _qa(html: str, url: str) -> list[tuple[str, str]]:
    record = extract_article(html, url, profile=profile_for_url(url))
    return [(p.question, p.answer) for p in record.qa]


def _page(lang: str, title: str, intro: str, turns: str, after: str) -> str:
    return (
        f"<html lang='{lang}'><body><main><article><h1>{title}</h1><p>{intro}</p>{turns}"
        f"<p>{after}</p></article></main></body></html>"
    )


# -- 1. accordions: the toggle asks, the panel after it answers -------------------------------

_FR_PAIRS = [
    ("Pourquoi avoir choisi Montréal ?", "Nous y avions déjà des clients, et la langue aide."),
    ("Qu'est-ce qui vous a surpris ?", "La vitesse à laquelle les distributeurs répondent."),
    ("Un conseil pour d'autres ?", "Je leur dirais de venir deux fois avant de signer."),
]
_NL_PAIRS = [
    ("Waarom Japan?", "We verkochten er al via een importeur en wilden dichterbij staan."),
    ("Wat was het moeilijkste?", "De etiketten: elke vermelding moest in het Japans."),
    ("Wat raadt u anderen aan?", "Ik zou zeggen: neem de tijd voor de eerste gesprekken."),
]
_EN_PAIRS = [
    ("Why Mexico?", "We already had a partner in Monterrey who wanted our pralines."),
    ("What was hardest?", "The heat: we had to rethink the packaging from scratch."),
    ("Any advice?", "I would say: visit the fair once before you exhibit there."),
]


def _bootstrap(pairs: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<div class='accordion-item'><h2 class='accordion-header' id='h{i}'>"
        f"<button class='accordion-button collapsed' type='button' data-bs-toggle='collapse' "
        f"data-bs-target='#c{i}' aria-expanded='false'>{q}</button></h2>"
        f"<div id='c{i}' class='accordion-collapse collapse'><div class='accordion-body'>"
        f"<p>{a}</p></div></div></div>"
        for i, (q, a) in enumerate(pairs)
    )
    return f"<div class='accordion' id='interview'>{items}</div>"


def _details(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f"<details class='faq-item'><summary>{q}</summary><div class='faq-answer'>{a}</div>"
        "</details>"
        for q, a in pairs
    )


def _role_button(pairs: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<li class='toggle'><a href='#t{i}' role='button' class='toggle-title'>{q}</a>"
        f"<div id='t{i}' class='toggle-panel' hidden><p>{a}</p></div></li>"
        for i, (q, a) in enumerate(pairs)
    )
    return f"<ul class='toggles'>{items}</ul>"


@pytest.mark.parametrize(
    ("lang", "markup", "pairs", "title", "intro", "after", "url"),
    [
        (
            "fr",
            _bootstrap,
            _FR_PAIRS,
            "Entretien : une chocolaterie bruxelloise à Montréal",
            "Sophie Lambert, fondatrice de Nuance, a répondu à nos questions.",
            "La prochaine mission au Canada part en octobre.",
            "https://hub.brussels/fr/news/chocolaterie-montreal/",
        ),
        (
            "nl",
            _details,
            _NL_PAIRS,
            "Interview: Brusselse wafels in Tokio",
            "Oprichter Ruben Claes vertelt over zijn eerste jaar in Japan.",
            "De volgende handelsmissie naar Japan vertrekt in oktober.",
            "https://hub.brussels/nl/nieuws/wafels-tokio/",
        ),
        (
            "en",
            _role_button,
            _EN_PAIRS,
            "Interview: Brussels pralines in Mexico",
            "Founder Laura Pérez tells us about her first year in Mexico.",
            "The next trade mission to Mexico leaves in October.",
            "https://hub.brussels/en/news/pralines-mexico/",
        ),
    ],
)
def test_accordion_turns_are_pairs(lang, markup, pairs, title, intro, after, url):  # type: ignore[no-untyped-def]
    html = _page(lang, title, intro, markup(pairs), after)
    assert _qa(html, url) == pairs


# -- 2. "Q"/"A" label spans glued to the text: the labels go, a turn per pair -----------------


def _spans(pairs: list[tuple[str, str]], q: str, a: str) -> str:
    return "".join(
        f"<p><span class='label'>{q}</span>{question}</p><p><span class='label'>{a}</span>{answer}</p>"
        for question, answer in pairs
    )


def _bold_labels(pairs: list[tuple[str, str]], q: str, a: str) -> str:
    return "".join(
        f"<p class='question'><strong class='qa-letter'>{q}</strong>{question}</p>"
        f"<p class='answer'><strong class='qa-letter'>{a}</strong>{answer}</p>"
        for question, answer in pairs
    )


@pytest.mark.parametrize(
    ("lang", "markup", "letters", "pairs", "title", "intro", "after", "url"),
    [
        (
            "en",
            _spans,
            ("Q", "A"),
            _EN_PAIRS,
            "Brussels pralines in Mexico",
            "Founder Laura Pérez tells us about her first year in Mexico.",
            "The next trade mission to Mexico leaves in October.",
            "https://hub.brussels/en/news/pralines-mexico-qa/",
        ),
        (
            "nl",
            _bold_labels,
            ("V", "A"),
            _NL_PAIRS,
            "Brusselse wafels in Tokio",
            "Oprichter Ruben Claes vertelt over zijn eerste jaar in Japan.",
            "De volgende handelsmissie naar Japan vertrekt in oktober.",
            "https://hub.brussels/nl/nieuws/wafels-tokio-va/",
        ),
        (
            "fr",
            _spans,
            ("Q", "R"),
            _FR_PAIRS,
            "Une chocolaterie bruxelloise à Montréal",
            "Sophie Lambert, fondatrice de Nuance, a répondu à nos questions.",
            "La prochaine mission au Canada part en octobre.",
            "https://hub.brussels/fr/news/chocolaterie-montreal-qr/",
        ),
    ],
)
def test_glued_label_letters_are_dropped(lang, markup, letters, pairs, title, intro, after, url):  # type: ignore[no-untyped-def]
    html = _page(lang, title, intro, markup(pairs, *letters), after)
    assert _qa(html, url) == pairs


# -- 3. <h3> questions in a CMS rich-text field, unlabelled answers below ---------------------


def _drupal(pairs: list[tuple[str, str]]) -> str:
    turns = "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in pairs)
    return (
        "<div class='field field--name-body field--type-text-with-summary'>"
        f"<div class='field__item'>{turns}</div></div>"
    )


def _wysiwyg(pairs: list[tuple[str, str]]) -> str:
    # the answer runs on over two paragraphs; the CMS wraps each block of the field in a div
    turns = "".join(
        f"<div class='rich-text'><h3 class='rte-h3'><strong>{q}</strong></h3>"
        f"<p>{a}</p><p>Ce n'était que le début.</p></div>"
        for q, a in pairs
    )
    return f"<section class='wysiwyg'>{turns}</section>"


@pytest.mark.parametrize(
    ("lang", "markup", "pairs", "title", "intro", "after", "url", "extra"),
    [
        (
            "en",
            _drupal,
            _EN_PAIRS,
            "Interview: pralines that travel to Mexico",
            "A Brussels chocolate maker opened its first shop abroad last spring.",
            "The next trade mission to Mexico leaves in October.",
            "https://hub.brussels/en/news/pralines-travel-mexico/",
            "",
        ),
        (
            "fr",
            _wysiwyg,
            _FR_PAIRS,
            "Entretien : une chocolaterie bruxelloise à Montréal",
            "La maison Nuance a ouvert sa première boutique au Canada au printemps.",
            "La prochaine mission au Canada part en octobre.",
            "https://hub.brussels/fr/news/nuance-montreal/",
            "\n\nCe n'était que le début.",
        ),
    ],
)
def test_heading_questions_of_an_interview_are_pairs(  # type: ignore[no-untyped-def]
    lang, markup, pairs, title, intro, after, url, extra
):
    html = _page(lang, title, intro, markup(pairs), after)
    assert _qa(html, url) == [(q, a + extra) for q, a in pairs]


# -- 4. an announcement's question headings are no interview ----------------------------------

_MISSION_EN = [
    (
        "Why Japan?",
        "Japan is the world's fourth economy and imports a large share of its food. Belgian "
        "chocolate and beer enjoy a strong reputation there.",
    ),
    (
        "Who can take part?",
        "Companies based in the Brussels-Capital Region with an export-ready product in the "
        "food sector.",
    ),
    (
        "What does the programme include?",
        "Meetings with importers in Tokyo and Osaka, a visit to Foodex and a networking "
        "evening at the embassy.",
    ),
]
_MISSION_FR = [
    (
        "Pourquoi le Québec ?",
        "Le marché québécois partage notre langue et cherche des produits européens de qualité.",
    ),
    (
        "Qui peut participer ?",
        "Les entreprises établies en Région de Bruxelles-Capitale, actives dans la construction "
        "durable.",
    ),
    (
        "Comment s'inscrire ?",
        "L'inscription se fait en ligne avant le 15 mai ; le nombre de places est limité.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "tag", "pairs", "title", "intro", "url"),
    [
        (
            "en",
            "h3",
            _MISSION_EN,
            "Trade mission to Japan: food and drink",
            "In March, hub.brussels leads a delegation of Brussels firms to Tokyo, with our "
            "trade attaché in Tokyo, Kenji Watanabe.",
            "https://hub.brussels/en/news/mission-japan-food/",
        ),
        (
            "fr",
            "h2",
            _MISSION_FR,
            "Mission économique au Québec : construction durable",
            "En juin, Marc Lefèvre, notre représentant à Montréal, accueille une délégation "
            "d'entreprises bruxelloises.",
            "https://hub.brussels/fr/news/mission-quebec/",
        ),
    ],
)
def test_question_headings_of_an_announcement_are_no_interview(  # type: ignore[no-untyped-def]
    lang, tag, pairs, title, intro, url
):
    turns = "".join(f"<{tag}>{q}</{tag}><p>{a}</p>" for q, a in pairs)
    html = _page(lang, title, intro, turns, "hub.brussels")
    assert _qa(html, url) == []
