"""No request leaves the allowed origins, and unsafe XML or compressed bodies are refused.

A "foreign" server on 127.0.0.2 is linked from everywhere the crawler looks (listing cards,
rel=next, article links, robots.txt Sitemap lines, sitemap and sitemap-index entries, feed items,
the WordPress API, a redirect, an external XML entity): its own request log must stay empty.
"""

from __future__ import annotations

import html
import json
import socket
import socketserver
import threading
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from crawl.site import FixtureSite, Request, Response
from faults.crawling import RETRY, TIMEOUTS, options
from faults.expect import archive_state, problems
from faults.server import Fault, FaultPlan, FaultServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from schedules.job import run_crawl
from scraper.errors import DisallowedError, FeedError, FetchError, PermanentFetchError
from scraper.fetch import FetchConfig, Fetcher, RetryPolicy, Timeouts
from scraper.sitemaps import parse_sitemap
from scraper.urls import allowed_hosts_of, is_allowed_host
from storage.db import open_engine, transaction
from storage.schema import FetchRow
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


# -- finding 1 and 2 of issue 12: URL forms that fool one parser and not another, and URLs that
#    no parser accepts, in every discovery source and in redirects


def evil_forms(base: str, foreign: str, other_port: str) -> list[str]:
    """URLs that must never reach anything but `base`'s origin, and must not stop a crawl.

    `base` is the site (http://127.0.0.1:P), `foreign` a server on 127.0.0.2, `other_port` a
    server on the site's host but another port.
    """
    host_port = base.split("://", 1)[1]
    foreign_host_port = foreign.split("://", 1)[1]
    return [
        # urllib.parse reads the host after '@', a WHATWG parser (and urllib3) ends it at '\'
        f"{foreign}\\@{host_port}/../fr/news/evil-backslash/",
        # userinfo: the host is the foreign one
        f"http://{host_port}@{foreign_host_port}/fr/news/evil-at/",
        # the allowed host on another port is another origin
        f"{other_port}/fr/news/evil-other-port/",
        # malformed ports (urllib3 used to make them port 80)
        "http://127.0.0.1:99999/fr/news/evil-big-port/",
        "http://127.0.0.1:abc/fr/news/evil-abc-port/",
        f"http://{host_port}.{foreign_host_port}/fr/news/evil-dotted-port/",
        # IPv6 literals, one well-formed on a host nobody allowed, one broken
        f"http://[::1]:{host_port.rsplit(':', 1)[1]}/fr/news/evil-ipv6/",
        "http://[::1/fr/news/evil-ipv6-broken/",
        # a www. variant of an allowed IP host is not listed: not allowed, not even resolved
        f"http://www.{host_port}/fr/news/evil-www/",
    ]


def inject_everywhere(site: FixtureSite, forms: list[str]):  # type: ignore[no-untyped-def]
    """`site.handle` with every form slipped into robots.txt, the sitemap index, each urlset,
    the feed, the WordPress API and every HTML page (cards, plain links, rel=next)."""
    xml_locs = "".join(f"<url><loc>{html.escape(f)}</loc></url>" for f in forms)
    index_locs = "".join(f"<sitemap><loc>{html.escape(f)}</loc></sitemap>" for f in forms)
    feed_items = "".join(f"<item><link>{html.escape(f)}</link></item>" for f in forms)
    cards = "".join(
        f'<article class="card"><a href="{html.escape(f)}"><h3>Evil {i}</h3></a></article>'
        f'<a href="{html.escape(f)}">evil link {i}</a>'
        for i, f in enumerate(forms)
    )
    nexts = "".join(f'<link rel="next" href="{html.escape(f)}">' for f in forms)

    def handle(request: Request) -> Response:
        response = site.handle(request)
        route, body = request.route, response.body
        if route == "/robots.txt":
            body += "".join(f"\nSitemap: {f}" for f in forms).encode() + b"\n"
        elif route == "/sitemap.xml":
            body = body.replace(b"</sitemapindex>", index_locs.encode() + b"</sitemapindex>")
        elif route.startswith("/sitemap-"):
            body = body.replace(b"</urlset>", xml_locs.encode() + b"</urlset>")
        elif route == "/feed/" and response.status == 200:
            body = body.replace(b"</channel>", feed_items.encode() + b"</channel>")
        elif route == "/wp-json/wp/v2/posts" and response.status == 200:
            posts = json.loads(body)
            posts += [{"id": 900 + i, "link": f, "modified_gmt": "2030-01-01T00:00:00"}
                      for i, f in enumerate(forms)]  # fmt: skip
            body = json.dumps(posts).encode()
        elif b"<body>" in body:
            body = body.replace(b"<head>", b"<head>" + nexts.encode(), 1)
            body = body.replace(b"<body>", b"<body>" + cards.encode(), 1)
        return Response(response.status, body, response.headers)

    return handle


