"""A photo's caption set without a `<figure>` (AMP and classic WordPress pages): a short block
right under a picture on a line of its own (`<img>`, `<amp-img>`, `<p><img></p>`), set apart from
the paragraphs after it by its markup (`<p class="caption">`, `<div class="image-caption">`, a
line in `<small>`), perhaps closing with a credit ("Photo: HomeWise"). Under the headline it is
neither the lead nor the body's first paragraph; the text's first paragraph is the lead. A short
first paragraph written like the ones after it is the text's, not a caption. Shown on an English
article and a sibling French AMP page."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article

EN = [
    "Older houses can absolutely run on a heat pump, but the sizing matters more than the age of "
    "the building, and a survey of the rooms pays for itself many times over.",
    "Radiators are often the limiting factor: a low flow temperature needs bigger emitters, and "
    "a few can be swapped room by room without touching the rest.",
]
FR = [
    "Le port de Port-Vila a rouvert ce lundi après deux semaines de travaux, a annoncé le "
    "ministère des infrastructures dans un communiqué publié dimanche soir.",
    "Les navires de commerce peuvent de nouveau accoster au quai principal, selon les autorités "
    "portuaires de la capitale, qui attendent trois cargos cette semaine.",
]
EN_CAPTION = "An air-source heat pump outside a 1930s semi."
FR_CAPTION = "Le quai principal du port de Port-Vila, lundi matin."


def _en_page(picture: str) -> str:
    text = "".join(f"<p>{t}</p>" for t in EN)
    return (
        "<html lang='en'><head><title>How to choose a heat pump</title></head><body>"
        f"<article><h1>How to choose a heat pump</h1>{picture}{text}</article></body></html>"
    )


def _fr_amp_page(picture: str) -> str:
    text = "".join(f"<p>{t}</p>" for t in FR)
    return (
        "<html amp lang='fr'><head><title>Le port de Port-Vila rouvre</title></head><body>"
        "<main><div class='amp-wp-article'><header><h1 class='amp-wp-title'>Le port de "
        f"Port-Vila rouvre</h1></header><div class='amp-wp-article-content'>{picture}{text}"
        "</div></div></main></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "caption", "text"),
    [
        (
            _en_page(f"<img src='/a.jpg' alt='x'><p class='caption'>{EN_CAPTION}</p>"),
            EN_CAPTION,
            EN,
        ),
        (
            _en_page(
                f"<img src='/a.jpg' alt='x'><p class='caption'>{EN_CAPTION} Photo: HomeWise</p>"
            ),
            EN_CAPTION,
            EN,
        ),
        (
            _en_page(f"<p><img src='/a.jpg'></p><div class='image-caption'>{EN_CAPTION}</div>"),
            EN_CAPTION,
            EN,
        ),
        (
            _fr_amp_page(
                "<amp-img src='/a.jpg' width='800' height='500' layout='responsive'></amp-img>"
                f"<p class='wp-caption-text'>{FR_CAPTION} Crédit photo : Vanuatu Hebdo</p>"
            ),
            FR_CAPTION,
            FR,
        ),
        (
            _fr_amp_page(f"<p><img src='/a.jpg'></p><p><small>{FR_CAPTION}</small></p>"),
            FR_CAPTION,
            FR,
        ),
    ],
)
def test_a_caption_under_a_bare_picture_is_neither_lead_nor_body(
    page: str, caption: str, text: list[str]
) -> None:
    record = extract_article(page, "https://news.example/2026/05/12/story/")
    assert record.lead == text[0], record.lead
    body = record.body or ""
    assert caption not in body and "HomeWise" not in body and "Vanuatu Hebdo" not in body, body
    assert text[1] in body, body


def test_a_short_first_paragraph_like_the_others_is_the_texts() -> None:
    first = "Heat pumps are cheaper to run than most people think."
    page = _en_page(f"<img src='/a.jpg' alt='x'><p>{first}</p>")
    record = extract_article(page, "https://news.example/2026/05/12/story/")
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert first in text, text


def test_a_caption_between_paragraphs_stays_in_the_text() -> None:
    paragraphs = "".join(f"<p>{t}</p>" for t in EN)
    html = (
        "<html lang='en'><head><title>Heat pumps</title></head><body><article><h1>Heat pumps</h1>"
        f"{paragraphs}<img src='/b.jpg'><p class='caption'>{EN_CAPTION}</p>{paragraphs}"
        "</article></body></html>"
    )
    record = extract_article(html, "https://news.example/2026/05/12/story/")
    assert record.lead == EN[0], record.lead
    assert EN_CAPTION in (record.body or ""), record.body  # the picture's place in the text
