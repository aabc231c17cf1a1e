"""Import WARC files made elsewhere, record by record: each HTML capture extracted and versioned
under its own date, oldest first.

The files are read twice with warcio's `ArchiveIterator`: once to list the response and revisit
records with their dates and offsets, then record by record in date order (across all files), so
that years of captures build the history they describe. 200 responses are extracted and stored,
404/410 make the article gone, `revisit` records (same payload) move `last_seen`; other statuses
and non-HTML records are skipped.

One bad record never costs the others: a record with an unreadable date, target URI or status
line, a payload over the crawl's body cap, or a page storage refuses is counted `failed` with its
file, offset and reason, and the rest is imported. A file that is not WARC at all raises
`WarcReadError` before anything is stored; a file that ends in the middle of a record is imported
up to there and its truncation counted as a failure. WARC files compressed as one gzip member
(instead of one member per record) and uncompressed files are read too.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import re
import shutil
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException
from warcio.timeutils import iso_date_to_datetime

from schedules.exits import EXIT_FAILURES, EXIT_NOTHING_FOUND, EXIT_OK
from schedules.extraction import Extract, charset_of, default_extract, with_profile
from schedules.lock import archive_lock
from schedules.reparse import stored_profile
from scraper import EXTRACTOR_VERSION
from scraper.fetch import FetchConfig
from scraper.models import Capture
from scraper.sites import SiteProfile, site_for_url
from scraper.urls import canonical_url
from storage.archive import (
    StoreStatus,
    finish_run,
    mark_gone,
    mark_seen,
    past_capture,
    start_run,
    store_record,
)
from storage.db import transaction
from storage.schema import ArticleRow

log = logging.getLogger(__name__)

#: Captures stored per transaction (each in its own SAVEPOINT: one refused page costs only itself).
BATCH = 100
#: Errors spelled out in the report; the rest are counted.
MAX_ERRORS = 20
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: A record's payload is read up to the crawl's body cap (decompressed); a bigger one is failed.
MAX_RECORD_BYTES = FetchConfig.max_bytes
#: Bytes of whitespace tolerated after the last record (some writers pad the file).
_TRAILING = b" \t\r\n\x00"
_URI_WRAPPING = re.compile(r"^(?:\s|%20|<)+|(?:\s|%20|>)+$")
_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


class WarcReadError(ValueError):
    """Raised by `import_warcs` when a file is not a readable WARC (or ARC) file."""


class RecordError(ValueError):
    """Raised by the record readers of this module when one record cannot be imported."""


@dataclass
class WarcImportReport:
    """What `import_warcs` did, by outcome; `errors` name file, offset and reason."""

    files: int = 0
    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None
    first_date: dt.datetime | None = None
    last_date: dt.datetime | None = None
    #: HTML pages left out because the profile does not take them for articles
    not_matching: int = 0
    #: the profile that chose the pages (for the "did not match" message)
    profile: str | None = None
    #: with the profile of each capture's host: the profiles that left pages out
    not_matching_profiles: set[str] = field(default_factory=set)
    #: captures from before their article's newest entry, with content none of its versions
    #: holds: not versioned (the current version would go back in time)
    older: int = 0
    #: captures the archive holds (a version seen at that time) that read otherwise now
    reread: int = 0
    #: files that ended in the middle of a record
    truncated: list[str] = field(default_factory=list)
    outcome: str = "running"

    def fail(self, where: str, reason: str) -> None:
        self.counts["failed"] += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{where}: {reason}")

    @property
    def exit_code(self) -> int:
        """0 all imported; 1 some records failed (or a file was truncated); 3 nothing imported:
        the files hold no page, or none the profile takes for an article (a wrong file or
        profile must not pass for a successful import)."""
        if self.counts["failed"]:
            return EXIT_FAILURES
        return EXIT_OK if self.imported else EXIT_NOTHING_FOUND

    @property
    def imported(self) -> int:
        """Captures stored or found already stored."""
        return sum(self.counts[k] for k in ("new", "changed", "unchanged", "gone"))

    def notes(self) -> list[str]:
        """What a person should know besides the counts."""
        found = []
        if self.not_matching:
            names = ", ".join(sorted(self.not_matching_profiles)) or self.profile
            which = (
                f"profile {names}"
                if self.profile is not None
                else f"the profile of their host ({names})"
            )
            found.append(
                f"{self.not_matching} pages did not match {which}: use --profile or --all-pages"
            )
        if self.older:
            found.append(
                f"{self.older} captures are older than what the archive holds of their article "
                "and differ from every version of it: not versioned (import older WARCs first)"
            )
        if self.reread:
            found.append(
                f"{self.reread} captures are ones the archive holds (a version seen at the same "
                "time) but read otherwise now (another profile or extractor): not versioned "
                "(`hubarchive reparse` re-reads stored pages)"
            )
        found += [f"{name} ends in the middle of a record (truncated)" for name in self.truncated]
        if not self.imported and not self.not_matching and not self.counts["failed"]:
            found.append(
                "nothing imported: the files hold no HTML page capture (WARC response record)"
            )
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "outcome": self.outcome,
            "counts": {
                k: self.counts[k]
                for k in ("new", "changed", "unchanged", "gone", "skipped", "failed")
            },
            "not_matching": self.not_matching,
            "errors": list(self.errors),
            "notes": self.notes(),
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
    kind: str  # "response" or "revisit"
    #: the HTTP Content-Type says HTML (a page a profile may not take for an article)
    html: bool = field(default=True, compare=False)


def target_uri(record: ArcWarcRecord) -> str:
    """The record's WARC-Target-URI, canonical; `<…>` as some tools write it is accepted.
    `RecordError` when it is empty or not an http(s) URL."""
    raw = _bare_uri(record.rec_headers.get_header("WARC-Target-URI"))
    if not raw:
        raise RecordError("empty WARC-Target-URI")
    if not raw.lower().startswith(("http://", "https://")):
        raise RecordError(f"target {raw[:80]!r} is not an http(s) URL")
    url = canonical_url(raw)  # None, never an exception, for what no browser would follow
    if url is None:
        raise RecordError(f"target {raw[:80]!r} is not a usable URL")
    return url


def _bare_uri(value: str | None) -> str:
    """A target URI without the `<…>` wget puts around it, nor the spaces inside them (which
    warcio turns into `%20`)."""
    return _URI_WRAPPING.sub("", value or "")


def record_date(record: ArcWarcRecord, *, assume: dt.datetime | None = None) -> dt.datetime:
    """The record's WARC-Date as aware UTC (offsets such as `+01:00` honoured); `assume` when it
    has none. `RecordError` for a missing date (without `assume`) or one that is not a date."""
    value = (record.rec_headers.get_header("WARC-Date") or "").strip()
    if not value:
        if assume is None:
            raise RecordError("no WARC-Date (give --assume-date YYYY-MM-DD to import it)")
        return assume
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:  # warcio reads the shortened forms (2024-01-10, 2024-01-10T09:00Z)
            when = iso_date_to_datetime(value)
        except (ValueError, TypeError, IndexError) as exc:
            raise RecordError(f"WARC-Date {value[:40]!r} is not a date") from exc
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def _status(record: ArcWarcRecord) -> int:
    headers = record.http_headers
    if headers is None:
        raise RecordError("no HTTP headers")
    protocol = (headers.protocol or "").upper()
    code = headers.get_statuscode() or ""
    if not protocol.startswith("HTTP/") or not code.isdigit() or len(code) != 3:
        raise RecordError(f"bad HTTP status line {headers.protocol!r} {headers.statusline!r}"[:120])
    return int(code)


def _ensure_http_headers(record: ArcWarcRecord) -> None:
    """Parse the HTTP head warcio left alone because the target URI did not start with http
    (`<…>`/spaces around it): the record says it holds an HTTP response."""
    if record.http_headers is not None:
        return
    declared = (record.rec_headers.get_header("Content-Type") or "").lower()
    if declared.startswith("application/http") and "request" not in declared:
        parser = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)
        try:
            record.http_headers = parser.parse(record.raw_stream)
        except StatusAndHeadersParserException as exc:
            raise RecordError(f"unreadable HTTP head ({exc})"[:160]) from exc


def _capture(record: ArcWarcRecord, entry: _Entry) -> Capture:
    _ensure_http_headers(record)
    status = _status(record)
    declared = record.rec_headers.get_header("Content-Length") or ""
    if declared.isdigit() and int(declared) > MAX_RECORD_BYTES * 2:
        raise RecordError(f"record of {declared} bytes is over the {MAX_RECORD_BYTES}-byte cap")
    try:
        # chunked and gzip transfer encodings undone; at most the cap, plus one byte to know
        body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise RecordError(f"payload does not decode ({exc})") from exc
    if len(body) > MAX_RECORD_BYTES:
        raise RecordError(f"payload is over the {MAX_RECORD_BYTES}-byte cap (decompressed)")
    assert record.http_headers is not None
    return Capture(
        url=entry.url,
        status=status,
        body=body,
        fetched_at=entry.date,
        final_url=entry.url,
        headers=dict(record.http_headers.headers),
    )


def _is_html(capture: Capture) -> bool:
    return (capture.content_type or "").split(";")[0].strip().lower() in HTML_TYPES


class _File:
    """One WARC file, readable at record offsets: per-record gzip or plain as it is; a file
    gzipped as one member is inflated once into a temporary file first."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self.path = path
        self.name = str(path)
        self.stream: IO[bytes] = stack.enter_context(open(path, "rb"))
        self._stack = stack

    def inflate(self) -> None:
        """Replace the stream with the inflated content of a one-member gzip file."""
        spooled = self._stack.enter_context(tempfile.TemporaryFile())
        self.stream.seek(0)
        with gzip.GzipFile(fileobj=self.stream) as inflated:
            shutil.copyfileobj(inflated, spooled)
        spooled.seek(0)
        self.stream = spooled


