"""Body kinds of round x20 (precision on newsletter, blog and magazine templates unlike the
others), each on a page and a sibling in other markup and language: a note after the text whose
back link opens its box (kept), a post's closing line of categories and links (left out), the
author's box under the article built of the same bare boxes as the text (left out), the
closing part of a text written row after row, after an interview's, a figure's or a quote's row
(kept)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

URL = "https://blog.example/2026/05/12/tram-line/"

EN = [
    "The city council voted on Tuesday to expand the northern tram line by six kilometres, "
    "ending a debate that had lasted almost a decade.",
    "Construction is expected to begin next spring and will cost an estimated 310 million "
    "euros, most of it paid by the regional government.",
    "Residents of the harbour district, who have long complained about slow buses and crowded "
    "streets, welcomed the decision at a packed public meeting.",
    "Engineers will have to move water pipes and electricity cables under the main avenue, "
    "which is one of the main reasons for the long schedule.",
]
DE = [
    "Der Stadtrat hat am Dienstag beschlossen, die nördliche Straßenbahnlinie um sechs "
    "Kilometer zu verlängern, und damit eine jahrelange Debatte beendet.",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und werden voraussichtlich 310 "
    "Millionen Euro kosten, die größtenteils das Land trägt.",
    "Anwohner des Hafenviertels, die sich seit Langem über langsame Busse und volle Straßen "
    "beklagen, begrüßten die Entscheidung auf einer Versammlung.",
    "Ingenieure müssen Wasserleitungen und Stromkabel unter der Hauptstraße verlegen, was "
    "einer der Hauptgründe für den langen Zeitplan ist.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _page(lang: str, title: str, article: str) -> str:
    return (
        f"<html lang='{lang}'><head><title>{title} | Site</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main>{article}</main><footer><p>© 2026 Site Media</p></footer></body></html>"
    )


def _body(html: str, texts: list[str]) -> str:
    record = extract_article(html, URL)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert all(t in body for t in texts), body
    return body


def _left_out(lang: str, title: str, article: str, *gone: str) -> None:
    """The page's text is all in its body, and none of `gone`."""
    texts = EN if lang == "en" else DE
    body = _body(_page(lang, title, article), texts)
    assert not [g for g in gone if g in body], body


# 1. a note after the text whose back link to its call opens the note's box, one or two levels
# above the note's paragraph (a newsletter's footnotes): the text's own, kept

_NOTE_EN = (
    "The figure includes the new depot in the northern industrial zone, which the council "
    "approved separately in 2024."
)
_NOTE_DE = (
    "Angaben laut Haushaltsplan der Stadt für die Jahre 2026 bis 2030, Seite 212, "
    "ohne die Kosten für das neue Depot."
)


# a newsletter's footnote (Substack: the back link, then the note's box); a magazine's endnote
# (a bracketed number in a <sup>, in a section of notes after the text's own)
_NOTES = {
    "newsletter footnote": (
        "en",
        "Notes on the tram",
        "<div class='post'><h1 class='post-title'>Notes on the tram</h1>"
        "<div class='available-content'><div class='body markup'>"
        + _paragraphs(EN[:2])
        + "<p>The total cost is 310 million euros<a class='footnote-anchor' id='fa-1' "
        "href='#footnote-1'>1</a>, the largest sum the city has spent on transport.</p>"
        + _paragraphs(EN[2:])
        + "<div class='footnote'><a id='footnote-1' href='#fa-1' class='footnote-number'>1</a>"
        f"<div class='footnote-content'><p>{_NOTE_EN}</p></div></div></div></div></div>",
        _NOTE_EN,
    ),
    "magazine endnote": (
        "de",
        "Mehr Schiene im Norden",
        "<article><h1>Mehr Schiene im Norden</h1><section class='text'>"
        + _paragraphs(DE)
        + "</section><section class='endnotes'><div class='endnote'>"
        "<sup><a href='#anm1'>[1]</a></sup><div class='endnote-text'>"
        f"<p>{_NOTE_DE}</p></div></div></section></article>",
        _NOTE_DE,
    ),
}


