"""The long versions of the reliability checks: 500 articles through 20% faults, 20 SIGKILLs on
SQLite and PostgreSQL, 10 back-to-back incremental runs with articles changing between them.

Run with `python -m pytest -m soak tests/soak -s` (excluded from the default run).
"""

from __future__ import annotations

import pytest
from faults.crawling import faulty_site, finish, options, spawn_crawl
from faults.expect import archive_state, integrity_problems, problems, unexplained_missing
from faults.scenarios import incremental_soak, kill_at_random_moments

from schedules.job import run_crawl

pytestmark = pytest.mark.soak


def test_500_articles_through_20_percent_faults_in_two_runs(db_url: str) -> None:
    with faulty_site(500, rate=0.2, seed=21, max_streak=1) as (site, server):
        first = run_crawl(options(db_url, server.base_url))
        assert first.run_id is not None
        assert unexplained_missing(db_url, site, first.run_id) == set()
        reports = [first, run_crawl(options(db_url, server.base_url))]
        for report in reports:
            assert report.exit_code == (1 if report.counts.failed else 0), report.summary()
        assert problems(site, archive_state(db_url, site)) == []
        assert integrity_problems(db_url) == []
        print(
            f"\n[soak faults] {len(server.log)} requests, {len(server.faulted())} faulty; "
            + " | ".join(r.summary() for r in reports)
        )


def test_20_sigkills_then_one_run_finishes_the_work(db_url: str) -> None:
    with faulty_site(60, rate=0.1, seed=4, max_streak=1) as (site, server):
        assert kill_at_random_moments(db_url, server, kills=20, seed=4, within=90) == []
        server.calm()
        code, _, err = finish(spawn_crawl(db_url, server.base_url), timeout=600)
        assert code == 0, err
        assert problems(site, archive_state(db_url, site)) == []
        assert integrity_problems(db_url) == []


def test_10_incremental_runs_history_equals_the_changes(db_url: str) -> None:
    with faulty_site(300, rate=0.2, seed=8, max_streak=1) as (site, server):
        result = incremental_soak(db_url, site, server, runs=10, changes_per_run=8, seed=8)
        for report in result.reports:
            assert report.exit_code == (1 if report.counts.failed else 0), report.summary()
        assert result.problems == []
        new = sum(r.counts.new for r in result.reports)
        changed = sum(r.counts.changed for r in result.reports)
        assert (new, changed) == (len(result.history), result.changes)
        print(
            f"\n[soak incremental] {len(result.reports)} runs, {result.changes} changes, "
            f"{len(server.log)} requests, {len(server.faulted())} faulty"
        )
