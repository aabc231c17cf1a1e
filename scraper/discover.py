"""Discovery: the profile's `[crawl]` table as a value object, and listing pages read into sightings.

Pure: HTML in, sightings and the next page's URL out. `schedules.job` does the fetching.

Which links of a listing are articles: those whose path matches the profile's `article_patterns`
(and no `exclude_patterns`). When the user points the crawl at a site with `--start-url`, the
profile may not know its URL shapes, so a listing where the patterns match nothing falls back to
the *generic rule* (`generic_listing_links`). A link is an article when it is
  - on an allowed host, and not the listing itself, a pagination link, or an excluded page
    (taxonomy, tag, agenda, author, feed, login, search, contact, account pages: see
    `scraper.linkrules`);
  - outside page furniture (`nav`, `header`, `footer`, `aside`, menus, breadcrumbs, pagination);
  - and either inside a repeated card (an element whose tag and class occur at least twice in the
    listing) that holds a heading or whose link text is a few words long, or its URL looks like
    an article below the listing's folder (a hyphenated slug, a date in the path, `.html`/`.php`
    page, an `id`-like query parameter).
With `--start-url`, sitemap, feed and WordPress API entries on the start hosts are articles unless
the same exclusions say they are listings, pagination or taxonomy pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.errors import ProfileError
from scraper.linkrules import DATED_PATH, ID_PARAMS, class_names, is_excluded, slug_like
from scraper.pageindex import PageIndex, anchors_under, first_under
from scraper.pagination import PAGE_PATH, is_page_control, is_pagination, link_url, next_page
from scraper.sightings import Sighting
from scraper.sites import SiteProfile
from scraper.text import normalize_text
from scraper.urls import allowed_hosts_of, canonical_url, is_allowed_host

_DAY_FIRST = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
#: an anchor's link is judged at most this many times (anchors repeating one link in one chain
#: of nested elements would otherwise cost the page's size times its depth)
MAX_TRIES_PER_LINK = 3
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: link texts of this many words at most (and at least two) read as an article title
MAX_TITLE_WORDS = 25


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
    #: the start URLs came from the user (--start-url): an unknown site may need the generic rule
    generic_fallback: bool = False
    #: the profile allows private, loopback and link-local addresses (an intranet site)
    allow_private: bool = False
    #: the `sitemaps`, `feeds` and `wp_json` paths the site's own profile names; the others (the
    #: generic base's) are guesses, probed: a 404 there is remembered, not a warning
    declared_sources: frozenset[str] = frozenset()

    def is_probed(self, path: str) -> bool:
        """True when the source at `path` (as the profile writes it) is a guess, not declared."""
        return self.generic_fallback or path not in self.declared_sources

    def is_article(self, url: str) -> bool:
        """True when `url`'s path matches an article pattern and no exclusion."""
        path = urlsplit(url).path
        return any(p.search(path) for p in self.article_patterns) and not any(
            p.search(path) for p in self.exclude_patterns
        )

    def may_be_article(self, url: str) -> bool:
        """`is_article`; with `--start-url`, any page on the start hosts the generic rule does not
        exclude (a start listing, pagination, taxonomy, date archive, feed or home page)."""
        if not self.generic_fallback:
            return self.is_article(url)
        if not is_allowed_host(url, self.hosts) or is_excluded(url, self.exclude_patterns):
            return False
        if self.is_article(url):
            return True
        starts = self.all_start_urls()
        return urlsplit(url).path != "/" and not any(
            is_listing_variant(url, s) or is_pagination(url, s) for s in starts
        )

    def all_start_urls(self) -> list[str]:
        return [u for urls in self.start_urls.values() for u in urls]