@pytest.mark.parametrize("kind", sorted(_NOTES))
def test_a_note_boxed_under_its_back_link_is_kept(kind: str) -> None:
    lang, title, article, note = _NOTES[kind]
    _body(_page(lang, title, article), [*(EN if lang == "en" else DE), note])


def test_a_closing_box_opened_by_a_worded_link_is_no_note() -> None:
    # a box opening with a link into the page that is a word ("Comments") is a control's
    article = (
        "<article><h1>Tram line to be extended</h1><div class='text'>"
        + _paragraphs(EN)
        + "</div><div class='more'><a href='#comments'>Comments</a><div>"
        "<p>Sign in to join the discussion.</p></div></div></article>"
    )
    _left_out("en", "Tram line to be extended", article, "Sign in to join")


# 2. a post's closing line of links written as a paragraph of its own after the text: a label
# and several links (categories, tags, permalink, comments) — left out; a closing sentence
# pointing to one page stays


def test_a_blogs_filed_under_line_after_the_text_is_left_out() -> None:
    article = (
        "<div class='post-body'><h1>Tram line to be extended</h1>"
        + _paragraphs(EN)
        + "<p>Filed under: <a href='/c/transport'>Transport</a>, <a href='/c/city'>City</a> | "
        "<a href='/2026/05/12/tram-line/'>Permalink</a> | <a href='#c'>3 Comments</a></p></div>"
    )
    _left_out("en", "Tram line to be extended", article, "Filed under", "Permalink")


def test_a_german_posts_categories_and_tags_paragraph_is_left_out() -> None:
    article = (
        "<article class='beitrag'><h1>Mehr Schiene im Norden</h1><div class='inhalt'>"
        + _paragraphs(DE)
        + "<p class='meta'>Kategorien: <a href='/k/verkehr'>Verkehr</a>, "
        "<a href='/k/stadt'>Stadtentwicklung</a> · Schlagwörter: <a href='/t/tram'>"
        "Straßenbahn</a>, <a href='/t/hafen'>Hafenviertel</a></p></div></article>"
    )
    _left_out("de", "Mehr Schiene im Norden", article, "Kategorien", "Schlagwörter")


def test_a_closing_sentence_with_one_link_stays() -> None:
    closing = "The full report: <a href='/report.pdf'>Northern tram line extension study</a>"
    article = "<article><h1>Tram line to be extended</h1>" + _paragraphs(EN)
    article += f"<p>{closing}</p></article>"
    body = _body(_page("en", "Tram line to be extended", article), EN)
    assert "Northern tram line extension study" in body


# 3. the author's box under the article, its paragraphs in bare boxes like the text's parts but
# not beside them: left out; a short closing line in a part beside the others stays


def test_an_author_box_under_a_reading_platforms_post_is_left_out() -> None:
    article = (
        "<article><div><section><div><h1>The tram is back</h1>"
        + "".join(f"<p class='pw-post-body-paragraph'>{t}</p>" for t in EN)
        + "</div></section></div><div><h2>Written by Jane Doe</h2><p>1.4K Followers</p>"
        "<p>Writing about cities, transport and the people who live with both.</p>"
        "<button>Follow</button></div></article>"
    )
    _left_out("en", "The tram is back", article, "Followers", "Writing about cities")


def test_a_german_authors_box_beside_the_article_body_is_left_out() -> None:
    article = (
        "<div class='beitrag'><h1>Mehr Schiene im Norden</h1><div class='rumpf'>"
        f"<div>{_paragraphs(DE[:2])}</div><div>{_paragraphs(DE[2:])}</div></div>"
        "<div><h3>Über die Autorin</h3><p>Anna Müller schreibt seit 2015 über Verkehr und "
        "Stadtentwicklung.</p><button>Folgen</button></div></div>"
    )
    _left_out("de", "Mehr Schiene im Norden", article, "Anna Müller schreibt", "Folgen")


