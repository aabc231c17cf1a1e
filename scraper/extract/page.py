"""The parsed page and what every field extractor shares: soup, signals, content blocks, cards."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag

from scraper.extract.blocks import Block
from scraper.extract.cards import Card, url_key
from scraper.extract.config import ExtractConfig, phone_region
from scraper.extract.selectors import Matches, class_string
from scraper.extract.structured import PageSignals
from scraper.extract.treewalk import (
    all_strings_in,
    first_named,
    is_at_or_inside,
    is_inside,
    links_in,
    spaced_text,
    tags_below,
    text_longer_than,
)
from scraper.linkrules import is_article_link
from scraper.text import fold, normalize_text
from scraper.urls import host_of, resolve_href

#: How far above a label its card may reach (a teaser is a few wrappers deep).
CARD_LABEL_DEPTH = 3
#: A teaser is short: a wrapper with more text than this is a page section, not a card.
CARD_MAX_CHARS = 400
#: Links looked at per wrapper: a label's card holds a few, a page section many.
CARD_LINKS_LOOKED_AT = 8
#: Elements whose content belongs to the whole site, not to the article.
SITE_CHROME = frozenset(("nav", "footer", "aside"))
_UNSET = object()
#: A page has one standfirst, at most split in a few paragraphs: a lead selector matching more
#: elements than this names a typographic class (`[class*=lead]` on Tailwind's `leading-160`,
#: set on every paragraph and on the headline), not the standfirst.
MAX_LEAD_MATCHES = 3
#: Elements that hold a picture's caption: a lead selector matching one ("figure.lead-image")
#: names the article's lead picture, never its standfirst.
_FIGURE_TAGS = frozenset(("figure", "figcaption"))
_PICTURE_TAGS = ("img", "picture")
#: Class or id words of the site's own header (banner), as opposed to a page's header.
_SITE_HEADER_WORDS = ("site", "masthead", "banner", "global", "topbar", "navbar")
#: Class words of an element printing a page's headline without a heading tag
#: (`<div class="article-title">`, `<div class="headline">`).
_HEADLINE_CLASS_WORDS = ("title", "headline")
#: A headline is a line: an element printing the title holds no more text than this.
MAX_HEADLINE_CHARS = 300
#: A breadcrumb trail is a few levels deep; a navigation with more links is a menu.
MAX_CRUMBS = 6
#: Separators only a trail uses ("Home › News"); "/" and ">" also part a menu ("EN / FR").
_CRUMB_SEPARATORS = ("›", "»", "→")
#: A language tag with a region ("fr-CA", "en_US"; "es-419" names no country): the region.
#: Country-code domains sold worldwide as generic ones (`.io`, `.tv`): they name no country.
_GENERIC_COUNTRY_DOMAINS = frozenset(
    ("io", "co", "me", "tv", "ai", "fm", "ly", "to", "cc", "ws", "gg", "la", "am", "sh", "ac", "tk")
)
_LANGUAGE_REGION = re.compile(r"^\s*[a-z]{2,3}[-_]([a-z]{2})\b", re.IGNORECASE)


#: Site-name patterns remembered, by (profile names, host): one per site of a crawl.
SITE_NAME_PATTERNS = 256


@lru_cache(maxsize=SITE_NAME_PATTERNS)
def _site_name_pattern(site_names: tuple[str, ...], host: str) -> re.Pattern[str]:
    """The pattern `Page.names_site` matches: any of `site_names` or the folded `host` ("" for
    none), as whole words at the start. Built once per site, not once per page: escaping and
    joining the names and compiling the alternation cost about a fifth of a bare parse of a
    1 KB page."""
    names = set(site_names)
    if host:
        names.add(host)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    return re.compile(rf"^(?:{alternatives})(?![\w-])") if alternatives else re.compile(r"(?!)")


def resolve_base(url: str, base_href: str | None) -> str:
    """`url`, or the page's `<base href>` resolved against it."""
    return (resolve_href(url, base_href) or url) if base_href else url


