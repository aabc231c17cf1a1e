"""Crawling through a site that fails 20% of its requests: two runs archive everything exactly once.

The site has 120 articles here (the 500-article version is `bench/faults.py` and the `soak`
marker). Faults are drawn per request from a seeded RNG; `max_streak=1` means a page that faulted
answers its next request, so a page failed by one run is fetched by the next.
"""

from __future__ import annotations

from collections import Counter

import pytest
from faults.crawling import options
from faults.expect import (
    archive_state,
    expected_urls,
    failed_fetches,
    integrity_problems,
    problems,
    unexplained_missing,
)
from faults.server import RANDOM_FAULTS, Fault, FaultServer

from schedules.job import RunReport, run_crawl

ARTICLES = 120
#: faults after which the page's content cannot have been read on that request
UNREADABLE = frozenset(RANDOM_FAULTS) - {Fault.CHARSET}


def _last_fault_per_url(server: FaultServer, first: int, urls: set[str]) -> dict[str, Fault]:
    last: dict[str, Fault] = {}
    for served in server.log[first:]:
        url = server.base_url + served.path.split("?", 1)[0]
        if url in urls:
            last[url] = served.fault
    return last


def _check_exit(report: RunReport) -> None:
    want = (1, "failures") if report.counts.failed else (0, "ok")
    assert (report.exit_code, report.outcome) == want, report.summary()


@pytest.mark.parametrize("seed", [11])
def test_two_runs_through_20_percent_faults_archive_every_article_once(
    serve_faulty, db_url: str, seed: int
) -> None:
    site, server = serve_faulty(ARTICLES, rate=0.2, seed=seed, max_streak=1)
    urls = set(expected_urls(site))
    for article, kind in zip(site.articles[10:], RANDOM_FAULTS, strict=False):
        server.force(article.path, kind)  # every kind at least once, whatever the draws

    first = run_crawl(options(db_url, server.base_url))
    _check_exit(first)
    unreadable = {
        url for url, fault in _last_fault_per_url(server, 0, urls).items() if fault in UNREADABLE
    }
    assert first.run_id is not None
    logged = failed_fetches(db_url, first.run_id)
    # every article the first run could not read is in its fetch log, and nothing else is
    assert unexplained_missing(db_url, site, first.run_id) == set()
    assert unreadable <= logged, sorted(unreadable - logged)
    assert logged & urls <= unreadable, sorted((logged & urls) - unreadable)
    assert first.counts.failed >= len(logged & urls)

    mark = len(server.log)
    second = run_crawl(options(db_url, server.base_url))
    _check_exit(second)

    assert problems(site, archive_state(db_url, site)) == []
    assert integrity_problems(db_url) == []
    kinds = Counter(s.fault for s in server.log)
    assert set(RANDOM_FAULTS) <= set(kinds), (
        f"faults never drawn: {set(RANDOM_FAULTS) - set(kinds)}"
    )
    drawn = [s for s in server.log if "hubloop=" not in s.path]  # loop hops are one fault
    rate = sum(s.fault is not Fault.NONE for s in drawn) / len(drawn)
    print(
        f"\n[faults seed={seed}] requests={len(server.log)} (second run {len(server.log) - mark}) "
        f"faulty={rate:.0%} run1: {first.summary()}\nrun2: {second.summary()}\n"
        f"faults: { {k.value: n for k, n in kinds.items()} }"
    )
