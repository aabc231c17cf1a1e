"""Import WARC files made elsewhere: each HTML capture extracted and versioned under its own date, oldest first.

The files are read twice with warcio's `ArchiveIterator`: once to list the response records and
their dates, then record by record in date order (across all files), so that years of captures
build the history they describe. 200 responses are extracted and stored, 404/410 make the
article gone, other statuses and non-HTML records are counted as skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Engine
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_datetime

from schedules.extraction import Extract, charset_of, default_extract
from scraper import EXTRACTOR_VERSION
from scraper.models import Capture
from scraper.urls import canonical_url
from storage.archive import finish_run, mark_gone, start_run, store_record
from storage.db import transaction

log = logging.getLogger(__name__)

#: Captures stored per transaction.
BATCH = 100
#: Errors spelled out in the report; the rest are counted.
MAX_ERRORS = 20
HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcReadError(ValueError):
    """Raised by `import_warcs` when a file is not a readable WARC (or ARC) file."""


@dataclass
class WarcImportReport:
    """What `import_warcs` did, by outcome."""

    files: int = 0
    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None
    first_date: dt.datetime | None = None
    last_date: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "counts": {
                k: self.counts[k]
                for k in ("new", "changed", "unchanged", "gone", "skipped", "failed")
            },
            "errors": list(self.errors),
            "run_id": self.run_id,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
        }


@dataclass(frozen=True, order=True)
class _Entry:
    date: dt.datetime
    file_index: int
    offset: int
    url: str


def _record_date(record: ArcWarcRecord) -> dt.datetime:
    value = iso_date_to_datetime(record.rec_headers.get_header("WARC-Date"))
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _index(stream: BinaryIO, file_index: int, report: WarcImportReport) -> Iterator[_Entry]:
    """The response records of one file, with their offsets; other records are counted as skipped."""
    records = ArchiveIterator(stream)
    for record in records:
        report.records += 1
        if record.rec_type != "response" or record.http_headers is None:
            if record.rec_type not in ("warcinfo", "request", "metadata"):
                report.counts["skipped"] += 1
            continue
        yield _Entry(
            _record_date(record),
            file_index,
            records.get_record_offset(),
            record.rec_headers.get_header("WARC-Target-URI") or "",
        )


def _capture(record: ArcWarcRecord, entry: _Entry) -> Capture:
    http_headers = record.http_headers
    body = record.content_stream().read()  # chunked and gzip transfer encodings undone
    return Capture(
        url=canonical_url(entry.url) or entry.url,
        status=int(http_headers.get_statuscode()),
        body=body,
        fetched_at=entry.date,
        final_url=entry.url,
        headers=dict(http_headers.headers),
    )


def _is_html(capture: Capture) -> bool:
    return (capture.content_type or "").split(";")[0].strip().lower() in HTML_TYPES


def _store_capture(
    session: Any,
    capture: Capture,
    report: WarcImportReport,
    *,
    extract: Extract,
    extractor_version: str,
    run_id: int | None,
    site: str | None,
) -> None:
    if capture.status in (404, 410):
        result = mark_gone(
            session, capture.url, seen_at=capture.fetched_at, capture=capture, run_id=run_id
        )
        report.counts["gone" if result else "skipped"] += 1
        return
    if capture.status != 200 or not _is_html(capture):
        report.counts["skipped"] += 1
        return
    try:
        article = extract(capture.body, capture.url, encoding=charset_of(capture.content_type))
    except Exception as exc:  # one unreadable page must not stop years of history
        log.exception("extraction failed for %s", capture.url)
        report.counts["failed"] += 1
        if len(report.errors) < MAX_ERRORS:
            report.errors.append(f"{capture.url} ({capture.fetched_at.isoformat()}): {exc}")
        return
    article.url = capture.url
    result = store_record(
        session,
        article,
        seen_at=capture.fetched_at,
        capture=capture,
        run_id=run_id,
        extractor_version=extractor_version,
        site=site,
    )
    report.counts[result.status.value] += 1


def import_warcs(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    extract: Extract | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
    site: str | None = None,
    is_article: Callable[[str], bool] | None = None,
    now: dt.datetime | None = None,
) -> WarcImportReport:
    """Extract and archive the captures of `paths` in date order; `is_article` filters their URLs.

    Raises `WarcReadError` (naming the file) when one of them is not a WARC file, before storing
    anything. `extract` defaults to `scraper.extract.extract_article`.
    """
    extract = extract or default_extract
    report = WarcImportReport(files=len(paths))
    with ExitStack() as stack:
        streams = [stack.enter_context(open(path, "rb")) for path in paths]
        entries: list[_Entry] = []
        for index, (path, stream) in enumerate(zip(paths, streams, strict=True)):
            try:
                entries.extend(_index(stream, index, report))
            except (ArchiveLoadFailed, zlib.error, EOFError) as exc:
                detail = str(exc).split(", first line:")[0][:120]
                raise WarcReadError(f"{path} is not a readable WARC file ({detail})") from exc
        wanted = []
        for entry in sorted(entries):
            if is_article is None or is_article(canonical_url(entry.url) or entry.url):
                wanted.append(entry)
            else:
                report.counts["skipped"] += 1
        if wanted:
            report.first_date, report.last_date = wanted[0].date, wanted[-1].date
        with transaction(engine) as session:
            report.run_id = start_run(
                session,
                kind="warc-import",
                started_at=now or dt.datetime.now(dt.UTC),
                args={"files": [str(p) for p in paths]},
            )
        for start in range(0, len(wanted), BATCH):
            with transaction(engine) as session:
                for entry in wanted[start : start + BATCH]:
                    stream = streams[entry.file_index]
                    stream.seek(entry.offset)
                    record = next(iter(ArchiveIterator(stream)))
                    _store_capture(
                        session,
                        _capture(record, entry),
                        report,
                        extract=extract,
                        extractor_version=extractor_version,
                        run_id=report.run_id,
                        site=site,
                    )
    with transaction(engine) as session:
        finish_run(
            session,
            report.run_id,
            outcome="failures" if report.counts["failed"] else "ok",
            finished_at=dt.datetime.now(dt.UTC),
            counts=dict(report.counts),
        )
    return report
