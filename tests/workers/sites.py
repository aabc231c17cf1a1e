"""Fixture sites for the worker tests: each served on its own 127.0.0.1 port, each keeping the
arrival time (the test process's monotonic clock) and path of every request it receives."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from schedules.cli import main
from tests.crawl.conftest import start_urls
from tests.crawl.site import DISALLOWED_PREFIX, FixtureSite, Request, Response, SiteServer

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class TimedSite:
    """A fixture site and the requests it received: (arrival time, path with query)."""

    site: FixtureSite
    arrivals: list[tuple[float, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    server: SiteServer | None = None

    def handle(self, request: Request) -> Response:
        with self._lock:
            self.arrivals.append((time.monotonic(), request.path))
        return self.site.handle(request)

    def start(self, address: str = "127.0.0.1") -> TimedSite:
        self.server = SiteServer(self.handle, address=address)
        self.site.base_url = self.server.base_url
        self.server.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    @property
    def base_url(self) -> str:
        return self.site.base_url

    def paths(self) -> list[str]:
        with self._lock:
            return [path for _, path in self.arrivals]

    def times(self) -> list[float]:
        with self._lock:
            return [t for t, _ in self.arrivals]

    @property
    def host(self) -> str:
        return self.base_url.removeprefix("http://").rsplit(":", 1)[0]

    def article_urls(self) -> set[str]:
        """The live articles a polite crawler archives (robots.txt disallows one)."""
        return {
            f"{self.base_url}{a.path}"
            for a in self.site.live()
            if not a.path.startswith(DISALLOWED_PREFIX)
        }


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m schedules.cli …` in a subprocess, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "schedules.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def add_site(db_url: str, key: str, site: TimedSite, *, delay: float) -> None:
    """Register `site` under `key` with the generic profile and its three listings."""
    args = ["sites", "add", key, "--profile", "base", "--every", "4h", "--delay", f"{delay:g}"]
    for url in start_urls(site.base_url):
        args += ["--start-url", url]
    done = CliRunner().invoke(main, [*args, "--db", db_url])
    assert done.exit_code == 0, done.output


def gaps(times: list[float]) -> list[float]:
    """Seconds between consecutive arrivals (in time order)."""
    ordered = sorted(times)
    return [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
