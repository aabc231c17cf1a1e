"""`hubarchive crawl --start-url` on sites whose URL shapes the profile does not know: the generic rule."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from schedules.cli import main
from scraper.discover import CrawlProfile, crawl_profile, parse_listing
from scraper.sites import load_profile

from .conftest import archived
from .othersite import SHAPES, OtherSite
from .site import SiteServer


@pytest.fixture(params=sorted(SHAPES))
def other(request: pytest.FixtureRequest) -> Iterator[tuple[OtherSite, SiteServer]]:
    site = OtherSite(SHAPES[request.param])
    with SiteServer(site.handle) as server:
        yield site, server


def crawl(db_url: str, start_url: str, *extra: str) -> tuple[int, dict[str, Any]]:
    """Run `hubarchive crawl --json`; the report gets the log lines as `stderr`."""
    args = ["crawl", "--db", db_url, "--start-url", start_url, "--delay", "0", "--json", *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, {**json.loads(result.stdout), "stderr": result.stderr}


def test_every_article_is_archived_once_with_title_and_date_and_a_warning(
    sqlite_url: str, other: tuple[OtherSite, SiteServer]
) -> None:
    """A profile whose article_patterns match nothing there: the generic rule, said loudly."""
    site, server = other
    listing = f"{server.base_url}{site.shape.listing}"
    code, report = crawl(sqlite_url, listing, "--profile", "hub_brussels")
    assert code == 0, report
    expected = {
        f"{server.base_url}{site.shape.article_path(a)}": (a.title, a.published)
        for a in site.articles
    }
    got = {url: (k.title, k.published) for url, k in archived(sqlite_url).items()}
    assert got == expected
    assert report["counts"]["new"] == len(site.articles)
    warnings = report["warnings"]
    assert any("generic rule" in w and listing in w for w in warnings), warnings
    assert "generic rule" in report["stderr"] and listing in report["stderr"]
    # pages of the listing: each fetched once, the loop back to page 1 (if any) not followed
    pages = [site.shape.page_url(n) for n in range(1, site.pages + 1)]
    assert sorted(site.listing_hits) == sorted(pages)


def test_a_second_run_archives_nothing_new(
    sqlite_url: str, other: tuple[OtherSite, SiteServer]
) -> None:
    site, server = other
    listing = f"{server.base_url}{site.shape.listing}"
    code, report = crawl(sqlite_url, listing)
    assert code == 0, report
    # no profile knows the host: the generic base reads it by the generic rule, by design
    assert not any("generic rule" in w for w in report["warnings"]), report["warnings"]
    assert len(archived(sqlite_url)) == len(site.articles)
    code, report = crawl(sqlite_url, listing)
    assert code == 0, report
    assert report["counts"]["new"] == 0 and report["counts"]["changed"] == 0
    assert len(archived(sqlite_url)) == len(site.articles)


def test_a_listing_without_article_like_links_exits_3(sqlite_url: str) -> None:
    site = OtherSite(SHAPES["blog"])
    site.empty = True
    with SiteServer(site.handle) as server:
        listing = f"{server.base_url}{site.shape.listing}"
        code, report = crawl(sqlite_url, listing)
    assert code == 3, report
    assert any("nor the generic rule" in w for w in report["warnings"]), report
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


BLOG = "http://127.0.0.1:8000/blog/"


def user_site() -> CrawlProfile:
    return crawl_profile(load_profile("hub_brussels"), start_urls=[BLOG])


@pytest.mark.parametrize(
    ("pager", "expected"),
    [
        ('<a href="/blog/?p=2">2</a>', "/blog/?p=2"),
        ('<a href="/blog/?page=2">2</a>', "/blog/?page=2"),
        ('<a href="/blog/page/2/">2</a>', "/blog/page/2/"),
        ('<link rel="next" href="/blog/older">', "/blog/older"),
        ('<a href="/blog/older">Next page</a>', "/blog/older"),
        ('<a href="/blog/older">Suivant ›</a>', "/blog/older"),
        ('<a href="/blog/older">Volgende</a>', "/blog/older"),
        ('<a href="/blog/older">»</a>', "/blog/older"),
        ('<a href="/blog/older" aria-label="Next">›</a>', "/blog/older"),
        ('<li class="pager-next"><a href="/blog/older">Later</a></li>', "/blog/older"),
        ('<a href="/blog/older">« Previous</a>', None),
        ('<a href="/blog/older-story">More</a>', None),
    ],
)
def test_pagination_links_are_followed(pager: str, expected: str | None) -> None:
    page = parse_listing(f"<head></head><body>{pager}</body>", BLOG, user_site())
    assert page.next_url == (f"http://127.0.0.1:8000{expected}" if expected else None)


@pytest.mark.parametrize(
    ("listing", "articles"),
    [
        # a link wrapping the whole card
        (
            '<a class="card" href="/blog/one"><h2>One story</h2></a>'
            '<a class="card" href="/blog/two"><h2>Two stories</h2></a>',
            ["/blog/one", "/blog/two"],
        ),
        # WordPress cards: the title in the card's own <header>, tags in its <footer>
        (
            '<article class="post"><header class="entry-header"><h2><a href="/blog/a1/">A one</a>'
            '</h2></header><footer class="entry-footer"><a href="/tag/x/">x</a></footer></article>'
            '<article class="post"><header class="entry-header"><h2><a href="/blog/a2/">A two</a>'
            '</h2></header><footer class="entry-footer"><a href="/category/y/">y</a></footer>'
            "</article>",
            ["/blog/a1/", "/blog/a2/"],
        ),
        # no repeated card: only article-like URLs below the listing count
        (
            '<p><a href="/blog/2025/10/27/moved">x</a> <a href="/blog/a-long-slug/">y</a> '
            '<a href="/article.php?id=4">z</a> <a href="/blog/page.html">w</a> '
            '<a href="/elsewhere-slug/">v</a> <a href="/blog/about">u</a></p>',
            ["/blog/2025/10/27/moved", "/blog/a-long-slug/", "/blog/page.html"],
        ),
        # menus, breadcrumbs, the page header and footer, pagination and taxonomy are no articles
        (
            '<div class="site-header"><a href="/blog/the-team-page/">Our team</a></div>'
            '<ul class="menu"><li><a href="/en/news/menu-entry/">Menu entry</a></li>'
            '<li><a href="/en/news/other-entry/">Other entry</a></li></ul>'
            '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/blog/">Blog</a></li></ol>'
            '<ul><li><a href="/tag/brussels-news/">Brussels news</a></li>'
            '<li><a href="/author/anne-x/">Anne X</a></li><li><a href="/blog/?p=2">Page two</a></li>'
            '<li><a href="/feed/">RSS feed</a></li><li><a href="/blog/">The blog</a></li>'
            '<li><a href="/blog/?cat=3">Health care</a></li>'
            '<li><a href="/blog/2025/10/">October 2025</a></li></ul>'
            '<footer><a href="/blog/legal-notice/">Legal notice</a></footer>',
            [],
        ),
    ],
)
def test_the_generic_rule(listing: str, articles: list[str]) -> None:
    page = parse_listing(f"<body><main>{listing}</main></body>", BLOG, user_site())
    assert [s.url for s in page.sightings] == [f"http://127.0.0.1:8000{a}" for a in articles]
    assert page.generic == bool(articles)


def test_sitemap_and_feed_entries_on_a_start_host_are_articles_unless_excluded() -> None:
    crawl = user_site()
    base = "http://127.0.0.1:8000"
    for path in ("/stories/any-shape", "/article.php?id=3", "/nl/nieuws/2025/slug/"):
        assert crawl.may_be_article(base + path), path
    for path in ("/", "/blog/", "/blog/page/2/", "/blog/?p=3", "/tag/x/", "/feed/", "/contact/"):
        assert not crawl.may_be_article(base + path), path
    assert not crawl.may_be_article("http://elsewhere.example/stories/x")
    hub = crawl_profile(load_profile("hub_brussels"))
    assert not hub.may_be_article("https://hub.brussels/stories/any-shape")


def test_pattern_matches_that_are_date_archives_do_not_hide_the_articles() -> None:
    """/nl/nieuws/2025/ matches the profile's article pattern, but it is a year archive."""
    base = "http://127.0.0.1:8000"
    crawl = crawl_profile(load_profile("hub_brussels"), start_urls=[f"{base}/nl/nieuws/"])
    html = (
        '<main><p><a href="/nl/nieuws/2025/">Archief 2025</a></p><ul>'
        '<li><a href="/nl/nieuws/2025/10/27/brussels-start-up/">Een Brusselse start-up</a></li>'
        '<li><a href="/nl/nieuws/2025/10/20/brussels-scale-up/">Een Brusselse scale-up</a></li>'
        "</ul></main>"
    )
    page = parse_listing(html, f"{base}/nl/nieuws/", crawl)
    assert page.generic
    assert [(s.url, s.title) for s in page.sightings] == [
        (f"{base}/nl/nieuws/2025/10/27/brussels-start-up/", "Een Brusselse start-up"),
        (f"{base}/nl/nieuws/2025/10/20/brussels-scale-up/", "Een Brusselse scale-up"),
    ]