def crawl_profile(profile: SiteProfile, *, start_urls: list[str] | None = None) -> CrawlProfile:
    """Read and check `profile.crawl`; `start_urls` (from `--start-url`) replace the profile's,
    and their hosts become the allowed hosts. A profile that cannot work raises `ProfileError`."""
    table: dict[str, Any] = profile.crawl
    where = f"site profile {profile.source or profile.key}, [crawl]"
    patterns = _patterns(table.get("article_patterns"), f"{where} article_patterns")
    if not patterns and not start_urls:
        raise ProfileError(f"{where} has no article_patterns: no link could ever be an article")
    if start_urls:
        starts = {"": _canonical_starts(start_urls, "--start-url")}
        hosts = allowed_hosts_of(starts[""])
    else:
        raw = table.get("start_urls") or {}
        if not isinstance(raw, dict) or not raw:
            raise ProfileError(f"{where} has no start_urls table (language = [listing URLs])")
        starts = {
            lang: _canonical_starts(
                _strings(v, f"{where} start_urls.{lang}"), f"{where} start_urls.{lang}"
            )
            for lang, v in raw.items()
        }
        hosts = profile.hosts
    bad = [u for urls in starts.values() for u in urls if not is_allowed_host(u, hosts)]
    if bad or not hosts:
        raise ProfileError(
            f"{where}: start URLs {bad or ''} are not on the allowed hosts {sorted(hosts)}"
        )
    recheck = table.get("recheck") or {}
    if not isinstance(recheck, dict):
        raise ProfileError(f"{where} recheck must be a table")
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
        wp_json=_strings(table["wp_json"], f"{where} wp_json")[0] if table.get("wp_json") else None,
        recheck=RecheckPolicy(
            recent_days=_count(recheck, "recent_days", RecheckPolicy.recent_days, where),
            older_every_days=_count(
                recheck, "older_every_days", RecheckPolicy.older_every_days, where
            ),
        ),
        max_listing_pages=_count(table, "max_listing_pages", CrawlProfile.max_listing_pages, where),
        hosts=frozenset(hosts),
        allow_private=_flag(table, "allow_private", where),
        generic_fallback=bool(start_urls),
        declared_sources=profile.declared_sources,
    )


def generic_article_url(url: str) -> bool:
    """True when `url` alone looks like an article by the generic rule (no listing to read, as in
    a WARC import read with the generic base): not the home page nor an excluded page (taxonomy,
    feed, search, contact, date archive...), and a slug-like last segment (a hyphenated slug, a
    dated path, `.html`, a numeric id, an id parameter)."""
    return urlsplit(url).path not in ("", "/") and not is_excluded(url) and slug_like(url)


def _canonical_starts(urls: list[str] | tuple[str, ...], where: str) -> tuple[str, ...]:
    starts = []
    for url in urls:
        canonical = canonical_url(url)
        if canonical is None:
            raise ProfileError(f"{where}: {url!r} is not an http(s) URL a browser would open")
        starts.append(canonical)
    return tuple(starts)


