"""Kinds of extractor misses, each on pages written here in two languages or markups: a
standfirst set in italics or bold in a table cell of its own, an interview whose every turn is
labelled with a name, an embedded post's attribution line, a relative date in the header."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article

# -- 2. named turns: the interview ends with its last labelled turn ---------------------------


def _named_turns(lang: str, head: list[str], turns: list[tuple[str, str]], after: str) -> str:
    """An interview page whose every turn opens with its speaker's name ("Name : …"); a turn
    named "" is an unlabelled paragraph."""
    paragraphs = "".join(f"<p>{name}{text}</p>" for name, text in turns)
    return (
        f"<html lang='{lang}'><body><article><h1>{head[0]}</h1><p>{head[1]}</p>{paragraphs}"
        f"<p>{after}</p></article></body></html>"
    )


_FR_ASKS, _FR_SAYS = "Marc Delvaux : ", "Sophie Lambert : "
_NL_ASKS, _NL_SAYS = "<b>Tom Peeters:</b> ", "<b>Lien Maes:</b> "
_NAMED_TURNS = [
    (
        _named_turns(
            "fr",
            [
                "Sophie Lambert : « Le Canada aime nos start-up »",
                "Sophie Lambert représente hub.brussels à Montréal. Nous l'avons rencontrée.",
            ],
            [
                (_FR_ASKS, "Pourquoi le Canada ?"),
                (_FR_SAYS, "Parce que le marché est ouvert et que la langue aide beaucoup."),
                (_FR_ASKS, "Quels secteurs marchent le mieux ?"),
                (_FR_SAYS, "La technologie médicale, surtout."),
                ("", "Les entreprises de l'intelligence artificielle suivent de près."),
                (_FR_ASKS, "Et pour 2027 ?"),
                (_FR_SAYS, "Une mission de douze entreprises en avril."),
            ],
            "La prochaine mission au Canada partira en avril, et hub.brussels prendra les "
            "inscriptions jusqu'en février.",
        ),
        ["Pourquoi le Canada ?", "Quels secteurs marchent le mieux ?", "Et pour 2027 ?"],
        "Sophie Lambert",
        "La technologie médicale, surtout.\n\n"
        "Les entreprises de l'intelligence artificielle suivent de près.",
        "Une mission de douze entreprises en avril.",
    ),
    (
        _named_turns(
            "nl",
            [
                "Lien Maes over Japan",
                "Lien Maes vertegenwoordigt hub.brussels in Tokio. Tom Peeters sprak met haar.",
            ],
            [
                (_NL_ASKS, "Waarom Japan?"),
                (_NL_SAYS, "Omdat de markt groot is en Belgische producten er gewaardeerd worden."),
                (_NL_ASKS, "Wat verkoopt het best?"),
                (_NL_SAYS, "Chocolade en bier, zonder twijfel."),
                ("", "Maar ook design doet het goed bij jonge kopers."),
                (_NL_ASKS, "Wat zijn de plannen?"),
                (_NL_SAYS, "Een handelsmissie in het najaar."),
            ],
            "Maes keert in september terug naar Brussel om de missie voor te bereiden met de "
            "deelnemende bedrijven.",
        ),
        ["Waarom Japan?", "Wat verkoopt het best?", "Wat zijn de plannen?"],
        "Lien Maes",
        "Chocolade en bier, zonder twijfel.\n\nMaar ook design doet het goed bij jonge kopers.",
        "Een handelsmissie in het najaar.",
    ),
]


@pytest.mark.parametrize(("html", "questions", "speaker", "middle", "last"), _NAMED_TURNS)
def test_named_turns_end_with_the_last_answer_not_the_narrative_after_it(
    html: str, questions: list[str], speaker: str, middle: str, last: str
) -> None:
    """French "Name : …" turns, Dutch bold "<b>Name:</b>" turns: the interviewer's turns are
    the questions; an unlabelled paragraph between an answer and the next question continues
    the answer; the article's paragraph after the last answer is not in it."""
    qa = extract_article(html, "https://hub.brussels/news/interview/").qa
    assert [p.question for p in qa] == questions
    assert {p.speaker for p in qa} == {speaker}
    assert qa[1].answer == middle
    assert qa[-1].answer == last
