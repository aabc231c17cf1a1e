"""Sites of new shapes, end to end: a site without sitemap, feed or API (its missing sources are
remembered, not failures; unchanged listings answer 304), two sites crawled into one archive at
the same time (each plans, re-checks and retries only its own articles), and a site whose links
break (bounded retries, then reported once and listed by `hubarchive runs --failed`)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from schedules.cli import main
from schedules.job import CrawlOptions, RunReport, run_crawl
from storage.db import open_engine, transaction
from storage.schema import ArticleRow, FetchRow, Site

from .cases import CaseSite, serve_case
from .conftest import archived, fast_options
from .site import LISTINGS, FixtureSite, serve_site

PROBES = ("/sitemap.xml", "/feed/", "/wp-json/wp/v2/posts")


def _bare_site() -> FixtureSite:
    return FixtureSite(12, per_page=3, wp_json=False, sitemaps=False, feeds=False)


def test_a_site_without_sitemap_feed_or_api_is_probed_once_and_rechecked_cheaply(
    sqlite_url: str,
) -> None:
    site = _bare_site()
    with serve_site(site) as server:
        first = run_crawl(fast_options(sqlite_url, server.base_url))
        first_paths = [r.path.split("?")[0] for r in site.log]
        site.log.clear()
        second = run_crawl(fast_options(sqlite_url, server.base_url))
        second_log = list(site.log)
    assert (first.exit_code, second.exit_code) == (0, 0), (first.warnings, second.warnings)
    assert not first.warnings and first.counts.failed == 0
    assert all(p in first_paths for p in PROBES)  # asked once…
    second_paths = [r.path.split("?")[0] for r in second_log]
    assert not set(PROBES) & set(second_paths)  # …and remembered as absent
    # the unchanged listings answer 304 to a conditional GET; no page past the first is walked
    listings = [r for r in second_log if r.path in {"/fr/news/", "/nl/nieuws/", "/en/news/"}]
    assert len(listings) == 3 and all(r.status == 304 and r.bytes == 0 for r in listings)
    # the rest are the re-checks of recent articles, each a 304: no byte of a page moved
    assert all(r.status == 304 for r in second_log if r.path != "/robots.txt")
    assert sum(r.bytes for r in second_log if r.path != "/robots.txt") == 0
    assert second.counts.new == second.counts.changed == 0


def _crawl_in_thread(options: CrawlOptions, out: dict[str, Any], key: str) -> threading.Thread:
    def run() -> None:
        try:
            out[key] = run_crawl(options)
        except BaseException as exc:  # surfaced by the assertion below
            import traceback

            out[key] = exc
            out[key + "_trace"] = traceback.format_exc()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_sites_crawl_into_one_archive_at_once_and_keep_to_themselves(
    sqlite_url: str,
) -> None:
    site_a, site_b = FixtureSite(9, per_page=3), FixtureSite(6, per_page=3)
    with serve_site(site_a) as server_a, serve_site(site_b) as server_b:
        results: dict[str, Any] = {}
        threads = [
            _crawl_in_thread(fast_options(sqlite_url, server_a.base_url), results, "a"),
            _crawl_in_thread(fast_options(sqlite_url, server_b.base_url), results, "b"),
        ]
        for thread in threads:
            thread.join(timeout=240)
        report_a, report_b = results["a"], results["b"]
        assert isinstance(report_a, RunReport), results.get("a_trace")
        assert isinstance(report_b, RunReport), results.get("b_trace")
        assert (report_a.exit_code, report_b.exit_code) == (0, 0)
        # a later crawl of B asks nothing of A: no re-check, no retry of A's articles
        site_a.log.clear()
        again_b = run_crawl(fast_options(sqlite_url, server_b.base_url))
        assert again_b.exit_code == 0 and site_a.log == []
    urls = archived(sqlite_url)
    engine = open_engine(sqlite_url)
    try:
        with transaction(engine) as session:
            owners = dict(
                session.execute(
                    select(ArticleRow.url, Site.key).join(Site, Site.id == ArticleRow.site_id)
                ).all()
            )
            profiles = dict(session.execute(select(Site.key, Site.profile)).all())
    finally:
        engine.dispose()
    assert {owners[u] for u in urls if u.startswith(server_a.base_url)} == {server_a.base_url}
    assert {owners[u] for u in urls if u.startswith(server_b.base_url)} == {server_b.base_url}
    assert report_a.counts.new + report_b.counts.new == len(urls)
    assert all(text and "[crawl]" in text for text in profiles.values())


BROKEN = {
    "/robots.txt": {
        "headers": {"Content-Type": "text/plain"},
        "body": "User-agent: *\nDisallow: /sitemap.xml\nDisallow: /feed/\nDisallow: /wp-json/\n",
    },
    "/fr/news/": {
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "file": "00-site-listing.html",
    },
    "/fr/news/autre-article-liste/": {
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "file": "00-site-article.html",
    },
}
BROKEN_PATH = "/fr/news/article-listee/"


def _age_failures(db_url: str, days: int) -> None:
    """Move the broken link's failures `days` back in time (as if that much time had passed)."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            for row in session.scalars(select(FetchRow).where(FetchRow.url.endswith(BROKEN_PATH))):
                session.execute(
                    update(FetchRow)
                    .where(FetchRow.id == row.id)
                    .values(fetched_at=row.fetched_at - dt.timedelta(days=days))
                )
    finally:
        engine.dispose()


