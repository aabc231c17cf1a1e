"""`forget`: remove what was archived by mistake (a listing page, a legal page), and keep the
site's crawls from taking it again until the forgetting is undone.

What is forgotten is recorded in the run log: a `forget` run's args hold the URLs and the glob
pattern, a `forget-undo` run's args take them back. Deleting an article deletes its versions,
their Q&A and contact rows, its fetch rows, and the raw pages nothing else refers to.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.archive import finish_run, start_run
from storage.schema import ArticleRow, FetchRow, RawPage, RunRow, Site, VersionRow
from storage.selection import ProfileHosts, resolve_site

FORGET, UNDO = "forget", "forget-undo"


@dataclass
class ForgetReport:
    """What `forget_articles` removed (or would remove, in a dry run)."""

    urls: list[str] = field(default_factory=list)
    versions: int = 0
    fetches: int = 0
    raw_pages: int = 0
    run_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "urls": list(self.urls),
            "versions": self.versions,
            "fetches": self.fetches,
            "raw_pages": self.raw_pages,
            "run_id": self.run_id,
        }


@dataclass(frozen=True)
class Forgotten:
    """The URLs and glob patterns a site's crawls skip."""

    urls: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()

    def covers(self, url: str) -> bool:
        return url in self.urls or any(fnmatch.fnmatchcase(url, p) for p in self.patterns)


def _matching(
    session: Session, urls: list[str], pattern: str | None, site: str | None
) -> list[ArticleRow]:
    query = select(ArticleRow)
    if site is not None:
        query = query.join(Site, Site.id == ArticleRow.site_id).where(Site.key == site)
    rows = list(session.scalars(query))
    wanted = set(urls)
    return [
        r
        for r in rows
        if r.url in wanted or (pattern is not None and fnmatch.fnmatchcase(r.url, pattern))
    ]


def forget_articles(
    session: Session,
    *,
    urls: list[str] | None = None,
    pattern: str | None = None,
    site: str | None = None,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    profile_hosts: ProfileHosts | None = None,
) -> ForgetReport:
    """Delete the articles named by `urls` or matching the glob `pattern` (of `site` only when
    given) with everything they own, and record it; in a dry run, only count.

    `site` is read as `storage.selection.resolve_site` reads a filter (with `profile_hosts`):
    `UnknownSiteError` when the archive holds no such site (a typo, not "0 articles")."""
    if site is not None:
        site = resolve_site(session, site, profile_hosts)[1]
    rows = _matching(session, list(urls or []), pattern, site)
    found = sorted(r.url for r in rows)
    report = ForgetReport(urls=found)
    ids = [r.id for r in rows]
    version_ids = list(session.scalars(select(VersionRow.id).where(VersionRow.article_id.in_(ids))))
    report.versions = len(version_ids)
    fetch_ids = list(session.scalars(select(FetchRow.id).where(FetchRow.url.in_(found))))
    report.fetches = len(fetch_ids)
    pages = set(
        session.scalars(select(VersionRow.raw_page_id).where(VersionRow.id.in_(version_ids)))
    ) | set(session.scalars(select(FetchRow.raw_page_id).where(FetchRow.id.in_(fetch_ids))))
    pages.discard(None)
    still_used = set(
        session.scalars(
            select(VersionRow.raw_page_id).where(
                VersionRow.raw_page_id.in_(pages), VersionRow.id.not_in(version_ids)
            )
        )
    ) | set(
        session.scalars(
            select(FetchRow.raw_page_id).where(
                FetchRow.raw_page_id.in_(pages), FetchRow.id.not_in(fetch_ids)
            )
        )
    )
    orphans = sorted(p for p in pages - still_used if p is not None)
    report.raw_pages = len(orphans)
    if dry_run:
        return report
    when = now or dt.datetime.now(dt.UTC)
    for row in rows:
        session.delete(row)  # versions, Q&A and contacts go with it (ORM and FK cascades)
    session.flush()
    session.execute(delete(FetchRow).where(FetchRow.id.in_(fetch_ids)))
    session.execute(delete(RawPage).where(RawPage.id.in_(orphans)))
    report.run_id = start_run(
        session,
        kind=FORGET,
        started_at=when,
        args={
            "urls": found + [u for u in (urls or []) if u not in found],
            "pattern": pattern,
            "site": site,
        },
        site=site,
    )
    finish_run(
        session,
        report.run_id,
        outcome="ok",
        finished_at=when,
        counts={
            "articles": len(found),
            "versions": report.versions,
            "fetches": report.fetches,
            "raw_pages": report.raw_pages,
        },
        exit_code=0,
        message=f"forgot {len(found)} articles" + (f" matching {pattern}" if pattern else ""),
    )
    return report


def undo_forget(
    session: Session,
    *,
    urls: list[str] | None = None,
    pattern: str | None = None,
    site: str | None = None,
    now: dt.datetime | None = None,
    profile_hosts: ProfileHosts | None = None,
) -> int:
    """Let the crawls take `urls` / `pattern` again (what was deleted stays deleted); the run id.
    `UnknownSiteError` for a `site` the archive does not hold (read with `profile_hosts`)."""
    if site is not None:
        site = resolve_site(session, site, profile_hosts)[1]
    when = now or dt.datetime.now(dt.UTC)
    run_id = start_run(
        session,
        kind=UNDO,
        started_at=when,
        args={"urls": list(urls or []), "pattern": pattern},
        site=site,
    )
    finish_run(session, run_id, outcome="ok", finished_at=when, exit_code=0)
    return run_id


def forgotten(session: Session, site: str | None = None) -> Forgotten:
    """What the crawls of `site` skip: every forgetting not undone since, in the order recorded."""
    urls: set[str] = set()
    patterns: list[str] = []
    query = select(RunRow).where(RunRow.kind.in_((FORGET, UNDO))).order_by(RunRow.id)
    for run in session.scalars(query):
        args = run.args or {}
        if run.site is not None and site is not None and run.site != site:
            continue
        named = set(args.get("urls") or [])
        pattern = args.get("pattern")
        if run.kind == FORGET:
            urls |= named
            if pattern:
                patterns.append(pattern)
        else:
            urls -= named
            if pattern:
                urls = {u for u in urls if not fnmatch.fnmatchcase(u, pattern)}
                patterns = [p for p in patterns if p != pattern]
    return Forgotten(frozenset(urls), tuple(patterns))
