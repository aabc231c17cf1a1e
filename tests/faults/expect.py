"""What the archive should hold after crawling a fixture site, and the words for where it does not.

`archive_state(db_url, site)` reads every article's versions back and matches each one to the
site revision whose clean page extracts to the same title, lead, body, Q&A and contacts;
`problems(site, state)` compares that with the revisions the site went through and returns one
sentence per difference (an empty list: exactly right).
"""

from __future__ import annotations

from dataclasses import dataclass

from crawl.site import DISALLOWED_PREFIX, FixtureArticle, FixtureSite
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scraper.extract import extract_article
from storage.db import open_engine, transaction
from storage.integrity import check_integrity
from storage.schema import ArticleRow, FetchRow, RunRow, VersionRow


@dataclass(frozen=True)
class StoredVersion:
    """One archived version: its number, kind, and the site revision its content equals (None:
    equal to none of them, so wrong or damaged)."""

    seq: int
    kind: str
    revision: int | None


Content = tuple[object, ...]


def _content(
    title: str | None,
    lead: str | None,
    body: str | None,
    qa: list[tuple[str, ...]],
    contacts: list[tuple[object, ...]],
) -> Content:
    return (title, lead, body, tuple(qa), tuple(contacts))


def _stored_content(version: VersionRow) -> Content:
    return _content(
        version.title,
        version.lead,
        version.body,
        [(q.question, q.answer, q.speaker or "") for q in version.qa],
        [(c.name, tuple(c.emails), tuple(c.phones)) for c in version.contacts],
    )


def revision_contents(site: FixtureSite, article: FixtureArticle) -> list[Content]:
    """What a clean fetch of each revision 0..current of `article` extracts to (call it while
    the site is idle: it renders past revisions by moving the article's revision)."""
    current = article.revision
    contents: list[Content] = []
    try:
        for revision in range(current + 1):
            article.revision = revision
            record = extract_article(
                site._article_page(article).encode("utf-8"),
                f"{site.base_url}{article.path}",
                encoding="utf-8",
            )
            contents.append(
                _content(
                    record.title,
                    record.lead,
                    record.body,
                    [(q.question, q.answer, q.speaker or "") for q in record.qa],
                    [(c.name, tuple(c.emails), tuple(c.phones)) for c in record.contacts],
                )
            )
    finally:
        article.revision = current
    return contents


def archive_state(db_url: str, site: FixtureSite) -> dict[str, list[StoredVersion]]:
    """url -> its versions in order, each matched to the site revision it shows."""
    expected = expected_urls(site)
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            rows = session.scalars(
                select(ArticleRow).options(
                    selectinload(ArticleRow.versions).selectinload(VersionRow.qa),
                    selectinload(ArticleRow.versions).selectinload(VersionRow.contacts),
                )
            ).all()
            state: dict[str, list[StoredVersion]] = {}
            for row in rows:
                article = expected.get(row.url)
                contents = revision_contents(site, article) if article else []
                state[row.url] = [
                    StoredVersion(v.seq, v.kind, _match(_stored_content(v), contents))
                    for v in sorted(row.versions, key=lambda v: v.seq)
                ]
            return state
    finally:
        engine.dispose()


def _match(content: Content, contents: list[Content]) -> int | None:
    return contents.index(content) if content in contents else None


def expected_urls(site: FixtureSite) -> dict[str, FixtureArticle]:
    """url -> article, for the live articles robots.txt lets a crawler fetch."""
    return {
        f"{site.base_url}{a.path}": a
        for a in site.live()
        if not a.path.startswith(DISALLOWED_PREFIX)
    }


def problems(
    site: FixtureSite,
    state: dict[str, list[StoredVersion]],
    history: dict[int, list[int]] | None = None,
) -> list[str]:
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
            found.append(
                f"{url}: versions show revisions {got} (None: wrong or damaged), expected {want}"
            )
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
            return set(
                session.scalars(
                    select(FetchRow.url).where(
                        FetchRow.run_id == run_id, FetchRow.outcome == "failed"
                    )
                )
            )
    finally:
        engine.dispose()


def unexplained_missing(db_url: str, site: FixtureSite, run_id: int) -> set[str]:
    """Fetchable articles missing from the archive that run `run_id`'s fetch log does not explain:
    neither logged as failed themselves nor behind a discovery page (listing, API, sitemap) that
    failed in that run."""
    urls = set(expected_urls(site))
    logged = failed_fetches(db_url, run_id)
    missing = urls - set(archive_state(db_url, site)) - logged
    return set() if logged - urls else missing


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
