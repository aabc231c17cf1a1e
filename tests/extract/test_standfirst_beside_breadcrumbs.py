"""A breadcrumb trail beside the headline (its first crumb linking home) leaves the article's
header the article's: the standfirst under the headline is the lead, not lost, and the text's
first paragraph stays in the body. A header holding the site's logo link is still the site's bar."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

GERMAN = """<html lang="de"><head><title>Stadtrat beschließt Radwegenetz</title></head><body>
<article><header>{crumbs}<h1>Stadtrat beschließt Radwegenetz</h1>
<p class="teaser">Nach monatelanger Debatte hat der Stadtrat das neue Radwegenetz beschlossen: Bis
2028 entstehen 14 Kilometer neue Wege.</p></header>
<div class="article-body"><p>Mit 27 zu 12 Stimmen stimmte der Rat am Dienstagabend für das
Konzept, das die Verwaltung seit dem Frühjahr ausgearbeitet hatte.</p>
<p>Besonders umstritten war die Führung der Route durch die Altstadt, wo Anwohner und Händler um
ihre Parkplätze fürchten.</p></div></article></body></html>"""
GERMAN_CRUMBS = (
    '<ol class="breadcrumb"><li><a href="/">Startseite</a></li>'
    '<li><a href="/lokales/">Lokales</a></li></ol>'
)

# another template: no <article>, an English page whose <header> holds a bare <nav> trail
ENGLISH = """<html lang="en"><head><title>Harbour ferry returns after a two-year pause</title>
</head><body><div class="page"><header>{crumbs}
<h1>Harbour ferry returns after a two-year pause</h1>
<p>The cross-harbour ferry sails again from Monday, with a new electric boat and a timetable that
runs every twenty minutes at peak hours.</p></header>
<div class="story-text"><p>The first crossing leaves the north quay at seven in the morning, and
the council expects about nine hundred passengers on an ordinary weekday.</p>
<p>Fares stay at the old price for the first month, after which a single ticket will cost two
pounds and a monthly pass forty, the operator said.</p></div></div></body></html>"""
ENGLISH_CRUMBS = '<nav><a href="/">Home</a> › <a href="/news/">News</a></nav>'

CASES = [
    pytest.param(
        GERMAN, GERMAN_CRUMBS, "Nach monatelanger Debatte", "Mit 27 zu 12", id="de-article"
    ),
    pytest.param(
        ENGLISH, ENGLISH_CRUMBS, "The cross-harbour ferry", "The first crossing", id="en-div"
    ),
]


def _read(template: str, crumbs: str) -> dict[str, object]:
    html = template.format(crumbs=crumbs)
    return extract_article(
        html, "https://example.org/2024/story/", profile=generic_profile()
    ).to_dict()


@pytest.mark.parametrize(("template", "crumbs", "lead", "first"), CASES)
def test_standfirst_beside_a_breadcrumb_is_the_lead(
    template: str, crumbs: str, lead: str, first: str
) -> None:
    record = _read(template, crumbs)
    assert str(record["lead"]).startswith(lead)
    body = str(record["body"])
    assert body.startswith(first)  # the text's first paragraph stays the body's
    assert lead not in body


@pytest.mark.parametrize(("template", "crumbs", "lead", "first"), CASES)
def test_the_breadcrumb_changes_nothing(template: str, crumbs: str, lead: str, first: str) -> None:
    with_trail, without = _read(template, crumbs), _read(template, "")
    for field in ("title", "lead", "body"):
        assert with_trail[field] == without[field]


def test_a_logo_link_beside_a_heading_still_makes_a_site_bar() -> None:
    """The site's bar (its logo linking home, its slogan in an `<h1>`) is no article header: its
    slogan is not the headline and the line under it no standfirst."""
    html = """<html lang="en"><head><title>Harbour ferry returns after a two-year pause</title>
    </head><body><div class="bar"><a href="/"><img src="/logo.png" alt="Gazette"></a>
    <h1>News from the harbour town</h1></div>
    <div class="main"><h2>Harbour ferry returns after a two-year pause</h2>
    <div class="story-text"><p>The first crossing leaves the north quay at seven in the morning,
    and the council expects about nine hundred passengers on an ordinary weekday.</p>
    <p>Fares stay at the old price for the first month, after which a single ticket will cost two
    pounds and a monthly pass forty, the operator said.</p></div></div></body></html>"""
    record = extract_article(html, "https://example.org/news/ferry/", profile=generic_profile())
    assert record.title == "Harbour ferry returns after a two-year pause"
    assert "News from the harbour town" not in str(record.lead)
