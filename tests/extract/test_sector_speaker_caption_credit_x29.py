"""Three kinds read by structure (extractor 19):

- **sector**: a page whose only `<h1>` is the site's slogan in its header and whose headline is an
  `<h2>`: the section link right above that `<h2>`, in the article's header block, is the sector,
  as it is above an `<h1>` headline (the breadcrumb names the same section);
- **speaker**: an interview whose introduction sets the interviewee's role in apposition ("Marie
  Dupont, présidente de la Fédération X, explique …"): the answers are the person's, never the
  organisation's the role names;
- **caption credit**: a photo caption whose credit closes its text ("… Photo : Jean Dupont",
  "Foto: J. Peeters", "Photo: J. Smith"), with no element of its own: set under a `<figure>`
  holding only the picture, the caption is one (above the text, neither lead nor body); in a
  `<figcaption>`, its credit leaves the body whatever the name's initials or the dash before it.
"""

from __future__ import annotations

import pytest

from scraper.extract.blocks import Block
from scraper.extract.config import config_for
from scraper.extract.qa import introduced_names
from scraper.sites import load_profile
from tests.extract.reading import lead_and_body, read

# --- sector: the section link above an <h2> headline under a slogan <h1> ---------------------

FRENCH_NEWS = """<html lang="fr"><head><meta charset="utf-8">
<title>Le port d'Anvers mise sur l'hydrogène vert | L'Écho du Port</title></head><body>
<header class="site-header"><a href="/" class="logo"><img src="/logo.png" alt="L'Écho du Port"></a>
<h1 class="slogan">L'actualité maritime, chaque jour</h1>
<nav class="menu"><ul><li><a href="/economie/">Économie</a></li><li><a href="/societe/">Société</a></li>
<li><a href="/sport/">Sport</a></li><li><a href="/culture/">Culture</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Accueil</a> › <a href="/economie/">Économie</a> ›
<span>Le port d'Anvers mise sur l'hydrogène vert</span></div>
<div class="content"><div class="article-detail">
<div class="detail-header"><a href="/economie/" class="cat">Économie</a>
<h2 class="detail-title">Le port d'Anvers mise sur l'hydrogène vert</h2>
<p class="meta">Publié le 12 mars 2026</p></div>
<div class="detail-body"><p>Le port d'Anvers-Bruges a présenté mardi un plan d'investissement de deux
milliards d'euros pour accueillir des terminaux d'importation d'hydrogène vert d'ici 2030.</p>
<p>Les premiers navires devraient accoster dès 2028, selon la direction du port, qui table sur une
demande industrielle en forte hausse dans la région.</p>
<p>Les syndicats saluent le projet mais demandent des garanties sur l'emploi des dockers pendant la
transition.</p></div></div></div>
<footer><p>© 2026 L'Écho du Port</p></footer></body></html>"""

# another template and language: a blog-like English news theme, the kicker link in its own
# `<div>` over the `<h2 class=entry-title>`, the slogan `<h1>` in a top bar
ENGLISH_NEWS = """<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="City council backs new tram line to the airport">
<title>City council backs new tram line to the airport – Riverside Courier</title></head><body>
<div id="top-bar"><div class="brand"><a href="/">Riverside Courier</a></div>
<h1 class="tagline">News from both banks of the river</h1>
<ul class="nav"><li><a href="/local/">Local</a></li><li><a href="/transport/">Transport</a></li>
<li><a href="/business/">Business</a></li></ul></div>
<nav class="crumbs"><a href="/">Home</a> / <a href="/transport/">Transport</a></nav>
<div id="page"><div class="post">
<div class="post-head"><div class="kicker"><a href="/transport/">Transport</a></div>
<h2 class="entry-title">City council backs new tram line to the airport</h2>
<div class="byline">By Tom Baker · 4 May 2026</div></div>
<div class="entry"><p>The city council voted on Monday night to fund a new tram line linking the
central station to the airport, ending a decade of debate over the route.</p>
<p>Construction is due to start next spring and the first trams should run in 2029, the transport
department said, with a stop at the new hospital on the way.</p></div></div></div>
</body></html>"""


