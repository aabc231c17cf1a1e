"""Crafted archive content cannot escape `--out` or run in a spreadsheet; hostile search input
never reaches SQL unparameterised (results or a clear error, and the archive intact after)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from faults.expect import integrity_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from schedules.cli import main
from scraper.models import Article
from storage.archive import store_record
from storage.db import open_engine, transaction
from storage.errors import QueryError
from storage.schema import ArticleRow, VersionRow
from storage.search import search

CRAFTED = [
    ("../../../../escaped", "../../sector-escape"),
    ('=HYPERLINK("http://127.0.0.2/x","click")', "/etc/passwd"),
    ("+SUM(1;2)", "@risk"),
    ("-2+3 Bruxelles", "=1+1"),
    ("@cmd|' /C calc'!A0", "..\\..\\windows"),
]
HOSTILE_QUERIES = [
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "Bruxelles' OR '1'='1",
    "NEAR(a b",
    "*",
    '"unclosed phrase',
    "a AND",
    "OR OR OR",
    "-",
    "()",
    "\x00",
    "%_%",
    "\\",
    "title:x",
    "Bruxelles) UNION SELECT sqlite_version() --",
    "é" * 2000,
    "a" * 10_000,
    "&|!:*<>",
    "$$; DROP TABLE versions; $$",
    "'''",
    "🙂",
    "NOT",
    "^",
    '{} [] ""',
]


@pytest.fixture
def archive(db_url: str) -> str:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            for i, (title, sector) in enumerate(CRAFTED):
                record = Article(
                    url=f"https://hub.brussels/fr/news/crafted-{i}/",
                    title=title,
                    sector=sector,
                    lang="fr",
                    lead="Bruxelles exporte.",
                    body=f"Corps {i} : Bruxelles, « export ».",
                    published=dt.date(2026, 1, i + 1),
                )
                store_record(session, record, seen_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    finally:
        engine.dispose()
    return db_url


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_crafted_titles_and_sectors_stay_inside_out(archive: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "deep" / "out"
    before = _files(tmp_path)
    result = CliRunner().invoke(
        main, ["export", "--db", archive, "--format", fmt, "--out", str(out), "--all-versions"]
    )
    assert result.exit_code == 0, result.output
    written = _files(tmp_path) - before
    assert written and all(out in p.parents for p in written), sorted(map(str, written))
    assert not (tmp_path / "escaped").exists() and not Path("/tmp/escaped").exists()


def _titles(folder: Path) -> dict[str, str]:
    with (folder / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {row["url"]: row["title"] for row in rows}


def test_csv_formula_cells_are_neutralised_and_kept_raw_on_request(
    archive: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    for folder, extra in (("safe", []), ("raw", ["--raw-cells"])):
        result = runner.invoke(
            main,
            ["export", "--db", archive, "--format", "csv", "--out", str(tmp_path / folder), *extra],
        )
        assert result.exit_code == 0, result.output
    safe, raw = _titles(tmp_path / "safe"), _titles(tmp_path / "raw")
    for i, (title, _) in enumerate(CRAFTED):
        url = f"https://hub.brussels/fr/news/crafted-{i}/"
        assert raw[url] == title
        if title[0] in "=+-@":
            assert safe[url][0] not in "=+-@" and title in safe[url], safe[url]
        else:
            assert safe[url] == title


def _counts(db_url: str) -> tuple[int, int]:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return (
                session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                session.scalar(select(func.count()).select_from(VersionRow)) or 0,
            )
    finally:
        engine.dispose()


def _search_or_clear_error(db_url: str, text: str) -> None:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            try:
                hits = search(session, text, limit=5)
            except QueryError as exc:
                assert str(exc), "a clear error"
            else:
                assert isinstance(hits, list)
    finally:
        engine.dispose()


def test_hostile_search_queries_answer_or_refuse_and_leave_the_archive_intact(archive: str) -> None:
    before = _counts(archive)
    for text in HOSTILE_QUERIES:
        _search_or_clear_error(archive, text)
        result = CliRunner().invoke(main, ["search", "--db", archive, text])
        assert result.exit_code in (0, 2), (text, result.output, result.exception)  # 2: refused
        assert result.exception is None or isinstance(result.exception, SystemExit), text
    assert _counts(archive) == before
    assert integrity_problems(archive) == []
    engine = open_engine(archive)
    try:
        with transaction(engine) as session:
            assert search(session, "Bruxelles", limit=10), "search still works"
    finally:
        engine.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=80))
def test_any_search_text_answers_or_refuses(sqlite_archive: str, text: str) -> None:
    _search_or_clear_error(sqlite_archive, text)


@pytest.fixture(scope="module")
def sqlite_archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'archive.db'}"
    engine = open_engine(url)
    try:
        with transaction(engine) as session:
            store_record(
                session,
                Article(
                    url="https://hub.brussels/fr/news/x/",
                    title="Bruxelles",
                    lang="fr",
                    body="Corps",
                ),
                seen_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
            )
    finally:
        engine.dispose()
    return url
