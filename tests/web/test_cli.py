"""`hubarchive raw`, `hubarchive stats` and `hubarchive serve` as a user runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules.cli import main

from .conftest import HOSTILE_PAGE, HOSTILE_URL, Archive

ROOT = Path(__file__).resolve().parents[2]


def test_raw_prints_the_bytes_as_captured_or_the_rendition(sqlite_archive: Archive) -> None:
    runner = CliRunner()
    raw = runner.invoke(main, ["raw", HOSTILE_URL, "--db", sqlite_archive.db_url])
    assert raw.exit_code == 0
    assert raw.stdout_bytes == HOSTILE_PAGE.encode("utf-8")
    clean = runner.invoke(main, ["raw", HOSTILE_URL, "--sanitized", "--db", sqlite_archive.db_url])
    assert clean.exit_code == 0 and "<script" not in clean.output
    assert "Texte ordinaire" in clean.output
    first = runner.invoke(
        main,
        ["raw", sqlite_archive.history.edited_url, "--version", "1", "--db", sqlite_archive.db_url],
    )
    assert first.exit_code == 0 and b"qui exportent" in first.stdout_bytes
    missing = runner.invoke(main, ["raw", "http://nowhere.test/", "--db", sqlite_archive.db_url])
    assert missing.exit_code == 1 and "not in the archive" in missing.output
    assert "Traceback" not in missing.output


def test_stats_prints_the_counts_of_the_statistics_page(sqlite_archive: Archive) -> None:
    runner = CliRunner()
    for by in ("month", "sector", "lang"):
        result = runner.invoke(main, ["stats", "--by", by, "--json", "--db", sqlite_archive.db_url])
        assert result.exit_code == 0, result.output
        page = sqlite_archive.app.test_client().get("/api/stats").get_json()
        assert json.loads(result.output)["rows"] == page[by]
    text = runner.invoke(main, ["stats", "--by", "lang", "--db", sqlite_archive.db_url])
    assert re.search(r"^fr\s+4\s+3\s+1\s+2$", text.output, re.M), text.output


def test_serve_binds_loopback_and_answers(sqlite_archive: Archive) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "schedules.cli",
            "serve",
            "--port",
            "0",
            "--db",
            sqlite_archive.db_url,
        ],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        with urllib.request.urlopen(f"{found.group(0)}api/stats", timeout=10) as response:
            assert response.status == 200
            assert json.loads(response.read())["lang"]
        with pytest.raises(urllib.error.HTTPError) as missing:  # werkzeug colours a 404's line
            urllib.request.urlopen(f"{found.group(0)}no-such-page", timeout=10)
        assert missing.value.code == 404
    finally:
        process.terminate()
        process.wait(timeout=10)
    log = process.stderr.read()
    assert "GET /no-such-page" in log and "404" in log, log
    assert "\x1b[" not in log, "a log that is no terminal gets no ANSI colours"


def test_serve_on_a_port_in_use_or_an_address_not_here_says_so_in_one_line(
    sqlite_archive: Archive,
) -> None:
    """werkzeug prints its own two lines and exits when it cannot bind: the command's one-line
    error, naming the address, is said instead."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = CliRunner().invoke(
            main, ["serve", "--port", str(port), "--db", sqlite_archive.db_url]
        )
    elsewhere = CliRunner().invoke(  # 192.0.2.1: TEST-NET-1, never an address of this machine
        main, ["serve", "--host", "192.0.2.1", "--port", "0", "--db", sqlite_archive.db_url]
    )
    for result, where in ((busy, f"127.0.0.1:{port}"), (elsewhere, "192.0.2.1:0")):
        assert result.exit_code == 1, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: cannot listen on {where}: "), lines
    assert "in use" in busy.output


def test_read_commands_on_a_missing_archive_say_so_in_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'none.db'}"
    for args in (["changes"], ["stats"], ["serve"], ["feed"], ["raw", "http://x.test/"]):
        result = CliRunner().invoke(main, [*args, "--db", db])
        # 2, as search, history and export say it (README: read commands on no archive exit 2)
        assert result.exit_code == 2, (args, result.output)
        assert "no archive" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()
