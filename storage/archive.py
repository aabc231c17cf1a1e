"""The archive API: store a record (NEW / CHANGED / UNCHANGED), tombstones, validators, runs and fetch logs.

The caller owns the session and the transaction: nothing here commits. Each store runs inside a
SAVEPOINT, so a failure part-way leaves neither a half version nor a broken outer transaction.

A `Capture` handed to `store_record` or `mark_gone` is logged as a fetch row (with its raw page)
by the archive itself; call `log_fetch` only for exchanges that are not handed over that way
(304s, failures, listing pages).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from scraper.models import Article, Capture
from storage.batch import BatchOptions, RecordToStore, Stored, fetch_values, later, store_batch
from storage.batch import site_id as site_id_of
from storage.errors import UnstorableRecordError
from storage.rawpages import put_raw_page
from storage.rows import as_utc as _as_utc
from storage.rows import content_hash, in_chunks, insert_row
from storage.schema import ArticleRow, FetchRow, RunRow, Site, VersionRow
from storage.validate import check_storable

__all__ = [
    "KnownArticle",
    "RecordToStore",
    "StoreFailure",
    "StoreResult",
    "StoreStatus",
    "finish_run",
    "known_articles",
    "log_fetch",
    "mark_gone",
    "mark_seen",
    "start_run",
    "store_record",
    "store_records",
    "validators",
]


class StoreStatus(enum.Enum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    GONE = "gone"


@dataclass
class StoreResult:
    status: StoreStatus
    article_id: int
    version: int
    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class KnownArticle:
    """What the crawler needs to decide whether to re-check an archived article."""

    url: str
    status: str
    last_seen: dt.datetime
    current_version: int
    title: str | None
    published: dt.date | None
    etag: str | None
    last_modified: str | None


def _article_row(session: Session, url: str) -> ArticleRow | None:
    return session.scalar(select(ArticleRow).where(ArticleRow.url == url))


def _next_seq(session: Session, article_id: int) -> int:
    last = session.scalar(
        select(func.max(VersionRow.seq)).where(VersionRow.article_id == article_id)
    )
    return (last or 0) + 1


def _newest_seen(session: Session, article_id: int) -> dt.datetime | None:
    """When the article's newest entry (version or tombstone) was seen."""
    return session.scalar(
        select(func.max(VersionRow.seen_at)).where(VersionRow.article_id == article_id)
    )


def record_site(
    session: Session, key: str, *, profile_text: str | None, base_url: str | None = None
) -> int:
    """Create or update site `key` with the text of the profile it is crawled with; its id."""
    site_id = site_id_of(session, key)
    assert site_id is not None
    site = session.get(Site, site_id)
    assert site is not None
    if profile_text is not None:
        site.profile = profile_text
    if base_url is not None:
        site.base_url = base_url
    session.flush()
    return site_id


def site_profile_text(session: Session, key: str) -> str | None:
    """The profile text site `key` was last crawled with (None: unknown site or none stored)."""
    return session.scalar(select(Site.profile).where(Site.key == key))


def record_capture(
    session: Session,
    capture: Capture,
    *,
    run_id: int | None,
    outcome: str | None,
    body: bytes | None = None,
) -> tuple[int, int]:
    """Keep the capture's body (or `body`, the one a 304 answer stands for) and log the capture
    as a fetch: (fetch id, raw page id)."""
    kept = capture.body if body is None else body
    raw_page_id = put_raw_page(session, kept, content_type=capture.content_type)
    fetch_id = log_fetch(
        session,
        capture.url,
        fetched_at=capture.fetched_at,
        capture=capture,
        run_id=run_id,
        outcome=outcome,
        raw_page_id=raw_page_id,
    )
    return fetch_id, raw_page_id


def _result(stored: Stored) -> StoreResult:
    return StoreResult(
        StoreStatus(stored.status), stored.article_id, stored.version, stored.changed_fields
    )


def store_record(
    session: Session,
    article: Article,
    *,
    seen_at: dt.datetime,
    capture: Capture | None = None,
    run_id: int | None = None,
    extractor_version: str | None = None,
    site: str | None = None,
    raw_page_id: int | None = None,
    fetch_id: int | None = None,
) -> StoreResult:
    """Store `article`; a new version only when its content hash moved. Keeps the raw page of `capture`.

    Without a capture, `raw_page_id` and `fetch_id` may name the stored page and fetch the record
    was extracted from (a reparse: no new fetch). The one-record form of `store_records`: a
    failure raises, and the store is undone (its SAVEPOINT) while the caller's transaction stays
    usable.

    Raises `UnstorableRecordError` (before touching the database) when a field holds text no
    database can store; the caller logs that article as failed and goes on.
    """
    check_storable(article, capture)
    item = RecordToStore(article, seen_at, capture, raw_page_id, fetch_id)
    options = BatchOptions(run_id=run_id, extractor_version=extractor_version, site=site)
    with session.begin_nested():
        return _result(store_batch(session, [item], options)[0])