@pytest.fixture
def other_port() -> Iterator[FaultServer]:
    """A server on the crawled host (127.0.0.1) but another port: another origin."""
    site = FixtureSite(3)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        yield server


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every host name the process resolves from now on."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def recording(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", recording)
    return asked


@pytest.mark.parametrize("wp_json", [True, False], ids=["wp-json", "sitemaps-and-feeds"])
def test_evil_url_forms_in_every_source_and_redirect_reach_no_other_origin(
    foreign: FaultServer,
    other_port: FaultServer,
    resolved: list[str],
    sqlite_url: str,
    wp_json: bool,
) -> None:
    site = FixtureSite(15, per_page=4, wp_json=wp_json)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        forms = evil_forms(server.base_url, foreign.base_url, other_port.base_url)
        redirected = site.articles[3 : 3 + len(forms)]
        for article, form in zip(redirected, forms, strict=True):
            site.redirect(article.path, form)
        server.handler = inject_everywhere(site, forms)
        report = run_crawl(options(sqlite_url, server.base_url, full=True))
    assert foreign.log == [], [s.path for s in foreign.log]
    assert other_port.log == [], [s.path for s in other_port.log]
    assert set(resolved) <= {"127.0.0.1"}, f"DNS lookups of hosts never allowed: {resolved}"
    assert report.exit_code == 1, report.summary()
    assert report.counts.failed == len(forms), "each off-origin redirect is one failed page"
    state = archive_state(sqlite_url, site)
    assert all(url.startswith(server.base_url + "/") for url in state), sorted(state)
    missing = {f"{server.base_url}{a.path} is missing from the archive" for a in redirected}
    assert set(problems(site, state)) == missing, "every other article archived, once"
    with transaction(open_engine(sqlite_url, migrate=False)) as session:
        fetched = set(session.scalars(select(FetchRow.url)))
    assert all(url.startswith(server.base_url + "/") for url in fetched), sorted(fetched)


@pytest.mark.parametrize(
    "unparsable", ["http://[::1/fr/news/broken/", "http://127.0.0.1:99999/fr/news/port/"]
)
def test_one_unparsable_url_in_every_source_does_not_stop_the_crawl(
    sqlite_url: str, unparsable: str
) -> None:
    site = FixtureSite(8, per_page=4)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        server.handler = inject_everywhere(site, [unparsable])
        report = run_crawl(options(sqlite_url, server.base_url, full=True))
    assert report.exit_code == 0, (report.summary(), report.warnings)
    assert problems(site, archive_state(sqlite_url, site)) == []


def test_a_redirect_location_in_raw_utf8_is_read_as_browsers_do(sqlite_url: str) -> None:
    site = FixtureSite(3)
    with FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=120)) as server:
        site.base_url = server.base_url
        article = site.articles[0]
        # the server writes the header's bytes as they are: UTF-8, not latin-1
        raw = f"{server.base_url}/fr/news/caf\u00e9/".encode().decode("latin-1")
        site.redirect(article.path, raw)
        moved = "/fr/news/caf%C3%A9/"
        config = FetchConfig(
            allowed_hosts=allowed_hosts_of([server.base_url]),
            private_hosts=allowed_hosts_of([server.base_url]),
            timeouts=TIMEOUTS,
            retry=RETRY,
            delay=0,
        )
        with Fetcher(config) as fetcher, pytest.raises(PermanentFetchError, match="404"):
            fetcher.fetch(server.base_url + article.path)
    assert [s.path for s in server.log][-1] == moved, [s.path for s in server.log]


