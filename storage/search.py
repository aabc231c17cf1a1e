"""Full-text search of the archive: ranked hits with a snippet (FTS5 on SQLite, tsvector on PG).

The index (migration 0002, `storage.search_ddl`) covers title, lead, body, Q&A and contacts of every
content version; `Filters` choose which version of each article counts (current, or as of a day).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    union_all,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from storage.errors import QueryError
from storage.query import SearchQuery, parse_query
from storage.schema import ArticleRow, VersionRow
from storage.search_ddl import PG_LANGUAGE_CONFIGS
from storage.search_index import rebuild
from storage.selection import Filters, selected_versions

#: bm25 weights of the FTS5 columns title, lead, body, qa, contacts (SQLite).
FTS5_WEIGHTS = (10.0, 4.0, 1.0, 2.0, 2.0)
#: At most this many matches are ranked (or `limit`, when more are asked for), the newest versions
#: first: a word found in most of the archive costs a bounded amount of ranking (bm25 / ts_rank
#: read each candidate's document) and of checking filters; with fewer matches than this, the
#: ranking is exact. 100 rather than 250: at 50,000 versions, CPU p95 over the bench's mix
#: 48 -> 34 ms on SQLite, 127 -> 97 ms on PostgreSQL (a loaded machine), filtered queries most.
RANK_CANDIDATES = 100
#: A phrase makes each match cost a check of its words' positions (SQLite merges their position
#: lists, PostgreSQL rechecks the document), and two common words are found together in most
#: versions but next to each other in few: the newest RANK_CANDIDATES could lie anywhere in the
#: archive. A query with a phrase looks for its candidates among the newest PHRASE_SPAN versions
#: only, and further back only until it has `limit` of them.
PHRASE_SPAN = 5_000
#: PostgreSQL checks a phrase's word positions by reading each document that holds all its words
#: (the GIN index knows words, not positions): a phrase of common words rare among the newest
#: versions read every such document of the archive (1-2 s at 200,000 versions, 2 cores). Past
#: the newest PHRASE_SPAN versions, a PostgreSQL search for a phrase goes back only as far as some
#: PG_PHRASE_RECHECKS documents holding all the words (by the planner's estimate of how many hold
#: them: some 50 ms of checks, 2 cores; the phrases of the bench's mix all find their page within
#: it), and says how far it went (`SearchResults.searched_since`):
#: older matches may exist. A phrase with a rare word holds few such documents and is looked for
#: in the whole archive, as on SQLite (whose index keeps the positions: no such bound there).
PG_PHRASE_RECHECKS = 20_000
#: Marks put around matched words in snippets.
MARK = ("**", "**")
SNIPPET_WORDS = 24

_SPACES = re.compile(r"\s+")


class SearchResults(list["SearchHit"]):
    """The hits of a search, best first; `searched_since`, when set, is the moment from which on
    the archive was searched (versions seen before it were not: a phrase of common words on
    PostgreSQL, see PG_PHRASE_RECHECKS), so that more matches may exist."""

    searched_since: dt.datetime | None = None


@dataclass
class SearchHit:
    """One article found: the version that matched, a snippet with the words marked, the score."""

    article_id: int
    url: str
    version: int
    status: str
    lang: str | None
    title: str | None
    published: dt.date | None
    sector: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


def search(
    session: Session, text: str, filters: Filters | None = None, *, limit: int = 20
) -> SearchResults:
    """The `limit` best matches of `text` among the versions `filters` select, best first (a
    list; its `searched_since` says when the search did not reach the oldest versions).

    Raises `QueryError` when the query has nothing to search for or the engine refuses it.
    """
    query = parse_query(text)
    filters = filters or Filters()
    since: dt.datetime | None = None
    try:
        # a savepoint: a query the engine refuses must not spoil the caller's transaction
        with session.begin_nested():
            if session.get_bind().dialect.name == "sqlite":
                rows: Sequence[Any] = _sqlite_search(session, query, filters, limit)
            else:
                rows, since = _pg_search(session, query, filters, limit)
    except DBAPIError as exc:
        raise QueryError(f"the archive could not run the search {text!r}: {exc.orig}") from exc
    results = SearchResults(_hits(rows))
    results.searched_since = since
    return results


def _hits(rows: Sequence[Any]) -> list[SearchHit]:
    return [
        SearchHit(
            article_id=row.article_id,
            url=row.url,
            version=row.version,
            status=row.status,
            lang=row.lang,
            title=row.title,
            published=row.published,
            sector=row.sector,
            snippet=_SPACES.sub(" ", row.snippet or "").strip(),
            score=float(f"{float(row.score):.6g}"),
        )
        for row in rows
    ]


_HIT_NAMES = ("article_id", "url", "version", "status", "lang", "title", "published", "sector")


def _hit_columns(selection: Any) -> tuple[Any, ...]:
    version = VersionRow.__table__
    article = ArticleRow.__table__
    return (
        selection.c.article_id,
        article.c.url,
        selection.c.version,
        selection.c.status,
        version.c.lang,
        version.c.title,
        version.c.published,
        version.c.sector,
    )


def _cap(limit: int) -> int:
    """How many candidates a search for `limit` hits ranks."""
    return max(RANK_CANDIDATES, limit)


def _has_phrase(query: SearchQuery) -> bool:
    """Whether a term the query requires is a phrase of several words."""
    return any(len(term.words) > 1 for group in query.groups for term in group.include)


#: Core, not ORM: executed on the session's connection, it skips the ORM's handling of results.
_NEWEST = select(func.max(VersionRow.__table__.c.id))


def _newest_version(session: Session) -> int | None:
    """The highest version id (the walks for candidates start there)."""
    return session.connection().scalar(_NEWEST)


def _sqlite_match(query: SearchQuery) -> Any:
    return literal_column("search_index").op("MATCH")(bindparam("match", query.fts5()))


#: The covering index of `versions` (migration 0004) that the SQLite candidate scan reads instead
#: of the version rows themselves (which hold the whole text).
SQLITE_VERSIONS_INDEX = "ix_versions_search"


def _sqlite_candidates(
    query: SearchQuery, filters: Filters, cap: int, *, low: int = 0, high: int | None = None
) -> Any:
    """The newest `cap` matching versions that `filters` keep, among the version ids from `low`
    to below `high` (FTS5 walks its doclists newest first and stops there): version_id,
    article_id, version, status."""
    selection = (
        selected_versions(filters)
        .with_hint(VersionRow.__table__, f"INDEXED BY {SQLITE_VERSIONS_INDEX}", "sqlite")
        .subquery("selection")
    )
    index = table("search_index", column("rowid"))
    return (
        select(
            index.c.rowid.label("version_id"),
            selection.c.article_id,
            selection.c.version,
            selection.c.status,
        )
        .select_from(index)
        .join(selection, selection.c.version_id == index.c.rowid)
        .where(
            _sqlite_match(query),
            index.c.rowid >= low,
            *([] if high is None else [index.c.rowid < high]),
        )
        .order_by(index.c.rowid.desc())
        .limit(cap)
    )


def _sqlite_among(query: SearchQuery, version_ids: list[int]) -> Any:
    """MATCH restricted to `version_ids`: one pass over the query's doclists between the lowest
    and the highest id (a per-id lookup would read the doclists once per id); the `+` keeps the
    id list a filter, not a lookup."""
    rowid: Any = literal_column("search_index.rowid")
    return and_(
        _sqlite_match(query),
        rowid.between(min(version_ids), max(version_ids)),
        literal_column("+search_index.rowid").in_(bindparam("ids", version_ids, expanding=True)),
    )


#: A query matching at least this many versions (the whole archive, before filters) is ranked
#: without bm25 on SQLite: FTS5's bm25 first counts every row that holds each phrase of the query
#: (its IDF), whatever rows it scores: 11 ms a common word, 134 ms a phrase of two common words
#: at 200,000 versions. Below it, that count is cheap and the ranking is bm25's, exactly.
SQLITE_COMMON_MATCHES = 2_000
#: FTS5 column names, in the order of FTS5_WEIGHTS.
_FTS_COLUMNS = ("title", "lead", "body", "qa", "contacts")


def _sqlite_is_common(session: Session, query: SearchQuery) -> bool:
    """Whether the query matches SQLITE_COMMON_MATCHES versions or more (a bounded count)."""
    matches = (
        select(literal_column("1"))
        .select_from(table("search_index"))
        .where(_sqlite_match(query))
        .limit(SQLITE_COMMON_MATCHES)
        .subquery()
    )
    found = session.scalar(select(func.count()).select_from(matches)) or 0
    return found >= SQLITE_COMMON_MATCHES


def _sqlite_field_scores(
    session: Session, query: SearchQuery, version_ids: list[int]
) -> dict[int, float]:
    """The ranking of a common query, without bm25: the weights (FTS5_WEIGHTS) of the fields in
    which the query matches, summed, for each of `version_ids` (a match in the title counts
    most); a column-filtered MATCH per field (one statement), over the ids' range only."""
    scores = dict.fromkeys(version_ids, 0.0)
    rowid: Any = literal_column("search_index.rowid")
    fields = [
        select(rowid.label("version_id"), literal(weight).label("weight"))
        .select_from(table("search_index"))
        .where(
            literal_column("search_index").op("MATCH")(
                bindparam(f"match_{name}", f"{{{name}}} : ({query.fts5()})")
            ),
            rowid.between(min(version_ids), max(version_ids)),
        )
        for name, weight in zip(_FTS_COLUMNS, FTS5_WEIGHTS, strict=True)
    ]
    for version_id, weight in session.execute(union_all(*fields)):
        if version_id in scores:
            scores[version_id] += weight
    return scores


