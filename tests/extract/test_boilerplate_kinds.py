"""Kinds of boilerplate and of misread structure (issue 13), each shown on two templates in two
languages, and neutral edits (a breadcrumb, whitespace, a closing "thank you") that leave the
record as it was."""

from __future__ import annotations

import re
from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.models import CONTENT_FIELDS
from scraper.sites import generic_profile

GENERIC = generic_profile()
EN = (
    "<p>The council approved the new cycling plan on Tuesday after a long debate about parking "
    "spaces and delivery zones in the old town.</p>"
    "<p>Work on the first two routes starts in spring and should be finished before the summer "
    "holidays, the alderman said.</p>"
)
FR = (
    "<p>Le conseil communal a approuvé mardi le nouveau plan vélo après un long débat sur le "
    "stationnement et les zones de livraison du centre.</p>"
    "<p>Les travaux des deux premiers itinéraires commencent au printemps et doivent être "
    "terminés avant les vacances d'été, a précisé l'échevin.</p>"
)
NL = (
    "<p>De gemeenteraad keurde dinsdag het nieuwe fietsplan goed na een lang debat over "
    "parkeerplaatsen en leveringszones in de binnenstad.</p>"
    "<p>De werken aan de eerste twee routes beginnen in de lente en moeten voor de "
    "zomervakantie klaar zijn, zei de schepen.</p>"
)


def _record(html: str, url: str = "https://paper.example/news/cycling-plan/") -> Any:
    return extract_article(html, url, profile=GENERIC)


def _text(html: str, url: str = "https://paper.example/news/cycling-plan/") -> str:
    record = _record(html, url)
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def _content(html: str) -> dict[str, Any]:
    record = _record(html).to_dict()
    return {name: record[name] for name in CONTENT_FIELDS}


def _see_also_wiki(text: str, heading: str) -> str:
    links = "".join(f"<li><a href='/wiki/Topic_{i}'>Topic {i}</a></li>" for i in range(4))
    return (
        "<div id='content' role='main'><h1>Cycling plan</h1><div id='body-text'>"
        f"{text}<h2>{heading}</h2><ul>{links}</ul></div></div>"
    )


def _see_also_blog(text: str, heading: str) -> str:
    links = "".join(f"<a href='/news/other-story-{i}/'>Other story {i}</a><br>" for i in range(3))
    return (
        f"<main><header><h1>Plan vélo</h1></header><section class='text'>{text}"
        f"<h3>{heading}</h3><p>{links}</p></section></main>"
    )


@pytest.mark.parametrize(
    ("page", "first", "last", "list_item"),
    [
        (_see_also_wiki(EN, "See also"), "approved the new", "summer holidays", "Topic 1"),
        (_see_also_blog(FR, "À lire aussi"), "a approuvé mardi", "vacances d'été", "Other story"),
    ],
)
def test_a_see_also_heading_closing_the_text_does_not_make_the_text_a_list(
    page: str, first: str, last: str, list_item: str
) -> None:
    """The list is what follows the heading: the paragraphs before it stay the article's."""
    text = _text(page)
    assert first in text and last in text
    assert list_item not in text


def _main_article_lines(text: str, links: list[str]) -> str:
    """Paragraphs with a "Main article: …" line (a link to another page) before each."""
    paragraphs = re.findall(r"<p>.*?</p>", text)
    parts = [
        f"<div class='hatnote'>{label} <a href='/news/{slug}/'>{slug}</a></div>{p}"
        for (label, slug), p in zip(
            [("Main article:", links[0]), ("Zie ook:", links[1])], paragraphs, strict=True
        )
    ]
    return "".join(parts)


@pytest.mark.parametrize("text", [EN, NL])
def test_links_to_other_pages_between_the_paragraphs_are_no_list_of_cards(text: str) -> None:
    page = (
        "<div id='content' role='main'><h1>Cycling plan</h1><div id='body-text'>"
        f"{_main_article_lines(text, ['old-cycling-plan', 'parking-policy'])}</div></div>"
    )
    found = _text(page)
    for paragraph in re.findall(r"<p>(.*?)</p>", text):
        assert paragraph[:40] in found


