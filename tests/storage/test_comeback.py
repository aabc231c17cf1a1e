"""An article gone (404) then back with the same content: live again, dated, with no new version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import Engine, select, update

from schedules.cli import main
from storage.archive import StoreStatus, mark_gone, store_record
from storage.db import transaction
from storage.export import export_archive
from storage.history import article_history
from storage.integrity import check_integrity
from storage.schema import VersionRow
from storage.search import search
from storage.selection import Filters
from tests.storage.samples import (
    day,
    fake_extract,
    make_article,
    make_capture,
    page_of,
    rerun_migrations,
)

URL = "https://hub.brussels/fr/blog/silicon-valley/"


def gone_and_back(engine: Engine) -> None:
    """v1 seen on day 0, 404 on day 2, the same page again on day 5 (then on day 6)."""
    article = make_article()
    with transaction(engine) as session:
        store_record(
            session, article, seen_at=day(0), capture=make_capture(URL, page_of(article), day(0))
        )
        mark_gone(
            session, URL, seen_at=day(2), capture=make_capture(URL, b"gone", day(2), status=404)
        )
        back = store_record(
            session, article, seen_at=day(5), capture=make_capture(URL, page_of(article), day(5))
        )
        store_record(session, article, seen_at=day(6))
    assert (back.status, back.version) == (StoreStatus.UNCHANGED, 1)


def as_of(engine: Engine, n: int) -> list[tuple[str, int, str]]:
    """(url, version, status) of the articles search finds as of the day `n` days after day 0."""
    with transaction(engine) as session:
        hits = search(session, "Silicon", Filters(as_of=day(n).date()))
    return [(h.url, h.version, h.status) for h in hits]


def cli(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_as_of_a_day_while_gone_says_gone_and_after_the_comeback_live(engine: Engine) -> None:
    gone_and_back(engine)
    assert as_of(engine, 1) == [(URL, 1, "live")]
    assert as_of(engine, 3) == [(URL, 1, "gone")]
    assert as_of(engine, 5) == [(URL, 1, "live")]
    with transaction(engine) as session:
        assert search(session, "Silicon", Filters(status="live"))[0].version == 1
        assert search(session, "Silicon", Filters(status="gone", as_of=day(4).date()))
        assert search(session, "Silicon", Filters(status="gone", as_of=day(7).date())) == []
        assert check_integrity(session) == []


def test_exports_as_of_follow_the_comeback(engine: Engine, tmp_path: Path) -> None:
    gone_and_back(engine)
    statuses = {}
    for n in (3, 5):
        out = tmp_path / str(n)
        with transaction(engine) as session:
            export_archive(session, out, "jsonl", filters=Filters(as_of=day(n).date()))
        (record,) = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
        statuses[n] = (record["status"], record["version"], record["title"])
    title = make_article().title
    assert statuses == {3: ("gone", 1, title), 5: ("live", 1, title)}


def test_history_and_show_name_the_tombstone_and_the_comeback(engine: Engine, db_url: str) -> None:
    gone_and_back(engine)
    with transaction(engine) as session:
        history = article_history(session, URL)
    assert [(v.seq, v.kind, v.revived_at) for v in history.versions] == [
        (1, "content", None),
        (2, "gone", day(5)),
    ]
    assert history.status == "live"
    data = json.loads(cli("history", URL, "--db", db_url, "--json"))
    assert data["status"] == "live"
    assert data["versions"][1]["revived_at"].startswith("2025-03-06T08:00:00")
    lines = cli("history", URL, "--db", db_url).splitlines()
    assert lines[-2].split()[:4] == ["2", "2025-03-03", "08:00:00", "gone"]
    assert lines[-1].split()[:3] == ["2025-03-06", "08:00:00", "back"]
    shown = json.loads(cli("show", URL, "--db", db_url, "--json"))
    assert (shown["status"], shown["version"]) == ("live", 1)
    assert shown["versions"][1]["revived_at"].startswith("2025-03-06T08:00:00")
    assert "2 (gone 2025-03-03, back 2025-03-06)" in cli("show", URL, "--db", db_url)


def test_gone_again_after_the_comeback_is_a_second_tombstone(engine: Engine) -> None:
    gone_and_back(engine)
    with transaction(engine) as session:
        again = mark_gone(session, URL, seen_at=day(8))
    assert again is not None and again.version == 3
    assert as_of(engine, 7) == [(URL, 1, "live")]
    assert as_of(engine, 8) == [(URL, 1, "gone")]


def test_an_older_capture_does_not_bring_a_gone_article_back(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        mark_gone(session, URL, seen_at=day(4))
        store_record(session, make_article(), seen_at=day(2))  # a WARC import of the past
        history = article_history(session, URL)
    assert history.status == "gone" and history.versions[-1].revived_at is None
    assert as_of(engine, 5) == [(URL, 1, "gone")]


def test_revision_0003_dates_comebacks_stored_before_it(engine: Engine) -> None:
    gone_and_back(engine)
    rerun_migrations(engine, "0002")
    with transaction(engine) as session:
        revived = session.scalars(select(VersionRow.revived_at).order_by(VersionRow.seq)).all()
    assert revived == [None, day(5)]  # the first unchanged fetch after the tombstone
    assert as_of(engine, 3) == [(URL, 1, "gone")]
    assert as_of(engine, 5) == [(URL, 1, "live")]


def test_a_warc_round_trip_keeps_the_tombstone_and_the_comeback(
    engine: Engine, db_url: str, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("schedules.warc.default_extract", fake_extract)
    gone_and_back(engine)
    warc = tmp_path / "out.warc.gz"
    cli("warc", "export", str(warc), "--db", db_url)
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    cli("warc", "import", str(warc), "--all-pages", "--db", copy)
    data = json.loads(cli("history", URL, "--db", copy, "--json"))
    assert [(v["kind"], v["revived_at"]) for v in data["versions"]] == [
        ("content", None),
        ("gone", day(5).isoformat()),
    ]
    assert data["status"] == "live"


def test_a_404_from_the_past_joins_the_history_and_leaves_the_article_live(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        store_record(session, make_article(body="Réécrit."), seen_at=day(4))
        mark_gone(session, URL, seen_at=day(2))  # a WARC import of an older capture
        history = article_history(session, URL)
        assert check_integrity(session) == []
    assert history.status == "live"
    assert [(v.seq, v.kind) for v in history.versions] == [
        (1, "content"),
        (2, "content"),
        (3, "gone"),
    ]
    assert as_of(engine, 3) == [(URL, 1, "gone")]
    assert as_of(engine, 4) == [(URL, 2, "live")]


def test_db_check_names_an_article_whose_status_its_history_contradicts(engine: Engine) -> None:
    gone_and_back(engine)
    with transaction(engine) as session:
        session.execute(update(VersionRow).values(revived_at=None))
        assert check_integrity(session) == [
            f"article 1 ({URL}) is live but its newest entry says gone"
        ]