def test_a_short_closing_line_in_a_part_beside_the_others_stays() -> None:
    closing = "The council will vote on the budget in June."
    article = (
        "<article><h1>Tram line to be extended</h1><div class='story'>"
        f"<div>{_paragraphs(EN[:2])}</div><div class='ad'>Advertisement</div>"
        f"<div>{_paragraphs(EN[2:])}</div><div><p>{closing}</p></div></div></article>"
    )
    body = _body(_page("en", "Tram line to be extended", article), EN)
    assert closing in body


# 4. a call to action in the text whose button is a client-side route of the platform
# ("#/portal/signup", "#!/abo"): a blurb and a button to another view, left out like a blurb and
# a button to another page

_GHOST_CTA = (
    "<div class='kg-card kg-cta-card'><div class='kg-cta-content'><div class='kg-cta-text'>"
    "<p>Enjoying these posts? Sign up for the weekly letter and never miss an update about "
    "transport in the city.</p></div><a href='#/portal/signup' class='kg-cta-button'>Sign up</a>"
    "</div></div>"
)
_HASHBANG_CTA = (
    "<div class='kasten'><p>Gefällt dir dieser Beitrag? Dann abonniere den Rundbrief und "
    "verpasse keinen Artikel mehr.</p><a class='knopf' href='#!/abo'>Abonnieren</a></div>"
)


_CALLS = {
    "portal route": (
        "en",
        "Rails return",
        "<article class='gh-article'><h1 class='gh-article-title'>Rails return</h1>"
        f"<section class='gh-content'>{_paragraphs(EN[:2])}{_GHOST_CTA}{_paragraphs(EN[2:])}"
        "</section></article>",
        ("Enjoying these posts", "Sign up"),
    ),
    "hashbang route": (
        "de",
        "Mehr Schiene im Norden",
        "<div class='eintrag'><h1>Mehr Schiene im Norden</h1><div class='text'>"
        f"{_paragraphs(DE[:3])}{_HASHBANG_CTA}{_paragraphs(DE[3:])}</div></div>",
        ("Gefällt dir", "Abonnieren"),
    ),
}


@pytest.mark.parametrize("kind", sorted(_CALLS))
def test_a_call_to_action_whose_button_is_a_route_is_left_out(kind: str) -> None:
    lang, title, article, gone = _CALLS[kind]
    _left_out(lang, title, article, *gone)


def test_a_button_into_the_page_opening_the_rest_of_the_text_stays() -> None:
    more = "The second part of the plan concerns the depot near the northern ring road."
    article = (
        "<article><h1>Tram line to be extended</h1><div class='text'>"
        + _paragraphs(EN[:2])
        + f"<div class='teaser'><p>{more}</p><a href='#rest'>Read on</a></div>"
        + _paragraphs(EN[2:])
        + "</div></article>"
    )
    assert more in _body(_page("en", "Tram line to be extended", article), EN)


def test_a_long_bio_boxed_like_the_parts_beside_the_texts_element_is_left_out() -> None:
    bio = (
        "Anna Müller ist Redakteurin im Ressort Wirtschaft und schreibt seit 2015 über Verkehr "
        "und Stadtentwicklung."
    )
    article = (
        "<article><h1>Mehr Schiene im Norden</h1><div data-area='body'>"
        f"<div data-area='text_block'>{_paragraphs(DE[:2])}</div>"
        f"<div data-area='text_block'>{_paragraphs(DE[2:])}</div></div>"
        f"<div data-area='author_bio'><p>{bio}</p></div></article>"
    )
    _left_out("de", "Mehr Schiene im Norden", article, "Anna Müller ist")


def test_a_first_paragraph_wrapped_deeper_than_the_others_stays() -> None:
    article = (
        "<article><h1>Tram line to be extended</h1><div><div><p>"
        + EN[0]
        + "</p></div>"
        + _paragraphs(EN[1:])
        + "</div></article>"
    )
    _body(_page("en", "Tram line to be extended", article), EN)