def _sqlite_search(session: Session, query: SearchQuery, filters: Filters, limit: int) -> list[Any]:
    """Whether the query is common (a bounded count), the candidates (FTS5 walks its doclists
    newest first and stops there; a phrase's walk is bounded, see PHRASE_SPAN), their ranking
    (bm25, or the fields matched for a common query or a bounded phrase, newest first among
    equals), then snippets of the best `limit`."""
    span = (_newest_version(session) or 0) + 1 - PHRASE_SPAN if _has_phrase(query) else 0
    if span > 0:
        # the newest PHRASE_SPAN versions, then further back only for the `limit` first ones;
        # bm25 would first count the phrase in every version: unless the walk went through
        # them all, the fields matched rank the phrase
        statement = _sqlite_candidates(query, filters, _cap(limit), low=span)
        candidates = {row.version_id: row for row in session.execute(statement)}
        common = True
        if len(candidates) < limit:
            wanted = limit - len(candidates)
            statement = _sqlite_candidates(query, filters, wanted, high=span)
            older = session.execute(statement).all()
            candidates.update((row.version_id, row) for row in older)
            common = len(older) == wanted
    else:
        common = _sqlite_is_common(session, query)
        statement = _sqlite_candidates(query, filters, _cap(limit))
        candidates = {row.version_id: row for row in session.execute(statement)}
    if not candidates:
        return []
    if common:
        fields = _sqlite_field_scores(session, query, list(candidates))
        ranked = sorted(candidates, key=lambda v: (-fields[v], -v, candidates[v].article_id))[
            :limit
        ]
        scores = {v: fields[v] for v in ranked}
    else:
        index_ref: Any = literal_column("search_index")
        bm25 = func.bm25(index_ref, *FTS5_WEIGHTS)
        scored = session.execute(
            select(literal_column("search_index.rowid").label("version_id"), bm25.label("bm25"))
            .select_from(table("search_index"))
            .where(_sqlite_among(query, list(candidates)))
        ).all()
        best = sorted(scored, key=lambda r: (r.bm25, candidates[r.version_id].article_id))
        ranked = [r.version_id for r in best[:limit]]
        scores = {r.version_id: -r.bm25 for r in best[:limit]}
    if not ranked:
        return []
    version = VersionRow.__table__
    article = ArticleRow.__table__
    index_ref = literal_column("search_index")
    snippet = func.snippet(index_ref, -1, MARK[0], MARK[1], "…", SNIPPET_WORDS)
    details = {
        row.version_id: row
        for row in session.execute(
            select(
                literal_column("search_index.rowid").label("version_id"),
                article.c.url,
                version.c.lang,
                version.c.title,
                version.c.published,
                version.c.sector,
                snippet.label("snippet"),
            )
            .select_from(table("search_index"))
            .join(version, version.c.id == literal_column("search_index.rowid"))
            .join(article, article.c.id == version.c.article_id)
            .where(_sqlite_among(query, ranked))
        )
    }
    return [
        SimpleNamespace(
            **candidates[v]._asdict(),
            **{k: x for k, x in details[v]._asdict().items() if k != "version_id"},
            score=scores[v],
        )
        for v in ranked
    ]


