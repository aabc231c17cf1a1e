"""Crawls started together on one archive (a fresh one, so schema creation races too): one runs,
the others exit 75 at once, while the one that runs is still held mid-crawl by the server."""

from __future__ import annotations

import pytest
from faults.crawling import finish, spawn_crawl
from faults.expect import archive_state, problems, runs
from faults.server import wait_for


@pytest.mark.parametrize("crawls", [5])
def test_crawls_started_together_one_runs_the_others_exit_75(
    serve_faulty, db_url: str, crawls: int
) -> None:
    site, server = serve_faulty(9, rate=0.0)
    reached, release = server.hold("/robots.txt")  # the first request of the lock's holder
    # a read timeout longer than the hold, so the holder waits instead of failing
    started = [
        spawn_crawl(db_url, server.base_url, "--read-timeout", "60", "--timeout", "120")
        for _ in range(crawls)
    ]
    try:
        assert reached.wait(120), [finish(p, 1) for p in started]
        # every other crawl ends while the holder cannot move: "at once", without timing
        wait_for(lambda: sum(p.poll() is not None for p in started) >= crawls - 1, timeout=120)
        held = [p for p in started if p.poll() is None]
        losers = [finish(p) for p in started if p not in held]
    finally:
        release.set()
    assert len(held) == 1, losers
    assert [code for code, _, _ in losers] == [75] * (crawls - 1), [
        err[-3000:] for code, _, err in losers if code != 75
    ]
    for _, _, err in losers:
        assert len(err.strip().splitlines()) == 1 and "another crawl" in err, err
    code, _, err = finish(held[0])
    assert code == 0, err
    assert [(r.outcome, r.exit_code) for r in runs(db_url)] == [("ok", 0)]
    assert problems(site, archive_state(db_url, site)) == []
