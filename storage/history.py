"""Read an article's history back: its versions and tombstones (with their comebacks), when each was
seen, what it changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.errors import NotFoundError
from storage.schema import ArticleRow, FetchRow, RawPage, VersionRow


@dataclass
class VersionSummary:
    """One line of an article's history."""

    seq: int
    kind: str
    seen_at: dt.datetime
    content_hash: str | None
    changed_fields: list[str]
    title: str | None
    extractor_version: str | None
    http_status: int | None
    raw_sha256: str | None
    #: tombstones only: when the article answered again with unchanged content
    revived_at: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.seq,
            "kind": self.kind,
            "seen_at": self.seen_at.isoformat(),
            "content_hash": self.content_hash,
            "changed_fields": list(self.changed_fields),
            "title": self.title,
            "extractor_version": self.extractor_version,
            "http_status": self.http_status,
            "raw_sha256": self.raw_sha256,
            "revived_at": self.revived_at.isoformat() if self.revived_at else None,
        }


@dataclass
class ArticleHistory:
    """An article's identity, its state now, and every version oldest first."""

    url: str
    lang: str | None
    status: str
    first_seen: dt.datetime
    last_seen: dt.datetime
    last_changed: dt.datetime
    current_version: int
    translations: dict[str, str] = field(default_factory=dict)
    versions: list[VersionSummary] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "lang": self.lang,
            "status": self.status,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "last_changed": self.last_changed.isoformat(),
            "current_version": self.current_version,
            "translations": dict(sorted(self.translations.items())),
            "versions": [v.to_dict() for v in self.versions],
        }


def get_article(session: Session, url: str) -> ArticleRow:
    """The archived article of `url`; `NotFoundError` when the URL was never archived, naming
    the archived URL that differs from it only by a trailing slash when there is one."""
    row = session.scalar(select(ArticleRow).where(ArticleRow.url == url))
    if row is not None:
        return row
    other = url[:-1] if url.endswith("/") else url + "/"
    if session.scalar(select(ArticleRow.id).where(ArticleRow.url == other)) is not None:
        raise NotFoundError(f"{url} is not in the archive: did you mean {other}?")
    raise NotFoundError(
        f"{url} is not in the archive: check the URL, or find it with `hubarchive search`"
    )


def get_version(session: Session, article: ArticleRow, seq: int) -> VersionRow:
    """Content version `seq` of `article`, Q&A and contacts loaded; `NotFoundError` otherwise."""
    version = session.scalar(
        select(VersionRow)
        .where(VersionRow.article_id == article.id, VersionRow.seq == seq)
        .options(selectinload(VersionRow.qa), selectinload(VersionRow.contacts))
    )
    if version is None or version.kind != "content":
        seqs = session.scalars(
            select(VersionRow.seq)
            .where(VersionRow.article_id == article.id, VersionRow.kind == "content")
            .order_by(VersionRow.seq)
        ).all()
        what = "is a tombstone (the page had gone)" if version is not None else "does not exist"
        raise NotFoundError(
            f"version {seq} of {article.url} {what}; content versions: "
            + ", ".join(str(s) for s in seqs)
        )
    return version


def previous_content_seq(session: Session, article: ArticleRow, seq: int) -> int | None:
    """The content version before `seq`, None for the first one."""
    return session.scalar(
        select(VersionRow.seq)
        .where(
            VersionRow.article_id == article.id, VersionRow.kind == "content", VersionRow.seq < seq
        )
        .order_by(VersionRow.seq.desc())
        .limit(1)
    )


def translations_of(session: Session, article: ArticleRow) -> dict[str, str]:
    """lang -> URL of the other archived articles in `article`'s translation group."""
    if not article.translation_group:
        return {}
    rows = session.execute(
        select(ArticleRow.lang, ArticleRow.url)
        .where(
            ArticleRow.translation_group == article.translation_group, ArticleRow.id != article.id
        )
        .order_by(ArticleRow.url)
    )
    return {lang or "?": url for lang, url in rows}


def article_history(session: Session, url: str) -> ArticleHistory:
    """Every version and tombstone of the article at `url`, oldest first."""
    article = get_article(session, url)
    rows = session.execute(
        select(VersionRow, FetchRow.status, RawPage.sha256)
        .outerjoin(FetchRow, FetchRow.id == VersionRow.fetch_id)
        .outerjoin(RawPage, RawPage.id == VersionRow.raw_page_id)
        .where(VersionRow.article_id == article.id)
        .order_by(VersionRow.seq)
    )
    versions = [
        VersionSummary(
            seq=v.seq,
            kind=v.kind,
            seen_at=v.seen_at,
            content_hash=v.content_hash,
            changed_fields=list(v.changed_fields or []),
            title=v.title,
            extractor_version=v.extractor_version,
            http_status=status,
            raw_sha256=sha,
            revived_at=v.revived_at,
        )
        for v, status, sha in rows
    ]
    return ArticleHistory(
        url=article.url,
        lang=article.lang,
        status=article.status,
        first_seen=article.first_seen,
        last_seen=article.last_seen,
        last_changed=article.last_changed,
        current_version=article.current_version,
        translations=translations_of(session, article),
        versions=versions,
    )