@compiles(Select, "sqlite")
def _select_with_sqlite_hints(element: Select[Any], compiler: Any, **kw: Any) -> str:
    """Render table hints on SQLite (its compiler drops them): ours are `INDEXED BY` clauses,
    which SQLite reads, and only `search` sets them."""
    compiler.get_from_hint_text = lambda _table, hint: hint
    return str(compiler.visit_select(element, **kw))


_DOCS = table(
    "search_documents",
    column("version_id"),
    column("config"),
    column("content"),
    column("document"),
)


def _pg_codes(filters: Filters) -> list[str]:
    """The languages whose configurations read the query (all, or the `lang` filter's)."""
    if filters.lang:
        code = filters.lang.lower().split("-")[0]
        return [code if code in PG_LANGUAGE_CONFIGS else ""]
    return sorted(PG_LANGUAGE_CONFIGS)


def pg_tsquery(query: SearchQuery, filters: Filters) -> Any:
    """One constant tsquery: the query as each language's configuration reads it, OR-ed together.

    The GIN index answers it in one scan (a per-row configuration would force reading every
    document); the configurations are the archive's own (accents folded), named by the database.
    """
    tsquery_text: Any = bindparam("tsquery", query.tsquery())
    variants = [
        func.to_tsquery(func.hubarchive_search_config(literal(code)), tsquery_text)
        for code in _pg_codes(filters)
    ]
    any_reading: ColumnElement[Any] = variants[0]
    for variant in variants[1:]:
        any_reading = any_reading.op("||")(variant)
    return any_reading


