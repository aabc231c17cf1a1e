"""The crawl as cron runs it: real subprocesses, the archive lock, signals, exit codes, `runs`."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules import job
from schedules.cli import main
from schedules.lock import crawl_lock
from schedules.runs import recent_runs
from storage.db import open_engine, transaction
from storage.errors import LockedError

from .conftest import start_urls
from .site import FixtureSite, SiteServer, serve_site

ROOT = Path(__file__).resolve().parents[2]


def crawl_args(db_url: str, base_url: str, *extra: str) -> list[str]:
    args = ["crawl", "--db", db_url, "--delay", "0", "--retry-wait", "0.01", "--max-wait", "1"]
    for url in start_urls(base_url):
        args += ["--start-url", url]
    return args + list(extra)


def spawn(*args: str) -> subprocess.Popen[str]:
    """`python -m schedules.cli …` the way cron calls it: no terminal, output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "schedules.cli", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def runs_of(db_url: str) -> list[dict[str, object]]:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return recent_runs(session, limit=50)
    finally:
        engine.dispose()


def test_two_concurrent_crawls_give_one_run_and_one_exit_75(
    db_url: str, site: FixtureSite, served: SiteServer
) -> None:
    reached, release = site.gate(site.articles[0].path)
    first = spawn(*crawl_args(db_url, served.base_url))
    try:
        assert reached.wait(60), (
            first.communicate()[1] if first.poll() is not None else "no request"
        )
        second = spawn(*crawl_args(db_url, served.base_url))
        out, err = second.communicate(timeout=60)
        assert second.returncode == 75, err
        assert len(err.strip().splitlines()) == 1 and "another crawl" in err
    finally:
        release.set()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    runs = runs_of(db_url)
    assert [(r["outcome"], r["exit_code"]) for r in runs] == [("ok", 0)]
    assert "0 failed" in out and "crawl ok" in out, "one summary line on stdout"


def test_sigterm_records_an_interrupted_run_and_releases_the_lock(
    sqlite_url: str, site: FixtureSite, served: SiteServer
) -> None:
    reached, release = site.gate(site.articles[4].path)
    crawl = spawn(*crawl_args(sqlite_url, served.base_url))
    try:
        assert reached.wait(60)
        crawl.send_signal(signal.SIGTERM)
    finally:
        release.set()
    _, err = crawl.communicate(timeout=60)
    assert crawl.returncode == 128 + signal.SIGTERM, err
    runs = runs_of(sqlite_url)
    assert runs[0]["outcome"] == "interrupted"
    assert 0 < runs[0]["counts"]["new"] < 11  # type: ignore[index]
    again = spawn(*crawl_args(sqlite_url, served.base_url, "--log-json", "--verbose"))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    logged = [json.loads(line) for line in err.splitlines()]
    assert any(entry["message"].startswith("new ") for entry in logged), "machine-readable logs"
    assert len(out.splitlines()) == 1, "one summary line on stdout"


_HOLD_LOCK = """
import sys, time
from schedules.lock import crawl_lock
from storage.db import open_engine
with crawl_lock(open_engine(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_lock_left_by_a_killed_crawl_is_recovered(db_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, db_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    engine = open_engine(db_url)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError), crawl_lock(engine):
            pass
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        with crawl_lock(engine):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        engine.dispose()


def test_cli_crawl_then_runs_json(sqlite_url: str, site: FixtureSite, served: SiteServer) -> None:
    runner = CliRunner()
    result = runner.invoke(main, crawl_args(sqlite_url, served.base_url, "--json"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    listed = runner.invoke(main, ["runs", "--db", sqlite_url, "--json", "--limit", "5"])
    assert listed.exit_code == 0, listed.output
    runs = json.loads(listed.output)
    assert len(runs) == 1 and runs[0]["id"] == report["run_id"]
    assert runs[0]["counts"]["new"] == report["counts"]["new"] > 0
    text = runner.invoke(main, ["runs", "--db", sqlite_url])
    assert f"#{report['run_id']} crawl" in text.output and " ok " in text.output


def test_cli_exit_codes_for_a_wrong_profile_and_an_empty_listing(
    sqlite_url: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    missing = runner.invoke(
        main, ["crawl", "--db", sqlite_url, "--profile", str(tmp_path / "nope.toml")]
    )
    assert missing.exit_code == 2 and "no site profile" in missing.output
    site = FixtureSite(3, empty_listings=True, wp_json=False, sitemaps=False, feeds=False)
    with SiteServer(site.handle) as server:
        site.base_url = server.base_url
        empty = runner.invoke(main, crawl_args(sqlite_url, server.base_url))
    assert empty.exit_code == 3
    assert "has the site changed?" in empty.output


def test_runs_shows_why_a_run_failed(sqlite_url: str) -> None:
    """`hubarchive runs` (text, as an operator reads it after a cron alert) says why a run
    ended as it did, not only its outcome: the run's message is on the line below it."""
    site = FixtureSite(3, empty_listings=True, wp_json=False, sitemaps=False, feeds=False)
    runner = CliRunner()
    with SiteServer(site.handle) as server:
        site.base_url = server.base_url
        assert runner.invoke(main, crawl_args(sqlite_url, server.base_url)).exit_code == 3
    listed = runner.invoke(main, ["runs", "--db", sqlite_url])
    assert listed.exit_code == 0, listed.output
    head, why = listed.output.splitlines()[:2]
    assert " nothing-found exit=3" in head
    assert why.startswith("    ") and "has the site changed?" in why


