"""Q&A and contact kinds: interview turns opened by the language's turn labels ("V:" / "A:", "Q :" /
"R :") set on lines of their own, all in one paragraph, or before a question carrying its
context; the question-mark sections of a mission announcement read as turns. Each with a sibling
in another language and markup."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Article
from scraper.sites import generic_profile, profile_for_url


def _record(html: str, lang: str, slug: str) -> Article:
    url = f"https://hub.brussels/{lang}/news/{slug}/"
    return extract_article(html, url, profile=profile_for_url(url))


def _hub_page(lang: str, title: str, content: str, sidebar: str = "") -> str:
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | hub.brussels</title>'
        '</head><body><header><nav><a href="/">Home</a></nav></header><main>'
        f'<div class="container"><div class="row"><div class="col-md-8"><article><h1>{title}</h1>'
        f'<div class="content-area">{content}</div></article></div>'
        f'<aside class="col-md-4 sidebar">{sidebar}</aside></div></div></main>'
        "<footer>hub.brussels</footer></body></html>"
    )


# --- 1. turn labels of the language: "V:" / "A:", "Q :" / "R :", "Q:" / "A:" --------------------

NL_TURNS = [
    (
        "Hoe ben je in Japan terechtgekomen?",
        "Via een beurs in Parijs kwam ik in contact met een Japanse verdeler.",
    ),
    (
        "Wat was de grootste uitdaging?",
        "De taal en de manier van zakendoen. Je moet geduld hebben.",
    ),
    (
        "Welk advies geef je aan andere ondernemers?",
        "Bereid je goed voor en laat je begeleiden. Dat heeft ons veel tijd bespaard.",
    ),
]
NL_INTRO = (
    "<p>Lies Janssens, oprichtster van het Brusselse designlabel Kumo, trok vorig jaar naar "
    "Tokio. We spraken met haar over haar ervaringen.</p>"
)


def test_dutch_turn_labels_on_lines_of_their_own() -> None:
    turns = "".join(
        f"<p><strong>V:</strong></p><p>{q}</p><p><strong>A:</strong></p><p>{a}</p>"
        for q, a in NL_TURNS
    )
    html = _hub_page("nl", "Lies Janssens over export naar Japan", NL_INTRO + turns)
    qa = _record(html, "nl", "lies-janssens").qa
    assert [(p.question, p.answer) for p in qa] == NL_TURNS
    assert {p.speaker for p in qa} == {"Lies Janssens"}


def test_dutch_turn_labels_in_one_paragraph() -> None:
    turns = "<br><br>".join(
        f"<strong>V:</strong> {q}<br><strong>A:</strong> {a}" for q, a in NL_TURNS
    )
    html = _hub_page("nl", "Lies Janssens over export naar Japan", f"{NL_INTRO}<p>{turns}</p>")
    qa = _record(html, "nl", "lies-janssens").qa
    assert [(p.question, p.answer) for p in qa] == NL_TURNS
    assert {p.speaker for p in qa} == {"Lies Janssens"}


FR_TURNS = [
    (
        "Pourquoi le Québec ?",
        "Parce que la langue et la culture d'affaires sont proches. Nous y avions deux clients.",
    ),
    (
        "Quelles difficultés avez-vous rencontrées ?",
        "Surtout administratives : il faut une entité locale et un comptable sur place.",
    ),
]
FR_INTRO = (
    "<p>Marc Lefèvre, fondateur de la start-up bruxelloise Solvio, s'est implanté au Québec. "
    "Nous l'avons rencontré.</p>"
)


def test_french_turn_labels_in_one_paragraph() -> None:
    turns = "<br>".join(f"<b>Q :</b> {q}<br><b>R :</b> {a}" for q, a in FR_TURNS)
    html = _hub_page("fr", "Entretien avec Marc Lefèvre", f"{FR_INTRO}<p>{turns}</p>")
    qa = _record(html, "fr", "marc-lefevre").qa
    assert [(p.question, p.answer) for p in qa] == FR_TURNS
    assert {p.speaker for p in qa} == {"Marc Lefèvre"}


def test_french_turn_labels_on_lines_of_their_own_in_divs() -> None:
    turns = "".join(
        f"<div><strong>Q :</strong></div><div>{q}</div><div><strong>R :</strong></div>"
        f"<div>{a}</div>"
        for q, a in FR_TURNS
    )
    html = _hub_page("fr", "Entretien avec Marc Lefèvre", FR_INTRO + turns)
    qa = _record(html, "fr", "marc-lefevre").qa
    assert [(p.question, p.answer) for p in qa] == FR_TURNS


def test_labelled_question_carrying_its_context_en() -> None:
    context = (
        "Chile is a market many Belgian companies dream of, yet few of them break through: the "
        "distances, the regulations and the expectations of customers differ from what we know "
        "in Europe. You opened an office in Santiago last year and work with two distributors "
        "in the north of the country. How did you get there?"
    )
    turns = [
        (context, "Through a fair in Paris, where I met a Chilean distributor."),
        ("What surprised you most?", "How open people are to new partners."),
    ]
    intro = (
        "<p>Sarah Collins, founder of the Brussels start-up Greenloop, opened an office in "
        "Santiago last year.</p>"
    )
    body = "".join(
        f"<p><strong>Q:</strong> {q}</p><p><strong>A:</strong> {a}</p>" for q, a in turns
    )
    html = _hub_page("en", "Sarah Collins on Chile", intro + body)
    qa = _record(html, "en", "sarah-collins").qa
    assert [(p.question, p.answer) for p in qa] == turns
    assert {p.speaker for p in qa} == {"Sarah Collins"}


# --- 2. a mission announcement's question sections are no interview ------------------------------

MISSIONS = {
    "fr": (
        "Mission économique à Mumbai",
        "Du 3 au 7 mars 2027, hub.brussels organise une mission économique à Mumbai. Notre "
        "attachée économique et commerciale, Priya Desai, accompagnera la mission.",
        [
            ("Pourquoi Mumbai ?", "Mumbai est la capitale économique de l'Inde."),
            ("Qui peut participer ?", "Les entreprises bruxelloises qui visent le marché indien."),
        ],
        "Sophie Martin",
    ),
    "en": (
        "Trade mission to Chile",
        "From 12 to 16 May 2027, hub.brussels leads a trade mission to Santiago. Our trade "
        "attaché in Santiago, Carlos Rivera, will accompany the mission.",
        [
            ("Why Chile?", "Chile is the most open economy of Latin America."),
            ("Who can take part?", "Brussels companies of the energy and environment sectors."),
        ],
        "Tom Peeters",
    ),
    "nl": (
        "Handelsmissie naar Vietnam",
        "Van 8 tot 12 juni 2027 organiseert hub.brussels een handelsmissie naar Ho Chi Minhstad. "
        "Onze handelsattaché Linh Nguyen zal de missie begeleiden.",
        [
            ("Waarom Vietnam?", "Vietnam is een van de snelst groeiende economieën van Azië."),
            ("Wat staat er op het programma?", "B2B-afspraken en bedrijfsbezoeken."),
        ],
        "Nadia El Amrani",
    ),
}


def _mission(lang: str, question_tag: str) -> str:
    title, intro, sections, contact = MISSIONS[lang]
    opening, closing = {"h3": ("<h3>", "</h3>"), "b": ("<p><b>", "</b></p>")}[question_tag]
    text = "".join(f"{opening}{q}{closing}<p>{a}</p>" for q, a in sections)
    content = (
        f'<div class="block block-text"><p>{intro}</p>{text}</div><div class="block '
        'block-button"><a class="btn" href="https://hub.brussels/register/">Register</a></div>'
    )
    sidebar = (
        f'<div class="contact-card"><h4>Contact</h4><p><strong>{contact}</strong></p>'
        '<p><a href="tel:+3228004000">+32 2 800 40 00</a></p>'
        '<p><a href="mailto:mission@hub.brussels">mission@hub.brussels</a></p></div>'
    )
    return _hub_page(lang, title, content, sidebar)


@pytest.mark.parametrize("question_tag", ["h3", "b"])
@pytest.mark.parametrize("lang", sorted(MISSIONS))
def test_question_sections_of_a_mission_announcement_are_no_turns(
    lang: str, question_tag: str
) -> None:
    record = _record(_mission(lang, question_tag), lang, "mission")
    assert record.qa == []
    for question, answer in MISSIONS[lang][2]:
        assert question in (record.body or "") and answer in (record.body or "")


def test_an_attache_who_answers_in_a_dialogue_is_still_interviewed() -> None:
    title, intro, _, _ = MISSIONS["fr"]
    turns = [
        ("Pourquoi avez-vous choisi Mumbai ?", "Nous y avons déjà accompagné vingt entreprises."),
        ("Qui peut participer ?", "Toutes les entreprises bruxelloises qui visent l'Inde."),
    ]
    text = "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in turns)
    record = _record(_hub_page("fr", title, f"<p>{intro}</p>{text}"), "fr", "mission")
    assert [(p.question, p.answer) for p in record.qa] == turns
    assert {p.speaker for p in record.qa} == {"Priya Desai"}


# --- 3. a channel's label on a line of its own belongs to the channel, not the role ----------------

CARDS = {
    "fr": (
        "<p><strong>Priya Desai</strong><br>Attachée économique<br>Bureau :<br>+91 22 6612 3456"
        "<br>Tél. bureau<br>+91 22 6612 3400<br>priya.desai@hub.brussels</p>",
        ("Priya Desai", "Attachée économique", ["+912266123456", "+912266123400"]),
    ),
    "en": (
        "<div class='contact'><div><strong>Carlos Rivera</strong></div><div>Trade attaché</div>"
        "<div>Office:</div><div><a href='tel:+56223456789'>+56 2 2345 6789</a></div>"
        "<div><a href='mailto:carlos.rivera@hub.brussels'>carlos.rivera@hub.brussels</a></div>"
        "</div>",
        ("Carlos Rivera", "Trade attaché", ["+56223456789"]),
    ),
    "nl": (
        "<p><strong>Linh Nguyen</strong><br>Handelsattaché, Kantoor:<br>+84 28 3823 1234<br>"
        "linh.nguyen@hub.brussels</p>",
        ("Linh Nguyen", "Handelsattaché", ["+842838231234"]),
    ),
}


@pytest.mark.parametrize("lang", sorted(CARDS))
def test_a_channel_label_line_is_not_the_role(lang: str) -> None:
    card, (name, role, phones) = CARDS[lang]
    content = (
        "<p>Une mission est organisée en 2027 pour les entreprises bruxelloises qui visent ce "
        "marché.</p><p>Le programme comprend des rendez-vous et des visites.</p>"
        f"<h2>Contact</h2>{card}"
    )
    [contact] = _record(_hub_page(lang, "Mission", content), lang, "mission").contacts
    assert (contact.name, contact.role, contact.phones) == (name, role, phones)


# --- 4. a news article's author box is no contact, when only metadata names the author ------------

NEWS_TEXT = (
    "<p>Le conseil communal a approuvé lundi soir le budget 2027, qui prévoit une hausse des "
    "investissements dans les écoles et les crèches.</p><p>L'opposition a voté contre, "
    "estimant que la dette augmente trop vite.</p><p>Le budget sera transmis à la tutelle "
    "régionale dans les prochaines semaines.</p>"
)


def _news(head: str, text: str, box: str) -> list[str | None]:
    html = (
        f'<html lang="fr"><head>{head}</head><body><main><article><h1>Le budget 2027 approuvé'
        f"</h1>{text}{box}</article></main></body></html>"
    )
    url = "https://www.courrier-local.example/actualite/budget-2027"
    return [c.name for c in extract_article(html, url, profile=generic_profile()).contacts]


def test_author_box_of_an_author_named_in_meta_is_no_contact() -> None:
    box = (
        '<div class="box"><p><strong>Julie Lambert</strong></p><p>Journaliste</p>'
        "<p>julie.lambert@courrier-local.example</p><p>+32 2 555 66 77</p></div>"
    )
    assert _news('<meta name="author" content="Julie Lambert">', NEWS_TEXT, box) == []


def test_author_box_of_an_author_named_in_json_ld_is_no_contact() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": '
        '"Person", "name": "Emma Clarke"}, {"@type": "Person", "name": "Tom Hughes"}]}</script>'
    )
    box = (
        "<div><p><b>Emma Clarke</b><br>Local politics reporter<br>"
        "emma.clarke@gazette.example</p></div>"
    )
    assert _news(head, NEWS_TEXT, box) == []


def test_a_contact_the_article_gives_stays_beside_a_declared_author() -> None:
    box = (
        "<h2>Contact</h2><p><strong>Paul Renard</strong><br>Échevin des finances<br>"
        "paul.renard@commune.example</p>"
    )
    assert _news('<meta name="author" content="Julie Lambert">', NEWS_TEXT, box) == ["Paul Renard"]
