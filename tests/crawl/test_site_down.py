"""What an operator sees of a site that is down, and of a dry run.

A site that answers but serves nothing (500 to every request, or too slow every time) is down:
exit 69 like an unreachable one, not 1 (which systemd and the cron line count as success, so an
outage of weeks would never alert). A site that serves some pages and fails others stays 1.
`crawl --dry-run` writes nothing: no archive file where there was none, no row in one."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schedules.cli import main

from .site import FixtureSite, serve_site

FAST = ["--delay", "0", "--retries", "1", "--retry-wait", "0"]


@contextmanager
def _serve(
    status: int,
    *,
    stall: float = 0.0,
    robots: str | None = None,
    missing: tuple[str, ...] = (),
) -> Iterator[str]:
    """A server answering every GET with `status` after `stall` seconds, except /robots.txt when
    `robots` is given (served with 200, as a static file before a dead application) and paths
    starting with one of `missing` (404 at once); yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if robots is not None and self.path == "/robots.txt":
                self._answer(200, robots.encode(), "text/plain")
                return
            if missing and self.path.startswith(missing):
                self._answer(404, b"<html><body>Not found</body></html>", "text/html")
                return
            time.sleep(stall)
            body = b"<html><body><h1>Internal Server Error</h1></body></html>"
            self._answer(status, body, "text/html")

        def _answer(self, status: int, body: bytes, media: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the crawler gave up waiting
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _crawl(db: str, start: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["crawl", "--db", db, "--start-url", start, *FAST, "--json", *args]
    )
    return result.exit_code, result.stdout, result.stderr


def _last_run(db: str) -> dict[str, Any]:
    runs = json.loads(CliRunner().invoke(main, ["runs", "--db", db, "--json"]).stdout)
    return dict(runs[0])


@pytest.mark.parametrize("status", [500, 503])
def test_a_site_answering_server_errors_to_everything_exits_69(tmp_path: Path, status: int) -> None:
    db = str(tmp_path / "a.db")
    with _serve(status) as base:
        code, out, err = _crawl(db, f"{base}/news/")
    assert code == 69, (out, err)
    assert json.loads(out)["outcome"] == "unreachable" and "Traceback" not in err
    assert f"HTTP {status}" in _last_run(db)["message"] and "site down" in _last_run(db)["message"]
    assert _last_run(db)["exit_code"] == 69


def test_a_site_whose_pages_all_fail_while_robots_txt_answers_exits_69(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with _serve(502, robots="User-agent: *\nAllow: /\n") as base:
        code, out, err = _crawl(db, f"{base}/news/")
    assert code == 69, (out, err)
    assert "site down" in _last_run(db)["message"] and "HTTP 502" in _last_run(db)["message"]


def test_a_robots_txt_refusing_every_start_url_is_no_outage(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with _serve(502, robots="User-agent: *\nDisallow: /\n") as base:
        code, out, err = _crawl(db, f"{base}/news/")
    assert code not in (0, 69), (out, err)
    assert "site down" not in _last_run(db)["message"] and "Traceback" not in err


def test_a_site_too_slow_to_answer_anything_exits_69(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with _serve(200, stall=3) as base:
        code, out, err = _crawl(db, f"{base}/news/", "--timeout", "1", "--read-timeout", "0.5")
    assert code == 69, (out, err)
    assert "too slow" in _last_run(db)["message"]


def test_a_dry_run_of_a_site_that_is_down_exits_69(tmp_path: Path) -> None:
    with _serve(500) as base:
        code, out, err = _crawl(str(tmp_path / "a.db"), f"{base}/news/", "--dry-run")
    assert code == 69, (out, err)


def test_a_dry_run_writes_nothing_where_there_is_no_archive_yet(tmp_path: Path) -> None:
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        code, out, err = _crawl(str(tmp_path / "a.db"), f"{server.base_url}/fr/news/", "--dry-run")
    assert code == 0, (out, err)
    assert json.loads(out)["planned"], "the dry run says what it would fetch"
    assert list(tmp_path.iterdir()) == [], "a dry run creates no archive file"


def test_a_dry_run_leaves_an_existing_archive_as_it_was(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        start = f"{server.base_url}/fr/news/"
        assert _crawl(db, start)[0] == 0
        before = _tables(db)
        site.change_article(0)
        code, out, err = _crawl(db, start, "--dry-run", "--full")
    assert code == 0, (out, err)
    assert json.loads(out)["planned"], "the dry run says what it would fetch"
    assert _tables(db) == before, "no run row, no fetch row, no kept listing body"


def _tables(db: str) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        names = [
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
