"""Discovery parsing: listing cards and pagination, sitemaps (hostile ones too), feeds, profiles, plan."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest

from schedules.plan import plan_fetches
from scraper.discover import (
    CrawlProfile,
    RecheckPolicy,
    crawl_profile,
    parse_listing,
)
from scraper.errors import FeedError, ProfileError
from scraper.feeds import parse_feed, parse_wp_posts
from scraper.pagination import page_candidates
from scraper.sitemaps import parse_sitemap
from scraper.sites import SiteProfile, load_profile
from storage.archive import KnownArticle

BASE = "https://hub.brussels/fr/news/"


def hub() -> CrawlProfile:
    return crawl_profile(load_profile("hub_brussels"))


def test_listing_cards_give_url_title_and_date_once_each() -> None:
    html = """<html><body><nav><a href="/fr/news/">News</a></nav>
      <div class="card"><a href="/fr/news/le-reve-americain/?utm_source=x"><img></a>
        <h3>Le\u00a0rêve  américain existe encore</h3><span>Publié le 27/10/2025</span>
        <a href="/fr/news/le-reve-americain/">Lire</a></div>
      <div class="card"><a href="https://hub.brussels/fr/news/whx-dubai/"><h3>WHX</h3></a>
        <time datetime="2025-10-26">26 octobre</time></div>
      <a href="https://elsewhere.example/fr/news/x/">off-site</a>
      <a href="/fr/news/page/2/">2</a></body></html>"""
    page = parse_listing(html, BASE, hub())
    assert [(s.url, s.title, s.published) for s in page.sightings] == [
        (
            "https://hub.brussels/fr/news/le-reve-americain/",
            "Le rêve américain existe encore",
            dt.date(2025, 10, 27),
        ),
        ("https://hub.brussels/fr/news/whx-dubai/", "WHX", dt.date(2025, 10, 26)),
    ]
    assert page.next_url == "https://hub.brussels/fr/news/page/2/"


def test_pagination_forms() -> None:
    assert page_candidates("https://hub.brussels/fr/news/page/2/")[0] == (
        "https://hub.brussels/fr/news/page/3/"
    )
    assert page_candidates("https://hub.brussels/nl/nieuws/?page=4")[1] == (
        "https://hub.brussels/nl/nieuws/?page=5"
    )
    rel = parse_listing('<link rel="next" href="/en/news/?p=2">', BASE, hub())
    assert rel.next_url == "https://hub.brussels/en/news/?p=2"


def test_sitemap_index_and_gzip_urlset() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://hub.brussels/post-sitemap.xml.gz</loc>
      <lastmod>2025-10-27T10:00:00+01:00</lastmod></sitemap></sitemapindex>"""
    parsed = parse_sitemap(index, "https://hub.brussels/sitemap.xml")
    assert parsed.is_index and parsed.children[0].modified == dt.datetime(
        2025, 10, 27, 9, tzinfo=dt.UTC
    )
    urlset = gzip.compress(b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://hub.brussels/fr/news/a/</loc><lastmod>2025-10-27</lastmod></url></urlset>""")
    pages = parse_sitemap(urlset, "https://hub.brussels/post-sitemap.xml.gz").pages
    assert [(p.url, p.modified.date() if p.modified else None) for p in pages] == [
        ("https://hub.brussels/fr/news/a/", dt.date(2025, 10, 27))
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
      <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <urlset><url><loc>&lol2;</loc></url></urlset>""",
        b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
      <urlset><url><loc>&ext;</loc></url></urlset>""",
        b"<urlset><url><loc>unclosed",
        b"<html><body>not a sitemap</body></html>",
    ],
    ids=["billion-laughs", "external-entity", "malformed", "html"],
)
def test_hostile_or_wrong_sitemaps_are_refused(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_sitemap(body, "https://hub.brussels/sitemap.xml")


def test_rss_atom_and_wordpress_posts() -> None:
    rss = b"""<rss version="2.0"><channel><item><title>A</title>
      <link>https://hub.brussels/fr/news/a/</link><pubDate>Mon, 27 Oct 2025 10:00:00 +0000</pubDate>
      </item></channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title>
      <link rel="alternate" href="https://hub.brussels/en/news/b/"/>
      <updated>2025-10-27T10:00:00Z</updated></entry></feed>"""
    wp = b'[{"link": "https://hub.brussels/nl/nieuws/c/", "modified_gmt": "2025-10-27T10:00:00"}]'
    found = (
        parse_feed(rss, "https://hub.brussels/feed/")
        + parse_feed(atom, "https://hub.brussels/feed/atom/")
        + parse_wp_posts(wp, "https://hub.brussels/wp-json/wp/v2/posts")
    )
    when = dt.datetime(2025, 10, 27, 10, tzinfo=dt.UTC)
    assert [(s.url.rsplit("/", 2)[1], s.modified, s.source) for s in found] == [
        ("a", when, "feed"),
        ("b", when, "feed"),
        ("c", when, "wp-json"),
    ]
    with pytest.raises(FeedError):
        parse_wp_posts(b'{"code": "rest_no_route"}', "https://hub.brussels/wp-json/wp/v2/posts")


@pytest.mark.parametrize(
    "crawl, message",
    [
        ({"start_urls": {"fr": ["https://hub.brussels/fr/news/"]}}, "no article_patterns"),
        ({"article_patterns": ["("], "start_urls": {"fr": "https://hub.brussels/"}}, "regular"),
        ({"article_patterns": ["/news/"]}, "no start_urls"),
        (
            {"article_patterns": ["/news/"], "start_urls": {"fr": ["https://evil.example/"]}},
            "allowed hosts",
        ),
    ],
)
def test_a_wrong_profile_is_loud(crawl: dict[str, object], message: str) -> None:
    profile = SiteProfile(key="t", name="t", hosts=frozenset({"hub.brussels"}), crawl=crawl)
    with pytest.raises(ProfileError, match=message):
        crawl_profile(profile)


def test_start_urls_replace_the_profile_and_set_the_allowed_hosts() -> None:
    crawl = crawl_profile(
        load_profile("hub_brussels"), start_urls=["http://127.0.0.1:8000/fr/news/"]
    )
    assert crawl.hosts == frozenset({"127.0.0.1:8000"}), "an origin: other ports are not allowed"
    assert crawl.all_start_urls() == ["http://127.0.0.1:8000/fr/news/"]


def _known(url: str, published: dt.date, last_seen: dt.datetime) -> KnownArticle:
    return KnownArticle(
        url=url,
        status="live",
        last_seen=last_seen,
        current_version=1,
        title="T",
        published=published,
        etag=None,
        last_modified=None,
    )


def test_recheck_schedule_favours_recent_articles() -> None:
    now = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    known = {
        "recent": _known("recent", dt.date(2025, 10, 20), now - dt.timedelta(hours=3)),
        "old-fresh": _known("old-fresh", dt.date(2024, 1, 1), now - dt.timedelta(days=2)),
        "old-stale": _known("old-stale", dt.date(2024, 1, 1), now - dt.timedelta(days=8)),
    }
    planned = plan_fetches({}, known, now=now, policy=RecheckPolicy(30, 7))
    assert [(p.url, p.reason) for p in planned] == [("recent", "recheck"), ("old-stale", "recheck")]
    everything = plan_fetches({}, known, now=now, policy=RecheckPolicy(30, 7), full=True)
    assert len(everything) == 3
