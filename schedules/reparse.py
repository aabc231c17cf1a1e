"""Re-run the current extractor over the stored raw pages (no network): new versions only where the record moved.

This is how an extractor improvement reaches the archive, and how a regression in it is caught:
the report counts, per field, how many articles changed (`dry_run` shows it without writing).
Each live article is re-extracted from the newest page stored for it (its last 200 fetch, or
the page of its current version); the new version is dated by that page's fetch time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from schedules.extraction import Extract, charset_of, default_extract, with_profile
from scraper import EXTRACTOR_VERSION
from scraper.errors import ProfileError
from scraper.sites import SiteProfile, profile_from_text
from storage.archive import StoreStatus, finish_run, start_run, store_record
from storage.db import transaction
from storage.rawpages import raw_page_body
from storage.schema import ArticleRow, FetchRow, RawPage, Site, VersionRow

log = logging.getLogger(__name__)

#: Articles re-extracted per transaction.
BATCH = 200
#: Extraction errors spelled out in the report; the rest are counted.
MAX_ERRORS = 20


@dataclass
class ReparseReport:
    """What a reparse did: counts, and per field how many articles changed."""

    checked: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    dry_run: bool = False
    run_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "fields": dict(sorted(self.fields.items())),
            "errors": list(self.errors),
            "dry_run": self.dry_run,
            "run_id": self.run_id,
        }


@dataclass(frozen=True)
class _Source:
    url: str
    raw_page_id: int
    fetch_id: int | None
    fetched_at: dt.datetime
    content_type: str | None
    #: the article's site (its `sites` row id), whose stored profile reads the page
    site_id: int | None = None


def _latest_fetches(session: Session) -> Any:
    """Per URL, the newest 200 fetch that kept its page."""
    ranked = (
        select(
            FetchRow.url,
            FetchRow.id,
            FetchRow.raw_page_id,
            FetchRow.fetched_at,
            FetchRow.response_headers,
            func.row_number()
            .over(
                partition_by=FetchRow.url, order_by=(FetchRow.fetched_at.desc(), FetchRow.id.desc())
            )
            .label("rank"),
        )
        .where(FetchRow.status == 200, FetchRow.raw_page_id.is_not(None))
        .subquery()
    )
    return select(ranked).where(ranked.c.rank == 1).subquery()


def _sources(session: Session, *, url: str | None, since: dt.datetime | None) -> list[_Source]:
    latest = _latest_fetches(session)
    rows = session.execute(
        select(
            ArticleRow.url,
            latest.c.raw_page_id,
            latest.c.id,
            latest.c.fetched_at,
            latest.c.response_headers,
            VersionRow.raw_page_id,
            VersionRow.fetch_id,
            VersionRow.seen_at,
            RawPage.content_type,
            ArticleRow.site_id,
        )
        .join(
            VersionRow,
            (VersionRow.article_id == ArticleRow.id)
            & (VersionRow.seq == ArticleRow.current_version),
        )
        .outerjoin(latest, latest.c.url == ArticleRow.url)
        .outerjoin(
            RawPage, RawPage.id == func.coalesce(latest.c.raw_page_id, VersionRow.raw_page_id)
        )
        .where(ArticleRow.status == "live", *([ArticleRow.url == url] if url else []))
        .order_by(ArticleRow.id)
    )
    sources = []
    for row in rows:
        article_url, f_page, f_id, f_at, f_headers, v_page, v_fetch, v_seen, page_type, site = row
        if f_page is not None:
            headers = {k.lower(): v for k, v in (f_headers or {}).items()}
            source = _Source(
                article_url, f_page, f_id, f_at, headers.get("content-type", page_type), site
            )
        elif v_page is not None:
            source = _Source(article_url, v_page, v_fetch, v_seen, page_type, site)
        else:
            continue  # stored without its page: nothing to re-extract from
        if since is None or source.fetched_at >= since:
            sources.append(source)
    return sources


def _reparse_one(
    session: Session,
    source: _Source,
    report: ReparseReport,
    *,
    extract: Extract,
    extractor_version: str,
    run_id: int | None,
) -> None:
    body = raw_page_body(session, source.raw_page_id)
    try:
        article = extract(body, source.url, encoding=charset_of(source.content_type))
    except Exception as exc:  # a page the new extractor cannot read is reported, not fatal
        log.exception("re-extraction failed for %s", source.url)
        report.failed += 1
        if len(report.errors) < MAX_ERRORS:
            report.errors.append(f"{source.url}: {exc}")
        return
    article.url = source.url
    result = store_record(
        session,
        article,
        seen_at=source.fetched_at,
        run_id=run_id,
        extractor_version=extractor_version,
        raw_page_id=source.raw_page_id,
        fetch_id=source.fetch_id,
    )
    report.checked += 1
    if result.status is StoreStatus.CHANGED:
        report.changed += 1
        report.fields.update(result.changed_fields)
    else:
        report.unchanged += 1


def reparse(
    engine: Engine,
    *,
    extract: Extract | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
    url: str | None = None,
    since: dt.datetime | None = None,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    profile: SiteProfile | None = None,
) -> ReparseReport:
    """Re-extract the live articles (only `url`, only pages fetched since `since`) from stored pages.

    With `dry_run`, everything is computed and rolled back: the report says what would change.
    `extract` defaults to `scraper.extract.extract_article`; `profile` is the site profile it
    reads the pages with (None: each article's site profile as the archive keeps it, the one its
    site was crawled with; the extractor's default for an article without one).
    """
    base_extract = extract or default_extract
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)  # a naive time is taken as UTC, as the archive stores
    report = ReparseReport(dry_run=dry_run)
    started = now or dt.datetime.now(dt.UTC)
    with transaction(engine) as session:
        sources = _sources(session, url=url, since=since)
        if not dry_run:
            report.run_id = start_run(
                session,
                kind="reparse",
                started_at=started,
                args={
                    "url": url,
                    "since": since.isoformat() if since else None,
                    "extractor_version": extractor_version,
                },
            )
    extractors: dict[int | None, Extract] = {}
    for start in range(0, len(sources), BATCH):
        with transaction(engine, dry_run=dry_run) as session:
            for source in sources[start : start + BATCH]:
                if source.site_id not in extractors:
                    chosen = profile or stored_profile(session, source.site_id)
                    extractors[source.site_id] = with_profile(base_extract, chosen)
                _reparse_one(
                    session,
                    source,
                    report,
                    extract=extractors[source.site_id],
                    extractor_version=extractor_version,
                    run_id=report.run_id,
                )
    if report.run_id is not None:
        with transaction(engine) as session:
            finish_run(
                session,
                report.run_id,
                outcome="failures" if report.failed else "ok",
                finished_at=dt.datetime.now(dt.UTC),
                counts={
                    "checked": report.checked,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "failed": report.failed,
                    "fields": dict(report.fields),
                },
            )
    return report


def stored_profile(session: Session, site_id: int | None) -> SiteProfile | None:
    """The profile site `site_id` was last crawled with (its text in `sites.profile`), or None
    when the archive keeps none or it no longer reads (logged). `reparse` and `warc import` read
    an archived article's pages with it (DECISIONS.md: one profile per site, wherever it runs)."""
    if site_id is None:
        return None
    row = session.get(Site, site_id)
    if row is None or not row.profile:
        return None
    try:
        return profile_from_text(row.profile, f"stored profile of site {row.key!r}", strict=False)
    except ProfileError as exc:
        log.warning("%s; the extractor's default is used", exc)
        return None
