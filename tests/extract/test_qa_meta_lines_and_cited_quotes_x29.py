"""Question headings of announcements and market news that are no interview, on a page written
here and on a sibling of another template or language.

1. A meta line glued into one block under the headline ("Sector: Mobility Published 05/14/2026",
   "Secteur : Mobilité Publié le 14/05/2026": a label and its value, a date label and its date)
   is the page's metadata: it introduces no one. The sector glued to the date label read as a
   full name ("Mobility Published"), the interviewee, and a mission's sections ("Why Korea?",
   "What’s included?", "Who can apply?") became that name's turns.
2. A `<cite>` under a `<blockquote>` in one section of market news names the source of that
   quote, not the one answering an interview: a cited interview signs its answers (each one, or
   one line after the last answer signing all). It made every question heading ("Waarom nu?",
   "Why now?") a turn.

Guards: an interview whose answers are blockquotes each signed by a `<cite>`, and one signed by
a single attribution line after its last answer, keep their turns.
"""

from __future__ import annotations

import pytest

from tests.extract.reading import read

_HUB = "https://hub.brussels"


def _page(
    lang: str,
    title: str,
    header: str,
    lead: str,
    intro: str,
    sections: list[tuple[str, str]],
    contact: str,
    heading: str = "h3",
) -> str:
    turns = "".join(f"<{heading}>{q}</{heading}>{a}" for q, a in sections)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | '
        f"hub.brussels</title></head><body><header><nav><a href='/{lang}/'>hub.brussels</a>"
        f"</nav></header><main><article>{header}<p class='intro'>{lead}</p><p>{intro}</p>"
        f"{turns}<aside class='contact'>{contact}</aside></article></main><footer><p>"
        "hub.brussels, Chaussée de Charleroi 110, 1060 Bruxelles</p></footer></body></html>"
    )


_MISSION_EN = _page(
    "en",
    "Trade mission to South Korea",
    "<header><h1>Trade mission to South Korea</h1><div class='meta'>Sector: "
    "<a href='/en/sector/mobility/'>Mobility</a> Published 05/14/2026</div></header>",
    "From 8 to 12 June, a Brussels delegation travels to Seoul and Busan to meet buyers of "
    "electric mobility.",
    "The mission is open to companies that already export within Europe.",
    [
        (
            "Why Korea?",
            "<p>Korea is the fifth market for electric vehicles in the world, and its carmakers "
            "look for European suppliers of batteries and charging equipment.</p>",
        ),
        (
            "What’s included?",
            "<ul><li>Business meetings with selected buyers</li><li>A visit to the Busan "
            "mobility fair</li><li>A market briefing by the trade office</li></ul>",
        ),
        (
            "Who can apply?",
            "<p>Brussels companies in electric mobility, with an export plan and a presentation "
            "in English.</p>",
        ),
    ],
    "<p><strong>Min-ji Park</strong>, Trade Attaché in Seoul</p>"
    "<p><a href='mailto:seoul@hub.brussels'>seoul@hub.brussels</a></p>",
)

_MISSION_FR = _page(
    "fr",
    "Mission économique : la mobilité électrique coréenne",
    "<h1>Mission économique : la mobilité électrique coréenne</h1><p class='post-meta'>"
    "Secteur : <a href='/fr/secteur/mobilite/'>Mobilité</a> Publié le 14/05/2026</p>",
    "Du 8 au 12 juin, une délégation bruxelloise se rend à Séoul et à Busan.",
    "Au programme : rencontre avec des acheteurs de batteries et de bornes de recharge.",
    [
        (
            "Pourquoi la Corée ?",
            "<p>La Corée est le cinquième marché mondial des véhicules électriques, et ses "
            "constructeurs cherchent des fournisseurs européens de batteries.</p>",
        ),
        (
            "Qu'est-ce qui est compris ?",
            "<ul><li>Des rendez-vous avec des acheteurs sélectionnés</li><li>Une visite du "
            "salon de la mobilité de Busan</li><li>Un briefing sur le marché</li></ul>",
        ),
        (
            "Qui peut participer ?",
            "<p>Les entreprises bruxelloises de la mobilité électrique, avec un plan "
            "d'exportation.</p>",
        ),
    ],
    "<p><strong>Min-ji Park</strong>, attachée économique et commerciale à Séoul</p>"
    "<p><a href='mailto:seoul@hub.brussels'>seoul@hub.brussels</a></p>",
    heading="h2",
)


def _quote(text: str, source: str) -> str:
    return f"<blockquote><p>“{text}”</p><cite>{source}</cite></blockquote>"


