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
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from scraper.models import Article, Capture
from storage.rawpages import put_raw_page
from storage.rows import (
    changed_fields,
    contact_values,
    content_hash,
    insert_many,
    insert_row,
    qa_values,
    version_to_article,
    version_values,
)
from storage.schema import ArticleRow, ContactRow, FetchRow, QARow, RunRow, Site, VersionRow
from storage.validate import check_storable

#: How many URLs go into one `IN (…)` list of `known_articles`.
_IN_CHUNK = 500


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


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _later(current: dt.datetime | None, seen_at: dt.datetime) -> dt.datetime:
    """`last_seen` never moves back (a WARC import of old captures must not age the article)."""
    seen_at = _as_utc(seen_at)
    return seen_at if current is None else max(_as_utc(current), seen_at)


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


def _site_id(session: Session, key: str | None) -> int | None:
    if key is None:
        return None
    found = session.scalar(select(Site.id).where(Site.key == key))
    if found is not None:
        return found
    site = Site(key=key)
    session.add(site)
    session.flush()
    return site.id


def record_site(
    session: Session, key: str, *, profile_text: str | None, base_url: str | None = None
) -> int:
    """Create or update site `key` with the text of the profile it is crawled with; its id."""
    site_id = _site_id(session, key)
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


def _come_back(session: Session, row: ArticleRow, seen_at: dt.datetime) -> None:
    """A gone article seen again at or after its tombstone is live; the tombstone notes when.

    A capture older than the tombstone (a WARC import of the past) does not bring it back.
    """
    if row.status != "gone":
        return
    tombstone = session.scalar(
        select(VersionRow)
        .where(VersionRow.article_id == row.id, VersionRow.kind == "gone")
        .order_by(VersionRow.seq.desc())
        .limit(1)
    )
    if tombstone is not None and _as_utc(seen_at) < _as_utc(tombstone.seen_at):
        return
    row.status = "live"
    if tombstone is not None and tombstone.revived_at is None:
        tombstone.revived_at = seen_at


def _keep_validators(row: ArticleRow, capture: Capture | None) -> None:
    if capture is not None and capture.status == 200:
        row.etag = capture.header("ETag")
        row.last_modified = capture.header("Last-Modified")


