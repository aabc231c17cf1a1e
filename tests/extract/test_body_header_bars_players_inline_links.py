"""Lead and body kinds (header bars, players, inline links, boxed standfirsts), each a miss before
on pages written here:

1. a header bar under a headline outside the text (source, date, share buttons) was the lead;
2. a player embedded in the text (controls, its video's linked title, "Loading…") was body;
3. an item of the text's own list that is mostly a link (a release note) was left out;
4. a link set between two paragraphs of the text ("[Read: …]") was left out;
5. a classed link inside a sentence (a note's pop-up) lost its words;
6. a text written without paragraphs in a layout table's cell came with the whole page;
7. a line of topic links opening the text was the lead;
8. a standfirst boxed before the text's container, the opening photo between, was left out."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

EN = [
    "The harbour authority opened its third container terminal on Monday, doubling the port's "
    "capacity for ships arriving from Asia.",
    "Dock workers will be trained on the new cranes over the summer, and the first ships are "
    "expected in the autumn, a spokeswoman said.",
    "Local firms hope the terminal will bring warehouse jobs to the area, which lost two large "
    "employers in the past decade.",
]
FR = [
    "L'autorité portuaire a ouvert lundi son troisième terminal à conteneurs, qui double la "
    "capacité du port pour les navires venus d'Asie.",
    "Les dockers seront formés aux nouvelles grues pendant l'été, et les premiers navires sont "
    "attendus à l'automne, a précisé une porte-parole.",
    "Les entreprises locales espèrent que le terminal amènera des emplois logistiques dans une "
    "région qui a perdu deux grands employeurs.",
]
_PAGE = (
    "<html lang='{lang}'><head><title>{title}</title></head><body>"
    "<div class='wrapper'><div class='main'><div class='col'>"
    "<div class='hd'><h1>{title}</h1>{bar}</div>"
    "<div class='bd'><div id='content'>{text}</div></div>"
    "</div></div></div></body></html>"
)


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _record(lang: str, title: str, bar: str, text: str):  # type: ignore[no-untyped-def]
    html = _PAGE.format(lang=lang, title=title, bar=bar, text=text)
    return extract_article(html, "https://paper.example/news/a", profile=generic_profile())


def _buttons(labels: list[str]) -> str:
    """Share buttons as a list of anchors that run a script (no class naming them)."""
    items = "".join(
        f"<li class='b{i}'><a href='javascript:void(0)' class='s{i}'>{label}</a></li>"
        for i, label in enumerate(labels)
    )
    return f"<a class='toolBtn-hd'>{labels[0]}<i></i></a><div class='toolBtn-bd'><ul>{items}</ul></div>"


# 1. a header bar under the headline (source, date, buttons) is no standfirst


@pytest.mark.parametrize(
    ("lang", "title", "texts", "bar", "furniture"),
    [
        (
            "en",
            "New container terminal",
            EN,
            "<div class='titBar'><div class='info'><span class='col'><span class='where'>"
            "Brussels Business Wire</span></span><span class='pubTime'>3 March 2026 07:17</span>"
            "<div class='toolBtn' id='toolBtn'>{buttons}</div></div></div>",
            ["Send to a friend", "Facebook", "LinkedIn", "Copy link"],
        ),
        (
            "fr",
            "Nouveau terminal portuaire",
            FR,
            "<div class='meta-row'><div><span>Agence économique</span><span>3 mars 2026</span>"
            "</div><div class='tools'>{buttons}</div></div>",
            ["Envoyer à un ami", "Facebook", "LinkedIn", "Imprimer l'article"],
        ),
    ],
)
def test_header_bar_under_headline_is_no_lead(
    lang: str, title: str, texts: list[str], bar: str, furniture: list[str]
) -> None:
    record = _record(lang, title, bar.format(buttons=_buttons(furniture)), _paragraphs(texts))
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    for label in furniture:
        assert label not in text
    for paragraph in texts:
        assert paragraph in text


def test_paragraph_under_headline_stays_the_lead() -> None:
    """A standfirst with a link of its own, right under a headline outside the text, is still
    the lead: a sentence in one element or two is dense text."""
    standfirst = (
        "The port's <a href='/terminal'>third terminal</a> opens after four years of work, "
        "and the authority expects its traffic to double by the end of the decade."
    )
    record = _record(
        "en", "New container terminal", f"<p class='desc'>{standfirst}</p>", _paragraphs(EN)
    )
    assert record.lead is not None and record.lead.startswith("The port's third terminal opens")


# 2. a player embedded in the text (controls, its video's linked title, a loading cell)


def _player(autoplay: str, title: str, loading: str) -> str:
    return (
        "<div class='rv-root'><div class='rv-top'><div class='rv-auto'>"
        f"<a href='javascript:;'><i>{autoplay}</i></a><span>{autoplay}</span></div>"
        f"<h2 class='rv-title'><a href='https://video.example.org/v/123'>{title}</a></h2></div>"
        "<div class='rv-middle'><div class='rv-player'><div class='rv-wrap'>"
        f"<table class='rv-loading'><tr><td>{loading}</td></tr></table></div>"
        "<div class='rv-ctrl'><a href='javascript:;' title='mute'></a>"
        "<a href='javascript:;' title='close'></a></div></div>"
        "<div class='rv-list'><div class='rv-list-ctrl'><a href='javascript:;'>&lt;</a>"
        "<a href='javascript:;'>&gt;</a></div><div><ol></ol></div></div></div></div>"
    )


@pytest.mark.parametrize(
    ("lang", "title", "texts", "player", "furniture"),
    [
        (
            "en",
            "New container terminal",
            EN,
            _player("Autoplay", "How voice messages took over chat apps", "Loading..."),
            ["Autoplay", "How voice messages took over chat apps", "Loading...", "< >"],
        ),
        (
            "fr",
            "Nouveau terminal portuaire",
            FR,
            _player("Lecture auto", "Les messages vocaux, une mode qui dure", "Chargement..."),
            ["Lecture auto", "Les messages vocaux, une mode qui dure", "Chargement...", "< >"],
        ),
    ],
)
def test_player_in_text_is_not_body(
    lang: str, title: str, texts: list[str], player: str, furniture: list[str]
) -> None:
    text = _paragraphs(texts[:2]) + player + _paragraphs(texts[2:])
    record = _record(lang, title, "", text)
    assert record.body is not None
    for label in furniture:
        assert label not in record.body
    assert texts[2] in record.body


def test_section_with_linked_sources_stays_body() -> None:
    """A section of the text under a heading that links to its source, with short lines of
    data in a table, is the text's: paragraphs of sentences are dense."""
    section = (
        "<div class='box'><h2><a href='https://stats.example.org/trade'>Trade figures</a></h2>"
        "<p>Container traffic grew by a fifth last year, the authority's figures show, led by "
        "machinery and food products shipped from Asia.</p>"
        "<table><tr><td>2024</td><td>1.2 bn</td></tr><tr><td>2025</td><td>1.4 bn</td></tr></table>"
        "</div>"
    )
    record = _record("en", "New container terminal", "", _paragraphs(EN[:2]) + section)
    assert record.body is not None
    assert "Trade figures" in record.body
    assert "Container traffic grew by a fifth" in record.body
    assert "1.4 bn" in record.body


