"""The pipelined crawl: the same archive as one page at a time, politeness seen from the server's
own log, and a SIGTERM in the middle of the pipeline."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from schedules.job import CrawlOptions, concurrency_for, run_crawl
from schedules.pipeline import BatchSizer
from scraper.errors import ProfileError
from scraper.fetch import HostLimiter
from scraper.sites import SiteProfile, profile_from_text
from storage.db import open_engine, transaction
from storage.schema import ArticleRow, FetchRow, VersionRow

from .conftest import archived, fast_options, fetchable
from .processes import descendants, running
from .site import FixtureSite, Request, Response, SiteServer
from .test_job_cli import crawl_args, runs_of, spawn


@dataclass
class Arrivals:
    """The server's own log: when each request arrived (its clock), and the most in flight."""

    times: list[float] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: the first article request waits (up to a bound) for a second one to be in flight with it
    company: threading.Event = field(default_factory=threading.Event)


@contextmanager
def logged_site(site: FixtureSite, *, wait_for_company: bool = False) -> Iterator[Arrivals]:
    arrivals = Arrivals()

    def handle(request: Request) -> Response:
        with arrivals.lock:
            arrivals.times.append(time.monotonic())
            arrivals.in_flight += 1
            arrivals.peak = max(arrivals.peak, arrivals.in_flight)
            if arrivals.in_flight > 1:
                arrivals.company.set()
        try:
            if wait_for_company and "/article-" in request.path:
                arrivals.company.wait(10)  # concurrent requests meet here at once
            return site.handle(request)
        finally:
            with arrivals.lock:
                arrivals.in_flight -= 1

    server = SiteServer(handle)
    site.base_url = server.base_url
    with server.start():
        yield arrivals


