"""Related and body kinds on hub.brussels-like pages, each on pages written here in two
markups or languages (the held-out pages that showed them were not read):

- related: a list of other articles after the text, each item "title (dd/mm/yyyy)" with the day
  inside the link (a `<nav>` viewlet, "Contenu similaire"), gave no related at all;
- body leaks: the title of a link box written as a short line of its own, the "Your contacts"
  heading over a contact block set between two paragraphs, a photo credit in brackets
  ("(Photo: Special arrangement)") in an element of its own beside the caption."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


_FRAME = (
    "<html lang='{lang}'><head><title>{title} | hub.brussels</title></head><body>"
    "<header class='site-header'><nav><a href='/'>hub.brussels</a>"
    "<a href='/{lang}/news/'>News</a></nav></header><main>{main}</main>"
    "<footer><p>© hub.brussels</p></footer></body></html>"
)

# -- 5. related: "title (dd/mm/yyyy)" with the day inside the link -------------------------------

_FR_TEXT = (
    "<div class='content'><p>L'agence ouvre un nouvel appel pour les entreprises alimentaires qui "
    "veulent grandir à Bruxelles, avec un coaching et une subvention.</p>"
    "<p>Les candidatures sont ouvertes jusqu'à fin avril.</p></div>"
)
_NL_TEXT = (
    "<div class='documentDescription'><p>Tien ontwerpers uit het Brussels Gewest tonen hun werk "
    "tijdens de designweek in Milaan, met steun van het agentschap.</p></div>"
    "<div id='parent-fieldname-text'><p>De stand staat in het Tortona-district.</p></div>"
)


def test_a_nav_of_links_each_closing_with_its_day_is_the_related_list() -> None:
    html = _FRAME.format(
        lang="fr",
        title="Un soutien pour l'alimentation",
        main="<article><h1>Un soutien pour l'alimentation</h1>" + _FR_TEXT + "</article>"
        "<nav class='relatedItems' id='related-items'><h2>Contenu similaire</h2><ul>"
        "<li><a href='/fr/news/etude-marche/'>Une étude du marché alimentaire bruxellois "
        "(12/03/2026)</a></li><li><a href='/fr/news/fermes-urbaines/'>Les fermes urbaines "
        "reçoivent une aide (02/02/2026)</a></li></ul></nav>",
    )
    record = _record(html, "https://hub.brussels/fr/news/alimentation/")
    assert [(c.title, c.url, c.published) for c in record.related] == [
        (
            "Une étude du marché alimentaire bruxellois",
            "https://hub.brussels/fr/news/etude-marche/",
            dt.date(2026, 3, 12),
        ),
        (
            "Les fermes urbaines reçoivent une aide",
            "https://hub.brussels/fr/news/fermes-urbaines/",
            dt.date(2026, 2, 2),
        ),
    ]
    assert "Contenu similaire" not in (record.body or "")


def test_a_dutch_nav_with_the_day_in_a_span_inside_the_link_is_related() -> None:
    # sibling: Dutch, Plone-like markup, the nav inside the article, its heading an `<h3>`, the
    # day in a span of the link (brackets in square form)
    html = _FRAME.format(
        lang="nl",
        title="Brusselse designers naar Milaan",
        main="<article><h1>Brusselse designers naar Milaan</h1>" + _NL_TEXT + ""
        "<nav class='related-items'><h3>Gerelateerde inhoud</h3><ul>"
        "<li><a href='/nl/nieuws/design-september/'>Design september gaat van start "
        "<span class='date'>[05/09/2025]</span></a></li>"
        "<li><a href='/nl/nieuws/creatieve-sector/'>Steun voor de creatieve sector "
        "<span class='date'>[14/07/2025]</span></a></li></ul></nav></article>",
    )
    record = _record(html, "https://hub.brussels/nl/nieuws/designers-milaan/")
    assert [(c.title, c.published) for c in record.related] == [
        ("Design september gaat van start", dt.date(2025, 9, 5)),
        ("Steun voor de creatieve sector", dt.date(2025, 7, 14)),
    ]


def test_a_nav_of_undated_links_stays_no_related_list() -> None:
    # the same nav without the days is a menu of the site: the brackets hold no day
    html = _FRAME.format(
        lang="fr",
        title="Un soutien pour l'alimentation",
        main="<article><h1>Un soutien pour l'alimentation</h1>" + _FR_TEXT + "</article>"
        "<nav class='sections'><h2>Rubriques</h2><ul>"
        "<li><a href='/fr/news/etude-marche/'>Études (archives)</a></li>"
        "<li><a href='/fr/news/fermes-urbaines/'>Fermes urbaines (dossier)</a></li></ul></nav>",
    )
    assert _record(html, "https://hub.brussels/fr/news/alimentation/").related == []


# -- 2. body leaks: a link box's or a contact block's title, a bracketed photo credit ----------

_TEXTS = {
    "fr": [
        "Douze start-up bruxelloises se sont rendues à Lisbonne la semaine dernière pour "
        "rencontrer des investisseurs et des clients au plus grand salon technologique d'Europe.",
        "Les entreprises ont tenu plus de deux cents rendez-vous en trois jours, et quatre d'entre "
        "elles ont signé des lettres d'intention avec des distributeurs portugais.",
        "Une deuxième mission est prévue l'an prochain, ouverte cette fois aussi aux entreprises "
        "de l'alimentation et de la santé, et pas seulement du numérique.",
    ],
    "nl": [
        "Twaalf Brusselse start-ups reisden vorige week naar Lissabon om investeerders en klanten "
        "te ontmoeten op de grootste technologiebeurs van Zuid-Europa.",
        "De bedrijven hadden meer dan tweehonderd afspraken in drie dagen, en vier van hen "
        "tekenden intentieverklaringen met Portugese verdelers.",
        "Volgend jaar staat een tweede missie naar de beurs gepland, dit keer ook voor bedrijven "
        "uit de voedings- en gezondheidssector.",
    ],
    "en": [
        "Twelve Brussels start-ups travelled to Lisbon last week to meet investors and clients at "
        "the largest technology fair of southern Europe.",
        "The companies held more than two hundred meetings in three days, and four of them signed "
        "letters of intent with Portuguese distributors.",
        "A second mission to the fair is planned for next year, this time open to firms from the "
        "food and health sectors as well.",
    ],
}


def _body_with(lang: str, inset: str) -> str:
    """Lead and body of a page whose text has `inset` between its second and third paragraphs;
    the third paragraph must stay."""
    text = "".join(f"<p>{t}</p>" for t in _TEXTS[lang][:2]) + inset + f"<p>{_TEXTS[lang][2]}</p>"
    url = f"https://hub.brussels/{lang}/news/lisbon-mission/"
    html = _FRAME.format(
        lang=lang,
        title="Lisbon",
        main=f"<article><h1>Twelve start-ups in Lisbon</h1><div class='content'>{text}</div>"
        "</article>",
    )
    record = _record(html, url)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert _TEXTS[lang][2] in body
    return body


@pytest.mark.parametrize(
    ("lang", "box", "title"),
    [
        (
            "fr",
            "<p><strong>Liens utiles</strong></p><ul><li><a href='https://www.awex.be/'>AWEX</a>"
            "</li><li><a href='/fr/news/guide-export/'>Guide de l'export</a></li></ul>",
            "Liens utiles",
        ),
        (
            "nl",
            "<div class='links'><div class='links__title'>Handige links</div>"
            "<a class='btn' href='https://www.flandersinvestmentandtrade.com/'>FIT</a>"
            "<a class='btn' href='/nl/news/exportgids/'>Exportgids</a></div>",
            "Handige links",
        ),
    ],
)
def test_a_link_box_title_on_a_line_of_its_own_goes_with_its_links(
    lang: str, box: str, title: str
) -> None:
    assert title not in _body_with(lang, box)


def test_a_short_line_before_a_paragraph_stays() -> None:
    # sibling: the same short line with the text's paragraph next is the text's subtitle
    assert "Liens utiles" in _body_with("fr", "<p><strong>Liens utiles</strong></p>")


@pytest.mark.parametrize(
    ("lang", "box", "title"),
    [
        (
            "en",
            "<h2>Your contacts</h2><div class='contact'><p>Marie Dupont</p><p>Project manager</p>"
            "<p><a href='mailto:mdupont@hub.brussels'>mdupont@hub.brussels</a></p></div>",
            "Your contacts",
        ),
        (
            "nl",
            "<h3 class='title'>Uw contactpersonen</h3><div class='team-member'><h4>Jan Peeters</h4>"
            "<p>Adviseur export</p><p>Tel.: +32 2 422 00 11</p>"
            "<p>E-mail: <a href='mailto:jpeeters@hub.brussels'>jpeeters@hub.brussels</a></p></div>",
            "Uw contactpersonen",
        ),
    ],
)
def test_a_contact_blocks_heading_goes_with_the_contacts(lang: str, box: str, title: str) -> None:
    assert title not in _body_with(lang, box)


@pytest.mark.parametrize(
    ("lang", "figure", "caption"),
    [
        (
            "en",
            "<figure><img src='/media/lisbon.jpg' alt=''><figcaption>The delegation in Lisbon."
            "</figcaption><span class='credit'>(Photo: Special arrangement)</span></figure>",
            "The delegation in Lisbon.",
        ),
        (
            "fr",
            "<div class='image'><img src='/media/lisbonne.jpg' alt=''><div class='caption'>La "
            "délégation à Lisbonne.</div><div class='credit'>[Photo : Marie Dupont]</div></div>",
            "La délégation à Lisbonne.",
        ),
        (
            "nl",
            "<figure><img src='/media/lissabon.jpg' alt=''></figure>"
            "<p class='credit'>(Foto: Jan Peeters)</p>",
            "",
        ),
    ],
)
def test_a_bracketed_photo_credit_beside_the_caption_is_no_body(
    lang: str, figure: str, caption: str
) -> None:
    body = _body_with(lang, figure)
    assert "Photo" not in body and "Foto" not in body
    assert caption in body


# -- 3. Q&A: a turn letter spaced from a bold question; a short introduction -------------------

_QA_PAIRS = {
    "en": [
        ("Why Mexico?", "We already had a partner in Monterrey who wanted our pralines."),
        (
            "What was hardest for your team?",
            "The heat: we had to rethink the packaging.\n\nIt took us six months to get it right.",
        ),
        ("Any advice for other founders?", "Visit the fair once before you exhibit there."),
    ],
    "nl": [
        ("Waarom Japan?", "We verkochten er al via een importeur en wilden dichterbij staan."),
        (
            "Wat was het moeilijkste?",
            "De etiketten: elke vermelding moest in het Japans.\n\nDat kostte ons drie maanden.",
        ),
        ("Wat raadt u anderen aan?", "Neem de tijd voor de eerste gesprekken met verdelers."),
    ],
}
_QA_TITLES = {"en": "Brussels pralines in Mexico", "nl": "Een Brusselse wafel in Tokio"}


def _qa_page(lang: str, intro: str, turns: str) -> str:
    return _FRAME.format(
        lang=lang,
        title=_QA_TITLES[lang],
        main=f"<article><h1>{_QA_TITLES[lang]}</h1>{intro}{turns}</article>",
    )


def _spaced_letters(lang: str, q: str, a: str) -> str:
    turns = ""
    for question, answer in _QA_PAIRS[lang]:
        first, *more = answer.split("\n\n")
        turns += (
            f"<p class='qa__q'><span class='qa__label'>{q}</span> <strong>{question}</strong></p>"
            f"<p class='qa__a'><span class='qa__label'>{a}</span> {first}</p>"
            + "".join(f"<p class='qa__a'>{m}</p>" for m in more)
        )
    return f"<div class='content'>{turns}</div>"


@pytest.mark.parametrize(
    ("lang", "letters", "intro", "speaker"),
    [
        (
            "en",
            ("Q", "A"),
            "Laura Pérez, founder of Cacao Lab, looks back on her first year in Mexico.",
            "Laura Pérez",
        ),
        (
            "nl",
            ("V", "A"),
            "Ruben Claes, oprichter van Wafelhuis, vertelt over zijn eerste jaar in Japan.",
            "Ruben Claes",
        ),
    ],
)
def test_a_turn_letter_spaced_from_a_bold_question_is_no_part_of_the_turns(
    lang: str, letters: tuple[str, str], intro: str, speaker: str
) -> None:
    html = _qa_page(lang, f"<p class='lead'>{intro}</p>", _spaced_letters(lang, *letters))
    record = _record(html, f"https://hub.brussels/{lang}/news/qa-spaced/")
    assert [(p.question, p.answer, p.speaker) for p in record.qa] == [
        (q, a, speaker) for q, a in _QA_PAIRS[lang]
    ]


def _bard(lang: str) -> str:
    turns = "".join(
        f"<h3>{q}</h3>" + "".join(f"<p>{x}</p>" for x in a.split("\n\n"))
        for q, a in _QA_PAIRS[lang]
    )
    return f"<div class='bard-content'>{turns}</div>"


@pytest.mark.parametrize(
    ("lang", "intro", "speaker"),
    [
        ("en", "Laura Pérez founded Cacao Lab in 2019.", "Laura Pérez"),
        ("nl", "Ruben Claes opende in 2024.", "Ruben Claes"),
    ],
)
def test_the_first_answer_after_a_short_introduction_is_no_lead(
    lang: str, intro: str, speaker: str
) -> None:
    # the introduction is shorter than a standfirst: the first answer, after a question line,
    # is the first turn's, not the page's standfirst
    record = _record(
        _qa_page(lang, f"<div class='bard-content'><p>{intro}</p></div>", _bard(lang)),
        f"https://hub.brussels/{lang}/news/qa-short-intro/",
    )
    assert record.lead is None
    assert [(p.question, p.answer, p.speaker) for p in record.qa] == [
        (q, a, speaker) for q, a in _QA_PAIRS[lang]
    ]


def test_one_question_heading_over_the_text_leaves_its_paragraph_the_lead() -> None:
    # sibling: one question heading over the text is its first section, the paragraph the lead
    html = _qa_page(
        "en",
        "",
        "<div class='content'><h2>Why now?</h2><p>The fair gathers investors from all over "
        "Europe and Brazil, and the Portuguese market is often overlooked.</p>"
        "<p>Registration opens in March on our website.</p></div>",
    )
    record = _record(html, "https://hub.brussels/en/news/why-now/")
    assert record.lead is not None and record.lead.startswith("The fair gathers")
    assert record.qa == []


# -- 4. contacts: team members written flat in one container ----------------------------------


def _flat_team(members: list[tuple[str, str, str, str]], phone: str, email: str) -> str:
    return "".join(
        f"<h4>{name}</h4><p>{role}</p><p>{phone} {number}</p>"
        f"<p>{email} <a href='mailto:{address}'>{address}</a></p>"
        for name, role, number, address in members
    )


@pytest.mark.parametrize(
    ("lang", "heading", "labels", "members", "phones"),
    [
        (
            "en",
            "Your contacts",
            ("Phone:", "Email:"),
            [
                ("Sophie Lambert", "Start-up advisor", "+32 2 422 00 11", "slambert@hub.brussels"),
                ("Tom Verhaegen", "Events manager", "+32 2 422 00 12", "tverhaegen@hub.brussels"),
            ],
            ["+3224220011", "+3224220012"],
        ),
        (
            "fr",
            "Vos contacts",
            ("Tél. :", "E-mail :"),
            [
                ("Camille Dubois", "Chargée de projet", "02 800 40 55", "cdubois@hub.brussels"),
                ("Julien Marchal", "Responsable presse", "02 800 40 56", "jmarchal@hub.brussels"),
            ],
            ["+3228004055", "+3228004056"],
        ),
    ],
)
def test_team_members_written_flat_in_one_container_are_named_contacts(
    lang: str,
    heading: str,
    labels: tuple[str, str],
    members: list[tuple[str, str, str, str]],
    phones: list[str],
) -> None:
    # a CMS plugin per field: the name heading, the position, the phone and e-mail lines are
    # siblings in one container shared by both people, no box per person
    team = f"<div class='cms-plugin'><h2>{heading}</h2>{_flat_team(members, *labels)}</div>"
    html = _FRAME.format(
        lang=lang,
        title="Lisbon",
        main=f"<article><h1>Twelve start-ups in Lisbon</h1><div class='content'>"
        f"<p>{_TEXTS[lang][0]}</p><p>{_TEXTS[lang][1]}</p>{team}</div></article>",
    )
    record = _record(html, f"https://hub.brussels/{lang}/news/team-flat/")
    assert [(c.name, c.role, c.phones, c.emails) for c in record.contacts] == [
        (name, role, [phone], [address])
        for (name, role, _, address), phone in zip(members, phones, strict=True)
    ]


def test_team_members_each_in_a_box_stay_two_named_contacts() -> None:
    # sibling: the same people, each in a box of their own
    members = [
        ("Sophie Lambert", "Start-up advisor", "+32 2 422 00 11", "slambert@hub.brussels"),
        ("Tom Verhaegen", "Events manager", "+32 2 422 00 12", "tverhaegen@hub.brussels"),
    ]
    team = "".join(
        f"<div class='team-member'>{_flat_team([m], 'Phone:', 'Email:')}</div>" for m in members
    )
    html = _FRAME.format(
        lang="en",
        title="Lisbon",
        main=f"<article><h1>Twelve start-ups in Lisbon</h1><div class='content'>"
        f"<p>{_TEXTS['en'][0]}</p><p>{_TEXTS['en'][1]}</p>{team}</div></article>",
    )
    record = _record(html, "https://hub.brussels/en/news/team-boxes/")
    assert [(c.name, c.role) for c in record.contacts] == [
        ("Sophie Lambert", "Start-up advisor"),
        ("Tom Verhaegen", "Events manager"),
    ]


# -- 6. lead on a news site: the dek under the header, never the photo; a dateline is text ------

_STORY = {
    "en": [
        "CHICAGO — Venture funding for Chicago start-ups rose by a third last year, as investors "
        "bet on logistics software and food technology, according to a report released Tuesday.",
        "The report counted 412 deals worth a combined $4.1 billion, the most since the city "
        "began tracking the figures a decade ago.",
    ],
    "fr": [
        "BRUXELLES (Belga) — Les jeunes entreprises bruxelloises ont levé un tiers de fonds en "
        "plus l'an dernier, selon un rapport publié mardi par l'agence régionale.",
        "Le rapport compte 412 opérations pour un total de 4,1 milliards d'euros, un record "
        "depuis le début du suivi il y a dix ans.",
    ],
}
_DEK = {
    "en": "Investors bet on logistics software and food technology, a new report shows",
    "fr": "Les investisseurs misent sur la logistique et l'alimentation, selon un rapport",
}
_HEADLINE = {
    "en": "Chicago start-ups draw more venture money",
    "fr": "Plus d'argent pour les start-up",
}


def _news(lang: str, under_header: str) -> str:
    text = "".join(f"<p>{t}</p>" for t in _STORY[lang])
    return (
        f"<html lang='{lang}'><head><title>{_HEADLINE[lang]} | Tech Ledger</title></head><body>"
        "<header class='masthead'><a href='/' class='logo'>Tech Ledger</a></header><main>"
        f"<article><header class='article-header'><h1>{_HEADLINE[lang]}</h1></header>"
        f"{under_header}<div class='article-body'>{text}</div></article></main>"
        "<footer><p>© 2026 Tech Ledger</p></footer></body></html>"
    )


_PHOTO = {
    "en": "<figure class='hero'><img src='/i.jpg' alt=''><figcaption>Entrepreneurs at a "
    "co-working space in the West Loop. <span class='credit'>(Photo: Special arrangement)</span>"
    "</figcaption></figure>",
    "fr": "<div class='image-wrapper'><img src='/i.jpg' alt=''><p class='legende'>Des "
    "entrepreneurs dans un espace partagé à Bruxelles. <small>(Photo : Belga)</small></p></div>",
}


@pytest.mark.parametrize(
    ("lang", "dek_tag"), [("en", "h2"), ("fr", "p class='chapeau'")], ids=["en", "fr"]
)
def test_the_dek_after_the_header_is_the_lead_not_the_photo_caption(
    lang: str, dek_tag: str
) -> None:
    dek = f"<{dek_tag}>{_DEK[lang]}</{dek_tag.split()[0]}>"
    url = f"https://www.techledger.example/2026/03/12/{lang}-startups"
    record = _record(_news(lang, dek + _PHOTO[lang]), url)
    assert record.lead == _DEK[lang]
    assert record.body is not None and record.body.startswith(_STORY[lang][0])
    assert "Photo" not in record.body


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_without_a_dek_the_photo_is_no_lead_and_the_dateline_paragraph_stays_body(
    lang: str,
) -> None:
    url = f"https://www.techledger.example/2026/03/12/{lang}-startups-nodek"
    record = _record(_news(lang, _PHOTO[lang]), url)
    assert record.lead is None
    assert record.body is not None and record.body.startswith(_STORY[lang][0])


def test_a_first_paragraph_without_a_dateline_stays_the_lead() -> None:
    # sibling: the same story opening without a dateline keeps the project's rule (no dek: the
    # first prose paragraph is the lead)
    html = _news("en", _PHOTO["en"]).replace("CHICAGO — Venture", "Venture")
    record = _record(html, "https://www.techledger.example/2026/03/12/plain")
    assert record.lead is not None and record.lead.startswith("Venture funding")


# -- 1. a closing section written straight in the text's container, a sign-up box after it -----

_ANSWER = {
    "fr": "Parce que le salon rassemble des investisseurs de toute l'Europe et du Brésil, et que "
    "le marché portugais est souvent négligé par les entreprises belges qui regardent ailleurs.",
    "nl": "Omdat de beurs investeerders uit heel Europa en Brazilië samenbrengt, en de Portugese "
    "markt vaak over het hoofd wordt gezien door Belgische bedrijven die elders kijken.",
    "en": "Because the fair gathers investors from all over Europe and Brazil, and the Portuguese "
    "market is often overlooked by Belgian companies who look elsewhere.",
}
_CLOSING = {
    "fr": ("Une mission en septembre", "Une nouvelle mission est prévue en septembre."),
    "nl": ("Een handelsmissie in 2027", "In het voorjaar van 2027 volgt een handelsmissie."),
    "en": ("A mission in September", "A new mission is planned for September."),
}
_SIGN_UP = {
    "fr": "<div class='newsletter'><h2>Restez informés</h2><form action='/fr/newsletter'>"
    "<input type='email' name='mail'><button>OK</button></form></div>",
    "nl": "<section class='cta'><h3 class='cta__title'>Blijf op de hoogte</h3><form method='post'>"
    "<input type='email'><input type='submit' value='Inschrijven'></form></section>",
    "en": "<div class='signup'><h2>Stay informed</h2><form><input type='email'>"
    "<button>Subscribe</button></form></div>",
}


def _interview_box(lang: str) -> str:
    turns = "".join(
        f"<p class='question'><strong>Question {i}?</strong></p><p class='answer'>"
        f"{_ANSWER[lang]} {_ANSWER[lang]}</p>"
        for i in range(1, 4)
    )
    return f"<div class='interview'>{turns}</div>"


def _paragraph_box(lang: str) -> str:
    return "<div class='rich-text'>" + f"<p>{_ANSWER[lang]} {_ANSWER[lang]}</p>" * 3 + "</div>"


_FIGURE_NL = (
    "<figure><img src='/media/a.jpg' alt=''><figcaption>De delegatie.</figcaption></figure>"
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", _interview_box("fr")),
        ("nl", _interview_box("nl") + _FIGURE_NL),
        ("en", _paragraph_box("en")),
    ],
    ids=["fr-interview", "nl-interview-figure", "en-paragraphs"],
)
def test_a_closing_section_before_a_sign_up_box_in_the_same_container_is_body(
    lang: str, text: str
) -> None:
    heading, line = _CLOSING[lang]
    container = (
        f"<div class='text'><div class='intro'><p>Marie Dupont dirige Nova.</p></div>{text}"
        f"<h2>{heading}</h2><p>{line}</p>{_SIGN_UP[lang]}</div>"
    )
    html = _FRAME.format(
        lang=lang, title="Nova", main=f"<article><h1>Nova in Lisbon</h1>{container}</article>"
    )
    record = _record(html, f"https://hub.brussels/{lang}/news/nova-closing/")
    body = record.body or ""
    assert heading in body and line in body
    sign_up_title = _SIGN_UP[lang].split(">")[2].split("<")[0]
    assert sign_up_title not in body


def test_a_sign_up_box_written_straight_in_the_container_stays_out() -> None:
    # sibling: the sign-up heading, its blurb and its form written straight in the container
    # after the text: its section holds the form, it is no closing section
    container = (
        "<div class='text'>"
        + _paragraph_box("en")
        + "<h2>Stay informed</h2><p>Our letter, once a month.</p><form><input type='email'>"
        "<button>Subscribe</button></form></div>"
    )
    html = _FRAME.format(
        lang="en", title="Nova", main=f"<article><h1>Nova in Lisbon</h1>{container}</article>"
    )
    body = _record(html, "https://hub.brussels/en/news/nova-sign-up/").body or ""
    assert "Our letter" not in body and _ANSWER["en"] in body


# -- 3b. an announcement's question headings: a month or a day opening the text is no one -----

_MISSION = [
    (
        "What’s on the programme?",
        "Meetings with distributors, a visit to the Collision conference and a networking "
        "evening at the consulate.",
    ),
    (
        "Who can take part?",
        "Companies based in the Brussels-Capital Region with an export-ready digital product.",
    ),
]


@pytest.mark.parametrize(
    ("tag", "intro"),
    [
        ("h2", "In October, hub.brussels leads a trade mission to Toronto for digital firms."),
        ("h3", "On Monday, hub.brussels opened the registration for its mission to Toronto."),
    ],
)
def test_question_headings_after_a_dated_opening_are_no_interview(tag: str, intro: str) -> None:
    sections = "".join(f"<{tag}>{q}</{tag}><p>{a}</p>" for q, a in _MISSION)
    html = _FRAME.format(
        lang="en",
        title="Toronto",
        main=f"<article><h1>Trade mission to Toronto</h1><div class='content'><p>{intro}</p>"
        f"{sections}<p>Register before 15 June.</p></div></article>",
    )
    assert _record(html, "https://hub.brussels/en/news/toronto-mission/").qa == []


def test_an_interview_opening_with_a_month_has_its_interviewee_as_speaker() -> None:
    # sibling: the same dated opening introducing an interview; its speaker is the person named
    turns = "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in _QA_PAIRS["en"][::2])
    html = _FRAME.format(
        lang="en",
        title="Pralines",
        main="<article><h1>Brussels pralines in Mexico</h1><div class='content'><p>In October, "
        f"we spoke with Laura Pérez about her first year in Mexico.</p>{turns}</div></article>",
    )
    record = _record(html, "https://hub.brussels/en/news/pralines-october/")
    assert [p.speaker for p in record.qa] == ["Laura Pérez", "Laura Pérez"]


# -- 2d. a line naming the site (its brand) inside the text is no body ------------------------


@pytest.mark.parametrize(
    ("head", "line"),
    [
        ("<meta property='og:site_name' content='Tech Ledger'>", "<p>Tech Ledger Newsroom</p>"),
        ("", "<div class='source'>Source: Tech Ledger</div>"),
    ],
    ids=["og-site-name", "host-label"],
)
def test_a_line_naming_the_site_is_no_body(head: str, line: str) -> None:
    story = "".join(f"<p>{t}</p>" for t in _STORY["en"])
    html = (
        f"<html lang='en'><head><title>{_HEADLINE['en']}</title>{head}</head><body><main>"
        f"<article><h1>{_HEADLINE['en']}</h1><div class='article-body'>{line}{story}</div>"
        "</article></main></body></html>"
    )
    record = _record(html, "https://www.techledger.example/2026/03/12/brand")
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert "Tech Ledger" not in text
    assert _STORY["en"][1] in text


def test_a_short_line_naming_another_organisation_stays() -> None:
    # sibling: the same short line naming someone else than the site is the text's
    first, second = (f"<p>{t}</p>" for t in _STORY["en"])
    html = (
        f"<html lang='en'><head><title>{_HEADLINE['en']}</title></head><body><main><article>"
        f"<h1>{_HEADLINE['en']}</h1><div class='article-body'>{first}<p>Chicago Ventures Fund "
        f"Newsroom</p>{second}</div></article></main></body></html>"
    )
    record = _record(html, "https://www.techledger.example/2026/03/12/brand-other")
    assert "Chicago Ventures Fund Newsroom" in (record.body or "")
