"""The crontab line and the systemd units call `hubarchive crawl` with options it accepts."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from schedules.cli import main

SCHEDULES = Path(__file__).resolve().parents[2] / "schedules"


def _parses(command: list[str]) -> None:
    assert Path(command[0]).name == "hubarchive" and command[1] == "crawl"
    crawl = main.get_command(click.Context(main), "crawl")  # loaded on demand
    assert crawl is not None
    with click.Context(crawl) as ctx:
        crawl.parse_args(ctx, list(command[2:]))


def test_cron_line_runs_a_crawl_cron_can_parse() -> None:
    lines = [
        line
        for line in (SCHEDULES / "hubarchive.cron").read_text().splitlines()
        if line and not line.startswith("#") and "=" not in line.split()[0]
    ]
    assert len(lines) == 1
    fields = lines[0].split(None, 5)
    assert len(fields) == 6, "five time fields and a command"
    crawl, *reports = fields[5].split("||")
    command = [w for w in shlex.split(crawl) if not w.startswith((">", "2>"))]
    _parses(command)
    # exit 1 (pages failed, retried next run) is quiet; every other failure is reported
    assert reports and "[ $? -eq 1 ]" in reports[0] and "logger" in reports[-1]


@pytest.mark.parametrize("unit", ["hubarchive.service", "hubarchive.timer"])
def test_systemd_units_are_complete(unit: str) -> None:
    text = (SCHEDULES / "systemd" / unit).read_text()
    if unit.endswith(".service"):
        exec_start = next(line for line in text.splitlines() if line.startswith("ExecStart="))
        _parses(shlex.split(exec_start.split("=", 1)[1]))
        assert "SuccessExitStatus=1 75" in text
    else:
        assert "Unit=hubarchive.service" in text and "OnCalendar=" in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_service_unit_is_hardened() -> None:
    """`systemd-analyze security --offline=true` rates the unit's exposure at most 4.0 (of 10)."""
    done = subprocess.run(
        [
            "systemd-analyze",
            "security",
            "--offline=true",
            str(SCHEDULES / "systemd" / "hubarchive.service"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", done.stdout)
    assert found, done.stdout + done.stderr
    assert float(found.group(1)) <= 4.0, done.stdout