def _index(
    warc: _File, index: int, report: WarcImportReport, assume: dt.datetime | None
) -> list[_Entry]:
    """The response and revisit records of one file with their offsets; bad records counted."""
    try:
        return list(_index_records(warc, index, report, assume))
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" not in str(exc):
            raise
        log.info("%s is gzipped as one member: inflating it first", warc.name)
        warc.inflate()
        return list(_index_records(warc, index, report, assume))


def _index_records(
    warc: _File, index: int, report: WarcImportReport, assume: dt.datetime | None
) -> Iterator[_Entry]:
    warc.stream.seek(0)
    records = ArchiveIterator(warc.stream)
    end = 0
    seen = 0
    iterator = iter(records)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        except (zlib.error, EOFError, OSError, ValueError) as exc:
            if not seen:
                raise ArchiveLoadFailed(str(exc)) from exc
            report.truncated.append(warc.name)
            report.fail(f"{warc.name} at offset {end}", f"unreadable from here ({exc})"[:200])
            return
        seen += 1
        report.records += 1
        kind = record.rec_type
        # what is needed of the record is read before get_record_offset(), which reads to its end
        error: RecordError | None = None
        try:
            entry = _entry(record, kind, index, 0, assume)
        except RecordError as exc:
            entry, error = None, exc
        try:
            offset = records.get_record_offset()
            length = records.get_record_length()
        except (zlib.error, EOFError, OSError, ValueError) as exc:
            report.truncated.append(warc.name)
            report.fail(f"{warc.name} after offset {end}", f"record cut short ({exc})"[:200])
            return
        end = offset + length
        if error is not None:
            report.fail(f"{warc.name} at offset {offset}", str(error))
        if entry is not None:
            yield replace(entry, offset=offset)
        elif kind not in ("warcinfo", "request", "metadata", "response", "revisit"):
            report.counts["skipped"] += 1
    if seen and _has_more(warc.stream, end):
        report.truncated.append(warc.name)
        report.fail(f"{warc.name} at offset {end}", "the file ends in the middle of a record")