#: A headline is looked for in the page's text only when it has at least this many words: a
#: shorter one ("News", "Home") is also a menu's or a section's name.
SHOWN_HEADLINE_WORDS = 3


@dataclass
class Page:
    """Everything read from one page, passed to each `extract_<field>` function."""

    url: str
    soup: BeautifulSoup
    config: ExtractConfig
    signals: PageSignals
    root: Tag | None
    root_from_profile: bool
    blocks: list[Block]
    cards: list[Card]
    related_sections: list[Tag]
    matches: Matches = field(default_factory=Matches)
    contact_containers: list[Tag] = field(default_factory=list)
    #: lines around the headline, read once for both dates
    zone_lines: list[str] | None = None
    #: how many of `zone_lines` come from around the headline (the rest: the end of the text)
    zone_head: int = 0
    #: how many of `zone_lines` come before the first headline (behind it, in reading order)
    zone_behind: int = 0
    #: whether each of `zone_lines` holds a digit (every date does): found once, by
    #: `published.zone_digits`, for the labelled dates of both kinds
    zone_digits: list[bool] | None = None
    #: whether the page writes slash dates month first (found once, by `published.month_first`)
    month_first: bool | None = None
    #: the date the text by the headline gives, by kind ("published", "modified"): found once
    #: by `published._from_text`, which the dates, their check and the UTC stamps all ask
    text_dates: dict[str, dt.date | None] = field(default_factory=dict)
    #: the lines of the values of facts that are no date of the page (`published._fact_values`)
    fact_values: frozenset[str] | None = None
    #: whether `zone_lines` may hold a date label of each kind ("published", "modified"): found
    #: once by `published.zone_has_label`; without one, no line of the zone is a labelled date
    zone_labels: dict[str, bool] = field(default_factory=dict)
    #: the article's `<time>`s, nearest the headline first: found once by
    #: `published._article_times`, for both dates (None: not yet)
    article_times: list[Tag] | None = None
    #: the names the page gives its site (`title._shown_site_names`): found once, for the titles
    #: and each text asked whether it names the site (None: not yet)
    shown_site_names: set[str] | None = None
    #: comparison keys of the site's section names the page gives (`title._section_names`):
    #: found once for the three titles (None: not yet)
    section_names: set[str] | None = None
    #: the full names the page gives as its article's author (`contact_blocks.author_names`):
    #: found once, for the contact groups and the body's author bio (None: not yet)
    author_names: set[str] | None = None
    #: whether each element holds the site's copyright line, by `id()`
    #: (`contact_blocks._in_site_footer`): read once per element, not once per channel in it
    copyright_boxes: dict[int, bool] = field(default_factory=dict)
    #: whether each element's first line is an ad label of its own, by `id()`
    #: (`body.in_sponsor_box`): read once per element, not once per block under it
    ad_label_heads: dict[int, bool] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: the element holding the most running text of its own and its size
    #: (`blocks.dominant_block`): what the body falls back on when the root loses the text
    dominant: tuple[Tag | None, int] = (None, 0)
    #: the element printing the headline when no `<h1>` does (found by `title.extract_title`)
    headline: Tag | None = None
    #: the decoded page the tree was parsed from (None: not known)
    text: str | None = None
    #: the plain text nodes of `soup` holding an "@", in document order, when the parse listed
    #: them (None: walk the tree)
    at_strings: list[NavigableString] | None = None
    #: the plain text nodes of `soup` holding a "/", in document order, when the parse listed
    #: them (None: walk the tree)
    slash_strings: list[NavigableString] | None = None
    #: the plain text nodes of `soup` holding an "@" or, at most `tree.SHORT_LINE_CHARS` long,
    #: a digit, in document order, when the parse listed them (None: walk the tree)
    channel_strings: list[NavigableString] | None = None
    #: the cookie/consent banners opening the page (`blocks.consent_banners`): site furniture
    consent_banners: list[Tag] = field(default_factory=list)
    _scope: object = field(default=None, init=False, repr=False)
    _site_name: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _phone_regions: tuple[str, ...] | None = field(default=None, init=False, repr=False)
    _other_links: dict[int, list[Tag]] = field(default_factory=dict, init=False, repr=False)
    _card_bounds: dict[int, bool] = field(default_factory=dict, init=False, repr=False)
    _chrome: dict[int, bool] = field(default_factory=dict, init=False, repr=False)
    _related: dict[int, bool] = field(default_factory=dict, init=False, repr=False)
    _folded: dict[int, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._scope = _UNSET

    @property
    def base(self) -> str:
        """The URL relative links resolve against (`<base href>` when the page has one)."""
        return resolve_base(self.url, self.signals.base_href)

    def matched(self, role: str, within: Tag | None = None) -> list[Tag]:
        """Elements the profile's `role` selectors match (by selector priority), optionally only
        inside `within`."""
        if not self.matches.found.get(role):
            return []  # most roles match nothing on most pages: no sort, no filter
        tags = self.matches.in_selector_order(role)
        if within is None:
            return tags
        return [t for t in tags if is_at_or_inside(t, within)]

    def standfirsts(self, within: Tag | None = None) -> list[Tag]:
        """Elements the profile's lead selectors match, like `matched("lead", within)`, without
        the selectors that match more elements than a standfirst has paragraphs."""
        found = self.matches.found.get("lead", ())
        sizes: dict[int, int] = {}
        for order, _ in found:
            sizes[order] = sizes.get(order, 0) + 1
        wide = {order for order, size in sizes.items() if size > MAX_LEAD_MATCHES}
        if not wide:
            return [t for t in self.matched("lead", within) if not _picture_box(t)]
        kept = Matches(found={"lead": [(o, t) for o, t in found if o not in wide]})
        tags = [t for t in kept.in_selector_order("lead") if not _picture_box(t)]
        if within is None:
            return tags
        return [t for t in tags if is_at_or_inside(t, within)]

    def headline_element(self) -> Tag | None:
        """The article's headline element: the one `title.extract_title` kept when no `<h1>`
        prints the headline (`headline`: the `<h2>` under a slogan `<h1>`, an old layout's
        line), else the first `<h1>`; None on a page with neither. The rules reading around
        the headline (a section link above it, the zone's lines) start there."""
        if self.headline is not None:
            return self.headline
        return self.signals.h1s[0] if self.signals.h1s else None

    def keep_titled_element(self, title: str | None) -> None:
        """Keep as `headline` the element printing `title` when the first `<h1>` does not and
        no headline is kept yet: a later `<h1>` printing it (the first is the site's slogan or
        name), else, on a page without `<h1>`, the first element classed as a title
        (`_HEADLINE_CLASS_WORDS`: `<div class="article-title">`) whose text is `title`, outside
        the site's chrome and the related lists. The rules reading around the headline (a
        section link above it) start there."""
        if title is None or self.headline is not None:
            return
        wanted = fold(title)
        h1s = self.signals.h1s
        if h1s:
            if self.folded_text(h1s[0]).endswith(wanted):
                return  # most pages: the first `<h1>` prints the headline (after a kicker)
            self.headline = next((h for h in h1s[1:] if self.folded_text(h).endswith(wanted)), None)
            return
        body = first_named(self.soup, "body") or self.soup  # `soup.body`, without its matcher
        # every element, not bs4's `find_all(class_=True)` (its matcher asked of each): one
        # without a class reads as "" here, which holds no word of the list
        for tag in tags_below(body):
            names = class_string(tag).lower()
            if not any(w in names for w in _HEADLINE_CLASS_WORDS):
                continue
            if text_longer_than(tag, MAX_HEADLINE_CHARS):
                continue
            if fold(normalize_text(tag.get_text(" "))) != wanted:
                continue
            if self.in_site_chrome(tag) or self.in_related(tag):
                continue
            self.headline = tag
            return

    def folded_text(self, tag: Tag) -> str:
        """The comparison key of `tag`'s text (`fold` of its normalised `get_text(" ")`), read
        once per element and page: the title, the headline kept and the date lines' readers
        each ask it of the `<h1>`s (nothing changes the tree while the page is read)."""
        known = self._folded.get(id(tag))
        if known is None:
            known = self._folded[id(tag)] = fold(normalize_text(spaced_text(tag)))
        return known

    def names_site(self, text: str) -> bool:
        """True when `text` opens with the site's own name (a profile's `site_names`, or the
        page's host) as whole words: "hub.brussels · info@…", not "Hubert Martin"."""
        if self._site_name is None:
            host = host_of(self.url).removeprefix("www.")
            self._site_name = _site_name_pattern(self.config.site_names, fold(host) if host else "")
        return self._site_name.match(fold(text)) is not None

    def in_card(self, tag: Tag) -> bool:
        """True when `tag` sits in a card of another article: within `CARD_LABEL_DEPTH` levels
        above it, an element holds a link to another article of the site (a teaser's sector
        label beside its link is the teaser's, never the page's)."""
        for depth, parent in enumerate(tag.parents):
            if depth >= CARD_LABEL_DEPTH or self._card_bound(parent):
                return False
            for link in self.other_article_links(parent):
                if link is tag or any(p is tag for p in link.parents):
                    continue  # the label's own link (to its sector's page) is no card's title
                return True
        return False

    def _card_bound(self, element: Tag) -> bool:
        """True when no card of another article can reach `element` (the page's frame or
        article, a section longer than a teaser, the article's own header); worked out once per
        element and page (the labels of one region share their ancestors)."""
        bound = self._card_bounds.get(id(element))
        if bound is None:
            bound = self._card_bounds[id(element)] = (
                element.name in ("body", "html", "[document]", "article", "main")
                or text_longer_than(element, CARD_MAX_CHARS)
                or _holds_headline(element, self.signals.h1s)
            )
        return bound

    def other_article_links(self, element: Tag) -> list[Tag]:
        """Of the first `CARD_LINKS_LOOKED_AT` `<a href>` below `element`, those leading to
        another article of the site (not this page); worked out once per element and page."""
        found = self._other_links.get(id(element))
        if found is None:
            own = url_key(self.url)
            found = []
            for link in links_in(element, CARD_LINKS_LOOKED_AT):
                url = resolve_href(self.base, str(link["href"]))
                if (
                    url is not None
                    and url_key(url) != own
                    and is_article_link(url, self.url, self.config.hosts)
                ):
                    found.append(link)
            self._other_links[id(element)] = found
        return found

    def element_printing(self, headline: str) -> Tag | None:
        """The element whose whole text is `headline` (a `<div class=chamada>` printed as the
        headline, no `<h1>`): not one in the site's frame or a list of other articles. None for
        a headline of fewer than `SHOWN_HEADLINE_WORDS` words."""
        if len(headline.split()) < SHOWN_HEADLINE_WORDS:
            return None
        wanted, first_word = fold(headline), headline.split()[0]
        # the element's first string holds the headline's first word (as it is written); a
        # plain walk, as `find_all(string=…)` without bs4's matcher asked of each node
        for string in all_strings_in(self.soup):
            if type(string) is not NavigableString or first_word not in string:
                continue
            parent = string.parent
            if (
                isinstance(parent, Tag)
                and parent.name not in ("title", "a", "script", "style")
                and fold(normalize_text(parent.get_text(" "))) == wanted
                and not self.in_site_chrome(parent)
                and not self.in_related(parent)
            ):
                return parent
        return None

    def in_related(self, tag: Tag) -> bool:
        """True when `tag` sits inside a list of other articles' cards; worked out once per
        element and page (each ancestor is looked up in each list, by identity)."""
        if not self.related_sections:
            return False
        known = self._related.get(id(tag))
        if known is None:
            known = self._related[id(tag)] = any(
                is_at_or_inside(tag, section) for section in self.related_sections
            )
        return known

    @property
    def phone_regions(self) -> tuple[str, ...]:
        """The regions a phone number written without country code is read in, in order
        (`contacts.Regions`): the profile's `phone_region` alone when it sets one; else the region
        the page declares with its language (`<html lang="fr-CA">`, `og:locale` `en_US`,
        `Content-Language`) or its host's country domain (`.ca`), then the profile's
        `fallback_phone_region` (a CMS's default `en-US` on a Belgian page still reads "02 …").
        A contact's own address may name another first (`contacts.region_of_address`)."""
        if self._phone_regions is None:
            config = self.config
            if config.phone_region:
                self._phone_regions = (config.phone_region,)
            else:
                found = (self._declared_region(), config.fallback_phone_region)
                self._phone_regions = tuple(dict.fromkeys(r for r in found if r))
        return self._phone_regions

    def _declared_region(self) -> str | None:
        signals = self.signals
        for value in (
            signals.html_lang,
            signals.first_meta("og:locale", "content-language", "language", "dc.language"),
        ):
            match = _LANGUAGE_REGION.match(value or "")
            region = phone_region(match.group(1)) if match else None
            if region:
                return region
        suffix = host_of(self.url).rpartition(".")[2].lower()
        if len(suffix) == 2 and suffix not in _GENERIC_COUNTRY_DOMAINS:
            return phone_region("GB" if suffix == "uk" else suffix)
        return None

    def in_site_chrome(self, tag: Tag) -> bool:
        """True inside the site-wide header, footer, navigation or a sidebar (not the article's own
        `<header>`); worked out once per element and page (the title, the sector and the dates
        each ask it of the headline, a walk up to the root each time)."""
        known = self._chrome.get(id(tag))
        if known is None:
            known = self._chrome[id(tag)] = self._read_site_chrome(tag)
        return known

    def _read_site_chrome(self, tag: Tag) -> bool:
        parents = list(tag.parents)
        banners = {id(b) for b in self.consent_banners}
        if banners and any(id(p) in banners for p in (tag, *parents)):
            return True  # a cookie banner opening the page is the site's, as its header
        in_article = any(p.name in ("article", "main") for p in parents)
        for parent in parents:
            name = parent.name
            if name in SITE_CHROME and not (name in ("aside", "footer") and in_article):
                return True
            if name == "header" and not in_article:
                return True
            if parent.get("role") in ("navigation", "contentinfo", "banner"):
                return True
        return False

    def is_site_banner(self, tag: Tag) -> bool:
        """True when `tag` is the site's banner: a `<header>` outside the article that names
        itself the site's (topbar, masthead…) or holds the site's menu (a `<nav>` or a list of
        links that is no breadcrumb trail), or an element of the banner role. What it lists
        (the site's sections: "News", "Events") is never the article's."""
        if tag.get("role") == "banner":
            return True
        if tag.name != "header" or any(p.name in ("article", "main") for p in tag.parents):
            return False
        ident = f"{tag.get('id') or ''} {class_string(tag)}".lower()
        if any(w in ident for w in _SITE_HEADER_WORDS):
            return True
        for menu in tag.find_all(("nav", "ul")):
            items = menu.find_all("li") if menu.name == "ul" else [menu]
            if items and all(li.find("a") for li in items) and not self.is_breadcrumb(menu):
                return True
        return False

    def in_page_header(self, tag: Tag) -> bool:
        """True inside a `<header>` outside the article that introduces this page (headline,
        sector, date), not the site's banner: no navigation in it, no site/masthead class."""
        header = None
        for parent in tag.parents:
            if parent.name in SITE_CHROME or parent.get("role") in ("navigation", "banner"):
                return False
            if parent.name == "header":
                ident = f"{parent.get('id') or ''} {class_string(parent)}".lower()
                if any(w in ident for w in _SITE_HEADER_WORDS) or any(
                    not self.is_breadcrumb(nav) for nav in parent.find_all("nav")
                ):
                    return False
                header = parent
        return header is not None

    def is_breadcrumb(self, nav: Tag) -> bool:
        """A trail of a few links (the profile's breadcrumb selectors name it, or it says so
        with `›`-like separators or an ordered list), not the site's menu."""
        if len(nav.find_all("a", limit=MAX_CRUMBS + 1)) > MAX_CRUMBS:
            return False
        trails = self.matched("breadcrumb")
        if any(is_at_or_inside(t, nav) or is_inside(nav, t) for t in trails):
            return True
        if nav.name == "ol" or nav.find("ol") is not None:
            return True
        return any(sep in nav.get_text() for sep in _CRUMB_SEPARATORS)

    def in_site_frame(self, tag: Tag) -> bool:
        """True inside the site-wide header, footer or navigation (a sidebar is not the frame:
        articles put their contact there)."""
        parents = list(tag.parents)
        in_article = any(p.name in ("article", "main") for p in parents)
        for parent in [tag, *parents]:
            name = parent.name
            if name in ("nav", "footer") or (name == "header" and not in_article):
                return True
            if parent.get("role") in ("navigation", "contentinfo", "banner"):
                return True
            ident = f"{parent.get('id') or ''} {class_string(parent)}".lower()
            if "footer" in ident or "site-header" in ident or "masthead" in ident:
                return True
        return False

    def article_scope(self) -> Tag | None:
        """The element around the article's headline and text (its `<article>` or `<main>`);
        found once, asked for by several fields."""
        if self._scope is _UNSET:
            self._scope = self._find_article_scope()
        return self._scope  # type: ignore[return-value]

    def _find_article_scope(self) -> Tag | None:
        if self.root is None:
            return None
        for parent in [self.root, *self.root.parents]:
            if isinstance(parent, Tag) and parent.name in ("article", "main"):
                return parent
        # no <article>: the smallest element holding both the text and its headline
        headline = next((h for h in self.signals.h1s if not self.in_site_chrome(h)), None)
        if headline is None and not self.signals.h1s:
            # an old template without <h1>: its first <h2> outside the frame heads the article
            headline = next(
                (
                    h
                    for h in self.signals.headings[:8]
                    if h.name == "h2" and not self.in_site_chrome(h) and not self.in_related(h)
                ),
                None,
            )
        if headline is not None:
            for parent in headline.parents:
                if (
                    isinstance(parent, Tag)
                    and parent.name not in ("body", "html", "[document]")
                    and is_at_or_inside(self.root, parent)
                ):
                    return parent
        return self.root


def _holds_headline(element: Tag, h1s: list[Tag]) -> bool:
    """An element holding an `<h1>` that links nowhere is the article's own header (its sector
    label, headline and date), never a card: a card's heading is, or holds, its link. `h1s`: the
    page's `<h1>`s in document order (the first one below `element`, as `element.find("h1")`,
    without walking the element's whole subtree)."""
    h1 = next((h for h in h1s if any(p is element for p in h.parents)), None)
    return h1 is not None and h1.find("a") is None and h1.find_parent("a") is None


def _picture_box(tag: Tag) -> bool:
    """True when `tag` is a picture with its caption: a `<figure>` or `<figcaption>`, inside
    one or holding one, or an element opening with a picture (`<div class="lead-media"><img>
    <p>caption © Belga</p>`). Its text says what the picture shows: never a standfirst."""
    if tag.name in _FIGURE_TAGS or tag.find(_FIGURE_TAGS) is not None:
        return True
    if any(p.name in _FIGURE_TAGS for p in tag.parents):
        return True
    first = tag.find(True)
    return first is not None and (first.name in _PICTURE_TAGS or first.find("img") is not None)
