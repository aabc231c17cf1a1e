"""`hubarchive sites add/list/remove` (the sites workers crawl, on a schedule) and `hubarchive
worker` (one worker process on a PostgreSQL archive)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import click

from schedules.cli.common import (
    WHOLE_NUMBER,
    Seconds,
    UsageError,
    archive_engine,
    db_option,
    echo_json,
    identity_options,
    json_option,
    storage_problem,
)
from schedules.cli.crawl_cmd import _check_start_urls, _setup_logging, iso_now
from schedules.job import CrawlOptions, resolve_site
from schedules.worker import (
    HEARTBEAT_SECONDS,
    LEASE_SECONDS,
    POLL_SECONDS,
    WorkerConfigError,
    WorkerOptions,
    WorkerTiming,
    run_worker,
)
from scraper.discover import crawl_profile
from scraper.errors import ProfileError
from scraper.sites import profile_hosts
from storage.db import transaction
from storage.errors import StorageError, UnknownSiteError
from storage.schedule import ScheduledSite, schedule_site, scheduled_sites, unschedule_site
from storage.selection import resolve_site as storage_site

#: The shortest schedule: a site crawled more often than every minute is a typo, not a wish.
MIN_EVERY_S = 60
#: The longest one (a year): beyond, a database timestamp would not be a useful due time.
MAX_EVERY_S = 366 * 86_400
#: Longest site key (`sites.key` is VARCHAR(100)).
MAX_KEY = 100
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400}
F = TypeVar("F", bound=Callable[..., Any])
_DURATION = re.compile(r"(\d+)\s*([smhd])")


class Every(click.ParamType):
    """A schedule interval: `90s`, `30m`, `4h`, `1d`, `1h30m`, or plain seconds."""

    name = "DURATION"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text.isdigit():
            seconds = int(text)
        elif text and _DURATION.sub("", text).strip() == "":
            seconds = sum(int(n) * _UNITS[u] for n, u in _DURATION.findall(text))
        else:
            self.fail(f"{value!r} is not a duration: write e.g. 30m, 4h, 1d or 1h30m", param, ctx)
        if not MIN_EVERY_S <= seconds <= MAX_EVERY_S:
            self.fail(f"{value!r}: a schedule runs between every minute and every year", param, ctx)
        return seconds


def _duration_text(seconds: int) -> str:
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _site_line(site: ScheduledSite, now: dt.datetime) -> str:
    if site.every_s is None:
        return f"{site.key}  (not scheduled: crawled by hubarchive crawl only)"
    due = site.due_at
    when = "due now" if due is None or due <= now else f"next {due:%Y-%m-%d %H:%M:%S} UTC"
    parts = [
        site.key,
        f"profile={site.profile_key or '?'}",
        f"every={_duration_text(site.every_s)}",
        when,
    ]
    if site.delay is not None:
        parts.append(f"delay={site.delay:g}s")
    if site.lease_owner and site.lease_expires_at and site.lease_expires_at > now:
        parts.append(f"crawled by {site.lease_owner}")
    if site.last_run_id is not None:
        parts.append(f"last run #{site.last_run_id} {site.last_outcome or '?'}")
    if site.start_urls:
        parts.append("start " + " ".join(site.start_urls))
    return "  ".join(parts)


@contextmanager
def _signals() -> Iterator[tuple[Callable[[], int | None], Callable[[float], object]]]:
    """SIGINT/SIGTERM: the worker finishes the current article, records the run as interrupted,
    releases its lease and exits 130/143; an idle wait ends at once. A second signal stops at
    once (the article rolled back)."""
    received: list[int] = []
    woken = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        if received:
            raise KeyboardInterrupt
        received.append(signum)
        woken.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield (lambda: received[0] if received else None), woken.wait
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _seconds_option(name: str, default: float, help: str) -> Callable[[F], F]:
    """A worker timing option in seconds (0.1 s to a day)."""
    return click.option(
        name, type=Seconds(min=0.1, max=86_400.0), default=default, show_default=True, help=help
    )


def register(group: click.Group) -> None:
    """Add `sites` and `worker` to the `hubarchive` group."""

    @group.group("sites")
    def sites() -> None:
        """The sites workers crawl on a schedule, kept in the archive with their profile.

        \b
        Example:
          hubarchive sites add hub --profile hub_brussels --every 4h
          hubarchive sites list
        """

    @sites.command("add")
    @click.argument("key")
    @click.option(
        "--profile",
        metavar="FILE|NAME",
        help="Site profile: a bundled key (hub_brussels, base) or a TOML file; its text is "
        "stored in the archive. Default: chosen from the start URL's host.",
    )
    @click.option(
        "--start-url",
        "start_urls",
        multiple=True,
        metavar="URL",
        callback=_check_start_urls,
        help="Listing page to start from instead of the profile's (repeatable).",
    )
    @click.option(
        "--every",
        type=Every(),
        default="4h",
        show_default=True,
        help="How often the site is crawled: 30m, 4h, 1d, 1h30m.",
    )
    @click.option(
        "--delay",
        type=Seconds(min=0.0, max=3600.0),
        help="Pause between two requests to one host, across all workers (default: 1 s).",
    )
    @db_option
    def sites_add(
        key: str,
        profile: str | None,
        start_urls: tuple[str, ...],
        every: int,
        delay: float | None,
        db_url: str,
    ) -> None:
        """Register (or update) site KEY: its profile's text and schedule go into the archive,
        and the site is due at once.

        \b
        Example:
          hubarchive sites add hub --profile hub_brussels --every 4h --db postgresql+psycopg://crawler@db/archive
          hubarchive sites add shop --profile ./shop.toml --start-url https://shop.example/news/ --every 1d
        """
        key = key.strip()
        if not key or len(key) > MAX_KEY:
            raise UsageError(f"a site key has 1 to {MAX_KEY} characters, not {key!r}")
        try:
            resolved = resolve_site(
                CrawlOptions(db_url=db_url, profile=profile, start_urls=start_urls)
            )
            starts = crawl_profile(resolved.profile, start_urls=list(start_urls) or None)
            text = Path(resolved.profile.source).read_text(encoding="utf-8")
        except ProfileError as exc:
            raise UsageError(f"{exc} (see --profile)") from exc
        except OSError as exc:
            raise UsageError(f"cannot read the profile {resolved.profile.source}: {exc}") from exc
        with archive_engine(db_url, migrate=True, create=True) as engine:
            with transaction(engine) as session:
                created = schedule_site(
                    session,
                    key,
                    profile_text=text,
                    start_urls=list(start_urls),
                    every_s=every,
                    delay=delay,
                    base_url=starts.all_start_urls()[0] if starts.all_start_urls() else None,
                )
        verb = "added" if created else "updated"
        click.echo(
            f"site {key} {verb}: profile {resolved.profile.key}, every {_duration_text(every)}, "
            "due now"
        )

    @sites.command("list")
    @db_option
    @json_option
    def sites_list(db_url: str, as_json: bool) -> None:
        """List the archive's sites with their schedule, lease and last run.

        \b
        Example:
          hubarchive sites list
          hubarchive sites list --json | jq '.[].key'
        """
        with archive_engine(db_url) as engine, transaction(engine) as session:
            found = scheduled_sites(session)
        if as_json:
            echo_json([s.to_dict() for s in found])
            return
        if not found:
            click.echo("no site in this archive yet: hubarchive sites add KEY --profile NAME")
        now = dt.datetime.now(dt.UTC)
        for site in found:
            click.echo(_site_line(site, now))

    @sites.command("remove")
    @click.argument("key")
    @db_option
    def sites_remove(key: str, db_url: str) -> None:
        """Take site KEY off the workers' schedule; what the archive holds of it stays.

        KEY as `sites list` shows it, or a URL on the site (as `--site` reads it).

        \b
        Example:
          hubarchive sites remove shop
        """
        with archive_engine(db_url, write=True) as engine, transaction(engine) as session:
            with suppress(UnknownSiteError):  # said below: no scheduled site of that name
                # the key, given as a URL on the site too
                key = storage_site(session, key, profile_hosts)[1]
            removed = unschedule_site(session, key)
        if not removed:
            raise UsageError(f"no scheduled site {key!r} (see hubarchive sites list)")
        click.echo(f"site {key} removed from the schedule (its articles stay in the archive)")

    @group.command("worker")
    @db_option
    @click.option("--once", is_flag=True, help="Crawl the sites due now, then exit (cron).")
    @click.option("--max-runs", type=WHOLE_NUMBER, help="Exit after this many runs.")
    @click.option("--worker-id", metavar="ID", help="Name in leases and logs (default host:pid).")
    @_seconds_option(
        "--lease-seconds", LEASE_SECONDS, "A dead worker's sites are taken over after this long."
    )
    @_seconds_option(
        "--heartbeat-seconds",
        HEARTBEAT_SECONDS,
        "How often a lease is renewed (shorter than the lease).",
    )
    @_seconds_option(
        "--poll-seconds", POLL_SECONDS, "Longest idle pause before looking for due sites again."
    )
    @identity_options
    @click.option("--log-json", is_flag=True, help="Logs on stderr as JSON lines.")
    @click.option("-v", "--verbose", is_flag=True, help="Log every article (INFO) on stderr.")
    def worker(
        db_url: str,
        once: bool,
        max_runs: int | None,
        worker_id: str | None,
        lease_seconds: float,
        heartbeat_seconds: float,
        poll_seconds: float,
        user_agent: str | None,
        contact: str | None,
        log_json: bool,
        verbose: bool,
    ) -> None:
        """Crawl the archive's scheduled sites, with other workers on this or other machines.

        Needs a PostgreSQL archive (one shared by every worker). Each due site is leased by one
        worker, crawled (one run), then scheduled again; requests to one host keep their delay
        across all workers; a killed worker's site is taken over once its lease expires.

        Exit codes: as `hubarchive crawl` (the most serious of its runs); 2 on SQLite or a bad
        archive; 130/143 after SIGINT/SIGTERM (the current run recorded as interrupted).

        \b
        Example:
          hubarchive worker --db postgresql+psycopg://crawler@db.example/archive
          hubarchive worker --once --db postgresql+psycopg://crawler@db.example/archive
        """
        try:
            timing = WorkerTiming(lease_seconds, heartbeat_seconds, poll_seconds)
        except ValueError as exc:
            raise UsageError(f"{exc} (see --heartbeat-seconds, --lease-seconds)") from exc
        options = WorkerOptions(
            db_url=db_url,
            once=once,
            max_runs=max_runs,
            timing=timing,
            user_agent=user_agent,
            contact=contact,
        )
        if worker_id:
            options = replace(options, worker_id=worker_id)
        handler = _setup_logging(as_json=log_json, verbose=verbose)
        try:
            with _signals() as (should_stop, wait):
                report = run_worker(options, should_stop=should_stop, wait=wait)
        except WorkerConfigError as exc:
            raise UsageError(str(exc)) from exc
        except StorageError as exc:
            raise storage_problem(exc) from exc
        finally:
            logging.getLogger("hubarchive").removeHandler(handler)
        if log_json:  # every line one JSON object, the summary too (as `crawl --log-json`)
            click.echo(
                json.dumps(
                    {
                        "time": iso_now(),
                        "level": "INFO",
                        "logger": "hubarchive.worker",
                        "message": report.summary(),
                        "exit_code": report.exit_code,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            click.echo(report.summary())
        sys.exit(report.exit_code)