def test_a_private_address_is_refused_unless_it_is_the_start_urls_own(
    foreign: FaultServer,
) -> None:
    """The guard at the socket: an allowed name that resolves to a private address (DNS
    rebinding, an internal host) is refused before any byte is sent."""
    config = FetchConfig(
        allowed_hosts=frozenset({"localhost:" + foreign.base_url.rsplit(":", 1)[1]}),
        timeouts=TIMEOUTS,
        retry=RETRY,
        delay=0,
        respect_robots=False,
    )
    url = f"http://localhost:{foreign.base_url.rsplit(':', 1)[1]}/fr/news/"
    with Fetcher(config) as fetcher, pytest.raises(DisallowedError, match="private"):
        fetcher.fetch(url)
    assert foreign.log == []


# -- property: a URL accepted as in scope is never connected to another origin


class PeerServer:
    """A TCP server on `host` that answers 404 to anything and records, per connection, the
    address the client connected to (its own socket name)."""

    def __init__(self, host: str) -> None:
        self.peers: list[tuple[str, int]] = []
        outer = self

        class _Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                outer.peers.append(self.request.getsockname()[:2])
                self.request.settimeout(5)
                try:
                    while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
                        pass
                    self.wfile.write(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                except OSError:
                    pass

        self._server = socketserver.ThreadingTCPServer((host, 0), _Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> PeerServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


PIECES = st.sampled_from(
    ["", "/", "\\", "@", ":", ".", "..", "%2e", "%40", "%5c", "#", "?", "[", "]", "::1", "www.",
     "127.0.0.2", "127.0.0.1", "0x7f.1", "2130706433", "localhost", "\t", " ", "\u3002", "a"]
)  # fmt: skip


def test_a_url_accepted_as_in_scope_is_never_connected_to_another_origin() -> None:
    with PeerServer("127.0.0.1") as mine, PeerServer("127.0.0.2") as other:
        allowed = frozenset({f"127.0.0.1:{mine.port}"})
        config = FetchConfig(
            allowed_hosts=allowed,
            private_hosts=allowed,
            timeouts=Timeouts(connect=2, read=2, total=10),
            retry=RetryPolicy(attempts=1),
            delay=0,
            respect_robots=False,
        )

        @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
        @given(prefix=st.lists(PIECES, max_size=4), middle=st.lists(PIECES, max_size=6),
               scheme=st.sampled_from(["http://", "HTTP://", "http:/", "http:\\\\", "https://"]))  # fmt: skip
        def one_url(prefix: list[str], middle: list[str], scheme: str) -> None:
            mine.peers.clear()
            url = (
                f"{scheme}{''.join(prefix)}127.0.0.1:{mine.port}{''.join(middle)}"
                f"127.0.0.2:{other.port}/x"
            )
            in_scope = is_allowed_host(url, allowed)
            with Fetcher(config) as fetcher:
                try:
                    fetcher.fetch(url)
                except DisallowedError:
                    assert not mine.peers, f"{url!r} was refused after connecting"
                except FetchError:
                    pass  # the 404 (or TLS spoken to a plain server): it did connect, see below
            assert other.peers == [], f"{url!r} reached 127.0.0.2"
            assert all(peer == ("127.0.0.1", mine.port) for peer in mine.peers), url
            assert not mine.peers or in_scope, f"{url!r} was fetched but is not in scope"
            reached.append(bool(mine.peers))

        reached: list[bool] = []
        one_url()
        assert any(reached) and not all(reached), "both in-scope and refused URLs were tried"
