"""Store a batch of records with a constant number of SQL statements per batch (the archive's hot path).

`storage.archive.store_records` and `store_record` both come here: one lookup of the known
articles and their hashes, one multi-row insert each of raw pages, fetch rows, new articles,
versions, Q&A rows and contacts, one statement that indexes the new versions for search, and one
executemany update of the known articles. Only rare cases cost a statement per record: an article
coming back from a tombstone, and the translation links of a new or changed version.

Nothing here opens a transaction or a savepoint: the caller does (see `storage.archive`), so a
version, its rows, its raw page and its search document commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session, selectinload

from scraper.models import Article, Capture
from storage.rawpages import put_raw_pages
from storage.rows import (
    as_utc,
    changed_fields,
    contact_values,
    content_hash,
    in_chunks,
    insert_many,
    insert_many_returning_ids,
    qa_values,
    version_to_article,
    version_values,
)
from storage.schema import ArticleRow, ContactRow, FetchRow, QARow, Site, VersionRow
from storage.search_index import index_versions


@dataclass(frozen=True)
class RecordToStore:
    """One record of a batch: what was extracted, when it was seen, and where it came from.

    `capture` is logged as a fetch row with its raw page; without one, `raw_page_id` and
    `fetch_id` may name the stored page and fetch the record was extracted from (a reparse).
    """

    article: Article
    seen_at: dt.datetime
    capture: Capture | None = None
    raw_page_id: int | None = None
    fetch_id: int | None = None


@dataclass(frozen=True)
class BatchOptions:
    """What every record of a batch shares: the run, the extractor and the site key."""

    run_id: int | None = None
    extractor_version: str | None = None
    site: str | None = None


@dataclass
class Stored:
    """The outcome of one record: status value ("new", "changed", "unchanged"), ids, fields."""

    status: str
    article_id: int
    version: int
    changed_fields: list[str]


def later(current: dt.datetime | None, seen_at: dt.datetime) -> dt.datetime:
    """`last_seen` never moves back (a WARC import of old captures must not age the article)."""
    seen_at = as_utc(seen_at)
    return seen_at if current is None else max(as_utc(current), seen_at)


def fetch_values(
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
) -> dict[str, Any]:
    """The `fetches` row of one HTTP exchange (see `storage.archive.log_fetch`)."""
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
        "final_url": None,
        "bytes": None,
        "etag": None,
        "last_modified": None,
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
    return values


_KNOWN_COLUMNS = (
    ArticleRow.id,
    ArticleRow.url,
    ArticleRow.content_hash,
    ArticleRow.current_version,
    ArticleRow.last_seen,
    ArticleRow.status,
    ArticleRow.etag,
    ArticleRow.last_modified,
    ArticleRow.translation_group,
)


def _known(session: Session, urls: list[str]) -> dict[str, Any]:
    known: dict[str, Any] = {}
    for chunk in in_chunks(sorted(set(urls))):
        for row in session.execute(select(*_KNOWN_COLUMNS).where(ArticleRow.url.in_(chunk))):
            known[row.url] = row
    return known


def site_id(session: Session, key: str | None) -> int | None:
    """The id of site `key`, added on first use; None without a key."""
    if key is None:
        return None
    found = session.scalar(select(Site.id).where(Site.key == key))
    if found is not None:
        return found
    site = Site(key=key)
    session.add(site)
    session.flush()
    return site.id


def _validators(item: RecordToStore, etag: str | None, modified: str | None) -> dict[str, Any]:
    capture = item.capture
    if capture is not None and capture.status == 200:
        return {"etag": capture.header("ETag"), "last_modified": capture.header("Last-Modified")}
    return {"etag": etag, "last_modified": modified}


def _come_back(session: Session, article_id: int, seen_at: dt.datetime) -> str:
    """The status of a gone article seen again: live unless the capture predates its tombstone.

    The tombstone notes when the article came back (once). One statement or two per record:
    comebacks are rare.
    """
    tombstone = session.execute(
        select(VersionRow.id, VersionRow.seen_at, VersionRow.revived_at)
        .where(VersionRow.article_id == article_id, VersionRow.kind == "gone")
        .order_by(VersionRow.seq.desc())
        .limit(1)
    ).first()
    if tombstone is None:
        return "live"
    if as_utc(seen_at) < as_utc(tombstone.seen_at):
        return "gone"
    if tombstone.revived_at is None:
        session.execute(
            update(VersionRow).where(VersionRow.id == tombstone.id).values(revived_at=seen_at)
        )
    return "live"


def _previous_contents(session: Session, article_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The content of the current version of each article, for `changed_fields`."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in in_chunks(article_ids):
        versions = session.scalars(
            select(VersionRow)
            .join(
                ArticleRow,
                (VersionRow.article_id == ArticleRow.id)
                & (VersionRow.seq == ArticleRow.current_version),
            )
            .where(ArticleRow.id.in_(chunk))
            .options(selectinload(VersionRow.qa), selectinload(VersionRow.contacts))
        )
        for version in versions:
            found[version.article_id] = version_to_article(version, "").content_dict()
    return found


def _next_seqs(session: Session, article_ids: list[int]) -> dict[int, int]:
    """The next free version number of each article (tombstones count)."""
    found: dict[int, int] = {}
    for chunk in in_chunks(article_ids):
        rows = session.execute(
            select(VersionRow.article_id, func.max(VersionRow.seq))
            .where(VersionRow.article_id.in_(chunk))
            .group_by(VersionRow.article_id)
        )
        found.update({article_id: (top or 0) + 1 for article_id, top in rows})
    return found


def link_translations(
    session: Session, article_id: int, url: str, group: str | None, translations: dict[str, str]
) -> None:
    """Put the article and the archived articles it names as translations into one group.

    The group key is the one one of them already has (groups that meet are merged), otherwise a
    new key derived from the URL; articles archived later join when they name a group member.
    """
    if not translations and not group:
        return
    urls = sorted({url, *translations.values()})
    members: dict[int, str | None] = {
        member_id: member_group
        for member_id, member_group in session.execute(
            select(ArticleRow.id, ArticleRow.translation_group).where(ArticleRow.url.in_(urls))
        )
    }
    members[article_id] = members.get(article_id, group)
    groups = sorted({g for g in members.values() if g})
    key = groups[0] if groups else hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    if groups[1:]:
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.translation_group.in_(groups[1:]))
            .values(translation_group=key)
            .execution_options(synchronize_session=False)
        )
    stale = sorted(m for m, g in members.items() if g != key)
    if stale:
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.id.in_(stale))
            .values(translation_group=key)
            .execution_options(synchronize_session=False)
        )


_ARTICLES = cast(Table, ArticleRow.__table__)
_ARTICLE_UPDATE = (
    update(_ARTICLES)
    .where(_ARTICLES.c.id == bindparam("b_id"))
    .values(
        last_seen=bindparam("b_last_seen"),
        status=bindparam("b_status"),
        etag=bindparam("b_etag"),
        last_modified=bindparam("b_last_modified"),
    )
)
_ARTICLE_CHANGE = _ARTICLE_UPDATE.values(
    lang=bindparam("b_lang"),
    current_version=bindparam("b_current_version"),
    content_hash=bindparam("b_content_hash"),
    last_changed=bindparam("b_last_changed"),
)


def store_batch(
    session: Session, items: list[RecordToStore], options: BatchOptions
) -> list[Stored]:
    """Store `items` (each URL at most once) and say what became of each, in order.

    Raises whatever the database or the data raise; the caller's savepoint undoes the batch.
    Python's cycle collector is paused meanwhile (when it was on): the rows of a batch are
    thousands of new dicts and tuples that live until it ends, and every few hundred of them made
    the collector walk the young objects for nothing (a tenth of the CPU time of an unchanged
    store); what is garbage after the batch is collected in one walk later.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _store_batch(session, items, options)
    finally:
        if collecting:
            gc.enable()


