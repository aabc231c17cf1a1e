"""End-to-end crawls of the fixture site on 127.0.0.1 into SQLite: what an operator would notice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from schedules.job import RunReport, run_crawl
from scraper.fetch import Fetcher
from storage.db import open_engine, transaction
from storage.schema import FetchRow

from .conftest import archived, fast_options, fetchable, start_urls
from .site import DISALLOWED_PREFIX, FixtureSite, SiteServer, serve_site

Crawl = Callable[..., RunReport]


def test_first_run_archives_every_article_once(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    report = crawl()
    expected = fetchable(site)
    assert report.exit_code == 0, report.warnings
    assert report.counts.new == len(expected)
    assert sorted(archived(sqlite_url)) == expected
    assert {a.current_version for a in archived(sqlite_url).values()} == {1}
    article_requests = [r for r in site.log if "/article-" in r.path]
    assert len(article_requests) == len(expected), "an article page was fetched twice"


def test_listings_are_paged_in_all_three_forms(sqlite_url: str) -> None:
    site = FixtureSite(12, per_page=3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        report = run_crawl(fast_options(sqlite_url, server.base_url))
    assert report.exit_code == 0, report.warnings
    assert sorted(archived(sqlite_url)) == fetchable(site)
    paths = {r.path for r in site.log}
    assert {"/fr/news/page/2/", "/nl/nieuws/?page=2", "/en/news/page/2/"} <= paths
    assert report.counts.listing_pages == 6


def test_second_run_archives_nothing_and_gets_304s(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    before = len(site.log)
    report = crawl()
    second = site.log[before:]
    assert (report.counts.new, report.counts.changed, report.exit_code) == (0, 0, 0)
    assert report.counts.listing_pages == 3, "paging stops after a first page of known cards"
    assert report.counts.not_modified == len(fetchable(site))
    assert [r.status for r in second if "/article-" in r.path] == [304] * len(fetchable(site))
    assert sum(r.bytes for r in second) < sum(r.bytes for r in site.log[:before]) / 3
    assert {a.current_version for a in archived(sqlite_url).values()} == {1}


def test_changed_article_gives_exactly_one_new_version(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    changed = site.change_article(7)
    report = crawl()
    assert (report.counts.changed, report.counts.new) == (1, 0)
    versions = {url: a.current_version for url, a in archived(sqlite_url).items()}
    assert versions.pop(f"{site.base_url}{changed.path}") == 2
    assert set(versions.values()) == {1}


def test_old_article_changed_is_found_through_the_sitemap(sqlite_url: str) -> None:
    """An article too old for the re-check schedule is still fetched when its lastmod moves."""
    site = FixtureSite(12, per_page=3, days_apart=20, wp_json=False)
    with serve_site(site) as server:
        run_crawl(fast_options(sqlite_url, server.base_url))
        before = len(site.log)
        changed = site.change_article(10)
        report = run_crawl(fast_options(sqlite_url, server.base_url))
    assert report.counts.changed == 1
    fetched = {r.path for r in site.log[before:] if "/article-" in r.path}
    assert changed.path in fetched
    assert site.articles[11].path not in fetched, "an old, unchanged article was re-fetched"


def test_change_only_in_related_cards_gives_no_version(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    site.change_related()
    report = crawl(full=True)
    assert report.counts.unchanged == len(fetchable(site)), "every page was fetched again (200)"
    assert (report.counts.new, report.counts.changed) == (0, 0)
    assert {a.current_version for a in archived(sqlite_url).values()} == {1}


def test_article_answering_404_becomes_gone(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    deleted = site.delete_article(4)
    report = crawl()
    assert report.counts.gone == 1
    assert report.exit_code == 0
    assert archived(sqlite_url)[f"{site.base_url}{deleted.path}"].status == "gone"


def test_an_article_already_gone_is_not_counted_gone_again(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    gone = site.articles[4]
    site.fail_next(gone.path, 404, times=2)  # the listing still links it: asked on each run
    assert crawl(full=True).counts.gone == 1
    before = len(site.log)
    again = crawl(full=True)
    assert gone.path in {r.path for r in site.log[before:]}, "the gone article was not asked"
    assert again.counts.gone == 0, "a run alerting on gone counts would report it every time"
    assert archived(sqlite_url)[f"{site.base_url}{gone.path}"].status == "gone"


def test_500_then_200_is_retried_and_archived(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    path = site.articles[3].path
    site.fail_next(path, 500)
    report = crawl()
    assert [r.status for r in site.requested(path)] == [500, 200]
    assert report.exit_code == 0
    assert f"{site.base_url}{path}" in archived(sqlite_url)


def test_429_with_retry_after_is_waited_for_then_archived(
    crawl: Crawl, site: FixtureSite, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = site.articles[5].path
    site.fail_next(path, 429, retry_after=0.2)
    slept: list[float] = []
    original = Fetcher.__init__

    def recording_init(self: Fetcher, *args: object, **kwargs: object) -> None:
        original(self, *args, sleep=slept.append, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Fetcher, "__init__", recording_init)
    report = crawl()
    assert [r.status for r in site.requested(path)] == [429, 200]
    assert 0.2 in slept, "the Retry-After of the 429 was not honoured"
    assert report.exit_code == 0
    assert f"{site.base_url}{path}" in archived(sqlite_url)


def test_page_still_failing_is_counted_and_archive_kept(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    crawl()
    path = site.articles[0].path
    site.fail_next(path, 503, times=5)
    report = crawl()
    assert report.counts.failed == 1 and report.exit_code == 1
    assert len(site.requested(path)) == 1 + 3, "bounded attempts: one per run before, three now"
    assert archived(sqlite_url)[f"{site.base_url}{path}"].status == "live"


def test_disallowed_path_is_never_requested(crawl: Crawl, site: FixtureSite) -> None:
    crawl()
    crawl(full=True)
    assert any(DISALLOWED_PREFIX in f"{site.base_url}{a.path}" for a in site.articles)
    assert site.requested(DISALLOWED_PREFIX) == []


def test_redirect_to_another_host_is_not_followed(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    other = FixtureSite(3)
    with SiteServer(other.handle) as elsewhere:
        # same machine, other host name: 'localhost' is not an allowed host of this crawl
        target = elsewhere.base_url.replace("127.0.0.1", "localhost") + "/fr/news/article-0-fr/"
        path = site.articles[6].path
        site.redirect(path, target)
        report = crawl()
    assert other.log == []
    assert report.counts.failed == 1 and report.exit_code == 1
    assert f"{site.base_url}{path}" not in archived(sqlite_url)


def test_redirect_within_the_site_is_followed_and_final_url_recorded(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    moved, target = site.articles[3].path, site.articles[0].path
    site.redirect(moved, target, status=302)
    report = crawl()
    assert report.exit_code == 0
    engine = open_engine(sqlite_url)
    with transaction(engine) as session:
        final = session.scalar(
            select(FetchRow.final_url).where(
                FetchRow.url == f"{site.base_url}{moved}", FetchRow.status == 200
            )
        )
    engine.dispose()
    assert final == f"{site.base_url}{target}"


def test_dry_run_fetches_no_article_and_writes_nothing(
    crawl: Crawl, site: FixtureSite, sqlite_url: str
) -> None:
    report = crawl(dry_run=True)
    assert sorted(p.url for p in report.planned) == sorted(
        f"{site.base_url}{a.path}" for a in site.live()
    )
    assert [r for r in site.log if "/article-" in r.path] == []
    assert archived(sqlite_url) == {}


def test_max_pages_bounds_a_run(crawl: Crawl, site: FixtureSite, sqlite_url: str) -> None:
    report = crawl(max_pages=5)
    assert site.log and len([r for r in site.log if r.path != "/robots.txt"]) == 5
    assert any("--max-pages" in w for w in report.warnings)
    assert report.exit_code == 0, "a bounded run is not a failed run"


def test_listing_without_articles_exits_3(sqlite_url: str) -> None:
    site = FixtureSite(6, empty_listings=True, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        report = run_crawl(fast_options(sqlite_url, server.base_url))
    assert report.exit_code == 3 and report.outcome == "nothing-found"
    assert any("article_patterns" in w for w in report.warnings)
    assert len(report.warnings) == len(start_urls(server.base_url))


def test_start_listing_answering_404_is_a_configuration_error_exit_2(sqlite_url: str) -> None:
    site = FixtureSite(6, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        report = run_crawl(
            fast_options(
                sqlite_url, server.base_url, start_urls=(f"{server.base_url}/fr/actualites/",)
            )
        )
    assert (report.exit_code, report.outcome) == (2, "config-error")
    assert "start URL" in report.warnings[0] and "answered 404" in report.warnings[0]
    assert "--start-url" in report.warnings[0]
