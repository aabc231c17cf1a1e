"""What runs found: new, changed, gone and revived articles, each with a short field-level diff.

The one place that answers "what changed": `hubarchive changes`, the Atom feeds, the notifications
after a run and the web view's changes page all read `list_changes`.

A version belongs to the run whose fetch captured it (`versions.fetch_id -> fetches.run_id`).
Versions made by `reparse` (cause "extractor": a new version of a page fetched before, the same
fetch as an earlier version) are left out unless `include_reparse`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from storage.diff import diff_records
from storage.errors import NotFoundError, QueryError
from storage.history import get_version
from storage.rows import version_to_article
from storage.schema import ArticleRow, FetchRow, RunRow, Site, VersionRow
from storage.selection import ProfileHosts, require_site, resolve_site

#: A field's short diff keeps at most this many changed lines…
SHORT_DIFF_LINES = 3
#: …and at most this many characters (a notification or feed entry stays readable).
SHORT_DIFF_CHARS = 300
#: Entries `list_changes` returns when the caller gives no limit (a feed or page, not an export).
DEFAULT_LIMIT = 200
#: Run kinds whose versions are reparse versions (cause "extractor").
REPARSE_KINDS = ("reparse",)
KINDS = ("new", "changed", "gone", "revived")


@dataclass(frozen=True)
class DiffLine:
    """One line of a short diff: `op` is "-" (removed) or "+" (added)."""

    op: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@dataclass
class FieldDiff:
    """A changed field with at most SHORT_DIFF_LINES lines / SHORT_DIFF_CHARS characters of diff."""

    field: str
    lines: list[DiffLine]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "lines": [line.to_dict() for line in self.lines],
            "truncated": self.truncated,
        }


@dataclass
class ArticleChange:
    """One thing a run found about one article.

    `kind` is new, changed, gone or revived; `version` the version (or tombstone) that records it,
    `from_version` the content version it is compared with (changed and revived only).
    """

    kind: str
    url: str
    article_id: int
    version: int
    from_version: int | None
    run_id: int | None
    seen_at: dt.datetime
    title: str | None
    site: str | None
    lang: str | None
    sector: str | None
    sector_key: str | None
    cause: str = "crawl"
    changed_fields: list[str] = field(default_factory=list)
    diff: list[FieldDiff] = field(default_factory=list)

    @property
    def entry_id(self) -> str:
        """Stable identity of this change: the article and the version that records it."""
        return f"{self.article_id}/{self.version}/{self.kind}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "url": self.url,
            "article_id": self.article_id,
            "version": self.version,
            "from_version": self.from_version,
            "run_id": self.run_id,
            "seen_at": self.seen_at.isoformat(),
            "title": self.title,
            "site": self.site,
            "lang": self.lang,
            "sector": self.sector,
            "sector_key": self.sector_key,
            "cause": self.cause,
            "changed_fields": list(self.changed_fields),
            "diff": [d.to_dict() for d in self.diff],
        }


#: The fields that choose a window of changes, by the option a person gives each with.
_WINDOWS = {"run_id": "--run", "since": "--since", "captured_since": "--captured-since"}


@dataclass(frozen=True)
class ChangeQuery:
    """Which changes to list; at most one of `run_id`, `since`, `captured_since` (none: last run).

    `since` is a UTC instant: changes found by runs that started then or later; `captured_since`
    counts when the page was captured instead (WARC imports bring old captures).
    """

    run_id: int | None = None
    since: dt.datetime | None = None
    captured_since: dt.datetime | None = None
    site: str | None = None
    sector: str | None = None
    lang: str | None = None
    #: only these articles (by canonical URL); empty: every article
    urls: tuple[str, ...] = ()
    include_reparse: bool = False
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        chosen = [option for name, option in _WINDOWS.items() if getattr(self, name) is not None]
        if len(chosen) > 1:
            raise QueryError(
                f"give one of --run, --since, --captured-since, not {' and '.join(chosen)}"
            )
        if self.limit < 1:
            raise QueryError("the limit must be at least 1")

    @property
    def windowed(self) -> bool:
        return self.run_id is not None or self.since is not None or self.captured_since is not None


#: The window of "every change the archive holds" (feeds show the newest, whatever the run).
EVER = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def last_run_id(session: Session, *, include_reparse: bool = False) -> int | None:
    """The newest finished run (crawl or import; reparse too with `include_reparse`)."""
    stmt = select(func.max(RunRow.id)).where(RunRow.outcome != "running")
    if not include_reparse:
        stmt = stmt.where(RunRow.kind.notin_(REPARSE_KINDS))
    return session.scalar(stmt)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def reparse_condition(version: Any) -> Any:
    """SQL true for a version made by re-extraction: an earlier version holds the same fetch."""
    if hasattr(VersionRow, "cause"):  # a schema that records the cause says it directly
        return VersionRow.cause == "extractor"
    earlier = aliased(VersionRow)
    return (
        select(earlier.id)
        .where(
            earlier.article_id == version.article_id,
            earlier.fetch_id == version.fetch_id,
            earlier.seq < version.seq,
        )
        .exists()
    )


def _run_of(version: Any, article: Any) -> Any:
    """SQL for the run that found a version: its fetch's run; for a tombstone written without a
    fetch (the crawl logs the 404 beside it), the run of the first "gone" fetch of the URL since."""
    gone_fetch = aliased(FetchRow)
    tombstone_run = (
        select(gone_fetch.run_id)
        .where(
            gone_fetch.url == article.url,
            gone_fetch.outcome == "gone",
            gone_fetch.fetched_at >= version.seen_at,
        )
        .order_by(gone_fetch.fetched_at)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(FetchRow.run_id, tombstone_run)


def _versions_statement(session: Session, query: ChangeQuery) -> Select[Any]:
    """Versions and tombstones in the query's window, with their run and previous entry's kind."""
    current = aliased(VersionRow)
    previous = aliased(VersionRow)
    run_id = _run_of(VersionRow, ArticleRow)
    stmt = (
        select(
            VersionRow,
            ArticleRow,
            run_id,
            Site.key,
            current.title,
            current.sector,
            current.sector_key,
            previous.kind,
            reparse_condition(VersionRow).label("reparse"),
        )
        .join(ArticleRow, ArticleRow.id == VersionRow.article_id)
        .outerjoin(FetchRow, FetchRow.id == VersionRow.fetch_id)
        .outerjoin(Site, Site.id == ArticleRow.site_id)
        .outerjoin(
            current,
            and_(current.article_id == ArticleRow.id, current.seq == ArticleRow.current_version),
        )
        .outerjoin(
            previous,
            and_(previous.article_id == VersionRow.article_id, previous.seq == VersionRow.seq - 1),
        )
    )
    stmt = _filtered(session, stmt, query, current)
    if query.run_id is not None:
        stmt = stmt.where(run_id == query.run_id)
    elif query.since is not None:
        runs = select(RunRow.id).where(RunRow.started_at >= query.since)
        stmt = stmt.where(run_id.in_(runs))
    elif query.captured_since is not None:
        stmt = stmt.where(VersionRow.seen_at >= query.captured_since)
    if not query.include_reparse:
        stmt = stmt.where(~reparse_condition(VersionRow))
    return stmt.order_by(
        func.coalesce(run_id, 0).desc(), VersionRow.seen_at.desc(), ArticleRow.url
    ).limit(query.limit)


def _filtered(session: Session, stmt: Any, query: ChangeQuery, current: Any) -> Any:
    if query.site is not None:
        stmt = stmt.where(ArticleRow.site_id == require_site(session, query.site))
    if query.lang is not None:
        stmt = stmt.where(ArticleRow.lang == query.lang)
    if query.sector is not None:
        wanted = query.sector.casefold()
        stmt = stmt.where(
            or_(current.sector_key == query.sector, func.lower(current.sector) == wanted)
        )
    if query.urls:
        stmt = stmt.where(ArticleRow.url.in_(query.urls))
    return stmt


def _revivals_statement(
    session: Session, query: ChangeQuery, window: tuple[dt.datetime, dt.datetime | None] | None
) -> Select[Any] | None:
    """Tombstones the article came back from unchanged (no new version) within the window."""
    if window is None:
        return None
    start, end = window
    current = aliased(VersionRow)
    stmt = (
        select(VersionRow, ArticleRow, Site.key, current.title, current.sector, current.sector_key)
        .join(ArticleRow, ArticleRow.id == VersionRow.article_id)
        .outerjoin(Site, Site.id == ArticleRow.site_id)
        .outerjoin(
            current,
            and_(current.article_id == ArticleRow.id, current.seq == ArticleRow.current_version),
        )
        .where(VersionRow.kind == "gone", VersionRow.revived_at >= start)
    )
    if end is not None:
        stmt = stmt.where(VersionRow.revived_at <= end)
    return _filtered(session, stmt, query, current).limit(query.limit)


def _window(session: Session, query: ChangeQuery, run_id: int | None) -> Any:
    """The time span in which revivals (which have no version row) count."""
    if run_id is not None:
        run = session.get(RunRow, run_id)
        if run is None:
            raise NotFoundError(f"run {run_id} is not in the archive (see `hubarchive runs`)")
        return run.started_at, run.finished_at
    if query.since is not None:
        return query.since, None
    if query.captured_since is not None:
        return query.captured_since, None
    return None


def list_changes(
    session: Session, query: ChangeQuery | None = None, profile_hosts: ProfileHosts | None = None
) -> list[ArticleChange]:
    """The changes `query` selects, newest first by the run that found them (then by capture time).

    With no window (`run_id`, `since`, `captured_since`), the changes of the last finished run.
    Raises `NotFoundError` for an unknown run or site, `QueryError` for contradictory options.
    `query.site` is read as `storage.selection.resolve_site` reads it, with `profile_hosts`.
    """
    query = query or ChangeQuery()
    if query.site is not None:
        # a typo even when the archive holds no run yet; the site by its key from here on
        site = resolve_site(session, query.site, profile_hosts)[1]
        query = ChangeQuery(**{**query.__dict__, "site": site})
    if not query.windowed and not query.urls:
        last = last_run_id(session, include_reparse=query.include_reparse)
        if last is None:
            return []
        query = ChangeQuery(**{**query.__dict__, "run_id": last})
    window = _window(session, query, query.run_id)
    changes: list[ArticleChange] = []
    for (
        version,
        article,
        run_id,
        site,
        title,
        sector,
        sector_key,
        before,
        reparse,
    ) in session.execute(_versions_statement(session, query)):
        changes.append(
            _change(
                session,
                version,
                article,
                run_id=run_id,
                site=site,
                current=(title, sector, sector_key),
                previous_kind=before,
                reparse=bool(reparse),
            )
        )
    revivals = _revivals_statement(session, query, window)
    if revivals is not None:
        for tombstone, article, site, title, sector, sector_key in session.execute(revivals):
            changes.append(
                ArticleChange(
                    kind="revived",
                    url=article.url,
                    article_id=article.id,
                    version=tombstone.seq,
                    from_version=None,
                    run_id=query.run_id,
                    seen_at=tombstone.revived_at,
                    title=title,
                    site=site,
                    lang=article.lang,
                    sector=sector,
                    sector_key=sector_key,
                )
            )
    changes.sort(key=lambda c: (c.run_id or 0, _as_utc(c.seen_at)), reverse=True)
    return changes[: query.limit]


def _change(
    session: Session,
    version: VersionRow,
    article: ArticleRow,
    *,
    run_id: int | None,
    site: str | None,
    current: tuple[str | None, str | None, str | None],
    previous_kind: str | None,
    reparse: bool,
) -> ArticleChange:
    title, sector, sector_key = current
    if version.kind == "gone":
        kind = "gone"
    elif version.seq == 1:
        kind = "new"
    elif previous_kind == "gone":
        kind = "revived"
    else:
        kind = "changed"
    change = ArticleChange(
        kind=kind,
        url=article.url,
        article_id=article.id,
        version=version.seq,
        from_version=None,
        run_id=run_id,
        seen_at=version.seen_at,
        title=version.title if version.kind == "content" else title,
        site=site,
        lang=version.lang if version.kind == "content" else article.lang,
        sector=version.sector if version.kind == "content" else sector,
        sector_key=version.sector_key if version.kind == "content" else sector_key,
        cause="extractor" if reparse else "crawl",
    )
    if kind in ("changed", "revived"):
        _add_diff(session, change, article, version)
    return change


def _add_diff(
    session: Session, change: ArticleChange, article: ArticleRow, version: VersionRow
) -> None:
    previous = session.scalar(
        select(func.max(VersionRow.seq)).where(
            VersionRow.article_id == article.id,
            VersionRow.kind == "content",
            VersionRow.seq < version.seq,
        )
    )
    if previous is None:
        return
    old = version_to_article(get_version(session, article, previous), article.url).content_dict()
    new = version_to_article(get_version(session, article, version.seq), article.url).content_dict()
    change.from_version = previous
    for field_change in diff_records(old, new):
        change.changed_fields.append(field_change.field)
        change.diff.append(short_diff(field_change.field, field_change.old, field_change.new))


def _lines(value: Any) -> list[str]:
    """A field's value as the lines a reader compares (records as one line each)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [_item_line(item) for item in value]
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in sorted(value.items())]
    return [line for line in str(value).splitlines() if line.strip()]


