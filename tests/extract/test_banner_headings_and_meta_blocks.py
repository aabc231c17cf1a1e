"""Two kinds of furniture opening the text, each on pages written here in two templates or
languages: the site's banner heading (its name in a bar above the headline, when the text's
container is `<body>` itself) and a header block whose every line is metadata (a date, a time,
"Updated 2 hours ago" read as lines of one block), which is neither the lead nor the text."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import generic_profile

# -- 1. a heading naming the site above the headline is the banner's --------------------------

_EN_TEXT = [
    "The Springfield school board voted on Tuesday to move the start of the school day to "
    "8:45 a.m. from next September, after two years of debate.",
    "Parents who spoke at the meeting were divided, some worried about childcare and others "
    "welcoming the extra hour of sleep for teenagers.",
    "The district will publish new bus timetables in the spring, the superintendent said.",
]

_FR_TEXT = [
    "Le conseil communal a adopté lundi soir le projet de nouvelle piste cyclable le long du "
    "canal, après plusieurs mois de consultation des riverains.",
    "Les travaux commenceront au printemps et dureront environ six mois, selon l'échevin de "
    "la mobilité, qui promet de limiter la gêne pour les commerçants.",
    "Un comité de suivi réunira les habitants tous les trimestres.",
]


def _bar_page() -> str:
    """A generic news template whose text sits in `<body>` itself: the site's name as an `<h1>`
    in a bar, the headline an `<h2>`."""
    return (
        "<html><head><title>Springfield Gazette | Your town, your news | School board "
        "approves later start times</title></head><body>"
        "<div class=site-bar><h1>Springfield Gazette</h1></div>"
        "<h2>School board approves later start times</h2>"
        + "".join(f"<p>{p}</p>" for p in _EN_TEXT)
        + "</body></html>"
    )


def _header_page() -> str:
    """Another template and language: the site's name (`og:site_name`) as an `<h1>` in a
    `<header>`, the headline an `<h2>`, the text in `<body>` itself."""
    return (
        "<html lang='fr'><head><title>Le vélo sur le canal : la piste est votée</title>"
        "<meta property='og:site_name' content='Le Courrier du Canal'></head><body>"
        "<header><h1>Le Courrier du Canal</h1></header>"
        "<h2>Le vélo sur le canal : la piste est votée</h2>"
        + "".join(f"<p>{p}</p>" for p in _FR_TEXT)
        + "</body></html>"
    )


def test_site_name_heading_in_a_bar_is_not_the_text() -> None:
    article = extract_article(
        _bar_page(),
        "https://www.springfieldgazette.example.com/news/school-start-times/",
        profile=generic_profile(),
    )
    assert article.title == "School board approves later start times"
    assert article.body is not None
    assert "Springfield Gazette" not in article.body
    assert (article.lead or article.body).startswith(_EN_TEXT[0])
    assert _EN_TEXT[2] in article.body


def test_site_name_heading_from_og_site_name_is_not_the_text() -> None:
    article = extract_article(
        _header_page(),
        "https://www.courrierducanal.example/mobilite/piste/",
        profile=generic_profile(),
    )
    assert article.title == "Le vélo sur le canal : la piste est votée"
    assert article.body is not None
    assert "Courrier du Canal" not in article.body
    assert (article.lead or article.body).startswith(_FR_TEXT[0])
    assert _FR_TEXT[2] in article.body


# -- 2. a block whose every line is metadata is neither the lead nor the text -----------------

_WIRE_TEXT = [
    "BRUSSELS, Oct 27 (Newswire) - Belgian consumer price inflation eased to 2.1% in October "
    "from 2.6% in September, the statistics office said on Monday.",
    "Energy prices fell for a third month, while food prices rose slightly.",
]


def _wire_page() -> str:
    """A wire template: a `<time>` holding three spans, read as three lines of one block."""
    return (
        "<html lang='en'><head><title>Belgian inflation eases | Newswire</title></head><body>"
        "<main><div class=header><h1>Belgian inflation eases</h1>"
        "<div class=byline>By Tom Vandenberghe</div>"
        "<time datetime='2025-10-27T05:15:00Z'><span>October 27, 2025</span>"
        "<span>6:15 AM GMT+1</span><span>Updated 2 hours ago</span></time></div>"
        "<div class=body>" + "".join(f"<p>{p}</p>" for p in _WIRE_TEXT) + "</div></main>"
        "</body></html>"
    )


def _meta_row_page() -> str:
    """Another template and language: a `<div>` of spans (a date, a time, a relative date),
    no `<time>`, then the text."""
    return (
        "<html lang='nl'><head><title>Haven van Antwerpen breekt record | De Havenkrant</title>"
        "</head><body><article><h1>Haven van Antwerpen breekt record</h1>"
        "<div class=meta><span>27 oktober 2025</span><span>06:15 CET</span>"
        "<span>Bijgewerkt 2 uur geleden</span></div>"
        "<div class=content><p>Het containerverkeer groeide in het derde kwartaal met 8 procent, "
        "vooral dankzij de lijnen naar Azië.</p>"
        "<p>De haven wijt de groei aan de opening van een nieuwe terminal in juli, waar de "
        "grootste schepen ter wereld kunnen aanmeren.</p></div></article></body></html>"
    )


def test_wire_time_row_is_not_the_lead() -> None:
    article = extract_article(
        _wire_page(), "https://www.newswire.example/markets/inflation/", profile=generic_profile()
    )
    for furniture in ("Updated 2 hours ago", "6:15 AM"):
        assert furniture not in (article.lead or "")
        assert furniture not in (article.body or "")
    assert _WIRE_TEXT[1] in (article.body or "")


def test_meta_row_of_spans_is_not_the_lead() -> None:
    article = extract_article(
        _meta_row_page(), "https://www.havenkrant.example/haven/record/", profile=generic_profile()
    )
    for furniture in ("2 uur geleden", "06:15"):
        assert furniture not in (article.lead or "")
        assert furniture not in (article.body or "")
    assert (article.lead or article.body or "").startswith("Het containerverkeer groeide")
