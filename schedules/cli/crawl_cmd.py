"""`hubarchive crawl`: the scheduled job (its monitoring view, `hubarchive runs`, is in runs_cmd)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import FrameType
from typing import NoReturn
from urllib.parse import urlsplit

import click

from schedules.cli.common import (
    DAYS,
    WHOLE_NUMBER,
    Seconds,
    UsageError,
    db_option,
    describe_failure,
    echo_json,
    identity_options,
    is_terminal,
    json_option,
)
from schedules.cli.notify_opts import notify_after_run, notify_options
from schedules.exits import EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_SOFTWARE, EXIT_USAGE
from schedules.job import (
    MAX_CONCURRENCY,
    RUN_RECORDED,
    CrawlOptions,
    RunReport,
    resolve_site,
    run_crawl,
)
from scraper.discover import RecheckPolicy, crawl_profile
from scraper.errors import ProfileError
from scraper.fetch import RetryPolicy, Timeouts
from scraper.sites import DEFAULT_PROFILE
from scraper.urls import canonical_url
from storage.errors import ArchiveBusyError, ArchiveUnreachableError, LockedError, StorageError

#: Upper bound of any duration flag (a day): `inf` or 1e308 is a typo, not a wish.
MAX_SECONDS = 86_400.0
#: Upper bound of `--max-runtime` (a week).
MAX_RUNTIME = 7 * 86_400.0


def iso_now() -> str:
    """The current time, ISO 8601 with its zone (UTC), as every JSON line carries it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        when = dt.datetime.fromtimestamp(record.created, dt.UTC)
        return json.dumps(
            {
                "time": when.isoformat(timespec="milliseconds"),
                "level": record.levelname,
                "logger": record.name,
                "message": record.getMessage(),
            },
            ensure_ascii=False,
        )


def _setup_logging(*, as_json: bool, verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        _JsonFormatter() if as_json else logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    )
    logger = logging.getLogger("hubarchive")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    return handler


