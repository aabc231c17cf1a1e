"""`hubarchive crawl --start-url` on sites whose URL shapes the profile does not know: the generic rule."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from schedules.cli import main
from scraper.discover import crawl_profile, parse_listing
from scraper.sites import load_profile

from .conftest import archived
from .othersite import SHAPES, OtherSite
from .site import SiteServer


@pytest.fixture(params=sorted(SHAPES))
def other(request: pytest.FixtureRequest) -> Iterator[tuple[OtherSite, SiteServer]]:
    site = OtherSite(SHAPES[request.param])
    with SiteServer(site.handle) as server:
        yield site, server


def crawl(db_url: str, start_url: str) -> tuple[int, dict[str, object]]:
    args = ["crawl", "--db", db_url, "--start-url", start_url, "--delay", "0", "--json"]
    result = CliRunner().invoke(main, args)
    return result.exit_code, json.loads(result.stdout)


def test_every_article_is_archived_once_with_title_and_date_and_a_warning(
    sqlite_url: str, other: tuple[OtherSite, SiteServer]
) -> None:
    site, server = other
    listing = f"{server.base_url}{site.shape.listing}"
    code, report = crawl(sqlite_url, listing)
    assert code == 0, report
    expected = {
        f"{server.base_url}{site.shape.article_path(a)}": (a.title, a.published)
        for a in site.articles
    }
    got = {url: (k.title, k.published) for url, k in archived(sqlite_url).items()}
    assert got == expected
    assert report["counts"]["new"] == len(site.articles)  # type: ignore[index]
    warnings = report["warnings"]
    assert any("generic rule" in w and listing in w for w in warnings), warnings  # type: ignore[attr-defined]
    # pages of the listing: each fetched once, the loop back to page 1 (if any) not followed
    pages = [site.shape.page_url(n) for n in range(1, site.pages + 1)]
    assert sorted(p for p in site.requests if p in pages) == sorted(pages)


def test_a_second_run_archives_nothing_new(
    sqlite_url: str, other: tuple[OtherSite, SiteServer]
) -> None:
    site, server = other
    listing = f"{server.base_url}{site.shape.listing}"
    assert crawl(sqlite_url, listing)[0] == 0
    code, report = crawl(sqlite_url, listing)
    assert code == 0, report
    assert report["counts"]["new"] == 0 and report["counts"]["changed"] == 0  # type: ignore[index]
    assert len(archived(sqlite_url)) == len(site.articles)


def test_a_listing_without_article_like_links_exits_3(sqlite_url: str) -> None:
    site = OtherSite(SHAPES["blog"])
    site.empty = True
    with SiteServer(site.handle) as server:
        listing = f"{server.base_url}{site.shape.listing}"
        code, report = crawl(sqlite_url, listing)
    assert code == 3, report
    assert any("nor the generic rule" in w for w in report["warnings"]), report  # type: ignore[attr-defined]
    assert archived(sqlite_url) == {}


def test_the_profile_own_listings_stay_strict() -> None:
    """Without --start-url a listing the patterns miss finds nothing: the site changed, say so."""
    site = OtherSite(SHAPES["blog"])
    site.articles = site.articles[:2]
    html = site._listing(1)
    profile = load_profile("hub_brussels")
    strict = parse_listing(html, "https://hub.brussels/fr/news/", crawl_profile(profile))
    assert strict.sightings == []
    loose = parse_listing(
        html,
        "https://hub.brussels/blog/",
        crawl_profile(profile, start_urls=["https://hub.brussels/blog/"]),
    )
    assert loose.generic
    assert [s.url for s in loose.sightings] == [
        f"https://hub.brussels{site.shape.article_path(a)}" for a in site.articles
    ]