def _chapters(text: str, lang: str) -> str:
    """A story page: a preface linking to the work, then a chapter linking to its own page."""
    return (
        f"<html lang='{lang}'><body><div id='main' role='main'><div id='workskin'>"
        "<div class='preface'><h2><a href='/news/a-long-story/'>A long story</a></h2></div>"
        "<div id='chapters'><div class='chapter'><h3><a href='/news/a-long-story-part-2/'>Part 1"
        f"</a></h3><div class='userstuff'>{text * 6}</div></div></div></div></div></body></html>"
    )


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_a_chapter_that_links_elsewhere_is_no_card(text: str, lang: str) -> None:
    """A unit holding pages of text is a chapter, not a teaser: it stays the article's text."""
    record = _record(_chapters(text, lang))
    first = re.search(r"<p>(.{40})", text)
    assert first and record.body and first.group(1) in record.body
    assert not record.related


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- <a href='mailto:old@paper.example'>old@paper.example</a> -->",
        "<script>var contact = 'desk@paper.example';</script>",
    ],
)
@pytest.mark.parametrize("text", [EN, NL])
def test_an_address_a_reader_cannot_see_is_no_contact(comment: str, text: str) -> None:
    """An email in a comment or a script beside the text does not turn the text into a
    contact block."""
    page = f"<html><body><h1>Cycling plan</h1>{comment}{text}</body></html>"
    record = _record(page)
    assert not record.contacts
    assert "gemeenteraad" in _text(page) or "council approved" in _text(page)


def _tailwind(text: str) -> str:
    """Every element carries a `leading-*` line-height class (Tailwind)."""
    paragraphs = text.replace("<p>", "<p class='mb-20 text-18 leading-160'>")
    return (
        "<article class='mx-auto'><h1 class='text-45 leading-[1.04]'>Cycling plan</h1>"
        "<h2 class='text-22 leading-110'>A new plan for the old town.</h2>"
        f"<div class='flex leading-120'>{paragraphs}</div></article>"
    )


def _bem_lead(text: str) -> str:
    """The same page with a real standfirst: one element named `lead`."""
    return (
        "<article><h1>Plan vélo</h1><p class='article__lead'>Un nouveau plan pour le centre, "
        f"avec deux itinéraires et moins de voitures.</p><div class='article__body'>{text}</div>"
        "</article>"
    )


def test_a_typographic_lead_class_on_every_paragraph_is_no_standfirst() -> None:
    record = _record(_tailwind(EN))
    assert record.lead is not None and record.lead.startswith("The council approved")
    assert record.body is not None and "first two routes" in record.body


def test_a_standfirst_named_lead_is_still_the_lead() -> None:
    record = _record(_bem_lead(FR))
    assert (
        record.lead == "Un nouveau plan pour le centre, avec deux itinéraires et moins de voitures."
    )
    assert record.body is not None and record.body.startswith("Le conseil communal")


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (NL, "nl")])
def test_a_teasers_excerpt_in_the_related_cards_is_not_the_lead(text: str, lang: str) -> None:
    cards = "".join(
        f"<div class='card'><h4><a href='/news/story-{i}/'>Story {i} of the week</a></h4>"
        f"<p class='entry-excerpt'>The excerpt of story {i}, two lines that sum it up for "
        "readers of the list.</p></div>"
        for i in range(3)
    )
    page = (
        f"<html lang='{lang}'><body><article><h1>Cycling plan</h1><div class='entry-content'>"
        f"{text}<div class='related-posts'><h3>Related</h3>{cards}</div></div></article>"
        "</body></html>"
    )
    found = _text(page)
    assert "excerpt of story" not in found
    assert found.startswith(re.findall(r"<p>(.{30})", text)[0])


@pytest.mark.parametrize(
    ("section_id", "heading"),
    [
        ("sharing-with-a-single-developer", "Sharing with a single developer"),
        ("comment-fonctionne-le-plan-velo", "Comment fonctionne le plan vélo ?"),
    ],
)
def test_a_section_named_by_its_title_is_read_whatever_word_the_title_holds(
    section_id: str, heading: str
) -> None:
    """A documentation section's id is the slug of its heading ("sharing-…", "comment-…"): a
    title, not a share bar or a comment section."""
    page = (
        "<div class='body' role='main'><div class='section' id='guide'><h1>Guide</h1>"
        f"{EN * 2}<div class='section' id='{section_id}'><h2>{heading}</h2>{FR}</div>"
        f"<div class='section' id='next-steps-of-the-plan'><h2>Next steps of the plan</h2>{NL}"
        "</div></div></div>"
    )
    found = _text(page)
    assert "a approuvé mardi" in found and "council approved" in found


def test_a_component_named_by_a_short_id_stays_furniture() -> None:
    page = (
        f"<article><h1>Cycling plan</h1>{EN}<div id='share-this'><h3>Share this</h3>"
        "<p>Tell your friends about the new cycling plan of the old town today.</p></div>"
        "</article>"
    )
    assert "Tell your friends" not in _text(page)


