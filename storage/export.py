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
from typing import Any, NamedTuple, Protocol, cast

import orjson
from sqlalchemy import Table, Text, func, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from storage.datapackage import TABLES, Column, describe, file_name
from storage.errors import ExportError  # also importable from here, its old home
from storage.records import ArchivedVersion, among, load_versions
from storage.safefiles import SafeFiles
from storage.schema import ArticleRow, ContactRow, QARow, Site, VersionRow
from storage.selection import Filters, selected_versions

FORMATS = ("csv", "jsonl", "parquet")
#: Versions read and written per batch: three statements per batch (versions, Q&A, contacts),
#: and what the export holds in memory besides a Parquet row group.
BATCH_SIZE = 500
#: Rows per Parquet row group, in every table (the last group of a file holds what is left).
#: The writer keeps each row group's metadata until the file is closed, about a kilobyte per
#: column: row groups of 500 versions made peak memory grow with the archive (by some 30 MiB at
#: 200,000 versions). 5,000 rows is a few hundred groups at a million versions, while a group of
#: articles (some 4 KB of text each) stays near 20 MiB whatever the archive's size.
PARQUET_ROW_GROUP_ROWS = 5_000
#: Parquet columns with min/max statistics: keys and dates, what a reader filters row groups on.
#: The writer keeps every row group's statistics in memory until the file is closed, and those
#: of a text column are whole paragraphs: with them, peak memory grew with the archive.
STATISTICS_TYPES = frozenset({"integer", "date", "datetime"})
#: First characters that make a spreadsheet evaluate a cell (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[Any, ...]
#: `json.dumps(value, ensure_ascii=False)` without building an encoder per call.
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False)


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


_VERSIONS = cast(Table, VersionRow.__table__)
_ARTICLES = cast(Table, ArticleRow.__table__)
_QA = cast(Table, QARow.__table__)
_CONTACTS = cast(Table, ContactRow.__table__)


class ExportedVersion(NamedTuple):
    """One selected version as the writers need it: Core values, JSON columns decoded once.

    Exports read no `Article` records: building them and taking them apart again was most of
    an export's time. `row` holds the columns of `_version_columns`.
    """

    article_id: int
    version: int
    status: str
    row: Any
    translations: dict[str, Any]
    sources: dict[str, Any]
    warnings: list[Any]
    #: (title, url, sector, published) of each related card, as `RelatedCard` reads them
    related: list[tuple[Any, Any, Any, dt.date | None]]
    #: (question, answer, speaker) of each Q&A pair, in order
    qa: list[tuple[Any, Any, Any]]
    #: (name, role, address, phones, emails) of each contact, in order
    contacts: list[tuple[Any, Any, Any, list[Any], list[Any]]]


def _version_columns(as_of: dt.date | None) -> list[Any]:
    """The columns an export reads per version; JSON ones as text (decoded by `_json`)."""
    return [
        _VERSIONS.c.id.label("version_id"),
        _ARTICLES.c.url,
        _VERSIONS.c.lang,
        _VERSIONS.c.title,
        _VERSIONS.c.published,
        _VERSIONS.c.modified,
        _VERSIONS.c.sector,
        _VERSIONS.c.sector_key,
        _VERSIONS.c.lead,
        _VERSIONS.c.body,
        *(
            sql_cast(_VERSIONS.c[name], Text).label(name)
            for name in ("translations", "sources", "warnings", "related")
        ),
        _VERSIONS.c.content_hash,
        _ARTICLES.c.first_seen,
        # as of a day, the version then current is the article's last change
        (_VERSIONS.c.seen_at if as_of else _ARTICLES.c.last_changed).label("last_changed"),
        _VERSIONS.c.seen_at,
        _VERSIONS.c.extractor_version,
    ]


def _json(text: str | None, empty: Any) -> Any:
    """A JSON column read as text: `[]` and `{}` (most of them) need no parser; NULL and `null`
    read as `empty`, as the records do."""
    if text is None or text == "[]" or text == "{}":
        return empty()
    return orjson.loads(text) or empty()


def _sorted(data: dict[str, Any]) -> dict[str, Any]:
    return dict(sorted(data.items())) if len(data) > 1 else data


def _card(card: dict[str, Any]) -> tuple[Any, Any, Any, dt.date | None]:
    published = card.get("published")  # as RelatedCard.from_dict reads it
    day = published if published is None else dt.date.fromisoformat(published[:10])
    return (card["title"], card.get("url"), card.get("sector"), day)


