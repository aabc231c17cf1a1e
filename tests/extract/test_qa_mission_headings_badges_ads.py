"""Q&A kinds: a mission's question-mark section headings are no interview even when
its sections speak as the organiser ("Nous vous accompagnons", "We will introduce you"); turn
labels written as badges (`<span class="badge">Vraag</span>`) come off the turns; an ad slot's
label between two turns is no part of an answer. Each with a sibling in another language or
template."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Article
from scraper.sites import profile_for_url


def _hub(lang: str, title: str, content: str, slug: str = "mission") -> Article:
    url = f"https://hub.brussels/{lang}/news/{slug}/"
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | hub.brussels</title>'
        '</head><body><header><nav><a href="/">Home</a></nav></header><main>'
        f'<div class="container"><article><h1>{title}</h1>'
        f'<div class="content-area">{content}</div></article></div></main>'
        "<footer>hub.brussels</footer></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


def _news(lang: str, title: str, content: str) -> Article:
    url = "https://www.dailyledger.example/world/2027/03/02/interview"
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title} - Daily Ledger</title>'
        '</head><body><header><a href="/">Daily Ledger</a></header><main><article>'
        f'<h1>{title}</h1><p class="byline">By Jane Whitfield</p>'
        f'<div class="article-body">{content}</div></article></main>'
        "<footer>© Daily Ledger</footer></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


# --- 1. a mission's question headings, sections in the organiser's voice --------------------------

MISSIONS = {
    "fr": (
        "Mission économique à Houston",
        "Du 10 au 14 mars 2027, hub.brussels organise une mission économique à Houston pour les "
        "entreprises bruxelloises de l'énergie et de la santé.",
        "h2",
        [
            (
                "Pourquoi Houston ?",
                [
                    "Houston est la capitale mondiale de l'énergie. Nous vous y accompagnons "
                    "avec notre attachée économique, Julie Martin.",
                    "Le Texas compte plus de 30 millions d'habitants.",
                ],
            ),
            (
                "Qui peut participer ?",
                [
                    "Les entreprises bruxelloises actives dans l'énergie et la santé.",
                    "Vous devez avoir un produit prêt pour l'export.",
                ],
            ),
            (
                "Que comprend le programme ?",
                [
                    "Des rencontres B2B, la visite du salon OTC et une réception au consulat.",
                    "Nous organisons aussi des visites de sites.",
                ],
            ),
        ],
    ),
    "nl": (
        "Handelsmissie naar Houston",
        "Van 10 tot 14 maart 2027 organiseert hub.brussels een handelsmissie naar Houston.",
        "h3",
        [
            (
                "Waarom Houston?",
                [
                    "Houston is de energiehoofdstad van de wereld. We begeleiden je ter plaatse.",
                    "Texas heeft meer dan 30 miljoen inwoners.",
                ],
            ),
            (
                "Wie kan deelnemen?",
                [
                    "Brusselse bedrijven uit de energiesector.",
                    "Je hebt een exportklaar product nodig.",
                ],
            ),
            (
                "Wat houdt het programma in?",
                [
                    "B2B-ontmoetingen en een bezoek aan de beurs.",
                    "We regelen ook bedrijfsbezoeken.",
                ],
            ),
        ],
    ),
    "en": (
        "Trade mission to Houston",
        "From 10 to 14 March 2027, hub.brussels leads a trade mission to Houston. Our trade "
        "attaché, Julie Martin, will guide you.",
        "h2",
        [
            (
                "Why Houston?",
                [
                    "Houston is the energy capital of the world. We will introduce you to buyers.",
                    "Texas has more than 30 million people.",
                ],
            ),
            (
                "Who can take part?",
                ["Brussels companies in energy and health.", "You need an export-ready product."],
            ),
            (
                "What does the programme cover?",
                [
                    "B2B meetings, a visit to OTC and a reception.",
                    "Our team will be there to guide you all week.",
                ],
            ),
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(MISSIONS))
def test_question_headings_of_a_mission_in_the_organisers_voice_are_no_turns(lang: str) -> None:
    title, intro, tag, sections = MISSIONS[lang]
    text = "".join(f"<{tag}>{q}</{tag}>" + "".join(f"<p>{p}</p>" for p in ps) for q, ps in sections)
    record = _hub(lang, title, f"<p>{intro}</p>{text}")
    assert record.qa == []
    for question, paragraphs in sections:
        assert question in (record.body or "")
        assert all(p in (record.body or "") for p in paragraphs)


def test_question_headings_answered_in_the_first_person_stay_an_interview() -> None:
    turns = [
        (
            "Pourquoi avez-vous choisi Houston ?",
            "Nous y avions déjà deux clients et un partenaire local.",
        ),
        ("Qu'est-ce qui vous a surpris ?", "J'ai été frappée par la rapidité des décisions."),
    ]
    text = "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in turns)
    intro = (
        "<p>Julie Martin, fondatrice de la société bruxelloise Solis, a ouvert un bureau à "
        "Houston. Rencontre.</p>"
    )
    record = _hub("fr", "Cap sur Houston", intro + text, "houston")
    assert [(p.question, p.answer) for p in record.qa] == turns


# --- 2. turn labels written as badges -------------------------------------------------------------

NL_INTRO = (
    "<p>Lies Janssens, oprichtster van het Brusselse designlabel Kumo, trok vorig jaar naar "
    "Tokio. We spraken met haar over haar ervaringen.</p>"
)
NL_TURNS = [
    (
        "Hoe ben je in Japan terechtgekomen?",
        "Via een beurs in Parijs kwam ik in contact met een Japanse verdeler.",
    ),
    (
        "Wat was de grootste uitdaging?",
        "De taal en de manier van zakendoen. Je moet geduld hebben.",
    ),
]
EN_INTRO = (
    "<p>Carla Mendes, founder of the Brussels studio Lumen, opened an office in Lisbon last "
    "year. We spoke with her about the move.</p>"
)
EN_TURNS = [
    ("Why Lisbon?", "The talent pool is deep and the costs are lower than in Brussels."),
    ("What would you tell other founders?", "Go and see for yourself before you sign anything."),
]


def test_badge_turn_labels_come_off_the_dutch_turns() -> None:
    turns = "".join(
        f'<p><span class="badge">Vraag</span> {q}</p><p><span class="label">Antwoord</span> {a}</p>'
        for q, a in NL_TURNS
    )
    qa = _hub("nl", "Lies Janssens over export naar Japan", NL_INTRO + turns, "lies").qa
    assert [(p.question, p.answer) for p in qa] == NL_TURNS
    assert {p.speaker for p in qa} == {"Lies Janssens"}


def test_badge_turn_labels_come_off_the_english_turns_of_a_news_page() -> None:
    turns = "".join(
        f'<p><span class="tag">Question</span> <strong>{q}</strong></p>'
        f'<p><span class="tag">Answer</span> {a}</p>'
        for q, a in EN_TURNS
    )
    qa = _news("en", "Carla Mendes on moving to Lisbon", EN_INTRO + turns).qa
    assert [(p.question, p.answer) for p in qa] == EN_TURNS
    assert {p.speaker for p in qa} == {"Carla Mendes"}


# --- 3. an ad slot's label between two turns --------------------------------------------------------


@pytest.mark.parametrize(
    "ad",
    [
        "<p>Advertentie</p>",
        '<div class="ad-wrapper"><p>Advertentie</p><div class="slot"></div></div>',
    ],
)
def test_an_ad_label_between_two_dutch_turns_is_no_part_of_the_answer(ad: str) -> None:
    (q1, a1), (q2, a2) = NL_TURNS
    content = f"{NL_INTRO}<h3>{q1}</h3><p>{a1}</p>{ad}<h3>{q2}</h3><p>{a2}</p>"
    record = _hub("nl", "Lies Janssens over export naar Japan", content, "lies")
    assert [(p.question, p.answer) for p in record.qa] == NL_TURNS
    assert "Advertentie" not in (record.body or "")


def test_an_ad_label_between_two_english_turns_of_a_news_page_is_no_part_of_the_answer() -> None:
    (q1, a1), (q2, a2) = EN_TURNS
    content = (
        f"{EN_INTRO}<p><strong>{q1}</strong></p><p>{a1}</p>"
        '<aside class="ad"><span>Advertisement</span></aside><p>— Advertisement —</p>'
        f"<p><strong>{q2}</strong></p><p>{a2}</p>"
    )
    record = _news("en", "Carla Mendes on moving to Lisbon", content)
    assert [(p.question, p.answer) for p in record.qa] == EN_TURNS
    assert "Advertisement" not in (record.body or "")
