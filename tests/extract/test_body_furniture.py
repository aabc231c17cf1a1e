"""The body without the header's furniture (kicker, type label, breadcrumb) and a figure's credit,
and with the key facts an article lists in a definition list (issue 13)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

EN = (
    "<p>The council approved the new cycling plan on Tuesday after a long debate about parking "
    "spaces and delivery zones in the old town.</p>"
    "<p>Work on the first two routes starts in spring and should be finished before the summer "
    "holidays, the alderman said.</p>"
)
FR = (
    "<p>La délégation bruxelloise est partie lundi pour Tokyo avec des entreprises du secteur "
    "alimentaire et des technologies vertes.</p>"
    "<p>Les rendez-vous ont été préparés pendant trois mois par le bureau économique sur place, "
    "a précisé la conseillère.</p>"
)
NL = (
    "<p>De Brusselse delegatie vertrok maandag naar Tokio met bedrijven uit de voedingssector en "
    "de groene technologie.</p>"
    "<p>De afspraken werden drie maanden lang voorbereid door het economische kantoor ter "
    "plaatse, zei de adviseur.</p>"
)


def _text(html: str) -> str:
    record = extract_article(html, "https://paper.example/nieuws/a", profile=generic_profile())
    return "\n\n".join(x for x in (record.lead, record.body) if x)


# 1. a key-facts definition list is part of the text


@pytest.mark.parametrize(
    ("title", "text", "facts", "lines"),
    [
        (
            "Trade mission to Japan",
            EN,
            "<dl><dt>Dates:</dt><dd>12–15 May</dd><dt>Participants:</dt><dd>14 companies</dd></dl>",
            ["Dates: 12–15 May", "Participants: 14 companies"],
        ),
        (
            "Mission économique au Japon",
            FR,
            "<div class='facts'><dl class='facts__list'><div><dt>Dates</dt><dd>du 12 au 15 mai"
            "</dd></div><div><dt>Participants</dt><dd>14 entreprises</dd></div></dl></div>",
            ["Dates: du 12 au 15 mai", "Participants: 14 entreprises"],
        ),
        (
            "Handelsmissie naar Japan",
            NL,
            "<dl><dt><b>Deelnemers</b></dt><dd>14 bedrijven</dd><dt><b>Budget</b></dt>"
            "<dd>120 000 euro</dd></dl>",
            ["Deelnemers: 14 bedrijven", "Budget: 120 000 euro"],
        ),
    ],
)
def test_a_key_facts_list_is_text(title: str, text: str, facts: str, lines: list[str]) -> None:
    body = _text(f"<article><h1>{title}</h1>{text}{facts}</article>")
    for line in lines:
        assert line in body.split("\n\n")


def test_a_definition_list_of_questions_keeps_question_and_answer_apart() -> None:
    html = (
        f"<article><h1>Mission économique au Japon</h1>{FR}<dl><dt>Pourquoi ce marché ?</dt>"
        "<dd>Parce que la demande y grandit chaque année.</dd></dl></article>"
    )
    assert "Pourquoi ce marché ?\n\nParce que la demande" in _text(html)


# 2. and 3. the kicker and the type label above the headline are the header's


@pytest.mark.parametrize(
    ("html", "kicker"),
    [
        (
            f"<article><header><p class='kicker'>Interview</p><h1>Trade mission to Japan</h1>"
            f"</header>{EN}</article>",
            "Interview",
        ),
        (
            "<article><div class='head'><span class='overline'>Mission économique</span>"
            f"<h1>Mission au Japon</h1></div><div class='text'>{FR}</div></article>",
            "Mission économique",
        ),
        (
            f"<main><div>Persbericht</div><h1>Handelsmissie naar Japan</h1>{NL}</main>",
            "Persbericht",
        ),
        (
            f"<article><p>Persbericht</p><p>12 mei 2026</p><h1>Handelsmissie naar Japan</h1>{NL}"
            "</article>",
            "Persbericht",
        ),
    ],
)
def test_the_label_above_the_headline_is_no_text(html: str, kicker: str) -> None:
    text = _text(html)
    assert kicker not in text and "Persbericht" not in text and len(text) > 200


def test_a_short_line_of_the_text_after_the_headline_stays() -> None:
    html = f"<article><h1>Trade mission to Japan</h1>{EN}<p>Nothing else.</p>{EN}</article>"
    assert "Nothing else." in _text(html)


@pytest.mark.parametrize(
    "crumbs",
    [
        # schema.org microdata, the page's own title as the last crumb
        "<ul itemscope itemtype='https://schema.org/BreadcrumbList'><li itemprop='itemListElement'"
        " itemscope itemtype='https://schema.org/ListItem'><a itemprop='item' href='/'><span "
        "itemprop='name'>Accueil</span></a></li><li itemprop='itemListElement' itemscope "
        "itemtype='https://schema.org/ListItem'><span itemprop='name'>Handelsmissie naar Japan "
        "met veertien bedrijven</span></li></ul>",
        # an ARIA-labelled list
        "<ol aria-label='Breadcrumb'><li><a href='/'>Home</a></li><li><a href='/nieuws'>Nieuws"
        "</a></li><li>Handelsmissie naar Japan met veertien bedrijven</li></ol>",
        # a line of links with separators, whatever its length
        "<div><a href='/'>Home</a> › <a href='/nieuws'>Nieuws</a> › Handelsmissie naar Japan met "
        "veertien bedrijven uit Brussel en Vlaanderen</div>",
    ],
)
def test_a_breadcrumb_is_never_text(crumbs: str) -> None:
    text = _text(f"<article>{crumbs}<h1>Handelsmissie naar Japan</h1>{NL}</article>")
    assert "veertien" not in text and text.startswith("De Brusselse delegatie")


def test_a_breadcrumb_leaves_the_record_unchanged() -> None:
    plain = f"<article><h1>Handelsmissie naar Japan</h1>{NL}</article>"
    crumbs = (
        "<ol aria-label='breadcrumb'><li><a href='/'>Home</a></li><li>Handelsmissie naar Japan "
        "met veertien bedrijven</li></ol>"
    )
    with_crumbs = plain.replace("<article>", f"<article>{crumbs}")
    assert _text(with_crumbs) == _text(plain)


# 4. a share counter among buttons, a credit in a figure without a caption


@pytest.mark.parametrize(
    "bar",
    [
        "<div class='actions'><button>Facebook</button><button>X</button><span>42</span></div>",
        "<div><button>Partager</button><button>Tweet</button><span>1 284</span></div>",
    ],
)
def test_a_counter_in_a_bar_of_buttons_is_no_text(bar: str) -> None:
    text = _text(f"<article><h1>Trade mission to Japan</h1>{EN}{bar}{EN}</article>")
    assert "42" not in text and "1 284" not in text


@pytest.mark.parametrize(
    ("text", "figure", "credit", "caption"),
    [
        (EN, "<figure><img src='a.jpg'><small>Photo: Jan Peeters</small></figure>", "Peeters", ""),
        (
            FR,
            "<figure><img src='a.jpg'><span class='credit'>Photo : Belga / Eric Lalmand</span>"
            "</figure>",
            "Lalmand",
            "",
        ),
        (
            NL,
            "<figure><picture><img src='a.jpg'></picture><span>De nieuwe fabriek in Anderlecht."
            "</span> <small>Foto: Jan Peeters</small></figure>",
            "Peeters",
            "De nieuwe fabriek in Anderlecht.",
        ),
    ],
)
def test_a_credit_in_a_figure_without_caption_is_no_text(
    text: str, figure: str, credit: str, caption: str
) -> None:
    body = _text(f"<article><h1>Trade mission</h1>{text}{figure}{text}</article>")
    assert credit not in body and caption in body


def test_a_figures_caption_sentence_in_a_span_stays() -> None:
    figure = "<figure><img src='a.jpg'><span>The first route along the canal.</span></figure>"
    body = _text(f"<article><h1>Trade mission</h1>{EN}{figure}{EN}</article>")
    assert "The first route along the canal." in body


def test_a_term_whose_value_is_a_link_stays_out() -> None:
    """A term whose value is a link ("From: Ministry of Trade") is the page's metadata."""
    html = (
        f"<article><h1>Trade mission to Japan</h1><dl><dt>From:</dt><dd><a href='/min'>Ministry "
        f"of Trade</a></dd></dl>{EN}</article>"
    )
    assert "From:" not in _text(html)