#: The first window of version ids a PostgreSQL search reads its matches from (the newest ids):
#: a word in most documents fills the candidates from it (half the versions are current ones in
#: an archive with two versions an article), each match costing two index lookups to check.
PG_FIRST_WINDOW = 512
#: How much a window grows when the previous one found nothing; otherwise the next window is
#: sized from the density of candidates found so far (with a margin), at most this factor larger.
PG_WINDOW_GROWTH = 8
PG_WINDOW_MARGIN = 1.25
#: The first window is also sized from the planner's estimate of the query's matches (the
#: statistics of the document column: its most common lexemes and their frequencies), with this
#: margin: a word in few documents is read in one window instead of four growing ones (0: off).
PG_ESTIMATE_MARGIN = 2.0


def _next_window(size: int, found: int, seen: int, cap: int) -> int:
    """The size of the next window, after `seen` ids gave `found` candidates of `cap`."""
    if found == 0:
        return size * PG_WINDOW_GROWTH
    wanted = (cap - found) * seen / found * PG_WINDOW_MARGIN
    return max(1, min(size * PG_WINDOW_GROWTH, math.ceil(wanted)))


def _pg_estimated_matches(session: Session, query: SearchQuery, filters: Filters) -> float:
    """How many documents the planner expects to match the query's tsquery (`pg_tsquery`)
    (EXPLAIN: nothing is read). The SQL is written here, not compiled: an EXPLAIN is not cached
    by SQLAlchemy, and compiling the statement cost more CPU than the server's planning."""
    codes = _pg_codes(filters)
    readings = " || ".join(
        f"to_tsquery(hubarchive_search_config(%(code_{n})s), %(tsquery)s)"
        for n in range(len(codes))
    )
    params: dict[str, Any] = {f"code_{n}": code for n, code in enumerate(codes)}
    params["tsquery"] = query.tsquery()
    plan: Any = (
        session.connection()
        .exec_driver_sql(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents WHERE document @@ ({readings})",
            params,
        )
        .scalar()
    )
    return float(plan[0]["Plan"]["Plan Rows"])


def _first_window(expected: float | None, top: int, cap: int) -> int:
    """PG_FIRST_WINDOW, or larger when the planner expects few matches (`expected`, None when
    not asked)."""
    if not PG_ESTIMATE_MARGIN or expected is None:
        return PG_FIRST_WINDOW
    expected = max(1.0, expected)
    return max(PG_FIRST_WINDOW, math.ceil(cap * (top + 1) / expected * PG_ESTIMATE_MARGIN))


def _phrase_stop(expected: float | None, top: int, span: int) -> int:
    """The lowest version id a phrase search reads past its span: as far back as some
    PG_PHRASE_RECHECKS documents holding all its words (`expected` of them in the archive, by
    the planner's estimate), 0 (the whole archive) when fewer hold them or without an estimate."""
    if expected is None or expected <= 0:
        return 0
    return max(0, span - math.floor(PG_PHRASE_RECHECKS * (top + 1) / expected))


