"""`hubarchive crawl` killed at random moments: the archive stays whole and the next run finishes.

SIGKILL lands after a seeded-random number of requests plus a few random milliseconds (so inside
fetches, extraction and archive writes alike), on SQLite and PostgreSQL; a few kills here, 20 in
`tests/soak`. SIGTERM and SIGINT stop the run cleanly: recorded as interrupted, lock released.
"""

from __future__ import annotations

import signal

import pytest
from faults.crawling import finish, spawn_crawl
from faults.expect import archive_state, integrity_problems, problems, runs
from faults.scenarios import kill_at_random_moments

from schedules.lock import crawl_lock
from storage.db import open_engine

ARTICLES = 20


@pytest.mark.parametrize("seed", [5])
def test_sigkill_at_random_moments_leaves_a_whole_archive_and_the_next_run_finishes(
    serve_faulty, db_url: str, seed: int
) -> None:
    site, server = serve_faulty(ARTICLES, rate=0.1, seed=seed, max_streak=1)
    assert (
        kill_at_random_moments(db_url, server, kills=3, seed=seed, within=3 * ARTICLES // 2) == []
    )
    server.calm()  # the site recovers: the next run alone must finish the work
    code, _, err = finish(spawn_crawl(db_url, server.base_url))
    assert code == 0, err
    assert problems(site, archive_state(db_url, site)) == []
    assert integrity_problems(db_url) == []
    outcomes = [r.outcome for r in runs(db_url)]
    assert outcomes[-1] == "ok" and "running" not in outcomes, outcomes


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_sigint_stop_cleanly(serve_faulty, db_url: str, signum: int) -> None:
    site, server = serve_faulty(ARTICLES, rate=0.0)
    reached, release = server.hold(site.articles[5].path)
    crawl = spawn_crawl(db_url, server.base_url)
    try:
        assert reached.wait(60), "the crawl never reached the held article"
        crawl.send_signal(signum)
    finally:
        release.set()
    code, _, err = finish(crawl)
    assert code == 128 + signum, err
    last = runs(db_url)[-1]
    assert (last.outcome, last.exit_code) == ("interrupted", 128 + signum)
    stored = archive_state(db_url, site)
    assert 0 < len(stored) < ARTICLES - 1 and integrity_problems(db_url) == []
    assert f"{server.base_url}{site.articles[5].path}" in stored, "the current article finished"
    engine = open_engine(db_url)
    try:
        with crawl_lock(engine):
            pass  # the lock was released: no LockedError
    finally:
        engine.dispose()
