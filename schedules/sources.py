"""The discovery half of a crawl: ask WordPress, sitemaps, feeds and listing pages for article URLs.

Network goes through the run's `Fetcher`; every exchange is reported to `on_fetch` so the job can
log it. A source that fails or does not exist is skipped with a log line, never fatal.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlencode, urlsplit

from schedules.plan import only_known_unchanged
from scraper.discover import CrawlProfile, parse_listing
from scraper.errors import FeedError, FetchError
from scraper.feeds import parse_feed, parse_wp_posts
from scraper.fetch import HTML_TYPES, JSON_TYPES, XML_TYPES, Fetcher
from scraper.models import Capture
from scraper.pagination import first_page_form
from scraper.sightings import Sighting
from scraper.sitemaps import MAX_ENTRIES as SITEMAP_MAX_URLS
from scraper.sitemaps import parse_sitemap
from scraper.urls import canonical_url, is_allowed_host
from storage.archive import KnownArticle

log = logging.getLogger("hubarchive.crawl")
T = TypeVar("T")

#: Called after each discovery exchange: (url, capture or None, error or None).
OnFetch = Callable[[str, Capture | None, FetchError | None], None]
WP_PER_PAGE = 100
MAX_WP_PAGES = 200
#: Sitemap bounds (DECISIONS.md, after sitemaps.org): an index may name one level of nested
#: indexes, a run reads at most this many sitemap files, and each file at most 50,000 URLs in
#: 50 MB. A chain of sitemaps each naming the next, or an index fanning out without end, stops
#: there with a run warning; the listings still run.
SITEMAP_MAX_DEPTH = 2
SITEMAP_MAX_FILES = 500
SITEMAP_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Discovery:
    """What discovery found: sightings by canonical URL (in order), and what it noticed."""

    sightings: dict[str, list[Sighting]] = field(default_factory=dict)
    listing_pages: int = 0
    #: start listings that held no article or answered 404/410, with why: the profile is
    #: probably wrong (or the site changed)
    empty_listings: dict[str, str] = field(default_factory=dict)
    failed_sources: list[str] = field(default_factory=list)
    #: bounds hit and URLs skipped (warnings of the run, not failures)
    warnings: list[str] = field(default_factory=list)
    #: start listings where the profile's patterns matched nothing and the generic rule found
    #: the articles (only with --start-url)
    generic_listings: list[str] = field(default_factory=list)
    wp_json_answered: bool = False
    #: the API answered but a later page of it failed: sitemaps and feeds are read as well
    wp_json_partial: bool = False

    def add(self, sighting: Sighting, crawl: CrawlProfile) -> None:
        if crawl.may_be_article(sighting.url) and is_allowed_host(sighting.url, crawl.hosts):
            self.sightings.setdefault(sighting.url, []).append(sighting)


def _origins(crawl: CrawlProfile) -> list[str]:
    seen: dict[str, None] = {}
    for url in crawl.all_start_urls():
        parts = urlsplit(url)
        seen.setdefault(f"{parts.scheme}://{parts.netloc}", None)
    return list(seen)


def _on_origin(url: str | None, origin: str) -> bool:
    return url is not None and (url + "/").startswith(origin + "/")


@dataclass
class Discoverer:
    """Runs the sources in order for one crawl, within a page budget."""

    fetcher: Fetcher
    crawl: CrawlProfile
    known: dict[str, KnownArticle]
    on_fetch: OnFetch
    since: dt.datetime | None = None
    full: bool = False
    budget: Callable[[], bool] = lambda: True
    result: Discovery = field(default_factory=Discovery)
    _errors: dict[str, FetchError] = field(default_factory=dict)
    #: sitemap files read by this run (all origins together)
    _sitemap_files: int = 0

    def run(self) -> Discovery:
        if self.crawl.wp_json:
            for origin in _origins(self.crawl):
                self._wp_json(origin)
        if not self.result.wp_json_answered or self.result.wp_json_partial:
            for origin in _origins(self.crawl):
                self._sitemaps(origin)
                for path in self.crawl.feeds:
                    feed = canonical_url(path, origin)
                    if feed is not None and _on_origin(feed, origin):
                        self._feed(feed)
        for start in self.crawl.all_start_urls():
            self._listing(start)
        return self.result

    def _get(
        self, url: str, accept: tuple[str, ...], *, max_bytes: int | None = None
    ) -> Capture | None:
        if not self.budget():
            return None
        try:
            capture = self.fetcher.fetch(url, accept=accept, max_bytes=max_bytes)
        except FetchError as exc:
            self._errors[url] = exc
            self.on_fetch(url, None, exc)
            log.info("source skipped: %s", exc)
            return None
        self.on_fetch(url, capture, None)
        return capture

    def _wp_json(self, origin: str) -> None:
        assert self.crawl.wp_json
        endpoint = canonical_url(self.crawl.wp_json, origin)
        if not _on_origin(endpoint, origin):
            self._warn(f"wp_json {self.crawl.wp_json!r} is not a path on {origin}; not read")
            return
        query = {
            "per_page": str(WP_PER_PAGE),
            "_fields": "link,modified_gmt",
            "orderby": "modified",
        }
        if self.since is not None and not self.full:
            query["modified_after"] = self.since.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
        for page in range(1, MAX_WP_PAGES + 1):
            url = f"{endpoint}?{urlencode({**query, 'page': str(page)})}"
            capture = self._get(url, JSON_TYPES)
            if capture is None:
                self.result.wp_json_partial = page > 1
                return
            try:
                posts = parse_wp_posts(capture.body, url)
            except FeedError as exc:
                log.info("WordPress API not usable, falling back: %s", exc)
                self.result.wp_json_partial = page > 1
                return
            self.result.wp_json_answered = True
            for sighting in posts:
                self.result.add(sighting, self.crawl)
            total = capture.header("X-WP-TotalPages")
            if not posts or not (total and total.isdigit() and page < int(total)):
                return
        self._warn(f"WordPress API {endpoint}: stopped at the bound of {MAX_WP_PAGES} pages")

    def _sitemaps(self, origin: str) -> None:
        """Read the origin's declared sitemaps breadth first, within the sitemap bounds."""
        robots = self.fetcher.robots_for(origin + "/")
        declared = [canonical_url(u) for u in robots.sitemaps]
        declared += [canonical_url(p, origin) for p in self.crawl.sitemaps]
        queue = deque((u, 0) for u in declared if u is not None and _on_origin(u, origin))
        seen: set[str] = set()
        while queue:
            url, depth = queue.popleft()
            if url in seen:
                continue
            if self._sitemap_files >= SITEMAP_MAX_FILES:
                self._warn(
                    f"sitemaps: stopped at the bound of {SITEMAP_MAX_FILES} sitemap files per "
                    f"run; {len(queue) + 1} left unread"
                )
                return
            seen.add(url)
            self._sitemap_files += 1
            sitemap = self._read(url, parse_sitemap, "sitemap", max_bytes=SITEMAP_MAX_BYTES)
            if sitemap is None:
                continue
            if sitemap.truncated:
                self._warn(f"sitemap {url}: only its first {SITEMAP_MAX_URLS} URLs were read")
            if sitemap.children and depth >= SITEMAP_MAX_DEPTH:
                self._warn(
                    f"sitemap {url}: an index nested deeper than {SITEMAP_MAX_DEPTH} levels; "
                    f"its {len(sitemap.children)} entries were not read"
                )
                continue
            for child in sitemap.children:
                stale = (
                    self.since is not None
                    and not self.full
                    and child.modified is not None
                    and child.modified < self.since
                )
                if not stale and _on_origin(child.url, origin):
                    queue.append((child.url, depth + 1))
            for sighting in sitemap.pages:
                self.result.add(sighting, self.crawl)

    def _warn(self, message: str) -> None:
        if message not in self.result.warnings:
            self.result.warnings.append(message)
            log.warning("%s", message)

    def _feed(self, url: str) -> None:
        for sighting in self._read(url, parse_feed, "feed") or []:
            self.result.add(sighting, self.crawl)

    def _read(
        self,
        url: str,
        parse: Callable[[bytes, str], T],
        kind: str,
        *,
        max_bytes: int | None = None,
    ) -> T | None:
        """Fetch and parse an XML source; a broken or hostile one is skipped and reported."""
        capture = self._get(url, XML_TYPES, max_bytes=max_bytes)
        if capture is None:
            return None
        try:
            return parse(capture.body, url)
        except FeedError as exc:
            self.result.failed_sources.append(str(exc))
            log.warning("%s skipped: %s", kind, exc)
            return None

    def _listing(self, start: str) -> None:
        url: str | None = start
        visited: set[str] = set()
        while (
            url
            and first_page_form(url) not in visited
            and len(visited) < self.crawl.max_listing_pages
        ):
            visited.add(first_page_form(url))
            capture = self._get(url, HTML_TYPES)
            if capture is None:
                error = self._errors.get(url)
                status = getattr(error, "status", None)
                if url == start and status in (404, 410):
                    self.result.empty_listings[url] = f"answered {status}"
                elif url == start and error is not None:
                    self.result.failed_sources.append(
                        f"listing {url} could not be fetched ({error})"
                    )
                return
            self.result.listing_pages += 1
            page = parse_listing(capture.body, url, self.crawl)
            if not page.sightings:
                if url == start:
                    self.result.empty_listings[url] = (
                        "holds no article link matching the profile's article_patterns"
                        + (" nor the generic rule" if self.crawl.generic_fallback else "")
                    )
                return
            if page.generic and start not in self.result.generic_listings:
                self.result.generic_listings.append(start)
            for sighting in page.sightings:
                self.result.add(sighting, self.crawl)
            fetchable = [s for s in page.sightings if self.fetcher.robots_for(s.url).allows(s.url)]
            if not self.full and only_known_unchanged(fetchable, self.known):
                log.info("listing %s holds only known, unchanged articles: paging stops", url)
                return
            url = page.next_url
        if url and first_page_form(url) not in visited:
            self._warn(
                f"listing {start}: stopped at the bound of {self.crawl.max_listing_pages} "
                "listing pages; older pages not walked"
            )
