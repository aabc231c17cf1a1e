"""A start URL that failed is its run's listing, not an article page: a later run started from
other listings does not retry it among the failed pages (that cost backoff and mixed a listing
into the article counts); a run started from it asks it again as a listing."""

from __future__ import annotations

from schedules.job import run_crawl

from .conftest import fast_options
from .site import FixtureSite, serve_site


def test_a_failed_start_url_is_not_retried_as_a_page_by_a_run_from_other_listings(
    sqlite_url: str,
) -> None:
    site = FixtureSite(6, per_page=3, wp_json=False)
    with serve_site(site) as server:
        site.fail_next("/e500/", 500, times=50)
        dead = f"{server.base_url}/e500/"
        first = run_crawl(fast_options(sqlite_url, server.base_url, start_urls=[dead]))
        assert first.exit_code != 0
        before = len(site.log)
        second = run_crawl(fast_options(sqlite_url, server.base_url))
        retried = [r.path for r in site.log[before:] if r.path.startswith("/e500")]
        assert retried == [], "the other run's failed start URL was fetched as a page"
        assert second.counts.failed == 0 and second.exit_code == 0
        third = run_crawl(fast_options(sqlite_url, server.base_url, start_urls=[dead]))
    assert third.exit_code != 0
    assert any(r.path.startswith("/e500") for r in site.log[before:]), "asked again as a listing"
