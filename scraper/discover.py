"""Discovery: the profile's `[crawl]` table as a value object, and listing pages read into sightings.

Pure: HTML in, sightings and the next page's URL out. `schedules.job` does the fetching.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from scraper.errors import ProfileError
from scraper.sightings import Sighting
from scraper.sites import SiteProfile
from scraper.urls import canonical_url, is_allowed_host

_DAY_FIRST = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_PAGE_PATH = re.compile(r"/page/(\d+)/?$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


@dataclass(frozen=True)
class RecheckPolicy:
    """When known articles are fetched again (conditional GET) although nothing signalled a change."""

    #: articles published within this many days are re-checked on every run
    recent_days: int = 30
    #: older ones once their last check is this many days old
    older_every_days: int = 7


@dataclass(frozen=True)
class CrawlProfile:
    """How to walk a site: listings per language, which links are articles, extra sources."""

    start_urls: dict[str, tuple[str, ...]]
    article_patterns: tuple[re.Pattern[str], ...]
    exclude_patterns: tuple[re.Pattern[str], ...] = ()
    card_selector: str = "article, .card, .post, li"
    card_title_selector: str = "h2, h3, .title"
    card_date_selector: str = "time, .date"
    next_selectors: tuple[str, ...] = ('link[rel~="next"]', 'a[rel~="next"]', "a.next")
    sitemaps: tuple[str, ...] = ("/sitemap.xml",)
    feeds: tuple[str, ...] = ()
    wp_json: str | None = "/wp-json/wp/v2/posts"
    recheck: RecheckPolicy = RecheckPolicy()
    #: a safety bound on listing pages per start URL, even with --full
    max_listing_pages: int = 500
    hosts: frozenset[str] = field(default_factory=frozenset)

    def is_article(self, url: str) -> bool:
        """True when `url`'s path matches an article pattern and no exclusion."""
        path = urlsplit(url).path
        return any(p.search(path) for p in self.article_patterns) and not any(
            p.search(path) for p in self.exclude_patterns
        )

    def all_start_urls(self) -> list[str]:
        return [u for urls in self.start_urls.values() for u in urls]


def crawl_profile(profile: SiteProfile, *, start_urls: list[str] | None = None) -> CrawlProfile:
    """Read and check `profile.crawl`; `start_urls` (from `--start-url`) replace the profile's,
    and their hosts become the allowed hosts. A profile that cannot work raises `ProfileError`."""
    table: dict[str, Any] = profile.crawl
    where = f"site profile {profile.source or profile.key}, [crawl]"
    patterns = _patterns(table.get("article_patterns"), f"{where} article_patterns")
    if not patterns:
        raise ProfileError(f"{where} has no article_patterns: no link could ever be an article")
    if start_urls:
        starts = {"": tuple(canonical_url(u) for u in start_urls)}
        hosts = frozenset(urlsplit(u).hostname or "" for u in starts[""])
    else:
        raw = table.get("start_urls") or {}
        if not isinstance(raw, dict) or not raw:
            raise ProfileError(f"{where} has no start_urls table (language = [listing URLs])")
        starts = {
            lang: tuple(canonical_url(u) for u in _strings(v, f"{where} start_urls.{lang}"))
            for lang, v in raw.items()
        }
        hosts = profile.hosts
    bad = [u for urls in starts.values() for u in urls if not is_allowed_host(u, hosts)]
    if bad or not hosts:
        raise ProfileError(
            f"{where}: start URLs {bad or ''} are not on the allowed hosts {sorted(hosts)}"
        )
    recheck = table.get("recheck") or {}
    return CrawlProfile(
        start_urls=starts,
        article_patterns=patterns,
        exclude_patterns=_patterns(table.get("exclude_patterns"), f"{where} exclude_patterns"),
        card_selector=str(table.get("card_selector", CrawlProfile.card_selector)),
        card_title_selector=str(table.get("card_title_selector", CrawlProfile.card_title_selector)),
        card_date_selector=str(table.get("card_date_selector", CrawlProfile.card_date_selector)),
        next_selectors=tuple(
            _strings(
                table.get("next_selectors", list(CrawlProfile.next_selectors)),
                f"{where} next_selectors",
            )
        ),
        sitemaps=tuple(_strings(table.get("sitemaps", []), f"{where} sitemaps")),
        feeds=tuple(_strings(table.get("feeds", []), f"{where} feeds")),
        wp_json=table.get("wp_json") or None,
        recheck=RecheckPolicy(
            recent_days=int(recheck.get("recent_days", RecheckPolicy.recent_days)),
            older_every_days=int(recheck.get("older_every_days", RecheckPolicy.older_every_days)),
        ),
        max_listing_pages=int(table.get("max_listing_pages", CrawlProfile.max_listing_pages)),
        hosts=frozenset(hosts),
    )


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where} must be a string or a list of strings")
    return list(value)


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in _strings(value or [], where))
    except re.error as exc:
        raise ProfileError(f"{where}: bad regular expression ({exc})") from exc


