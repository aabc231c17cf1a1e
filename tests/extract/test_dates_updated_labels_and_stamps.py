"""Two kinds of date misses by structure: an "Updated" label in the element just before its date
in div soup (Wix-like markup: label and date in sibling `<span>`s or `<p>`s, no `<time>`, no meta
date), and a JSON-LD or meta modification stamp that is the publication stamp itself
(DECISIONS: only an "Updated" date shown gives no publication day; the printed day wins over a
UTC stamp one day away)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

_TEXT = "<p class='font_8'><span>{}</span></p>"

# 1. the "Updated" label and its date in two neighbouring elements of div soup

_LABEL_THEN_DATE = {
    # the label in one paragraph, the date in the next
    "nl": (
        "<html lang='nl'><body><div id='SITE_CONTAINER'><div class='comp-1'><h1 class='font_0'>"
        "<span>Nieuwe speeltuin in het park</span></h1></div><div class='comp-2'>"
        "<p class='font_9'><span>Bijgewerkt:</span></p></div><div class='comp-3'>"
        "<p class='font_9'><span>12/05/2026</span></p></div><div class='comp-4'>"
        + _TEXT.format(
            "De nieuwe speeltuin heeft een klimrek, twee schommels en een zandbak voor de "
            "kleinsten, en is elke dag open tot zonsondergang."
        )
        + "</div></div></body></html>",
        "https://www.speeltuin-example.nl/post/nieuwe-speeltuin",
        "2026-05-12",
    ),
    # the label and the date in sibling paragraphs of one block
    "fr": (
        "<html lang='fr'><body><div id='SITE_CONTAINER'><div class='comp-1'><h1 class='font_0'>"
        "<span>Un nouveau jardin partagé</span></h1></div><div class='comp-2'>"
        "<p class='font_9'><span>Mis à jour le</span></p><p class='font_9'><span>12.05.2026"
        "</span></p></div><div class='comp-4'>"
        + _TEXT.format(
            "Le jardin partagé accueille les habitants du quartier chaque samedi matin, avec "
            "des outils prêtés et des graines à semer pour tous."
        )
        + "</div></div></body></html>",
        "https://www.jardin-example.fr/post/nouveau-jardin",
        "2026-05-12",
    ),
    # the label and the date in sibling block `<span>`s
    "en": (
        "<html lang='en'><body><div id='SITE_CONTAINER'><div class='comp-1'><h1 class='font_0'>"
        "<span>A new community garden opens</span></h1></div><div class='comp-2'>"
        "<span style='display:block'>Updated</span><div><span>May 12, 2026</span></div>"
        "</div><div class='comp-4'>"
        + _TEXT.format(
            "The community garden welcomes neighbours every Saturday morning, with tools to "
            "borrow and seeds to sow for everyone who comes along."
        )
        + "</div></div></body></html>",
        "https://www.garden-example.com/post/new-community-garden",
        "2026-05-12",
    ),
}


@pytest.mark.parametrize("lang", sorted(_LABEL_THEN_DATE))
def test_an_updated_label_in_the_element_before_the_date_gives_a_modified_day(lang: str) -> None:
    html, url, modified = _LABEL_THEN_DATE[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == (None, modified)


# 2. a modification stamp that is the publication stamp is no modification

_SAME_STAMP = {
    # JSON-LD: the same UTC instant late in the evening; the page prints the local day
    "fr": (
        "<html lang='fr'><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\","
        '"datePublished":"2026-05-11T22:30:00.000Z","dateModified":"2026-05-11T22:30:00.000Z"}'
        "</script></head><body><div id='SITE_CONTAINER'><h1><span>Un nouveau jardin partagé"
        "</span></h1><p><span>12 mai 2026</span></p>"
        + _TEXT.format(
            "Le jardin partagé accueille les habitants du quartier chaque samedi matin, avec "
            "des outils prêtés et des graines à semer pour tous."
        )
        + "</div></body></html>",
        "https://www.jardin-example.fr/post/nouveau-jardin",
        ("2026-05-12", None),
    ),
    # meta tags: the same instant written with two offsets
    "en": (
        "<html lang='en'><head><meta property='article:published_time' "
        "content='2026-05-12T08:00:00+02:00'><meta property='article:modified_time' "
        "content='2026-05-12T06:00:00Z'></head><body><main><h1>A new community garden opens"
        "</h1><p>The community garden welcomes neighbours every Saturday morning, with tools to "
        "borrow and seeds to sow for everyone who comes along.</p></main></body></html>",
        "https://www.garden-example.com/post/new-community-garden",
        ("2026-05-12", None),
    ),
}


@pytest.mark.parametrize("lang", sorted(_SAME_STAMP))
def test_a_modified_stamp_equal_to_the_published_one_is_no_modification(lang: str) -> None:
    html, url, expected = _SAME_STAMP[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == expected


# 3. a UTC modification stamp one day away from the "Updated" day printed in div soup

_UPDATED_SOUP_STAMP = {
    "nl": (
        "<html lang='nl'><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\","
        '"datePublished":"2026-05-02T09:00:00.000Z","dateModified":"2026-05-11T22:30:00.000Z"}'
        "</script></head><body><div id='SITE_CONTAINER'><h1><span>Nieuwe speeltuin in het park"
        "</span></h1><div><p><span>2 mei 2026</span></p></div><div><p><span>Bijgewerkt:</span>"
        "</p></div><div><p><span>12 mei 2026</span></p></div>"
        + _TEXT.format(
            "De nieuwe speeltuin heeft een klimrek, twee schommels en een zandbak voor de "
            "kleinsten, en is elke dag open tot zonsondergang."
        )
        + "</div></body></html>",
        "https://www.speeltuin-example.nl/post/nieuwe-speeltuin",
        ("2026-05-02", "2026-05-12"),
    ),
    "en": (
        "<html lang='en'><head><meta property='article:published_time' "
        "content='2026-05-02T09:00:00Z'><meta property='article:modified_time' "
        "content='2026-05-12T23:10:00Z'></head><body><main><h1>A new community garden opens"
        "</h1><div><span style='display:block'>Last updated</span><div><span>May 13, 2026"
        "</span></div></div><p>The community garden welcomes neighbours every Saturday morning, "
        "with tools to borrow and seeds to sow for everyone who comes along.</p></main></body>"
        "</html>",
        "https://www.garden-example.com/post/new-community-garden",
        ("2026-05-02", "2026-05-13"),
    ),
}


@pytest.mark.parametrize("lang", sorted(_UPDATED_SOUP_STAMP))
def test_a_utc_modified_stamp_follows_the_updated_day_printed_in_div_soup(lang: str) -> None:
    html, url, expected = _UPDATED_SOUP_STAMP[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == expected
