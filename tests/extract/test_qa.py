"""Interviews: every question/answer layout the site uses gives the same pairs, and nothing else does."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.extract.qa import strip_wrapping_quotes
from scraper.models import QAPair

URL = "https://hub.brussels/fr/blog/entretien/"
INTRO = "<p>Nos entreprises exportent de plus en plus. Rencontre avec Sofie Maes, notre représentante à Tokyo.</p>"


def _qa(body: str) -> list[QAPair]:
    html = f"<html lang='fr'><body><article><h1>Le Japon</h1><div class='entry-content'>{body}</div></article></body></html>"
    return extract_article(html, URL).qa


@pytest.mark.parametrize(
    "body",
    [
        # heading questions, full name then initials in three spellings
        INTRO + "<h3>Pourquoi le Japon ?</h3><p>Sofie Maes: « Un marché immense. »</p>"
        "<h3>Et ensuite ?</h3><p>S.M. : Une mission en mai.</p>",
        # bold paragraph questions, "S.M.:" glued to the answer
        INTRO
        + "<p><strong>Pourquoi le Japon ?</strong></p><p><strong>Sofie Maes:</strong> Un marché immense.</p>"
        "<p><b>Et ensuite ?</b></p><p>S.M.:Une mission en mai.</p>",
        # Q: prefixes, unlabelled answers of the one interviewee
        INTRO + "<p><strong>Q:</strong> Pourquoi le Japon ?</p><p>Un marché immense.</p>"
        "<p><strong>Q:</strong> Et ensuite ?</p><p>Une mission en mai.</p>",
        # plain paragraphs ending in "?", unlabelled answers
        INTRO
        + "<p>Pourquoi le Japon ?</p><p>Un marché immense.</p><p>Et ensuite ?</p><p>Une mission en mai.</p>",
        # labels with a role in brackets, or a dash before the quoted answer
        INTRO
        + "<h3>Pourquoi le Japon ?</h3><p>Sofie Maes (hub.brussels) : « Un marché immense. »</p>"
        "<h3>Et ensuite ?</h3><p>S.M. – « Une mission en mai. »</p>",
        # question and answer in one paragraph
        INTRO
        + "<p><strong>Pourquoi le Japon ?</strong><br><strong>S.M. :</strong> Un marché immense.</p>"
        "<p><strong>Et ensuite ?</strong><br><strong>S.M. :</strong> Une mission en mai.</p>",
        # a bold name and no colon before the quoted answer
        INTRO + "<h3>Pourquoi le Japon ?</h3><p><b>Sofie Maes</b> « Un marché immense. »</p>"
        "<h3>Et ensuite ?</h3><p><b>Sofie Maes</b> « Une mission en mai. »</p>",
        # the first name alone as the label, the introduction naming her in full
        INTRO + "<h3>Pourquoi le Japon ?</h3><p>Sofie : Un marché immense.</p>"
        "<h3>Et ensuite ?</h3><p>Sofie : Une mission en mai.</p>",
    ],
)
def test_layouts_give_the_same_pairs(body: str) -> None:
    assert _qa(body) == [
        QAPair("Pourquoi le Japon ?", "Un marché immense.", "Sofie Maes"),
        QAPair("Et ensuite ?", "Une mission en mai.", "Sofie Maes"),
    ]


def test_two_interviewees_answering_one_question_give_two_pairs() -> None:
    body = (
        "<p>Un entretien avec Sofie Maes et Youssef Amrani, nos représentants.</p>"
        "<h3>Quel bilan ?</h3><p>S.M.: Excellent.</p><p>Y.A.: Très bon aussi.</p>"
        "<h3>Et demain ?</h3><p>Y.A.: Une nouvelle mission.</p>"
    )
    assert _qa(body) == [
        QAPair("Quel bilan ?", "Excellent.", "Sofie Maes"),
        QAPair("Quel bilan ?", "Très bon aussi.", "Youssef Amrani"),
        QAPair("Et demain ?", "Une nouvelle mission.", "Youssef Amrani"),
    ]


def test_multi_paragraph_quoted_answer_stops_at_the_article_text() -> None:
    body = (
        INTRO + "<h3>Pourquoi le Japon ?</h3><p>Sofie Maes: « Un marché immense.</p>"
        "<p>Et une culture de la qualité. »</p><p>Le Japon reste le 3e marché mondial.</p>"
    )
    assert _qa(body) == [
        QAPair(
            "Pourquoi le Japon ?",
            "Un marché immense.\n\nEt une culture de la qualité.",
            "Sofie Maes",
        )
    ]


def test_calls_to_action_are_not_questions() -> None:
    body = (
        INTRO + "<h3>Pourquoi le Japon ?</h3><p>S.M.: Un marché immense.</p>"
        "<h3>Envie d’en savoir plus ?</h3><p>Consultez notre agenda.</p>"
        "<p>Prêt.e pour Tokyo? Contactez Sofie!</p>"
    )
    assert [p.question for p in _qa(body)] == ["Pourquoi le Japon ?"]


def test_rhetorical_questions_without_an_interviewee_are_no_interview() -> None:
    body = (
        "<p>Vous êtes une entreprise alimentaire bruxelloise ?</p><p>Alors ce salon est pour vous.</p>"
        "<h2>Qui peut participer ?</h2><p>Toute entreprise bruxelloise.</p>"
    )
    assert _qa(body) == []


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("« La règle d’or : « suivez vos clients ». »", "La règle d’or : « suivez vos clients »."),
        ("En 13 ans, nous avons grandi.”", "En 13 ans, nous avons grandi."),
        (
            "“Our clients like the “warm introductions”.”",
            "Our clients like the “warm introductions”.",
        ),
        ("« suivez vos clients » disait-il", "« suivez vos clients » disait-il"),
        ("Il a dit « oui ».", "Il a dit « oui »."),
    ],
)
def test_wrapping_quotes_go_inner_quotes_stay(raw: str, clean: str) -> None:
    assert strip_wrapping_quotes(raw) == clean
