"""The discovery half of a crawl: ask WordPress, sitemaps, feeds and listing pages for article URLs.

Network goes through the run's `Fetcher`; every exchange is reported to `on_fetch` so the job can
log it. A source that fails or does not exist is skipped, never fatal:

- a *probed* source (a guessed `/sitemap.xml`, `/feed/` or wp-json: on a site the profile does not
  own, or the generic base's paths a profile inherits without naming them) that answers 404/410 (or a page that is no sitemap, feed or JSON) is a fact about the site:
  reported `absent`, remembered, and probed again only after `REPROBE_AFTER`;
- a *declared* source (robots.txt `Sitemap:`, the site's own profile, a sitemap-index entry, a
  feed a listing page links with `rel="alternate"`) that fails or is refused is a warning of the
  run (`Discovery.warnings`);
- listing pages, sitemaps and feeds are fetched conditionally with the validators of their last
  answer (`SourceMemory.cached`); a 304 stands for the body kept then.

Sitemaps and feeds are read whatever their Content-Type when the body is XML (gzip recognised by
its magic bytes); a server that labels one wrongly earns a note in the run.
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
from schedules.wording import plural
from scraper.discover import CrawlProfile, parse_listing
from scraper.errors import DisallowedError, FeedError, FetchError
from scraper.feeds import parse_feed, parse_wp_posts
from scraper.fetch import HTML_TYPES, JSON_TYPES, XML_TYPES, Fetcher
from scraper.models import Capture
from scraper.pagination import first_page_form
from scraper.sightings import Sighting, changed_since
from scraper.sitemaps import MAX_ENTRIES as SITEMAP_MAX_URLS
from scraper.sitemaps import parse_sitemap
from scraper.urls import canonical_url, is_allowed_host
from scraper.xmlsafe import looks_like_xml
from storage.archive import KnownArticle
from storage.sources import CachedSource

log = logging.getLogger("hubarchive.crawl")
T = TypeVar("T")

WP_PER_PAGE = 100
MAX_WP_PAGES = 200
#: Sitemap bounds (DECISIONS.md, after sitemaps.org): an index may name one level of nested
#: indexes, a run reads at most this many sitemap files, and each file at most 50,000 URLs in
#: 50 MB. A chain of sitemaps each naming the next, or an index fanning out without end, stops
#: there with a run warning; the listings still run.
SITEMAP_MAX_DEPTH = 2
SITEMAP_MAX_FILES = 500
SITEMAP_MAX_BYTES = 50 * 1024 * 1024

#: A probed source found absent is not asked again for this long (DECISIONS.md: 30 days).
REPROBE_AFTER = dt.timedelta(days=30)
#: Statuses that say a source does not exist (anything else that fails is a failure).
_ABSENT_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class SourceExchange:
    """One discovery exchange, as the job logs it.

    `outcome`: `listing` (answered; `body` is what a 304 stands for), `absent` (does not exist),
    `failed` (try again; the next run walks everything) or `skipped` (robots.txt, scope)."""

    url: str
    outcome: str
    capture: Capture | None = None
    error: FetchError | None = None
    body: bytes | None = None


#: Called after each discovery exchange.
OnFetch = Callable[[SourceExchange], None]


@dataclass(frozen=True)
class SourceMemory:
    """What the archive remembers of sources: the last answer of a URL (for a conditional GET),
    and whether a probed source (by URL prefix) was recently found absent."""

    cached: Callable[[str], CachedSource | None] = lambda url: None
    absent: Callable[[str], bool] = lambda prefix: False


@dataclass
class Discovery:
    """What discovery found: sightings by canonical URL (in order), and what it noticed."""

    sightings: dict[str, list[Sighting]] = field(default_factory=dict)
    listing_pages: int = 0
    #: start listings that held no article or answered 404/410, with why: the profile is
    #: probably wrong (or the site changed)
    empty_listings: dict[str, str] = field(default_factory=dict)
    failed_sources: list[str] = field(default_factory=list)
    #: bounds hit, declared sources that failed, servers that mislabel a sitemap: warnings of
    #: the run, not failures
    warnings: list[str] = field(default_factory=list)
    #: start listings that answered 404/410: a configuration error (exit 2)
    missing_starts: dict[str, int] = field(default_factory=dict)
    #: start listings the crawler may not fetch (robots.txt, the allowed origins, the
    #: private-address guard), with why: a configuration error too (exit 2), never a failure
    #: retried next run, since no retry can fetch them
    disallowed_starts: dict[str, str] = field(default_factory=dict)
    #: start listings where the profile's patterns matched nothing and the generic rule found
    #: the articles (only with --start-url)
    generic_listings: list[str] = field(default_factory=list)
    wp_json_answered: bool = False
    #: the API answered but a later page of it failed: sitemaps and feeds are read as well
    wp_json_partial: bool = False

    def add(self, sighting: Sighting, crawl: CrawlProfile) -> bool:
        """Keep `sighting` when it may be an article on the allowed hosts (True)."""
        if crawl.may_be_article(sighting.url) and is_allowed_host(sighting.url, crawl.hosts):
            self.sightings.setdefault(sighting.url, []).append(sighting)
            return True
        return False


def _disallowed_reason(error: FetchError) -> str:
    """Why a URL may not be fetched, without the URL the error message starts with (nor the
    URL robots.txt disallows when it is that same URL)."""
    message = str(error)
    prefix = f"{error.url}: "
    reason = message[len(prefix) :] if message.startswith(prefix) else message
    return "disallowed by robots.txt" if reason == f"robots.txt disallows {error.url}" else reason


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
    memory: SourceMemory = field(default_factory=SourceMemory)
    #: send the validators of each source's last answer (off for --full and catch-up runs)
    conditional: bool = False
    result: Discovery = field(default_factory=Discovery)
    _errors: dict[str, FetchError] = field(default_factory=dict)
    #: sitemap files read by this run (all origins together)
    _sitemap_files: int = 0
    #: feeds asked this run (the profile's and those listing pages link), each read once, with
    #: how many of their items may be articles
    _feeds_read: dict[str, int] = field(default_factory=dict)

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
                        self._feed(feed, probed=self.crawl.is_probed(path))
        for start in self.crawl.all_start_urls():
            self._listing(start)
        return self.result

    # -- one exchange

    def _get(
        self,
        url: str,
        accept: tuple[str, ...],
        *,
        probed: bool = False,
        what: str = "source",
        max_bytes: int | None = None,
    ) -> tuple[Capture, bytes] | None:
        """GET a source (conditionally when it answered with validators before): the capture and
        the body it stands for, or None when it failed or does not exist (reported)."""
        if not self.budget():
            return None
        cached = self.memory.cached(url) if self.conditional else None
        try:
            capture = self.fetcher.fetch(
                url,
                accept=accept,
                etag=cached.etag if cached else None,
                last_modified=cached.last_modified if cached else None,
                max_bytes=max_bytes,
            )
        except FetchError as exc:
            self._errors[url] = exc
            self._failed(url, exc, probed=probed, what=what)
            return None
        if capture.status == 304 and cached is not None:
            self.on_fetch(SourceExchange(url, "listing", capture, body=cached.body))
            return capture, cached.body
        self.on_fetch(SourceExchange(url, "listing", capture))
        return capture, capture.body

    def _failed(self, url: str, exc: FetchError, *, probed: bool, what: str) -> None:
        status = getattr(exc, "status", None)
        if isinstance(exc, DisallowedError):
            self.on_fetch(SourceExchange(url, "skipped", error=exc))
            if not probed and what != "listing":
                self._warn(f"declared {what} {url} not fetched: {exc}")
        elif status in _ABSENT_STATUSES and what != "listing":
            self.on_fetch(SourceExchange(url, "absent", error=exc))
            if probed:
                log.info(
                    "%s %s does not exist (HTTP %s): not probed again for %d days",
                    what,
                    url,
                    status,
                    REPROBE_AFTER.days,
                )
            else:
                self._warn(f"declared {what} {url} answered {status}")
        else:
            self.on_fetch(SourceExchange(url, "failed", error=exc))
            log.info("source skipped: %s", exc)
            if what != "listing" and not probed:
                self._warn(f"declared {what} {url} could not be fetched ({exc})")

    def _warn(self, message: str) -> None:
        """A warning of the run (bounds hit, declared sources failing, mislabelled sitemaps);
        the job logs each once."""
        if message not in self.result.warnings:
            self.result.warnings.append(message)

    def _absent_before(self, prefix: str, what: str) -> bool:
        if self.full or not self.memory.absent(prefix):
            return False
        log.info("%s %s was absent when last probed: not asked again yet", what, prefix)
        return True

    # -- the sources

    def _wp_json(self, origin: str) -> None:
        assert self.crawl.wp_json
        endpoint = canonical_url(self.crawl.wp_json, origin)
        if endpoint is None or not _on_origin(endpoint, origin):
            self._warn(f"wp_json {self.crawl.wp_json!r} is not a path on {origin}; not read")
            return
        probed = self.crawl.is_probed(self.crawl.wp_json)
        if probed and self._absent_before(endpoint, "WordPress API"):
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
            got = self._get(url, JSON_TYPES, probed=probed and page == 1, what="WordPress API")
            if got is None:
                self.result.wp_json_partial = page > 1
                return
            capture, body = got
            try:
                posts = parse_wp_posts(body, url)
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
        declared += [
            canonical_url(p, origin) for p in self.crawl.sitemaps if not self.crawl.is_probed(p)
        ]
        probes = [canonical_url(p, origin) for p in self.crawl.sitemaps if self.crawl.is_probed(p)]
        # (url, depth in the index tree, probed: a guess, not declared)
        queue: deque[tuple[str, int, bool]] = deque(
            [(u, 0, False) for u in declared if u is not None and _on_origin(u, origin)]
            + [(u, 0, True) for u in probes if u and u not in declared and _on_origin(u, origin)]
        )
        seen: set[str] = set()
        while queue:
            url, depth, probed = queue.popleft()
            if url in seen:
                continue
            if self._sitemap_files >= SITEMAP_MAX_FILES:
                self._warn(
                    f"sitemaps: stopped at the bound of {SITEMAP_MAX_FILES} sitemap files per "
                    f"run; {len(queue) + 1} left unread"
                )
                return
            seen.add(url)
            if probed and self._absent_before(url, "sitemap"):
                continue
            self._sitemap_files += 1
            sitemap = self._read(
                url, parse_sitemap, "sitemap", probed=probed, max_bytes=SITEMAP_MAX_BYTES
            )
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
                    and not changed_since(
                        child.modified, self.since, date_only=child.modified_date_only
                    )
                )
                if not stale and _on_origin(child.url, origin):
                    queue.append((child.url, depth + 1, False))
            for sighting in sitemap.pages:
                self.result.add(sighting, self.crawl)

    def _feed(self, url: str, *, probed: bool) -> int:
        """Read the feed at `url` once per run; the number of its items that may be articles."""
        if url in self._feeds_read:
            return self._feeds_read[url]
        self._feeds_read[url] = 0
        if probed and self._absent_before(url, "feed"):
            return 0
        for sighting in self._read(url, parse_feed, "feed", probed=probed) or []:
            if self.result.add(sighting, self.crawl):
                self._feeds_read[url] += 1
        return self._feeds_read[url]

    def _linked_feeds(self, feeds: tuple[str, ...]) -> int:
        """Read the feeds a listing page links with `rel="alternate"` (declared sources), unless
        the WordPress API answered in full (then no feed is read); how many articles they list."""
        if self.result.wp_json_answered and not self.result.wp_json_partial:
            return 0
        return sum(self._feed(feed, probed=False) for feed in feeds)

    def _read(
        self,
        url: str,
        parse: Callable[[bytes, str], T],
        kind: str,
        *,
        probed: bool,
        max_bytes: int | None = None,
    ) -> T | None:
        """Fetch and parse an XML source whatever its Content-Type; a broken or hostile one is
        skipped and reported, a mislabelled one is read and noted."""
        got = self._get(url, (), probed=probed, what=kind, max_bytes=max_bytes)
        if got is None:
            return None
        capture, body = got
        media = (capture.content_type or "").split(";", 1)[0].strip().lower()
        labelled_xml = not media or media in XML_TYPES or media.endswith("+xml")
        if not labelled_xml and not looks_like_xml(body):
            if probed:
                log.info("%s %s is a %s page, not XML: the site has none there", kind, url, media)
            else:
                self._warn(f"declared {kind} {url} is not XML (served as {media})")
            return None
        try:
            parsed = parse(body, url)
        except FeedError as exc:
            if probed and not labelled_xml:
                return None
            # the job logs each failed source once, as a warning of the run
            self.result.failed_sources.append(f"{kind} skipped: {exc}")
            return None
        if not labelled_xml and capture.status == 200:
            self._warn(
                f"{kind} {url} is served as {media!r} but its body is {kind} XML: read anyway "
                "(the server's Content-Type is wrong)"
            )
        return parsed

    def _listing(self, start: str) -> None:
        url: str | None = start
        visited: set[str] = set()
        while (
            url
            and first_page_form(url) not in visited
            and len(visited) < self.crawl.max_listing_pages
        ):
            visited.add(first_page_form(url))
            got = self._get(url, HTML_TYPES, what="listing")
            if got is None:
                error = self._errors.get(url)
                status = getattr(error, "status", None)
                if url == start and status in _ABSENT_STATUSES:
                    self.result.missing_starts[url] = int(status)
                elif url == start and isinstance(error, DisallowedError):
                    self.result.disallowed_starts[url] = _disallowed_reason(error)
                elif url == start and error is not None:
                    self.result.failed_sources.append(
                        f"listing {url} could not be fetched ({error})"
                    )
                return
            self.result.listing_pages += 1
            page = parse_listing(got[1], url, self.crawl)
            from_feeds = self._linked_feeds(page.feeds)
            if not page.sightings:
                if url == start and not from_feeds:
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
                f"listing {start}: stopped at the bound of "
                f"{plural(self.crawl.max_listing_pages, 'listing page')}; older pages not walked"
            )