@contextmanager
def _stop_on_signals() -> Iterator[Callable[[], int | None]]:
    """SIGINT/SIGTERM ask the job to stop after the current article (a second one is immediate)."""
    received: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if received:
            raise KeyboardInterrupt
        received.append(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: received[0] if received else None
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("discovering", total=None)

        def update(phase: str, done: int, total: int) -> None:
            bar.update(task, description=phase, completed=done, total=total or None)

        yield update


def _recheck(options: CrawlOptions, recent: int | None, older: int | None) -> RecheckPolicy | None:
    """The profile's re-check schedule with the command line's overrides (None: no override)."""
    if recent is None and older is None:
        return None
    try:
        base = crawl_profile(resolve_site(options).profile).recheck
    except ProfileError:
        base = RecheckPolicy()  # the crawl itself reports the profile error
    return RecheckPolicy(
        recent_days=base.recent_days if recent is None else recent,
        older_every_days=base.older_every_days if older is None else older,
    )


def _usage_error(message: str, *, as_json: bool = False) -> click.ClickException:
    """A configuration error (exit 2): click's "Error: …" line, or with --log-json a JSON line
    like every other line of the run (cron's log stays one JSON object a line)."""
    if as_json:
        _fail(f"hubarchive crawl: {message}", EXIT_USAGE, as_json=True)
    return UsageError(message)


def register(group: click.Group) -> None:
    """Add `crawl` and `runs` to the `hubarchive` group."""

    @group.command("crawl")
    @db_option
    @click.option(
        "--profile",
        default=None,
        help=f"Site profile: a bundled key or a path to a TOML file [default: {DEFAULT_PROFILE}, "
        "or with --start-url the bundled profile of its host, else a site keyed by its origin].",
    )
    @click.option(
        "--start-url",
        "start_urls",
        multiple=True,
        metavar="URL",
        callback=_check_start_urls,
        help="Listing page to start from instead of the profile's (repeatable); their "
        "hosts become the allowed hosts.",
    )
    @identity_options
    @click.option("--full", is_flag=True, help="Walk every listing page and fetch every article.")
    @click.option(
        "--max-pages",
        type=WHOLE_NUMBER,
        metavar="N",
        help="Fetch at most N pages in this run (listings, sitemaps, feeds, articles).",
    )
    @click.option("--dry-run", is_flag=True, help="Discover only; print what would be fetched.")
    @click.option(
        "--delay",
        type=Seconds(min=0, max=MAX_SECONDS),
        default=1.0,
        show_default=True,
        metavar="SECONDS",
        help="Pause between two requests to one host (robots.txt Crawl-delay may lengthen it).",
    )
    @click.option(
        "--concurrency",
        type=click.IntRange(min=1, max=MAX_CONCURRENCY),
        metavar="N",
        help="Requests to one host in flight at once, only with --delay 0 and no robots.txt "
        "Crawl-delay (profile: [crawl] concurrency, default 1).",
    )
    @click.option(
        "--retries",
        type=click.IntRange(min=1, max=10),
        default=4,
        show_default=True,
        help="Attempts per page on timeouts, resets, 5xx and 429.",
    )
    @click.option(
        "--retry-wait",
        type=Seconds(min=0, max=MAX_SECONDS),
        default=1.0,
        show_default=True,
        metavar="SECONDS",
        help="First backoff wait (doubles per attempt, with jitter).",
    )
    @click.option(
        "--max-wait",
        type=Seconds(min=0, max=MAX_SECONDS),
        default=120.0,
        show_default=True,
        metavar="SECONDS",
        help="Longest single wait, Retry-After included.",
    )
    @click.option(
        "--timeout",
        type=Seconds(min=0.1, max=MAX_SECONDS),
        default=Timeouts.total,
        show_default=True,
        metavar="SECONDS",
        help="Whole-response deadline: headers and body of one request (a trickling server is "
        "abandoned, and tried again next run).",
    )
    @click.option(
        "--read-timeout",
        type=Seconds(min=0.1, max=MAX_SECONDS),
        default=Timeouts.read,
        show_default=True,
        metavar="SECONDS",
        help="Longest wait for the next bytes of an answer (connect timeout: a quarter of it, "
        "≥1 s).",
    )
    @click.option(
        "--max-runtime",
        type=Seconds(min=1, max=MAX_RUNTIME),
        metavar="SECONDS",
        help="Stop the run after SECONDS (exit 70, recorded as interrupted; the rest is "
        "fetched by the next run).",
    )
    @click.option(
        "--recent-days",
        type=DAYS,
        metavar="DAYS",
        help="Re-check articles published within DAYS on every run (profile: 30).",
    )
    @click.option(
        "--older-every-days",
        type=DAYS,
        metavar="DAYS",
        help="Re-check older articles once their last check is DAYS old (profile: 7).",
    )
    @json_option
    @click.option("--log-json", is_flag=True, help="Logs on stderr as JSON lines.")
    @click.option("-v", "--verbose", is_flag=True, help="Log every article (INFO) on stderr.")
    @notify_options
    def crawl(
        db_url: str,
        profile: str,
        start_urls: tuple[str, ...],
        full: bool,
        max_pages: int | None,
        dry_run: bool,
        delay: float,
        concurrency: int | None,
        retries: int,
        retry_wait: float,
        max_wait: float,
        timeout: float,
        read_timeout: float,
        max_runtime: float | None,
        recent_days: int | None,
        older_every_days: int | None,
        as_json: bool,
        log_json: bool,
        verbose: bool,
        user_agent: str | None,
        contact: str | None,
        notify: tuple[str, ...],
        view_url: str,
    ) -> None:
        """Crawl the site once: discover, fetch what is new or changed, archive it, record the run.

        --notify URL (repeatable; env HUBARCHIVE_NOTIFY; the profile's [crawl] notify list) sends
        one message per run that found changes, e.g. json://host:8000/hook, mailto://…, slack://….

        Exit codes: 0 ok; 1 finished but some pages failed; 2 usage or configuration error
        (a start URL answering 404/410 or disallowed by robots.txt included); 3 a listing page
        held no article (profile wrong? site changed?); 69 site unreachable or down (no request served); 70 the run could not
        complete (unexpected error, disk full, database locked); 75 another crawl of the site
        holds its lock; 130/143 interrupted by SIGINT/SIGTERM (the run is recorded).

        \b
        Example:
          hubarchive crawl --db sqlite:///hub.db            # the scheduled job
          hubarchive crawl --start-url http://127.0.0.1:8000/fr/news/ --delay 0 --dry-run
        """
        options = CrawlOptions(
            db_url=db_url,
            profile=profile,
            start_urls=start_urls,
            full=full,
            max_pages=max_pages,
            dry_run=dry_run,
            delay=delay,
            concurrency=concurrency,
            timeouts=Timeouts(
                connect=max(1.0, read_timeout / 4), read=min(read_timeout, timeout), total=timeout
            ),
            max_runtime=max_runtime,
            retry=RetryPolicy(
                attempts=retries,
                initial_wait=retry_wait,
                max_wait=max(max_wait, retry_wait),
                jitter=min(1.0, retry_wait),
                retry_after_cap=max_wait,
            ),
            user_agent=user_agent,
            contact=contact,
        )
        options = replace(options, recheck=_recheck(options, recent_days, older_every_days))
        handler = _setup_logging(as_json=log_json, verbose=verbose)
        try:
            with (
                _stop_on_signals() as should_stop,
                _progress_bar(is_terminal() and not log_json) as progress,
            ):
                report = run_crawl(options, should_stop=should_stop, progress=progress)
        except KeyboardInterrupt:  # before the job recorded a run (opening the archive, its lock)
            _fail("hubarchive crawl: interrupted (Ctrl-C)", EXIT_INTERRUPTED, as_json=log_json)
        except LockedError as exc:
            _fail(f"hubarchive crawl: {exc}", EXIT_LOCKED, as_json=log_json)
        except (ArchiveBusyError, ArchiveUnreachableError) as exc:
            _fail(f"hubarchive crawl: {exc}", EXIT_SOFTWARE, as_json=log_json)
        except ProfileError as exc:
            raise _usage_error(f"{exc} (see --profile)", as_json=log_json) from exc
        except StorageError as exc:
            raise _usage_error(f"{exc} (see --db)", as_json=log_json) from exc
        except Exception as exc:  # the job recorded it in the run row; a person gets one line
            recorded = RUN_RECORDED in getattr(exc, "__notes__", ())
            line = describe_failure(exc, recorded=recorded)
            _fail(f"hubarchive crawl: {line}", EXIT_SOFTWARE, as_json=log_json)
        else:
            if not dry_run:  # the run is recorded: a failed notification is only a warning
                report.warnings += notify_after_run(
                    report.run_id, db_url, notify, resolve_site(options).profile, view_url
                )
        finally:
            logging.getLogger("hubarchive").removeHandler(handler)
        _print_report(report, as_json=as_json, log_json=log_json)
        sys.exit(report.exit_code)


def _print_report(report: RunReport, *, as_json: bool, log_json: bool = False) -> None:
    if as_json and log_json:  # every line one JSON object: the report too, on one line
        click.echo(
            json.dumps({"time": iso_now(), **report.to_dict()}, ensure_ascii=False, default=str)
        )
        return
    if as_json:
        echo_json(report.to_dict())
        return
    if log_json:  # every line JSON: the planned fetches and the summary too
        for item in report.planned:
            click.echo(
                json.dumps({"time": iso_now(), "would_fetch": item.url, "reason": item.reason})
            )
        click.echo(
            json.dumps(
                {
                    "time": iso_now(),
                    "level": "INFO",
                    "logger": "hubarchive.crawl",
                    "message": report.summary(),
                    "exit_code": report.exit_code,
                },
                ensure_ascii=False,
            )
        )
        return
    for item in report.planned:
        click.echo(f"would fetch ({item.reason}): {item.url}")
    click.echo(report.summary())
    if report.message and report.outcome == "unreachable":
        # why no request was answered, where cron mail and a person look first (the other
        # verdicts are logged as warnings on stderr already)
        click.echo(report.message, err=True)


def _fail(message: str, code: int, *, as_json: bool) -> NoReturn:
    """One line on stderr (a JSON line with --log-json), then exit with `code`."""
    if as_json:
        message = json.dumps(
            {
                "time": iso_now(),
                "level": "ERROR",
                "logger": "hubarchive",
                "message": message,
                "exit_code": code,
            },
            ensure_ascii=False,
        )
    click.echo(message, err=True)
    sys.exit(code)


def _check_start_urls(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """--start-url takes http(s) URLs with a host that a browser would open, nothing else (a
    usage error naming the flag; `http://[bad` made urlsplit raise, which crashed the run)."""
    for value in values:
        try:
            parts = urlsplit(value.strip())
            usable = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        except ValueError:
            usable = False
        if not usable or canonical_url(value.strip()) is None:
            raise click.BadParameter(
                f"{value!r} is not an http(s) URL with a host (e.g. https://example.org/news/)",
                ctx=ctx,
                param=param,
            )
    return tuple(v.strip() for v in values)
