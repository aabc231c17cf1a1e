"""Kinds of round x20 (Q&A, contacts, related): a trade mission's question-mark section headings
followed by lists and programme items are no interview, even when the intro quotes someone; an
interview whose questions carry the organisation's label ("hub.brussels:") is answered by the
person the intro names, not by a capitalised place of the intro; a contact box of `<p>` lines,
an `<address>` and a national phone number is one contact with its name, role, address and
phone; an inline "Related" box of one link between text paragraphs is a related item, not body
text. Each with a sibling in another language or template."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Article
from scraper.sites import profile_for_url


def _page(url: str, lang: str, title: str, content: str, after: str) -> Article:
    site = "hub.brussels" if "hub.brussels" in url else "Daily Ledger"
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>'
        f'</head><body><header><nav><a href="/">{site}</a></nav></header><main>'
        f'<div class="container"><article class="post"><h1>{title}</h1>'
        f'<div class="entry-content">{content}</div></article>{after}</div></main>'
        f"<footer>© {site}</footer></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


def _hub(lang: str, title: str, content: str, slug: str, after: str = "") -> Article:
    return _page(f"https://hub.brussels/{lang}/news/{slug}/", lang, title, content, after)


def _news(lang: str, title: str, content: str, after: str = "") -> Article:
    url = "https://www.dailyledger.example/world/2027/03/02/story"
    return _page(url, lang, title, content, after)


# --- 1. a trade mission's question headings, sections of lists and programme items ---------------

MISSIONS = {
    "en": (
        "Trade mission to Rwanda",
        "From 9 to 13 May 2027, hub.brussels leads a trade mission to Kigali for Brussels "
        "companies in digital and health. “Rwanda is one of the fastest reformers in Africa,” "
        "says Isabelle Grippa, who will lead the delegation.",
        "h2",
        [
            (
                "Why Rwanda?",
                "<p>Rwanda is a gateway to East Africa. It offers:</p><ul>"
                "<li>a stable business climate</li><li>fast company registration</li>"
                "<li>a growing digital sector</li></ul>",
            ),
            (
                "Who can take part?",
                "<p>Companies based in the Brussels-Capital Region with an export-ready "
                "product.</p>",
            ),
            (
                "What is on the programme?",
                "<ul><li>9 May: briefing at the embassy</li><li>10-11 May: B2B meetings</li>"
                "<li>12 May: site visits in Kigali Innovation City</li></ul>",
            ),
        ],
    ),
    "fr": (
        "Mission économique au Rwanda",
        "Du 9 au 13 mai 2027, hub.brussels organise une mission économique à Kigali. « Le Rwanda "
        "est l'un des pays les plus réformateurs d'Afrique », souligne Isabelle Grippa.",
        "h3",
        [
            (
                "Pourquoi le Rwanda ?",
                "<p>Le Rwanda est une porte d'entrée vers l'Afrique de l'Est :</p><ul>"
                "<li>un climat des affaires stable</li><li>une création d'entreprise rapide</li>"
                "</ul>",
            ),
            (
                "Qui peut participer ?",
                "<p>Les entreprises établies en Région de Bruxelles-Capitale.</p>",
            ),
            (
                "Quel est le programme ?",
                "<ul><li>9 mai : briefing à l'ambassade</li><li>10 et 11 mai : rencontres B2B"
                "</li><li>12 mai : visites d'entreprises</li></ul>",
            ),
        ],
    ),
    "nl": (
        "Handelsmissie naar Rwanda",
        "Van 9 tot 13 mei 2027 organiseert hub.brussels een handelsmissie naar Kigali. "
        "“Rwanda hervormt sneller dan bijna elk ander Afrikaans land”, zegt Isabelle Grippa.",
        "h2",
        [
            (
                "Waarom Rwanda?",
                "<ul><li>Een stabiel ondernemingsklimaat</li><li>Snelle bedrijfsoprichting</li>"
                "</ul>",
            ),
            (
                "Wie kan deelnemen?",
                "<p>Bedrijven gevestigd in het Brussels Hoofdstedelijk Gewest.</p>",
            ),
            (
                "Wat staat er op het programma?",
                "<ul><li>9 mei: briefing op de ambassade</li><li>10 en 11 mei: B2B-afspraken"
                "</li></ul>",
            ),
        ],
    ),
}


def _paragraphs(section: str) -> str:
    """The section with its list items as plain paragraphs (no list left to tell)."""
    for old, new in (("<ul>", ""), ("</ul>", ""), ("<li>", "<p>"), ("</li>", "</p>")):
        section = section.replace(old, new)
    return section


@pytest.mark.parametrize("listed", [True, False], ids=["lists", "paragraphs"])
@pytest.mark.parametrize("lang", sorted(MISSIONS))
def test_question_headings_of_a_mission_quoting_someone_are_no_turns(
    lang: str, listed: bool
) -> None:
    title, intro, tag, sections = MISSIONS[lang]
    text = "".join(
        f"<{tag}>{q}</{tag}>{section if listed else _paragraphs(section)}"
        for q, section in sections
    )
    record = _hub(lang, title, f"<p>{intro}</p>{text}", "mission-rwanda")
    assert record.qa == []
    for question, _ in sections:
        assert question in (record.body or "")


def test_question_headings_of_an_event_on_a_news_page_are_no_turns() -> None:
    sections = [
        ("Why Kigali?", "<p>The city hosts the region's largest tech fair. Highlights:</p>"),
        ("Who should attend?", "<ul><li>Start-ups</li><li>Investors</li></ul>"),
        ("What does it cost?", "<ul><li>Stand: 1,200 euros</li><li>Visit: free</li></ul>"),
    ]
    text = "".join(f"<h3>{q}</h3>{section}" for q, section in sections)
    intro = (
        "<p>The Africa Tech Summit returns to Kigali in May. “We expect 3,000 visitors,” said "
        "Aline Uwase, the summit's director.</p>"
    )
    record = _news("en", "Africa Tech Summit heads to Kigali", intro + text)
    assert record.qa == []


def test_question_headings_of_an_interview_with_lists_in_answers_stay_turns() -> None:
    turns = [
        (
            "Why did you choose Kigali?",
            "<p>We already had two clients there and I knew the city.</p>",
        ),
        (
            "What helped you most?",
            "<p>Three things helped me:</p><ul><li>the embassy</li><li>a local partner</li></ul>",
        ),
        ("What would you advise others?", "<p>I would say: go and see for yourself.</p>"),
    ]
    intro = (
        "<p>Aline Uwase, founder of the Brussels start-up Medilink, opened an office in Kigali "
        "last year. We spoke with her.</p>"
    )
    text = "".join(f"<h2>{q}</h2>{a}" for q, a in turns)
    record = _hub("en", "Aline Uwase on Kigali", intro + text, "aline-uwase")
    assert [p.question for p in record.qa] == [q for q, _ in turns]
    assert {p.speaker for p in record.qa} == {"Aline Uwase"}


# --- 2. questions labelled by the organisation, answers unlabelled: the intro's person answers ---

LABELLED = {
    "fr": (
        "Rencontre avec la fondatrice de Kivu Coffee",
        "À Kigali, Marie Uwimana, fondatrice de la société bruxelloise Kivu Coffee, importe du "
        "café rwandais depuis 2019.",
        "Depuis Saint-Gilles, Marie Uwimana torréfie le café de petits producteurs du lac Kivu.",
        "hub.brussels :",
        [
            (
                "Comment avez-vous commencé ?",
                "J'ai grandi au Rwanda et je connaissais les producteurs.",
            ),
            ("Quel a été le plus grand défi ?", "Trouver un transport fiable jusqu'à Anvers."),
            ("Quels sont vos projets ?", "Nous ouvrons un deuxième point de vente à Ixelles."),
        ],
        "Marie Uwimana",
    ),
    "en": (
        "Meet the founder of Kivu Coffee",
        "Marie Uwimana, founder of the Brussels company Kivu Coffee, has imported Rwandan coffee "
        "since 2019.",
        "From her roastery in Lake Kivu Road, Brussels, she works with small farmers.",
        "hub.brussels:",
        [
            ("How did you start?", "I grew up in Rwanda and knew the farmers."),
            ("What was the biggest challenge?", "Finding reliable transport to Antwerp."),
            ("What are your plans?", "We are opening a second shop in Ixelles."),
        ],
        "Marie Uwimana",
    ),
    "nl": (
        "Ontmoeting met de oprichtster van Kivu Coffee",
        "Marie Uwimana, oprichtster van het Brusselse bedrijf Kivu Coffee, voert sinds 2019 "
        "Rwandese koffie in.",
        "In Sint Gillis brandt ze koffie van kleine boeren rond het Kivumeer.",
        "hub.brussels:",
        [
            ("Hoe ben je begonnen?", "Ik ben opgegroeid in Rwanda en kende de boeren."),
            ("Wat was de grootste uitdaging?", "Betrouwbaar transport naar Antwerpen vinden."),
            ("Wat zijn je plannen?", "We openen een tweede winkel in Elsene."),
        ],
        "Marie Uwimana",
    ),
}


@pytest.mark.parametrize("lang", sorted(LABELLED))
def test_an_organisation_asking_leaves_the_answers_to_the_person_of_the_intro(lang: str) -> None:
    title, lead, intro, label, turns, person = LABELLED[lang]
    text = "".join(f"<p><strong>{label}</strong> {q}</p><p>{a}</p>" for q, a in turns)
    content = f'<p class="lead"><strong>{lead}</strong></p><p>{intro}</p>{text}'
    record = _hub(lang, title, content, "kivu-coffee")
    assert [(p.question, p.answer) for p in record.qa] == turns
    assert {p.speaker for p in record.qa} == {person}


def test_a_place_named_once_is_no_speaker_on_a_news_page() -> None:
    turns = [
        ("Why coffee?", "My family has grown coffee for three generations."),
        ("What comes next?", "I want to open a roastery in Ghent."),
    ]
    text = "".join(f"<p><b>{q}</b></p><p>{a}</p>" for q, a in turns)
    intro = (
        '<p class="standfirst">Coffee grower Jean Habimana now sells his beans in Belgium.</p>'
        "<p>In Lake Kivu, where his farm lies, Jean Habimana showed us around.</p>"
    )
    record = _news("en", "A coffee grower's story", intro + text)
    assert [p.question for p in record.qa] == [q for q, _ in turns]
    assert {p.speaker for p in record.qa} == {"Jean Habimana"}


# --- 3. a contact box of lines, an address and a national phone number ---------------------------

CONTACTS = {
    "en": ("Project manager", "Avenue du Port 86C", "1000 Brussels", "Phone:"),
    "fr": ("Chargée de projet", "Avenue du Port 86C", "1000 Bruxelles", "Téléphone :"),
    "nl": ("Projectbeheerder", "Havenlaan 86C", "1000 Brussel", "Telefoon:"),
}
TEXT = (
    "<p>Brussels firms can apply until 30 April. The programme runs for six months.</p>"
    "<p>Each firm gets twelve hours with an export adviser and a market study.</p>"
)


@pytest.mark.parametrize("boxed", [True, False], ids=["box", "flat"])
@pytest.mark.parametrize("lang", sorted(CONTACTS))
def test_contact_lines_an_address_and_a_national_number_are_one_contact(
    lang: str, boxed: bool
) -> None:
    role, street, city, label = CONTACTS[lang]
    lines = (
        f"<p>Sofie Vermeulen</p><p>{role}</p><address>{street}<br>{city}</address>"
        f'<p>{label} <a href="tel:02 800 40 00">02 800 40 00</a></p>'
    )
    # in a box of its own, or written flat among the text's paragraphs
    record = _hub(
        lang,
        "Export coaching",
        TEXT + (f'<div class="contact">{lines}</div>' if boxed else lines),
        "coaching",
    )
    assert [(c.name, c.role, c.address, c.phones) for c in record.contacts] == [
        ("Sofie Vermeulen", role, f"{street}, {city}", ["+3228004000"])
    ]
    assert street not in (record.body or "")


def test_a_contact_card_of_nested_wrappers_with_a_plain_number_is_one_contact() -> None:
    box = (
        '<aside class="sidebar"><div class="card"><div class="person"><p><strong>Sofie '
        'Vermeulen</strong></p><p>Project manager</p></div><div class="details"><address>Avenue '
        "du Port 86C<br>1000 Brussels</address><p>Phone: 02 800 40 00</p></div></div></aside>"
    )
    record = _hub("en", "Export coaching", TEXT, "coaching", box)
    assert [(c.name, c.address, c.phones) for c in record.contacts] == [
        ("Sofie Vermeulen", "Avenue du Port 86C, 1000 Brussels", ["+3228004000"])
    ]


# --- 4. an inline related box between the text's paragraphs -----------------------------------

MOST_READ = (
    '<section class="more"><h2>Most read</h2>'
    '<div class="card"><a href="https://hub.brussels/en/news/brussels-firms-in-dubai/">'
    "<h3>Brussels firms in Dubai</h3></a></div>"
    '<div class="card"><a href="https://hub.brussels/en/news/export-awards-2027/">'
    "<h3>The export awards 2027</h3></a></div></section>"
)
BOXES = {
    "en": (
        '<div class="related-inline"><h4>Related</h4><ul><li><a href="{url}">{title}</a></li>'
        "</ul></div>",
        "news/export-check/",
        "Five questions before you export",
    ),
    "fr": (
        '<div class="box"><h2>Lire aussi</h2><ul><li><a href="{url}">{title}</a></li></ul></div>',
        "actualites/exporter-check/",
        "Cinq questions avant d'exporter",
    ),
    "nl": (
        '<div class="box"><p><strong>Lees ook</strong></p><ul><li><a href="{url}">{title}</a>'
        "</li></ul></div>",
        "nieuws/export-check/",
        "Vijf vragen voor je exporteert",
    ),
    "en-bare": (
        '<h3>Related</h3><ul><li><a href="{url}">{title}</a></li></ul>',
        "news/export-check/",
        "Five questions before you export",
    ),
}
PARAGRAPHS = [
    "Brussels firms can apply until 30 April. The programme runs for six months.",
    "Each firm gets twelve hours with an export adviser and a market study of its choice.",
    "Registration closes when twenty firms have applied, so apply early to secure a place.",
]


@pytest.mark.parametrize("key", sorted(BOXES))
def test_an_inline_related_box_is_a_related_item_and_no_body_text(key: str) -> None:
    markup, path, title = BOXES[key]
    lang = key[:2]
    url = f"https://hub.brussels/{lang}/{path}"
    first, second, third = (f"<p>{p}</p>" for p in PARAGRAPHS)
    content = first + second + markup.format(url=url, title=title) + third
    record = _hub(lang, "Export coaching", content, "coaching", MOST_READ)
    assert [(c.title, c.url) for c in record.related] == [
        (title, url),
        ("Brussels firms in Dubai", "https://hub.brussels/en/news/brussels-firms-in-dubai/"),
        ("The export awards 2027", "https://hub.brussels/en/news/export-awards-2027/"),
    ]
    body = record.body or ""
    assert PARAGRAPHS[1] in body and PARAGRAPHS[2] in body
    assert title not in body
    assert not any(label in body for label in ("Related", "Lire aussi", "Lees ook"))


def test_a_read_also_line_inside_a_news_text_is_a_related_item() -> None:
    url = "https://www.dailyledger.example/world/2027/03/01/tram-vote"
    line = f'<p><b>Read also:</b> <a href="{url}">The tram vote explained</a></p>'
    first, second, third = (f"<p>{p}</p>" for p in PARAGRAPHS)
    record = _news("en", "Export coaching", first + second + line + third)
    assert [(c.title, c.url) for c in record.related] == [("The tram vote explained", url)]
    assert PARAGRAPHS[2] in (record.body or "")


@pytest.mark.parametrize(
    ("lang", "said", "labels", "role", "phone", "want_phone"),
    [
        (
            "nl",
            "zegt Pieter Claes, economisch en handelsattaché in Dubai",
            ("Naam", "Functie", "Telefoon", "E-mail"),
            "Economisch en handelsattaché, Dubai",
            "+971 4 331 2050",
            "+97143312050",
        ),
        (
            "en",
            "says Ana Ruiz, the agency's trade attachée in Madrid",
            ("Name", "Position", "Phone", "Email"),
            "Trade attachée, Madrid",
            "+34 91 555 12 34",
            "+34915551234",
        ),
    ],
)
def test_a_labelled_card_beside_a_text_quoting_its_person_stays_one_contact(
    lang: str, said: str, labels: tuple[str, str, str, str], role: str, phone: str, want_phone: str
) -> None:
    """A card that names its person (a `<dl>` of labelled name, role, phone and e-mail) in a grid
    cell beside the text that quotes the same person: the card is the contact, not a fragment of
    a larger block holding the text and the card."""
    name = said.split(", ")[0].split(" ", 1)[1]
    email = f"{name.split()[0].lower()}@hub.brussels"
    text = (
        '<div class="grid"><div class="cell cell--8">'
        "<p>The new rules for green buildings were approved in January by the city council, "
        "and every new office building must now report its energy use in real time.</p>"
        f"<p>“Developers urgently look for suppliers who can deliver those readings,” {said}.</p>"
        "</div>"
        '<div class="cell cell--4"><aside class="contact-card"><h3>Contact</h3><dl>'
        f"<dt>{labels[0]}</dt><dd>{name}</dd><dt>{labels[1]}</dt><dd>{role}</dd>"
        f"<dt>{labels[2]}</dt><dd>{phone}</dd>"
        f'<dt>{labels[3]}</dt><dd><a href="mailto:{email}">{email}</a></dd>'
        "</dl></aside></div></div>"
    )
    article = _hub(lang, "Green buildings open a market", text, "green-buildings")
    assert [(c.name, c.role, c.phones, c.emails) for c in article.contacts] == [
        (name, role, [want_phone], [email])
    ]
