"""Check that the archive is whole: every version complete, every reference resolved, every page intact."""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

from sqlalchemy import Executable, and_, func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, aliased

from storage.schema import ArticleRow, ContactRow, FetchRow, QARow, RawPage, VersionRow
from storage.selection import status_expression

#: At most this many problems of one kind are spelled out; the rest are counted.
MAX_PER_CHECK = 20


def _report(session: Session, what: str, query: Executable) -> list[str]:
    rows = session.execute(query).all()
    problems = [what.format(*row) for row in rows[:MAX_PER_CHECK]]
    if len(rows) > MAX_PER_CHECK:
        problems.append(f"… and {len(rows) - MAX_PER_CHECK} more like the above")
    return problems


def _child_counts(
    session: Session, child: type[QARow | ContactRow], recorded: Any, label: str
) -> list[str]:
    counted = (
        select(child.version_id, func.count().label("n")).group_by(child.version_id).subquery()
    )
    actual = func.coalesce(counted.c.n, 0)
    return _report(
        session,
        "version {0} (article {1}, v{2}) records {3} " + label + " but has {4}",
        select(VersionRow.id, VersionRow.article_id, VersionRow.seq, recorded, actual)
        .outerjoin(counted, counted.c.version_id == VersionRow.id)
        .where(recorded != actual)
        .order_by(VersionRow.id),
    )


def _dangling(session: Session, table: Any, column: Any, target: Any, what: str) -> list[str]:
    return _report(
        session,
        what,
        select(table.id, column)
        .outerjoin(target, target.id == column)
        .where(column.is_not(None), target.id.is_(None))
        .order_by(table.id),
    )


def _sqlite_checks(session: Session) -> list[str]:
    problems = [
        f"SQLite integrity_check: {row[0]}"
        for row in session.execute(text("PRAGMA integrity_check"))
        if row[0] != "ok"
    ]
    problems += [
        f"SQLite foreign_key_check: {row[0]} row {row[1]} refers to a missing {row[2]} row"
        for row in session.execute(text("PRAGMA foreign_key_check"))
    ]
    return problems


def _raw_page_bodies(session: Session) -> list[str]:
    problems: list[str] = []
    for page in session.scalars(
        select(RawPage).order_by(RawPage.id).execution_options(yield_per=200)
    ):
        try:
            body = zlib.decompress(page.body_z)
        except zlib.error as exc:
            problems.append(f"raw page {page.id} does not decompress: {exc}")
            continue
        if hashlib.sha256(body).hexdigest() != page.sha256 or len(body) != page.size:
            problems.append(f"raw page {page.id} does not match its sha256 or size")
    return problems


#: what to do about a database file the engine itself cannot read
DAMAGED_ADVICE = (
    "restore the archive from a backup, or salvage it with `sqlite3 FILE .recover | sqlite3 NEW`"
)


def _search_index(session: Session) -> list[str]:
    """Every content version has exactly one search document, and every document its version."""
    documents = (
        "SELECT rowid AS version_id FROM search_index"
        if session.get_bind().dialect.name == "sqlite"
        else "SELECT version_id FROM search_documents"
    )
    problems = _report(
        session,
        "version {0} (article {1}, v{2}) is missing from the search index",
        text(
            f"SELECT v.id, v.article_id, v.seq FROM versions AS v WHERE v.kind = 'content' "
            f"AND v.id NOT IN ({documents}) ORDER BY v.id"
        ),
    )
    return problems + _report(
        session,
        "the search index holds version {0}, which is not a stored content version",
        text(
            f"SELECT d.version_id FROM ({documents}) AS d WHERE d.version_id NOT IN "
            "(SELECT id FROM versions WHERE kind = 'content') ORDER BY d.version_id"
        ),
    )


def check_integrity(session: Session, *, deep: bool = False) -> list[str]:
    """Problems found in the archive, one sentence each; an empty list means it is consistent.

    `deep` also decompresses every raw page and checks its sha256 (slow on a large archive).
    A database file the engine cannot read (SQLite "database disk image is malformed") is one
    problem that names the corruption, not an exception.
    """
    try:
        return _check_integrity(session, deep=deep)
    except DatabaseError as exc:
        session.rollback()
        reason = str(exc.orig).strip() if exc.orig is not None else str(exc)
        return [f"the database file is damaged ({reason}): {DAMAGED_ADVICE}"]


def _check_integrity(session: Session, *, deep: bool) -> list[str]:
    problems: list[str] = []
    if session.get_bind().dialect.name == "sqlite":
        problems += _sqlite_checks(session)
    problems += _child_counts(session, QARow, VersionRow.qa_count, "Q&A pairs")
    problems += _child_counts(session, ContactRow, VersionRow.contacts_count, "contacts")
    problems += _dangling(
        session, QARow, QARow.version_id, VersionRow, "Q&A row {0} belongs to missing version {1}"
    )
    problems += _dangling(
        session,
        ContactRow,
        ContactRow.version_id,
        VersionRow,
        "contact row {0} belongs to missing version {1}",
    )
    problems += _dangling(
        session,
        VersionRow,
        VersionRow.raw_page_id,
        RawPage,
        "version {0} refers to missing raw page {1}",
    )
    problems += _dangling(
        session, FetchRow, FetchRow.raw_page_id, RawPage, "fetch {0} refers to missing raw page {1}"
    )
    problems += _dangling(
        session,
        VersionRow,
        VersionRow.fetch_id,
        FetchRow,
        "version {0} refers to missing fetch {1}",
    )
    seqs = (
        select(
            VersionRow.article_id, func.count().label("n"), func.max(VersionRow.seq).label("top")
        )
        .group_by(VersionRow.article_id)
        .subquery()
    )
    problems += _report(
        session,
        "article {0} ({1}) has no version",
        select(ArticleRow.id, ArticleRow.url)
        .outerjoin(seqs, seqs.c.article_id == ArticleRow.id)
        .where(seqs.c.n.is_(None))
        .order_by(ArticleRow.id),
    )
    problems += _report(
        session,
        "article {0} ({1}) has {2} versions numbered up to {3}",
        select(ArticleRow.id, ArticleRow.url, seqs.c.n, seqs.c.top)
        .join(seqs, seqs.c.article_id == ArticleRow.id)
        .where(seqs.c.n != seqs.c.top)
        .order_by(ArticleRow.id),
    )
    current = aliased(VersionRow)
    problems += _report(
        session,
        "article {0} ({1}): current version {2} is not a content version with its hash",
        select(ArticleRow.id, ArticleRow.url, ArticleRow.current_version)
        .outerjoin(
            current,
            and_(current.article_id == ArticleRow.id, current.seq == ArticleRow.current_version),
        )
        .where(
            (current.id.is_(None))
            | (current.kind != "content")
            | (current.content_hash != ArticleRow.content_hash)
        )
        .order_by(ArticleRow.id),
    )
    told = status_expression(ArticleRow.id)
    problems += _report(
        session,
        "article {0} ({1}) is {2} but its newest entry says {3}",
        select(ArticleRow.id, ArticleRow.url, ArticleRow.status, told)
        .where(ArticleRow.status != told)
        .order_by(ArticleRow.id),
    )
    problems += _search_index(session)
    if deep:
        problems += _raw_page_bodies(session)
    return problems
