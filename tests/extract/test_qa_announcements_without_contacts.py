"""An announcement (a trade mission, a call for participants) whose section headings ask ("Why
Seoul?", "Voor wie?", "Wer kann teilnehmen?") over impersonal sections is no interview even with
NO contact card naming someone else (only an address block, or a generic e-mail): its
introduction names the organiser ("Trade Flanders organises …"), which is no one answering. Three
templates and languages (a Builder.io/Qwik page with a slogan `<h1>` in the site bar and an `<h2>`
headline, a Contentstack page with no `<h1>` and an updated-only date, a TYPO3 page), and two
siblings that ARE interviews with question headings and no contact block: one whose answers speak
in the first person, one whose answers barely do but whose kicker says "Interview"."""

from __future__ import annotations

import pytest

from tests.extract.reading import read as _read

_Sections = list[tuple[str, list[str]]]


def _sections(tag: str, sections: _Sections, attrs: str = "") -> str:
    return "".join(
        f"<{tag}{attrs}>{q}</{tag}>" + "".join(f"<p>{p}</p>" for p in ps) for q, ps in sections
    )


# --- 1. announcements without a contact card --------------------------------------------------

_EN_SECTIONS = [
    (
        "Why Seoul?",
        [
            "South Korea is the world's fourth-largest market for batteries and invests more "
            "than 4 per cent of its output in research.",
            "Seoul hosts the headquarters of the country's largest industrial groups.",
        ],
    ),
    (
        "Who can apply?",
        [
            "The mission is open to companies active in energy storage, electronics and "
            "advanced materials with an export-ready offer.",
        ],
    ),
    (
        "What does it cost?",
        [
            "The participation fee is 750 euros per company; flights and hotels are booked by "
            "the participants.",
        ],
    ),
]


def _qwik_en() -> tuple[str, str, _Sections]:
    url = "https://www.tradeflanders.example/en/missions/seoul-2027"
    html = (
        '<!DOCTYPE html><html lang="en" q:container="paused" q:version="1.2">'
        '<head><meta charset="utf-8"><title>Trade mission to Seoul | Trade Flanders</title>'
        '<meta property="og:site_name" content="Trade Flanders"></head><body>'
        '<header class="site-bar" q:key="hdr"><a href="/"><h1 class="slogan">Going global, '
        'together</h1></a><nav><a href="/en/missions">Missions</a><a href="/en/news">News</a>'
        '</nav></header><main q:key="main"><div builder-id="builder-7f3a" '
        'class="builder-block builder-content">'
        '<h2 class="headline">Trade mission to Seoul</h2>'
        '<div class="builder-text"><p>From 8 to 12 October 2027, Trade Flanders organises a '
        "trade mission to Seoul for Flemish companies in batteries and advanced materials.</p>"
        + _sections("h3", _EN_SECTIONS, ' class="builder-heading"')
        + "<p>Registration closes on 30 June 2027.</p></div></div></main>"
        '<footer class="site-footer"><address>Trade Flanders<br>Koning Albert II-laan 37<br>'
        '1030 Brussels</address><p><a href="mailto:info@tradeflanders.example">'
        "info@tradeflanders.example</a></p><p>© 2027 Trade Flanders</p></footer>"
        "<!--qv q:key=end--></body></html>"
    )
    return html, url, _EN_SECTIONS


_NL_SECTIONS = [
    (
        "Waarom Japan?",
        [
            "Japan is de derde economie ter wereld en een belangrijke afnemer van Vlaamse "
            "voedingsproducten.",
            "De vraag naar Europese kwaliteitsproducten groeit er elk jaar.",
        ],
    ),
    (
        "Voor wie is deze missie?",
        [
            "De missie richt zich tot Vlaamse bedrijven uit de voedings- en de "
            "gezondheidssector met een exportklaar product.",
        ],
    ),
    (
        "Wat kost deelname?",
        [
            "Deelname kost 900 euro per bedrijf, vliegtuig en hotel niet inbegrepen.",
        ],
    ),
]


def _contentstack_nl() -> tuple[str, str, _Sections]:
    url = "https://www.tradeflanders.example/nl/missies/japan-2027"
    html = (
        '<html lang="nl-BE"><head><meta charset="utf-8"><title>Handelsmissie naar Japan | '
        "Trade Flanders</title></head>"
        '<body><div id="__next"><header class="cs-header"><nav><a href="/nl">Home</a>'
        '<a href="/nl/missies">Missies</a></nav></header><main class="cs-page">'
        '<div class="cs-entry" data-cslp="article.blt5c1.nl-be.body">'
        '<p class="cs-meta">Bijgewerkt op 14 januari 2027</p>'
        '<div class="cs-rte"><p>Trade Flanders organiseert van 12 tot 16 april 2027 een '
        "handelsmissie naar Tokio en Osaka voor Vlaamse bedrijven uit de voedingssector.</p>"
        + _sections("h2", _NL_SECTIONS)
        + "<p>Inschrijven kan tot 1 maart 2027.</p></div>"
        '<div class="cs-address"><p><strong>Flanders Investment &amp; Trade</strong><br>Koning Albert II-laan 37'
        "<br>1030 Brussel</p></div></div></main>"
        '<footer class="cs-footer"><p>© 2027 Flanders Investment &amp; Trade</p></footer></div></body></html>'
    )
    return html, url, _NL_SECTIONS


