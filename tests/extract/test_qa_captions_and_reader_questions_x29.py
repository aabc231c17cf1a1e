"""Question headings of market news and announcements, when the only person named is a picture's
photographer or a contact, on a page written here and on a sibling of another template or
language.

1. A picture's caption or credit ("Beeld: Youssef Benali", "Berlin's town hall. Image: Visit
   Berlin", "Photo : Claire Martin") says what a picture shows and who took it: never who answers
   the questions after it, nor that anyone does. It was read as the introduction's first name,
   and the sections became that person's turns.
2. With no one named in the text before the questions (the person is only in the contact
   block), a question heading that addresses "you" ("What will you learn?", "Waar vind je meer
   info?", "Comment vous inscrire ?") may ask the reader: the sections are turns only when an
   answer speaks as an interviewee would (in the first person, to the one who asked).

Siblings that keep their turns: an interview whose introduction names the interviewee, with a
caption credit naming the photographer, is answered by the interviewee; a contact-only attaché
whose answers speak in the first person still answers.
"""

from __future__ import annotations

import pytest

from tests.extract.reading import read

_HUB = "https://hub.brussels"


def _page(
    lang: str,
    title: str,
    lead: str,
    picture: str,
    intro: str,
    sections: list[tuple[str, str]],
    contact: str,
    heading: str = "h3",
) -> str:
    turns = "".join(f"<{heading}>{q}</{heading}><p>{a}</p>" for q, a in sections)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | '
        f"hub.brussels</title></head><body><header><nav><a href='/{lang}/'>hub.brussels</a>"
        f"</nav></header><main><article><h1>{title}</h1><p class='intro'>{lead}</p>"
        f"{picture}<p>{intro}</p>{turns}<aside class='contact'>{contact}</aside></article>"
        "</main><footer><p>hub.brussels, Chaussée de Charleroi 110, 1060 Bruxelles</p></footer>"
        "</body></html>"
    )


_MARKET_NL = _page(
    "nl",
    "Marokko vereenvoudigt de invoer van isolatiemateriaal",
    "Sinds 1 juni gelden in Marokko snellere procedures voor bouwproducten met een Europese "
    "CE-markering. Een opening voor Brusselse leveranciers.",
    "<figure><img src='/img/haven.jpg' alt=''></figure>"
    "<p class='post__credit'>Beeld: Youssef Benali</p>",
    "De Marokkaanse douane erkent voortaan de CE-markering als bewijs van conformiteit. Tot "
    "nu toe moest voor elke zending een apart attest worden aangevraagd.",
    [
        (
            "Wat verandert er?",
            "De controle gebeurt nu achteraf en steekproefsgewijs, waardoor de doorlooptijd aan "
            "de grens daalt van drie weken naar vijf dagen.",
        ),
        (
            "Wie komt in aanmerking?",
            "Alle producenten van isolatiemateriaal, tegels en gevelbekleding met een geldige "
            "CE-markering en een lokale invoerder.",
        ),
        (
            "Waar vind je meer info?",
            "Het kantoor in Casablanca stelde een overzicht op van de procedure. Je kunt het "
            "gratis opvragen.",
        ),
    ],
    "<p><strong>Youssef Benali</strong> | Economisch en handelsattaché in Casablanca</p>"
    "<p><a href='mailto:casablanca@hub.brussels'>casablanca@hub.brussels</a></p>",
)

_WEBINAR_EN = _page(
    "en",
    "Selling to public buyers in Germany",
    "German authorities spend more than 500 billion euros a year on goods and services. Our "
    "free webinar on 3 March explains how Brussels companies can win a share.",
    "<figure><img src='/img/rathaus.jpg' alt=''><figcaption>Berlin’s Rotes Rathaus. Image: "
    "Visit Berlin</figcaption></figure>",
    "Public tenders in Germany are published on one federal platform, but each Land has its "
    "own rules on thresholds and languages.",
    [
        (
            "Who is it for?",
            "Brussels companies in IT services, construction and cleaning that already sell to "
            "public buyers in Belgium.",
        ),
        (
            "What will you learn?",
            "How to find tenders on the federal platform and which certificates German buyers "
            "ask for.",
        ),
        (
            "How do I register?",
            "Registration is free but places are limited. You will receive the link by e-mail.",
        ),
    ],
    "<h3>Laura Dupont</h3><p>Export Advisor – Germany</p>"
    "<p><a href='mailto:LDupont@hub.brussels'>LDupont@hub.brussels</a></p>",
    heading="h2",
)

