"""The exit codes an operator alerts on (DECISIONS.md table), end to end through `hubarchive crawl`:
an unreachable site (closed port, `.invalid` name) is 69, a 404 start URL and a bad `--start-url`
are 2, a damaged, foreign or read-only archive is one line and no traceback."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules.cli import main

from .site import FixtureSite, serve_site

FAST = ["--delay", "0", "--retries", "1", "--retry-wait", "0", "--timeout", "2"]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _crawl(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["crawl", "--db", db, *FAST, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "start_url",
    [f"http://127.0.0.1:{_closed_port()}/fr/news/", "http://news.unreachable.invalid/fr/news/"],
    ids=["closed-port", "invalid-name"],
)
def test_an_unreachable_site_exits_69_and_records_the_run(tmp_path: Path, start_url: str) -> None:
    db = str(tmp_path / "a.db")
    code, out, err = _crawl(db, "--start-url", start_url, "--json")
    assert code == 69, (out, err)
    report = json.loads(out)
    assert report["outcome"] == "unreachable" and report["exit_code"] == 69
    assert "Traceback" not in err
    runs = CliRunner().invoke(main, ["runs", "--db", db, "--json"])
    row = json.loads(runs.stdout)[0]
    assert (row["outcome"], row["exit_code"]) == ("unreachable", 69)
    assert "unreachable" in row["message"]
    assert report["message"] == row["message"]


def test_an_unreachable_site_says_why_on_stderr(tmp_path: Path) -> None:
    """Without --json the summary line goes to stdout and the reason, the run log's message,
    to stderr: a person or cron mail reads why without asking `hubarchive runs`."""
    start = f"http://127.0.0.1:{_closed_port()}/fr/news/"
    code, out, err = _crawl(str(tmp_path / "a.db"), "--start-url", start)
    assert code == 69, (out, err)
    assert out.startswith("crawl unreachable:")
    assert "site unreachable: the only request was not answered" in err  # not "none of 1 requests"
    assert "check the network" in err


def test_a_start_url_answering_404_exits_2_and_says_which(tmp_path: Path) -> None:
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        code, out, err = _crawl(
            str(tmp_path / "a.db"), "--start-url", f"{server.base_url}/fr/actualitez/"
        )
    assert code == 2, (out, err)
    assert "answered 404" in err and "--start-url" in err
    assert "crawl config-error" in out
    # robots.txt, the probes of optional sources and the start URL: no page beyond it
    asked = {r.path.split("?")[0] for r in site.log}
    assert asked <= {
        "/robots.txt",
        "/sitemap.xml",
        "/feed/",
        "/wp-json/wp/v2/posts",
        "/fr/actualitez/",
    }
    assert "/fr/actualitez/" in asked


def test_a_start_url_gone_stops_the_run_before_re_checking_the_archive(tmp_path: Path) -> None:
    """A site crawled before, then a start URL answering 404 (a typo, a section moved): exit 2
    right after discovery, one line naming the URL; no archived article is fetched again (it
    re-checked each one, even with --full, before exiting 2) and none is marked gone."""
    site = FixtureSite(3, wp_json=False, sitemaps=True, feeds=False)
    db = str(tmp_path / "a.db")
    with serve_site(site) as server:
        code, out, err = _crawl(db, "--start-url", f"{server.base_url}/fr/news/")
        assert code == 0, (out, err)
        before = len(site.log)
        for extra in ([], ["--full"]):
            code, out, err = _crawl(db, *extra, "--start-url", f"{server.base_url}/fr/actualitez/")
            assert code == 2, (out, err)
            assert "crawl config-error" in out and "0 gone" in out
            lines = [line for line in err.splitlines() if "answered 404" in line]
            assert len(lines) == 1 and "no article was fetched" in lines[0], err
        asked = [r.path for r in site.log[before:]]
        assert "/fr/actualitez/" in asked
        assert [path for path in asked if "/article-" in path] == [], asked
        # a listing gone among others that answer: the crawl goes on with those, then exits 2
        before = len(site.log)
        code, out, err = _crawl(
            db,
            "--start-url",
            f"{server.base_url}/fr/news/",
            "--start-url",
            f"{server.base_url}/fr/actualitez/",
            "--full",
        )
    assert code == 2, (out, err)
    assert "answered 404" in err and "no article was fetched" not in err
    assert [r.path for r in site.log[before:] if "/article-" in r.path] != []
    runs = json.loads(CliRunner().invoke(main, ["runs", "--db", db, "--json"]).stdout)
    assert [run["outcome"] for run in runs] == ["config-error"] * 3 + ["ok"]


def test_a_dry_run_exits_as_the_crawl_would_for_what_discovery_found(tmp_path: Path) -> None:
    """`--dry-run` in a pipeline or a cron check: a 404 start URL is still 2, a dead site 69."""
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        code, out, err = _crawl(
            str(tmp_path / "a.db"), "--dry-run", "--start-url", f"{server.base_url}/fr/actualitez/"
        )
        assert code == 2, (out, err)
        code, out, err = _crawl(
            str(tmp_path / "a.db"), "--dry-run", "--start-url", f"{server.base_url}/fr/news/"
        )
        assert code == 0 and "would fetch" in out, (out, err)
    code, out, err = _crawl(
        str(tmp_path / "a.db"), "--dry-run", "--start-url", f"http://127.0.0.1:{_closed_port()}/"
    )
    assert code == 69, (out, err)
    assert [r for r in site.log if "/article-" in r.path] == [], "a dry run fetches no article"


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.org/news/",
        "example.org/news",
        "file:///etc",
        "http://[bad",  # urlsplit raised: the run crashed, exit 70
        "http://exa mple.org/news/",
        "https://example.org:99999/",
    ],
)
def test_a_start_url_that_is_not_http_is_a_usage_error_naming_the_flag(
    tmp_path: Path, value: str
) -> None:
    code, out, err = _crawl(str(tmp_path / "a.db"), "--start-url", value)
    assert code == 2
    assert "--start-url" in err and "http(s)" in err
    assert not (tmp_path / "a.db").exists()


def test_a_file_that_is_not_an_archive_is_one_line_exit_2(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"these are my notes, not a database\n" * 200)
    before = foreign.read_bytes()
    code, out, err = _crawl(str(foreign), "--start-url", "http://127.0.0.1:9/fr/news/")
    assert code == 2, (out, err)
    assert "not a hubarchive archive or is damaged" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert foreign.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused_exit_2(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE mine (x)")
    code, out, err = _crawl(str(other), "--start-url", "http://127.0.0.1:9/fr/news/")
    assert code == 2 and "no hubarchive schema version" in err
    assert "Traceback" not in err


def test_a_read_only_archive_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.db

    db = tmp_path / "a.db"
    CliRunner().invoke(main, ["db", "upgrade", "--db", str(db)])
    db.chmod(stat.S_IRUSR)
    before = db.read_bytes()
    if os.access(db, os.W_OK):  # root writes read-only files: ask as an ordinary user would
        real = os.access
        monkeypatch.setattr(
            storage.db.os, "access", lambda p, mode: False if Path(p) == db else real(p, mode)
        )
    code, out, err = _crawl(str(db), "--start-url", "http://127.0.0.1:9/fr/news/")
    assert code == 2 and "read-only" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and db.read_bytes() == before


def test_cron_sees_69_from_a_real_process(tmp_path: Path) -> None:
    """The way cron calls it: a subprocess, exit status 69, one line on stderr, no traceback."""
    start = f"http://127.0.0.1:{_closed_port()}/fr/news/"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "schedules.cli",
            "crawl",
            "--db",
            str(tmp_path / "a.db"),
            "--start-url",
            start,
            *FAST,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 69, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("value", "says"),
    [("2026-02-30", "no such day"), ("2026-13-01", "no such day"), ("30/06/2025", "YYYY-MM-DD")],
)
def test_invalid_dates_are_usage_errors_that_say_why(tmp_path: Path, value: str, says: str) -> None:
    result = CliRunner().invoke(
        main, ["search", "x", "--from", value, "--db", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 2 and says in result.stderr and "--from" in result.stderr


def _damaged_archive(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.db"
    cases = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
    result = CliRunner().invoke(
        main, ["warc", "import", str(cases / "25-warc-angle-brackets.warc.gz"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.open("r+b") as raw:  # pages 3 and 4 overwritten, as a failing disk would
        raw.seek(4096 * 2)
        raw.write(b"\xa5" * 8192)
    return db


def test_db_check_names_a_damaged_archive_instead_of_crashing(tmp_path: Path) -> None:
    db = _damaged_archive(tmp_path)
    result = CliRunner().invoke(main, ["db", "check", "--deep", "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "damaged" in result.output or "malformed" in result.output
    assert "Traceback" not in result.output


def test_a_read_command_on_a_damaged_archive_is_one_line(tmp_path: Path) -> None:
    db = _damaged_archive(tmp_path)
    result = CliRunner().invoke(
        main, ["history", "https://hub.brussels/fr/news/mission-tokyo/", "--db", str(db)]
    )
    assert result.exit_code in (2, 70) and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "damaged" in result.stderr


def test_an_unexpected_error_exits_70_with_one_line_and_the_run_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import schedules.job

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("the planner fell over")

    monkeypatch.setattr(schedules.job, "plan_fetches", broken)
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    db = str(tmp_path / "a.db")
    with serve_site(site) as server:
        code, out, err = _crawl(db, "--start-url", f"{server.base_url}/fr/news/")
    assert code == 70, (out, err)
    assert "Traceback" not in err and "the planner fell over" in err
    assert len([line for line in err.splitlines() if "hubarchive crawl:" in line]) == 1
    runs = json.loads(CliRunner().invoke(main, ["runs", "--db", db, "--json"]).stdout)
    assert (runs[0]["outcome"], runs[0]["exit_code"]) == ("error", 70)


def test_a_wrong_profile_is_exit_2_for_every_unattended_command(tmp_path: Path) -> None:
    """README's exit table (crawl, reparse, warc import): a bad profile is a configuration error,
    2, as for `crawl`; `reparse` and `warc import` said it with 1, "some pages failed"."""
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade", "--db", db]).exit_code == 0
    warc = tmp_path / "empty.warc"
    warc.write_bytes(b"")
    bare = tmp_path / "bare.toml"  # a profile with no article patterns: no page could match
    bare.write_text('[site]\nkey = "bare"\nhosts = ["bare.example"]\n', encoding="utf-8")
    for args in (
        ["crawl", "--profile", "no_such_site"],
        ["reparse", "--profile", "no_such_site"],
        ["warc", "import", str(warc), "--profile", "no_such_site"],
        ["warc", "import", str(warc), "--profile", str(bare)],
    ):
        result = runner.invoke(main, [*args, "--db", db])
        assert result.exit_code == 2, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_an_empty_date_range_and_a_missing_output_folder_are_usage_errors(tmp_path: Path) -> None:
    """A search or export whose --from is after its --to, and a feed written into a folder that
    does not exist, are the person's to fix: exit 2 and one line, as any other bad flag (they
    exited 1, which cron reads as "some pages failed")."""
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade", "--db", db]).exit_code == 0
    backwards = ["--from", "2026-05-01", "--to", "2026-01-01"]
    for args, says in (
        (["search", "mission", *backwards], "from 2026-05-01 is after to 2026-01-01"),
        (
            ["export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"), *backwards],
            "is after",
        ),
        (["feed", "--out", str(tmp_path / "missing" / "feed.xml")], "does not exist: create it"),
    ):
        result = runner.invoke(main, [*args, "--db", db])
        assert result.exit_code == 2, (args, result.output)
        assert says in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_a_feed_out_that_names_no_file_is_a_usage_error_and_a_feed_is_readable_by_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out nodir/` (a folder's name) and `--out ''` write nothing and exit 2 with one line;
    a feed written gets the mode a new file gets (readable by a web server under umask 022)."""
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade", "--db", db]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    for out in ("nodir/", ""):
        result = runner.invoke(main, ["feed", "--db", db, "--out", out])
        assert result.exit_code == 2 and "names no file" in result.output, result.output
    assert not (tmp_path / "nodir").exists()
    old = os.umask(0o022)
    try:
        result = runner.invoke(main, ["feed", "--db", db, "--out", str(tmp_path / "all.atom")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "all.atom").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


_INTERRUPT_AT = """
import importlib, os, signal, sys
module, name = sys.argv[1].rsplit(".", 1)
target = importlib.import_module(module)
real = getattr(target, name)

def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, delivered while the command starts up
    return real(*args, **kwargs)

setattr(target, name, interrupted)
from schedules.cli import main
sys.argv = ["hubarchive", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(
    ("where", "command"),
    [
        ("schedules.cli.common.open_engine", ["search", "Bruxelles"]),
        ("schedules.cli.common.open_engine", ["runs"]),
        ("schedules.cli.common.open_engine", ["export", "--format", "csv", "--out", "out"]),
        ("schedules.cli.crawl_cmd._setup_logging", ["crawl", "--start-url", "http://127.0.0.1:9/"]),
        ("importlib.import_module", ["runs"]),
    ],
    ids=["search-db-open", "runs-db-open", "export-db-open", "crawl-start-up", "runs-import"],
)
def test_ctrl_c_during_start_up_exits_130_in_one_line(
    tmp_path: Path, where: str, command: list[str]
) -> None:
    (tmp_path / "out").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_AT, where, *command, "--db", str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=120,
    )
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 130, done.stderr
    assert "Aborted!" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1 and "interrupted" in lines[0], done.stderr


def test_a_summary_of_one_says_it_in_the_singular() -> None:
    """ "1 listing pages, 1 requests" and "none of 1 requests was answered" read wrong."""
    import datetime as dt

    from schedules.job import Counts, RunReport, _none_of

    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    report = RunReport(1, "ok", 0, Counts(listing_pages=1), when, when, requests=1, bytes=1)
    assert "1 listing page, 1 request, 1 byte in" in report.summary(), report.summary()
    assert _none_of(1, "answered") == "the only request was not answered"
    assert _none_of(4, "answered") == "none of 4 requests was answered"