@dataclass
class StoreFailure:
    """A record of a batch that could not be stored: nothing of it was written."""

    url: str
    error: Exception

    @property
    def message(self) -> str:
        """One line for a log or a run's warnings."""
        first = (str(self.error).strip().splitlines() or [""])[0]
        return f"{self.url}: {type(self.error).__name__}: {first}"


#: Errors that are about the database, not about one record: a whole batch stops on them (retrying
#: the batch record by record would only repeat them, e.g. a lock held past the busy timeout).
BATCH_FATAL = (OperationalError, InterfaceError)


def store_records(
    session: Session,
    records: Sequence[RecordToStore],
    *,
    run_id: int | None = None,
    extractor_version: str | None = None,
    site: str | None = None,
) -> list[StoreResult | StoreFailure]:
    """Store a batch of records; for each, in order, its `StoreResult` or a `StoreFailure`.

    A constant number of SQL statements per batch (see `storage.batch`). The batch runs in one
    SAVEPOINT; if it fails, it is undone and its halves are stored again the same way, down to
    the record that fails alone, so a bad record fails alone and the rest is kept. Each URL may appear several times: its records are
    stored in order. Errors of the database itself (`BATCH_FATAL`: locked, disconnected, disk
    full) are raised, not recorded per record. Nothing is committed: the caller owns the
    transaction.
    """
    options = BatchOptions(run_id=run_id, extractor_version=extractor_version, site=site)
    results: list[StoreResult | StoreFailure | None] = [None] * len(records)
    for i, item in enumerate(records):  # text no database can hold fails its record alone
        try:
            check_storable(item.article, item.capture)
        except UnstorableRecordError as exc:
            results[i] = StoreFailure(item.article.url, exc)
    for positions in _rounds(records, skip={i for i, r in enumerate(results) if r is not None}):
        _store_isolating(session, records, positions, options, results)
    return [r for r in results if r is not None]


def _store_isolating(
    session: Session,
    records: Sequence[RecordToStore],
    positions: list[int],
    options: BatchOptions,
    results: list[StoreResult | StoreFailure | None],
) -> None:
    """Store `records` at `positions` as one batch in a SAVEPOINT; if it fails, store each half
    the same way, down to the record that fails alone (its `StoreFailure`).

    Halving finds one bad record of a batch of n in about 2·log2(n) smaller batches, where
    storing every record alone would cost n one-record stores (each its handful of statements).
    """
    items = [records[i] for i in positions]
    try:
        with session.begin_nested():
            stored = store_batch(session, items, options)
    except BATCH_FATAL:
        raise
    except Exception as exc:  # noqa: BLE001 - some record's error: find it below
        if len(positions) == 1:
            results[positions[0]] = StoreFailure(items[0].article.url, exc)
            return
        half = len(positions) // 2
        _store_isolating(session, records, positions[:half], options, results)
        _store_isolating(session, records, positions[half:], options, results)
        return
    for i, one in zip(positions, stored, strict=True):
        results[i] = _result(one)


def _rounds(records: Sequence[RecordToStore], *, skip: set[int]) -> list[list[int]]:
    """Positions of `records` (but `skip`) in rounds that hold each URL at most once, in the
    batch's order."""
    rounds: list[list[int]] = []
    seen: dict[str, int] = {}
    for i, record in enumerate(records):
        if i in skip:
            continue
        n = seen.get(record.article.url, 0)
        seen[record.article.url] = n + 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(i)
    return rounds


def mark_gone(
    session: Session,
    url: str,
    *,
    seen_at: dt.datetime,
    capture: Capture | None = None,
    run_id: int | None = None,
) -> StoreResult | None:
    """Tombstone a known article that answered 404/410; None when the URL was never archived.

    An article already gone gets no second tombstone, only a later `last_seen`: its result is
    `StoreStatus.UNCHANGED` (still gone), so that a run counts an article gone once, when it goes.
    """
    with session.begin_nested():
        row = _article_row(session, url)
        fetch_id = raw_page_id = None
        if capture is not None:
            fetch_id, raw_page_id = record_capture(session, capture, run_id=run_id, outcome="gone")
        if row is None:
            return None
        row.last_seen = later(row.last_seen, seen_at)
        if row.status == "gone":
            return StoreResult(StoreStatus.UNCHANGED, row.id, _next_seq(session, row.id) - 1)
        newest = _newest_seen(session, row.id)
        seq = _next_seq(session, row.id)
        session.add(
            VersionRow(
                article_id=row.id,
                seq=seq,
                kind="gone",
                seen_at=seen_at,
                raw_page_id=raw_page_id,
                fetch_id=fetch_id,
            )
        )
        if newest is None or _as_utc(seen_at) >= _as_utc(newest):
            row.status = "gone"
            row.last_changed = seen_at
            row.etag = row.last_modified = None
        # else: a 404 from the past (a WARC import) joins the history, the article stays live
        session.flush()
        return StoreResult(StoreStatus.GONE, row.id, seq)


