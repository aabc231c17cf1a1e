"""The data packages pass `frictionless validate`; one article key; the CSV formula guard is said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from search.hub_samples import build_archive

from schedules.cli import main

frictionless = pytest.importorskip("frictionless", reason="frictionless is a test extra")


@pytest.fixture
def archive(sqlite_url: str) -> str:
    build_archive(sqlite_url)
    return sqlite_url


def _export(db_url: str, out: Path, fmt: str, *extra: str) -> dict:
    result = CliRunner().invoke(
        main,
        ["export", "--format", fmt, "--out", str(out), "--all-versions", "--db", db_url, *extra],
    )
    assert result.exit_code == 0, result.output
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_every_export_passes_frictionless_validate(archive: str, tmp_path: Path, fmt: str) -> None:
    _export(archive, tmp_path, fmt)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    errors = [
        f"{task.name}: {error.type} {error.message[:120]}"
        for task in report.tasks
        for error in task.errors[:3]
    ]
    assert report.valid, errors


def test_the_article_key_has_one_name_in_every_format(archive: str, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl"):
        package = _export(archive, tmp_path / fmt, fmt)
        for resource in package["resources"]:
            names = [f["name"] for f in resource["schema"]["fields"]]
            assert "article_id" in names and "id" not in names, (fmt, resource["name"])
            types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
            if "extractor_version" in types:
                assert types["extractor_version"] == "string"
    first = json.loads(
        (tmp_path / "jsonl/articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    assert isinstance(first["article_id"], int) and "id" not in first


def test_every_format_says_which_extractor_read_each_row(archive: str, tmp_path: Path) -> None:
    """The JSON Lines export lacked extractor_version (CSV and Parquet had it)."""
    for fmt in ("parquet", "csv", "jsonl"):
        package = _export(archive, tmp_path / fmt, fmt)
        articles = package["resources"][0]
        assert "extractor_version" in [f["name"] for f in articles["schema"]["fields"]], fmt
    for line in (tmp_path / "jsonl/articles.jsonl").read_text(encoding="utf-8").splitlines():
        version = json.loads(line)["extractor_version"]
        assert isinstance(version, str) and version


def test_the_csv_formula_guard_is_in_the_data_dictionary(archive: str, tmp_path: Path) -> None:
    guarded = _export(archive, tmp_path / "guarded", "csv")
    title = next(f for f in guarded["resources"][0]["schema"]["fields"] if f["name"] == "title")
    assert "leading '" in title["description"] and "-20 %" in title["description"]
    raw = _export(archive, tmp_path / "raw", "csv", "--raw-cells")
    title = next(f for f in raw["resources"][0]["schema"]["fields"] if f["name"] == "title")
    assert "leading '" not in title["description"]


def test_the_dictionary_says_a_parquet_json_object_column_is_text(
    archive: str, tmp_path: Path
) -> None:
    """A Parquet reader (pyarrow, pandas, duckdb) gets `translations` and `sources` as strings
    holding JSON; the dictionary said only "JSON object", as it does for the nested JSON Lines."""
    pq = pytest.importorskip("pyarrow.parquet")
    package = _export(archive, tmp_path, "parquet")
    schema = pq.read_schema(tmp_path / "articles.parquet")
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    for name in ("translations", "sources"):
        assert str(schema.field(name).type) == "string"
        assert "Parquet: JSON text in a string column" in fields[name]["description"], name
