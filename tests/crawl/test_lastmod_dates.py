"""A sitemap `<lastmod>` written as a date only ("2026-12-01") means "changed some time that day":
a change the site dates today is fetched even when the last fetch was earlier today (read as
midnight, it looked older than that fetch and the change was missed until the next re-check)."""

from __future__ import annotations

import datetime as dt

from schedules.job import run_crawl
from scraper.sightings import changed_since
from scraper.sitemaps import parse_sitemap

from .conftest import fast_options
from .site import FixtureSite, serve_site


def test_an_old_article_whose_date_only_lastmod_moved_to_today_is_fetched(sqlite_url: str) -> None:
    site = FixtureSite(
        12, per_page=3, days_apart=20, wp_json=False, feeds=False, date_only_lastmod=True
    )
    with serve_site(site) as server:
        run_crawl(fast_options(sqlite_url, server.base_url))
        before = len(site.log)
        changed = site.change_article(10)
        report = run_crawl(fast_options(sqlite_url, server.base_url))
    assert report.counts.changed == 1
    fetched = {r.path for r in site.log[before:] if "/article-" in r.path}
    assert changed.path in fetched
    assert site.articles[11].path not in fetched, "an old, unchanged article was re-fetched"


def test_a_date_only_lastmod_counts_to_the_end_of_its_day() -> None:
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://example.org/a/</loc><lastmod>2026-12-01</lastmod></url>
      <url><loc>https://example.org/b/</loc><lastmod>2026-12-01T09:00:00+00:00</lastmod></url>
    </urlset>"""
    day_only, timed = parse_sitemap(body, "https://example.org/sitemap.xml").pages
    assert (day_only.modified_date_only, timed.modified_date_only) == (True, False)
    fetched_at = dt.datetime(2026, 12, 1, 16, 52, tzinfo=dt.UTC)
    assert day_only.modified is not None and timed.modified is not None
    assert changed_since(day_only.modified, fetched_at, date_only=True)
    assert not changed_since(timed.modified, fetched_at, date_only=False)
    next_day = fetched_at + dt.timedelta(days=1)
    assert not changed_since(day_only.modified, next_day, date_only=True)
