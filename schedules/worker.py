"""A worker: one of several processes, on one machine or many, that crawl the sites registered in
one PostgreSQL archive (`hubarchive sites add`), each run of a site by one worker at a time.

The loop: lease a due site (`storage.schedule`, `FOR UPDATE SKIP LOCKED`), renew the lease from a
heartbeat thread while its crawl runs (`run_crawl`, one `runs` row), release it with the next due
time. Requests to one host wait for each other across every worker (`storage.hostgate`). A worker
killed outright stops heartbeating: once its lease expires, another worker takes the site over
and continues the same run, fetching nothing that run fetched already (`schedules.resume`).

`run_worker` never prints or exits; it returns a `WorkerReport` whose `exit_code` the CLI passes on.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from schedules.exits import EXIT_LOCKED, EXIT_OK, EXIT_SOFTWARE, EXIT_USAGE, SIGNAL_BASE
from schedules.job import CrawlOptions, RunReport, run_crawl
from scraper.errors import ProfileError
from storage.archive import finish_run, start_run
from storage.db import open_engine, parse_archive_url, require_archive, transaction
from storage.errors import LockedError
from storage.hostgate import PgHostGate
from storage.schedule import (
    Lease,
    database_now,
    lease_due_site,
    note_run,
    release_lease,
    renew_lease,
    seconds_until_due,
)

log = logging.getLogger("hubarchive.worker")

#: How long a lease lasts without renewal: a worker that stops heartbeating (killed, frozen, cut
#: off from the database) loses its site after this long, and another worker continues the run.
#: Long enough to outlast a slow commit or a pause of the machine, short enough that a dead
#: worker's site waits minutes, not hours.
LEASE_SECONDS = 120.0
#: How often the heartbeat renews a lease: a quarter of its length, so that three renewals in a
#: row may fail (a database restart) before the lease is lost.
HEARTBEAT_SECONDS = 30.0
#: The longest an idle worker sleeps before it looks for due sites again (it wakes earlier when
#: the schedule says a site falls due sooner): sites added meanwhile wait at most this long.
POLL_SECONDS = 30.0
#: After another crawl of a site was found holding its lock, the site is tried again this much
#: later (the holder is alive: a frozen worker whose lease expired, or `hubarchive crawl`).
LOCKED_RETRY_SECONDS = LEASE_SECONDS


class WorkerConfigError(Exception):
    """Raised by `run_worker` when the archive cannot host workers (SQLite, not an archive)."""


@dataclass(frozen=True)
class WorkerTiming:
    """Lease length, heartbeat interval and idle poll (seconds); tests shorten them."""

    lease_s: float = LEASE_SECONDS
    heartbeat_s: float = HEARTBEAT_SECONDS
    poll_s: float = POLL_SECONDS

    def __post_init__(self) -> None:
        if not 0 < self.heartbeat_s < self.lease_s:
            raise ValueError("the heartbeat interval must be shorter than the lease")


@dataclass(frozen=True)
class WorkerOptions:
    """What one worker process does."""

    db_url: str
    #: names the worker in leases and logs; default `host:pid`
    worker_id: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    #: crawl the sites due now, then exit (cron); otherwise wait for the next due site
    once: bool = False
    #: stop after this many runs; None: no bound
    max_runs: int | None = None
    timing: WorkerTiming = field(default_factory=WorkerTiming)
    #: the User-Agent and contact of every crawl (as `CrawlOptions`; None: the profile's)
    user_agent: str | None = None
    contact: str | None = None


@dataclass
class WorkerReport:
    """What a worker did: its runs (site key, report) and the exit code for the shell."""

    runs: list[tuple[str, RunReport]] = field(default_factory=list)
    #: the signal that stopped it, if any
    signum: int | None = None
    codes: list[int] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """128 + signal when stopped by one; else the most serious exit code of its runs
        (numerically the largest of 0, 1, 2, 3, 69, 70; a site another crawl held is no
        failure of the worker); 0 without runs."""
        if self.signum:
            return SIGNAL_BASE + self.signum
        return max((c for c in self.codes if c != EXIT_LOCKED), default=EXIT_OK)

    def summary(self) -> str:
        return f"worker: {len(self.runs)} runs" + "".join(
            f"; {site}: {report.outcome} (run {report.run_id})" for site, report in self.runs
        )


class _Heartbeat:
    """Renews one lease every `heartbeat_s` seconds from a thread, until stopped; `lost` once a
    renewal finds the lease gone, or none succeeded for a whole lease length."""

    def __init__(self, engine: Engine, lease: Lease, owner: str, timing: WorkerTiming) -> None:
        self.engine, self.lease, self.owner, self.timing = engine, lease, owner, timing
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="lease-heartbeat", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        renewed = time.monotonic()
        while not self._stop.wait(self.timing.heartbeat_s):
            try:
                with transaction(self.engine) as session:
                    held = renew_lease(
                        session, self.lease.site_id, self.owner, lease_s=self.timing.lease_s
                    )
            except DBAPIError as exc:  # the database away for a moment: try again next beat
                log.warning("lease of site %s not renewed: %s", self.lease.key, exc.orig)
                held = time.monotonic() - renewed < self.timing.lease_s
            else:
                renewed = time.monotonic() if held else renewed
            if not held:
                log.warning("lease of site %s lost: its run stops here", self.lease.key)
                self.lost.set()
                return


def run_worker(
    options: WorkerOptions,
    *,
    should_stop: Callable[[], int | None] = lambda: None,
    wait: Callable[[float], object] = time.sleep,
) -> WorkerReport:
    """Crawl due sites until `should_stop` names a signal, `options.once` finds none due, or
    `options.max_runs` runs are done. `wait(seconds)` idles (the CLI's returns early on a signal).

    Raises `WorkerConfigError` for a SQLite archive; storage errors (`NotAnArchiveError`,
    `SchemaVersionError`, `ArchiveUnavailableError`) for an archive workers cannot use.
    """
    if parse_archive_url(options.db_url).get_backend_name() != "postgresql":
        raise WorkerConfigError(
            "workers need a PostgreSQL archive (--db postgresql+psycopg://user@host/db); "
            "on SQLite, schedule `hubarchive crawl` instead"
        )
    engine = open_engine(options.db_url, migrate=False, create=False)
    try:
        require_archive(engine)
        return _Worker(engine, options, should_stop, wait).loop()
    finally:
        engine.dispose()


class _Worker:
    def __init__(
        self,
        engine: Engine,
        options: WorkerOptions,
        should_stop: Callable[[], int | None],
        wait: Callable[[float], object],
    ) -> None:
        self.engine, self.options, self.should_stop, self.wait = engine, options, should_stop, wait
        self.owner = options.worker_id
        self.gate = PgHostGate(engine)
        self.report = WorkerReport()

    def loop(self) -> WorkerReport:
        timing = self.options.timing
        while True:
            signum = self.should_stop()
            if signum:
                self.report.signum = signum
                return self.report
            if self.options.max_runs is not None and len(self.report.runs) >= self.options.max_runs:
                return self.report
            with transaction(self.engine) as session:
                lease = lease_due_site(session, self.owner, lease_s=timing.lease_s)
                idle = None if lease else seconds_until_due(session)
            if lease is not None:
                self._crawl(lease)
                continue
            if self.options.once:
                return self.report
            pause = timing.poll_s if idle is None else min(timing.poll_s, max(idle, 0.0))
            # a due site whose lease is still held shows as "due now": poll, do not spin
            self.wait(max(pause, min(timing.heartbeat_s, timing.poll_s) / 4))

    def _crawl(self, lease: Lease) -> None:
        due_in: float | None = None  # None: the schedule's interval
        run_id = lease.run_id
        with _Heartbeat(self.engine, lease, self.owner, self.options.timing) as heartbeat:
            try:
                if run_id is None:
                    run_id = self._start_run(lease)
                else:
                    log.warning(
                        "site %s: taking over run %d from worker %s (its lease expired)",
                        lease.key,
                        run_id,
                        lease.previous_owner,
                    )
                report = self._run(lease, run_id, heartbeat)
            except LockedError as exc:
                log.warning("site %s skipped: %s", lease.key, exc)
                if lease.run_id is None and run_id is not None:
                    self._close(run_id, "interrupted", EXIT_LOCKED, str(exc))
                    run_id = None
                self.report.codes.append(EXIT_LOCKED)
                due_in = LOCKED_RETRY_SECONDS
                with transaction(self.engine) as session:
                    release_lease(
                        session,
                        lease.site_id,
                        self.owner,
                        run_id=None,
                        due_in_s=due_in,
                        run_over=lease.run_id is None,  # a run taken over stays to continue
                    )
                return
            except ProfileError as exc:
                log.error("site %s: its stored profile does not load: %s", lease.key, exc)
                if run_id is not None:
                    self._close(run_id, "config-error", EXIT_USAGE, str(exc))
                self.report.codes.append(EXIT_USAGE)
            except Exception as exc:  # recorded in the run row by the crawl; the next site goes on
                log.error("site %s: the run could not complete: %s", lease.key, exc)
                self.report.codes.append(EXIT_SOFTWARE)
            else:
                self.report.runs.append((lease.key, report))
                # a run that went well is news only with -v; anything else is a warning
                level = logging.INFO if report.exit_code == EXIT_OK else logging.WARNING
                log.log(level, "site %s: %s", lease.key, report.summary())
                if heartbeat.lost.is_set():
                    # stopped because the site is another worker's now (or removed): not a
                    # signal to this process, and the release below is theirs to do
                    log.warning("site %s: run %s stopped, the lease was lost", lease.key, run_id)
                else:
                    self.report.codes.append(report.exit_code)
                if report.outcome == "interrupted":
                    due_in = 0.0  # not done: due again at once (a new run)
        with transaction(self.engine) as session:
            release_lease(session, lease.site_id, self.owner, run_id=run_id, due_in_s=due_in)

    def _start_run(self, lease: Lease) -> int:
        """The run row of a new crawl of the site, noted in its schedule (for a successor)."""
        with transaction(self.engine) as session:
            run_id = start_run(
                session,
                started_at=database_now(session),
                args={
                    "site": lease.key,
                    "profile": "stored",
                    "start_urls": list(lease.start_urls),
                    "delay": lease.delay,
                    "worker": self.owner,
                },
                pid=os.getpid(),
                host=socket.gethostname(),
                site=lease.key,
            )
            note_run(session, lease.site_id, self.owner, run_id)
        return run_id

    def _run(self, lease: Lease, run_id: int, heartbeat: _Heartbeat) -> RunReport:
        options = CrawlOptions(
            db_url=self.options.db_url,
            site_key=lease.key,
            profile_text=lease.profile_text,
            start_urls=lease.start_urls,
            continue_run=run_id,
            user_agent=self.options.user_agent,
            contact=self.options.contact,
        )
        if lease.delay is not None:
            options = replace(options, delay=lease.delay)
        if lease.profile_text is None:
            raise ProfileError(f"site {lease.key} has no stored profile: run hubarchive sites add")

        def stop() -> int | None:
            if heartbeat.lost.is_set():
                return signal.SIGTERM  # another worker holds the site now: stop as if asked
            return self.should_stop()

        return run_crawl(options, should_stop=stop, gate=self.gate)

    def _close(self, run_id: int, outcome: str, code: int, message: str) -> None:
        with transaction(self.engine) as session:
            finish_run(
                session,
                run_id,
                outcome=outcome,
                finished_at=database_now(session),
                exit_code=code,
                message=message,
            )
