"""A headline or section heading written "Place: rest" ("Mexico: nearshoring opens doors",
"Casablanca : l'agroalimentaire recrute") is no speaker's turn, even when the place opens a name the
text gives ("Mexico" of "Mexico-Stad"): before, such a heading was read as a first-name label
("Amina: …"), the interview was taken for a labelled one, and the question headings' turns were
lost (qa = []). Two templates and languages: a Strapi/Next-like page with `<h4>` questions
(nl), a plain WordPress-like post with bold questions (fr); and a sibling whose turns really
are labelled with a first name, which stays labelled."""

from __future__ import annotations

from tests.extract.reading import read as _read

_NL_TURNS = [
    (
        "Wat bedoelen we precies met nearshoring?",
        "Amerikaanse bedrijven verplaatsen hun toeleveranciers van Azië naar Mexico, dichter bij "
        "hun markt. Vorig jaar werd Mexico zo de grootste handelspartner van de Verenigde Staten.",
    ),
    (
        "Waar liggen de kansen voor Brusselse bedrijven?",
        "Vooral in de logistiek: de nieuwe industrieparken hebben software nodig voor "
        "voorraadbeheer en douane. Daar hebben Brusselse bedrijven veel ervaring mee.",
    ),
    (
        "Wat is uw belangrijkste advies?",
        "Reken op persoonlijke relaties. In Mexico gebeurt zaken doen aan tafel, niet via e-mail.",
    ),
]


def _nl_page() -> str:
    turns = "".join(f"<h4>{q}</h4><p>{a}</p>" for q, a in _NL_TURNS)
    return f"""<html lang="nl"><head><title>Mexico: nearshoring opent deuren | hub.brussels</title>
</head><body><header class="SiteHeader"><a href="/nl/">hub.brussels</a></header>
<main><article class="ArticlePage_root">
<div class="ArticlePage_labels"><span class="Label_kicker">Interview</span></div>
<h1 class="ArticlePage_title">Mexico: nearshoring opent deuren voor Brusselse logistiek</h1>
<div class="ArticlePage_meta"><span>Gepubliceerd op <time datetime="2026-02-11T09:00:00Z">11
februari 2026</time></span></div>
<p class="ArticlePage_intro">Amerikaanse bedrijven halen hun productie terug naar Mexico. Voor
Brusselse logistieke bedrijven is dat een kans, zegt onze attaché in Mexico-Stad.</p>
<div class="RichText_root"><p>Pieter Claes is sinds 2023 handelsattaché van hub.brussels in
Mexico-Stad. Hij volgt de verschuiving van productieketens van dichtbij.</p>{turns}
<h2>Matchmaking in Monterrey</h2><p>In mei organiseert hub.brussels een matchmakingdag in
Monterrey voor logistieke en digitale bedrijven uit Brussel.</p></div>
</article></main><footer><p>hub.brussels, Brussel</p></footer></body></html>"""


_FR_TURNS = [
    (
        "Pourquoi le Maroc attire-t-il autant les entreprises belges ?",
        "Le pays est à trois heures de vol de Bruxelles et ses zones industrielles offrent des "
        "terrains équipés. Nous y accompagnons une vingtaine de PME chaque année.",
    ),
    (
        "Quels secteurs recrutent le plus ?",
        "L'agroalimentaire et la logistique, surtout autour de Tanger Med, où les exportations "
        "vers l'Europe ont doublé en cinq ans.",
    ),
]


def _fr_page(labelled: bool = False) -> str:
    if labelled:  # the same interview, its turns labelled with the interviewee's first name
        turns = "".join(
            f"<p><strong>hub.brussels : {q}</strong></p><p>Samira : {a}</p>" for q, a in _FR_TURNS
        )
    else:
        turns = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in _FR_TURNS)
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Casablanca : l'agroalimentaire recrute – hub.brussels</title></head>
<body class="single-post"><div id="page"><nav class="main-navigation"><a href="/fr/">Accueil</a>
<a href="/fr/actualites/">Actualités</a></nav>
<div id="content"><article class="post type-post"><header class="entry-header">
<h1 class="entry-title">Casablanca : l'agroalimentaire recrute</h1>
<div class="entry-meta">Publié le <time class="entry-date" datetime="2026-03-04">4 mars
2026</time></div></header><div class="entry-content">
<p>Samira Benali représente hub.brussels à Casablanca depuis 2021. Elle revient sur les atouts
de Casablanca Finance City pour les entreprises bruxelloises.</p>
<h2>Casablanca : la porte de l'Afrique</h2>{turns}</div></article></div>
<footer id="colophon"><p>© hub.brussels</p></footer></div></body></html>"""


def test_a_place_colon_headline_leaves_the_heading_questions_turns() -> None:
    record = _read(_nl_page(), "https://hub.brussels/nl/nieuws/interview-mexico-nearshoring")
    assert [(p.question, p.answer) for p in record.qa] == _NL_TURNS
    assert {p.speaker for p in record.qa} == {"Pieter Claes"}


def test_a_place_colon_headline_leaves_the_bold_questions_turns() -> None:
    record = _read(_fr_page(), "https://hub.brussels/fr/actualites/interview-maroc")
    assert [(p.question, p.answer) for p in record.qa] == _FR_TURNS
    assert {p.speaker for p in record.qa} == {"Samira Benali"}


def test_first_name_labels_in_paragraphs_still_name_the_speaker() -> None:
    record = _read(_fr_page(labelled=True), "https://hub.brussels/fr/actualites/interview-maroc")
    assert [p.answer for p in record.qa] == [a for _, a in _FR_TURNS]
    assert {p.speaker for p in record.qa} == {"Samira Benali"}