def _children(session: Session, columns: list[Any], ids: list[int]) -> dict[int, list[Any]]:
    table = columns[0].table
    found: dict[int, list[Any]] = {}
    rows = session.execute(
        select(table.c.version_id, *columns)
        .where(among(session, table.c.version_id, ids))
        .order_by(table.c.version_id, table.c.position)
    ).all()
    for version_id, *values in rows:
        found.setdefault(version_id, []).append(values)
    return found


def load_exported(
    session: Session, wanted: list[Any], as_of: dt.date | None
) -> list[ExportedVersion]:
    """The versions `wanted` (rows of `selected_versions`) in that order; three statements."""
    ids = [w.version_id for w in wanted]
    if not ids:
        return []
    rows = {
        row.version_id: row
        for row in session.execute(
            select(*_version_columns(as_of))
            .select_from(_VERSIONS)
            .join(_ARTICLES, _ARTICLES.c.id == _VERSIONS.c.article_id)
            .where(among(session, _VERSIONS.c.id, ids))
        ).all()  # one fetch, not one call per row
    }
    qa = _children(session, [_QA.c.question, _QA.c.answer, _QA.c.speaker], ids)
    contacts = _children(
        session,
        [
            _CONTACTS.c.name,
            _CONTACTS.c.role,
            _CONTACTS.c.address,
            sql_cast(_CONTACTS.c.phones, Text),
            sql_cast(_CONTACTS.c.emails, Text),
        ],
        ids,
    )
    found = []
    for w in wanted:
        row = rows.get(w.version_id)
        if row is None:  # gone between the selection and this read
            continue
        found.append(
            ExportedVersion(
                w.article_id,
                w.version,
                w.status,
                row,
                _sorted(_json(row.translations, dict)),
                _sorted(_json(row.sources, dict)),
                _json(row.warnings, list),
                [_card(card) for card in _json(row.related, list)],
                [(q, a, s) for q, a, s in qa.get(w.version_id, ())],
                [
                    (name, role, address, _json(phones, list), _json(emails, list))
                    for name, role, address, phones, emails in contacts.get(w.version_id, ())
                ],
            )
        )
    return found


def table_rows(v: ExportedVersion) -> dict[str, list[Row]]:
    """The rows one version contributes to each table of `TABLES`, in column order."""
    r = v.row
    keys = (v.article_id, v.version)
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
                v.translations,
                v.sources,
                v.warnings,
                v.status,
                r.content_hash,
                r.first_seen,
                r.last_changed,
                r.seen_at,
                r.extractor_version,
            )
        ],
        "qa": [keys + (n, speaker, q, a) for n, (q, a, speaker) in enumerate(v.qa, 1)],
        "contacts": [keys + (n, *contact) for n, contact in enumerate(v.contacts, 1)],
        "related": [keys + (n, *card) for n, card in enumerate(v.related, 1)],
    }


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def jsonl_record(v: ExportedVersion) -> dict[str, Any]:
    """The nested record of the jsonl export, keys in the order of `JSONL_FIELDS`."""
    r = v.row
    return {
        "url": r.url,
        "lang": r.lang,
        "title": r.title,
        "published": _iso(r.published),
        "modified": _iso(r.modified),
        "sector": r.sector,
        "sector_key": r.sector_key,
        "lead": r.lead,
        "body": r.body,
        "qa": [{"question": q, "answer": a, "speaker": s} for q, a, s in v.qa],
        "contacts": [
            {"name": n, "role": role, "address": ad, "phones": p, "emails": e}
            for n, role, ad, p, e in v.contacts
        ],
        "related": [
            {"title": t, "url": u, "sector": s, "published": _iso(p)} for t, u, s, p in v.related
        ],
        "translations": v.translations,
        "sources": v.sources,
        "warnings": v.warnings,
        "article_id": v.article_id,
        "version": v.version,
        "content_hash": r.content_hash,
        "first_seen": r.first_seen.isoformat(),
        "last_changed": r.last_changed.isoformat(),
        "seen_at": r.seen_at.isoformat(),
        "status": v.status,
        "extractor_version": r.extractor_version,
    }


