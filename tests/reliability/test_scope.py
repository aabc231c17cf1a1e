"""No request leaves the allowed hosts, and unsafe XML or compressed bodies are refused.

A "foreign" server on 127.0.0.2 is linked from everywhere the crawler looks (listing cards,
rel=next, article links, robots.txt Sitemap lines, sitemap and sitemap-index entries, feed items,
the WordPress API, a redirect, an external XML entity): its own request log must stay empty.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import pytest
from crawl.site import FixtureSite, Request, Response
from faults.crawling import RETRY, TIMEOUTS, options
from faults.expect import archive_state, problems
from faults.server import Fault, FaultPlan, FaultServer

from schedules.job import run_crawl
from scraper.errors import FeedError, PermanentFetchError
from scraper.fetch import FetchConfig, Fetcher
from scraper.sitemaps import parse_sitemap
from scraper.urls import allowed_hosts_of
from tests import edits

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>"""


def _external_entity(foreign: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{foreign}/xxe">]>'
        f'<rss version="2.0"><channel><item><link>&x;</link></item></channel></rss>'
    ).encode()


def hostile(site: FixtureSite, foreign: str):  # type: ignore[no-untyped-def]
    """`site.handle`, with links to `foreign` slipped into every source of URLs."""

    def handle(request: Request) -> Response:
        response = site.handle(request)
        route, body = request.route, response.body
        if route == "/robots.txt":
            body += f"\nSitemap: {foreign}/sitemap.xml\n".encode()
        elif route == "/sitemap.xml":
            body = edits.replace(
                body,
                b"</sitemapindex>",
                f"<sitemap><loc>{foreign}/sitemap-x.xml</loc></sitemap></sitemapindex>".encode(),
            )
        elif route == "/sitemap-fr.xml":
            body = edits.replace(
                body,
                b"</urlset>",
                f"<url><loc>{foreign}/fr/news/from-sitemap/</loc></url></urlset>".encode(),
            )
        elif route == "/sitemap-nl.xml":
            body = BILLION_LAUGHS
        elif route == "/feed/" and response.status == 200:
            body = edits.replace(
                body,
                b"</channel>",
                f"<item><link>{foreign}/en/news/from-feed/</link></item></channel>".encode(),
            )
        elif route == "/wp-json/wp/v2/posts" and response.status == 200:
            body = edits.replace(
                body,
                b"[",
                f'[{{"id": 999, "link": "{foreign}/fr/news/from-api/", '
                f'"modified_gmt": "2030-01-01T00:00:00"}}, '.encode(),
                1,
            )
            body = body.replace(b", ]", b"]")
        elif b"</body>" in body:
            body = edits.replace(
                body,
                b"<body>",
                (
                    f'<body><link rel="next" href="{foreign}/en/news/page/2/">'
                    f'<div class="cards"><article class="card"><a href="{foreign}/fr/news/from-card/">'
                    f'<h3 class="card-title">Foreign</h3></a></article></div>'
                    f'<a href="{foreign}/nl/nieuws/from-link/">link</a>'
                ).encode(),
                1,
            )
        return Response(response.status, body, response.headers)

    return handle


@pytest.fixture
def foreign() -> Iterator[FaultServer]:
    site = FixtureSite(3)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120), host="127.0.0.2") as server:
        site.base_url = server.base_url
        yield server


@pytest.mark.parametrize("wp_json", [True, False], ids=["wp-json", "sitemaps-and-feeds"])
def test_no_request_leaves_the_allowed_hosts(
    foreign: FaultServer, sqlite_url: str, wp_json: bool
) -> None:
    site = FixtureSite(9, per_page=4, wp_json=wp_json)
    site.redirect(site.articles[4].path, f"{foreign.base_url}/fr/news/redirected/")
    handler = hostile(site, foreign.base_url)

    def with_xxe(request: Request) -> Response:
        if request.route == "/feed/" and not wp_json:  # its only item is an external entity
            return Response(
                200, _external_entity(foreign.base_url), {"Content-Type": "application/rss+xml"}
            )
        return handler(request)

    with FaultServer(with_xxe, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        report = run_crawl(options(sqlite_url, server.base_url, full=True))
    assert foreign.log == [], [s.path for s in foreign.log]
    assert report.exit_code == 1 and report.counts.failed >= 1, report.summary()  # the redirect
    state = archive_state(sqlite_url, site)
    assert all(url.startswith(server.base_url) for url in state)
    moved = f"{server.base_url}{site.articles[4].path}"
    assert problems(site, state) == [f"{moved} is missing from the archive"], (
        "every article is archived but the one redirected off-site"
    )
    if not wp_json:
        assert any("refused unsafe XML" in w for w in report.warnings), report.warnings


def test_billion_laughs_sitemap_is_refused() -> None:
    with pytest.raises(FeedError, match="unsafe XML"):
        parse_sitemap(BILLION_LAUGHS, "http://127.0.0.1/sitemap.xml")


def test_gzip_bomb_is_refused_with_bounded_memory() -> None:
    site = FixtureSite(3)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        path = site.articles[0].path
        server.force(path, Fault.GZIP_BOMB)
        local = allowed_hosts_of([server.base_url])
        config = FetchConfig(
            allowed_hosts=local, private_hosts=local, timeouts=TIMEOUTS, retry=RETRY, delay=0
        )
        with Fetcher(config) as fetcher:
            fetcher.robots_for(server.base_url + "/")
            tracemalloc.start()
            try:
                with pytest.raises(PermanentFetchError, match="limit"):
                    fetcher.fetch(server.base_url + path)
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            assert fetcher.stats.requests == 2, "refused at once, not retried"
            assert fetcher.fetch(server.base_url + path).status == 200, "the next request is fine"
    bomb = next(s for s in server.log if s.fault is Fault.GZIP_BOMB)
    print(f"\n[gzip bomb] 200 MiB of zeros gzipped; fetcher peak {peak / 2**20:.0f} MiB")
    assert bomb.headers["Content-Encoding"] == "gzip"
    assert peak < 3 * config.max_bytes, "the body was not inflated past the limit"