# 3. an item of the text's own list that is mostly a link (a release note linking its bug)

_NOTES = (
    "<ul><li>The crane operators can now book their night shifts online, two weeks ahead, "
    "instead of calling the planning office.</li>"
    "<li><a href='https://bugs.example.org/1204'>Gate sensors no longer close the lane</a> "
    "(1204)</li>"
    "<li>Trucks waiting at the north gate now get a time slot by text message, which cut the "
    "queue by half in the first week.</li>"
    "<li>In progress:<ul>"
    "<li><a href='https://bugs.example.org/1311'>Bug 1311 – Crane sensor drifts in frost</a></li>"
    "<li><a href='https://bugs.example.org/1312'>Bug 1312 – Night shift roster shows UTC</a></li>"
    "</ul></li></ul>"
)


def test_link_item_of_a_text_list_is_body() -> None:
    record = _record("en", "New container terminal", "", _paragraphs(EN[:2]) + _NOTES)
    assert record.body is not None
    assert "Gate sensors no longer close the lane" in record.body
    assert "Bug 1311 – Crane sensor drifts in frost" in record.body
    assert "Bug 1312 – Night shift roster shows UTC" in record.body
    assert "Trucks waiting at the north gate" in record.body


_MENU = (
    "<ul><li>Terminals<ul><li><a href='/north'>North terminal</a></li>"
    "<li><a href='/south'>South terminal</a></li></ul></li>"
    "<li>Company<ul><li><a href='/about'>About the port</a></li>"
    "<li><a href='/jobs'>Jobs at the port</a></li></ul></li>"
    "<li><a href='/contact'>Contact the harbour office</a></li></ul>"
)


