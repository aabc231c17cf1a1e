"""The data of each page of the web view, JSON-ready; templates and /api/ show the same dicts.

Parameters come from the query string and are checked here: a malformed one aborts with 400.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any
from urllib.parse import urlencode

from flask import abort, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from schedules.languages import is_language_code
from schedules.runs import recent_runs
from schedules.web.charts import bar_chart
from schedules.web.diffview import diff_rows
from schedules.wording import plural
from scraper.sites import profile_hosts
from scraper.urls import canonical_url
from storage.captures import StoredPage, stored_page
from storage.changes import ChangeQuery, list_changes
from storage.diff import diff_versions
from storage.facets import EXACT_LIMIT, search_counts
from storage.history import article_history
from storage.records import load_article
from storage.schema import ArticleRow, Site
from storage.search import search
from storage.selection import STATUSES, Filters
from storage.stats import archive_stats

#: Hits on one search page.
PAGE_SIZE = 20
#: Counts are exact up to this many results (DECISIONS.md), then "more than 10,000".
EXACT_COUNT = EXACT_LIMIT
#: Longest query string value accepted (a URL or a search is shorter; longer is an attack).
MAX_PARAM = 2_000
#: Runs listed on the changes page.
RECENT_RUNS = 10


# -- parameters


def text_arg(name: str) -> str | None:
    """A query-string value, stripped; None when absent or empty; 400 when absurdly long."""
    value = request.args.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > MAX_PARAM or "\x00" in value:
        abort(400, f"the parameter {name!r} is not acceptable (too long or with NUL bytes)")
    return value.strip()


def int_arg(name: str, *, minimum: int = 1) -> int | None:
    value = text_arg(name)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 9 or int(value) < minimum:
        abort(400, f"the parameter {name!r} must be a whole number ≥ {minimum}, not {value[:40]!r}")
    return int(value)


def lang_arg() -> str | None:
    """The `lang` parameter: an ISO 639-1 code in any case, lower-cased; None when absent; 400
    for a value that is no language code (`xx`, `french`), as the command line's `--lang`."""
    lang = text_arg("lang")
    if lang is None:
        return None
    code = lang.lower()
    if not is_language_code(code):
        abort(400, f"unknown language {lang[:20]!r}: use an ISO 639-1 code such as fr, nl, en")
    return code


def day_arg(name: str) -> dt.date | None:
    value = text_arg(name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        abort(400, f"the parameter {name!r} must be a day YYYY-MM-DD, not {value[:40]!r}")


def _url_arg(session: Session) -> str:
    """The `url` parameter as archived: as given, else its canonical form; 400 without one."""
    url = text_arg("url")
    if url is None:
        abort(400, "the parameter 'url' is required (an archived article's URL)")
    if session.scalar(select(ArticleRow.id).where(ArticleRow.url == url)) is not None:
        return url
    canonical = canonical_url(url)
    if canonical is None:
        abort(400, f"{url[:80]!r} is not a URL")
    return canonical


# -- search


def _search_filters() -> tuple[Filters, dict[str, Any]]:
    lang, status, year = lang_arg(), text_arg("status"), int_arg("year")
    if status is not None and status not in STATUSES:
        abort(400, f"unknown status {status[:20]!r}: use live or gone")
    if year is not None and not 1900 <= year <= 2999:
        abort(400, f"the year {year} is out of range")
    sector = text_arg("sector")
    chosen: dict[str, Any] = {
        "site": text_arg("site"),
        "sector": sector,
        "lang": lang,
        "year": year,
        "status": status,
    }
    filters = Filters(
        lang=lang,
        sector=sector,
        status=status,
        published_from=dt.date(year, 1, 1) if year else None,
        published_to=dt.date(year, 12, 31) if year else None,
    )
    return filters, {k: v for k, v in chosen.items() if v is not None}


def _sites_of(session: Session, article_ids: list[int]) -> dict[int, str | None]:
    found: dict[int, str | None] = {}
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i : i + 500]
        rows = session.execute(
            select(ArticleRow.id, Site.key)
            .outerjoin(Site, Site.id == ArticleRow.site_id)
            .where(ArticleRow.id.in_(chunk))
        )
        found.update({article_id: key for article_id, key in rows})
    return found


def search_page(session: Session) -> dict[str, Any]:
    """Hits of `q` with the filters, a page of PAGE_SIZE, facet counts and "20 of 134"."""
    q = text_arg("q")
    filters, chosen = _search_filters()
    number = int_arg("page") or 1
    data: dict[str, Any] = {
        "feed": "/feeds/search?" + urlencode({"q": q or "", **chosen}),
        "q": q,
        "filters": chosen,
        "page": number,
        "hits": [],
        "total": 0,
        "total_text": "",
        "pages": 0,
        "facets": {},
        "searched_since": None,
    }
    if q is None:
        return data
    site = chosen.get("site")
    counts = search_counts(session, q, filters, site=site)
    wanted = number * PAGE_SIZE
    # the site is not a search filter: with one, rank more and keep that site's hits
    hits = search(session, q, filters, limit=wanted if site is None else EXACT_COUNT + 1)
    sites = _sites_of(session, [hit.article_id for hit in hits])
    rows = [{**hit.to_dict(), "site": sites.get(hit.article_id)} for hit in hits]
    if site is not None:
        rows = [row for row in rows if row["site"] == site]
    shown = rows[(number - 1) * PAGE_SIZE : wanted]
    counted = f"more than {EXACT_COUNT:,}" if counts.more else f"{counts.total:,}"
    data.update(
        hits=shown,
        total=counts.total,
        more=counts.more,
        pages=math.ceil(counts.total / PAGE_SIZE),
        total_text=f"{len(shown)} of {counted}",
        facets=counts.to_dict()["facets"],
        # set when the search stopped short of the oldest versions (see storage.search)
        searched_since=hits.searched_since.isoformat() if hits.searched_since else None,
    )
    return data