def _link_translations(session: Session, row: ArticleRow, translations: dict[str, str]) -> None:
    """Put `row` and the archived articles it names as translations into one translation group.

    The group key is the one one of them already has (groups that meet are merged), otherwise a
    new key derived from the URL; articles archived later join when they name a group member.
    """
    if not translations and not row.translation_group:
        return
    urls = sorted({row.url, *translations.values()})
    members = list(session.scalars(select(ArticleRow).where(ArticleRow.url.in_(urls))))
    if row not in members:
        members.append(row)
    groups = sorted({m.translation_group for m in members if m.translation_group})
    key = groups[0] if groups else hashlib.sha256(row.url.encode("utf-8")).hexdigest()[:32]
    for other in groups[1:]:
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.translation_group == other)
            .values(translation_group=key)
            .execution_options(synchronize_session="fetch")
        )
    for member in members:
        member.translation_group = key


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
    was extracted from (a reparse: no new fetch).

    Raises `UnstorableRecordError` (before touching the database) when a field holds text no
    database can store; the caller logs that article as failed and goes on.
    """
    check_storable(article, capture)
    with session.begin_nested():
        return _store(
            session,
            article,
            seen_at=seen_at,
            capture=capture,
            run_id=run_id,
            extractor_version=extractor_version,
            site=site,
            raw_page_id=raw_page_id,
            fetch_id=fetch_id,
        )


def _store(
    session: Session,
    article: Article,
    *,
    seen_at: dt.datetime,
    capture: Capture | None,
    run_id: int | None,
    extractor_version: str | None,
    site: str | None,
    raw_page_id: int | None,
    fetch_id: int | None,
) -> StoreResult:
    digest = content_hash(article)
    row = _article_row(session, article.url)
    if row is not None and row.content_hash == digest:
        if capture is not None:
            record_capture(session, capture, run_id=run_id, outcome="unchanged")
        row.last_seen = _later(row.last_seen, seen_at)
        _come_back(session, row, seen_at)
        _keep_validators(row, capture)
        session.flush()  # inside this store's SAVEPOINT, not inside the next one's
        return StoreResult(StoreStatus.UNCHANGED, row.id, row.current_version)

    if row is None:
        status, changed = StoreStatus.NEW, []
        row = ArticleRow(
            url=article.url,
            site_id=_site_id(session, site),
            first_seen=seen_at,
            last_seen=seen_at,
            last_changed=seen_at,
            current_version=0,
        )
        session.add(row)
        session.flush()
    else:
        status = StoreStatus.CHANGED
        previous = session.scalar(
            select(VersionRow).where(
                VersionRow.article_id == row.id, VersionRow.seq == row.current_version
            )
        )
        old = version_to_article(previous, row.url).content_dict() if previous else {}
        changed = changed_fields(old, article.content_dict())
    if capture is not None:
        fetch_id, raw_page_id = record_capture(
            session, capture, run_id=run_id, outcome=status.value
        )
    seq = _next_seq(session, row.id)
    version_id = insert_row(
        session,
        VersionRow,
        {
            "article_id": row.id,
            "seq": seq,
            "seen_at": seen_at,
            "content_hash": digest,
            "changed_fields": changed,
            "extractor_version": extractor_version,
            "raw_page_id": raw_page_id,
            "fetch_id": fetch_id,
            **version_values(article),
        },
    )
    insert_many(session, QARow, qa_values(article, version_id))
    insert_many(session, ContactRow, contact_values(article, version_id))
    row.lang = article.lang
    _come_back(session, row, seen_at)
    row.current_version = seq
    row.content_hash = digest
    row.last_seen = _later(row.last_seen, seen_at)
    row.last_changed = seen_at
    _keep_validators(row, capture)
    _link_translations(session, row, article.translations)
    session.flush()
    return StoreResult(status, row.id, seq, changed)


def mark_gone(
    session: Session,
    url: str,
    *,
    seen_at: dt.datetime,
    capture: Capture | None = None,
    run_id: int | None = None,
) -> StoreResult | None:
    """Tombstone a known article that answered 404/410; None when the URL was never archived.

    An article already gone gets no second tombstone, only a later `last_seen`.
    """
    with session.begin_nested():
        row = _article_row(session, url)
        fetch_id = raw_page_id = None
        if capture is not None:
            fetch_id, raw_page_id = record_capture(session, capture, run_id=run_id, outcome="gone")
        if row is None:
            return None
        row.last_seen = _later(row.last_seen, seen_at)
        if row.status == "gone":
            return StoreResult(StoreStatus.GONE, row.id, _next_seq(session, row.id) - 1)
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


def mark_seen(session: Session, url: str, *, seen_at: dt.datetime) -> None:
    """Move `last_seen` of a known article (a 304 answer): no version, nothing parsed."""
    row = _article_row(session, url)
    if row is not None:
        row.last_seen = _later(row.last_seen, seen_at)


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
        batches = [
            query.where(ArticleRow.url.in_(wanted[i : i + _IN_CHUNK]))
            for i in range(0, len(wanted), _IN_CHUNK)
        ]
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
    values: dict[str, Any] = {
        "url": url,
        "fetched_at": fetched_at,
        "status": status,
        "run_id": run_id,
        "outcome": outcome,
        "error": error,
        "raw_page_id": raw_page_id,
        "elapsed_ms": elapsed_ms,
        "response_headers": {},
        "request_headers": {},
    }
    if capture is not None:
        values.update(
            final_url=capture.final_url,
            status=capture.status,
            bytes=len(capture.body),
            elapsed_ms=capture.elapsed_ms if elapsed_ms is None else elapsed_ms,
            etag=capture.header("ETag"),
            last_modified=capture.header("Last-Modified"),
            response_headers=dict(capture.headers),
            request_headers=dict(capture.request_headers),
        )
    return insert_row(session, FetchRow, values)
