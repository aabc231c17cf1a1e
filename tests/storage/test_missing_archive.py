"""Read commands refuse a SQLite archive that does not exist; only writers start a new one."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from schedules.cli import main
from storage.archive import store_record
from storage.db import open_engine, transaction
from tests.storage.samples import day, fake_extract, make_article, make_capture, page_of

URL = "https://hub.brussels/fr/blog/silicon-valley/"

READERS = [
    pytest.param(["search", "Silicon"], id="search"),
    pytest.param(["show", URL], id="show"),
    pytest.param(["history", URL], id="history"),
    pytest.param(["diff", URL], id="diff"),
    pytest.param(["export", "--format", "jsonl", "--out", "{tmp}/out"], id="export"),
    pytest.param(["runs"], id="runs"),
    pytest.param(["warc", "export", "{tmp}/out.warc.gz"], id="warc export"),
    pytest.param(["reparse"], id="reparse"),
    pytest.param(["db", "check"], id="db check"),
]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", READERS)
def test_a_read_command_on_a_missing_file_says_so_and_creates_nothing(
    command: list[str], tmp_path: Path
) -> None:
    typo = tmp_path / "hubarchvie.db"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out = invoke(*args, "--db", str(typo))
    assert code == 2, "not an archive: a configuration error (DECISIONS.md)"
    assert f"no archive at {typo}; run `hubarchive crawl` or `hubarchive db upgrade` first" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_hubarchive_db_also_names_the_missing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HUBARCHIVE_DB", "sqlite:///typo.db")
    code, out = invoke("search", "Silicon")
    assert code == 2 and "no archive at typo.db" in out
    assert not (tmp_path / "typo.db").exists()


def test_db_upgrade_creates_a_new_archive_that_readers_then_open(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    code, out = invoke("db", "upgrade", "--db", str(path))
    assert code == 0 and "upgraded from revision (empty)" in out
    code, out = invoke("search", "Silicon", "--db", str(path))
    assert code == 0 and "No article matches" in out


def test_warc_import_creates_a_new_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("schedules.warc.default_extract", fake_extract)
    source = f"sqlite:///{tmp_path / 'source.db'}"
    engine = open_engine(source)
    with transaction(engine) as session:
        article = make_article()
        store_record(
            session, article, seen_at=day(0), capture=make_capture(URL, page_of(article), day(0))
        )
    engine.dispose()
    warc = tmp_path / "source.warc.gz"
    assert invoke("warc", "export", str(warc), "--db", source)[0] == 0
    copy = tmp_path / "copy.db"
    code, out = invoke("warc", "import", str(warc), "--all-pages", "--db", str(copy))
    assert code == 0 and "1 new" in out
    code, out = invoke("history", URL, "--db", str(copy))
    assert code == 0 and "first version" in out


def test_crawl_creates_a_new_archive(tmp_path: Path) -> None:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/fr/news/").respond_with_data(
        "<html><body><p>Rien ici.</p></body></html>", content_type="text/html"
    )
    path = tmp_path / "crawled.db"
    server.start()
    try:
        code, _ = invoke(
            "crawl",
            "--db",
            str(path),
            "--start-url",
            server.url_for("/fr/news/"),
            "--delay",
            "0",
            "--retries",
            "1",
        )
    finally:
        server.stop()
    assert code == 3  # the listing held no article: the run is recorded all the same
    code, out = invoke("runs", "--db", str(path), "--json")
    assert code == 0 and '"outcome": "nothing-found"' in out


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


#: the same commands on PostgreSQL, crawl, worker and db upgrade included (they open the archive
#: first)
PG_COMMANDS = [
    *READERS,
    pytest.param(["crawl", "--start-url", "http://127.0.0.1:9/", "--delay", "0"], id="crawl"),
    pytest.param(["worker", "--once"], id="worker"),
    # the README's first step on a new server: it said "the run could not complete:
    # OperationalError: …" (a crash's words) and exited 70 for a database not yet created
    pytest.param(["db", "upgrade"], id="db upgrade"),
]


@pytest.mark.parametrize("command", PG_COMMANDS)
def test_a_postgresql_server_that_is_down_is_one_line_and_exit_70(
    command: list[str], tmp_path: Path
) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/archive"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out = invoke(*args, "--db", url)
    assert code == 70, "the command could not complete; cron should report it (DECISIONS.md)"
    assert "cannot open the archive" in out and "check --db" in out
    assert len(out.strip().splitlines()) == 1, out
    assert "(recorded in hubarchive runs)" not in out, "nothing could be recorded"


@pytest.mark.postgres
@pytest.mark.parametrize("command", PG_COMMANDS)
def test_a_postgresql_database_that_does_not_exist_is_a_configuration_error(
    command: list[str], tmp_path: Path, pg_url: str
) -> None:
    url = pg_url.rsplit("/", 1)[0] + "/hubarchive_no_such_database"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out = invoke(*args, "--db", url)
    assert code == 2, out
    assert 'database "hubarchive_no_such_database" does not exist' in out
    assert "createdb" in out and len(out.strip().splitlines()) == 1, out


def _crawl_failing_mid_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, recordable: bool
) -> tuple[int, str, Path]:
    """A crawl whose run fails with a database error after it started (a page of the file
    damaged, read only then); `recordable`: whether the end of the run can still be written."""
    import sqlite3

    from schedules import job

    def broken_run(self: object, *args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(job._Crawl, "_run", broken_run)
    if not recordable:

        def broken_finish(self: object, *args: object) -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(job._Crawl, "_finish", broken_finish)
    path = tmp_path / "archive.db"
    code, out = invoke("crawl", "--db", str(path), "--start-url", "http://127.0.0.1:9/")
    return code, out, path


def test_a_crawl_whose_failure_could_not_be_recorded_does_not_send_the_user_to_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _crawl_failing_mid_run(tmp_path, monkeypatch, recordable=False)
    assert code == 70 and "database disk image is malformed" in out
    assert "(recorded in hubarchive runs)" not in out, "the run row could not be written"
    assert len(out.strip().splitlines()) == 1, out


def test_a_crawl_whose_failure_was_recorded_says_where_to_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, path = _crawl_failing_mid_run(tmp_path, monkeypatch, recordable=True)
    assert code == 70 and "(recorded in hubarchive runs)" in out
    code, runs = invoke("runs", "--db", str(path), "--json")
    assert code == 0 and "database disk image is malformed" in runs
