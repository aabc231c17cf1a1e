"""The archive commands, run in-process with click's CliRunner (and once as cron runs them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, update

import schedules.extraction
import schedules.reparse
import schedules.warc
from schedules.cli import main
from storage.archive import record_site, store_record
from storage.db import transaction
from storage.schema import QARow
from tests.storage.samples import day, fake_extract, make_article, make_capture, page_of

URL = "https://hub.brussels/fr/blog/silicon-valley/"


@pytest.fixture
def archived(engine: Engine) -> Engine:
    """One article in three versions (title, then body changed), with its pages."""
    with transaction(engine) as session:
        for i, article in enumerate(
            [
                make_article(),
                make_article(title="Nouveau titre"),
                make_article(title="Nouveau titre", body="Texte revu."),
            ]
        ):
            store_record(
                session,
                article,
                seen_at=day(i),
                capture=make_capture(URL, page_of(article), day(i)),
            )
    return engine


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands' extractor reads the record our test pages carry."""
    # the modules are imported above, not by the patch: `hubarchive` imports them only when
    # a command needs them, and one first imported here would copy the patched function as its
    # own (`from schedules.extraction import default_extract`) and keep it after the test
    monkeypatch.setattr(schedules.extraction, "default_extract", fake_extract)
    monkeypatch.setattr(schedules.reparse, "default_extract", fake_extract)
    monkeypatch.setattr(schedules.warc, "default_extract", fake_extract)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_history(archived: Engine, db_url: str) -> None:
    code, out = run("history", URL + "?fbclid=1", "--db", db_url, "--json")
    assert code == 0
    data = json.loads(out)
    assert [v["changed_fields"] for v in data["versions"]] == [[], ["title"], ["body"]]
    assert data["versions"][2]["seen_at"].startswith("2025-03-03T08:00:00")
    code, out = run("history", URL, "--db", db_url)
    assert code == 0 and "first version" in out and "  body" in out


def test_diff(archived: Engine, db_url: str) -> None:
    code, out = run("diff", URL, "--from", "1", "--to", "3", "--db", db_url, "--json")
    assert code == 0 and json.loads(out)["changed_fields"] == ["title", "body"]
    code, out = run("diff", URL, "--db", db_url)
    assert code == 0
    assert "version 2 -> 3: body" in out and "+Texte revu." in out


def test_errors_are_messages_not_tracebacks(archived: Engine, db_url: str) -> None:
    code, out = run("diff", URL, "--from", "9", "--db", db_url)
    assert code == 1 and "version 9 of" in out and "content versions: 1, 2, 3" in out
    code, out = run("history", "https://hub.brussels/fr/blog/inconnu/", "--db", db_url)
    assert code == 1 and "is not in the archive" in out
    code, out = run("history", URL, "--db", "postgresql+psycopg://u@h:port/db")
    assert code == 2 and "cannot read archive URL" in out, "a bad --db is a usage error"


@pytest.mark.parametrize("command", ["show", "history", "diff"])
def test_a_url_missing_its_trailing_slash_names_the_archived_one(
    archived: Engine, db_url: str, command: str
) -> None:
    assert URL.endswith("/")
    code, out = run(command, URL.rstrip("/"), "--db", db_url)
    assert code == 1 and f"did you mean {URL}?" in out
    assert "Traceback" not in out and len(out.strip().splitlines()) == 1


