"""The shared crawl cases (17, 18, 20, 21, 22, 24 of tests/fixtures/cases/) as end-to-end crawls of their
tiny sites, and a sibling of each written here: sloppy sitemaps, robots.txt with a byte-order
mark or wildcards, RSS 1.0 and guid-only feeds. Each asserts the request log and the archive."""

from __future__ import annotations

from typing import Any

from schedules.job import RunReport, run_crawl

from .cases import CASES, CaseSite, serve_case
from .conftest import archived, fast_options

TEXT = {"Content-Type": "text/plain"}
HTML = {"Content-Type": "text/html; charset=utf-8"}
OPEN_ROBOTS = {"headers": TEXT, "body": "User-agent: *\nDisallow:\n"}
LISTING = {"headers": HTML, "file": "00-site-listing.html"}
ARTICLE = {"headers": HTML, "file": "00-site-article.html"}


def crawl(site: CaseSite, db_url: str, **changes: Any) -> RunReport:
    with serve_case(site) as server:
        start = (f"{server.base_url}/fr/news/",)
        return run_crawl(fast_options(db_url, server.base_url, start_urls=start, **changes))


def _sitemap(path: str = "/fr/news/depuis-le-sitemap/") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>http://127.0.0.1:{{PORT}}{path}</loc></url></urlset>\n"
    ).encode()


# -- sitemaps


def test_case_17_sitemap_with_blank_lines_before_the_xml_declaration(sqlite_url: str) -> None:
    site = CaseSite.from_case("17-sitemap-leading-whitespace")
    report = crawl(site, sqlite_url)
    assert "/fr/news/depuis-le-sitemap/" in site.paths()
    assert not any("sitemap" in w for w in report.warnings), report.warnings


