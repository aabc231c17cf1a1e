"""Notifications after a run: one JSON message with the changes; a failing webhook is a warning."""

from __future__ import annotations

import json

from click.testing import CliRunner

from schedules.cli import main
from schedules.notify import notification_urls, redact, send
from storage.db import open_engine, transaction
from storage.schema import RunRow
from tests.crawl.conftest import start_urls
from tests.crawl.site import serve_site

from .conftest import BODY_EDITED, GONE, QA_ADDED
from .sites import NEW_BODY, NEW_QUESTION, EditableSite
from .webhook import Webhook

SECRET = "s3cr3t-t0ken"


def _crawl(db_url: str, base_url: str, *extra: str) -> tuple[int, str]:
    args = ["crawl", "--db", db_url, "--delay", "0", "--retry-wait", "0.01", "--max-wait", "1"]
    for url in start_urls(base_url):
        args += ["--start-url", url]
    result = CliRunner().invoke(main, [*args, *extra], env={"HUBARCHIVE_NOTIFY": None})
    return result.exit_code, result.output


def _runs(db_url: str) -> list[RunRow]:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return list(session.query(RunRow).order_by(RunRow.id))
    finally:
        engine.dispose()


def _changes(db_url: str) -> list[dict]:
    result = CliRunner().invoke(main, ["changes", "--db", db_url, "--json"])
    return sorted(json.loads(result.output)["changes"], key=lambda c: c["url"])


def _comparable(changes: list[dict]) -> list[dict]:
    """Changes without what differs between two archives of one site (ids, times, runs)."""
    skip = ("seen_at", "article_id", "run_id")
    return [{k: v for k, v in c.items() if k not in skip} for c in changes]


def _edit(site: EditableSite) -> None:
    site.edit_body(BODY_EDITED)
    site.add_qa(QA_ADDED)
    site.delete_article(GONE)


def test_a_run_sends_one_json_message_with_its_changes(sqlite_url: str) -> None:
    site = EditableSite(9, per_page=3)
    with serve_site(site) as server, Webhook() as hook:
        notify = f"json://127.0.0.1:{hook.port}/hook/{SECRET}"
        code, _ = _crawl(sqlite_url, server.base_url)
        assert code == 0
        hook.received.clear()  # the first run's message: every article new
        _edit(site)
        code, output = _crawl(
            sqlite_url, server.base_url, "--notify", notify, "--view-url", "http://view.test"
        )
    assert code == 0, output
    assert len(hook.received) == 1
    path, payload = hook.received[0]
    assert path == f"/hook/{SECRET}"
    assert "2 changed" in payload["title"] and "1 gone" in payload["title"]
    text = payload["message"]
    for i in (BODY_EDITED, QA_ADDED, GONE):
        assert f"{server.base_url}{site.articles[i].path}" in text
    assert NEW_BODY in text and NEW_QUESTION in text
    assert "http://view.test/diff?url=" in text
    assert _runs(sqlite_url)[-1].counts["notifications"] == {"sent": 1, "failed": 0}


def test_a_failing_webhook_changes_neither_exit_code_nor_archive(
    sqlite_url: str,
) -> None:
    reference_url = sqlite_url.replace("archive.db", "reference.db")
    site = EditableSite(9, per_page=3)
    with serve_site(site) as server, Webhook(status=500) as hook:
        failing = f"json://127.0.0.1:{hook.port}/hook/{SECRET}"
        assert _crawl(sqlite_url, server.base_url)[0] == 0
        assert _crawl(reference_url, server.base_url)[0] == 0
        _edit(site)
        code, output = _crawl(sqlite_url, server.base_url, "--notify", failing)
        reference_code, _ = _crawl(reference_url, server.base_url)
    assert len(hook.received) == 1  # it was tried, and refused
    assert code == reference_code == 0, output
    assert _comparable(_changes(sqlite_url)) == _comparable(_changes(reference_url))
    assert len(_changes(sqlite_url)) == 3
    run = _runs(sqlite_url)[-1]
    assert "notification to json://… failed" in (run.message or "")
    assert run.counts["notifications"] == {"sent": 0, "failed": 1}
    assert "notification to json://… failed" in output
    stored = json.dumps([(r.args, r.message, r.counts) for r in _runs(sqlite_url)])
    assert SECRET not in stored and SECRET not in output
    assert str(hook.port) not in (run.message or "")


def test_unreachable_and_unknown_urls_are_reported_not_raised() -> None:
    report = send(["json://127.0.0.1:9/x/" + SECRET, "nonsense://" + SECRET], "t", "b")
    assert (report.sent, report.failed) == (0, 2)
    assert all(SECRET not in w for w in report.warnings)
    assert len(report.warnings) == 2


def test_urls_come_from_flag_environment_and_profile_once_each() -> None:
    assert notification_urls(["json://a/1 json://b/2"], ["json://a/1", "mailto://x"]) == [
        "json://a/1",
        "json://b/2",
        "mailto://x",
    ]
    assert redact("slack://TokenA/TokenB/TokenC") == "slack://…"


def test_a_profile_lists_notification_urls_after_the_flags(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from schedules.cli.notify_opts import crawl_notify_urls
    from scraper.sites import load_profile

    profile = tmp_path / "watched.toml"
    profile.write_text(
        '[site]\nkey = "watched"\n[crawl]\nnotify = ["json://127.0.0.1:1/hook", "mailto://x"]\n',
        encoding="utf-8",
    )
    assert crawl_notify_urls(("json://127.0.0.1:2/flag",), load_profile(profile)) == [
        "json://127.0.0.1:2/flag",
        "json://127.0.0.1:1/hook",
        "mailto://x",
    ]
    assert crawl_notify_urls((), load_profile("hub_brussels")) == []
