"""What the archive should hold after crawling a fixture site, and the words for where it does not.

`archive_state(db_url)` reads every article's versions back (the revision each one shows, its
title, Q&A and contacts); `problems(site, state)` compares them with the site's own history of
revisions and returns one sentence per difference (an empty list: exactly right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from crawl.site import DISALLOWED_PREFIX, FixtureArticle, FixtureSite
from storage.db import open_engine, transaction
from storage.integrity import check_integrity
from storage.schema import ArticleRow, FetchRow, RunRow, VersionRow

_REVISION = re.compile(r"Mise à jour n° (\d+)\.")
QUESTION = "Pourquoi un bureau à l'étranger ?"


@dataclass(frozen=True)
class StoredVersion:
    """One archived version, reduced to what the fixture site lets us check."""

    seq: int
    kind: str
    revision: int | None
    title: str | None
    intact: bool


def _revision(body: str | None) -> int | None:
    if body is None:
        return None
    found = _REVISION.findall(body)
    return int(found[0]) if found else 0


def _intact(version: VersionRow) -> bool:
    """Right text, not mojibake, not cut: the Q&A and the contact survived whole."""
    qa = [(q.question, q.speaker) for q in version.qa]
    emails = [e for c in version.contacts for e in c.emails]
    return (qa == [(QUESTION, "Eric Gabrys")] and emails == ["info@hub.brussels"]
            and "Ã" not in (version.body or ""))


def archive_state(db_url: str) -> dict[str, list[StoredVersion]]:
    """url -> its versions in order."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            rows = session.scalars(
                select(ArticleRow).options(
                    selectinload(ArticleRow.versions).selectinload(VersionRow.qa),
                    selectinload(ArticleRow.versions).selectinload(VersionRow.contacts))
            ).all()
            return {
                row.url: [StoredVersion(v.seq, v.kind, _revision(v.body), v.title, _intact(v))
                          for v in sorted(row.versions, key=lambda v: v.seq)]
                for row in rows
            }
    finally:
        engine.dispose()


def expected_urls(site: FixtureSite) -> dict[str, FixtureArticle]:
    """url -> article, for the live articles robots.txt lets a crawler fetch."""
    return {f"{site.base_url}{a.path}": a for a in site.live()
            if not a.path.startswith(DISALLOWED_PREFIX)}


def problems(site: FixtureSite, state: dict[str, list[StoredVersion]],
             history: dict[int, list[int]] | None = None) -> list[str]:
    """Differences between the archive and the site. `history` maps an article index to the
    revisions the archive must show in order (default: only the article's current revision)."""
    found: list[str] = []
    expected = expected_urls(site)
    for url in sorted(set(state) - set(expected)):
        found.append(f"{url} is archived but is not a fetchable article of the site")
    for url, article in sorted(expected.items()):
        versions = state.get(url)
        if not versions:
            found.append(f"{url} is missing from the archive")
            continue
        want = (history or {}).get(article.index, [article.revision])
        got = [v.revision for v in versions]
        if got != want:
            found.append(f"{url}: versions show revisions {got}, expected {want}")
        broken = [v.seq for v in versions if not v.intact or v.title != article.title]
        if broken:
            found.append(f"{url}: versions {broken} have wrong or damaged content")
    return found


def integrity_problems(db_url: str) -> list[str]:
    """`check_integrity` (with PRAGMA integrity_check on SQLite) over the whole archive."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return check_integrity(session, deep=True)
    finally:
        engine.dispose()


def failed_fetches(db_url: str, run_id: int) -> set[str]:
    """URLs logged as failed in run `run_id`'s fetch log."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            return set(session.scalars(select(FetchRow.url).where(
                FetchRow.run_id == run_id, FetchRow.outcome == "failed")))
    finally:
        engine.dispose()


def runs(db_url: str) -> list[RunRow]:
    """Every run row, oldest first (detached copies: read their columns only)."""
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            rows = list(session.scalars(select(RunRow).order_by(RunRow.id)))
            session.expunge_all()
            return rows
    finally:
        engine.dispose()