# 5. a text written in parts, each in the same place of a unit repeated row after row (a CMS's
# row > text component > text field), with an interview, a figure or a quote in rows of their
# own between them: the part after those rows is the text's (its closing line), kept; after a
# furniture row (a share bar) a box of the same place is not

HUB_EN = [
    "Twelve young companies from Brussels pitched their ideas to investors at the first demo "
    "day of the new accelerator programme, held in the Tour & Taxis hall.",
    "The programme, run by hub.brussels with three private partners, offers six months of "
    "coaching, office space and access to a network of mentors in the region.",
    "Most of the start-ups work on health technology and on the circular economy, two sectors "
    "the region wants to grow in the coming years.",
]
HUB_NL = [
    "Twaalf jonge Brusselse bedrijven stelden hun ideeën voor aan investeerders op de eerste "
    "demodag van het nieuwe versnellingsprogramma in de hal van Thurn & Taxis.",
    "Het programma van hub.brussels en drie private partners biedt zes maanden begeleiding, "
    "kantoorruimte en toegang tot een netwerk van mentoren in het gewest.",
    "De meeste starters werken rond gezondheidstechnologie en circulaire economie, twee "
    "sectoren die het gewest de komende jaren wil laten groeien.",
]
_ANSWERS = [
    "We needed investors who know the European market and a network of mentors to help us "
    "grow beyond Belgium.",
    "We will open an office in Amsterdam next year and hire ten more engineers for our team.",
]
_CLOSING_EN = "The next demo day is on 12 June. Registration is open until the end of May."
_CLOSING_NL = "De volgende demodag is op 12 juni. Inschrijven kan tot eind mei."
_CAPTION_NL = "De twaalf starters en hun coaches na de laatste pitch in de hal van Thurn & Taxis."
_QUOTE_NL = (
    "Brussel heeft alles om een Europese hub voor gezondheidstechnologie te worden, als we onze "
    "starters de kans geven om te groeien."
)


def _row(component: str, inner: str) -> str:
    """A Sitecore-like row: a component and its content box."""
    return (
        f"<div class='row'><div class='component {component}'>"
        f"<div class='component-content'>{inner}</div></div></div>"
    )


def _rich_text(*texts: str) -> str:
    return _row("rich-text", f"<div class='field-body'>{_paragraphs(list(texts))}</div>")


_INTERVIEW = _row(
    "interview",
    "<div class='qa'>"
    + "".join(
        f"<div class='qa__item'><div class='qa__question'>{q}</div>"
        f"<div class='qa__answer'><p>{a}</p></div></div>"
        for q, a in zip(("Why did you apply?", "What comes next?"), _ANSWERS, strict=True)
    )
    + "</div>",
)


def _paragraph(kind: str, inner: str) -> str:
    """A Drupal-like paragraph of a kind (text, image, quote)."""
    return f"<div class='paragraph paragraph--type--{kind}'>{inner}</div>"


def _text_field(*texts: str) -> str:
    field = f"<div class='field field--name-field-text'>{_paragraphs(list(texts))}</div>"
    return _paragraph("text", field)


def _hub_body(lang: str, title: str, content: str, texts: list[str]) -> str:
    url = f"https://hub.brussels/{lang}/news/demo-day/"
    html = (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title} | hub.brussels</title>"
        "</head><body><header><nav><a href='/'>Home</a></nav></header><main>"
        f"<div class='container'><h1>{title}</h1>{content}</div></main>"
        "<footer>hub.brussels</footer></body></html>"
    )
    record = extract_article(html, url, profile=profile_for_url(url))
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert all(t in body for t in texts), body
    return body


def test_the_closing_row_after_an_interview_row_is_the_texts() -> None:
    content = _rich_text(*HUB_EN[:2]) + _INTERVIEW + _rich_text(HUB_EN[2]) + _rich_text(_CLOSING_EN)
    _hub_body("en", "Demo day", content, [*HUB_EN, *_ANSWERS, _CLOSING_EN])