def test_menu_of_labels_and_links_in_text_is_not_body() -> None:
    """A menu in the text's container (labels over lists of links) is no list of the text: its
    labels are words, not sentences."""
    record = _record("en", "New container terminal", "", _paragraphs(EN) + _MENU)
    assert record.body is not None
    for link in ("North terminal", "About the port", "Jobs at the port", "Contact the harbour"):
        assert link not in record.body
    assert EN[2] in record.body


# 4. a link the text sets between two of its paragraphs ("[Read: …]", "Lire aussi : …")


@pytest.mark.parametrize(
    ("lang", "title", "texts", "link"),
    [
        (
            "en",
            "New container terminal",
            EN,
            "[Read: <a href='/news/port-jobs'>Why the harbour lost two of its large employers</a>]",
        ),
        (
            "fr",
            "Nouveau terminal portuaire",
            FR,
            "Lire aussi : <a href='/news/emplois'>Pourquoi le port de la ville a perdu deux de "
            "ses grands employeurs en dix ans</a>",
        ),
    ],
)
def test_link_between_paragraphs_is_body(
    lang: str, title: str, texts: list[str], link: str
) -> None:
    text = _paragraphs(texts[:2]) + f"<p>{link}</p>" + _paragraphs(texts[2:])
    record = _record(lang, title, "", text)
    assert record.body is not None
    assert ("harbour lost two" if lang == "en" else "le port de la ville a perdu") in record.body
    assert texts[2] in record.body


def test_links_after_the_text_are_not_body() -> None:
    """Links after the text's last paragraph are a list of other pages, not the text's."""
    links = "".join(
        f"<p><a href='/news/{n}'>{t}</a></p>"
        for n, t in (("a", "Harbour strike ends after a week"), ("b", "Dredging of the channel"))
    )
    record = _record("en", "New container terminal", "", _paragraphs(EN) + links)
    assert record.body is not None
    assert "Harbour strike ends" not in record.body
    assert "Dredging of the channel" not in record.body


# 5. a link inside a sentence is the sentence's, whatever its class names (a note's pop-up)


def test_classed_link_inside_a_sentence_is_body() -> None:
    note = "<a href='javascript:void(0);' onclick='return note(1)' class='popup'>{}</a>"
    sentence = (
        f"The harbour master is a {note.format('rather elderly')} man, who has run the port "
        f"for {note.format('thirty years')} and knows every crane by its number."
    )
    record = _record("en", "New container terminal", "", _paragraphs([sentence, *EN]))
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert "The harbour master is a rather elderly man, who has run the port for thirty" in text