def _entry(
    record: ArcWarcRecord, kind: str, index: int, offset: int, assume: dt.datetime | None
) -> _Entry | None:
    """The entry of a record to import, None for records that carry no page; `RecordError`."""
    if kind not in ("response", "revisit"):
        return None
    raw = _bare_uri(record.rec_headers.get_header("WARC-Target-URI")).lower()
    if raw and not raw.startswith(("http://", "https://")):
        return None  # dns:, whois:, ftp: records: not web pages
    url = target_uri(record)  # an empty or unusable one is this record's failure
    _ensure_http_headers(record)
    if kind == "response" and record.http_headers is None:
        return None
    media = ""
    if record.http_headers is not None:
        media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    html = kind == "revisit" or media in HTML_TYPES
    return _Entry(record_date(record, assume=assume), index, offset, url, kind, html)


def _has_more(stream: IO[bytes], end: int) -> bool:
    """True when bytes other than padding follow the last complete record."""
    stream.seek(end)
    rest = stream.read(4096)
    return bool(rest.strip(_TRAILING))


def _read_record(warc: _File, offset: int) -> ArcWarcRecord:
    warc.stream.seek(offset)
    return next(iter(ArchiveIterator(warc.stream)))


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
        gone = result is not None and result.status is StoreStatus.GONE
        report.counts["gone" if gone else "unchanged" if result else "skipped"] += 1
        return
    if capture.status != 200 or not _is_html(capture):
        report.counts["skipped"] += 1
        return
    article = extract(capture.body, capture.url, encoding=charset_of(capture.content_type))
    article.url = capture.url
    past = past_capture(session, article, seen_at=capture.fetched_at)
    if past == "held":  # a version already holds it (the archive's own capture, imported back)
        report.counts["unchanged"] += 1
        return
    if past == "older":  # versioning it would make the past the current version
        report.counts["skipped"] += 1
        report.older += 1
        return
    if past == "reread":  # the archive's own capture, read with another profile or extractor
        report.counts["skipped"] += 1
        report.reread += 1
        return
    result = store_record(
        session,
        article,
        seen_at=capture.fetched_at,
        capture=capture,
        run_id=run_id,
        extractor_version=extractor_version,
        site=site or site_for_url(capture.url)[0],
    )
    report.counts[result.status.value] += 1


