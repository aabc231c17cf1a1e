"""Exports read back (csv, json, pyarrow) equal the archive; the data package fits the files."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from search.hub_samples import AWKWARD, DREAM, FORMULA, TARIFFS, ZORG, build_archive

from storage.datapackage import TABLES
from storage.db import open_engine, transaction
from storage.export import ExportReport, export_archive, iter_selected
from storage.selection import Filters


def run_export(db_url: str, out: Path, fmt: str, **kwargs: Any) -> ExportReport:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        report = export_archive(session, out, fmt, batch_size=2, **kwargs)
    engine.dispose()
    return report


def archive_records(db_url: str, **kwargs: Any) -> list[dict[str, Any]]:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        records = [
            v.to_dict() for batch in iter_selected(session, Filters(), **kwargs) for v in batch
        ]
    engine.dispose()
    return records


@pytest.fixture
def archive(db_url: str) -> str:
    build_archive(db_url)
    return db_url


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_jsonl_holds_one_record_per_article_as_archived(archive: str, tmp_path: Path) -> None:
    report = run_export(archive, tmp_path, "jsonl")
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert report.rows == {"articles.jsonl": 5}
    # the record as archived, and which extractor read it (as in the CSV and Parquet exports)
    assert all(isinstance(r.pop("extractor_version"), str) for r in records)
    assert records == archive_records(archive)
    dream = next(r for r in records if r["url"] == DREAM)
    assert (dream["version"], dream["title"]) == (2, "La Californie, le rêve américain")
    assert dream["qa"][0]["speaker"] == "Eric Gabrys"
    tariffs = next(r for r in records if r["url"] == TARIFFS)
    assert (tariffs["body"], tariffs["lead"]) == (AWKWARD, FORMULA)
    assert next(r for r in records if r["url"] == ZORG)["status"] == "gone"


def test_all_versions_and_as_of(archive: str, tmp_path: Path) -> None:
    run_export(archive, tmp_path / "all", "jsonl", all_versions=True)
    rows = [json.loads(x) for x in (tmp_path / "all/articles.jsonl").read_text().splitlines()]
    assert [(r["version"], r["title"]) for r in rows if r["url"] == DREAM] == [
        (1, "Le rêve américain existe encore"),
        (2, "La Californie, le rêve américain"),
    ]
    run_export(archive, tmp_path / "past", "jsonl", filters=Filters(as_of=dt.date(2025, 11, 1)))
    past = [json.loads(x) for x in (tmp_path / "past/articles.jsonl").read_text().splitlines()]
    assert {r["url"]: (r["version"], r["status"]) for r in past if r["url"] in (DREAM, ZORG)} == {
        DREAM: (1, "live"),
        ZORG: (1, "live"),
    }
    assert len(past) == 4  # the article first seen in December is not there yet


def test_csv_tables_round_trip_with_awkward_text(archive: str, tmp_path: Path) -> None:
    run_export(archive, tmp_path, "csv", raw_cells=True)
    raw = (tmp_path / "articles.csv").read_bytes()
    assert b"\r\n" in raw and raw.decode("utf-8")
    articles = {row["url"]: row for row in read_csv(tmp_path / "articles.csv")}
    assert articles[TARIFFS]["body"] == AWKWARD
    assert articles[TARIFFS]["lead"] == FORMULA
    assert json.loads(articles[DREAM]["translations"]) == {"en": TARIFFS}
    qa = read_csv(tmp_path / "qa.csv")
    answer = next(r for r in qa if r["speaker"] == "Jane Doe")["answer"]
    assert answer == "No, tariffs apply to goods.\n\nOnly goods."
    # every table joins to articles by (article_id, version)
    keys = {(r["article_id"], r["version"]) for r in articles.values()}
    for table in ("qa", "contacts", "related"):
        rows = read_csv(tmp_path / f"{table}.csv")
        assert {(r["article_id"], r["version"]) for r in rows} <= keys
    contact = next(r for r in read_csv(tmp_path / "contacts.csv") if r["name"] == "+32 trick")
    assert json.loads(contact["phones"]) == ["+3225480000"]


def test_csv_neutralises_formulas_unless_raw(archive: str, tmp_path: Path) -> None:
    run_export(archive, tmp_path, "csv")
    articles = {row["url"]: row for row in read_csv(tmp_path / "articles.csv")}
    assert articles[TARIFFS]["lead"] == "'" + FORMULA
    contact = next(r for r in read_csv(tmp_path / "contacts.csv") if r["role"].endswith("admin"))
    assert (contact["name"], contact["role"], contact["address"]) == (
        "'+32 trick",
        "'@admin",
        "'-1 Rue, Bruxelles",
    )


def test_parquet_tables_are_typed_and_equal_the_csv(archive: str, tmp_path: Path) -> None:
    run_export(archive, tmp_path / "pq", "parquet", all_versions=True)
    run_export(archive, tmp_path / "csv", "csv", all_versions=True, raw_cells=True)
    articles = pq.read_table(tmp_path / "pq/articles.parquet")
    assert str(articles.schema.field("published").type) == "date32[day]"
    assert str(articles.schema.field("seen_at").type) == "timestamp[us, tz=UTC]"
    rows = articles.to_pylist()
    tariffs = next(r for r in rows if r["url"] == TARIFFS)
    assert tariffs["body"] == AWKWARD and tariffs["published"] == dt.date(2025, 6, 1)
    for table in TABLES:
        from_csv = read_csv(tmp_path / f"csv/{table}.csv")
        from_parquet = pq.read_table(tmp_path / f"pq/{table}.parquet").to_pylist()
        assert len(from_csv) == len(from_parquet)
        for c_row, p_row in zip(from_csv, from_parquet, strict=True):
            assert c_row["article_id"] == str(p_row["article_id"])
            assert c_row["version"] == str(p_row["version"])
    contacts = pq.read_table(tmp_path / "pq/contacts.parquet").to_pylist()
    assert ["sanfrancisco@hub.brussels"] in [c["emails"] for c in contacts]


def _check_value(kind: str, value: Any, fmt: str) -> None:
    if value in (None, ""):
        return
    if fmt == "parquet":
        expected = {
            "integer": int,
            "string": str,
            "date": dt.date,
            "datetime": dt.datetime,
            "array": list,
            "any": list,  # Parquet list columns (storage.datapackage.PARQUET_LIST)
            "object": str,
        }[kind]
        assert isinstance(value, expected), (kind, value)
        return
    if kind == "integer":
        int(value)
    elif kind == "date":
        dt.date.fromisoformat(value)
    elif kind == "datetime":
        dt.datetime.fromisoformat(value)
    elif kind in ("array", "object"):
        parsed = json.loads(value) if isinstance(value, str) else value
        assert isinstance(parsed, list if kind == "array" else dict)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_data_package_describes_every_file_and_column(
    archive: str, tmp_path: Path, fmt: str
) -> None:
    tmp_path = tmp_path / "export"
    run_export(archive, tmp_path, fmt, all_versions=True)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in package["resources"]}
    assert listed | {"datapackage.json"} == {p.name for p in tmp_path.iterdir()}
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        assert all(f["description"] and f["type"] for f in fields)
        names = [f["name"] for f in fields]
        path = tmp_path / resource["path"]
        if fmt == "csv":
            rows = read_csv(path)
            with path.open(encoding="utf-8", newline="") as handle:
                assert next(csv.reader(handle)) == names
        elif fmt == "jsonl":
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
            assert all(list(r) == names for r in rows)
        else:
            table = pq.read_table(path)
            assert table.column_names == names
            rows = table.to_pylist()
        assert rows or resource["name"] != "articles"
        assert package["hubarchive"]["rows"][resource["path"]] == len(rows)
        for row in rows:
            for f in fields:
                _check_value(f["type"], row[f["name"]], fmt)


def test_export_filters_and_limit(archive: str, tmp_path: Path) -> None:
    report = run_export(archive, tmp_path, "csv", filters=Filters(lang="fr", has_qa=True))
    assert [r["url"] for r in read_csv(tmp_path / "articles.csv")] == [DREAM]
    assert report.rows["qa.csv"] == 2
    assert run_export(archive, tmp_path / "l", "jsonl", limit=2).versions == 2


def test_a_hostile_title_cannot_name_a_file(db_url: str, tmp_path: Path) -> None:
    from scraper.models import Article
    from storage.archive import store_record

    engine = open_engine(db_url)
    with transaction(engine) as session:
        store_record(
            session,
            Article(
                url="https://x.test/../../etc/passwd",
                title="../../evil",
                sector="../../../tmp/x",
                lang="fr",
            ),
            seen_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        )
    engine.dispose()
    out = tmp_path / "out"
    run_export(db_url, out, "csv")
    outside = [
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and out not in p.parents and not p.name.startswith("archive.db")
    ]
    assert outside == []
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["articles.csv", "qa.csv", "contacts.csv", "related.csv", "datapackage.json"]
    )


def test_export_errors_are_storage_errors_in_one_place(archive: str, tmp_path: Path) -> None:
    from storage import errors, export

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(errors.ExportError, match="cannot create the export folder"):
        run_export(archive, blocker / "out", "csv")
    with pytest.raises(errors.StorageError, match="unknown export format 'xlsx'"):
        run_export(archive, tmp_path / "x", "xlsx")
    assert export.ExportError is errors.ExportError, "the old import path still works"


def test_an_export_folder_that_cannot_be_used_exits_2_with_one_line(
    archive: str, tmp_path: Path
) -> None:
    """`export --out` under a file, or at a dangling symlink, is a target to fix (exit 2, as `feed
    --out`'s), one line, nothing written; it exited 1."""
    from click.testing import CliRunner

    from schedules.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    for out, says in (
        (blocker / "out", f"cannot create the export folder {blocker / 'out'}: Not a directory"),
        (tmp_path / "link", "cannot create the export folder"),  # a dangling symlink
    ):
        args = ["export", "--format", "csv", "--out", str(out), "--db", archive]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith("Error: ") and says in result.output
        assert len(result.output.splitlines()) == 1
    assert blocker.read_text() == "not a folder"
    assert not (tmp_path / "elsewhere").exists()


def test_a_parquet_export_of_many_row_groups_reads_back_whole(
    archive: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row groups of a fixed row count, written as the export goes: a reader sees one table,
    typed as before, whatever the number of groups (pyarrow, pandas, frictionless)."""
    frictionless = pytest.importorskip("frictionless", reason="frictionless is a test extra")
    run_export(archive, tmp_path / "one", "parquet", all_versions=True)
    monkeypatch.setattr("storage.export.PARQUET_ROW_GROUP_ROWS", 4)
    run_export(archive, tmp_path / "many", "parquet", all_versions=True)
    articles = pq.ParquetFile(tmp_path / "many/articles.parquet")
    sizes = [articles.metadata.row_group(n).num_rows for n in range(articles.num_row_groups)]
    assert sizes == [4, 2]  # six versions read two at a time: a group of four, then the rest
    for table in TABLES:
        whole = pq.read_table(tmp_path / f"one/{table}.parquet")
        grouped = pq.read_table(tmp_path / f"many/{table}.parquet")
        assert grouped.schema.equals(whole.schema, check_metadata=True)
        assert grouped.to_pylist() == whole.to_pylist()
        frame = grouped.to_pandas()
        assert list(frame.columns) == [c.name for c in TABLES[table]]
        assert len(frame) == grouped.num_rows
    package = frictionless.Package(str(tmp_path / "many/datapackage.json"))
    assert len(package.get_resource("articles").read_rows()) == 6
    assert frictionless.validate(str(tmp_path / "many/datapackage.json")).valid


def test_the_data_package_names_the_sites_it_holds(db_url: str, tmp_path: Path) -> None:
    """The title said "hub.brussels news articles" whatever the archive held: an export of
    another site's crawl cited the wrong source. It names the sites of the exported articles."""
    from dataclasses import replace

    from search.hub_samples import DREAM_V1, capture, day

    from storage.archive import store_record

    engine = open_engine(db_url)
    other = replace(DREAM_V1, url="https://gazette.example.org/news/story-1.html")
    with transaction(engine) as session:
        seen = day("2025-10-28")
        store_record(
            session,
            other,
            seen_at=seen,
            site="https://gazette.example.org",
            capture=capture(other.url, seen, "<html>story</html>"),
        )
    engine.dispose()
    for fmt in ("csv", "jsonl"):
        run_export(db_url, tmp_path / fmt, fmt)
        package = json.loads((tmp_path / fmt / "datapackage.json").read_text(encoding="utf-8"))
        assert "hub.brussels" not in package["title"]
        assert "https://gazette.example.org" in package["title"]
        assert package["hubarchive"]["sites"] == ["https://gazette.example.org"]