_MISSION_FR = _page(
    "fr",
    "Mission économique au Québec",
    "Du 12 au 16 octobre, une délégation bruxelloise se rend à Montréal et à Québec pour "
    "rencontrer des acheteurs du secteur de la construction durable.",
    "<p><img src='/img/montreal.jpg' alt=''></p><p class='credit'>Photo : Claire Martin</p>",
    "La mission s'adresse aux entreprises qui exportent déjà en Europe et veulent s'implanter "
    "outre-Atlantique.",
    [
        (
            "Pourquoi le Québec ?",
            "Le marché de la rénovation énergétique y croît de huit pour cent par an et les "
            "normes sont proches des normes européennes.",
        ),
        (
            "Comment vous inscrire ?",
            "Remplissez le formulaire avant le 1er septembre. Vous recevrez le programme "
            "détaillé par courriel.",
        ),
    ],
    "<p><strong>Julien Lambert</strong>, conseiller export Amérique du Nord</p>"
    "<p><a href='mailto:jlambert@hub.brussels'>jlambert@hub.brussels</a></p>",
)

_ANNOUNCEMENTS = {
    "nl-market-news-credit-paragraph": (
        _MARKET_NL,
        "/nl/news/marokko-isolatiemateriaal/",
        "Wat verandert er?",
    ),
    "en-webinar-figcaption": (
        _WEBINAR_EN,
        "/en/news/selling-to-public-buyers-in-germany/",
        "What will you learn?",
    ),
    "fr-mission-credit-line": (
        _MISSION_FR,
        "/fr/news/mission-economique-au-quebec/",
        "Pourquoi le Québec ?",
    ),
}


@pytest.mark.parametrize("case", sorted(_ANNOUNCEMENTS))
def test_question_headings_named_only_by_a_credit_or_a_contact_are_no_interview(
    case: str,
) -> None:
    html, path, heading = _ANNOUNCEMENTS[case]
    record = read(html, _HUB + path)
    assert record.qa == []
    assert heading in (record.body or "")  # the sections stay the article's text


def test_an_interview_keeps_its_interviewee_beside_a_photographer_credit() -> None:
    html = _page(
        "fr",
        "« Le Japon récompense la patience »",
        "Sophie Verbeke, attachée économique et commerciale à Tokyo, répond à nos questions.",
        "<figure><img src='/img/tokyo.jpg' alt=''><figcaption>Le port de Yokohama. Photo : "
        "Kenji Sato</figcaption></figure>",
        "Nous avons rencontré Sophie Verbeke dans son bureau de Minato.",
        [
            (
                "Qu'est-ce qui vous a surprise au Japon ?",
                "Nous avons appris que la confiance se construit lentement, mais qu'elle dure.",
            ),
            (
                "Quel conseil donneriez-vous aux entreprises ?",
                "Je leur dirais de venir plusieurs fois avant de signer quoi que ce soit.",
            ),
        ],
        "<p><strong>Sophie Verbeke</strong>, attachée à Tokyo</p>",
    )
    qa = read(html, f"{_HUB}/fr/news/le-japon-recompense-la-patience/").qa
    assert [p.question for p in qa] == [
        "Qu'est-ce qui vous a surprise au Japon ?",
        "Quel conseil donneriez-vous aux entreprises ?",
    ]
    assert {p.speaker for p in qa} == {"Sophie Verbeke"}


def test_a_contact_only_attache_answering_in_the_first_person_still_answers() -> None:
    html = _page(
        "en",
        "Five questions on the Nordic market",
        "Scandinavian buyers want durable design furniture, and they pay for it.",
        "<figure><img src='/img/oslo.jpg' alt=''><figcaption>Oslo's harbour. Photo: Ola "
        "Nordmann</figcaption></figure>",
        "Buyers in Oslo, Stockholm and Copenhagen look for durable pieces.",
        [
            (
                "What do Nordic buyers expect from you?",
                "We see that they ask for certified wood first, and I always tell companies to "
                "bring samples.",
            ),
            (
                "Where do you start?",
                "I would start with the Stockholm furniture fair, where we have a stand.",
            ),
        ],
        "<h3>Ingrid Peeters</h3><p>Economic and Trade Attaché, Oslo</p>",
        heading="h2",
    )
    qa = read(html, f"{_HUB}/en/news/five-questions-on-the-nordic-market/").qa
    assert [p.question for p in qa] == [
        "What do Nordic buyers expect from you?",
        "Where do you start?",
    ]