#: the linked article answers a PDF: no page, a broken link as a 404 is (README, "Broken links")
NOT_A_PAGE = {
    BROKEN_PATH: {"headers": {"Content-Type": "application/pdf"}, "body": "%PDF-1.4 not a page"}
}


@pytest.mark.parametrize("answer", [{}, NOT_A_PAGE], ids=["404", "pdf"])
def test_a_broken_link_is_retried_after_1_2_4_8_days_then_reported_once(
    sqlite_url: str, answer: dict[str, Any]
) -> None:
    site = CaseSite({**BROKEN, **answer})
    with serve_case(site) as server:
        options = fast_options(
            sqlite_url, server.base_url, start_urls=(f"{server.base_url}/fr/news/",)
        )

        def run() -> tuple[RunReport, int]:
            before = site.paths().count(BROKEN_PATH)
            report = run_crawl(options)
            return report, site.paths().count(BROKEN_PATH) - before

        first, asked = run()
        assert (first.exit_code, asked) == (1, 1)
        assert "broken link" in " ".join(first.warnings) or first.counts.failed == 1
        again, asked = run()  # the same day: not due
        assert (again.exit_code, asked) == (0, 0), again.warnings
        exits = []
        for wait in (1, 2, 4, 8):
            _age_failures(sqlite_url, wait)
            report, asked = run()
            assert asked == 1
            exits.append(report.exit_code)
        assert exits == [1, 1, 1, 0]  # the last retry's failure is reported, not a failed page
        assert any("broken link" in w and "dropped" in w for w in report.warnings)
        _age_failures(sqlite_url, 30)
        later, asked = run()
        assert (later.exit_code, asked) == (0, 0)
        assert not any("broken link" in w for w in later.warnings)  # reported once
    listed = CliRunner().invoke(main, ["runs", "--db", sqlite_url, "--failed"])
    assert listed.exit_code == 0 and BROKEN_PATH in listed.stdout


def test_runs_shows_a_run_whose_process_is_gone_as_interrupted(sqlite_url: str) -> None:
    import socket
    import subprocess

    from storage.archive import start_run

    gone = subprocess.Popen(["true"])
    gone.wait()
    engine = open_engine(sqlite_url)
    try:
        with transaction(engine) as session:
            start_run(
                session,
                started_at=dt.datetime.now(dt.UTC),
                pid=gone.pid,
                host=socket.gethostname(),
                site="http://127.0.0.1:1",
            )
    finally:
        engine.dispose()
    shown = CliRunner().invoke(main, ["runs", "--db", sqlite_url])
    assert shown.exit_code == 0 and " interrupted" in shown.stdout, shown.stdout


def test_site_locks_exclude_their_own_site_and_the_archive_lock_excludes_all(db_url: str) -> None:
    import pytest

    from schedules.lock import archive_lock, crawl_lock
    from storage.errors import LockedError

    engine = open_engine(db_url)
    try:
        with crawl_lock(engine, "site-a"):
            with crawl_lock(engine, "site-b"):  # another site crawls at the same time
                pass
            with pytest.raises(LockedError, match="site-a"), crawl_lock(engine, "site-a"):
                pass
            with pytest.raises(LockedError), archive_lock(engine, "warc import"):
                pass
        with archive_lock(engine, "warc import"):
            with pytest.raises(LockedError, match="archive-wide"), crawl_lock(engine, "site-b"):
                pass
        with crawl_lock(engine, "site-a"):  # everything was released
            pass
    finally:
        engine.dispose()