def _pg_candidates(
    session: Session, query: SearchQuery, filters: Filters, cap: int, limit: int
) -> tuple[dict[int, Any], int]:
    """The newest `cap` matching versions that `filters` keep, by version id: article_id,
    version, status; read window by window of version ids, newest first (with a phrase, among
    the newest PHRASE_SPAN versions, then further back only for the `limit` first ones, and
    only as far as `_phrase_stop`); and the lowest version id read when the walk stopped short
    of the oldest versions without a page of candidates (else 0)."""
    tsquery = pg_tsquery(query, filters)
    selection = selected_versions(filters).subquery("selection")
    top = _newest_version(session)
    found: dict[int, Any] = {}
    if top is None:
        return found, 0
    phrase = _has_phrase(query)
    expected = (
        _pg_estimated_matches(session, query, filters) if PG_ESTIMATE_MARGIN or phrase else None
    )
    span = top + 1 - PHRASE_SPAN if phrase else 0
    stop = _phrase_stop(expected, int(top), span) if span > 0 else 0
    high, size = int(top) + 1, _first_window(expected, int(top), cap)
    while high > stop:
        wanted = cap if high > span else limit
        if len(found) >= wanted:
            break
        low = max(stop, high - size)
        if high > span:
            low = max(low, span)  # the windows meet the span's end (SQLite walks to it)
        matches = (
            func.hubarchive_search_window(tsquery, low, high)
            .table_valued(column("version_id", Integer))
            .render_derived(name="matches")
        )
        rows = session.connection().execute(
            select(
                matches.c.version_id,
                selection.c.article_id,
                selection.c.version,
                selection.c.status,
            )
            .select_from(matches)
            .join(selection, selection.c.version_id == matches.c.version_id)
            .order_by(matches.c.version_id.desc())
            .limit(wanted - len(found))
        )
        found.update((row.version_id, row) for row in rows)
        # sized for what the next window looks for: past the phrase's span, a page, not `cap`
        # (sized for `cap`, it read half the archive's documents to find a few more matches)
        size = _next_window(size, len(found), int(top) + 1 - low, cap if low > span else limit)
        high = low
    short = high > 0 and len(found) < (cap if high > span else limit)
    return found, high if short else 0


#: Core: when the oldest version from the given id on was seen (ids follow the order of storing).
_SEEN_AT = (
    select(VersionRow.__table__.c.seen_at)
    .where(VersionRow.__table__.c.id >= bindparam("version_id"))
    .order_by(VersionRow.__table__.c.id)
    .limit(1)
)


def _pg_search(
    session: Session, query: SearchQuery, filters: Filters, limit: int
) -> tuple[list[Any], dt.datetime | None]:
    """The candidates (window by window), then one statement: their ts_rank, the best `limit`,
    and for those alone the details and a headline cut from an excerpt of the text; and when the
    walk stopped short of the oldest versions, the moment the oldest version it read was seen."""
    candidates, stop = _pg_candidates(session, query, filters, _cap(limit), limit)
    since = session.connection().scalar(_SEEN_AT, {"version_id": stop}) if stop else None
    if not candidates:
        return [], since
    tsquery_text: Any = bindparam("tsquery", query.tsquery())
    pairs = func.unnest(
        bindparam("ids", list(candidates), type_=postgresql.ARRAY(Integer)),
        bindparam(
            "article_ids",
            [row.article_id for row in candidates.values()],
            type_=postgresql.ARRAY(Integer),
        ),
    ).table_valued(column("version_id", Integer), column("article_id", Integer))
    pairs = pairs.render_derived(name="pairs")
    rank = func.ts_rank(_DOCS.c.document, func.to_tsquery(_DOCS.c.config, tsquery_text))
    best = (
        select(pairs.c.version_id, pairs.c.article_id, rank.label("score"))
        .select_from(pairs)
        .join(_DOCS, _DOCS.c.version_id == pairs.c.version_id)
        .order_by(rank.desc(), pairs.c.article_id)
        .limit(limit)
        .subquery("best")
    )
    version = VersionRow.__table__
    article = ArticleRow.__table__
    options = (
        f"StartSel={MARK[0]}, StopSel={MARK[1]}, MaxWords={SNIPPET_WORDS}, MinWords=8, "
        "MaxFragments=1"
    )
    tsquery = func.to_tsquery(_DOCS.c.config, tsquery_text)
    headline = func.ts_headline(
        _DOCS.c.config, func.hubarchive_search_excerpt(_DOCS.c.content, tsquery), tsquery, options
    )
    rows = (
        session.connection()
        .execute(
            select(
                best.c.version_id,
                best.c.score,
                article.c.url,
                version.c.lang,
                version.c.title,
                version.c.published,
                version.c.sector,
                headline.label("snippet"),
            )
            .select_from(best)
            .join(_DOCS, _DOCS.c.version_id == best.c.version_id)
            .join(version, version.c.id == best.c.version_id)
            .join(article, article.c.id == best.c.article_id)
            .order_by(best.c.score.desc(), best.c.article_id)
        )
        .all()
    )
    return [
        SimpleNamespace(
            **candidates[row.version_id]._asdict(),
            **{k: v for k, v in row._asdict().items() if k != "version_id"},
        )
        for row in rows
    ], since


def rebuild_index(session: Session) -> None:
    """Refill the search index from every stored version (after a bulk load, or to repair it)."""
    rebuild(session.connection())
