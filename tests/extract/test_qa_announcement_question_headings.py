"""An announcement (a trade mission, a call for participants) whose section headings ask ("Why
Vancouver?", "Qui peut participer ?", "Voor wie?") over impersonal sections, beside a contact
block, a programme list and a share bar, is no interview: its sections are not turns, and no place
("British Columbia") or organiser is anyone's speaker. Three templates and languages (a DNN module,
a Tailwind/Phoenix page with an `<ol>` programme, a WordPress post), and two siblings that ARE
interviews with question headings, beside a contact block too, whose turns stay, answered by the
person the page introduces and not by the place its introduction names first."""

from __future__ import annotations

import pytest

from tests.extract.reading import read as _read


def _sections(tag: str, sections: list[tuple[str, list[str]]], attrs: str = "") -> str:
    return "".join(
        f"<{tag}{attrs}>{q}</{tag}>" + "".join(f"<p>{p}</p>" for p in ps) for q, ps in sections
    )


# --- 1. announcements: question headings over impersonal sections --------------------------------

_EN_SECTIONS = [
    (
        "Why Vancouver?",
        [
            "Vancouver is the hub of Canada's clean-tech sector, with more than 300 companies in "
            "hydrogen, batteries and carbon capture.",
            "British Columbia aims to cut its emissions by 40 per cent by 2030 and invests "
            "heavily in new technology.",
        ],
    ),
    (
        "Who should join?",
        [
            "The mission is open to companies active in clean technology, energy storage and "
            "sustainable construction.",
            "Participants need an export-ready product or service and a first interest in North "
            "America.",
        ],
    ),
    (
        "What does the mission offer?",
        [
            "The programme combines company visits, matchmaking meetings and a networking "
            "reception at the consulate.",
        ],
    ),
]


def _dnn_en() -> tuple[str, str, list[tuple[str, list[str]]]]:
    url = "https://www.tradeflanders.example/en/news/mission-vancouver"
    html = (
        '<html lang="en"><head><meta charset="utf-8"><title>Trade mission to British Columbia | '
        'Trade Flanders</title></head><body><form id="Form">'
        '<div id="dnn_ctr512_ContentPane" class="DnnModule DnnModule-DNN_HTML">'
        '<div class="dnnHeader"><h1>Trade mission to British Columbia</h1></div>'
        '<div id="dnn_ctr512_ModuleContent" class="DNNModuleContent ModDNNHTMLC"><div class="Normal">'
        "<p>From 12 to 16 May 2027, Trade Flanders organises a trade mission to Vancouver and "
        "British Columbia for Flemish clean-tech companies.</p>"
        + _sections("h2", _EN_SECTIONS)
        + "<p>Registration closes on 15 March 2027.</p>"
        '<ul class="programme"><li>12 May: arrival and briefing</li><li>13 May: company visits'
        "</li><li>14 May: matchmaking meetings</li></ul></div></div></div>"
        '<div class="DnnModule contact"><h3>Contact</h3><p>Sarah Peeters<br>Project manager North '
        'America<br>+32 2 504 87 11<br><a href="mailto:sarah.peeters@tradeflanders.example">'
        "sarah.peeters@tradeflanders.example</a></p></div>"
        '<div class="share"><a href="https://twitter.com/share">Share on X</a> '
        '<a href="https://www.linkedin.com/share">LinkedIn</a></div>'
        '<div class="related"><h3>Related</h3><div class="card"><a href="/en/news/a">Mission to '
        'Texas</a></div><div class="card"><a href="/en/news/b">Mission to Quebec</a></div></div>'
        "</form></body></html>"
    )
    return html, url, _EN_SECTIONS


_FR_SECTIONS = [
    (
        "Pourquoi Lisbonne ?",
        [
            "Lisbonne s'est imposée comme l'une des capitales européennes des start-up, avec un "
            "écosystème numérique en forte croissance.",
            "Le Portugal attire chaque année davantage d'investisseurs étrangers dans les "
            "technologies.",
        ],
    ),
    (
        "Qui peut participer ?",
        [
            "La mission s'adresse aux entreprises wallonnes du numérique, de la fintech et de la "
            "santé connectée.",
            "Les participants doivent disposer d'une offre adaptée au marché portugais.",
        ],
    ),
    (
        "Quel est le programme ?",
        [
            "Le programme comprend une visite du Web Summit, des rendez-vous d'affaires et une "
            "réception à l'ambassade."
        ],
    ),
]