_DE_SECTIONS = [
    (
        "Warum Kanada?",
        [
            "Kanada ist einer der größten Märkte für Wasserstofftechnik und fördert neue "
            "Projekte mit Milliardenbeträgen.",
            "Die Provinz Ontario sucht Partner für Elektrolyse und Speichertechnik.",
        ],
    ),
    (
        "Wer kann teilnehmen?",
        [
            "Die Reise richtet sich an Unternehmen aus Bayern mit einem exportfähigen Angebot "
            "in der Wasserstoffwirtschaft.",
        ],
    ),
    (
        "Was kostet die Teilnahme?",
        [
            "Die Teilnahmegebühr beträgt 600 Euro pro Unternehmen; Flug und Hotel buchen die "
            "Teilnehmer selbst.",
        ],
    ),
]


def _typo3_de() -> tuple[str, str, _Sections]:
    url = "https://www.bayern-international.example/de/aktuelles/delegationsreise-kanada"
    html = (
        '<html lang="de"><head><meta charset="utf-8"><title>Delegationsreise nach Kanada - '
        'Bayern International</title></head><body><div id="page">'
        '<nav class="navbar"><a href="/">Startseite</a><a href="/de/aktuelles">Aktuelles</a>'
        '</nav><div id="c412" class="frame frame-default frame-type-header">'
        "<header><h1>Delegationsreise nach Kanada</h1></header></div>"
        '<div id="c413" class="frame frame-default frame-type-text"><p>Bayern International '
        "organisiert vom 5. bis 9. September 2027 eine Delegationsreise nach Toronto und Ottawa "
        "für bayerische Unternehmen der Wasserstoffwirtschaft.</p></div>"
        '<div id="c414" class="frame frame-default frame-type-text">'
        + _sections("h2", _DE_SECTIONS)
        + "<p>Anmeldeschluss ist der 30. Juni 2027.</p></div>"
        '<div id="c415" class="frame frame-type-text"><p>Bayern International GmbH<br>'
        'Landsberger Straße 300<br>80687 München<br><a href="mailto:info@bayern-international.'
        'example">info@bayern-international.example</a></p></div></div></body></html>'
    )
    return html, url, _DE_SECTIONS


_ANNOUNCEMENTS = {"qwik_en": _qwik_en, "contentstack_nl": _contentstack_nl, "typo3_de": _typo3_de}


@pytest.mark.parametrize("template", sorted(_ANNOUNCEMENTS))
def test_question_headings_of_an_announcement_without_contacts_are_no_interview(
    template: str,
) -> None:
    html, url, sections = _ANNOUNCEMENTS[template]()
    record = _read(html, url)
    assert record.qa == []
    # the sections are the article's text, headings and all
    for question, paragraphs in sections:
        assert question in (record.body or "")
        assert all(p in (record.body or "") for p in paragraphs)


# --- 2. siblings: interviews with question headings and no contact block ----------------------

_EN_TURNS = [
    (
        "Why did you open an office in Seoul?",
        "Our two largest clients are there, and I wanted to be close to them.",
    ),
    ("What was the hardest part?", "Hiring. It took me six months to find a country manager."),
    ("What would you tell other founders?", "Go there often, and learn a few words of Korean."),
]


def test_a_qwik_interview_without_contacts_keeps_its_first_person_turns() -> None:
    url = "https://www.tradeflanders.example/en/stories/lotte-claes-seoul"
    html = (
        '<!DOCTYPE html><html lang="en" q:container="paused"><head><meta charset="utf-8">'
        "<title>Batteries from Mechelen to Seoul | Trade Flanders</title></head><body>"
        '<header class="site-bar"><a href="/"><h1 class="slogan">Going global, together</h1>'
        '</a></header><main><div class="builder-block builder-content">'
        '<h2 class="headline">Batteries from Mechelen to Seoul</h2><div class="builder-text">'
        "<p>Lotte Claes founded her battery start-up in Mechelen in 2019; since last year it "
        "has an office in Seoul.</p>"
        + "".join(f'<h3 class="builder-heading">{q}</h3><p>{a}</p>' for q, a in _EN_TURNS)
        + "</div></div></main>"
        '<footer class="site-footer"><address>Trade Flanders<br>Koning Albert II-laan 37<br>'
        "1030 Brussels</address></footer></body></html>"
    )
    qa = _read(html, url).qa
    assert [(p.question, p.answer) for p in qa] == _EN_TURNS
    assert {p.speaker for p in qa} == {"Lotte Claes"}


_NL_TURNS = [
    (
        "Waarom Japan?",
        "De Japanse markt betaalt voor kwaliteit, en chocolade uit Brugge heeft er een naam.",
    ),
    (
        "Hoe verliep de eerste levering?",
        "Moeizaam: de douane hield de pralines drie weken vast, in volle zomer.",
    ),
]


def test_a_contentstack_interview_labelled_by_its_kicker_keeps_its_turns() -> None:
    url = "https://www.vlaamsexport.example/nl/verhalen/pieter-wouters-japan"
    html = (
        '<html lang="nl-BE"><head><meta charset="utf-8"><title>Pralines voor Tokio | Vlaams '
        'Export</title></head><body><div id="__next"><main class="cs-page">'
        '<div class="cs-entry"><p class="cs-kicker">Interview</p>'
        '<p class="cs-meta">Bijgewerkt op 3 februari 2027</p><div class="cs-rte">'
        "<p>Pieter Wouters leidt een chocolatier in Brugge die sinds vorig jaar naar Japan "
        "exporteert.</p>"
        + "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in _NL_TURNS)
        + "</div></div></main></div></body></html>"
    )
    qa = _read(html, url).qa
    assert [(p.question, p.answer) for p in qa] == _NL_TURNS
    assert {p.speaker for p in qa} == {"Pieter Wouters"}
