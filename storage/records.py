"""Read archived versions back as `Article` records with their archive keys, a batch at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from sqlalchemy import ARRAY, Integer, Table, Text, any_, bindparam, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from scraper.models import Article
from storage.errors import NotFoundError
from storage.history import get_article
from storage.rows import version_to_article
from storage.schema import ArticleRow, ContactRow, FetchRow, QARow, RawPage, VersionRow


@dataclass
class ArchivedVersion:
    """One content version as the archive holds it: the record plus where and when it was seen."""

    article_id: int
    version: int
    version_id: int
    status: str
    first_seen: dt.datetime
    last_seen: dt.datetime
    last_changed: dt.datetime
    seen_at: dt.datetime
    content_hash: str | None
    extractor_version: str | None
    record: Article
    fetched_at: dt.datetime | None = None
    raw_page_sha256: str | None = None
    raw_page_size: int | None = None
    translation_group: str | None = None
    changed_fields: list[str] = field(default_factory=list)

    def archive_keys(self) -> dict[str, Any]:
        """The archive's own keys of this version, JSON-ready."""
        return {
            "article_id": self.article_id,
            "version": self.version,
            "content_hash": self.content_hash,
            "first_seen": self.first_seen.isoformat(),
            "last_changed": self.last_changed.isoformat(),
            "seen_at": self.seen_at.isoformat(),
            "status": self.status,
        }

    def to_dict(self) -> dict[str, Any]:
        """The record's keys (`Article.to_dict`) followed by the archive keys."""
        return {**self.record.to_dict(), **self.archive_keys()}


_VERSIONS = cast(Table, VersionRow.__table__)
_ARTICLES = cast(Table, ArticleRow.__table__)
_QA = cast(Table, QARow.__table__)
_CONTACTS = cast(Table, ContactRow.__table__)

#: Version columns a reader of content does not use (ids are read under other names): each
#: column read is a conversion per row, and exports read 200,000 rows.
_NOT_READ = (
    "id",
    "article_id",
    "kind",
    "revived_at",
    "qa_count",
    "contacts_count",
    "raw_page_id",
    "fetch_id",
)
#: Columns read for each version: Core rows, no ORM objects (exports read 200,000 of them).
_VERSION_COLUMNS = (
    *(c for c in _VERSIONS.c if c.name not in _NOT_READ),
    _VERSIONS.c.id.label("version_id"),
    _ARTICLES.c.id.label("article_id"),
    _ARTICLES.c.url,
    _ARTICLES.c.status.label("article_status"),
    _ARTICLES.c.first_seen,
    _ARTICLES.c.last_seen,
    _ARTICLES.c.last_changed,
    _ARTICLES.c.translation_group,
    FetchRow.__table__.c.fetched_at,
    RawPage.__table__.c.sha256.label("raw_sha256"),
    RawPage.__table__.c.size.label("raw_size"),
)


def among(session: Session, column: Any, ids: list[int]) -> Any:
    """`column IN ids`; on PostgreSQL `column = ANY(array)`: one parameter, so psycopg parses the
    statement once and caches it, where an IN list of a batch's ids is a new statement of hundreds
    of parameters that it parses on every call (a tenth of an export's time). The array is sent
    as its text form (`{1,2,3}`, cast by the server): psycopg's dumper of a Python list of ints
    cost a tenth of an export's time again."""
    if session.get_bind().dialect.name == "postgresql":
        literal = "{" + ",".join(map(str, ids)) + "}"  # ids are ints read from the archive
        return column == any_(sql_cast(bindparam("ids", literal, type_=Text), ARRAY(Integer)))
    return column.in_(ids)