def test_warc_import_while_a_crawl_runs_exits_75(sqlite_url: str, tmp_path: Any) -> None:
    from pathlib import Path

    from schedules.lock import crawl_lock

    warc = (
        Path(__file__).resolve().parents[1]
        / "fixtures"
        / "cases"
        / "25-warc-angle-brackets.warc.gz"
    )
    engine = open_engine(sqlite_url)
    try:
        with crawl_lock(engine, "http://127.0.0.1:8000"):
            result = CliRunner().invoke(main, ["warc", "import", str(warc), "--db", sqlite_url])
        assert result.exit_code == 75 and "crawl" in result.stderr
        assert archived(sqlite_url) == {}
    finally:
        engine.dispose()


def test_absent_probes_are_asked_again_after_30_days_and_declared_failures_warn(
    sqlite_url: str,
) -> None:
    from storage.sources import ABSENT

    routes = dict(BROKEN)
    routes["/robots.txt"] = {
        "headers": {"Content-Type": "text/plain"},
        "body": "User-agent: *\nSitemap: http://127.0.0.1:{PORT}/declared-sitemap.xml\n",
    }
    routes["/fr/news/article-listee/"] = routes["/fr/news/autre-article-liste/"]
    site = CaseSite(routes)
    with serve_case(site) as server:
        options = fast_options(
            sqlite_url, server.base_url, start_urls=(f"{server.base_url}/fr/news/",)
        )
        first = run_crawl(options)
        # the declared sitemap's 404 is a warning of the run, not a failure; the probes are quiet
        assert first.exit_code == 0 and first.counts.failed == 0
        assert [w for w in first.warnings if "sitemap" in w] == [
            f"declared sitemap {server.base_url}/declared-sitemap.xml answered 404"
        ]
        assert site.paths().count("/feed/") == 1
        run_crawl(options)
        assert site.paths().count("/feed/") == 1  # remembered as absent
        engine = open_engine(sqlite_url)
        try:
            with transaction(engine) as session:
                session.execute(
                    update(FetchRow)
                    .where(FetchRow.outcome == ABSENT)
                    .values(fetched_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=31))
                )
        finally:
            engine.dispose()
        again = run_crawl(options)
        assert site.paths().count("/feed/") == 2 and again.exit_code == 0


def _own_profile(tmp_path: Any, base_url: str, crawl_lines: str = "") -> str:
    """A profile file a new user writes for their site: its key, host, listings and article
    URLs, and nothing about sitemaps, feeds or the WordPress API (the base's guesses stand)."""
    host = base_url.split("//", 1)[1]
    path = tmp_path / "own.toml"
    path.write_text(
        f'[site]\nkey = "own"\nhosts = ["{host}"]\n\n[crawl]\n'
        "article_patterns = ['^/(fr/news|nl/nieuws|en/news)/[^/]+/$']\n"
        f"{crawl_lines}\n[crawl.start_urls]\n"
        + "".join(f'{lang} = ["{base_url}{p}"]\n' for lang, p in LISTINGS.items()),
        encoding="utf-8",
    )
    return str(path)


def test_a_profile_that_declares_no_sources_probes_the_bases_guesses_quietly(
    sqlite_url: str, tmp_path: Any
) -> None:
    """The sitemap, feed and API paths a profile inherits from the generic base are guesses on
    any site: a 404 there is remembered, not a warning of every run; the profile's own are
    declared, and their 404 is a warning."""
    site = _bare_site()
    with serve_site(site) as server:
        own = _own_profile(tmp_path, server.base_url)
        options = fast_options(sqlite_url, server.base_url, start_urls=(), profile=own)
        first = run_crawl(options)
        site.log.clear()
        second = run_crawl(options)
        second_paths = [r.path.split("?")[0] for r in site.log]
        declared = _own_profile(tmp_path, server.base_url, 'feeds = ["/news-feed.xml"]\n')
        third = run_crawl(replace(options, profile=declared))
    assert (first.exit_code, second.exit_code) == (0, 0), (first.warnings, second.warnings)
    assert first.counts.new > 0 and first.counts.failed == 0
    assert first.warnings == [] and second.warnings == []
    assert not set(PROBES) & set(second_paths)  # remembered as absent
    assert f"declared feed {server.base_url}/news-feed.xml answered 404" in third.warnings
    assert not [w for w in third.warnings if "/feed/" in w or "wp-json" in w], third.warnings