class _Writer(Protocol):
    def write(self, batch: list[ExportedVersion]) -> None: ...
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
    return _JSON_TEXT.encode(value) if isinstance(value, list | dict) else _csv_cell(value, True)


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

    def write(self, batch: list[ExportedVersion]) -> None:
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

    def write(self, batch: list[ExportedVersion]) -> None:
        encode = _JSON_TEXT.encode
        self.handle.write("".join([encode(jsonl_record(v)) + "\n" for v in batch]))
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

        #: record batches not yet written, and their rows, per table
        self.pending: dict[str, list[Any]] = {t: [] for t in TABLES}
        self.pending_rows = dict.fromkeys(TABLES, 0)

    def _record_batch(self, table: str, rows: list[Row]) -> Any:
        arrays = []
        for c, field_, column in zip(
            TABLES[table], self.schemas[table], zip(*rows, strict=True), strict=True
        ):
            values: Any = column
            if c.type == "object":
                values = [_JSON_TEXT.encode(v) if v else "{}" for v in column]
            arrays.append(self.pa.array(values, type=field_.type))
        return self.pa.RecordBatch.from_arrays(arrays, schema=self.schemas[table])

    def write(self, batch: list[ExportedVersion]) -> None:
        gathered: dict[str, list[Row]] = {t: [] for t in TABLES}
        for item in batch:
            for table, rows in table_rows(item).items():
                gathered[table] += rows
        for table, rows in gathered.items():
            if rows:
                self.pending[table].append(self._record_batch(table, rows))
                self.pending_rows[table] += len(rows)
                self.counts[table] += len(rows)
            while self.pending_rows[table] >= PARQUET_ROW_GROUP_ROWS:
                self._flush(table, PARQUET_ROW_GROUP_ROWS)

    def _flush(self, table: str, rows: int) -> None:
        """Write the first `rows` pending rows of `table` as one row group."""
        pending = self.pa.Table.from_batches(self.pending[table], schema=self.schemas[table])
        self.writers[table].write_table(pending.slice(0, rows), row_group_size=rows)
        self.pending[table] = pending.slice(rows).to_batches()
        self.pending_rows[table] -= rows

    def close(self) -> dict[str, int]:
        for table, writer in self.writers.items():
            if self.pending_rows[table]:
                self._flush(table, self.pending_rows[table])
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
    for part in _selection(session, filters, all_versions, batch_size, limit):
        yield load_versions(session, [(w.version_id, w.status) for w in part], as_of=filters.as_of)


def _selection(
    session: Session, filters: Filters, all_versions: bool, batch_size: int, limit: int | None
) -> Iterator[list[Any]]:
    """(article_id, version_id, version, status) of the selected versions, by article id then
    version, `batch_size` rows at a time from one streamed query (a server-side cursor on
    PostgreSQL): memory holds one batch, whatever the archive's size."""
    selection = selected_versions(filters, all_versions=all_versions).subquery()
    stmt = (
        select(selection)
        .order_by(selection.c.article_id, selection.c.version)
        .limit(limit)
        .execution_options(yield_per=batch_size)
    )
    yield from (list(part) for part in session.execute(stmt).partitions())


def _site_keys(session: Session, article_ids: list[int]) -> set[str]:
    """The keys of the sites the articles `article_ids` belong to (one query per batch)."""
    sites = cast(Table, Site.__table__)
    return set(
        session.scalars(
            select(sites.c.key)
            .join(_ARTICLES, _ARTICLES.c.site_id == sites.c.id)
            .where(among(session, _ARTICLES.c.id, article_ids))
            .distinct()
        )
    )


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
    sites: set[str] = set()
    with SafeFiles(out_dir) as files:
        writer: _Writer
        if fmt == "csv":
            writer = _CsvWriter(files, raw_cells)
        elif fmt == "jsonl":
            writer = _JsonlWriter(files)
        else:
            writer = _ParquetWriter(files)
        for part in _selection(session, filters, all_versions, batch_size, limit):
            batch = load_exported(session, part, filters.as_of)
            writer.write(batch)
            sites |= _site_keys(session, sorted({v.article_id for v in batch}))
            report.versions += len(batch)
            if progress is not None:
                progress(len(batch))
        report.rows = writer.close()
        settings = {
            "filters": filters.to_dict(),
            "all_versions": all_versions,
            "raw_cells": raw_cells,
        }
        package = describe(
            fmt, created=created, settings=settings, counts=report.rows, sites=sorted(sites)
        )
        files.open("datapackage.json", "w", encoding="utf-8").write(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n"
        )
        files.commit()
    return report