def _neutral_edits(page: str) -> list[str]:
    crumbs = (
        "<nav class='breadcrumb'><a href='/'>Home</a> › <a href='/news/'>News</a> › "
        "<span>Cycling plan</span></nav>"
    )
    return [
        page.replace("<body>", f"<body>{crumbs}", 1),
        re.sub(r">\s*<", ">\n \t <", page),
        page.replace("</article>", "<p>Thank you!</p></article>", 1),
        page.replace("</article>", "<p><strong>Merci à tous !</strong></p></article>", 1),
    ]


@pytest.mark.parametrize(
    "page",
    [
        f"<html lang='en'><body>{_tailwind(EN)}</body></html>",
        f"<html lang='fr'><body>{_bem_lead(FR)}</body></html>",
    ],
)
def test_neutral_edits_leave_the_record_unchanged(page: str) -> None:
    before = _content(page)
    for edited in _neutral_edits(page):
        assert _content(edited) == before, edited


TITLE_CASES = [
    # a styled kicker before the headline's own text; <title> names the headline alone
    (
        "<html lang='en'><head><title>New cycling plan approved for the old town | The Paper"
        "</title></head><body><article><h1><span class='kicker'>Mobility</span> New cycling plan "
        f"approved for the old town</h1>{EN}</article></body></html>",
        "New cycling plan approved for the old town",
    ),
    (
        "<html lang='fr'><body><article><h1><span class='surtitre'>Mobilité</span> Le plan vélo "
        f"approuvé pour le centre-ville</h1>{FR}</article></body></html>",
        "Le plan vélo approuvé pour le centre-ville",
    ),
    # an unstyled first word is part of the headline
    (
        f"<html><body><article><h1><em>Titanic</em> sinks again in the new film</h1>{EN}"
        "</article></body></html>",
        "Titanic sinks again in the new film",
    ),
    # a <title> fallback signed by a name and its slogan, or opened by a name
    (
        "<html lang='en'><head><title>New cycling plan approved for the old town – De Krant: "
        f"nieuws uit de stad</title></head><body><div class='content'>{EN}</div></body></html>",
        "New cycling plan approved for the old town",
    ),
    (
        "<html lang='nl'><head><title>De Stadskrant | Nieuw fietsplan goedgekeurd voor de "
        f"binnenstad</title></head><body><div class='content'>{NL}</div></body></html>",
        "Nieuw fietsplan goedgekeurd voor de binnenstad",
    ),
    (
        "<html lang='en'><head><title>Trump – the return of a showman</title></head><body>"
        f"<div class='content'>{EN}</div></body></html>",
        "Trump – the return of a showman",
    ),
    # the page's header holds a breadcrumb trail and the headline; the site's holds a menu
    (
        "<html lang='en'><body><header class='page-header'><nav class='breadcrumb'><a href='/'>"
        "Home</a> › <a href='/news/'>News</a></nav><h1>New cycling plan approved for the old "
        f"town</h1></header><div class='content'>{EN}</div></body></html>",
        "New cycling plan approved for the old town",
    ),
    (
        "<html lang='fr'><body><header><nav><ol><li><a href='/'>Accueil</a></li><li><a "
        "href='/actualites/'>Actualités</a></li></ol></nav><h1>Le plan vélo approuvé pour le "
        f"centre-ville</h1></header><div class='content'>{FR}</div></body></html>",
        "Le plan vélo approuvé pour le centre-ville",
    ),
    (
        "<html lang='nl'><head><title>Nieuw fietsplan goedgekeurd voor de binnenstad</title>"
        "</head><body><header><h1>De Stadskrant, elke dag</h1><nav>"
        + "".join(f"<a href='/rubriek-{i}/'>Rubriek {i}</a>" for i in range(8))
        + f"</nav></header><div class='content'>{NL}</div></body></html>",
        "Nieuw fietsplan goedgekeurd voor de binnenstad",
    ),
]


TITLE_CASES += [
    # a site header with a language switcher (a short nav, "/" between its links) and a slogan
    (
        "<html lang='fr'><head><title>Le plan vélo approuvé pour le centre-ville</title></head>"
        "<body><header><h1>Le Journal, toute la ville</h1><nav><a href='/fr/'>FR</a> / "
        f"<a href='/nl/'>NL</a></nav></header><div class='content'>{FR}</div></body></html>",
        "Le plan vélo approuvé pour le centre-ville",
    ),
]


@pytest.mark.parametrize(("page", "title"), TITLE_CASES)
def test_the_headline_without_kicker_site_name_or_site_banner(page: str, title: str) -> None:
    assert _record(page).title == title