def archive_content(db_url: str, base_url: str) -> dict[str, tuple[object, ...]]:
    """Per article path: status, current version, content hash, lang, title; and its fetches'
    outcomes (what a reader of the archive sees, whatever order the pages were stored in)."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            rows = session.execute(
                select(
                    ArticleRow.url,
                    ArticleRow.status,
                    ArticleRow.current_version,
                    ArticleRow.content_hash,
                    ArticleRow.lang,
                    VersionRow.title,
                ).join(
                    VersionRow,
                    (VersionRow.article_id == ArticleRow.id)
                    & (VersionRow.seq == ArticleRow.current_version),
                )
            ).all()
            fetches = session.execute(select(FetchRow.url, FetchRow.outcome)).all()
    finally:
        engine.dispose()
    state: dict[str, tuple[object, ...]] = {
        url.removeprefix(base_url): tuple(rest) for url, *rest in rows
    }
    for url, outcome in sorted(fetches, key=lambda f: (f.url, f.outcome or "")):
        key = url.removeprefix(base_url)
        state[key] = (*state.get(key, ()), outcome)
    return state


def test_pipelined_crawl_leaves_the_archive_of_the_sequential_one(
    sqlite_url: str, tmp_path: object
) -> None:
    results = []
    for name, changes in (
        ("sequential", {"extract_processes": 0}),
        ("pipelined", {"extract_processes": 2, "concurrency": 4}),
    ):
        site = FixtureSite(15, per_page=4)
        db_url = sqlite_url.replace(".db", f"-{name}.db")
        with logged_site(site) as arrivals:
            first = run_crawl(fast_options(db_url, site.base_url, **changes))
            site.change_article(3)
            site.delete_article(5)
            second = run_crawl(fast_options(db_url, site.base_url, full=True, **changes))
        assert first.exit_code == 0 and second.exit_code == 0, (first.summary(), second.summary())
        assert arrivals.times
        assert sorted(archived(db_url)) == sorted(
            fetchable(site) + [f"{site.base_url}{site.articles[5].path}"]
        )
        results.append((first.counts, second.counts, archive_content(db_url, site.base_url)))
    (seq_first, seq_second, sequential), (pipe_first, pipe_second, pipelined) = results
    assert (pipe_first, pipe_second) == (seq_first, seq_second)
    assert seq_second.changed == 1 and seq_second.gone == 1
    assert pipelined == sequential


def test_concurrency_per_host_is_what_was_asked_and_no_more(sqlite_url: str) -> None:
    site = FixtureSite(12, per_page=4)
    with logged_site(site, wait_for_company=True) as arrivals:
        report = run_crawl(fast_options(sqlite_url, site.base_url, concurrency=2))
    assert report.exit_code == 0 and report.counts.new == len(fetchable(site))
    assert arrivals.peak == 2, "two requests in flight at once, never three"


def test_a_delay_means_one_request_at_a_time_spaced_by_it(sqlite_url: str) -> None:
    site = FixtureSite(6, per_page=3, wp_json=False, feeds=False, sitemaps=False)
    delay = 0.2
    with logged_site(site) as arrivals:
        report = run_crawl(fast_options(sqlite_url, site.base_url, delay=delay, concurrency=4))
    assert report.exit_code == 0 and report.counts.new == len(fetchable(site))
    gaps = [b - a for a, b in zip(arrivals.times, arrivals.times[1:], strict=False)]
    assert len(gaps) > 10 and arrivals.peak == 1
    assert min(gaps) >= delay, f"requests {min(gaps):.3f} s apart on the server's clock"


def test_an_injected_gate_sees_every_request(sqlite_url: str) -> None:
    class CountingGate(HostLimiter):
        def __init__(self, concurrency: int) -> None:
            super().__init__(concurrency)
            self.turns: list[str] = []

        def wait_turn(self, host: str, delay: float) -> None:
            self.turns.append(host)
            super().wait_turn(host, delay)

    site = FixtureSite(6, per_page=3)
    gate = CountingGate(1)
    with logged_site(site) as arrivals:
        report = run_crawl(fast_options(sqlite_url, site.base_url), gate=gate)
    assert report.exit_code == 0
    host = "127.0.0.1"  # politeness is per host name, whatever the port
    assert gate.turns == [host] * len(arrivals.times) == [host] * report.requests


@contextmanager
def crawl_held_mid_pipeline(db_url: str, site: FixtureSite) -> Iterator[subprocess.Popen[str]]:
    """A CLI crawl of `site` (served by the caller) held at its 201st article, once what it
    fetched before is being read and stored (the first article archived); released on exit."""
    reached, release = site.gate(site.articles[200].path)
    crawl = spawn(*crawl_args(db_url, site.base_url))
    try:
        assert reached.wait(120), crawl.communicate()[1] if crawl.poll() is not None else ""
        # fetching waits at the gate; what was fetched before it is read and stored meanwhile
        for _ in range(600):
            if archived(db_url):
                break
            time.sleep(0.1)
        yield crawl
    finally:
        release.set()


def test_sigterm_in_the_middle_of_the_pipeline_keeps_what_was_read(sqlite_url: str) -> None:
    # enough pages for the extraction processes (POOL_MIN_PAGES), few listing pages; the sitemap
    # lets the next run find what the interrupted one left (its listing walk stops at the first
    # page whose cards are all known)
    site = FixtureSite(240, per_page=60, wp_json=False, feeds=False)
    with logged_site(site):
        with crawl_held_mid_pipeline(sqlite_url, site) as crawl:
            crawl.send_signal(signal.SIGTERM)
        _, err = crawl.communicate(timeout=120)
        assert crawl.returncode == 128 + signal.SIGTERM, err
        runs = runs_of(sqlite_url)
        assert runs[0]["outcome"] == "interrupted"
        stored = runs[0]["counts"]["new"]  # type: ignore[index]
        assert 0 < stored < len(fetchable(site))
        assert len(archived(sqlite_url)) == stored, "each page counted is in the archive"
        again = spawn(*crawl_args(sqlite_url, site.base_url))
        out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert sorted(archived(sqlite_url)) == fetchable(site)
    assert runs_of(sqlite_url)[0]["counts"]["new"] == len(fetchable(site)) - stored  # type: ignore[index]


def test_concurrency_comes_from_the_flag_else_the_profile_which_must_be_sane() -> None:
    def profile(value: str) -> SiteProfile:
        return profile_from_text(f'[site]\nkey = "s"\n[crawl]\nconcurrency = {value}\n', "s.toml")

    options = CrawlOptions(db_url="sqlite:///unused.db")
    assert concurrency_for(options, profile("3")) == 3
    assert concurrency_for(replace(options, concurrency=5), profile("3")) == 5
    for bad in ("0", '"many"', "true", "100"):
        with pytest.raises(ProfileError, match=r"s.toml: \[crawl\] concurrency must be"):
            concurrency_for(options, profile(bad))


def test_a_slow_batch_makes_the_next_one_smaller_and_a_fast_one_larger() -> None:
    sizer = BatchSizer(target=0.5, first=40)
    sizer.took(40, 2.0)  # four times the target: a quarter of the pages
    assert sizer.size == 10
    sizer.took(10, 0.01)  # far under it: at most doubled
    assert sizer.size == 20
    sizer.took(20, 60.0)  # a stalled disk: never below one page
    assert sizer.size == 1


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_crawl_killed_outright_leaves_no_extraction_process_behind(sqlite_url: str) -> None:
    # enough pages for the extraction processes (POOL_MIN_PAGES); the crawl is held at an
    # article while the processes read what was fetched before it, then SIGKILLed (no shutdown)
    site = FixtureSite(240, per_page=60, wp_json=False, feeds=False)
    with logged_site(site), crawl_held_mid_pipeline(sqlite_url, site) as crawl:
        left = descendants(crawl.pid)
        assert left, "the crawl started no extraction process"
        crawl.kill()  # and not reaped yet: a crawl that is a zombie is gone as well
        for _ in range(300):
            left = [pid for pid in left if running(pid)]
            if not left:
                break
            time.sleep(0.1)
    crawl.communicate(timeout=60)
    assert not left, f"processes of the killed crawl still running: {left}"