# -- one article


def article_page(session: Session) -> dict[str, Any]:
    """One version of an article with the provenance of each field, and its timeline."""
    url = _url_arg(session)
    view = load_article(session, url, int_arg("version"))
    history = article_history(session, url)
    record = view.version.record.to_dict()
    sources = view.version.record.sources
    fields = [
        {"field": name, "value": record.get(name), "source": sources.get(name)}
        for name in ("title", "lang", "published", "modified", "sector", "sector_key", "lead")
    ]
    # the long fields are shown below the table: here, how much there is and where it came from
    sizes = {
        "body": f"{plural(len((record.get('body') or '').split(chr(10) * 2)), 'paragraph')} (below)",
        "qa": f"{len(record.get('qa') or [])} interview pairs (below)",
        "contacts": f"{len(record.get('contacts') or [])} contacts (below)",
    }
    fields += [
        {"field": name, "value": size, "source": sources.get(name)} for name, size in sizes.items()
    ]
    return {
        "url": url,
        "article": view.to_dict(),
        "fields": fields,
        "timeline": history.to_dict()["versions"],
        "content_versions": [v.seq for v in history.versions if v.kind == "content"],
    }


def diff_page(session: Session) -> dict[str, Any]:
    """Two content versions compared field by field (default: the current and the one before)."""
    url = _url_arg(session)
    diff = diff_versions(session, url, from_seq=int_arg("from"), to_seq=int_arg("to"))
    history = article_history(session, url)
    return {
        "url": url,
        "title": next((v.title for v in reversed(history.versions) if v.title), None),
        **diff.to_dict(),
        "fields": diff_rows(diff),
        "content_versions": [v.seq for v in history.versions if v.kind == "content"],
    }


def raw_page(session: Session) -> StoredPage:
    """The stored page of `url` (version `version`, default current)."""
    return stored_page(session, _url_arg(session), int_arg("version"))


def raw_info(session: Session) -> dict[str, Any]:
    """What is known of a stored page, without its bytes (those are on /raw and `hubarchive raw`)."""
    page = raw_page(session)
    return {
        "url": page.url,
        "version": page.version,
        "sha256": page.sha256,
        "size": len(page.body),
        "content_type": page.content_type,
        "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
        "rendition": f"/raw?url={page.url}&version={page.version}",
    }


# -- changes and statistics


def changes_page(session: Session) -> dict[str, Any]:
    """What the last run found (or run N, or runs since a day), with the runs and feed links."""
    since = day_arg("since")
    query = ChangeQuery(
        run_id=int_arg("run"),
        since=dt.datetime.combine(since, dt.time(), dt.UTC) if since else None,
        site=text_arg("site"),
        sector=text_arg("sector"),
        lang=lang_arg(),
        include_reparse=request.args.get("include_reparse") == "1",
    )
    changes = list_changes(session, query, profile_hosts)
    runs = recent_runs(session, limit=RECENT_RUNS)
    feed_params = {k: request.args[k] for k in ("site", "sector", "lang") if request.args.get(k)}
    feeds = [{"title": "all changes", "href": "/feeds/all"}]
    for name, value in feed_params.items():
        feeds.append({"title": f"{name} {value}", "href": f"/feeds/{name}?{name}={value}"})
    return {
        "run": query.run_id,
        "changes": [c.to_dict() for c in changes],
        "runs": [
            {**run, "started_at": _iso(run["started_at"]), "finished_at": _iso(run["finished_at"])}
            for run in runs
        ],
        "feeds": feeds,
    }


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def stats_page(session: Session) -> dict[str, Any]:
    """Counts per month, sector and language; the HTML page draws them as SVG charts."""
    month = archive_stats(session, "month")
    sector = archive_stats(session, "sector")
    lang = archive_stats(session, "lang")
    data: dict[str, Any] = {"month": month.rows, "sector": sector.rows, "lang": lang.rows}
    if not request.path.startswith("/api/"):
        data["charts"] = {
            "month": bar_chart(
                "Articles and changes per month", month.rows, ("new", "changed", "gone")
            ),
            "sector": bar_chart("Articles per sector", sector.rows, ("live", "gone", "changed")),
            "lang": bar_chart("Articles per language", lang.rows, ("live", "gone", "changed")),
        }
    return data


PAGES = {
    "search": search_page,
    "article": article_page,
    "diff": diff_page,
    "changes": changes_page,
    "stats": stats_page,
}
