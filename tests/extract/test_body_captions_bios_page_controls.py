"""Body kinds (captions, author bios, page controls), each on a plain news page of three languages
and a sibling in other markup: a caption set in a plain paragraph under its picture (its credit
goes, its sentence stays, as a `<figcaption>`'s), an author's bio written as a plain last paragraph,
a line of the page's own controls linked into the page (Le Monde's "Réagir"), and a photographer's
name in a caption's last `<span>` after the caption's sentence (El País)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.extract.news_pages import TEXTS

URL = "https://news.example/2026/05/12/tram/"


def _paragraphs(lang: str) -> list[str]:
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    return p


def _page(lang: str, inset: str = "", after: str = "", byline: str = "") -> str:
    """A news page whose text holds `inset` between its second and third paragraphs and `after`
    after its last one; `byline` under the headline."""
    p = [f"<p>{t}</p>" for t in _paragraphs(lang)]
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        f"<header><a href='/'>Site</a></header><main><article><h1>{title}</h1>{byline}"
        f"<div class='story'>{p[0]}{p[1]}{inset}{p[2]}{p[3]}{after}</div></article></main>"
        "<footer><p>© Site</p></footer></body></html>"
    )


def _body(html: str, lang: str) -> str:
    record = extract_article(html, URL)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert all(t in body for t in _paragraphs(lang)), body
    return body


# 1. a caption in a plain paragraph under its picture, closing with a photo credit: the credit
# goes (as a <figcaption>'s), the caption's sentence stays; and 4. below


@pytest.mark.parametrize(
    ("lang", "inset", "caption", "credit"),
    [
        (
            "fr",
            "<p><img src='/a.jpg'></p><p>Le tram à la gare centrale, le 11 mai. © Jean Dupont</p>",
            "Le tram à la gare centrale, le 11 mai.",
            "Jean Dupont",
        ),
        (
            "fr",
            "<p><img src='/a.jpg'><br>Le tram à la gare. Photo : Jean Dupont / Belga</p>",
            "Le tram à la gare.",
            "Jean Dupont",
        ),
        (
            "nl",
            "<div class='beeld'><img src='/a.jpg'><p>De tram aan het centraal station. Foto: Jan "
            "Peeters</p></div>",
            "De tram aan het centraal station.",
            "Jan Peeters",
        ),
        (
            "nl",
            "<picture><img src='/a.jpg'></picture><p>De tram aan het station (Beeld: Belga)</p>",
            "De tram aan het station",
            "Belga",
        ),
        (
            "en",
            "<p><a href='/a.jpg'><img src='/a.jpg'></a></p><p>The tram at the central station on "
            "11 May. Photo: Jane Roe/Reuters</p>",
            "The tram at the central station on 11 May.",
            "Jane Roe",
        ),
        # 4. the photographer's name in the caption's last <span>, after the caption's sentence
        # in a <span> of its own (El País's "CARLOS ROSILLO" in news_pages.elpais_like)
        (
            "nl",
            "<figure class='media'><img src='/a.jpg'><figcaption><span class='caption'>De tram "
            "aan het station.</span> <span class='credit'>BELGA / DIRK WAEM</span></figcaption>"
            "</figure>",
            "De tram aan het station.",
            "DIRK WAEM",
        ),
        (
            "fr",
            "<figure><picture><img src='/a.jpg'></picture><figcaption><em>Le tram à la gare, le "
            "11 mai.</em><small>Jean Dupont</small></figcaption></figure>",
            "Le tram à la gare, le 11 mai.",
            "Jean Dupont",
        ),
    ],
)
def test_a_captions_credit_goes_and_its_sentence_stays(
    lang: str, inset: str, caption: str, credit: str
) -> None:
    body = _body(_page(lang, inset), lang)
    assert credit not in body and caption in body, body


def test_a_paragraph_under_a_picture_without_credit_stays_whole() -> None:
    inset = (
        "<p><img src='/a.jpg'></p><p>Volgens de stad: dertig procent meer reizigers op de lijn "
        "tegen 2030, vooral uit de nieuwe wijken.</p>"
    )
    body = _body(_page("nl", inset), "nl")
    assert "tegen 2030, vooral uit de nieuwe wijken." in body


# 2. an author's bio as a plain last paragraph: the byline's name beside an e-mail address or a
# link to the author's own page


@pytest.mark.parametrize(
    ("lang", "byline", "bio"),
    [
        (
            "nl",
            "<div>Door Pieter de Vries</div>",
            "<p>Pieter de Vries is redacteur mobiliteit. Mail: pieter.devries@news.example</p>",
        ),
        (
            "en",
            "<p class='meta'>By Jane Roe | 12 May 2026</p>",
            "<p>Jane Roe is our transport correspondent. <a href='/author/jane-roe/'>More by "
            "Jane Roe</a></p>",
        ),
        (
            "fr",
            "<p class='signature'>Par Marie Leroy</p>",
            "<p>Marie Leroy suit les transports pour la rédaction. <a href='/auteurs/marie-leroy'>"
            "Ses articles</a></p>",
        ),
    ],
)
def test_an_author_bio_in_a_plain_last_paragraph_is_left_out(
    lang: str, byline: str, bio: str
) -> None:
    body = _body(_page(lang, after=bio, byline=byline), lang)
    assert not [line for line in body.split("\n\n") if line not in _paragraphs(lang)], body


def test_a_last_paragraph_naming_the_author_with_another_link_stays() -> None:
    last = (
        "<p>Pieter de Vries schreef eerder over de haven. <a href='/dossier/haven/'>Lees het "
        "dossier</a></p>"
    )
    body = _body(_page("nl", after=last, byline="<div>Door Pieter de Vries</div>"), "nl")
    assert "schreef eerder over de haven" in body


# 3. a line of the page's own controls linked into the page, after the text (Le Monde's
# "Réagir Ajouter à vos sélections" in news_pages.lemonde_like): a note linked back stays


@pytest.mark.parametrize(
    ("lang", "after", "control"),
    [
        (
            "nl",
            "<div class='acties'><p><a href='#reacties'>Reageer</a> · Bewaar artikel</p></div>"
            "<p>Met medewerking van Belga.</p>",
            "Reageer",
        ),
        (
            "en",
            "<p><a href='#comments'>Comments</a> <a href='#top'>Back to top</a></p>",
            "Back to top",
        ),
    ],
)
def test_a_line_of_in_page_controls_is_left_out(lang: str, after: str, control: str) -> None:
    body = _body(_page(lang, after=after), lang)
    assert control not in body, body


def test_a_note_linked_back_to_its_call_stays() -> None:
    after = (
        "<div class='notes'><p id='n1'><a href='#r1'>1</a> Chiffres de la ville, mai 2026</p></div>"
    )
    body = _body(_page("fr", after=after), "fr")
    assert "Chiffres de la ville, mai 2026" in body