def _tailwind_fr() -> tuple[str, str, list[tuple[str, list[str]]]]:
    url = "https://www.export-wallonie.example/fr/actualites/mission-lisbonne"
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><title>Mission économique à Lisbonne – '
        'Export Wallonie</title></head><body><div data-phx-main="" id="phx-F1">'
        '<header class="bg-white shadow"><nav><a href="/">Accueil</a>'
        '<a href="/fr/actualites">Actualités</a></nav></header>'
        '<main class="max-w-3xl mx-auto px-4"><article class="prose lg:prose-xl">'
        '<h1 class="text-4xl font-extrabold">Mission économique à Lisbonne</h1>'
        '<p class="text-lg text-gray-600">Du 4 au 7 novembre 2027, Export Wallonie organise une '
        "mission économique à Lisbonne à l'occasion du Web Summit.</p>"
        + _sections("h2", _FR_SECTIONS, ' class="text-2xl font-bold mt-8"')
        + '<ol class="list-decimal ml-6 mt-4"><li>4 novembre : accueil et briefing</li>'
        "<li>5 novembre : Web Summit</li><li>6 novembre : rendez-vous B2B</li></ol>"
        '<p class="mt-4 font-semibold">Date limite d\'inscription : le 15 septembre 2027.</p>'
        '<div class="mt-8 border rounded p-4"><p class="font-bold">Contact</p><p>Claire Dubois'
        "<br>Conseillère export Portugal<br>+32 81 33 28 50<br>"
        '<a href="mailto:claire.dubois@export-wallonie.example">'
        "claire.dubois@export-wallonie.example</a></p></div>"
        '<div class="flex gap-2 mt-6"><a href="https://www.facebook.com/sharer">Partager</a>'
        '<a href="https://www.linkedin.com/share">LinkedIn</a></div></article>'
        '<section class="grid grid-cols-3 gap-4 mt-12"><h2>À lire aussi</h2>'
        '<a class="card" href="/fr/a">Mission au Maroc</a>'
        '<a class="card" href="/fr/b">Salon à Milan</a></section></main></div></body></html>'
    )
    return html, url, _FR_SECTIONS


_NL_SECTIONS = [
    (
        "Waarom Houston?",
        [
            "Houston is de energiehoofdstad van de Verenigde Staten en telt meer dan 4.700 "
            "energiebedrijven.",
            "De haven van Houston is een van de grootste ter wereld.",
        ],
    ),
    (
        "Voor wie?",
        [
            "De missie richt zich tot Vlaamse bedrijven uit de energie- en de gezondheidssector.",
            "Deelnemers beschikken over een exportklaar product.",
        ],
    ),
    (
        "Wat staat er op het programma?",
        [
            "Het programma omvat bedrijfsbezoeken, B2B-gesprekken en een netwerkreceptie op het "
            "consulaat."
        ],
    ),
]


def _wordpress_nl() -> tuple[str, str, list[tuple[str, list[str]]]]:
    url = "https://www.vlaamsexport.example/nieuws/handelsmissie-houston/"
    html = (
        '<html lang="nl-BE"><head><meta charset="utf-8"><title>Handelsmissie naar Houston - '
        'Vlaams Export</title></head><body class="post-template-default single single-post">'
        '<header id="masthead"><nav><a href="/">Home</a></nav></header><div id="primary">'
        '<main id="main"><article class="post type-post"><header class="entry-header">'
        '<h1 class="entry-title">Handelsmissie naar Houston</h1><div class="entry-meta">'
        '<time datetime="2027-01-10">10 januari 2027</time></div></header>'
        '<div class="entry-content"><p>Van 10 tot 14 maart 2027 trekt Vlaams Export met een '
        "handelsmissie naar Houston in Texas.</p>"
        + _sections("h3", _NL_SECTIONS, ' class="wp-block-heading"')
        + "<p>Inschrijven kan tot 1 februari 2027.</p>"
        "<p><strong>Contact</strong><br>Tom Janssens<br>Exportadviseur Verenigde Staten<br>"
        '+32 2 504 88 00<br><a href="mailto:tom.janssens@vlaamsexport.example">'
        "tom.janssens@vlaamsexport.example</a></p>"
        '<div class="sharedaddy"><h3 class="sd-title">Delen:</h3><ul>'
        '<li><a href="https://twitter.com/share">X</a></li>'
        '<li><a href="https://www.facebook.com/sharer">Facebook</a></li></ul></div></div>'
        '</article><div class="jp-relatedposts"><h3>Gerelateerd</h3>'
        '<div class="jp-relatedposts-post"><a href="/a">Missie naar Canada</a></div>'
        '<div class="jp-relatedposts-post"><a href="/b">Missie naar Japan</a></div></div>'
        "</main></div></body></html>"
    )
    return html, url, _NL_SECTIONS