def test_sibling_17_gzip_sitemap_with_bom_as_octet_stream(sqlite_url: str) -> None:
    body = b"\xef\xbb\xbf\r\n  " + _sitemap("/fr/news/depuis-le-gzip/")
    site = CaseSite(
        {
            "/robots.txt": {
                "headers": TEXT,
                "body": "User-agent: *\nSitemap: http://127.0.0.1:{PORT}/sitemap_index\n",
            },
            "/sitemap_index": {
                "headers": {"Content-Type": "application/octet-stream"},
                "bytes": body,
            },
            "/fr/news/": LISTING,
            "/fr/news/depuis-le-gzip/": ARTICLE,
            "/fr/news/article-listee/": ARTICLE,
            "/fr/news/autre-article-liste/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert "/fr/news/depuis-le-gzip/" in site.paths(), report.warnings
    assert report.exit_code == 0, report.warnings
    assert any(url.endswith("/fr/news/depuis-le-gzip/") for url in archived(sqlite_url))


def test_case_18_sitemap_served_as_text_html_is_read_and_noted(sqlite_url: str) -> None:
    site = CaseSite.from_case("18-sitemap-served-as-text-html")
    report = crawl(site, sqlite_url)
    paths = site.paths()
    assert "/sitemap-posts.xml" in paths and "/fr/news/depuis-le-sitemap/" in paths
    assert any("sitemap-posts.xml" in w and "text/html" in w for w in report.warnings), (
        report.warnings
    )


def test_sibling_18_child_sitemap_gzipped_as_binary_octet_stream(sqlite_url: str) -> None:
    index = (CASES / "18-sitemap-index.xml").read_bytes()
    site = CaseSite(
        {
            "/robots.txt": OPEN_ROBOTS,
            "/sitemap.xml": {"headers": {"Content-Type": "application/xml"}, "bytes": index},
            "/sitemap-posts.xml": {
                "headers": {"Content-Type": "binary/octet-stream"},
                "bytes": _sitemap(),
                "gzip": True,
            },
            "/fr/news/": LISTING,
            "/fr/news/depuis-le-sitemap/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert "/fr/news/depuis-le-sitemap/" in site.paths()
    assert any("binary/octet-stream" in w for w in report.warnings), report.warnings


# -- robots.txt


def test_case_20_robots_with_a_byte_order_mark_keeps_its_first_group(sqlite_url: str) -> None:
    site = CaseSite.from_case("20-robots-bom")
    report = crawl(site, sqlite_url)
    assert "/fr/news/article-listee/" not in site.paths()
    assert "/fr/news/autre-article-liste/" in site.paths()
    assert report.counts.new == 1 and report.counts.skipped == 1
    assert not any("article-listee" in url for url in archived(sqlite_url))


def test_sibling_20_bom_crlf_and_a_group_for_our_product_token(sqlite_url: str) -> None:
    robots = "\ufeffUser-agent: hubarchive\r\nDisallow: /fr/news/autre-article-liste/\r\n\r\nUser-agent: *\r\nDisallow: /\r\n"
    site = CaseSite(
        {
            "/robots.txt": {"headers": TEXT, "bytes": robots.encode("utf-8")},
            "/fr/news/": LISTING,
            "/fr/news/article-listee/": ARTICLE,
            "/fr/news/autre-article-liste/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url, contact="mailto:archives@example.org")
    paths = site.paths()
    assert "/fr/news/autre-article-liste/" not in paths and "/fr/news/article-listee/" in paths
    assert report.counts.new == 1
    assert all("mailto:archives@example.org" in agent for agent in site.agents)
    assert all(agent.startswith("hubarchive/") for agent in site.agents)


def test_case_21_wildcards_and_dollar_under_disallow_all(sqlite_url: str) -> None:
    site = CaseSite.from_case("21-robots-wildcard-dollar")
    report = crawl(site, sqlite_url)
    paths = site.paths()
    # Disallow: / keeps every probe away; the Allow lines let the listing and articles through
    assert not {"/sitemap.xml", "/feed/", "/wp-json/wp/v2/posts"} & set(paths), paths
    # `Allow: /fr/news/$` lets the listing alone through, `Allow: /*/news/*-liste/$` one article
    assert "/fr/news/autre-article-liste/" in paths and "/fr/news/article-listee/" not in paths
    assert (report.counts.new, report.counts.skipped, report.exit_code) == (1, 1, 0), (
        report.warnings
    )


def test_sibling_21_dollar_anchors_a_disallowed_slug(sqlite_url: str) -> None:
    site = CaseSite(
        {
            "/robots.txt": {
                "headers": TEXT,
                "body": "User-agent: *\nDisallow: /*/news/*-listee/$\n",
            },
            "/fr/news/": LISTING,
            "/fr/news/article-listee/": ARTICLE,
            "/fr/news/autre-article-liste/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert "/fr/news/article-listee/" not in site.paths()
    assert report.counts.new == 1 and report.counts.skipped == 1


# -- feeds


def test_case_22_rss_1_rdf_feed(sqlite_url: str) -> None:
    site = CaseSite.from_case("22-rss1-rdf-feed")
    report = crawl(site, sqlite_url)
    assert "/fr/news/depuis-le-flux/" in site.paths()
    assert not any("feed" in w for w in report.warnings), report.warnings


def test_sibling_22_rss_091_item_with_only_a_permalink_guid(sqlite_url: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="0.91"><channel><title>Nouvelles</title>'
        "<item><title>Par le guid</title>"
        "<guid>http://127.0.0.1:{PORT}/fr/news/par-le-guid/</guid></item>"
        "</channel></rss>"
    )
    site = CaseSite(
        {
            "/robots.txt": OPEN_ROBOTS,
            "/feed/": {"headers": {"Content-Type": "text/xml"}, "body": feed},
            "/fr/news/": LISTING,
            "/fr/news/par-le-guid/": ARTICLE,
            "/fr/news/article-listee/": ARTICLE,
            "/fr/news/autre-article-liste/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert "/fr/news/par-le-guid/" in site.paths()
    assert report.counts.new == 3 and report.exit_code == 0


def _linking(feed_type: str, href: str, *, listing: str = "") -> dict[str, Any]:
    """A start page that links a feed with `rel="alternate"`, holding `listing` as its body."""
    head = f'<link rel="alternate" type="{feed_type}" title="Flux" href="{href}">'
    page = (CASES / LISTING["file"]).read_text(encoding="utf-8") if listing == "cards" else ""
    body = page.replace("</head>", head + "</head>") or (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Actualités</title>{head}'
        "</head><body><main><h1>Actualités</h1><p>Suivez notre flux.</p></main></body></html>"
    )
    return {"headers": HTML, "body": body}


def _archives_through_a_linked_feed(
    db_url: str, media: str, href: str, feed: tuple[str, str], article: str
) -> None:
    """A start page listing no article but linking `feed` (path, body) as `media` at `href`:
    the feed is fetched once, its article archived, and the run is no 'nothing found'."""
    site = CaseSite(
        {
            "/robots.txt": OPEN_ROBOTS,
            "/fr/news/": _linking(media, href),
            feed[0]: {"headers": {"Content-Type": media}, "body": feed[1]},
            article: ARTICLE,
        }
    )
    report = crawl(site, db_url)
    assert site.paths().count(feed[0]) == 1
    assert f"http://127.0.0.1:{site.port}{article}" in archived(db_url)
    assert report.exit_code == 0 and report.counts.new == 1, report.warnings


def test_a_feed_the_start_page_links_with_rel_alternate_is_read(sqlite_url: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nouvelles</title>'
        "<item><title>Par le flux lié</title>"
        "<link>http://127.0.0.1:{PORT}/fr/news/par-le-flux-lie/</link></item></channel></rss>"
    )
    _archives_through_a_linked_feed(
        sqlite_url,
        "application/rss+xml",
        "/fr/news/rss.xml",
        ("/fr/news/rss.xml", feed),
        "/fr/news/par-le-flux-lie/",
    )


def test_sibling_an_atom_feed_linked_by_absolute_url_is_read(sqlite_url: str) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Nieuws</title><id>urn:nieuws</id><updated>2025-06-02T10:00:00Z</updated>"
        "<entry><title>Via Atom</title><id>urn:via-atom</id><updated>2025-06-02T10:00:00Z</updated>"
        '<link rel="alternate" type="text/html" href="/nl/nieuws/via-atom/"/></entry></feed>'
    )
    _archives_through_a_linked_feed(
        sqlite_url,
        "application/atom+xml",
        "http://127.0.0.1:{PORT}/nl/atom",
        ("/nl/atom", feed),
        "/nl/nieuws/via-atom/",
    )


def test_a_linked_feed_the_profile_also_names_is_fetched_once(sqlite_url: str) -> None:
    site = CaseSite.from_case("22-rss1-rdf-feed")
    site.routes["/fr/news/"] = _linking("application/rss+xml", "/feed/", listing="cards")
    articles = (
        "/fr/news/article-listee/",
        "/fr/news/autre-article-liste/",
        "/fr/news/depuis-le-flux/",
    )
    site.routes.update(dict.fromkeys(articles, ARTICLE))
    report = crawl(site, sqlite_url)
    assert site.paths().count("/feed/") == 1
    assert report.exit_code == 0 and report.counts.new == 3, report.warnings


def test_a_linked_feed_answering_404_is_a_warning_of_the_run(sqlite_url: str) -> None:
    site = CaseSite(
        {
            "/robots.txt": OPEN_ROBOTS,
            "/fr/news/": _linking("application/rss+xml", "/fr/disparu.rss", listing="cards"),
            "/fr/news/article-listee/": ARTICLE,
            "/fr/news/autre-article-liste/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert "/fr/disparu.rss" in site.paths()
    assert any("/fr/disparu.rss" in w and "404" in w for w in report.warnings), report.warnings
    assert report.exit_code == 0 and report.counts.new == 2 and report.counts.failed == 0


# -- redirects


def test_case_24_a_location_in_raw_utf8_is_followed_as_browsers_do(sqlite_url: str) -> None:
    site = CaseSite.from_case("24-redirect-location-utf8")
    report = crawl(site, sqlite_url)
    assert report.exit_code == 0 and report.counts.failed == 0, report.summary()
    # one request to the percent-encoded UTF-8 path: no mojibake (%C3%83%C2%A9…) and no 404
    assert "/fr/news/%C3%A9lection-caf%C3%A9/" in site.paths(), site.paths()
    assert not any("%C3%83" in p for p in site.paths()), site.paths()
    assert len(archived(sqlite_url)) == 1


def test_sibling_24_a_302_to_a_dutch_path_with_a_query_in_raw_utf8(sqlite_url: str) -> None:
    listing = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws</title></head>'
        '<body><main><article class="card"><h2><a href="/fr/news/oude-link/">Ruim twee jaar '
        "later</a></h2></article></main></body></html>"
    )
    site = CaseSite(
        {
            "/robots.txt": OPEN_ROBOTS,
            "/fr/news/": {"headers": HTML, "body": listing},
            "/fr/news/oude-link/": {"status": 302, "raw_location": "/fr/news/café-één/?ü=1"},
            "/fr/news/caf%C3%A9-%C3%A9%C3%A9n/": ARTICLE,
        }
    )
    report = crawl(site, sqlite_url)
    assert report.counts.failed == 0, report.summary()
    assert "/fr/news/caf%C3%A9-%C3%A9%C3%A9n/" in site.paths(), site.paths()