def _revisit(session: Any, entry: _Entry, report: WarcImportReport) -> None:
    """A revisit record says "same payload as before": the article was seen unchanged then."""
    from storage.archive import known_articles

    if entry.url not in known_articles(session, [entry.url]):
        report.counts["skipped"] += 1
        return
    mark_seen(session, entry.url, seen_at=entry.date)
    report.counts["unchanged"] += 1


def import_warcs(
    engine: Engine,
    paths: Sequence[str | Path],
    *,
    extract: Extract | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
    site: str | None = None,
    is_article: Callable[[str], bool] | None = None,
    profile: SiteProfile | None = None,
    profile_name: str | None = None,
    assume_date: dt.datetime | None = None,
    now: dt.datetime | None = None,
    stored_profiles: bool = False,
    by_host: bool = False,
    all_pages: bool = False,
) -> WarcImportReport:
    """Extract and archive the captures of `paths` in date order; `is_article` filters their URLs
    (`profile_name` names it in the report). Holds the archive lock (`LockedError` when a crawl runs).

    Raises `WarcReadError` (naming the file) when one of them is not a WARC file, before storing
    anything. `extract` defaults to `scraper.extract.extract_article`, reading the pages with
    the site `profile` (None: the extractor's default); `profile_name` names the profile in the
    report. With `stored_profiles`, a page whose URL the archive already holds is read with the
    profile its site was crawled with (`sites.profile`), as `reparse` reads it, and `profile` only
    reads the pages new to the archive: an import of captures the archive made itself then
    finds them unchanged. With `by_host` (no profile named), each capture is chosen, read and
    filed with the profile of its host as a `--start-url` crawl picks it: the bundled profile
    whose hosts hold it, else the generic base with the site keyed by its origin (`site`,
    `is_article` and `profile` are then not used; `all_pages` takes every page). The run row always ends: `ok`, `failures`,
    `error` or `interrupted`.
    """
    readers = _Readers(extract or default_extract, profile, stored=stored_profiles)
    report = WarcImportReport(files=len(paths), profile=None if by_host else profile_name)
    hosts = _HostProfiles(all_pages=all_pages) if by_host else None
    with archive_lock(engine, "warc import"), ExitStack() as stack:
        files = [_File(Path(p), stack) for p in paths]
        entries: list[_Entry] = []
        for index, warc in enumerate(files):
            try:
                entries.extend(_index(warc, index, report, assume_date))
            except _ERRORS as exc:
                detail = " ".join(str(exc).split(", first line:")[0].split())[:120]
                raise WarcReadError(f"{warc.name} is not a readable WARC file ({detail})") from exc
        wanted: list[tuple[_Entry, _Choice]] = []
        default = _Choice(site, is_article, profile, profile_name or "")
        for entry in sorted(entries):
            chosen = default if hosts is None else hosts.choice(entry.url)
            if chosen.is_article is None or chosen.is_article(entry.url):
                wanted.append((entry, chosen))
            else:
                report.not_matching += entry.html
                report.not_matching_profiles.add(chosen.name)
                report.counts["skipped"] += 1
        if wanted:
            report.first_date, report.last_date = wanted[0][0].date, wanted[-1][0].date
        with transaction(engine) as session:
            report.run_id = start_run(
                session,
                kind="warc-import",
                started_at=now or dt.datetime.now(dt.UTC),
                args={"files": [str(p) for p in paths], "site": site},
            )
        try:
            for start in range(0, len(wanted), BATCH):
                with transaction(engine) as session:
                    for entry, chosen in wanted[start : start + BATCH]:
                        _import_one(
                            session,
                            files,
                            entry,
                            report,
                            readers.for_url(session, entry.url, chosen.profile),
                            extractor_version,
                            chosen.site,
                        )
            report.outcome = {EXIT_FAILURES: "failures", EXIT_NOTHING_FOUND: "nothing-found"}.get(
                report.exit_code, "ok"
            )
        except KeyboardInterrupt:
            report.outcome = "interrupted"
            raise
        except BaseException:
            report.outcome = "error"
            raise
        finally:
            with transaction(engine) as session:
                finish_run(
                    session,
                    report.run_id,
                    outcome=report.outcome,
                    finished_at=dt.datetime.now(dt.UTC),
                    counts={**report.counts, "not_matching": report.not_matching},
                    exit_code=report.exit_code
                    if report.outcome in ("ok", "failures", "nothing-found")
                    else None,
                    message="; ".join(report.notes() + report.errors[:3]) or None,
                )
    return report


