"""The archive's tables as SQLAlchemy 2 typed ORM classes; every change here needs an Alembic revision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Stable constraint names, so that migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and read back timezone-aware, on SQLite (which keeps no zone) too.

    Naive values are taken to be UTC already; aware ones are converted before they are written.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None or value.tzinfo is None:
            return value
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Site(Base):
    """A site the archive follows (one profile)."""

    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the profile key, or the start URL's origin (`http://host:port`) of a generic crawl
    key: Mapped[str] = mapped_column(String(100), unique=True)
    base_url: Mapped[str | None] = mapped_column(Text)
    #: the text of the profile the site was last crawled with (reparse and imports reuse it)
    profile: Mapped[str | None] = mapped_column(Text)


class ArticleRow(Base):
    """One article, identified by its canonical URL; its content lives in `versions`."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    url: Mapped[str] = mapped_column(Text, unique=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    #: articles that are translations of each other share one group key
    translation_group: Mapped[str | None] = mapped_column(String(64), index=True)
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_changed: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: "live" or "gone"
    status: Mapped[str] = mapped_column(String(8), default="live")
    #: seq of the newest content version (tombstones do not move it)
    current_version: Mapped[int] = mapped_column(Integer, default=0)
    #: content hash of that version, so that an unchanged record is recognised without a join
    content_hash: Mapped[str | None] = mapped_column(String(64))
    #: validators of the last 200 response, sent back as a conditional GET
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)

    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="article", order_by="VersionRow.seq", cascade="all, delete-orphan"
    )


class VersionRow(Base):
    """One version of an article: a content snapshot, or a tombstone (`kind == "gone"`)."""

    __tablename__ = "versions"
    __table_args__ = (
        UniqueConstraint("article_id", "seq", name="uq_versions_article_id_seq"),
        # what a search checks of each candidate, read without the version's text (0004)
        Index(
            "ix_versions_search",
            "id",
            "article_id",
            "seq",
            "kind",
            "lang",
            "sector_key",
            "sector",
            "published",
            "seen_at",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    #: "content" or "gone"
    kind: Mapped[str] = mapped_column(String(8), default="content")
    #: when this version was first observed (the capture date for WARC imports)
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: tombstones only: when the article answered again with unchanged content (no new version)
    revived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    #: CONTENT_FIELDS that differ from the previous content version (all of them for the first)
    changed_fields: Mapped[list[Any]] = mapped_column(JSON, default=list)
    lang: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    modified: Mapped[dt.date | None] = mapped_column(Date)
    sector: Mapped[str | None] = mapped_column(Text)
    sector_key: Mapped[str | None] = mapped_column(String(64), index=True)
    lead: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    related: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sources: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    #: rows written to qa_pairs / contacts with this version: `check_integrity` compares them
    qa_count: Mapped[int] = mapped_column(Integer, default=0)
    contacts_count: Mapped[int] = mapped_column(Integer, default=0)
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"), index=True)
    fetch_id: Mapped[int | None] = mapped_column(ForeignKey("fetches.id"))

    article: Mapped[ArticleRow] = relationship(back_populates="versions")
    qa: Mapped[list[QARow]] = relationship(order_by="QARow.position", cascade="all, delete-orphan")
    contacts: Mapped[list[ContactRow]] = relationship(
        order_by="ContactRow.position", cascade="all, delete-orphan"
    )


class QARow(Base):
    """An interview pair of one version."""

    __tablename__ = "qa_pairs"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)


class ContactRow(Base):
    """A contact block of one version."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    phones: Mapped[list[Any]] = mapped_column(JSON, default=list)
    emails: Mapped[list[Any]] = mapped_column(JSON, default=list)


class RawPage(Base):
    """A response body, content-addressed by sha256 and stored once, zlib-compressed."""

    __tablename__ = "raw_pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str | None] = mapped_column(Text)
    body_z: Mapped[bytes] = mapped_column(LargeBinary)


class RunRow(Base):
    """One crawl run (or reparse / WARC import): when, how it ended, and its counts."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="crawl")
    #: the site key a crawl ran for (None: archive-wide runs, and crawls before revision 0004)
    site: Mapped[str | None] = mapped_column(String(200), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: "running", "ok", "failures", "nothing-found", "interrupted", "error"
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    exit_code: Mapped[int | None] = mapped_column(Integer)
    pid: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str | None] = mapped_column(Text)
    args: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: listing_pages, discovered, fetched, not_modified, new, changed, unchanged, gone, failed
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    message: Mapped[str | None] = mapped_column(Text)


class FetchRow(Base):
    """One HTTP fetch of a run, successful or not: the crawl's log."""

    __tablename__ = "fetches"
    __table_args__ = (Index("ix_fetches_url", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
    bytes: Mapped[int | None] = mapped_column(BigInteger)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    response_headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    request_headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"))
    #: "new", "changed", "unchanged", "not-modified", "gone", "failed", "skipped", "listing"
    outcome: Mapped[str | None] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)


class SiteSchedule(Base):
    """A site registered for the workers (`hubarchive sites add`): how often it is crawled, when
    next, and which worker holds it now (a lease that heartbeats renew, 0009)."""

    __tablename__ = "site_schedules"
    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True
    )
    #: seconds between the starts of two scheduled crawls (`--every 4h`)
    every_s: Mapped[int] = mapped_column(Integer)
    #: the start URLs of its crawls (empty: the profile's own listings)
    start_urls: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: seconds between two requests to one host; None: the crawl's default
    delay: Mapped[float | None] = mapped_column(Float)
    #: when the next crawl is due (the database server's clock)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    #: the worker holding the site, and until when (expired: another worker takes it over)
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: the run under way: a worker taking over an expired lease continues it
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class HostSlot(Base):
    """When the next request to one host may start, shared by every worker (0009): a worker
    locks the row for its request, so the per-host delay holds across processes and machines."""

    __tablename__ = "host_slots"
    #: the host name (every port of a machine shares its slot)
    host: Mapped[str] = mapped_column(String(300), primary_key=True)
    next_allowed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