_MARKET_NL = _page(
    "nl",
    "Vietnam opent zijn markt voor Europese zuivel",
    "<h1>Vietnam opent zijn markt voor Europese zuivel</h1>",
    "Sinds 1 augustus geldt het Europese handelsakkoord met Vietnam ook voor kaas en boter.",
    "De invoerrechten op Europese zuivel dalen over vijf jaar van vijftien procent naar nul.",
    [
        (
            "Waarom nu?",
            "<p>De Vietnamese middenklasse groeit snel en eet steeds meer westerse producten. De "
            "vraag naar kaas verdubbelde in drie jaar.</p>"
            + _quote(
                "Vietnamese supermarkten zoeken actief naar Europese merken die hun verhaal "
                "kunnen vertellen.",
                "Linh Tran, economisch en handelsattaché in Ho Chi Minhstad",
            ),
        ),
        (
            "Wat betekent dit voor Brusselse bedrijven?",
            "<p>Producenten van kaas en boter kunnen hun prijzen verlagen en nieuwe "
            "distributeurs aanspreken.</p>",
        ),
        (
            "Hoe begin je eraan?",
            "<p>Het kantoor in Ho Chi Minhstad stelde een lijst van importeurs op. De lijst is "
            "gratis op te vragen.</p>",
        ),
    ],
    "<p><strong>Linh Tran</strong>, economisch en handelsattaché in Ho Chi Minhstad</p>"
    "<p><a href='mailto:hcmc@hub.brussels'>hcmc@hub.brussels</a></p>",
    heading="h2",
)

_MARKET_EN = _page(
    "en",
    "Vietnam opens its market to European dairy",
    "<header class='post__header'><h1>Vietnam opens its market to European dairy</h1></header>",
    "Since 1 August, the trade agreement with Vietnam also covers cheese and butter.",
    "Import duties on European dairy fall from fifteen percent to zero over five years.",
    [
        (
            "Why now?",
            "<p>Vietnam’s middle class is growing fast and buys more western products. Demand "
            "for cheese doubled in three years.</p>"
            + _quote(
                "Vietnamese supermarkets are actively looking for European brands with a story "
                "to tell.",
                "Linh Tran, Economic and Trade Attaché in Ho Chi Minh City",
            ),
        ),
        (
            "What does this mean for Brussels companies?",
            "<p>Producers of cheese and butter can lower their prices and approach new "
            "distributors.</p>",
        ),
        (
            "How to get started?",
            "<p>The office in Ho Chi Minh City drew up a list of importers. The list is free on "
            "request.</p>",
        ),
    ],
    "<h3>Linh Tran</h3><p>Economic and Trade Attaché in Ho Chi Minh City</p>"
    "<p><a href='mailto:hcmc@hub.brussels'>hcmc@hub.brussels</a></p>",
)

_NO_INTERVIEW = {
    "en-mission-meta-line-in-header": (
        _MISSION_EN,
        "/en/news/trade-mission-to-south-korea/",
        "Who can apply?",
    ),
    "fr-mission-meta-paragraph": (
        _MISSION_FR,
        "/fr/news/mission-mobilite-coree/",
        "Qui peut participer ?",
    ),
    "nl-market-news-cited-quote": (_MARKET_NL, "/nl/news/vietnam-zuivel/", "Waarom nu?"),
    "en-market-news-cited-quote": (_MARKET_EN, "/en/news/vietnam-dairy/", "Why now?"),
}


@pytest.mark.parametrize("case", sorted(_NO_INTERVIEW))
def test_a_meta_line_or_a_quotes_cite_makes_no_interview(case: str) -> None:
    html, path, heading = _NO_INTERVIEW[case]
    record = read(html, _HUB + path)
    assert record.qa == []
    body = record.body or ""
    assert heading in body  # the sections stay the article's text
    if "<blockquote>" in html:
        assert "Vietnamese supermark" in body  # and so does the quote


def test_an_interview_whose_answers_each_cite_the_speaker_keeps_its_turns() -> None:
    html = _page(
        "en",
        "Gulf buyers want a story",
        "<h1>Gulf buyers want a story</h1>",
        "Eleven Brussels producers are on the Belgian pavilion at Gulfood.",
        "We asked Nadia El Amrani, our representative in Dubai, what buyers look for.",
        [
            (
                "What sells best in the Emirates?",
                _quote("Premium chocolate and biscuits sell best.", "Nadia El Amrani"),
            ),
            (
                "Is halal certification necessary?",
                _quote(
                    "For meat and gelatine, yes; for chocolate it opens doors.", "Nadia El Amrani"
                ),
            ),
        ],
        "<p><strong>Nadia El Amrani</strong>, representative in Dubai</p>",
    )
    qa = read(html, f"{_HUB}/en/news/gulf-buyers-want-a-story/").qa
    assert [p.question for p in qa] == [
        "What sells best in the Emirates?",
        "Is halal certification necessary?",
    ]
    assert {p.speaker for p in qa} == {"Nadia El Amrani"}


def test_one_cite_after_the_last_answer_signs_the_whole_interview() -> None:
    html = _page(
        "fr",
        "Le chocolat belge au Mexique",
        "<h1>Le chocolat belge au Mexique</h1>",
        "Les exportations vers le Mexique ont doublé l'an dernier.",
        "Les fabricants belges regardent vers l'Amérique latine.",
        [
            ("Pourquoi le Mexique ?", "<p>Parce que la classe moyenne y grandit vite.</p>"),
            (
                "Qu'est-ce qui a été le plus difficile ?",
                "<p>La douane, sans aucun doute : chaque envoi était contrôlé deux fois.</p>"
                "<cite>Carla Mendes, attachée commerciale</cite>",
            ),
        ],
        "",
        heading="h2",
    )
    qa = read(html, f"{_HUB}/fr/news/chocolat-mexique/").qa
    assert [p.question for p in qa] == [
        "Pourquoi le Mexique ?",
        "Qu'est-ce qui a été le plus difficile ?",
    ]
    assert {p.speaker for p in qa} == {"Carla Mendes, attachée commerciale"}