@pytest.mark.parametrize(
    ("html", "url", "headline", "sector"),
    [
        (
            FRENCH_NEWS,
            "https://www.echo-du-port.example/economie/2026/03/12/port-anvers-hydrogene-vert",
            "Le port d'Anvers mise sur l'hydrogène vert",
            "Économie",
        ),
        (
            ENGLISH_NEWS,
            "https://riverside-courier.example/transport/2026/05/04/tram-line-airport",
            "City council backs new tram line to the airport",
            "Transport",
        ),
    ],
    ids=["fr-detail-header", "en-post-head"],
)
def test_the_section_link_above_an_h2_headline_is_the_sector(
    html: str, url: str, headline: str, sector: str
) -> None:
    record = read(html, url)
    assert record.title == headline
    assert record.sector == sector


def test_the_slogan_h1_gives_no_sector() -> None:
    """Without a section link above the `<h2>` headline, the slogan's surroundings (the menu in
    the site header) give no sector."""
    html = FRENCH_NEWS.replace('<a href="/economie/" class="cat">Économie</a>', "")
    record = read(html, "https://www.echo-du-port.example/economie/2026/03/12/port-anvers")
    assert record.title == "Le port d'Anvers mise sur l'hydrogène vert"
    assert record.sector is None


# --- speaker: the person a role phrase is apposed to, not the role's organisation -------------

INTERVIEW = """<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<main><article><h1>{title}</h1>
<p class="intro">{intro}</p>
{turns}
</article></main></body></html>"""

INTERVIEWS = {
    "fr": (
        "« Les PME doivent exporter davantage »",
        "Marie Dupont, présidente de la Fédération des Entreprises Wallonnes, explique pourquoi "
        "cette année a été difficile pour les petites entreprises.",
        [
            (
                "Comment se portent les entreprises cette année ?",
                "Elles ont souffert de la hausse des prix de l'énergie, mais la plupart ont tenu bon.",
            ),
            (
                "Qu'attendez-vous du gouvernement ?",
                "Nous demandons une simplification des démarches et un soutien à l'exportation.",
            ),
            (
                "Les PME sont-elles prêtes ?",
                "Beaucoup le sont déjà, et nous organisons des missions dès le printemps.",
            ),
        ],
        "Marie Dupont",
    ),
    "nl": (
        "'Boeren verdienen een eerlijke prijs'",
        "Jan Peeters, voorzitter van de Vlaamse Landbouwers Federatie, legt uit waarom de boeren "
        "opnieuw actie voeren in Brussel.",
        [
            (
                "Waarom voeren de boeren opnieuw actie?",
                "Omdat de prijzen die we krijgen al jaren niet volstaan om onze kosten te dekken.",
            ),
            (
                "Wat vraagt u aan de minister?",
                "We vragen een eerlijke prijs en minder regels voor kleine bedrijven.",
            ),
            (
                "Komt er een nieuwe betoging?",
                "Als er niets verandert, komen we in april terug naar Brussel.",
            ),
        ],
        "Jan Peeters",
    ),
    "en": (
        "'Small firms need cheaper energy'",
        "Sarah Collins, chair of the Federation of Small Businesses, explains why energy prices "
        "still weigh on small firms across the region.",
        [
            (
                "How are small firms doing this year?",
                "Most of them survived the energy crisis, but their margins are very thin.",
            ),
            (
                "What do you expect from the government?",
                "We want a cap on energy bills for small firms and simpler rules.",
            ),
            ("Are you optimistic?", "Yes, if the government acts before the winter comes back."),
        ],
        "Sarah Collins",
    ),
}


