"""Site names come off a `<title>`/og:title fallback even when they do not match the host
exactly (issue 13): the name the page itself shows (its home link, its logo's alt, its JSON-LD
publisher), a longer form of og:site_name, a name holding a word of the host; a path title keeps
its leaf."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.models import CONTENT_FIELDS
from scraper.sites import generic_profile

GENERIC = generic_profile()
URL = "https://gazette-nord.example/news/quay-walls/"
EN = "Harbour board votes to rebuild the quay walls"
FR = "Le conseil du port vote la reconstruction des quais"
TEXT_EN = (
    "<p>The harbour board voted on Monday to rebuild the northern quay walls before the storm "
    "season, after a survey found cracks along most of the old stonework.</p>"
)
TEXT_FR = (
    "<p>Le conseil du port a voté lundi la reconstruction des quais nord avant la saison des "
    "tempêtes, après une expertise qui a trouvé des fissures dans la vieille maçonnerie.</p>"
)


def _page(title: str, text: str, *, head: str = "", header: str = "") -> str:
    """A page without `<h1>` nor og:title: the `<title>` is the only headline signal."""
    return (
        f"<html><head><title>{title}</title>{head}</head><body><header>{header}</header>"
        f"<main><div class='story'>{text}</div></main></body></html>"
    )


def _title(html: str, url: str = URL) -> str | None:
    return extract_article(html, url, profile=GENERIC).title


LOGO = "<a href='/'><img src='/logo.svg' alt='Harbour Tribune of the Coast'></a>"
HOME_FR = "<a href='/fr/'>La Tribune des quais</a>"
PUBLISHER = (
    '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "publisher": '
    '{"@type": "Organization", "name": "Harbour Tribune of the Coast"}}</script>'
)


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (_page(f"{EN} | Harbour Tribune of the Coast", TEXT_EN, header=LOGO), EN),
        (_page(f"La Tribune des quais – {FR}", TEXT_FR, header=HOME_FR), FR),
        (_page(f"{EN} – Harbour Tribune of the Coast", TEXT_EN, head=PUBLISHER), EN),
    ],
    ids=["logo-alt-suffix", "home-link-prefix-fr", "jsonld-publisher"],
)
def test_the_name_the_page_shows_comes_off_the_title(html: str, headline: str) -> None:
    """The site's name as its home link or its publisher data give it, whatever the host."""
    assert _title(html, "https://htc-news.example/2024/quay/") == headline


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        (
            _page(
                f"{EN} | Coastal Gazette of the North",
                TEXT_EN,
                head="<meta property='og:site_name' content='Coastal Gazette'>",
            ),
            EN,
        ),
        (_page(f"Gazette du Nord - {FR}", TEXT_FR), FR),
    ],
    ids=["longer-than-og-site-name", "holds-a-host-word"],
)
def test_a_name_that_does_not_match_exactly_comes_off(html: str, headline: str) -> None:
    assert _title(html) == headline


@pytest.mark.parametrize(
    "title",
    [f"Gazette » Harbour » {EN}", f"{EN} › Harbour › Gazette", f"Gazette > Port > {EN}"],
)
def test_a_path_title_keeps_its_leaf(title: str) -> None:
    """ "Site » Section » Headline": the section is no part of the headline."""
    assert _title(_page(title, TEXT_EN)) == EN


def test_a_headline_naming_the_site_keeps_the_name() -> None:
    """Only the piece that is the name goes: "Coastal Gazette wins …" stays whole."""
    headline = "Coastal Gazette wins the regional press award"
    html = _page(
        f"{headline} | Coastal Gazette",
        TEXT_EN,
        head="<meta property='og:site_name' content='Coastal Gazette'>",
    )
    assert _title(html) == headline


def _content(html: str) -> dict[str, Any]:
    record = extract_article(html, "https://htc-news.example/2024/quay/", profile=GENERIC)
    data = record.to_dict()
    return {name: data[name] for name in CONTENT_FIELDS}


@pytest.mark.parametrize("signed", [f"{EN} | Harbour Tribune of the Coast", f"{EN} - Home"])
def test_signing_the_title_with_the_shown_name_leaves_the_record_unchanged(signed: str) -> None:
    """Neutral edit: the same page with its `<title>` signed or not."""
    header = LOGO + "<a href='/'>Home</a>"
    assert _content(_page(signed, TEXT_EN, header=header)) == _content(
        _page(EN, TEXT_EN, header=header)
    )


SLOGAN_BAR = "<div class='topbar'><h1>All the news of the coast, every day</h1></div>"


@pytest.mark.parametrize(
    ("head", "source"),
    [
        (f"<title>{EN} | Gazette</title>", "html"),
        (f"<meta property='og:title' content='{EN}'><title>Gazette</title>", "meta"),
    ],
)
def test_a_slogan_h1_in_the_site_bar_is_not_the_headline(head: str, source: str) -> None:
    """An `<h1>` sharing no container with the text but `<body>`, which the metadata
    contradicts, is the site's slogan: the metadata's headline is the page's."""
    html = (
        f"<html><head>{head}</head><body>{SLOGAN_BAR}<div class='content'>{TEXT_EN}</div>"
        "</body></html>"
    )
    record = extract_article(html, URL, profile=GENERIC)
    assert (record.title, record.sources["title"]) == (EN, source)


@pytest.mark.parametrize(
    "html",
    [
        # no metadata to say otherwise: the only headline there is
        f"<html><head><title>Gazette</title></head><body><div class='top'><h1>{EN}</h1></div>"
        f"<div class='content'>{TEXT_EN}</div></body></html>",
        # the headline beside the text in one container, og:title a social variant
        f"<html><head><meta property='og:title' content='Quay walls: the board says yes'></head>"
        f"<body><div class='story'><div class='story__head'><h1>{EN}</h1></div>"
        f"<div class='story__text'>{TEXT_EN}</div></div></body></html>",
    ],
    ids=["no-metadata", "h1-beside-the-text"],
)
def test_an_article_h1_stays_the_headline(html: str) -> None:
    assert _title(html) == EN