def _item_line(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "question" in item:
        speaker = f" ({item['speaker']})" if item.get("speaker") else ""
        return f"Q: {item.get('question')} A{speaker}: {item.get('answer')}"
    parts = [str(v if not isinstance(v, list) else ", ".join(map(str, v))) for v in item.values()]
    return " · ".join(p for p in parts if p and p != "None")


def short_diff(name: str, old: Any, new: Any) -> FieldDiff:
    """The lines removed and added between two values of field `name`, cut to the short-diff size.

    At most SHORT_DIFF_LINES lines and SHORT_DIFF_CHARS characters; `truncated` says when cut.
    """
    before, after = _lines(old), _lines(new)
    in_before, in_after = set(before), set(after)
    lines = [DiffLine("-", line) for line in before if line not in in_after]
    lines += [DiffLine("+", line) for line in after if line not in in_before]
    truncated = len(lines) > SHORT_DIFF_LINES
    lines = lines[:SHORT_DIFF_LINES]
    budget = SHORT_DIFF_CHARS
    cut: list[DiffLine] = []
    for line in lines:
        if budget <= 0:
            truncated = True
            break
        if len(line.text) > budget:
            cut.append(DiffLine(line.op, line.text[: max(budget - 1, 0)] + "…"))
            truncated = True
            budget = 0
        else:
            cut.append(line)
            budget -= len(line.text)
    return FieldDiff(name, cut, truncated)