@pytest.mark.parametrize("page", [TITLE_CASES[0][0], TITLE_CASES[6][0]])
def test_neutral_edits_leave_the_title_unchanged(page: str) -> None:
    before = _content(page)
    for edited in _neutral_edits(page):
        assert _content(edited) == before, edited


def _stamped(lang: str, jsonld: str, meta_name: str, meta: str, text: str) -> str:
    return (
        f"<html lang='{lang}'><head><meta property='{meta_name}' content='{meta}'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cycling plan", '
        f'"datePublished": "{jsonld}"}}</script></head><body><article><h1>Cycling plan</h1>'
        f"{text}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "day"),
    [
        # a UTC stamp after midnight, the same moment written with the site's offset the evening before
        (
            _stamped(
                "en",
                "2017-02-24T01:18:13Z",
                "article:published_time",
                "2017-02-23T17:18:13-08:00",
                EN,
            ),
            "2017-02-23",
        ),
        (
            _stamped(
                "fr", "2025-03-02T23:30:00Z", "og:published_time", "2025-03-03T00:30:00+01:00", FR
            ),
            "2025-03-03",
        ),
        # another moment: the UTC stamp keeps its own day
        (
            _stamped(
                "nl",
                "2025-03-02T23:30:00Z",
                "article:published_time",
                "2025-03-01T10:00:00+01:00",
                NL,
            ),
            "2025-03-02",
        ),
    ],
)
def test_a_utc_stamp_takes_the_day_of_its_twin_written_with_the_sites_offset(
    page: str, day: str
) -> None:
    assert _record(page).to_dict()["published"] == day


def _sidebar_boxes(text: str, lang: str) -> str:
    """Every sidebar box carries the content class; the article's container has another."""
    boxes = "".join(
        f"<div class='box'><div class='box-text entry-content'>{body}</div></div>"
        for body in (
            "".join(f"<a href='/categorie/{i}/'>Rubrique {i} ({i})</a><br>" for i in range(30)),
            "<a href='/a/'>Archives</a>",
            "Un court texte de présentation du blog et de son auteur, écrit pour la barre latérale.",
            "<a href='/b/'>Liens</a>",
            "<a href='/c/'>Amis</a>",
        )
    )
    return (
        f"<html lang='{lang}'><body><div class='article'><h1>Cycling plan</h1>"
        f"<div class='article-content'>{text * 3}</div></div><div class='sidebar-col'>{boxes}"
        "</div></body></html>"
    )


@pytest.mark.parametrize(("text", "lang"), [(FR, "fr"), (EN, "en")])
def test_a_content_class_on_every_sidebar_box_does_not_name_the_text(text: str, lang: str) -> None:
    record = _record(_sidebar_boxes(text, lang))
    first, second = re.findall(r"<p>(.{30})", text)
    assert record.lead is not None and record.lead.startswith(first)
    assert record.body is not None and second in record.body and "Rubrique" not in record.body


def _player(lang: str) -> str:
    """A video player's controls and settings, each a bare <div> of a word or two."""
    settings = "".join(
        f"<div class='opt'>{label}</div>"
        for label in ("Video Quality", "Auto", "High (HD)", "Low", "Captions", "Back", "Aa")
    )
    return (
        "<div class='player'><div class='bar'><div>1 of 24</div><div>Full Screen</div>"
        f"<div>Autoplay</div><div>Close</div></div><div class='menu-x'>{settings}</div></div>"
    )


def _recipe() -> str:
    """Short lines that are the text's own: a list, a table of figures."""
    return (
        "<ul><li>2 eggs</li><li>1 cup flour</li><li>Salt</li><li>Milk</li></ul>"
        "<table><tr><td><div>App</div></td><td><div>71 MB</div></td><td><div>-81%</div></td>"
        "<td><div>8 MB</div></td></tr></table>"
    )


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (NL, "nl")])
def test_a_players_controls_are_not_text_but_short_list_items_and_cells_are(
    text: str, lang: str
) -> None:
    paragraphs = re.findall(r"<p>.*?</p>", text)
    page = (
        f"<html lang='{lang}'><body><article><h1>Cycling plan</h1>{paragraphs[0]}{_player(lang)}"
        f"{paragraphs[1]}{_recipe()}</article></body></html>"
    )
    found = _text(page)
    for control in ("Full Screen", "Autoplay", "Video Quality", "High (HD)"):
        assert control not in found
    for item in ("1 cup flour", "71 MB", paragraphs[1][3:40]):
        assert item in found


def _teasers(lang: str, heading: str) -> str:
    return f"<h2>{heading}</h2>" + "".join(
        f"<h3><a href='https://other.example/story-{i}/'>Another story number {i}</a></h3>"
        f"<p>Two lines that sum up story {i} for the readers of the list.</p>"
        "<div>Good Morning</div>"
        for i in range(3)
    )