def test_classed_links_beside_a_label_are_not_body() -> None:
    """Share links after a label in a paragraph of their own stay furniture."""
    bar = (
        "<p>Share: <a class='share' href='https://social.example/s?u=1'>Facebook</a> "
        "<a class='share' href='https://mail.example/s?u=1'>E-mail</a></p>"
    )
    record = _record("en", "New container terminal", "", _paragraphs(EN) + bar)
    assert record.body is not None
    assert "Facebook" not in record.body
    assert "E-mail" not in record.body


# 6. a text written without paragraphs (lines set apart by <br>) in a table layout's cell


def test_text_without_paragraphs_is_found_in_its_cell() -> None:
    lines = "<br><br>".join(EN)
    html = (
        "<html lang='en'><head><title>New container terminal</title></head><body>"
        "<table><tr><td class='left'><a href='/'>Home</a><br><a href='/news'>News</a><br>"
        "<a href='/sport'>Sport</a><br><a href='/weather'>Weather</a><br>Search the site<br>"
        "Log in</td><td class='main'><font size='5'><b>New container terminal</b></font><br>"
        f"{lines}</td><td class='right'>Most read<br><a href='/a'>Council budget vote "
        "delayed</a><br><a href='/b'>Strike at the depot</a><br>Advertise with us: our weekly "
        "letter brings the local news every Friday.</td></tr></table>"
        "<p>Harbour News, the quay, 2000 Antwerp.</p></body></html>"
    )
    record = extract_article(html, "https://paper.example/news/a", profile=generic_profile())
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    for line in EN:
        assert line in text
    for furniture in ("Home", "Weather", "Search the site", "Most read", "Strike at the depot"):
        assert furniture not in text
    assert "Advertise with us" not in text


# 7. a line of links opening the text (its topics) is no standfirst


@pytest.mark.parametrize(
    ("lang", "title", "texts", "topics"),
    [
        ("en", "New container terminal", EN, ["Port of Antwerp", "Container shipping", "Jobs"]),
        ("fr", "Nouveau terminal portuaire", FR, ["Port d'Anvers", "Transport maritime", "Emploi"]),
    ],
)
def test_link_line_opening_the_text_is_no_lead(
    lang: str, title: str, texts: list[str], topics: list[str]
) -> None:
    links = ", ".join(f"<a href='/t/{n}'>{t}</a>" for n, t in enumerate(topics))
    record = _record(lang, title, "", f"<div class='topics'>{links}</div>{_paragraphs(texts)}")
    assert record.lead == texts[0]
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    for topic in topics:
        assert topic not in text


# 8. a standfirst box before the text's container, the opening photo between them


@pytest.mark.parametrize(
    ("lang", "title", "texts", "standfirst", "caption"),
    [
        (
            "en",
            "New container terminal",
            EN,
            "The port doubles its capacity for ships from Asia, and hopes for warehouse jobs.",
            "The new cranes on the quay. | Photo: Reuters",
        ),
        (
            "fr",
            "Nouveau terminal portuaire",
            FR,
            "Le port double sa capacité pour les navires venus d'Asie et espère des emplois.",
            "Les nouvelles grues sur le quai. | Photo : Belga",
        ),
    ],
)
def test_standfirst_before_opening_photo_is_the_lead(
    lang: str, title: str, texts: list[str], standfirst: str, caption: str
) -> None:
    html = (
        f"<html lang='{lang}'><head><title>{title}</title></head><body><div class='page'>"
        f"<h1>{title}</h1><div class='wrapper'><div class='column'><div class='story'>"
        "<div class='author'><a href='/a/jd'>J. Doe</a></div>"
        f"<div class='story__top-text'>{standfirst}</div>"
        "<div class='story__photo'><a href='/img/1' class='zoom'><img src='/1.jpg' alt=''></a>"
        f"<span class='story__caption'>{caption}</span></div>"
        f"<div class='story__content'>{_paragraphs(texts)}</div></div></div></div></div>"
        "</body></html>"
    )
    record = extract_article(html, "https://paper.example/news/a", profile=generic_profile())
    assert record.lead == standfirst
    assert record.body is not None
    assert texts[0] in record.body
