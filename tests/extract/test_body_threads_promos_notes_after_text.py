"""Body precision kinds (page furniture after the text kept in the body), each on a plain news
page and a sibling in other markup and language: a thread of readers' entries after the text
(comments, reviews: sibling boxes, each signed and dated, no class naming them)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.extract.news_pages import TEXTS

URL = "https://news.example/2026/05/12/tram/"


def _paragraphs(lang: str) -> list[str]:
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    return p


def _page(lang: str, inset: str = "", after: str = "", outside: str = "") -> str:
    """A news page whose text holds `inset` between its second and third paragraphs, `after`
    after its last one in the text's box, and `outside` after the article, in the main column."""
    p = [f"<p>{t}</p>" for t in _paragraphs(lang)]
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        f"<div class='c-top'><a href='/'>Site</a></div><div class='c-main'><div class='c-art'>"
        f"<h1>{title}</h1><div class='c-txt'>{p[0]}{p[1]}{inset}{p[2]}{p[3]}{after}</div></div>"
        f"{outside}</div><div class='c-bottom'><p>© Site</p></div></body></html>"
    )


def _body(html: str, lang: str) -> str:
    record = extract_article(html, URL)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert all(t in body for t in _paragraphs(lang)), body
    return body


# 1. a thread of readers' entries after the text: each entry a box of the same kind, signed and
# dated on a short line of its own, holding a paragraph or more; no class names it

_COMMENTS_EN = (
    "<div class='c-x'><h2>Join the conversation</h2><ol>"
    "<li><div><b>Bob Smith</b> <span>3 hours ago</span></div><p>This is a great decision and "
    "long overdue for the people living in the district near the port, I have waited years.</p>"
    "<div><a href='#r'>Reply</a> <span>12 likes</span></div></li>"
    "<li><div><b>Alice W</b> <span>2 hours ago</span></div><p>Three hundred million euros is far "
    "too much for a tram, buses would do the same job for less money and much sooner.</p>"
    "<div><a href='#r'>Reply</a> <span>3 likes</span></div></li>"
    "<li><div><b>Carl</b> <span>1 hour ago</span></div><p>The works will block the harbour "
    "avenue for two years, what about the shops along it that need their customers?</p>"
    "<div><a href='#r'>Reply</a> <span>8 likes</span></div></li></ol></div>"
)
_REVIEWS_FR = (
    "<div class='c-y'><div class='c-y1'><div class='c-y2'>Marie D., le 12/05/2026</div>"
    "<p>Enfin une bonne nouvelle pour le quartier du port, nous attendions ce tram depuis "
    "tellement longtemps que nous n'y croyions plus.</p><p>Reste à voir si les délais seront "
    "tenus cette fois, ce qui n'a jamais été le cas jusqu'ici.</p></div>"
    "<div class='c-y1'><div class='c-y2'>Paul V., le 13/05/2026</div><p>Trois cents millions "
    "pour une ligne de tram, c'est beaucoup trop cher alors que les bus font très bien "
    "l'affaire pour les habitants.</p></div></div>"
)


@pytest.mark.parametrize(
    ("lang", "after", "outside", "left_out"),
    [
        ("en", "", _COMMENTS_EN, ["long overdue", "Join the conversation", "Bob Smith"]),
        ("fr", _REVIEWS_FR, "", ["Enfin une bonne nouvelle", "Trois cents millions", "Paul V."]),
    ],
)
def test_thread_after_the_text_is_left_out(
    lang: str, after: str, outside: str, left_out: list[str]
) -> None:
    body = _body(_page(lang, after=after, outside=outside), lang)
    for snippet in left_out:
        assert snippet not in body


_STEPS_NL = "".join(
    f"<div class='c-s'><span>Stap {n}</span><p>{text}</p></div>"
    for n, text in (
        (
            1,
            "Kijk op de website van de stad welke bushaltes tijdens de werken verplaatst worden "
            "en plan uw rit op voorhand.",
        ),
        (
            2,
            "Vraag bij de vervoermaatschappij een tijdelijk abonnement aan als uw gewone lijn "
            "ingekort wordt door de werken.",
        ),
    )
)
_CLOSING_LIST_EN = (
    "<ul><li><p>The northern section will be tested first, before the end of next year, with "
    "trams running empty at night.</p></li><li><p>Passengers will be carried from the year after, "
    "once the southern section has been tested too.</p></li></ul>"
)


