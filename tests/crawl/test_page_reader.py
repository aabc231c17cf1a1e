"""`PageReader` parses a page once for extraction and the listing check: its readings are those
of the page's bytes read by `extract_article` and `is_listing_page` separately."""

from __future__ import annotations

import pytest

from schedules.extraction import PageReader, with_profile
from scraper.discover import crawl_profile, is_listing_page, parse_listing
from scraper.extract import extract_article
from scraper.sites import load_profile
from tests.crawl.othersite import SHAPES, OtherSite
from tests.crawl.site import LISTINGS, FixtureSite, Request

BASE = "http://127.0.0.1:8765"


def _pages() -> list[tuple[str, bytes]]:
    site = FixtureSite(30, per_page=12)
    site.base_url = BASE
    paths = [a.path for a in site.articles[:6]] + list(LISTINGS.values())
    return [(BASE + p, site.handle(Request("GET", p, {})).body) for p in paths]


@pytest.mark.parametrize("profile_name", ["base", "hub_brussels"])
def test_one_parse_reads_as_two(profile_name: str) -> None:
    profile = load_profile(profile_name)
    crawl = crawl_profile(profile, start_urls=[f"{BASE}/start/"])
    reader = PageReader(with_profile(extract_article, profile), crawl)
    verdicts = []
    for url, body in _pages():
        reading = reader.read(body, url, "text/html; charset=utf-8")
        expected = extract_article(body, url, encoding="utf-8", profile=profile)
        assert reading.article is not None and reading.article.to_dict() == expected.to_dict()
        listing = not crawl.is_article(url) and is_listing_page(body, url, crawl, expected.body)
        assert reading.listing == listing, url
        verdicts.append(listing)
    assert any(verdicts) and not all(verdicts)  # both kinds of page were read


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_listing_reads_the_same_from_either_tree(shape: str) -> None:
    """The extractor's tree keeps `class` as one string: cards, titles and the next page found
    in it are those found in BeautifulSoup's default tree."""
    from scraper.extract import parse_html

    site = OtherSite(SHAPES[shape], 20)
    url = BASE + site.shape.listing
    html = site.handle(Request("GET", site.shape.listing, {})).body
    crawl = crawl_profile(load_profile("base"), start_urls=[url])
    assert parse_listing(parse_html(html).soup, url, crawl) == parse_listing(html, url, crawl)