@dataclass(frozen=True)
class _Choice:
    """How a capture is imported: the site it is filed under (None: the site of its host), the
    article filter (None: every page), the profile it is read with and that profile's name."""

    site: str | None
    is_article: Callable[[str], bool] | None
    profile: SiteProfile | None
    name: str


class _HostProfiles:
    """The profile of each capture's host, as `crawl --start-url` picks it (`resolve_site`): the
    bundled profile whose hosts hold it, else the generic base with the site keyed by the origin."""

    def __init__(self, *, all_pages: bool = False) -> None:
        self._by_origin: dict[str, _Choice] = {}
        self._all_pages = all_pages

    def choice(self, url: str) -> _Choice:
        from scraper.discover import crawl_profile, generic_article_url
        from scraper.sites import BASE_PROFILE, load_profile

        key, owner = site_for_url(url)
        if key not in self._by_origin:
            if owner is not None:
                is_article = None if self._all_pages else crawl_profile(owner).is_article
                self._by_origin[key] = _Choice(owner.key, is_article, owner, owner.key)
            else:
                is_article = None if self._all_pages else generic_article_url
                self._by_origin[key] = _Choice(
                    None, is_article, load_profile(BASE_PROFILE), BASE_PROFILE
                )
        return self._by_origin[key]


class _Readers:
    """The extractor each imported page is read with: `profile`'s (or the one chosen for its
    host), or (`stored`) the stored profile of the site of the archived article at that URL; one
    bound extractor per site and per profile."""

    def __init__(self, extract: Extract, profile: SiteProfile | None, *, stored: bool) -> None:
        self._extract = extract
        self._default = with_profile(extract, profile)
        self._profile = profile
        self._stored = stored
        self._by_site: dict[int, Extract] = {}
        self._by_profile: dict[int, Extract] = {}

    def _bound(self, profile: SiteProfile | None) -> Extract:
        if profile is None or profile is self._profile:
            return self._default
        if id(profile) not in self._by_profile:
            self._by_profile[id(profile)] = with_profile(self._extract, profile)
        return self._by_profile[id(profile)]

    def for_url(self, session: Session, url: str, profile: SiteProfile | None = None) -> Extract:
        chosen = self._bound(profile)
        if not self._stored:
            return chosen
        site_id = session.scalar(select(ArticleRow.site_id).where(ArticleRow.url == url))
        if site_id is None:
            return chosen
        if site_id not in self._by_site:
            stored = stored_profile(session, site_id)
            self._by_site[site_id] = (
                chosen if stored is None else with_profile(self._extract, stored)
            )
        return self._by_site[site_id]


def _import_one(
    session: Any,
    files: list[_File],
    entry: _Entry,
    report: WarcImportReport,
    extract: Extract,
    extractor_version: str,
    site: str | None,
) -> None:
    """One record, in its own SAVEPOINT: whatever goes wrong with it is its failure only."""
    warc = files[entry.file_index]
    where = f"{warc.name} at offset {entry.offset} ({entry.url})"
    try:
        with session.begin_nested():
            if entry.kind == "revisit":
                _revisit(session, entry, report)
                return
            capture = _capture(_read_record(warc, entry.offset), entry)
            _store_capture(
                session,
                capture,
                report,
                extract=extract,
                extractor_version=extractor_version,
                run_id=report.run_id,
                site=site,
            )
    except RecordError as exc:
        report.fail(where, str(exc))
    except Exception as exc:  # one page storage or the extractor refuses must not stop the file
        log.warning("record failed: %s: %s", where, exc)
        report.fail(
            where, f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
        )
