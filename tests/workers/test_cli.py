"""`hubarchive sites` and `hubarchive worker` as a person and cron use them: messages, exit codes,
signals."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from schedules.cli import main
from scraper.sites import PROFILE_DIR
from storage.db import open_engine, transaction
from storage.schema import RunRow, Site
from tests.crawl.site import FixtureSite

from .sites import ROOT, TimedSite, add_site, cli


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_sites_add_list_remove(db_url: str) -> None:
    code, out = invoke(
        "sites", "add", "hub", "--profile", "hub_brussels", "--every", "1h30m", "--db", db_url
    )
    assert code == 0 and "site hub added: profile hub_brussels, every 90m" in out
    code, out = invoke("sites", "list", "--json", "--db", db_url)
    listed = json.loads(out)
    assert [(s["key"], s["profile"], s["every_seconds"]) for s in listed] == [
        ("hub", "hub_brussels", 5400)
    ]
    engine = open_engine(db_url)
    with transaction(engine) as session:
        stored = session.scalar(select(Site.profile).where(Site.key == "hub"))
    engine.dispose()
    assert stored == (PROFILE_DIR / "hub_brussels.toml").read_text(encoding="utf-8")
    code, out = invoke(
        "sites", "add", "hub", "--profile", "hub_brussels", "--every", "1d", "--db", db_url
    )
    assert code == 0 and "updated" in out
    code, out = invoke("sites", "list", "--db", db_url)
    assert out.startswith("hub  profile=hub_brussels  every=1d  due now"), out
    code, out = invoke("sites", "remove", "hub/", "--db", db_url)  # as pasted: the key
    assert code == 0 and "site hub removed" in out and "its articles stay" in out
    code, out = invoke("sites", "remove", "hub", "--db", db_url)
    assert code == 2 and "no scheduled site 'hub'" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--every", "4 hours"), "is not a duration"),
        (("--every", "10s"), "between every minute and every year"),
        (("--profile", "nowhere"), "no site profile 'nowhere'"),
        (("--start-url", "ftp://x/"), "is not an http(s) URL"),
    ],
)
def test_sites_add_refuses_bad_input_with_exit_2(
    sqlite_url: str, args: tuple[str, ...], says: str
) -> None:
    code, out = invoke("sites", "add", "k", "--profile", "base", *args, "--db", sqlite_url)
    assert code == 2 and says in out, out


def test_a_worker_refuses_sqlite_in_one_line(tmp_path: Path) -> None:
    done = cli("worker", "--once", "--db", f"sqlite:///{tmp_path / 'a.db'}")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "workers need a PostgreSQL archive" in done.stderr
    assert not (tmp_path / "a.db").exists(), "nothing created"


@pytest.mark.postgres
def test_worker_once_with_nothing_due_exits_0(pg_url: str) -> None:
    invoke("sites", "add", "hub", "--profile", "hub_brussels", "--db", pg_url)
    code, out = invoke("sites", "remove", "hub", "--db", pg_url)
    code, out = invoke("worker", "--once", "--db", pg_url)
    assert code == 0 and "worker: 0 runs" in out


@pytest.mark.postgres
def test_sigterm_interrupts_the_run_releases_the_lease_and_exits_143(pg_url: str) -> None:
    site = TimedSite(FixtureSite(9, per_page=3)).start()
    try:
        add_site(pg_url, "demo", site, delay=0)
        reached, release = site.site.gate(site.site.articles[3].path)
        worker = subprocess.Popen(
            [sys.executable, "-m", "schedules.cli", "worker", "--db", pg_url],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert reached.wait(60), "the worker reached the gated article"
            worker.send_signal(signal.SIGTERM)
        finally:
            release.set()
        out, err = worker.communicate(timeout=60)
    finally:
        site.stop()
    assert worker.returncode == 128 + signal.SIGTERM, err
    engine = open_engine(pg_url)
    with transaction(engine) as session:
        outcome = session.scalar(select(RunRow.outcome))
    engine.dispose()
    assert outcome == "interrupted"
    code, listed = invoke("sites", "list", "--json", "--db", pg_url)
    (demo,) = json.loads(listed)
    assert demo["lease_owner"] is None, "the lease is released"
    assert demo["last_outcome"] == "interrupted"
    code, text = invoke("sites", "list", "--db", pg_url)
    assert "due now" in text, "an interrupted run is due again at once"


def test_the_worker_unit_runs_a_worker_the_cli_accepts() -> None:
    unit = (ROOT / "schedules" / "systemd" / "hubarchive-worker@.service").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    command = shlex.split(exec_start.split("=", 1)[1])
    assert Path(command[0]).name == "hubarchive" and command[1] == "worker"
    worker = main.get_command(click.Context(main), "worker")  # loaded on demand
    assert worker is not None
    with click.Context(worker) as ctx:
        worker.parse_args(ctx, command[2:])
    # stopped by systemctl (SIGTERM, exit 143) is no failure; a bad archive (2) is not retried
    assert "SuccessExitStatus=143" in unit and "RestartPreventExitStatus=2" in unit