def test_reparse(archived: Engine, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run("reparse", "--db", db_url, "--json")
    assert code == 0 and json.loads(out)["unchanged"] == 1

    def shouting(html: bytes, url: str, *, encoding: str | None = None):  # type: ignore[no-untyped-def]
        article = fake_extract(html, url, encoding=encoding)
        article.title = (article.title or "").upper()
        return article

    monkeypatch.setattr("schedules.reparse.default_extract", shouting)
    code, out = run("reparse", "--url", URL, "--dry-run", "--db", db_url)
    assert code == 0 and out.startswith(
        "dry run, nothing written: 1 articles re-extracted: 1 changed"
    )
    code, out = run("reparse", "--since", "2025-03-03", "--db", db_url)
    assert code == 0 and "title          1" in out
    code, out = run("history", URL, "--db", db_url, "--json")
    assert json.loads(out)["versions"][-1]["title"] == "NOUVEAU TITRE"


def test_warc_export_then_import(archived: Engine, db_url: str, tmp_path: Path) -> None:
    warc = tmp_path / "out.warc.gz"
    code, out = run("warc", "export", str(warc), "--db", db_url)
    assert code == 0 and out.startswith("3 captures (7 records)")
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    code, out = run("warc", "import", str(warc), "--db", copy, "--all-pages")
    assert code == 0
    assert "1 new, 2 changed, 0 unchanged" in out and "captured 2025-03-01 to 2025-03-03" in out
    code, out = run("history", URL, "--db", copy, "--json")
    assert [v["changed_fields"] for v in json.loads(out)["versions"]] == [[], ["title"], ["body"]]
    code, out = run("warc", "import", str(tmp_path / "copy.db"), "--db", copy)
    assert code == 2 and "copy.db is not a readable WARC file" in out  # a usage error (exit 2)


def test_db_check_finds_a_broken_version(archived: Engine, db_url: str) -> None:
    code, out = run("db", "check", "--db", db_url)
    assert code == 0 and "archive consistent" in out
    with transaction(archived) as session:
        session.execute(update(QARow).where(QARow.position == 1).values(version_id=1))
    code, out = run("db", "check", "--db", db_url, "--json")
    assert code == 1
    assert len(json.loads(out)["problems"]) == 3  # v1 now holds 4 pairs, v2 and v3 one each


def test_every_command_has_an_example() -> None:
    for path in (
        ["db", "upgrade"],
        ["db", "check"],
        ["history"],
        ["diff"],
        ["reparse"],
        ["warc", "export"],
        ["warc", "import"],
    ):
        code, out = run(*path, "--help")
        assert code == 0 and "Example:" in out and "hubarchive " + path[0] in out, path


def test_db_upgrade_as_cron_runs_it(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-m", "schedules.cli", "db", "upgrade"]
    env = {**os.environ, "HUBARCHIVE_DB": str(tmp_path / "cron.db"), "PYTHONPATH": str(root)}
    first = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    again = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert first.returncode == 0, first.stderr
    assert "upgraded from revision (empty)" in first.stdout
    assert "already at schema revision" in again.stdout


def test_search_and_export_narrow_to_one_site_and_refuse_an_unknown_one(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    """Two sites in one archive: `--site` keeps one site's articles in a search and an export;
    a key the archive does not hold is a typo (exit 2, the sites it holds named), not an empty
    result."""
    other = "https://news.example/2026/05/mission-lima/"
    with transaction(engine) as session:
        for key, url in (("hub_brussels", URL), ("https://news.example", other)):
            store_record(session, make_article(url=url), seen_at=day(0), site=key)
    code, out = run("search", "Silicon", "--db", db_url, "--json", "--site", "https://news.example")
    assert code == 0 and [hit["url"] for hit in json.loads(out)] == [other]
    code, out = run("search", "Silicon", "--db", db_url, "--json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out = run(
        "export",
        "--db",
        db_url,
        "--format",
        "jsonl",
        "--out",
        str(tmp_path),
        "--site",
        "hub_brussels",
    )
    assert code == 0, out
    rows = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(row)["url"] for row in rows] == [URL]
    result = CliRunner().invoke(main, ["search", "Silicon", "--db", db_url, "--site", "hub"])
    assert result.exit_code == 2
    assert (
        "no site 'hub' in the archive (sites: https://news.example, hub_brussels)" in result.output
    )


def _two_sites(engine: Engine) -> str:
    """hub_brussels (crawled with its profile, which lists its hosts) and a generic site keyed
    by its origin, one article each; the generic site's article URL."""
    other = "http://127.0.0.1:8765/news/mission-lima.html"
    with transaction(engine) as session:
        for key, url in (("hub_brussels", URL), ("http://127.0.0.1:8765", other)):
            store_record(session, make_article(url=url), seen_at=day(0), site=key)
        profile = '[site]\nkey = "hub_brussels"\nhosts = ["hub.brussels", "www.hub.brussels"]\n'
        record_site(session, "hub_brussels", profile_text=profile)
        record_site(session, "http://127.0.0.1:8765", profile_text=None, base_url=other)
    return other


@pytest.mark.parametrize(
    ("given", "site"),
    [
        ("hub_brussels/", "hub"),
        ("https://www.hub.brussels/fr/", "hub"),
        ("hub.brussels", "hub"),
        ("http://127.0.0.1:8765/", "local"),
        ("127.0.0.1:8765", "local"),
        ("HTTP://127.0.0.1:8765/news/", "local"),
    ],
)
def test_site_given_with_a_slash_or_as_a_url_on_it_is_read_as_its_key(
    engine: Engine, db_url: str, tmp_path: Path, given: str, site: str
) -> None:
    """`--site` pasted from a browser (a trailing slash, a URL on the site, its host) names
    the site whose key, start URL or profile hosts hold that origin, in every command."""
    local = _two_sites(engine)
    expected = URL if site == "hub" else local
    code, out = run("search", "Silicon", "--db", db_url, "--json", "--site", given)
    assert code == 0, out
    assert [hit["url"] for hit in json.loads(out)] == [expected]
    code, out = run(
        "changes", "--captured-since", "2020-01-01", "--db", db_url, "--json", "--site", given
    )
    assert code == 0, out
    assert {change["url"] for change in json.loads(out)["changes"]} == {expected}
    out_dir = tmp_path / "export"
    code, out = run(
        "export", "--db", db_url, "--format", "jsonl", "--out", str(out_dir), "--site", given
    )
    assert code == 0, out
    rows = (out_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(row)["url"] for row in rows] == [expected]
    code, out = run("forget", "--pattern", "*", "--site", given, "--dry-run", "--db", db_url)
    assert code == 0 and out.splitlines()[1:] == [f"  {expected}"], out


def test_the_feed_and_the_web_view_read_a_site_given_as_a_url_on_its_profile_hosts(
    engine: Engine, db_url: str
) -> None:
    """`feed --site` and the web view's `/api/changes?site=` take a host the site's
    stored profile lists, as search and changes do: schedules reads the profile's hosts
    (`scraper.sites.profile_hosts`) and passes that reader to storage, which parses no profile."""
    from schedules.web import create_app
    from scraper.sites import profile_hosts
    from storage.errors import UnknownSiteError
    from storage.selection import resolve_site

    local = _two_sites(engine)
    code, out = run("feed", "--site", "https://www.hub.brussels/fr/", "--out", "-", "--db", db_url)
    assert code == 0 and URL in out and local not in out, out
    app = create_app(db_url, view_url="http://view.test")
    try:
        client = app.test_client()
        got = client.get("/api/changes", query_string={"site": "hub.brussels"})
        typo = client.get("/api/changes", query_string={"site": "hub.brussel"})
    finally:
        app.config["ENGINE"].dispose()
    assert got.status_code == 200, got.get_data(as_text=True)  # the site found: no run yet
    assert typo.status_code == 404 and "no site 'hub.brussel'" in typo.get_json()["error"]
    with transaction(engine) as session:
        assert resolve_site(session, "hub.brussels", profile_hosts)[1] == "hub_brussels"
        with pytest.raises(UnknownSiteError):  # storage alone: key and start URL only
            resolve_site(session, "hub.brussels")


def test_profile_hosts_reads_a_stored_profile_leniently() -> None:
    """A profile stored unreadable still has its key and start URL: its hosts are none."""
    from scraper.sites import profile_hosts

    assert profile_hosts('[site]\nkey = "x"\nhosts = ["a.example", 3, "b.example"]\n') == [
        "a.example",
        "b.example",
    ]
    for text in ("[site\n", '[site]\nhosts = "a.example"\n', 'site = "x"\n', ""):
        assert profile_hosts(text) == [], text


def test_site_unknown_or_on_two_sites_is_refused_by_every_command(
    engine: Engine, db_url: str
) -> None:
    """A `--site` naming no site of the archive, or a host two sites share, exits 2 with one
    line naming what to give instead; `forget` too (it said "forgot 0 articles" and recorded a
    run for a site that does not exist), and it forgets nothing."""
    _two_sites(engine)
    with transaction(engine) as session:
        store_record(
            session,
            make_article(url="https://www.hub.brussels/a.html"),
            seen_at=day(0),
            site="https://www.hub.brussels",  # crawled once without its profile
        )
    sites = "sites: http://127.0.0.1:8765, https://www.hub.brussels, hub_brussels"
    for args in (
        ("search", "Silicon"),
        ("changes",),
        ("feed", "--out", "-"),
        ("feed", "--search", "nothing-matches", "--out", "-"),
        ("forget", "--pattern", "*"),
        ("forget", "--pattern", "*", "--dry-run"),
        ("forget", "--pattern", "*", "--undo"),
    ):
        result = CliRunner().invoke(main, [*args, "--db", db_url, "--site", "nope"])
        assert result.exit_code == 2, (args, result.output)
        assert result.output == f"Error: no site 'nope' in the archive ({sites})\n"
    result = CliRunner().invoke(main, ["changes", "--db", db_url, "--site", "www.hub.brussels/fr"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: 'www.hub.brussels/fr' is on several sites (https://www.hub.brussels, "
        "hub_brussels): give one of their keys\n"
    )
    code, out = run(
        "search", "Silicon", "--site", "https://www.hub.brussels/", "--db", db_url, "--json"
    )
    assert code == 0 and [hit["url"] for hit in json.loads(out)] == [
        "https://www.hub.brussels/a.html"
    ]
    code, out = run("runs", "--db", db_url, "--json")
    assert code == 0 and json.loads(out) == []
    code, out = run("search", "Silicon", "--db", db_url, "--json")
    assert len(json.loads(out)) == 3
