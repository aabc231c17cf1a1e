"""Atom feeds (RFC 4287) of the archive's changes, built as an lxml tree (escaping by lxml).

feedgen 1.0 drops the `rel` of entry links, and an entry needs two (the article, its diff).

Each entry is one change (`storage.changes.ArticleChange`): its id is stable (the article's URL
and the version that records the change), `updated` is when the archive saw it, it links to the
original article and to the change in the web view, and its content is the field-level diff as
escaped HTML (`<del>` removed, `<ins>` added).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from lxml import etree
from sqlalchemy.orm import Session

from scraper.sites import profile_hosts
from storage.changes import EVER, ArticleChange, ChangeQuery, list_changes
from storage.search import search
from storage.selection import Filters, require_site

#: Where the web view (`hubarchive serve`) answers unless told otherwise: its links in feeds and
#: notifications point there.
DEFAULT_VIEW_URL = "http://127.0.0.1:8080"
#: Entries in one feed: the newest changes, as feed readers poll often.
FEED_ENTRIES = 50
#: `updated` of a feed with no entry (RFC 4287 requires one; nothing in the archive gives it).
EMPTY_FEED_UPDATED = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[^\\t\\n\\r\\x20-\\ud7ff\\ue000-\\ufffd\\U00010000-\\U0010ffff]")

_VERBS = {"new": "New", "changed": "Changed", "gone": "Gone", "revived": "Back"}


def view_link(view_url: str, path: str, **params: object) -> str:
    """An absolute link into the web view: `path` with its query parameters (None ones dropped)."""
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{view_url.rstrip('/')}{path}" + (f"?{query}" if query else "")


def change_link(change: ArticleChange, view_url: str) -> str:
    """The web view's page of a change: the two versions compared, or the article itself."""
    if change.from_version is not None:
        return view_link(
            view_url, "/diff", url=change.url, **{"from": change.from_version, "to": change.version}
        )
    if change.kind == "gone":
        return view_link(view_url, "/article", url=change.url)
    return view_link(view_url, "/article", url=change.url, version=change.version)


def entry_id(change: ArticleChange) -> str:
    """A stable id of the change: the article's URL and the version that records it."""
    return f"{change.url}#hubarchive-v{change.version}-{change.kind}"


def diff_html(change: ArticleChange) -> str:
    """The change as HTML: each changed field with its removed and added lines; every value escaped."""
    parts = [f"<p>{escape(_VERBS[change.kind])}: {escape(change.title or change.url)}</p>"]
    for field in change.diff:
        items = "".join(
            f"<li><{tag}>{escape(line.text)}</{tag}></li>"
            for line in field.lines
            for tag in ("del" if line.op == "-" else "ins",)
        )
        more = "<li>…</li>" if field.truncated else ""
        parts.append(f"<h4>{escape(field.field)}</h4><ul>{items}{more}</ul>")
    return "".join(parts)


