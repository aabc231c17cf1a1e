"""How many articles a search finds, and how they spread over site, sector, language, year and
status: the counts of the web view's search page ("20 of 134", exact up to `EXACT_LIMIT`).

The hits themselves (ranked, with snippets) come from `storage.search.search`; this module counts
the same matches without ranking them or cutting snippets, which is what made counting through
`search` slow. It matches as `storage.search` does (FTS5 MATCH on SQLite, the tsquery of every
text search configuration on PostgreSQL) over the same `selected_versions(filters)`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, column, literal_column, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.errors import QueryError
from storage.query import parse_query
from storage.schema import ArticleRow, Site, VersionRow
from storage.search import pg_tsquery
from storage.selection import Filters, selected_versions

#: Counts are exact up to this many articles (DECISIONS.md), then "more than 10,000".
EXACT_LIMIT = 10_000
FACETS = ("site", "sector", "lang", "year", "status")
#: The facet value of articles without one.
NONE = "(none)"


@dataclass
class SearchCounts:
    """`total` matching articles (capped at EXACT_LIMIT; `more` when there are more) and, per
    facet, (value, count) pairs, most frequent first."""

    total: int
    more: bool
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "more": self.more,
            "facets": {
                name: [{"value": v, "count": n} for v, n in pairs]
                for name, pairs in self.facets.items()
            },
        }


def _matching_versions(session: Session, text: str, filters: Filters) -> Select[Any]:
    query = parse_query(text)
    if session.get_bind().dialect.name == "sqlite":
        index_ref: Any = literal_column("search_index")
        return (
            select(column("rowid").label("version_id"))
            .select_from(table("search_index"))
            .where(index_ref.op("MATCH")(bindparam("match", query.fts5())))
        )
    docs = table("search_documents", column("version_id"), column("document"))
    return select(docs.c.version_id).where(docs.c.document.op("@@")(pg_tsquery(query, filters)))


def search_counts(
    session: Session, text: str, filters: Filters | None = None, *, site: str | None = None
) -> SearchCounts:
    """Count the articles `storage.search.search(session, text, filters)` would find (only those
    of site key `site`, when given), with their facets. Raises `QueryError` as `search` does."""
    filters = filters or Filters()
    selection = selected_versions(filters).subquery("selection")
    matches = _matching_versions(session, text, filters).subquery("matches")
    version = VersionRow.__table__
    stmt = (
        select(
            Site.key,
            version.c.sector,
            version.c.lang,
            version.c.published,
            selection.c.status,
        )
        .select_from(matches)
        .join(selection, selection.c.version_id == matches.c.version_id)
        .join(version, version.c.id == selection.c.version_id)
        .join(ArticleRow.__table__, ArticleRow.__table__.c.id == selection.c.article_id)
        .outerjoin(Site, Site.id == ArticleRow.__table__.c.site_id)
        .limit(EXACT_LIMIT + 1)
    )
    if site is not None:
        stmt = stmt.where(Site.key == site)
    try:
        with session.begin_nested():
            rows = session.execute(stmt).all()
    except DBAPIError as exc:
        raise QueryError(f"the archive could not run the search {text!r}: {exc.orig}") from exc
    more = len(rows) > EXACT_LIMIT
    rows = rows[:EXACT_LIMIT]
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for site_key, sector, lang, published, status in rows:
        counters["site"][site_key or NONE] += 1
        counters["sector"][sector or NONE] += 1
        counters["lang"][lang or NONE] += 1
        counters["year"][str(published.year) if published else NONE] += 1
        counters["status"][status] += 1
    return SearchCounts(
        total=len(rows),
        more=more,
        facets={name: counter.most_common() for name, counter in counters.items()},
    )