@pytest.mark.parametrize("lang", sorted(INTERVIEWS))
def test_the_person_a_role_is_apposed_to_answers(lang: str) -> None:
    title, intro, turns, person = INTERVIEWS[lang]
    body = "\n".join(f"<p><strong>{q}</strong></p>\n<p>{a}</p>" for q, a in turns)
    html = INTERVIEW.format(lang=lang, title=title, intro=intro, turns=body)
    record = read(html, f"https://news.example/{lang}/interviews/2026/03/interview")
    assert [pair.question for pair in record.qa] == [q for q, _ in turns]
    assert [pair.speaker for pair in record.qa] == [person] * len(turns)


def test_a_question_heading_interview_names_the_person_before_the_role() -> None:
    """Another template: `<h3>` questions, the role phrase with an article ("…, la présidente
    de …") and the speech cue after the organisation's name."""
    html = """<html lang="fr"><head><meta charset="utf-8"><title>Entretien | Le Fil</title></head>
    <body><div class="post"><h1>Entretien : le commerce bruxellois face aux travaux</h1>
    <p>Claire Lambert, la présidente de l'Union des Commerçants Bruxellois, raconte comment les
    commerçants du centre traversent deux ans de chantiers.</p>
    <h3>Combien de commerces ont fermé depuis le début des travaux ?</h3>
    <p>Une vingtaine, surtout dans les petites rues. Nous les avons tous accompagnés.</p>
    <h3>Que demandez-vous à la Ville ?</h3>
    <p>Nous voulons des primes plus rapides et une meilleure signalisation des accès.</p>
    <h3>Êtes-vous optimiste pour la suite ?</h3>
    <p>Je le suis, si le calendrier des travaux est enfin respecté.</p></div></body></html>"""
    record = read(html, "https://le-fil.example/entretiens/commerce-bruxellois-travaux")
    assert len(record.qa) == 3
    assert {pair.speaker for pair in record.qa} == {"Claire Lambert"}


# --- caption credit: a credit closing a caption's text ---------------------------------------

ARTICLE = """<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<main><article><h1>{title}</h1>
{before}
<p>{p1}</p>
{middle}
<p>{p2}</p>
<p>{p3}</p>
</article></main></body></html>"""

FRENCH = {
    "lang": "fr",
    "title": "Une mission économique au Vietnam",
    "p1": "Une délégation de trente entreprises belges s'est rendue à Hanoï la semaine dernière "
    "pour explorer les marchés de l'énergie et de la logistique.",
    "p2": "Les participants ont rencontré plus de deux cents entreprises vietnamiennes au cours "
    "de quatre journées de rendez-vous.",
    "p3": "Une deuxième mission est déjà prévue au printemps prochain, cette fois à Hô Chi "
    "Minh-Ville.",
}
FRENCH_CAPTION = "La délégation belge reçue au ministère de l'Industrie lors de la mission."
DUTCH = {
    "lang": "nl",
    "title": "Handelsmissie naar Vietnam",
    "p1": "Een delegatie van dertig Belgische bedrijven trok vorige week naar Hanoi om de markten "
    "voor energie en logistiek te verkennen.",
    "p2": "De deelnemers spraken tijdens vier dagen met meer dan tweehonderd Vietnamese bedrijven.",
    "p3": "In het voorjaar volgt al een tweede missie, dit keer naar Ho Chi Minhstad.",
}
DUTCH_CAPTION = "De Belgische delegatie op bezoek bij het ministerie van Industrie."


