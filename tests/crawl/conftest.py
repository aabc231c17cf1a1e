"""Fixtures of the crawl tests: a fixture site served on 127.0.0.1 and a crawl runner into SQLite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from schedules.job import CrawlOptions, RunReport, run_crawl
from scraper.fetch import RetryPolicy
from storage.archive import KnownArticle, known_articles
from storage.db import open_engine, transaction

from .site import DISALLOWED_PREFIX, LISTINGS, FixtureSite, SiteServer, serve_site

#: retries fast enough for tests: three attempts, waits of hundredths of a second
FAST_RETRY = RetryPolicy(
    attempts=3, initial_wait=0.01, max_wait=0.05, jitter=0.01, retry_after_cap=2.0
)


def start_urls(base_url: str) -> tuple[str, ...]:
    return tuple(f"{base_url}{path}" for path in LISTINGS.values())


def fast_options(db_url: str, base_url: str, **changes: Any) -> CrawlOptions:
    options = CrawlOptions(
        db_url=db_url, start_urls=start_urls(base_url), delay=0, retry=FAST_RETRY
    )
    return replace(options, **changes)


def archived(db_url: str) -> dict[str, KnownArticle]:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return known_articles(session)
    finally:
        engine.dispose()


def fetchable(site: FixtureSite) -> list[str]:
    """URLs of the live articles a polite crawler may fetch (robots.txt aside)."""
    return sorted(
        f"{site.base_url}{a.path}" for a in site.live() if not a.path.startswith(DISALLOWED_PREFIX)
    )


@pytest.fixture
def site() -> FixtureSite:
    """Twelve articles, four per language, three per listing page (so every listing paginates)."""
    return FixtureSite(12, per_page=3)


@pytest.fixture
def served(site: FixtureSite) -> Iterator[SiteServer]:
    with serve_site(site) as server:
        yield server


@pytest.fixture
def crawl(served: SiteServer, sqlite_url: str) -> Callable[..., RunReport]:
    """Run one crawl of the served site into the test's SQLite archive (options may be changed)."""

    def run(**changes: Any) -> RunReport:
        return run_crawl(fast_options(sqlite_url, served.base_url, **changes))

    return run
