"""Which version of which article a search or export reads: current, as of a day, or all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from storage.errors import QueryError, UnknownSiteError
from storage.schema import ArticleRow, QARow, Site, VersionRow

STATUSES = ("live", "gone")

#: What reads the hosts a site's stored profile text names (its `[site] hosts`). Storage keeps
#: profiles as text and parses none: the caller, which knows the profile format, passes this in
#: (schedules passes `scraper.sites.profile_hosts`). Without it a site is found by its key and
#: its start URL only.
ProfileHosts = Callable[[str], Iterable[str]]

#: Aliases of `versions` for the correlated subqueries below, made once: an alias of the whole
#: mapped table costs some 5 ms of CPU to build, and a search built two per query with `as_of`.
_ENTRY = aliased(VersionRow, name="entry")
_EARLIER = aliased(VersionRow, name="earlier")


@dataclass(frozen=True)
class Filters:
    """What a reader narrows the archive to; every field is optional (None / False: no filter).

    `as_of` is a day: the archive as it stood at the end of it (UTC), articles first seen later are
    left out and articles whose newest entry by then was a tombstone count as gone, unless they
    had come back unchanged by then (the tombstone's `revived_at`).
    """

    #: a site's key (a profile key, or the origin of a generic crawl), as `sites list` shows it
    site: str | None = None
    lang: str | None = None
    sector: str | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    speaker: str | None = None
    has_qa: bool = False
    status: str | None = None
    as_of: dt.date | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUSES:
            raise QueryError(f"unknown status {self.status!r}: use live or gone")
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise QueryError(
                f"the publication range is empty: from {self.published_from} is after "
                f"to {self.published_to}"
            )

    def to_dict(self) -> dict[str, Any]:
        """The filters that are set, JSON-ready (dates as YYYY-MM-DD)."""
        return {
            k: v.isoformat() if isinstance(v, dt.date) else v
            for k, v in asdict(self).items()
            if v not in (None, False)
        }


def require_site(session: Session, given: str, profile_hosts: ProfileHosts | None = None) -> int:
    """The id of the site `given` names (see `resolve_site`)."""
    return resolve_site(session, given, profile_hosts)[0]


def resolve_site(
    session: Session, given: str, profile_hosts: ProfileHosts | None = None
) -> tuple[int, str]:
    """The id and key of the site `given` names: its key as `sites list` shows it, or, as a
    person pastes it, the key with a trailing slash or a URL on the site (`https://hub.brussels/fr/`,
    `127.0.0.1:8000`: the one site whose key, start URL or profile hosts hold that origin; the
    hosts as `profile_hosts` reads them from the stored profile).

    `UnknownSiteError` naming the archive's sites when none matches (a filter's typo: 404 on the
    web, exit 2 on the command line), or when the URL is on several sites (give the key)."""
    rows = session.execute(select(Site.id, Site.key, Site.base_url, Site.profile)).all()
    by_key = {row.key: row.id for row in rows}
    for key in (given, given.strip().rstrip("/")):
        if key in by_key:
            return by_key[key], key
    origin = _origin(given)
    matches = (
        sorted(
            row.key
            for row in rows
            if origin in _site_origins(row.key, row.base_url, row.profile, profile_hosts)
        )
        if origin
        else []
    )
    if len(matches) == 1:
        return by_key[matches[0]], matches[0]
    known = ", ".join(sorted(by_key)) or "none yet"
    if matches:
        raise UnknownSiteError(
            f"{given!r} is on several sites ({', '.join(matches)}): give one of their keys"
        )
    raise UnknownSiteError(f"no site {given!r} in the archive (sites: {known})")


def _origin(text: str) -> str | None:
    """The origin key (`host` or `host:port`) of a URL or of a bare `host[:port][/path]`."""
    from scraper.urls import origin_of  # the URL parser only when a key is not matched as given

    text = text.strip()
    if not text or " " in text:
        return None
    return origin_of(text if "://" in text else f"http://{text}")


def _site_origins(
    key: str, base_url: str | None, profile: str | None, profile_hosts: ProfileHosts | None
) -> set[str]:
    """The origins a stored site covers: its key's (a generic crawl's), its start URL's, and
    the hosts its profile lists (read by `profile_hosts`)."""
    from scraper.urls import origin_of

    found = {origin_of(url) for url in (key, base_url or "") if "://" in url}
    if profile and profile_hosts is not None:
        found |= {origin_of(f"http://{host}") for host in profile_hosts(profile)}
    found.discard(None)
    return {origin for origin in found if origin is not None}


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant (UTC) after `day`: versions seen before it existed at the end of it
    (the last day of the calendar: the last instant there is)."""
    if day >= dt.date.max:
        return dt.datetime.max.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def status_expression(article_id: Any, end: dt.datetime | None = None) -> ColumnElement[str]:
    """SQL for "live" or "gone": the state the article's newest entry (seen before `end`) gives it.

    Gone when that entry is a tombstone the article had not come back from (by `end`).
    """
    entry = _ENTRY
    if end is None:
        still_gone = and_(entry.kind == "gone", entry.revived_at.is_(None))
        seen: list[Any] = []
    else:
        still_gone = and_(
            entry.kind == "gone", or_(entry.revived_at.is_(None), entry.revived_at >= end)
        )
        seen = [entry.seen_at < end]
    newest = (
        select(case((still_gone, literal("gone")), else_=literal("live")))
        .where(entry.article_id == article_id, *seen)
        .order_by(entry.seen_at.desc(), entry.seq.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(newest, literal("live"))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def selected_versions(filters: Filters, *, all_versions: bool = False) -> Select[Any]:
    """SELECT article_id, version_id, version, status of the versions `filters` keep.

    One row per article (its current version, or the one current at the end of `as_of`), or with
    `all_versions` one row per content version (seen by `as_of`, when given).
    """
    article = ArticleRow.__table__
    version = VersionRow.__table__
    status: Any = article.c.status
    conditions: list[Any] = [version.c.kind == "content"]
    if filters.as_of is None:
        joined = version.c.article_id == article.c.id
        if not all_versions:
            joined = and_(joined, version.c.seq == article.c.current_version)
    else:
        end = end_of_day(filters.as_of)
        earlier = _EARLIER
        status = status_expression(article.c.id, end)
        conditions += [article.c.first_seen < end, version.c.seen_at < end]
        joined = version.c.article_id == article.c.id
        if not all_versions:
            newest_content = (
                select(earlier.seq)
                .where(
                    earlier.article_id == article.c.id,
                    earlier.kind == "content",
                    earlier.seen_at < end,
                )
                .order_by(earlier.seen_at.desc(), earlier.seq.desc())
                .limit(1)
                .scalar_subquery()
            )
            joined = and_(joined, version.c.seq == newest_content)
    conditions += _content_conditions(filters, version)
    if filters.site is not None:
        site = select(Site.id).where(Site.key == filters.site).scalar_subquery()
        conditions.append(article.c.site_id == site)
    if filters.status is not None:
        conditions.append(status == filters.status)
    return (
        select(
            article.c.id.label("article_id"),
            version.c.id.label("version_id"),
            version.c.seq.label("version"),
            status.label("status"),
        )
        .select_from(article)
        .join(version, joined)
        .where(*conditions)
    )


def _content_conditions(filters: Filters, version: Any) -> list[Any]:
    conditions: list[Any] = []
    if filters.lang:
        conditions.append(func.lower(version.c.lang) == filters.lang.lower())
    if filters.sector:
        conditions.append(
            or_(
                version.c.sector_key == filters.sector,
                func.lower(version.c.sector) == func.lower(literal(filters.sector)),
            )
        )
    if filters.published_from:
        conditions.append(version.c.published >= filters.published_from)
    if filters.published_to:
        conditions.append(version.c.published <= filters.published_to)
    qa = QARow.__table__
    if filters.has_qa or filters.speaker:
        pairs = [qa.c.version_id == version.c.id]
        if filters.speaker:
            pattern = f"%{_like_escape(filters.speaker.strip())}%"
            pairs.append(qa.c.speaker.ilike(pattern, escape="\\"))
        conditions.append(exists().where(*pairs))
    return conditions