@pytest.mark.parametrize(
    ("text", "lang", "heading"), [(EN, "en", "Recommended for you"), (FR, "fr", "Pour vous")]
)
def test_linked_titles_with_a_line_each_after_the_text_are_other_articles(
    text: str, lang: str, heading: str
) -> None:
    page = (
        f"<html lang='{lang}'><body><div role='main'><h1>Cycling plan</h1>{text}"
        f"{_teasers(lang, heading)}</div></body></html>"
    )
    found = _text(page)
    assert "Another story" not in found and "sum up story" not in found
    assert heading not in found and re.findall(r"<p>(.{30})", text)[0] in found


def test_an_articles_own_subheadings_with_permalinks_stay() -> None:
    sections = "".join(
        f"<h2>Step {i}<a href='#step-{i}'>¶</a></h2><p>Short note on step {i}.</p>"
        for i in range(3)
    )
    found = _text(f"<main><h1>Cycling plan</h1>{EN}{sections}</main>")
    assert "Short note on step 2." in found and "Step 1" in found


LONG_EN = [
    f"<p>Paragraph {i} of the council story: the alderman explained the new cycling plan "
    "again, route by route, and answered the questions of the shopkeepers.</p>"
    for i in range(12)
]
LONG_NL = [
    f"<p>Alinea {i} van het verhaal: de schepen legde het nieuwe fietsplan nog eens uit, "
    "route per route, en beantwoordde de vragen van de handelaars.</p>"
    for i in range(12)
]


@pytest.mark.parametrize(("paragraphs", "lang"), [(LONG_EN, "en"), (LONG_NL, "nl")])
def test_an_article_split_by_a_read_more_toggle_is_read_whole(
    paragraphs: list[str], lang: str
) -> None:
    """The opening paragraphs sit in the text's container, the rest in a toggled wrapper."""
    page = (
        f"<html lang='{lang}'><body><h1>Cycling plan</h1><div class='story'>"
        f"{''.join(paragraphs[:3])}<div class='slot'></div><div class='toggle-group'>"
        f"{''.join(paragraphs[3:])}</div></div></body></html>"
    )
    found = _text(page)
    assert re.findall(r"<p>(.{12})", paragraphs[0])[0] in found
    assert re.findall(r"<p>(.{12})", paragraphs[-1])[0] in found


@pytest.mark.parametrize(
    ("text", "lang", "label"), [(EN, "en", "More to explore"), (NL, "nl", "Populair")]
)
def test_the_label_above_a_list_of_other_articles_goes_with_it(
    text: str, lang: str, label: str
) -> None:
    cards = "".join(
        f"<li class='card'><a href='/news/other-story-{i}/'><h4>Other story number {i}</h4></a>"
        "</li>"
        for i in range(3)
    )
    page = (
        f"<html lang='{lang}'><body><article><h1>Cycling plan</h1>{text}<h2>{label}</h2>"
        f"<div><a href='/news/'>View all posts</a></div><ul class='cards'>{cards}</ul>"
        "</article></body></html>"
    )
    found = _text(page)
    assert label not in found and "Other story" not in found
    assert re.findall(r"<p>(.{30})", text)[1] in found


def _chart(title: str) -> str:
    """A chart drawn in HTML: its title and axis labels as paragraphs of a word or a number."""
    labels = "".join(f"<p>{x}</p>" for x in ("$915", "billion", "600", "300", "’17", "’18", "’28"))
    return f"<div class='g-chart'><p>{title}</p>{labels}</div>"


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [(EN, "en", "Interest payments"), (FR, "fr", "Charge de la dette")],
)
def test_a_charts_labels_are_not_text(text: str, lang: str, title: str) -> None:
    paragraphs = re.findall(r"<p>.*?</p>", text)
    page = (
        f"<html lang='{lang}'><body><article><h1>Cycling plan</h1>{paragraphs[0]}"
        f"{_chart(title)}{paragraphs[1]}</article></body></html>"
    )
    found = _text(page)
    assert "billion" not in found and title not in found and paragraphs[1][3:40] in found


def test_a_contact_card_in_short_paragraphs_is_still_a_contact() -> None:
    card = (
        "<div class='person'><p>Ann Peeters</p><p>Advisor</p><p>Rue Royale 2</p>"
        "<p>+32 2 800 00 00</p></div>"
    )
    record = _record(f"<html lang='en'><body><article><h1>Cycling plan</h1>{EN}{card}</article>")
    assert [c.name for c in record.contacts] == ["Ann Peeters"]