@pytest.mark.parametrize(
    ("page", "caption", "markup"),
    [
        (
            FRENCH,
            FRENCH_CAPTION,
            '<figure class="photo"><img src="/img/hanoi.jpg" alt=""></figure>'
            f'<p class="legende">{FRENCH_CAPTION} Photo : Jean Dupont</p>',
        ),
        (
            DUTCH,
            DUTCH_CAPTION,
            '<figure><picture><img src="/img/hanoi.jpg" alt=""></picture></figure>'
            f"<p>{DUTCH_CAPTION} Foto: Jan Peeters</p>",
        ),
    ],
    ids=["fr-figure-then-legende", "nl-figure-then-p"],
)
def test_a_caption_set_under_a_figure_above_the_text_is_neither_lead_nor_body(
    page: dict[str, str], caption: str, markup: str
) -> None:
    record = read(ARTICLE.format(before=markup, middle="", **page), "https://news.example/a/1")
    text = lead_and_body(record)
    assert caption not in text
    assert "Dupont" not in text and "Peeters" not in text
    assert page["p1"] in text and page["p3"] in text


@pytest.mark.parametrize(
    ("page", "caption", "credit"),
    [
        (FRENCH, FRENCH_CAPTION, "Photo : J. Dupont"),
        (FRENCH, FRENCH_CAPTION.rstrip("."), "– Photo : Jean Dupont"),
        (DUTCH, DUTCH_CAPTION, "Foto: Belga/J.-P. Peeters"),
    ],
    ids=["fr-initial", "fr-dash", "nl-agency-initials"],
)
def test_a_credit_closing_a_figcaption_leaves_the_body(
    page: dict[str, str], caption: str, credit: str
) -> None:
    """A caption between paragraphs stays as the picture's place in the text; its credit,
    written at the end of its text, goes whatever the name's initials or the dash before it."""
    figure = f'<figure><img src="/img/hanoi.jpg" alt=""><figcaption>{caption} {credit}</figcaption></figure>'
    record = read(ARTICLE.format(before="", middle=figure, **page), "https://news.example/a/2")
    text = lead_and_body(record)
    assert caption in text
    assert "Dupont" not in text and "Peeters" not in text


def test_an_english_credit_with_an_initial_leaves_a_paragraph_under_a_figure() -> None:
    """Another template: the caption paragraph under a `<figure>` between two paragraphs of
    the text, its credit an initial and a surname."""
    figure = (
        '<figure class="wp-block-image"><img src="/img/port.jpg" alt=""></figure>'
        '<p class="has-small-font-size">Dockers at the new hydrogen terminal during the visit. '
        "Photo: J. Smith</p>"
    )
    html = f"""<html lang="en"><head><title>Port opens hydrogen terminal</title></head><body>
    <article><h1>Port opens hydrogen terminal</h1>
    <p>The port opened its first hydrogen import terminal on Tuesday, two years after the project
    was announced and a few months ahead of schedule.</p>{figure}
    <p>The terminal can handle four ships a month and will supply the chemical plants along the
    canal, the port authority said in a statement.</p></article></body></html>"""
    record = read(html, "https://news.example/en/2026/05/port-hydrogen-terminal")
    text = lead_and_body(record)
    assert "Dockers at the new hydrogen terminal" in text
    assert "Smith" not in text


@pytest.mark.parametrize(
    ("intro", "names"),
    [
        (
            "Nous avons interrogé Marie Dupont, et son associé Paul Martin, qui expliquent leur "
            "projet.",
            ["Marie Dupont", "Paul Martin"],
        ),
        (
            "We spoke with Anna Weber, together with Paul Martin, about the new plant.",
            ["Anna Weber", "Paul Martin"],
        ),
        (
            "Marie Dupont, présidente de la Fédération Wallonne, explique le projet.",
            ["Marie Dupont"],
        ),
    ],
    ids=["fr-second-person", "en-together-with", "fr-organisation"],
)
def test_a_second_person_named_after_a_comma_is_no_organisation(
    intro: str, names: list[str]
) -> None:
    """A role phrase joins its role to the organisation by a short word ("de la", "of the"): a
    second person named after a comma and a longer word ("et son associé", "together with")
    is still someone the introduction names, not the first person's organisation."""
    config = config_for(load_profile("hub_brussels"))
    assert sorted(introduced_names([Block(tag="p", lines=[intro])], config)) == sorted(names)
