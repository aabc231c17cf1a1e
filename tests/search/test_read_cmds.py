"""`hubarchive search`, `show` and `export` as people run them, in-process and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from search.hub_samples import DREAM, TARIFFS, ZORG, build_archive

from schedules.cli import main
from schedules.exits import EXIT_USAGE


@pytest.fixture
def archive(db_url: str) -> str:
    build_archive(db_url)
    return db_url


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_search_json_and_table(archive: str) -> None:
    code, out = run("search", "douane", "--db", archive, "--json")
    assert code == 0
    hits = json.loads(out)
    assert [(h["url"], h["version"]) for h in hits] == [(DREAM, 2)]
    assert "**douane**" in hits[0]["snippet"]
    code, out = run("search", "zorg", "--status", "gone", "--db", archive)
    assert code == 0 and "Zorg in Brussel" in out and "gone" in out
    code, out = run("search", "zorg", "--status", "live", "--db", archive)
    assert code == 0 and "No article matches" in out


def test_hostile_queries_give_a_message_not_a_traceback(archive: str) -> None:
    for query in ('"', "-x", "***", "'; DROP TABLE versions; --"):
        # `--` lets a query start with "-", as with any command line tool
        result = CliRunner().invoke(main, ["search", "--db", archive, "--", query])
        assert result.exit_code in (0, 2), query  # a query it cannot read: a usage error
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            assert result.output.startswith("Error: "), query


def test_a_language_that_is_no_iso_code_is_a_usage_error_naming_what_is_accepted(
    archive: str,
) -> None:
    for bad in ("xx", "fr-BE", "french", "f", ""):
        for command in (["search", "douane"], ["export", "--format", "csv", "--out", "x"]):
            result = CliRunner().invoke(main, [*command, "--lang", bad, "--db", archive])
            assert result.exit_code == EXIT_USAGE, (command, bad)
            errors = [line for line in result.output.splitlines() if line.startswith("Error")]
            assert len(errors) == 1 and "ISO 639-1 two-letter" in errors[0], result.output
            assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["changes", "--lang", "xx", "--db", archive])
    assert result.exit_code == EXIT_USAGE and "ISO 639-1" in result.output
    # a real code no article is in finds nothing; the archive's own codes read in any case
    code, out = run("search", "douane", "--lang", "de", "--db", archive, "--json")
    assert code == 0 and json.loads(out) == []
    code, out = run("search", "douane", "--lang", "FR", "--db", archive, "--json")
    assert code == 0 and [h["url"] for h in json.loads(out)] == [DREAM]


def test_show_prints_the_dialogue_contacts_translations_and_provenance(archive: str) -> None:
    code, out = run("show", DREAM, "--db", archive)
    assert code == 0
    assert "La Californie, le rêve américain" in out
    assert "Q: Pourquoi un bureau en Californie ?" in out
    assert "Eric Gabrys: Parce qu’il s’agit" in out
    assert "+14152910130" in out and TARIFFS in out
    assert "raw page sha256" in out and "title ← jsonld" in out
    code, out = run("show", DREAM, "--version", "1", "--json", "--db", archive)
    data = json.loads(out)
    assert (data["version"], data["title"]) == (1, "Le rêve américain existe encore")
    assert len(data["provenance"]["raw_page_sha256"]) == 64
    assert data["provenance"]["layers"]["qa"] == "html"
    assert [v["version"] for v in data["versions"]] == [1, 2]


def test_show_explains_what_is_missing(archive: str) -> None:
    result = CliRunner().invoke(main, ["show", "https://hub.brussels/fr/nope/", "--db", archive])
    assert result.exit_code == 1 and "not in the archive" in result.output
    result = CliRunner().invoke(main, ["show", ZORG, "--version", "2", "--db", archive])
    assert result.exit_code == 1 and "no content version 2" in result.output


def test_export_command_writes_the_files(archive: str, tmp_path: Path) -> None:
    code, out = run(
        "export",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "x"),
        "--lang",
        "nl",
        "--db",
        archive,
        "--json",
    )
    assert code == 0
    assert json.loads(out)["rows"]["articles.csv"] == 1
    assert (tmp_path / "x/datapackage.json").is_file()


def test_parquet_without_pyarrow_says_how_to_install_it(
    archive: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = CliRunner().invoke(
        main, ["export", "--format", "parquet", "--out", str(tmp_path), "--db", archive]
    )
    assert result.exit_code == 2  # a configuration to fix, as every unusable export target
    assert "pip install 'hubarchive[parquet]'" in result.output


def test_search_as_a_subprocess(sqlite_url: str) -> None:
    build_archive(sqlite_url)
    done = subprocess.run(
        [sys.executable, "-m", "schedules.cli", "search", "tariffs", "--json", "--db", sqlite_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [h["url"] for h in json.loads(done.stdout)] == [TARIFFS]
