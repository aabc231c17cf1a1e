"""Export the archive for researchers as csv, jsonl or parquet, streamed a batch at a time, with its
data dictionary (`datapackage.json`).

File names are fixed (`storage.datapackage.file_name`); each file is written under a temporary name
and renamed when complete. CSV cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.datapackage import JSONL_FIELDS, TABLES, Column, describe, file_name
from storage.errors import ExportError  # also importable from here, its old home
from storage.records import ArchivedVersion, load_versions
from storage.safefiles import SafeFiles
from storage.selection import Filters, selected_versions

FORMATS = ("csv", "jsonl", "parquet")
#: Versions read and written per batch (one parquet row group per batch and table).
BATCH_SIZE = 500
#: Parquet columns with min/max statistics: keys and dates, what a reader filters row groups on.
#: The writer keeps every row group's statistics in memory until the file is closed, and those
#: of a text column are whole paragraphs: with them, peak memory grew with the archive.
STATISTICS_TYPES = frozenset({"integer", "date", "datetime"})
#: First characters that make a spreadsheet evaluate a cell (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[Any, ...]


@dataclass
class ExportReport:
    """What an export wrote: the folder, the format, and rows per file."""

    out_dir: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)
    versions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "out_dir": str(self.out_dir),
            "format": self.format,
            "versions": self.versions,
            "rows": dict(self.rows),
        }


def table_rows(item: ArchivedVersion) -> dict[str, list[Row]]:
    """The rows one version contributes to each table of `TABLES`, in column order."""
    r = item.record
    keys = (item.article_id, item.version)
    return {
        "articles": [
            keys
            + (
                r.url,
                r.lang,
                r.title,
                r.published,
                r.modified,
                r.sector,
                r.sector_key,
                r.lead,
                r.body,
                dict(sorted(r.translations.items())),
                dict(sorted(r.sources.items())),
                list(r.warnings),
                item.status,
                item.content_hash,
                item.first_seen,
                item.last_changed,
                item.seen_at,
                item.extractor_version,
            )
        ],
        "qa": [keys + (n, q.speaker, q.question, q.answer) for n, q in enumerate(r.qa, 1)],
        "contacts": [
            keys + (n, c.name, c.role, c.address, list(c.phones), list(c.emails))
            for n, c in enumerate(r.contacts, 1)
        ],
        "related": [
            keys + (n, card.title, card.url, card.sector, card.published)
            for n, card in enumerate(r.related, 1)
        ],
    }


class _Writer(Protocol):
    def write(self, batch: list[ArchivedVersion]) -> None: ...
    def close(self) -> dict[str, int]: ...


def _csv_cell(value: Any, raw: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and not raw and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_guarded(value: Any) -> Any:
    """A text cell with the formula guard (`_csv_cell` for anything but plain text)."""
    if type(value) is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return _csv_cell(value, False)


def _csv_iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else _csv_cell(value, True)


def _csv_json(value: Any) -> Any:
    return (
        json.dumps(value, ensure_ascii=False)
        if isinstance(value, list | dict)
        else _csv_cell(value, True)
    )


def _csv_converters(columns: tuple[Column, ...], raw: bool) -> list[tuple[int, Any]]:
    """(position, conversion) of the cells of a table's rows that `_csv_cell` would change.

    Integer and date cells are written as they come: the csv module writes None as an empty cell,
    an int as its digits and a date as `str(date)`, its ISO form, as `_csv_cell` would. Converting
    only the other columns, with the conversion their type needs, halves the CSV export's time.
    """
    by_type = {"datetime": _csv_iso, "array": _csv_json, "object": _csv_json}
    if not raw:
        by_type["string"] = _csv_guarded
    return [(n, by_type[c.type]) for n, c in enumerate(columns) if c.type in by_type]


class _CsvWriter:
    def __init__(self, files: SafeFiles, raw_cells: bool) -> None:
        self.files = files
        self.writers = {}
        self.converters = {t: _csv_converters(cols, raw_cells) for t, cols in TABLES.items()}
        self.counts = dict.fromkeys(TABLES, 0)
        for table, columns in TABLES.items():
            handle = files.open(file_name(table, "csv"), "w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([c.name for c in columns])
            self.writers[table] = writer

    def write(self, batch: list[ArchivedVersion]) -> None:
        gathered: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
        for item in batch:
            for table, rows in table_rows(item).items():
                gathered[table] += map(list, rows)
        for table, cells in gathered.items():
            converters = self.converters[table]
            for row in cells:
                for n, convert in converters:
                    row[n] = convert(row[n])
            self.writers[table].writerows(cells)
            self.counts[table] += len(cells)

    def close(self) -> dict[str, int]:
        return {file_name(t, "csv"): n for t, n in self.counts.items()}


class _JsonlWriter:
    def __init__(self, files: SafeFiles) -> None:
        self.name = file_name("articles", "jsonl")
        self.handle = files.open(self.name, "w", encoding="utf-8", newline="")
        self.count = 0

    def write(self, batch: list[ArchivedVersion]) -> None:
        for item in batch:
            data = item.to_dict() | {"extractor_version": item.extractor_version}
            line = {c.name: data[c.name] for c in JSONL_FIELDS}
            self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.count += len(batch)

    def close(self) -> dict[str, int]:
        return {self.name: self.count}


def _arrow_type(pa: Any, column: Column) -> Any:
    return {
        "integer": pa.int64(),
        "string": pa.string(),
        "date": pa.date32(),
        "datetime": pa.timestamp("us", tz="UTC"),
        "array": pa.list_(pa.string()),
        "object": pa.string(),
    }[column.type]


class _ParquetWriter:
    def __init__(self, files: SafeFiles) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ExportError(
                "parquet export needs pyarrow: pip install 'hubarchive[parquet]' "
                "(or choose --format csv or jsonl)"
            ) from exc
        self.pa = pa
        self.schemas = {
            t: pa.schema([(c.name, _arrow_type(pa, c)) for c in cols]) for t, cols in TABLES.items()
        }
        self.writers = {
            t: pq.ParquetWriter(
                files.open(file_name(t, "parquet"), "wb"),
                schema,
                write_statistics=[c.name for c in TABLES[t] if c.type in STATISTICS_TYPES],
            )
            for t, schema in self.schemas.items()
        }
        self.counts = dict.fromkeys(TABLES, 0)

    def write(self, batch: list[ArchivedVersion]) -> None:
        gathered: dict[str, list[Row]] = {t: [] for t in TABLES}
        for item in batch:
            for table, rows in table_rows(item).items():
                gathered[table].extend(rows)
        for table, rows in gathered.items():
            columns = TABLES[table]
            values = (
                [
                    [json.dumps(v, ensure_ascii=False) if c.type == "object" else v for v in column]
                    for c, column in zip(columns, zip(*rows, strict=True), strict=True)
                ]
                if rows
                else [[] for _ in columns]
            )
            self.writers[table].write_table(
                self.pa.Table.from_arrays(
                    [
                        self.pa.array(v, type=f.type)
                        for v, f in zip(values, self.schemas[table], strict=True)
                    ],
                    schema=self.schemas[table],
                )
            )
            self.counts[table] += len(rows)

    def close(self) -> dict[str, int]:
        for writer in self.writers.values():
            writer.close()
        return {file_name(t, "parquet"): n for t, n in self.counts.items()}


def count_selected(session: Session, filters: Filters, *, all_versions: bool = False) -> int:
    """How many versions an export with these settings will write (for a progress bar)."""
    selection = selected_versions(filters, all_versions=all_versions).subquery()
    return int(session.scalar(select(func.count()).select_from(selection)) or 0)


def iter_selected(
    session: Session,
    filters: Filters,
    *,
    all_versions: bool = False,
    batch_size: int = BATCH_SIZE,
    limit: int | None = None,
) -> Iterator[list[ArchivedVersion]]:
    """The selected versions as records, a batch at a time, by article id then version."""
    selection = selected_versions(filters, all_versions=all_versions).subquery()
    stmt = (
        select(selection.c.version_id, selection.c.status)
        .order_by(selection.c.article_id, selection.c.version)
        .limit(limit)
        .execution_options(yield_per=batch_size)
    )
    for part in session.execute(stmt).partitions():
        yield load_versions(session, [(vid, status) for vid, status in part], as_of=filters.as_of)


def export_archive(
    session: Session,
    out_dir: Path,
    fmt: str,
    *,
    filters: Filters | None = None,
    all_versions: bool = False,
    raw_cells: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    limit: int | None = None,
) -> ExportReport:
    """Write the selected versions to `out_dir` in `fmt`, then `datapackage.json`; count the rows.

    `progress` is called with the number of versions written after every batch; `limit` caps
    the number of versions.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    filters = filters or Filters()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the export folder {out_dir}: {exc.strerror}") from exc
    if not out_dir.is_dir():
        raise ExportError(f"the export folder {out_dir} is not a folder")
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    report = ExportReport(out_dir=out_dir, format=fmt)
    with SafeFiles(out_dir) as files:
        writer: _Writer
        if fmt == "csv":
            writer = _CsvWriter(files, raw_cells)
        elif fmt == "jsonl":
            writer = _JsonlWriter(files)
        else:
            writer = _ParquetWriter(files)
        batches = iter_selected(
            session, filters, all_versions=all_versions, batch_size=batch_size, limit=limit
        )
        for batch in batches:
            writer.write(batch)
            report.versions += len(batch)
            if progress is not None:
                progress(len(batch))
        report.rows = writer.close()
        settings = {
            "filters": filters.to_dict(),
            "all_versions": all_versions,
            "raw_cells": raw_cells,
        }
        package = describe(fmt, created=created, settings=settings, counts=report.rows)
        files.open("datapackage.json", "w", encoding="utf-8").write(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n"
        )
        files.commit()
    return report