def _count(table: dict[str, Any], key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProfileError(f"{where} {key} must be a whole number ≥ 0, not {value!r}")
    return value


def _flag(table: dict[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ProfileError(f"{where} {key} must be true or false, not {value!r}")
    return value


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
    #: the profile's patterns matched no link and the generic rule chose the sightings
    generic: bool = False
    #: RSS and Atom feeds the page declares (`<link rel="alternate" type=…>`) on allowed hosts
    feeds: tuple[str, ...] = ()


#: The media types of a `<link rel="alternate">` that declares a feed of the page's articles.
FEED_LINK_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})


def linked_feeds(soup: BeautifulSoup, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The RSS and Atom feeds `soup` declares with `<link rel="alternate" type=… href=…>` on
    `hosts` (a declared source of articles, DECISIONS.md), in page order, once each."""
    found: dict[str, None] = {}
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or ()
        rels = rel.split() if isinstance(rel, str) else rel
        media = str(link.get("type") or "").split(";", 1)[0].strip().lower()
        if "alternate" in (r.lower() for r in rels) and media in FEED_LINK_TYPES:
            feed = canonical_url(str(link["href"]), url)
            if feed is not None and is_allowed_host(feed, hosts):
                found.setdefault(feed, None)
    return tuple(found)


def parse_listing(html: str | bytes | BeautifulSoup, url: str, crawl: CrawlProfile) -> ListingPage:
    """Article cards (URL, title, date) of a listing page, the URL of the next listing page and
    the feeds the page links with `rel="alternate"`.

    `html` is the page, or its tree when already parsed (in either of BeautifulSoup's forms of
    `class`: split into lists, or kept as strings like the extractor's); it is read, not changed.
    """
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    next_url = next_page(soup, url, selectors=crawl.next_selectors, hosts=crawl.hosts)
    sightings, generic = _listing_sightings(soup, url, crawl, next_url=next_url)
    feeds = linked_feeds(soup, url, crawl.hosts)
    return ListingPage(url, sightings, next_url, generic=generic, feeds=feeds)


def _listing_sightings(
    soup: BeautifulSoup,
    url: str,
    crawl: CrawlProfile,
    *,
    next_url: str | None,
    dated: bool = True,
) -> tuple[list[Sighting], bool]:
    """`parse_listing`'s sightings, and whether the generic rule chose them; `next_url` is the
    next page's URL, which the generic rule leaves out (None: left in, for the caller to drop);
    `dated=False`: the cards' dates are not read (the listing check needs none)."""
    index = PageIndex(soup)  # every per-element question answered in linear time
    anchors = [(a, link_url(a, url)) for a in anchors_under(soup)]
    articles = [(a, link) for a, href in anchors if (link := _article_url(href, crawl))]
    found: dict[str, Sighting] = {}
    if articles:  # else no card holds an article link: the cards need not be looked for
        index.index_first_links(articles)
        for card in soup.select(crawl.card_selector):
            if crawl.generic_fallback and index.in_furniture(card):
                continue  # a user's site: a menu entry the patterns happen to match is no article
            link = index.first_link(card)
            if link and (link not in found or found[link].title is None):
                small = index.is_small(card)  # a whole section is no card: no title or date in it
                found[link] = Sighting(
                    url=link,
                    source="listing",
                    title=_card_title(card, crawl) if small else None,
                    published=_card_date(card, crawl) if small and dated else None,
                )
    for anchor, link in articles:
        if crawl.generic_fallback and index.in_furniture(anchor):
            continue
        if link not in found:
            found[link] = Sighting(url=link, source="listing", title=_clean(anchor.get_text()))
    if found or not crawl.generic_fallback:
        return list(found.values()), False
    links = {id(a): link for a, link in anchors}
    generic = _generic_links(soup, url, crawl, index, links, dated=dated)
    if next_url is not None:
        generic.pop(next_url, None)
    return list(generic.values()), bool(generic)


def _article_url(link: str | None, crawl: CrawlProfile) -> str | None:
    if not link or not is_allowed_host(link, crawl.hosts) or not crawl.is_article(link):
        return None
    # a user's site (--start-url): a date archive or tag page the patterns happen to match is none
    return None if crawl.generic_fallback and is_excluded(link) else link


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


# -- the generic rule (see the module docstring; the link rules live in scraper.linkrules)


def is_listing_variant(url: str, listing: str) -> bool:
    """True when `url` is the listing's own path (filtered, sorted or numbered differently) and
    names no single article with an id parameter."""
    parts, base = urlsplit(url), urlsplit(listing)
    if parts.netloc != base.netloc or parts.path.rstrip("/") != base.path.rstrip("/"):
        return False
    return not {k.lower() for k, v in parse_qsl(parts.query) if v} & ID_PARAMS


def looks_like_article(url: str, listing: str) -> bool:
    """True when `url` sits below the listing's folder and its shape says "one article": a
    hyphenated slug, a date in the path, an `.html`/`.php` page or an id parameter."""
    parts = urlsplit(url)
    folder = PAGE_PATH.sub("/", urlsplit(listing).path).rsplit("/", 1)[0] + "/"
    if not parts.path.startswith(folder):
        return False
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    query = {k.lower() for k, v in parse_qsl(parts.query) if v}
    return (
        bool(DATED_PATH.search(parts.path[len(folder) - 1 :]) and last)
        or ("-" in last and len(last) > 3)
        or last.endswith((".html", ".htm"))
        and not last.startswith("index.")
        or bool(query & ID_PARAMS)
    )


def generic_listing_links(
    soup: BeautifulSoup,
    url: str,
    crawl: CrawlProfile,
    *,
    next_url: str | None = None,
    index: PageIndex | None = None,
) -> list[Sighting]:
    """Article sightings of a listing whose URL shapes the profile does not know (the generic
    rule), the next page's (`next_url`) left out; linear in the page's size (`PageIndex`)."""
    index = index or PageIndex(soup)
    links = {id(a): link_url(a, url) for a in anchors_under(soup)}
    found = _generic_links(soup, url, crawl, index, links)
    if next_url is not None:
        found.pop(next_url, None)
    return list(found.values())


def _generic_links(
    soup: BeautifulSoup,
    url: str,
    crawl: CrawlProfile,
    index: PageIndex,
    links: dict[int, str | None],
    *,
    dated: bool = True,
) -> dict[str, Sighting]:
    """`generic_listing_links` by URL, the next page's included: each link is judged on its own
    anchors alone, so leaving one out afterwards leaves the others as they were. `links`: the
    URL of each `<a href>` (`link_url`), by the anchor's identity."""

    def counted(anchor: Tag) -> str | None:
        target = links.get(id(anchor))
        return target if target and not is_excluded(target) else None

    index.index_targets(counted)
    repeated = _repeated_signatures(index)
    found: dict[str, Sighting] = {}
    tries: dict[str, int] = {}
    for anchor in anchors_under(soup):
        link = links[id(anchor)]
        if (
            link is None
            or link in found
            or tries.get(link, 0) >= MAX_TRIES_PER_LINK
            or not crawl.may_be_article(link)
            or is_pagination(link, url)
            or is_listing_variant(link, url)
            or index.in_furniture(anchor)
            or is_page_control(anchor.get_text(" "), link)
        ):
            continue
        tries[link] = tries.get(link, 0) + 1
        card = _card_of(anchor, link, index, repeated)
        heading = None
        texts = [_clean(anchor.get_text(" ")) or ""]
        if card is not None:
            heading = card if card.name in _HEADINGS else first_under(card, _HEADINGS)
            same = [a for a in anchors_under(card) if links.get(id(a)) == link]
            texts += [_clean(a.get_text(" ")) or "" for a in same]
        text = max(texts, key=len)
        title_like = 2 <= len(text.split()) <= MAX_TITLE_WORDS
        if (card is not None and (heading is not None or title_like)) or looks_like_article(
            link, url
        ):
            title = _clean(heading.get_text(" ")) if heading is not None else None
            found[link] = Sighting(
                url=link,
                source="listing",
                title=title or (text if title_like else None),
                published=_card_date(card, crawl) if card is not None and dated else None,
            )
    return found


def _signature(node: Tag) -> tuple[str, str]:
    return node.name, " ".join(sorted(class_names(node)))


def _repeated_signatures(index: PageIndex) -> set[tuple[str, str]]:
    """Tag and class pairs of elements holding a link that occur twice or more in the page."""
    counts: dict[tuple[str, str], int] = {}
    for node in index.elements:
        if node.name in ("html", "body", "main") or not index.holds_link(node):
            continue
        key = _signature(node)
        counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 2}


def _card_of(
    anchor: Tag, link: str, index: PageIndex, repeated: set[tuple[str, str]]
) -> Tag | None:
    """The largest small repeated element around `anchor` whose only (non-excluded) link target
    is `link`."""
    # a link wrapping a whole card (`<a class="card"><h2>…</h2></a>`) is its own card
    repeated_card = (
        _signature(anchor) in repeated
        and index.is_small(anchor)
        and first_under(anchor, _HEADINGS) is not None
    )
    card = anchor if repeated_card else None
    for node in anchor.parents:
        if node.name in ("body", "html", "main", "[document]") or not index.is_small(node):
            break
        target = index.single_target(node)
        if target is not None and target != link:
            break
        if _signature(node) in repeated:
            card = node
    return card


def _clean(text: str) -> str | None:
    return normalize_text(text) or None


def same_card_title(card_title: str | None, archived_title: str | None) -> bool:
    """True when a listing card's title says the same as the archived title (spacing, case aside)."""
    if card_title is None:
        return True
    a, b = _clean(card_title), _clean(archived_title or "")
    return (a or "").casefold() == (b or "").casefold()


#: a page linking to at least this many article cards…
MIN_LISTING_CARDS = 3
#: …with fewer characters of its own text than this (the cards' titles aside) is a listing
MAX_LISTING_OWN_TEXT = 300
#: a body longer than this is an article's whatever cards surround it (500 card titles of 40
#: characters would not fill it)
MAX_LISTING_BODY = 20_000


def is_listing_page(
    html: str | bytes | BeautifulSoup, url: str, crawl: CrawlProfile, body: str | None
) -> bool:
    """True when a fetched page is a listing, not an article: its main content is repeated cards
    (at least `MIN_LISTING_CARDS`) and, their titles aside, its extracted `body` is about empty.

    `html` is the page or its tree (the extractor's, so that the page is parsed once)."""
    if len(body or "") > MAX_LISTING_BODY:
        return False  # a long text of its own: an article, whatever it links to (and no parse)
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    sightings, generic = _listing_sightings(soup, url, crawl, next_url=None, dated=False)
    cards = [s for s in sightings if s.url != url]
    if len(cards) < MIN_LISTING_CARDS:
        return False  # leaving the next page out could only lower the count: it need not be found
    if generic:  # the generic rule leaves the next page out (`parse_listing`)
        next_url = next_page(soup, url, selectors=crawl.next_selectors, hosts=crawl.hosts)
        cards = [s for s in cards if s.url != next_url]
        if len(cards) < MIN_LISTING_CARDS:
            return False
    own = body or ""
    for card in cards:
        if card.title:
            own = own.replace(card.title, "")
    return len(" ".join(own.split())) < MAX_LISTING_OWN_TEXT