def past_capture(session: Session, article: Article, *, seen_at: dt.datetime) -> str | None:
    """What the archive already holds of a capture of `article` seen at `seen_at` that is no
    later than the article's newest entry (a WARC import of older captures, or of the archive's
    own): "held" when one of its versions has that content, "older" when none has (storing it
    would make the past the current version). None: the capture is not from the article's past
    (unknown article, or later than its newest entry), or its content is the current version's:
    store it as usual. "reread": none has its content but a version was seen at that very time:
    the archive's own capture read otherwise now (another profile or extractor), not an older one."""
    row = session.execute(
        select(ArticleRow.id, ArticleRow.content_hash).where(ArticleRow.url == article.url)
    ).first()
    if row is None:
        return None
    newest = _newest_seen(session, row.id)
    if newest is None or _as_utc(seen_at) > _as_utc(newest):
        return None
    digest = content_hash(article)
    if digest == row.content_hash:
        return None
    held = session.scalar(
        select(VersionRow.id)
        .where(VersionRow.article_id == row.id, VersionRow.content_hash == digest)
        .limit(1)
    )
    if held is not None:
        return "held"
    same_capture = session.scalar(
        select(VersionRow.id)
        .where(VersionRow.article_id == row.id, VersionRow.seen_at == _as_utc(seen_at))
        .limit(1)
    )
    return "reread" if same_capture is not None else "older"


def mark_seen(session: Session, url: str, *, seen_at: dt.datetime) -> None:
    """Move `last_seen` of a known article (a 304 answer): no version, nothing parsed."""
    row = _article_row(session, url)
    if row is not None:
        row.last_seen = later(row.last_seen, seen_at)


def validators(session: Session, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the last 200 response stored for `url`, for a conditional GET."""
    found = session.execute(
        select(ArticleRow.etag, ArticleRow.last_modified).where(ArticleRow.url == url)
    ).first()
    return (found[0], found[1]) if found is not None else (None, None)


def known_articles(
    session: Session, urls: Iterable[str] | None = None, *, site: str | None = None
) -> dict[str, KnownArticle]:
    """Archived articles by URL (all of them when `urls` is None; only site `site`'s when given),
    with their current title and date."""
    query = select(ArticleRow, VersionRow.title, VersionRow.published).outerjoin(
        VersionRow,
        (VersionRow.article_id == ArticleRow.id) & (VersionRow.seq == ArticleRow.current_version),
    )
    if site is not None:
        query = query.join(Site, Site.id == ArticleRow.site_id).where(Site.key == site)
    if urls is None:
        batches: list[Any] = [query]
    else:
        wanted = sorted(set(urls))
        batches = [query.where(ArticleRow.url.in_(chunk)) for chunk in in_chunks(wanted)]
    known: dict[str, KnownArticle] = {}
    for batch in batches:
        for row, title, published in session.execute(batch):
            known[row.url] = KnownArticle(
                url=row.url,
                status=row.status,
                last_seen=row.last_seen,
                current_version=row.current_version,
                title=title,
                published=published,
                etag=row.etag,
                last_modified=row.last_modified,
            )
    return known


def start_run(
    session: Session,
    *,
    kind: str = "crawl",
    started_at: dt.datetime,
    args: dict[str, Any] | None = None,
    pid: int | None = None,
    host: str | None = None,
    site: str | None = None,
) -> int:
    """Record the start of a run (crawl, reparse, warc-import) of `site` (None: archive-wide);
    returns its id."""
    run = RunRow(
        kind=kind,
        site=site,
        started_at=started_at,
        outcome="running",
        args=dict(args or {}),
        counts={},
        pid=pid,
        host=host,
    )
    session.add(run)
    session.flush()
    return run.id


def finish_run(
    session: Session,
    run_id: int,
    *,
    outcome: str,
    finished_at: dt.datetime,
    counts: dict[str, Any] | None = None,
    exit_code: int | None = None,
    message: str | None = None,
) -> None:
    """Record how run `run_id` ended: outcome, counts, exit code and a message for people."""
    run = session.get(RunRow, run_id)
    if run is None:
        raise LookupError(f"run {run_id} is not in the archive")
    run.outcome = outcome
    run.finished_at = finished_at
    run.counts = dict(counts or {})
    run.exit_code = exit_code
    run.message = message
    session.flush()


def log_fetch(
    session: Session,
    url: str,
    *,
    fetched_at: dt.datetime,
    capture: Capture | None = None,
    status: int | None = None,
    run_id: int | None = None,
    outcome: str | None = None,
    error: str | None = None,
    raw_page_id: int | None = None,
    elapsed_ms: int | None = None,
) -> int:
    """Log one HTTP exchange (or a failed attempt, with `error`); returns the fetch id.

    With a `capture`, its status, headers, timing and size are recorded; its body is not kept
    unless `raw_page_id` names it (see `storage.rawpages.put_raw_page`).
    """
    values = fetch_values(
        url,
        fetched_at=fetched_at,
        capture=capture,
        status=status,
        run_id=run_id,
        outcome=outcome,
        error=error,
        raw_page_id=raw_page_id,
        elapsed_ms=elapsed_ms,
    )
    return insert_row(session, FetchRow, values)
