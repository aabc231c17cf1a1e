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

from sqlalchemy import (
    Select,
    String,
    bindparam,
    case,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.errors import QueryError
from storage.query import parse_query
from storage.schema import ArticleRow, Site, VersionRow
from storage.search import SQLITE_VERSIONS_INDEX, pg_tsquery
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
    version = VersionRow.__table__
    # SQLite reads the covering index of what a search checks, not the version rows (which hold
    # the whole text: a page read each)
    selection = (
        selected_versions(filters)
        .with_hint(version, f"INDEXED BY {SQLITE_VERSIONS_INDEX}", "sqlite")
        .subquery("selection")
    )
    matches = _matching_versions(session, text, filters).subquery("matches")
    article = ArticleRow.__table__
    # at most EXACT_LIMIT + 1 matching articles, numbered, then counted per combination of
    # facet values in SQL (a few hundred rows reach Python, not 10,000)
    found = (
        select(
            article.c.site_id,
            version.c.sector,
            version.c.lang,
            func.substr(cast(version.c.published, String), 1, 4).label("year"),
            selection.c.status,
        )
        .select_from(matches)
        .join(selection, selection.c.version_id == matches.c.version_id)
        .join(version, version.c.id == selection.c.version_id)
        .join(article, article.c.id == selection.c.article_id)
        .limit(EXACT_LIMIT + 1)
        .with_hint(version, f"INDEXED BY {SQLITE_VERSIONS_INDEX}", "sqlite")
    )
    if site is not None:
        found = found.join(Site, Site.id == article.c.site_id).where(Site.key == site)
    limited = found.subquery("found")
    numbered = select(*limited.c, func.row_number().over().label("n")).subquery("numbered")
    keys = (limited.c.site_id, limited.c.sector, limited.c.lang, limited.c.year, limited.c.status)
    grouped = select(
        *(numbered.c[k.name] for k in keys),
        func.sum(case((numbered.c.n <= EXACT_LIMIT, 1), else_=0)).label("matched"),
        func.max(numbered.c.n).label("last"),
    ).group_by(*(numbered.c[k.name] for k in keys))
    try:
        with session.begin_nested():
            rows = session.execute(grouped).all()
            site_keys = {row.id: row.key for row in session.execute(select(Site.id, Site.key))}
    except DBAPIError as exc:
        raise QueryError(f"the archive could not run the search {text!r}: {exc.orig}") from exc
    last = max((row.last for row in rows), default=0)
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for row in rows:
        if not row.matched:
            continue
        counters["site"][site_keys.get(row.site_id) or NONE] += row.matched
        counters["sector"][row.sector or NONE] += row.matched
        counters["lang"][row.lang or NONE] += row.matched
        counters["year"][row.year or NONE] += row.matched
        counters["status"][row.status] += row.matched
    return SearchCounts(
        total=min(last, EXACT_LIMIT),
        more=last > EXACT_LIMIT,
        facets={name: counter.most_common() for name, counter in counters.items()},
    )