def atom_feed(
    changes: Sequence[ArticleChange],
    *,
    title: str,
    feed_path: str,
    view_url: str = DEFAULT_VIEW_URL,
) -> bytes:
    """An Atom document (UTF-8 bytes) of `changes`, newest first; `feed_path` is the feed's own
    path and query in the web view (its id and `rel="self"` link)."""
    self_url = f"{view_url.rstrip('/')}{feed_path}"
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _text(feed, "id", self_url)
    _text(feed, "title", title)
    newest = max((_utc(c.seen_at) for c in changes), default=EMPTY_FEED_UPDATED)
    _text(feed, "updated", newest.isoformat())
    _text(etree.SubElement(feed, f"{{{ATOM}}}author"), "name", "hubarchive")
    _text(feed, "generator", "hubarchive")
    _link(feed, self_url, "self", "application/atom+xml")
    _link(feed, view_link(view_url, "/changes"), "alternate", "text/html")
    for change in changes:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", entry_id(change))
        _text(entry, "title", f"{_VERBS[change.kind]}: {change.title or change.url}")
        _text(entry, "updated", _utc(change.seen_at).isoformat())
        _link(entry, change.url, "alternate", "text/html")
        _link(entry, change_link(change, view_url), "related", "text/html")
        if change.sector:
            category = etree.SubElement(entry, f"{{{ATOM}}}category")
            category.set("term", change.sector_key or change.sector)
            category.set("label", change.sector)
        # type="html": the element's text is the HTML, escaped once more by the serialiser
        _text(entry, "content", diff_html(change)).set("type", "html")
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _text(parent: etree._Element, name: str, value: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = _xml_safe(value)
    return element


def _link(parent: etree._Element, href: str, rel: str, media_type: str) -> None:
    etree.SubElement(parent, f"{{{ATOM}}}link", href=_xml_safe(href), rel=rel, type=media_type)


def _xml_safe(value: str) -> str:
    """`value` without the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _NOT_XML.sub("", value)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


#: At most this many articles a search feed follows (the best matches of its query).
SEARCH_FEED_ARTICLES = 500


@dataclass(frozen=True)
class FeedRequest:
    """Which changes a feed holds: all, or one site, sector, language, search or article.

    Nothing is stored: the same request always gives the same feed of the archive as it is.
    """

    site: str | None = None
    sector: str | None = None
    lang: str | None = None
    q: str | None = None
    url: str | None = None
    run_id: int | None = None
    since: dt.datetime | None = None
    include_reparse: bool = False

    @property
    def kind(self) -> str:
        """The feed's route under /feeds/: article, search, site, sector, lang or all."""
        for name in ("url", "q", "site", "sector", "lang"):
            if getattr(self, name):
                return {"url": "article", "q": "search"}.get(name, name)
        return "all"

    def path(self) -> str:
        """The feed's path and query in the web view."""
        params = {
            "url": self.url,
            "q": self.q,
            "site": self.site,
            "sector": self.sector,
            "lang": self.lang,
            "run": self.run_id,
            "since": self.since.date().isoformat() if self.since else None,
            "include_reparse": "1" if self.include_reparse else None,
        }
        return view_link("", f"/feeds/{self.kind}", **params)

    def title(self) -> str:
        shown = [
            f"{name} {value}"
            for name, value in (
                ("article", self.url),
                ("search", self.q),
                ("site", self.site),
                ("sector", self.sector),
                ("language", self.lang),
                ("run", self.run_id),
            )
            if value
        ]
        return "hubarchive changes" + (f" ({', '.join(shown)})" if shown else "")


def feed_changes(session: Session, request: FeedRequest) -> list[ArticleChange]:
    """The newest FEED_ENTRIES changes `request` selects (a search feed: its best matches').

    Raises `storage.errors.QueryError` for a search the archive cannot run, `NotFoundError` for
    an unknown run or site.
    """
    urls: tuple[str, ...] = (request.url,) if request.url else ()
    if request.site is not None:
        # a typo even when the search finds nothing
        require_site(session, request.site, profile_hosts)
    if request.q:
        hits = search(
            session,
            request.q,
            Filters(lang=request.lang, sector=request.sector),
            limit=SEARCH_FEED_ARTICLES,
        )
        if not hits:
            return []
        urls = tuple(hit.url for hit in hits)
    windowed = request.run_id is not None or request.since is not None
    query = ChangeQuery(
        run_id=request.run_id,
        since=request.since,
        captured_since=None if windowed else EVER,
        site=request.site,
        sector=None if request.q else request.sector,
        lang=None if request.q else request.lang,
        urls=urls,
        include_reparse=request.include_reparse,
        limit=FEED_ENTRIES,
    )
    return list_changes(session, query, profile_hosts)


def render_feed(
    session: Session, request: FeedRequest, *, view_url: str = DEFAULT_VIEW_URL
) -> bytes:
    """The Atom document of `request` (see `feed_changes`)."""
    return atom_feed(
        feed_changes(session, request),
        title=request.title(),
        feed_path=request.path(),
        view_url=view_url,
    )
