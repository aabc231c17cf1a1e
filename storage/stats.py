"""Counts of the archive for people and charts: articles and changes per month, sector, language.

Reparse versions (cause "extractor") are not changes here either (`storage.changes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from storage.changes import reparse_condition
from storage.schema import ArticleRow, VersionRow

BY = ("month", "sector", "lang")
#: The label of articles with no sector or language.
UNKNOWN = "(none)"


@dataclass
class Stats:
    """Rows of one breakdown: `key` (YYYY-MM, sector key or language) and its counts.

    Per month: `new` articles first archived, `changed` content versions after the first, `gone`
    tombstones, by when they were seen. Per sector and language: `articles` (current versions),
    `live` and `gone` of them, and `changed`: their content versions after the first.
    """

    by: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "rows": list(self.rows)}


def _month(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def archive_stats(session: Session, by: str = "month") -> Stats:
    """The counts of the archive broken down `by` month, sector or lang (see `Stats`).

    Raises `ValueError` for another breakdown.
    """
    if by not in BY:
        raise ValueError(f"unknown breakdown {by!r}: use one of {', '.join(BY)}")
    if by == "month":
        return _by_month(session)
    return _by_attribute(session, by)


def _by_month(session: Session) -> Stats:
    month = _month(session, VersionRow.seen_at).label("month")
    label = case(
        (VersionRow.kind == "gone", "gone"), (VersionRow.seq == 1, "new"), else_="changed"
    ).label("label")
    rows = session.execute(
        select(month, label, func.count())
        # a first version or a tombstone is never a reparse: the check only runs for the others
        .where(or_(VersionRow.seq == 1, VersionRow.kind == "gone", ~reparse_condition(VersionRow)))
        .group_by(month, label)
        .order_by(month)
    )
    table: dict[str, dict[str, Any]] = {}
    for key, name, count in rows:
        row = table.setdefault(key, {"key": key, "new": 0, "changed": 0, "gone": 0})
        row[name] += count
    return Stats("month", list(table.values()))


def _by_attribute(session: Session, by: str) -> Stats:
    current = aliased(VersionRow)
    key = (
        func.coalesce(current.sector_key, current.sector, UNKNOWN)
        if by == "sector"
        else func.coalesce(ArticleRow.lang, UNKNOWN)
    ).label("key")
    articles = session.execute(
        select(key, ArticleRow.status, func.count())
        .select_from(ArticleRow)
        .outerjoin(
            current,
            and_(current.article_id == ArticleRow.id, current.seq == ArticleRow.current_version),
        )
        .group_by(key, ArticleRow.status)
    )
    table: dict[str, dict[str, Any]] = {}
    for name, status, count in articles:
        row = table.setdefault(
            name, {"key": name, "articles": 0, "live": 0, "gone": 0, "changed": 0}
        )
        row["articles"] += count
        row[status if status in ("live", "gone") else "live"] += count
    changed = session.execute(
        select(key, func.count())
        .select_from(VersionRow)
        .join(ArticleRow, ArticleRow.id == VersionRow.article_id)
        .outerjoin(
            current,
            and_(current.article_id == ArticleRow.id, current.seq == ArticleRow.current_version),
        )
        .where(VersionRow.kind == "content", VersionRow.seq > 1, ~reparse_condition(VersionRow))
        .group_by(key)
    )
    for name, count in changed:
        if name in table:
            table[name]["changed"] = count
    rows = sorted(table.values(), key=lambda r: (-r["articles"], r["key"]))
    return Stats(by, rows)
