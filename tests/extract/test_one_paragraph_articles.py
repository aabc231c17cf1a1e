"""An article whose text is one paragraph (a short announcement): with no standfirst set apart,
that paragraph is the text, not a lead. The body holds it and the lead is none, so the crawl
archives the article on its first run instead of refusing it as a page with no body. A standfirst
the page sets apart stays the lead; with two paragraphs the first is still the lead."""

from __future__ import annotations

import datetime as dt

import pytest

from schedules.suspect import suspect_reason
from scraper.extract import extract_article
from scraper.models import Article, Capture
from scraper.sites import generic_profile, load_profile

HUB = load_profile("hub_brussels")
GENERIC = generic_profile()

FR_TEXT = (
    "Les entreprises bruxelloises de la construction durable exposeront à Batibouw du 28 février "
    "au 9 mars. hub.brussels y tient un stand collectif où douze PME présentent leurs matériaux "
    "biosourcés, et organise deux rencontres avec des acheteurs flamands et wallons."
)
NL_TEXT = (
    "Acht Brusselse ontwerpstudio's stellen volgende maand hun werk voor op de Dutch Design Week "
    "in Eindhoven. Het gezamenlijke paviljoen wordt ondersteund door het gewest en staat open "
    "voor vakbezoekers en het grote publiek."
)
EN_TEXT = (
    "The city council approved the new cycling plan on Tuesday evening. Forty kilometres of "
    "protected lanes will be built over the next three years, starting with the ring road "
    "and the routes to the main schools."
)

# the hub's article template with the text in one paragraph
HUB_PAGE = (
    "<html lang='fr'><head><meta charset='utf-8'><title>Batibouw</title></head><body>"
    "<article><h1>Bruxelles à Batibouw</h1><p>{text}</p></article></body></html>"
)
# a sibling template: no article element, a header with the date, the text in a content box
NL_PAGE = (
    "<html lang='nl'><head><meta charset='utf-8'><title>Design Week</title>{meta}</head><body>"
    "<div class='wrapper'><header class='page-head'><h1>Brussel op de Dutch Design Week</h1>"
    "<span class='date'>12 oktober 2026</span></header>"
    "<div class='content'><p>{text}</p></div></div></body></html>"
)
EN_PAGE = (
    "<html lang='en'><body><main><h2 class='headline'>Council backs the cycling plan</h2>"
    "<div class='story'><p>{text}</p></div></main></body></html>"
)


def _capture(url: str) -> Capture:
    return Capture(url=url, status=200, body=b"", fetched_at=dt.datetime.now(dt.UTC))


@pytest.mark.parametrize(
    ("html", "url", "text"),
    [
        (HUB_PAGE.format(text=FR_TEXT), "https://hub.brussels/fr/news/batibouw/", FR_TEXT),
        (
            NL_PAGE.format(text=NL_TEXT, meta=""),
            "https://hub.brussels/nl/news/design-week/",
            NL_TEXT,
        ),
        # the meta description repeating the paragraph changes nothing: it is still the text
        (
            NL_PAGE.format(text=NL_TEXT, meta=f"<meta name='description' content='{NL_TEXT}'>"),
            "https://hub.brussels/nl/news/design-week/",
            NL_TEXT,
        ),
        (EN_PAGE.format(text=EN_TEXT), "https://paper.example/news/cycling-plan/", EN_TEXT),
    ],
)
def test_a_one_paragraph_text_is_the_body_and_is_archived(html: str, url: str, text: str) -> None:
    profile = HUB if "hub.brussels" in url else GENERIC
    record = extract_article(html, url, profile=profile)
    assert record.body == text
    assert record.lead is None
    assert "no body found" not in record.warnings
    # the crawl's suspect-200 rule takes it on the first run
    assert suspect_reason(record, _capture(url), None) is None


def test_two_paragraphs_keep_the_first_as_the_lead() -> None:
    second = "Les exposants peuvent encore s'inscrire jusqu'au 15 janvier auprès de hub.brussels."
    html = HUB_PAGE.format(text=FR_TEXT + "</p><p>" + second)
    record = extract_article(html, "https://hub.brussels/fr/news/batibouw/", profile=HUB)
    assert record.lead == FR_TEXT
    assert record.body == second


@pytest.mark.parametrize(
    ("html", "url", "standfirst", "text"),
    [
        (
            "<html lang='fr'><body><article><h1>Bruxelles à Batibouw</h1>"
            "<p class='chapo'>Douze PME bruxelloises présentent leurs matériaux biosourcés au "
            f"salon de la construction.</p><div class='field-body'><p>{FR_TEXT}</p></div>"
            "</article></body></html>",
            "https://hub.brussels/fr/news/batibouw/",
            "Douze PME bruxelloises présentent leurs matériaux biosourcés au salon de la "
            "construction.",
            FR_TEXT,
        ),
        (
            "<html lang='en'><body><main><h1>Council backs the cycling plan</h1>"
            "<div class='standfirst'><p>Forty kilometres of protected lanes in three years.</p>"
            f"</div><div class='story'><p>{EN_TEXT}</p></div></main></body></html>",
            "https://paper.example/news/cycling-plan/",
            "Forty kilometres of protected lanes in three years.",
            EN_TEXT,
        ),
    ],
)
def test_a_standfirst_set_apart_stays_the_lead_before_a_one_paragraph_text(
    html: str, url: str, standfirst: str, text: str
) -> None:
    profile = HUB if "hub.brussels" in url else GENERIC
    record = extract_article(html, url, profile=profile)
    assert (record.lead, record.body) == (standfirst, text)


def test_an_empty_body_is_still_suspect() -> None:
    record = Article(url="https://hub.brussels/fr/news/x/", title="Titre")
    assert suspect_reason(record, _capture(record.url), None) == "the page has no body text"