def test_a_closing_row_right_after_the_interview_keeps_the_interview_too() -> None:
    # the text's last long paragraph before the interview: its answers lie inside the text
    content = _rich_text(*HUB_EN) + _INTERVIEW + _rich_text(_CLOSING_EN)
    _hub_body("en", "Demo day", content, [*HUB_EN, *_ANSWERS, _CLOSING_EN])


def test_a_dutch_closing_paragraph_after_a_figure_and_a_quote_is_the_texts() -> None:
    content = (
        _text_field(*HUB_NL[:2])
        + _paragraph(
            "image",
            f"<figure><img src='/media/demodag.jpg' alt=''><figcaption>{_CAPTION_NL}"
            "</figcaption></figure>",
        )
        + _text_field(HUB_NL[2])
        + _paragraph("quote", f"<blockquote><p>{_QUOTE_NL}</p></blockquote>")
        + _text_field(_CLOSING_NL)
    )
    body = _hub_body("nl", "Demodag", content, [*HUB_NL, _QUOTE_NL, _CLOSING_NL])
    assert body.rstrip().endswith(_CLOSING_NL), body


# rows between the text's last row and a row of the text's place: nothing to read (a picture, an
# ad slot) or article content lets the text run on; furniture ends it
_SHOWN_ROWS = {
    "picture and credit": _row(
        "image",
        "<figure><img src='/media/pitch.jpg' alt=''><figcaption>De starters na de laatste "
        "pitch.</figcaption><div class='credit'>© Jan Jansen</div></figure>",
    ),
    "ad slot": _row("ad", "<div class='ad-label'>Advertentie</div><div id='gpt-ad-1'></div>"),
}
_FURNITURE_ROWS = {
    "share bar": _row(
        "share",
        "<a href='https://www.facebook.com/sharer'>Facebook</a> "
        "<a href='https://www.linkedin.com/share'>LinkedIn</a> "
        "<a href='mailto:?subject=Demodag'>E-mail</a>",
    ),
    "author box": _row(
        "author", "<h3>Over de auteur</h3><p>Redacteur bij hub.brussels sinds 2019.</p>"
    ),
    "related cards": _row(
        "related",
        "<h3>Lees ook</h3><ul><li><a href='/nl/news/scale-up/'>Tien Brusselse scale-ups "
        "op weg naar Amerika</a></li><li><a href='/nl/news/demodag-2025/'>Terugblik op de "
        "demodag van vorig jaar</a></li></ul>",
    ),
    "newsletter": _row(
        "newsletter",
        "<h3>Nieuwsbrief</h3><p>Schrijf je in voor onze nieuwsbrief.</p><form>"
        "<input type='email' name='email'><button>Inschrijven</button></form>",
    ),
}


@pytest.mark.parametrize("between", sorted(_SHOWN_ROWS))
def test_the_closing_row_after_a_picture_or_an_ad_slot_is_the_texts(between: str) -> None:
    content = (
        _rich_text(*HUB_NL[:2])
        + _rich_text(HUB_NL[2])
        + _SHOWN_ROWS[between]
        + _rich_text(_CLOSING_NL)
    )
    _hub_body("nl", "Demodag", content, [*HUB_NL, _CLOSING_NL])


@pytest.mark.parametrize("between", sorted(_FURNITURE_ROWS))
def test_a_row_of_the_texts_place_after_furniture_is_left_out(between: str) -> None:
    bio = "Jan Peeters schrijft voor hub.brussels over starters."
    content = (
        _rich_text(*HUB_NL[:2]) + _rich_text(HUB_NL[2]) + _FURNITURE_ROWS[between] + _rich_text(bio)
    )
    body = _hub_body("nl", "Demodag", content, HUB_NL)
    assert "Jan Peeters" not in body, body
