"""Q&A and related-card kinds, each on pages written here in two languages or markups: an
interview whose questions are whole bold paragraphs and whose interviewee is not named in a way
the text introduces, the speaker of bold questions run into the answer's paragraph, and the
related-article cards whose sector line carries the date or comes before the title."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


# -- 1. a run of wholly bold questions, each above plain answers, is an interview -------------

_BOLD_INTERVIEW = (
    "<html lang='{lang}'><body><main><article><h1>{title}</h1><p>{intro}</p>{turns}"
    "<p><em>{after}</em></p></article></main></body></html>"
)


def _turns(tag: str, pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<p><{tag}>{q}</{tag}></p><p>{a}</p>" for q, a in pairs)


_EN_PAIRS = [
    ("What sells best?", "Pralines, by far, and the filled bars that travel well in the heat."),
    ("Any advice for newcomers?", "Come twice before you sign anything with a distributor."),
    ("And next year?", "A mission of twelve firms in April, with a stand at the food fair."),
]


_NL_PAIRS = [
    (
        "Marokko heeft een jonge bevolking die steeds meer geïmporteerde producten koopt, en "
        "Belgische wafels hebben er een goede naam, maar de afstanden en de hitte maken de "
        "logistiek moeilijk voor kleine producenten, zeker buiten de grote steden van het "
        "land. Waarom hebben jullie toch voor deze markt gekozen?",
        "Omdat de vraag er groeit en de concurrentie nog klein is.",
    ),
    ("En wat plannen jullie voor 2027?", "Een missie van twaalf bedrijven in april."),
]


@pytest.mark.parametrize(
    ("lang", "tag", "title", "intro", "pairs", "after", "url"),
    [
        # no one named: the run of bold questions is the interview's markup all the same
        (
            "en",
            "strong",
            "Selling chocolate in Mexico",
            "Exports keep growing, and our trade attaché in the capital sees why.",
            _EN_PAIRS,
            "The next trade mission to Mexico leaves in October.",
            "https://hub.brussels/en/news/chocolate-mexico/",
        ),
        # a bold question paragraph carrying its context runs past the length of a plain one
        (
            "nl",
            "b",
            "Wafels in Casablanca",
            "De export groeit, en onze vertegenwoordiger ter plaatse ziet waarom.",
            _NL_PAIRS,
            "De volgende handelsmissie vertrekt in oktober.",
            "https://hub.brussels/nl/nieuws/wafels-casablanca/",
        ),
    ],
)
def test_bold_question_paragraphs_make_an_interview(
    lang: str,
    tag: str,
    title: str,
    intro: str,
    pairs: list[tuple[str, str]],
    after: str,
    url: str,
) -> None:
    html = _BOLD_INTERVIEW.format(
        lang=lang, title=title, intro=intro, turns=_turns(tag, pairs), after=after
    )
    qa = _record(html, url).qa
    assert [(p.question, p.answer) for p in qa] == pairs


# -- 3./4. a card's category-and-date line: the sector and the date, never the title -----------

_RELATED_PAGE = (
    "<html lang='{lang}'><body><main><article><h1>{headline}</h1><p>{text}</p></article>"
    "<section class='related'><h2>{more}</h2><div class='grid'>{cards}</div></section>"
    "</main></body></html>"
)


def _related(lang: str, card: str, items: list[tuple[str, str, str, str]]):  # type: ignore[no-untyped-def]
    words = {
        "en": ("Chocolate in Mexico", "Exports keep growing across the country.", "More news"),
        "fr": ("Des gaufres à Casablanca", "Les exportations augmentent.", "Plus de nouvelles"),
        "nl": ("Wafels in Casablanca", "De export groeit in het hele land.", "Meer nieuws"),
    }[lang]
    cards = "".join(card.format(slug=slug, title=t, sector=s, date=d) for slug, t, s, d in items)
    html = _RELATED_PAGE.format(
        lang=lang, headline=words[0], text=words[1], more=words[2], cards=cards
    )
    url = f"https://hub.brussels/{lang}/news/page/"
    return [(c.title, c.sector, c.published) for c in _record(html, url).related]


#: per language: (slug, title, sector, printed date) of two cards; their dates are the same
_CARDS = {
    "en": [
        ("firms-win-osaka", "Brussels firms win in Osaka", "Commerce", "12/03/2026"),
        ("food-hub-opens", "A new hub for food start-ups", "Food", "05/02/2026"),
    ],
    "fr": [
        ("firms-win-osaka", "Des entreprises bruxelloises à Osaka", "Commerce", "12 mars 2026"),
        ("food-hub-opens", "Un pôle pour l'alimentation", "Alimentation", "5 février 2026"),
    ],
    "nl": [
        ("firms-win-osaka", "Brusselse bedrijven winnen in Osaka", "Handel", "12/03/2026"),
        ("food-hub-opens", "Een hub voor voedingsstarters", "Voeding", "05/02/2026"),
    ],
}
_DATES = [dt.date(2026, 3, 12), dt.date(2026, 2, 5)]


_SECTOR_LINES = [
    (
        "en",
        "<div class='card'><a href='/en/news/{slug}/'><h3>{title}</h3></a>"
        "<span class='category'>{sector} | {date}</span></div>",
    ),
    (
        "fr",
        "<div class='card'><a href='/fr/news/{slug}/'><h3>{title}</h3></a>"
        "<span class='card-category'>{sector} · {date}</span></div>",
    ),
    (
        "nl",
        "<div class='card'><span class='sector'>{sector} - {date}</span>"
        "<a href='/nl/news/{slug}/'>{title}</a></div>",
    ),
]
_LINES_BEFORE_TITLE = [
    # the line set as a heading above a bare title link
    (
        "en",
        "<div class='card'><h4>{sector} | {date}</h4><a href='/en/news/{slug}/'>{title}</a></div>",
    ),
    # the line inside the link, before the title
    (
        "fr",
        "<div class='card'><a href='/fr/news/{slug}/'><span>{sector} · {date}</span>"
        "<span>{title}</span></a></div>",
    ),
    # the line in bold inside the link, the title in a paragraph below it
    (
        "nl",
        "<div class='card'><a href='/nl/news/{slug}/'><strong>{sector} | {date}</strong>"
        "<p>{title}</p></a></div>",
    ),
]


@pytest.mark.parametrize(("lang", "card"), _SECTOR_LINES + _LINES_BEFORE_TITLE)
def test_a_cards_category_and_date_line_gives_its_sector_and_date_not_its_title(
    lang: str, card: str
) -> None:
    expected = [
        (t, sector, day) for (_, t, sector, _), day in zip(_CARDS[lang], _DATES, strict=True)
    ]
    assert _related(lang, card, _CARDS[lang]) == expected


# -- 2. bold questions run into the answer: the person the intro sets in apposition answers

_INLINE_ANSWERS = {
    "en": [
        ("What sells best?", "Pralines, by far. Grupo Bimbo is the giant here, though."),
        ("Any advice?", "Carlos Mendoza, director of Dulces Finos, told me to come twice."),
    ],
    "fr": [
        ("Qu'est-ce qui se vend ?", "Les pralines. Casa Nord distribue dans tout le pays."),
        ("Un conseil ?", "Karim Alaoui, directeur de Gaufres Atlas, dit de venir deux fois."),
    ],
}


@pytest.mark.parametrize(
    ("lang", "intro", "speaker"),
    [
        (
            "en",
            "Our trade attaché in Mexico City, Laura Pérez, answered our questions.",
            "Laura Pérez",
        ),
        (
            "fr",
            "Notre représentante à Casablanca Nord, Nadia Berrada, a répondu à nos questions.",
            "Nadia Berrada",
        ),
    ],
)
def test_the_intros_name_in_apposition_answers_not_the_place_before_it(
    lang: str, intro: str, speaker: str
) -> None:
    turns = "".join(f"<p><strong>{q}</strong> {a}</p>" for q, a in _INLINE_ANSWERS[lang])
    html = (
        f"<html lang='{lang}'><body><main><article><h1>Interview</h1><p>{intro}</p>{turns}"
        "</article></main></body></html>"
    )
    qa = _record(html, f"https://hub.brussels/{lang}/news/interview-export/").qa
    assert [(p.question, p.answer) for p in qa] == _INLINE_ANSWERS[lang]
    assert {p.speaker for p in qa} == {speaker}


# -- an interview's first turn, a bold question run into its answer, is no standfirst ---------


@pytest.mark.parametrize(
    ("lang", "tag", "title", "intro", "pairs"),
    [
        (
            "en",
            "strong",
            "Selling chocolate in Mexico",
            "We met Laura Pérez.",
            _EN_PAIRS,
        ),
        (
            "nl",
            "b",
            "Ruben Claes over wafels in Casablanca",
            "",
            [
                ("Waarom Marokko?", "Omdat de vraag er groeit en de concurrentie nog klein is."),
                ("Wat plannen jullie?", "Een missie van twaalf bedrijven in april."),
            ],
        ),
    ],
)
def test_the_first_turn_of_an_inline_interview_stays_in_the_interview(
    lang: str, tag: str, title: str, intro: str, pairs: list[tuple[str, str]]
) -> None:
    turns = "".join(f"<p><{tag}>{q}</{tag}> {a}</p>" for q, a in pairs)
    html = (
        f"<html lang='{lang}'><body><main><article><h1>{title}</h1>"
        f"{f'<p>{intro}</p>' if intro else ''}{turns}</article></main></body></html>"
    )
    record = _record(html, f"https://hub.brussels/{lang}/news/interview-export/")
    assert [(p.question, p.answer) for p in record.qa] == pairs
    assert record.lead is None or pairs[0][1] not in record.lead


_BROKEN_TURNS = {
    "en": [
        ("What sells best?", "Pralines, by far.", "And the bars that travel well."),
        ("Any advice?", "Come twice before you sign.", "Bring samples."),
    ],
    "fr": [
        ("Pourquoi le Maroc ?", "Un marché jeune.", "Et une diaspora fidèle."),
        ("Et pour 2027 ?", "Une mission en avril.", "Avec douze entreprises."),
    ],
}
_EN_INTRO = "We spoke with Laura Pérez, trade attaché in Mexico City, about the market."
_FR_INTRO = "Nous avons rencontré Nadia Berrada, représentante au Maroc, à Casablanca."


@pytest.mark.parametrize(
    ("lang", "tag", "intro", "speaker"),
    [("en", "strong", _EN_INTRO, "Laura Pérez"), ("fr", "b", _FR_INTRO, "Nadia Berrada")],
)
def test_an_inline_answer_running_over_a_line_break_stays_a_turn(
    lang: str, tag: str, intro: str, speaker: str
) -> None:
    turns = _BROKEN_TURNS[lang]
    body = "".join(f"<p><{tag}>{q}</{tag}> {a}<br>{more}</p>" for q, a, more in turns)
    html = (
        f"<html lang='{lang}'><body><main><article><h1>Interview</h1><p>{intro}</p>{body}"
        "</article></main></body></html>"
    )
    qa = _record(html, f"https://hub.brussels/{lang}/news/interview-export/").qa
    assert [p.question for p in qa] == [q for q, _, _ in turns]
    assert [p.answer.split() for p in qa] == [f"{a} {more}".split() for _, a, more in turns]
    assert {p.speaker for p in qa} == {speaker}


@pytest.mark.parametrize(("lang", "dash"), [("en", "—"), ("fr", "–")])
def test_a_dialogue_dash_before_an_inline_bold_question_keeps_the_turn(
    lang: str, dash: str
) -> None:
    turns = _BROKEN_TURNS[lang]
    intro = {"en": _EN_INTRO, "fr": _FR_INTRO}[lang]
    body = "".join(f"<p>{dash} <strong>{q}</strong> {a} {more}</p>" for q, a, more in turns)
    html = (
        f"<html lang='{lang}'><body><main><article><h1>Interview</h1><p>{intro}</p>{body}"
        "</article></main></body></html>"
    )
    qa = _record(html, f"https://hub.brussels/{lang}/news/interview-export/").qa
    assert [(p.question, p.answer) for p in qa] == [(q, f"{a} {more}") for q, a, more in turns]