def _children(session: Session, table: Table, ids: list[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    rows = session.execute(
        select(table)
        .where(among(session, table.c.version_id, ids))
        .order_by(table.c.version_id, table.c.position)
    ).all()  # one fetch, not one call per row
    for row in rows:
        found.setdefault(row.version_id, []).append(row)
    return found


def load_versions(
    session: Session, wanted: Sequence[tuple[int, str]], *, as_of: dt.date | None = None
) -> list[ArchivedVersion]:
    """The versions `wanted` as (versions.id, status as the caller selected it), in that order.

    With `as_of`, `last_changed` is the day's view of it: when the version then current was seen.
    Three statements per call, whatever the number of versions (exports call it per batch).
    """
    ids = [version_id for version_id, _status in wanted]
    if not ids:
        return []
    rows = session.execute(
        select(*_VERSION_COLUMNS)
        .select_from(_VERSIONS)
        .join(_ARTICLES, _ARTICLES.c.id == _VERSIONS.c.article_id)
        .outerjoin(FetchRow.__table__, FetchRow.__table__.c.id == _VERSIONS.c.fetch_id)
        .outerjoin(RawPage.__table__, RawPage.__table__.c.id == _VERSIONS.c.raw_page_id)
        .where(among(session, _VERSIONS.c.id, ids))
    ).all()
    qa = _children(session, _QA, ids)
    contacts = _children(session, _CONTACTS, ids)
    by_id: dict[int, ArchivedVersion] = {}
    for v in rows:
        record = version_to_article(
            v, v.url, qa.get(v.version_id, []), contacts.get(v.version_id, [])
        )
        by_id[v.version_id] = ArchivedVersion(
            article_id=v.article_id,
            version=v.seq,
            version_id=v.version_id,
            status=v.article_status,
            first_seen=v.first_seen,
            last_seen=v.last_seen,
            last_changed=v.seen_at if as_of else v.last_changed,
            seen_at=v.seen_at,
            content_hash=v.content_hash,
            extractor_version=v.extractor_version,
            record=record,
            fetched_at=v.fetched_at,
            raw_page_sha256=v.raw_sha256,
            raw_page_size=v.raw_size,
            translation_group=v.translation_group,
            changed_fields=list(v.changed_fields or []),
        )
    found = []
    for version_id, status in wanted:
        if version_id in by_id:
            by_id[version_id].status = status
            found.append(by_id[version_id])
    return found


class VersionEntry(NamedTuple):
    """One line of an article's version list: a content version, or a tombstone and its comeback."""

    seq: int
    kind: str
    seen_at: dt.datetime
    #: tombstones only: when the article answered again with unchanged content
    revived_at: dt.datetime | None = None


@dataclass
class ArticleView:
    """What `hubarchive show` prints: one version, the article's version list, its translations."""

    version: ArchivedVersion
    #: every version and tombstone, oldest first
    history: list[VersionEntry]
    #: lang -> (URL, whether that URL is archived too)
    translations: dict[str, tuple[str, bool]]

    def to_dict(self) -> dict[str, Any]:
        v = self.version
        return {
            **v.to_dict(),
            "last_seen": v.last_seen.isoformat(),
            "provenance": {
                "seen_at": v.seen_at.isoformat(),
                "fetched_at": v.fetched_at.isoformat() if v.fetched_at else None,
                "raw_page_sha256": v.raw_page_sha256,
                "raw_page_size": v.raw_page_size,
                "extractor_version": v.extractor_version,
                "layers": dict(sorted(v.record.sources.items())),
            },
            "versions": [
                {
                    "version": e.seq,
                    "kind": e.kind,
                    "seen_at": e.seen_at.isoformat(),
                    **({"revived_at": e.revived_at.isoformat()} if e.revived_at else {}),
                }
                for e in self.history
            ],
            "translations_archived": {
                lang: archived for lang, (_url, archived) in sorted(self.translations.items())
            },
        }


def load_article(session: Session, url: str, version: int | None = None) -> ArticleView:
    """Version `version` (default: current) of the article at `url`, for reading.

    Raises `NotFoundError` when the URL is not archived or that version holds no content.
    """
    article = get_article(session, url)
    history = [
        VersionEntry(*row)
        for row in session.execute(
            select(VersionRow.seq, VersionRow.kind, VersionRow.seen_at, VersionRow.revived_at)
            .where(VersionRow.article_id == article.id)
            .order_by(VersionRow.seq)
        )
    ]
    seq = article.current_version if version is None else version
    version_id = session.scalar(
        select(VersionRow.id).where(
            VersionRow.article_id == article.id,
            VersionRow.seq == seq,
            VersionRow.kind == "content",
        )
    )
    if version_id is None:
        contents = ", ".join(str(e.seq) for e in history if e.kind == "content")
        raise NotFoundError(f"{url} has no content version {seq}; its versions: {contents}")
    (loaded,) = load_versions(session, [(version_id, article.status)])
    linked = loaded.record.translations
    archived = set(
        session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_(linked.values())))
    )
    return ArticleView(
        version=loaded,
        history=history,
        translations={lang: (link, link in archived) for lang, link in linked.items()},
    )
