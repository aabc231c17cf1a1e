"""The operator's settings: the User-Agent (flag > environment > profile > default, robots.txt
matched on its product token) and `--log-json` (every line JSON, ISO 8601 times with a zone)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schedules.cli import main
from scraper.sites import PROFILE_DIR

from .cases import CaseSite, serve_case

HTML = {"Content-Type": "text/html; charset=utf-8"}
ROUTES = {
    "/robots.txt": {
        "headers": {"Content-Type": "text/plain"},
        "body": "User-agent: examplebot\nDisallow: /fr/news/article-listee/\n\nUser-agent: *\nDisallow:\n",
    },
    "/fr/news/": {"headers": HTML, "file": "00-site-listing.html"},
    "/fr/news/article-listee/": {"headers": HTML, "file": "00-site-article.html"},
    "/fr/news/autre-article-liste/": {"headers": HTML, "file": "00-site-article.html"},
}


def _profile(tmp_path: Path) -> Path:
    text = (PROFILE_DIR / "hub_brussels.toml").read_text(encoding="utf-8")
    text = text.replace(
        "[crawl]\n", '[crawl]\nuser_agent = "profilebot/2.0 (+https://profile.example)"\n', 1
    )
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("flag", "env", "with_profile", "expected"),
    [
        ("examplebot/1.0 (+https://me.example)", "envbot/1.0", True, "examplebot/1.0"),
        (None, "envbot/1.0", True, "envbot/1.0"),
        (None, None, True, "profilebot/2.0"),
        (None, None, False, "hubarchive/"),
    ],
    ids=["flag", "environment", "profile", "default"],
)
def test_user_agent_precedence_and_robots_product_token(
    tmp_path: Path, flag: str | None, env: str | None, with_profile: bool, expected: str
) -> None:
    site = CaseSite(dict(ROUTES))
    args = ["crawl", "--db", str(tmp_path / "a.db"), "--delay", "0"]
    if flag:
        args += ["--user-agent", flag]
    if with_profile:
        args += ["--profile", str(_profile(tmp_path))]
    with serve_case(site) as server:
        args += ["--start-url", f"{server.base_url}/fr/news/"]
        result = CliRunner().invoke(main, args, env={"HUBARCHIVE_USER_AGENT": env} if env else {})
    assert result.exit_code == 0, result.output
    assert site.agents and all(agent.startswith(expected) for agent in site.agents), site.agents
    # the examplebot group applies to examplebot only, matched on the product token
    disallowed = "/fr/news/article-listee/" not in site.paths()
    assert disallowed == expected.startswith("examplebot")


def _crawl_log_json(tmp_path: Path, flag: str) -> Any:
    """`crawl --log-json FLAG` of a site where one article answers 500 (exit 1); every line of
    stdout and stderr checked to be one JSON object with an ISO 8601 UTC time."""
    site = CaseSite(dict(ROUTES, **{"/fr/news/autre-article-liste/": {"status": 500}}))
    with serve_case(site) as server:
        result = CliRunner().invoke(
            main,
            ["crawl", "--db", str(tmp_path / "a.db"), "--delay", "0", "--retries", "1"]
            + ["--log-json", flag, "--start-url", f"{server.base_url}/fr/news/"],
        )
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    for line in lines:
        record = json.loads(line)
        when = dt.datetime.fromisoformat(record["time"])
        assert when.tzinfo is not None and when.utcoffset() == dt.timedelta(0)
    return result


def test_log_json_every_line_is_json_with_an_iso_time(tmp_path: Path) -> None:
    result = _crawl_log_json(tmp_path, "-v")
    assert len(result.stdout.splitlines() + result.stderr.splitlines()) > 3
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["message"].startswith("crawl failures") and summary["exit_code"] == 1


def test_log_json_with_json_prints_the_report_as_one_json_line(tmp_path: Path) -> None:
    """`--log-json --json` printed the report as indented, multi-line JSON on stdout."""
    result = _crawl_log_json(tmp_path, "--json")
    assert len(result.stdout.splitlines()) == 1, result.stdout
    report = json.loads(result.stdout)
    assert report["exit_code"] == 1 and report["counts"]["failed"] == 1, report


def test_log_json_says_a_configuration_error_as_a_json_line_too(tmp_path: Path) -> None:
    """Cron appends stderr to a log read as JSON lines: a wrong --db is no plain 'Error:' line."""
    result = CliRunner().invoke(
        main,
        [
            "crawl",
            "--db",
            str(tmp_path / "no-such-folder" / "a.db"),
            "--log-json",
            "--start-url",
            "http://127.0.0.1:9/fr/news/",
        ],
    )
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    record = json.loads(line)
    assert record["exit_code"] == 2 and "does not exist" in record["message"]
