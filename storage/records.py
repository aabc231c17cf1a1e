"""Read archived versions back as `Article` records with their archive keys, a batch at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scraper.models import Article
from storage.errors import NotFoundError
from storage.rows import version_to_article
from storage.schema import ArticleRow, FetchRow, RawPage, VersionRow


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


def load_versions(
    session: Session, wanted: Sequence[tuple[int, str]], *, as_of: dt.date | None = None
) -> list[ArchivedVersion]:
    """The versions `wanted` as (versions.id, status as the caller selected it), in that order.

    With `as_of`, `last_changed` is the day's view of it: when the version then current was seen.
    """
    ids = [version_id for version_id, _status in wanted]
    if not ids:
        return []
    rows = session.execute(
        select(VersionRow, ArticleRow, FetchRow.fetched_at, RawPage.sha256, RawPage.size)
        .join(ArticleRow, ArticleRow.id == VersionRow.article_id)
        .outerjoin(FetchRow, FetchRow.id == VersionRow.fetch_id)
        .outerjoin(RawPage, RawPage.id == VersionRow.raw_page_id)
        .where(VersionRow.id.in_(ids))
        .options(selectinload(VersionRow.qa), selectinload(VersionRow.contacts))
    ).all()
    by_id: dict[int, ArchivedVersion] = {}
    for v, a, fetched_at, sha256, size in rows:
        record = version_to_article(v, a.url)
        by_id[v.id] = ArchivedVersion(
            article_id=a.id,
            version=v.seq,
            version_id=v.id,
            status=a.status,
            first_seen=a.first_seen,
            last_seen=a.last_seen,
            last_changed=v.seen_at if as_of else a.last_changed,
            seen_at=v.seen_at,
            content_hash=v.content_hash,
            extractor_version=v.extractor_version,
            record=record,
            fetched_at=fetched_at,
            raw_page_sha256=sha256,
            raw_page_size=size,
            translation_group=a.translation_group,
            changed_fields=list(getattr(v, "changed_fields", None) or []),
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
    article = session.scalar(select(ArticleRow).where(ArticleRow.url == url))
    if article is None:
        raise NotFoundError(
            f"{url} is not in the archive: check the URL, or find it with `hubarchive search`"
        )
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
