"""Kinds of extractor misses, each on pages written here in two languages or markups: a
standfirst set in italics or bold in a table cell of its own, an interview whose every turn is
labelled with a name, an embedded post's attribution line, a relative date in the header."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article

# -- 1. a whole-block emphasised standfirst just before the text is the lead ------------------

_TABLE_PAGE = (
    "<html lang='{lang}'><head><title>{site} - {headline}</title></head><body>"
    "<table width='100%'><tr><td><a href='/'>{home}</a></td></tr></table>"
    "<table width='100%'><tr><td width='150'><font size='1'><a href='/a'>{menu1}</a><br>"
    "<a href='/b'>{menu2}</a></font></td>"
    "<td><table><tr><td><font face='Arial' size='5'><b>{headline}</b></font><br>"
    "<font size='1'>{date}</font></td></tr>"
    "<tr><td><font face='Arial' size='2'>{standfirst}</font></td></tr>"
    "<tr><td><font face='Arial' size='2'>{paragraphs}</font></td></tr>"
    "</table></td></tr></table></body></html>"
)


def _table_page(lang: str, standfirst: str, paragraphs: list[str], **words: str) -> str:
    return _TABLE_PAGE.format(
        lang=lang,
        standfirst=standfirst,
        paragraphs="".join(f"<p>{p}</p>" for p in paragraphs),
        **words,
    )


_FR_TEXT = [
    "La mission a commencé lundi par une réception à l'ambassade, où les entreprises ont "
    "présenté leurs produits à une centaine d'invités.",
    "Le lendemain, les rendez-vous individuels se sont succédé dans les salons de l'hôtel, "
    "avec des acheteurs venus de tout le pays.",
    "Les entreprises intéressées par la prochaine mission peuvent déjà s'inscrire auprès de "
    "hub.brussels avant la fin du mois.",
]
_FR_LEAD = (
    "Quinze entreprises bruxelloises ont rencontré des acheteurs polonais pendant trois jours "
    "de rendez-vous."
)
_FR_WORDS = {
    "site": "Le Courrier",
    "headline": "Une mission belge à Varsovie",
    "home": "Accueil",
    "menu1": "Politique",
    "menu2": "Sport",
    "date": "Publié le 12 mai 2026",
}


def test_an_italic_standfirst_in_its_own_cell_is_the_lead_and_the_text_keeps_its_opening() -> None:
    html = _table_page("fr", f"<i>{_FR_LEAD}</i>", _FR_TEXT, **_FR_WORDS)
    article = extract_article(html, "https://lecourrier.example/eco/varsovie.html")
    assert article.lead == _FR_LEAD
    assert article.body is not None and article.body.startswith(_FR_TEXT[0])
    assert _FR_LEAD not in article.body


def test_a_dutch_bold_standfirst_in_its_own_cell_is_the_lead() -> None:
    text = [
        "De delegatie bezocht eerst de haven van Rotterdam, waar een nieuwe terminal voor "
        "elektrische vrachtwagens werd voorgesteld.",
        "Daarna volgden gesprekken met logistieke bedrijven die hun vestiging in Brussel "
        "willen uitbreiden.",
        "De volgende missie naar Nederland staat gepland voor het najaar en is open voor "
        "twintig bedrijven.",
    ]
    lead = "Twintig Brusselse logistieke bedrijven trokken drie dagen naar Rotterdam en Antwerpen."
    words = {
        "site": "De Koerier",
        "headline": "Brusselse logistiek naar Rotterdam",
        "home": "Home",
        "menu1": "Politiek",
        "menu2": "Sport",
        "date": "12 mei 2026",
    }
    html = _table_page("nl", f"<b>{lead}</b>", text, **words)
    article = extract_article(html, "https://dekoerier.example/eco/rotterdam.html")
    assert article.lead == lead
    assert article.body is not None and article.body.startswith(text[0])


def test_a_plain_cell_before_the_text_is_no_standfirst() -> None:
    """Only emphasis sets a standfirst apart: a plain paragraph in the cell before the text
    is no lead taken from outside the text."""
    plain = "Un texte ordinaire placé avant le corps de l'article, sans aucune mise en forme."
    html = _table_page("fr", plain, _FR_TEXT, **_FR_WORDS)
    article = extract_article(html, "https://lecourrier.example/eco/varsovie.html")
    assert article.lead != plain


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


# -- 3. an embedded post's attribution line is not body --------------------------------------

_TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Proud of our three winners in '
    'Austin today! <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; hub.brussels '
    '(@hubbrussels) <a href="https://twitter.com/hubbrussels/status/123">June 1, 2026</a>'
    "</blockquote>"
    '<script async src="https://platform.twitter.com/widgets.js"></script>'
)


def _post_page(lang: str, headline: str, before: str, embed: str, after: str) -> str:
    return (
        f"<html lang='{lang}'><body><article><h1>{headline}</h1><p>{before}</p>{embed}"
        f"<p>{after}</p></article></body></html>"
    )


def test_an_embedded_tweets_attribution_line_is_not_body() -> None:
    html = _post_page(
        "en",
        "Brussels startups win in Austin",
        "Three Brussels companies took prizes at the festival this week, the agency said.",
        _TWEET,
        "The prizes came with a year of mentoring and a stand at next year's edition.",
    )
    body = extract_article(html, "https://hub.brussels/en/news/austin/").body or ""
    assert "@hubbrussels" not in body
    assert "June 1, 2026" not in body
    assert "Proud of our three winners in Austin today!" in body
    assert body.endswith("a stand at next year's edition.")


def test_an_embedded_instagram_or_mastodon_posts_attribution_line_is_not_body() -> None:
    instagram = (
        '<blockquote class="instagram-media" data-instgrm-permalink='
        '"https://www.instagram.com/p/XYZ/"><div><p>Onze stand in Milaan staat klaar!</p>'
        '<p><a href="https://www.instagram.com/p/XYZ/">Een bericht gedeeld door hub.brussels '
        "(@hub.brussels)</a></p></div></blockquote>"
    )
    mastodon = (
        '<blockquote class="mastodon-embed"><p>Onze stand in Milaan staat klaar!</p>'
        '<a href="https://mastodon.social/@hubbrussels/1124">Bericht van @hubbrussels@mastodon'
        ".social</a></blockquote>"
    )
    # a toot quoted the way a tweet is: the text, then a dash, the name, the handle, the date
    toot = (
        "<blockquote><p>Onze stand in Milaan staat klaar!</p>&mdash; Atelier Nord "
        '(@ateliernord) <a href="https://mastodon.social/@ateliernord/1124">'
        "1 juni 2026</a></blockquote>"
    )
    for embed in (instagram, mastodon, toot):
        html = _post_page(
            "nl",
            "Brusselse ontwerpers in Milaan",
            "Tien Brusselse ontwerpers tonen deze week hun werk op de meubelbeurs van Milaan.",
            embed,
            "De stand werd gebouwd door een Brussels atelier en blijft vijf dagen open.",
        )
        body = extract_article(html, "https://hub.brussels/nl/news/milaan/").body or ""
        assert "@hub" not in body and "@ateliernord" not in body, embed
        assert body.endswith("blijft vijf dagen open.")


# -- 4. a relative date in the header is metadata ---------------------------------------------

_RELATIVE_DATES = [
    # Dutch, in a <time> element of the article's <header>
    (
        "nl",
        "<header><h1>Brusselse bedrijven in Osaka</h1><p class='meta'>"
        "<time datetime='2026-05-20T10:00'>3 dagen geleden</time></p></header>",
        "Twaalf Brusselse bedrijven stelden hun producten voor op de wereldtentoonstelling in "
        "Osaka, in het Belgische paviljoen.",
        "geleden",
    ),
    # French, a <time> beside the byline on the meta line
    (
        "fr",
        "<h1>Des entreprises bruxelloises à Osaka</h1><div class='meta'>Par la rédaction · "
        "<time datetime='2026-05-20'>il y a 2 jours</time></div>",
        "Douze entreprises bruxelloises ont présenté leurs produits à l'exposition universelle "
        "d'Osaka, dans le pavillon belge.",
        "il y a",
    ),
    # English, a bare line under the headline, no <time> at all
    (
        "en",
        "<h1>Brussels firms at the Osaka Expo</h1><p>2 days ago</p>",
        "Twelve Brussels companies showed their products at the Osaka world expo, in the "
        "Belgian pavilion.",
        "ago",
    ),
]


@pytest.mark.parametrize(("lang", "header", "first", "phrase"), _RELATIVE_DATES)
def test_a_relative_date_in_the_header_is_neither_lead_nor_body(
    lang: str, header: str, first: str, phrase: str
) -> None:
    last = "The mission was organised by hub.brussels with the embassy and lasted a week."
    html = (
        f"<html lang='{lang}'><body><article>{header}<p>{first}</p><p>{last}</p>"
        "</article></body></html>"
    )
    article = extract_article(html, f"https://hub.brussels/{lang}/news/osaka/")
    assert article.lead == first
    assert phrase not in (article.body or "")
    assert article.body == last