@dataclass
class ListingPage:
    """What one listing page holds: article sightings in page order, and the next page if any."""

    url: str
    sightings: list[Sighting]
    next_url: str | None


def parse_listing(html: str | bytes, url: str, crawl: CrawlProfile) -> ListingPage:
    """Article cards (URL, title, date) of a listing page and the URL of the next listing page."""
    soup = BeautifulSoup(html, "lxml")
    found: dict[str, Sighting] = {}
    for card in soup.select(crawl.card_selector):
        link = _first_article_link(card, url, crawl)
        if link and (link not in found or found[link].title is None):
            found[link] = Sighting(
                url=link,
                source="listing",
                title=_card_title(card, crawl),
                published=_card_date(card, crawl),
            )
    for anchor in soup.find_all("a", href=True):
        link = _article_url(anchor, url, crawl)
        if link and link not in found:
            found[link] = Sighting(url=link, source="listing", title=_clean(anchor.get_text()))
    return ListingPage(
        url=url, sightings=list(found.values()), next_url=_next_page(soup, url, crawl)
    )


def _article_url(anchor: Tag, base: str, crawl: CrawlProfile) -> str | None:
    href = str(anchor.get("href") or "")
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    link = canonical_url(href, base)
    return link if is_allowed_host(link, crawl.hosts) and crawl.is_article(link) else None


def _first_article_link(card: Tag, base: str, crawl: CrawlProfile) -> str | None:
    for anchor in card.find_all("a", href=True):
        link = _article_url(anchor, base, crawl)
        if link:
            return link
    return None


def _card_title(card: Tag, crawl: CrawlProfile) -> str | None:
    node = card.select_one(crawl.card_title_selector)
    return _clean(node.get_text(" ")) if node else None


def _card_date(card: Tag, crawl: CrawlProfile) -> dt.date | None:
    node = card.select_one(crawl.card_date_selector)
    texts = [str(node.get("datetime") or ""), node.get_text(" ")] if node else []
    texts.append(card.get_text(" "))
    for text in texts:
        if match := _ISO_DATE.search(text):
            year, month, day = (int(g) for g in match.groups())
        elif match := _DAY_FIRST.search(text):
            day, month, year = (int(g) for g in match.groups())
        else:
            continue
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _next_page(soup: BeautifulSoup, url: str, crawl: CrawlProfile) -> str | None:
    """rel="next" first; else a link to page n+1 in the `/page/N/` or `?page=N` form."""
    for selector in crawl.next_selectors:
        node = soup.select_one(selector)
        if node is not None and node.get("href"):
            nxt = canonical_url(str(node["href"]), url)
            if nxt != url and is_allowed_host(nxt, crawl.hosts):
                return nxt
    candidates = set(page_candidates(url))
    for anchor in soup.find_all("a", href=True):
        link = canonical_url(str(anchor["href"]), url)
        if link in candidates:
            return link
    return None


def page_candidates(url: str) -> list[str]:
    """The URLs page n+1 of the listing at `url` would have, in the `/page/N/` and `?page=N` forms."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    match = _PAGE_PATH.search(parts.path)
    current = int(match.group(1)) if match else int(query.get("page", "1") or 1)
    root = parts.path[: match.start()] + "/" if match else parts.path
    root = root if root.endswith("/") else root + "/"
    by_path = urlunsplit(
        (parts.scheme, parts.netloc, f"{root}page/{current + 1}/", parts.query, "")
    )
    by_query = urlunsplit(
        (parts.scheme, parts.netloc, parts.path, urlencode({**query, "page": str(current + 1)}), "")
    )
    return [canonical_url(by_path), canonical_url(by_query)]


def _clean(text: str) -> str | None:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    return text or None


def same_card_title(card_title: str | None, archived_title: str | None) -> bool:
    """True when a listing card's title says the same as the archived title (spacing, case aside)."""
    if card_title is None:
        return True
    a, b = _clean(card_title), _clean(archived_title or "")
    return (a or "").casefold() == (b or "").casefold()