def _store_batch(
    session: Session, items: list[RecordToStore], options: BatchOptions
) -> list[Stored]:
    if len({item.article.url for item in items}) != len(items):
        raise ValueError("a batch holds each URL at most once")
    digests = [content_hash(item.article) for item in items]
    known = _known(session, [item.article.url for item in items])
    statuses = [
        "new"
        if (row := known.get(item.article.url)) is None
        else "unchanged"
        if row.content_hash == digest
        else "changed"
        for item, digest in zip(items, digests, strict=True)
    ]

    # raw pages and fetch rows of every capture
    captured = [i for i, item in enumerate(items) if item.capture is not None]
    page_ids = put_raw_pages(
        session,
        [(items[i].capture.body, items[i].capture.content_type) for i in captured],  # type: ignore[union-attr]
    )
    raw_ids: list[int | None] = [item.raw_page_id for item in items]
    fetch_rows = []
    for i, page_id in zip(captured, page_ids, strict=True):
        capture = items[i].capture
        assert capture is not None
        raw_ids[i] = page_id
        fetch_rows.append(
            fetch_values(
                capture.url,
                fetched_at=capture.fetched_at,
                capture=capture,
                run_id=options.run_id,
                outcome=statuses[i],
                raw_page_id=page_id,
            )
        )
    # only the fetches of new versions need their ids back; the others (most of a recrawl) go in
    # as a plain executemany, which skips RETURNING and, on PostgreSQL, psycopg's parsing of one
    # multi-row statement per batch
    fetch_ids: list[int | None] = [item.fetch_id for item in items]
    cited = [n for n, i in enumerate(captured) if statuses[i] != "unchanged"]
    for n, fetch_id in zip(
        cited,
        insert_many_returning_ids(
            session, FetchRow, [fetch_rows[n] for n in cited], key=("url", "fetched_at")
        ),
        strict=True,
    ):
        fetch_ids[captured[n]] = fetch_id
    insert_many(
        session,
        FetchRow,
        [row for row, i in zip(fetch_rows, captured, strict=True) if statuses[i] == "unchanged"],
    )

    # new articles: their rows first (versions refer to them), with their final values
    fresh = [i for i, status in enumerate(statuses) if status == "new"]
    site = site_id(session, options.site) if fresh else None
    new_ids = insert_many_returning_ids(
        session,
        ArticleRow,
        [
            {
                "url": items[i].article.url,
                "site_id": site,
                "lang": items[i].article.lang,
                "first_seen": items[i].seen_at,
                "last_seen": items[i].seen_at,
                "last_changed": items[i].seen_at,
                "status": "live",
                "current_version": 1,
                "content_hash": digests[i],
                "translation_group": None,
                **_validators(items[i], None, None),
            }
            for i in fresh
        ],
        key=("url",),
    )
    article_ids = [known[item.article.url].id if item.article.url in known else 0 for item in items]
    for i, article_id in zip(fresh, new_ids, strict=True):
        article_ids[i] = article_id

    # versions of new and changed records, with their Q&A, contacts and search documents
    changed = [i for i, status in enumerate(statuses) if status == "changed"]
    previous = _previous_contents(session, [article_ids[i] for i in changed])
    seqs = _next_seqs(session, [article_ids[i] for i in changed])
    results = [
        Stored(status, article_ids[i], known[items[i].article.url].current_version, [])
        if status == "unchanged"
        else Stored(status, article_ids[i], 1, [])
        for i, status in enumerate(statuses)
    ]
    for i in changed:
        results[i].version = seqs.get(article_ids[i], 1)
        results[i].changed_fields = changed_fields(
            previous.get(article_ids[i], {}), items[i].article.content_dict()
        )
    versioned = fresh + changed
    version_ids = insert_many_returning_ids(
        session,
        VersionRow,
        [
            {
                "article_id": article_ids[i],
                "seq": results[i].version,
                "seen_at": items[i].seen_at,
                "content_hash": digests[i],
                "changed_fields": results[i].changed_fields,
                "extractor_version": options.extractor_version,
                "raw_page_id": raw_ids[i],
                "fetch_id": fetch_ids[i],
                **version_values(items[i].article),
            }
            for i in versioned
        ],
        key=("article_id", "seq"),
    )
    qa_rows: list[dict[str, Any]] = []
    contact_rows: list[dict[str, Any]] = []
    for i, version_id in zip(versioned, version_ids, strict=True):
        qa_rows += qa_values(items[i].article, version_id)
        contact_rows += contact_values(items[i].article, version_id)
    insert_many(session, QARow, qa_rows)
    insert_many(session, ContactRow, contact_rows)
    index_versions(session, version_ids)

    # known articles: last seen, validators, status; the changed ones also their new version
    seen: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        row = known.get(item.article.url)
        if row is None:
            continue
        values = {
            "b_id": row.id,
            "b_last_seen": later(row.last_seen, item.seen_at),
            "b_status": _come_back(session, row.id, item.seen_at)
            if row.status == "gone"
            else row.status,
            **{f"b_{k}": v for k, v in _validators(item, row.etag, row.last_modified).items()},
        }
        if statuses[i] == "unchanged":
            seen.append(values)
        else:
            moved.append(
                values
                | {
                    "b_lang": item.article.lang,
                    "b_current_version": results[i].version,
                    "b_content_hash": digests[i],
                    "b_last_changed": item.seen_at,
                }
            )
    if seen:
        session.execute(_ARTICLE_UPDATE, seen)
    if moved:
        session.execute(_ARTICLE_CHANGE, moved)
    for i in versioned:
        row = known.get(items[i].article.url)
        link_translations(
            session,
            article_ids[i],
            items[i].article.url,
            row.translation_group if row is not None else None,
            items[i].article.translations,
        )
    _forget_cached(session)
    return results


def _forget_cached(session: Session) -> None:
    """Expire ORM copies of articles and versions: the Core statements above bypassed them.

    The session's identity map holds weak references, so this walks only what a caller still uses.
    """
    for cached in list(session.identity_map.values()):
        if isinstance(cached, ArticleRow | VersionRow):
            session.expire(cached)