#: A clock where the zones of the world disagree on the date: 31 December in Etc/GMT+12,
#: 1 January in UTC, 2 January in Pacific/Kiritimati. The site and the crawl read this one clock.
FROZEN_NOW = dt.datetime(2026, 1, 1, 11, 30, tzinfo=dt.UTC)


def test_recheck_schedule_is_configurable_from_the_command_line(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job, "_now", lambda: FROZEN_NOW)
    site = FixtureSite(12, per_page=3, today=FROZEN_NOW.date())
    runner = CliRunner()
    with serve_site(site) as served:
        assert runner.invoke(main, crawl_args(sqlite_url, served.base_url)).exit_code == 0
        quiet = runner.invoke(
            main,
            crawl_args(
                sqlite_url,
                served.base_url,
                "--json",
                "--recent-days",
                "0",
                "--older-every-days",
                "100",
            ),
        )
    counts = json.loads(quiet.stdout)["counts"]
    assert counts["fetched"] == 1, "only today's article is recent enough to be re-checked"


def test_a_wrong_profile_file_is_named_for_what_is_wrong_with_it(
    sqlite_url: str, tmp_path: Path
) -> None:
    """A path that does not exist is said to be missing (not "no site profile" among the bundled
    keys); a `[site]` table without its `key` says which entry to add."""
    runner = CliRunner()
    missing = runner.invoke(
        main, ["crawl", "--db", sqlite_url, "--profile", str(tmp_path / "nope.toml"), "--dry-run"]
    )
    assert missing.exit_code == 2
    assert f"{tmp_path / 'nope.toml'} does not exist" in missing.output, missing.output
    assert "bundled" not in missing.output
    keyless = tmp_path / "keyless.toml"
    keyless.write_text('[site]\nname = "Tiny"\nhosts = ["tiny.example"]\n', encoding="utf-8")
    nokey = runner.invoke(
        main, ["crawl", "--db", sqlite_url, "--profile", str(keyless), "--dry-run"]
    )
    assert nokey.exit_code == 2
    assert 'needs a key (e.g. key = "my_site")' in nokey.output, nokey.output
    nosite = tmp_path / "nosite.toml"
    nosite.write_text('[crawl]\narticle_patterns = ["^/news/"]\n', encoding="utf-8")
    table = runner.invoke(main, ["crawl", "--db", sqlite_url, "--profile", str(nosite)])
    assert table.exit_code == 2 and "has no [site] table" in table.output, table.output


def test_a_misspelt_profile_key_is_refused_with_the_nearest_known_one(
    sqlite_url: str, tmp_path: Path
) -> None:
    """A key no reader looks up would be ignored silently (the crawl running with the base's
    selectors): the profile is refused, naming the key, its table and the key it resembles."""
    runner = CliRunner()
    site = '[site]\nkey = "tiny"\nhosts = ["tiny.example"]\n'
    cases = {
        '[extract]\ntitel = ["h1.headline"]\n': "unknown key 'titel' in [extract] (did you mean 'title'?)",
        '[crawl]\narticle_paterns = ["^/news/"]\n': "did you mean 'article_patterns'?",
        "[crawl.recheck]\nrecent = 3\n": "unknown key 'recent' in [crawl.recheck]",
        '[extracts]\ntitle = ["h1"]\n': "unknown table [extracts] (did you mean 'extract'?)",
    }
    for n, (table, message) in enumerate(cases.items()):
        path = tmp_path / f"typo{n}.toml"
        path.write_text(site + table, encoding="utf-8")
        result = runner.invoke(main, ["crawl", "--db", sqlite_url, "--profile", str(path)])
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_every_key_the_bundled_profiles_and_readers_use_is_known() -> None:
    """The bundled profiles load, a list key's `<key>_replace` is accepted, and every selector
    role the extractor reads is a key a profile may set."""
    from scraper.extract.config import SELECTOR_ROLES
    from scraper.sites import KNOWN_KEYS, available_profiles, load_profile, profile_from_text

    for name in available_profiles():
        load_profile(name)
    assert set(SELECTOR_ROLES) <= KNOWN_KEYS["extract"]
    text = '[site]\nkey = "t"\nhosts = ["t.example"]\n[extract]\ncontent = [".x"]\ncontent_replace = true\n'
    assert profile_from_text(text).extract["content"] == [".x"]


def test_a_profile_value_of_the_wrong_shape_is_refused_naming_its_key(
    sqlite_url: str, tmp_path: Path
) -> None:
    """A selector written as a number, a sector mapping written as a list: the profile is
    refused (exit 2, one line naming the key and the shape it takes), for `crawl` and for
    `extract` alike, instead of a crash inside the extractor (exit 70) or failing every page."""
    runner = CliRunner()
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Title</h1><p>Text.</p></body></html>", encoding="utf-8")
    site = '[site]\nkey = "tiny"\nhosts = ["tiny.example"]\n'
    cases = {
        "[extract]\ntitle = 5\n": "[extract] title must be a string or a list of strings, not 5",
        '[extract]\nsectors = ["a", "b"]\n': "[extract] sectors must be a table",
        "[crawl]\nrecheck = 5\n": "[crawl] recheck must be a table, not 5",
    }
    for n, (table, message) in enumerate(cases.items()):
        path = tmp_path / f"shape{n}.toml"
        path.write_text(site + table, encoding="utf-8")
        for args in (
            ["crawl", "--db", sqlite_url, "--profile", str(path)],
            ["extract", str(page), "--url", "https://tiny.example/a/", "--profile", str(path)],
        ):
            result = runner.invoke(main, args)
            assert result.exit_code == 2, (args, result.output)
            assert message in result.output and "Traceback" not in result.output, result.output