_ANNOUNCEMENTS = {"dnn_en": _dnn_en, "tailwind_fr": _tailwind_fr, "wordpress_nl": _wordpress_nl}


@pytest.mark.parametrize("template", sorted(_ANNOUNCEMENTS))
def test_question_headings_of_an_announcement_are_no_interview(template: str) -> None:
    html, url, sections = _ANNOUNCEMENTS[template]()
    record = _read(html, url)
    assert record.qa == []
    # the sections are the article's text, headings and all
    for question, paragraphs in sections:
        assert question in (record.body or "")
        assert all(p in (record.body or "") for p in paragraphs)


# --- 2. siblings: interviews with question headings, beside a contact block ----------------------

_EN_TURNS = [
    (
        "Why did you move to Vancouver?",
        "We had two clients there already, and the clean-tech scene is the most open I know.",
    ),
    ("What surprised you most?", "How fast decisions are made. I signed our first deal in a week."),
    ("What would you tell other founders?", "Go and see for yourself before you sign anything."),
]


def test_a_dnn_interview_is_answered_by_its_interviewee_not_the_place_in_the_title() -> None:
    url = "https://www.tradeflanders.example/en/news/anna-berg-vancouver"
    html = (
        '<html lang="en"><head><meta charset="utf-8"><title>From Ghent to British Columbia | '
        'Trade Flanders</title></head><body><form id="Form">'
        '<div class="DnnModule DnnModule-DNN_HTML"><div class="dnnHeader">'
        "<h1>From Ghent to British Columbia</h1></div>"
        '<div class="DNNModuleContent ModDNNHTMLC"><div class="Normal">'
        "<p>Vancouver and British Columbia drew Anna Berg away from Ghent in 2021, to open the "
        "first foreign office of her battery start-up.</p>"
        + "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in _EN_TURNS)
        + "</div></div>"
        '</div><div class="DnnModule contact"><h3>Contact</h3><p>Sarah Peeters<br>Project manager '
        'North America<br>+32 2 504 87 11<br><a href="mailto:sarah.peeters@tradeflanders.example">'
        "sarah.peeters@tradeflanders.example</a></p></div></form></body></html>"
    )
    qa = _read(html, url).qa
    assert [(p.question, p.answer) for p in qa] == _EN_TURNS
    assert {p.speaker for p in qa} == {"Anna Berg"}


_NL_TURNS = [
    (
        "Waarom koffie?",
        "Ik groeide op tussen de koffieplantages van mijn grootvader. We branden nu zelf.",
    ),
    ("Wat was het moeilijkste?", "De vergunningen. We wachtten er bijna een jaar op."),
]


def test_a_wordpress_interview_is_answered_by_its_interviewee_not_a_place_named_first() -> None:
    url = "https://www.vlaamsexport.example/nieuws/els-maes-costa-rica/"
    html = (
        '<html lang="nl-BE"><head><meta charset="utf-8"><title>Koffie uit eigen branderij - '
        'Vlaams Export</title></head><body class="single single-post"><main id="main">'
        '<article class="post"><h1 class="entry-title">Koffie uit eigen branderij</h1>'
        '<div class="entry-content"><p>In Costa Rica bouwde Els Maes een koffiebranderij uit die '
        "nu naar twaalf landen exporteert.</p>"
        + "".join(f'<h3 class="wp-block-heading">{q}</h3><p>{a}</p>' for q, a in _NL_TURNS)
        + "<p><strong>Contact</strong><br>Tom Janssens<br>Exportadviseur Latijns-Amerika<br>"
        '+32 2 504 88 00<br><a href="mailto:tom.janssens@vlaamsexport.example">'
        "tom.janssens@vlaamsexport.example</a></p></div></article></main></body></html>"
    )
    qa = _read(html, url).qa
    assert [(p.question, p.answer) for p in qa] == _NL_TURNS
    assert {p.speaker for p in qa} == {"Els Maes"}
