"""Running crawls against a fault server: options, the CLI as a subprocess, a served site."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from crawl.site import LISTINGS, FixtureSite

from faults.server import FaultPlan, FaultServer
from schedules.job import CrawlOptions
from scraper.fetch import RetryPolicy, Timeouts

ROOT = Path(__file__).resolve().parents[2]
#: fast retries: three attempts, short waits, Retry-After honoured up to one second
RETRY = RetryPolicy(attempts=3, initial_wait=0.01, max_wait=0.05, jitter=0.01, retry_after_cap=1.0)
#: a read timeout the server's stalls outlast
TIMEOUTS = Timeouts(connect=1.0, read=0.3)
STALL = 0.6


def start_urls(base_url: str) -> tuple[str, ...]:
    return tuple(f"{base_url}{path}" for path in LISTINGS.values())


def options(db_url: str, base_url: str, **changes: Any) -> CrawlOptions:
    """Crawl options for the served site: no politeness delay, fast retries, short timeouts."""
    return replace(
        CrawlOptions(
            db_url=db_url, start_urls=start_urls(base_url), delay=0, retry=RETRY, timeouts=TIMEOUTS
        ),
        **changes,
    )


def cli_args(db_url: str, base_url: str, *extra: str) -> list[str]:
    """`hubarchive crawl` arguments equal to `options` (for the subprocess checks)."""
    args = [
        "crawl",
        "--db",
        db_url,
        "--delay",
        "0",
        "--retries",
        "3",
        "--retry-wait",
        "0.01",
        "--max-wait",
        "1",
        "--read-timeout",
        str(TIMEOUTS.read),
    ]
    for url in start_urls(base_url):
        args += ["--start-url", url]
    return [*args, *extra]


def spawn_crawl(db_url: str, base_url: str, *extra: str) -> subprocess.Popen[str]:
    """`hubarchive crawl` as cron runs it: a real process, no terminal, output captured."""
    command = [sys.executable, "-m", "schedules.cli", *cli_args(db_url, base_url, *extra)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    """Wait for `process` (killing it past `timeout`); returns (exit code, stdout, stderr)."""
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out, err


@contextmanager
def faulty_site(
    n: int, *, per_page: int = 10, **plan: object
) -> Iterator[tuple[FixtureSite, FaultServer]]:
    """A fixture site of `n` articles (one a day) behind a fault server with `plan`'s settings."""
    site = FixtureSite(n, per_page=per_page, days_apart=1)
    settings = {"stall_seconds": STALL, "lifetime": 1800.0, **plan}
    with FaultServer(site.handle, FaultPlan(**settings)) as server:  # type: ignore[arg-type]
        site.base_url = server.base_url
        yield site, server