@pytest.mark.parametrize(
    ("lang", "after", "kept"),
    [
        ("nl", _STEPS_NL, ["Stap 1", "Kijk op de website", "Vraag bij de vervoermaatschappij"]),
        ("en", _CLOSING_LIST_EN, ["The northern section will be tested", "Passengers will be"]),
    ],
)
def test_numbered_steps_and_closing_list_after_the_text_stay(
    lang: str, after: str, kept: list[str]
) -> None:
    body = _body(_page(lang, after=after), lang)
    for snippet in kept:
        assert snippet in body


# 2. a promo without a title inside or after the text: a box of a blurb and a button to another
# page ("Sign up"), nothing else; a box whose link opens the rest of the text stays


@pytest.mark.parametrize(
    ("lang", "inset", "after", "left_out"),
    [
        (
            "en",
            "<div class='c-k1'><p class='c-k2'>Sign up for our morning newsletter and get the "
            "day's top stories delivered to your inbox.</p><a class='c-k3' "
            "href='/newsletters'>Sign up</a></div>",
            "",
            ["morning newsletter", "Sign up"],
        ),
        (
            "nl",
            "<div class='c-app'><div>Download onze app en lees het nieuws uit uw stad overal en "
            "altijd.</div><div><a href='https://app.news.example/'>Download de app</a></div>"
            "</div>",
            "",
            ["Download onze app", "Download de app"],
        ),
    ],
)
def test_promo_of_a_blurb_and_a_button_is_left_out(
    lang: str, inset: str, after: str, left_out: list[str]
) -> None:
    body = _body(_page(lang, inset=inset, after=after), lang)
    for snippet in left_out:
        assert snippet not in body


def test_a_paragraph_boxed_with_a_link_into_the_page_stays() -> None:
    inset = (
        "<div class='c-more'><p>De stad belooft de hinder te beperken tijdens de werken.</p>"
        "<a href='#vervolg'>Lees verder</a></div>"
    )
    body = _body(_page("nl", inset=inset), "nl")
    assert "De stad belooft de hinder te beperken" in body


# 3. a note on the text in a box of its own after its last paragraph: one paragraph, no class
# shared with the text's box (the print edition's note, a disclaimer); a part of the text split
# off by an ad slot shares its box's class, and a box of several paragraphs is more text


@pytest.mark.parametrize(
    ("lang", "after", "left_out"),
    [
        (
            "en",
            "<div class='c-meta'><p>A version of this article appears in print on May 12, 2026, "
            "on page A7 of the city edition with the headline: Council backs tram line.</p></div>",
            "appears in print",
        ),
        (
            "fr",
            "<section class='c-disc'><p>Les opinions exprimées dans les réactions n'engagent que "
            "leurs auteurs. La rédaction se réserve le droit de retirer tout message.</p></section>",
            "n'engagent que leurs auteurs",
        ),
    ],
)
def test_a_note_in_a_box_of_its_own_after_the_text_is_left_out(
    lang: str, after: str, left_out: str
) -> None:
    body = _body(_page(lang, after=after), lang)
    assert left_out not in body


_LAST_PART = (
    "<div class='c-x'>Advertisement</div><div class='c-txt c-txt-2'><p>The works council of the "
    "transport company welcomed the vote, saying that drivers had long asked for the line.</p>"
    "</div>"
)
_MORE = (
    "<div class='c-more'><p>De werken beginnen in de lente aan het station en schuiven daarna "
    "stap voor stap op naar de haven, zodat de hinder beperkt blijft.</p><p>De stad belooft de winkeliers langs de havenlaan een "
    "vergoeding voor de hinder tijdens de werken.</p></div>"
)


@pytest.mark.parametrize(
    ("lang", "after", "kept"),
    [
        ("en", _LAST_PART, "The works council of the transport company"),
        ("nl", _MORE, "De stad belooft de winkeliers"),
    ],
)
def test_the_text_resumed_in_a_box_after_it_stays(lang: str, after: str, kept: str) -> None:
    body = _body(_page(lang, after=after), lang)
    assert kept in body
