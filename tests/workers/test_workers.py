"""Several worker processes on one PostgreSQL archive: each site's run by one worker, the delay
per host held across all of them, no URL fetched twice in a run, a killed worker's run finished
by another (the same `runs` row)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from storage.db import open_engine, transaction
from storage.schema import ArticleRow, FetchRow, RunRow, Site, SiteSchedule
from tests.crawl.site import FixtureSite

from .sites import ROOT, TimedSite, add_site, gaps

#: politeness in the test: seconds between two requests to one host, across all workers
DELAY = 0.2
#: short lease timings, so that a killed worker's site is taken over within seconds
TIMING = ("--lease-seconds", "2", "--heartbeat-seconds", "0.5", "--poll-seconds", "0.3")
#: bound of every wait of the test (it ends long before on a working tree)
PATIENCE = 45.0


def wait_for(what: str, condition: Callable[[], Any], *, timeout: float = PATIENCE) -> Any:
    """Poll `condition` until it gives a true value (returned), failing after `timeout` s."""
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def sites() -> Iterator[list[TimedSite]]:
    """Four sites on four ports, two on host 127.0.0.1 and two on host 127.0.0.2 (so that two
    workers crawl one host at once), 5 fetchable articles each (a run lasts a few seconds at the
    test's delay)."""
    served = [
        TimedSite(FixtureSite(6, per_page=3)).start(address)
        for address in ("127.0.0.1", "127.0.0.2", "127.0.0.1", "127.0.0.2")
    ]
    try:
        yield served
    finally:
        for site in served:
            site.stop()


def start_worker(db_url: str, worker_id: str, log: Path) -> subprocess.Popen[bytes]:
    """A worker process; its database sessions carry its id as their `application_name`."""
    db_url = f"{db_url}?application_name={worker_id}"
    with log.open("wb") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "schedules.cli",
                "worker",
                "--db",
                db_url,
                "--worker-id",
                worker_id,
                *TIMING,
            ],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def query(db_url: str, statement: Any) -> list[Any]:
    engine = open_engine(db_url, migrate=False)
    try:
        with transaction(engine) as session:
            return list(session.execute(statement).all())
    finally:
        engine.dispose()


def leased_mid_run(db_url: str, *, articles_done: int) -> tuple[str, str, int] | None:
    """(site key, worker id, run id) of a site whose run has stored `articles_done` articles."""
    rows = query(
        db_url,
        select(Site.key, SiteSchedule.lease_owner, SiteSchedule.run_id, func.count(FetchRow.id))
        .join(SiteSchedule, SiteSchedule.site_id == Site.id)
        .join(FetchRow, FetchRow.run_id == SiteSchedule.run_id)
        .where(FetchRow.outcome == "new", SiteSchedule.lease_owner.is_not(None))
        .group_by(Site.key, SiteSchedule.lease_owner, SiteSchedule.run_id),
    )
    for key, owner, run_id, stored in rows:
        if stored >= articles_done:
            return key, owner, run_id
    return None


def pg_dsn(db_url: str) -> str:
    return db_url.replace("postgresql+psycopg://", "postgresql://", 1)


def blocked_on_the_host_gate(admin: psycopg.Connection[Any], worker_id: str) -> bool:
    """True when the worker waits for a host's row lock: about to send a request, with every
    answer before it recorded."""
    row = admin.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
        "AND wait_event_type = 'Lock' AND query LIKE '%%host_slots%%FOR UPDATE%%'",
        (worker_id,),
    ).fetchone()
    return bool(row and row[0])


@pytest.mark.postgres
def test_three_workers_crawl_four_sites_politely_and_take_over_a_killed_one(
    pg_url: str, sites: list[TimedSite], tmp_path: Path
) -> None:
    keys = [f"site-{n}" for n in range(len(sites))]
    for key, site in zip(keys, sites, strict=True):
        add_site(pg_url, key, site, delay=DELAY)
    workers = {f"w{n}": start_worker(pg_url, f"w{n}", tmp_path / f"w{n}.log") for n in range(3)}
    try:
        # kill a worker in the middle of a run, at a known point: while it waits for its host's
        # turn (the test holds the host's row lock), so no answer of its is left unrecorded
        key, victim, run_id = wait_for(
            "a run with 2 stored articles", lambda: leased_mid_run(pg_url, articles_done=2)
        )
        host = sites[keys.index(key)].host
        with (
            psycopg.connect(pg_dsn(pg_url)) as hold,
            psycopg.connect(pg_dsn(pg_url), autocommit=True) as admin,
        ):
            hold.execute("SELECT 1 FROM host_slots WHERE host = %s FOR UPDATE", (host,))
            wait_for(
                "the worker to wait for its host",
                lambda: blocked_on_the_host_gate(admin, victim),
            )
            workers[victim].send_signal(signal.SIGKILL)
            assert workers[victim].wait(10) == -signal.SIGKILL
            hold.rollback()

        def all_done() -> bool:
            rows = query(pg_url, select(SiteSchedule.last_run_id, SiteSchedule.run_id))
            return len(rows) == 4 and all(last and not now for last, now in rows)

        wait_for("every site crawled", all_done)
    finally:
        for process in workers.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        codes = {w: p.wait(30) for w, p in workers.items()}
    logs = {w: (tmp_path / f"{w}.log").read_text() for w in workers}
    # SIGTERM stops an idle worker cleanly: exit 143
    assert {w: c for w, c in codes.items() if w != victim} == {
        w: 128 + signal.SIGTERM for w in workers if w != victim
    }, logs

    runs = query(pg_url, select(RunRow.id, RunRow.site, RunRow.outcome, RunRow.pid))
    assert sorted((site, outcome) for _, site, outcome, _ in runs) == [(k, "ok") for k in keys]
    taken_over = next(r for r in runs if r.id == run_id)
    assert taken_over.pid != workers[victim].pid, "the killed worker's run, finished by another"
    assert any(f"taking over run {run_id}" in log for log in logs.values()), logs

    # every article archived exactly once, with one version
    archived = query(pg_url, select(ArticleRow.url, ArticleRow.current_version))
    expected = set().union(*(site.article_urls() for site in sites))
    assert {url for url, _ in archived} == expected
    assert {version for _, version in archived} == {1}
    new_rows = Counter(
        url for (url,) in query(pg_url, select(FetchRow.url).where(FetchRow.outcome == "new"))
    )
    assert set(new_rows.values()) == {1}

    for key, site in zip(keys, sites, strict=True):
        # one run per site: a path the server saw twice was fetched twice in a run
        repeated = [path for path, n in Counter(site.paths()).items() if n > 1]
        assert repeated == [], f"{key} fetched twice: {repeated}"
    for host in ("127.0.0.1", "127.0.0.2"):
        # the per-host delay held across every worker, by the servers' own clock: both sites of
        # a host, crawled by two workers at once, count together
        arrivals = [t for site in sites if site.host == host for t in site.times()]
        assert min(gaps(arrivals)) >= DELAY, f"{host}: requests {min(gaps(arrivals)):.3f} s apart"
