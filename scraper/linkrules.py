"""One place decides what a link is: an article of the site, or page furniture (navigation, menus,
share and social buttons, breadcrumbs, taxonomy, agenda, accounts). Discovery (listing links) and
extraction (related cards) ask the same questions here.

Pure: URLs and parsed elements in, booleans out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from bs4 import Tag

from scraper import lexicon

#: Paths that are never articles: taxonomy, agenda/events, feeds, accounts, search, forms, files (a
#: vCard, a calendar entry, a document). The path segments web software writes whatever the
#: site's language (WordPress's `tag`, `category`, `author`, `feed`, `page/N`, `wp-*`; feed
#: formats, account pages, `search`, `sitemap`) are conventions of the web and stay here; the
#: words a site names such pages with in its language ("rubrique", "evenementen", "vacatures",
#: "impressum", "privacy") are vocabulary (`furniture_path_words`).
EXCLUDED_PATHS = re.compile(
    r"/(tags?|category|categories|author|authors|feed|rss|atom|login|log-in|logout|signin|"
    r"sign-in|register|account|wp-login\.php|wp-admin|wp-json|search|page/\d+|sitemap|"
    rf"{lexicon.alternation('furniture_path_words')})(/|$|\.)"
    r"|\.(xml|rss|atom|json|pdf|jpe?g|png|gif|svg|webp|zip|css|js|vcf|ics|docx?|xlsx?|pptx?)$",
    re.IGNORECASE,
)
#: Query parameters that name one article (`/article.php?id=12`).
ID_PARAMS = frozenset(
    # an item's id on a script page ("NewsItem.aspx?NewsID=51"); not Joomla's "Itemid", a menu's
    {"id", "article", "articleid", "article_id", "post", "postid", "nid", "newsid", "story"}
    | {"storyid", "item", "contentid"}
)
_DATE_ARCHIVE = re.compile(r"/(19|20)\d{2}(/\d{1,2}){0,2}/?$")
DATED_PATH = re.compile(r"/(19|20)\d{2}(/|-)(0?[1-9]|1[0-2])?")
_DATE_SEGMENT = re.compile(r"^(19|20)\d{2}$|^\d{1,2}$")
#: Class or id words of navigation furniture: never an article link, in a listing or a page.
#: Class names are the markup's own words (the conventions of themes and CSS frameworks, written
#: the same whatever language the site's text is in): structure, not vocabulary; so `_FRAME`.
_NAVIGATION = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|crumbs|pagination|pager|skip-link|"
    r"share|sharing|sharer|social|tags|tag-list|taglist)([\s_-]|$)",
    re.IGNORECASE,
)
#: The site's frame: its own header and footer (a header or footer inside an `<article>` card
#: belongs to the card).
_FRAME = re.compile(
    # a word negated by its class ("wsite-not-footer", Weebly's content column) names the
    # opposite: the element is not the frame
    r"(^|[\s_-])(?<!not-)(?<!non-)(footer|header|site-info|colophon|masthead)([\s_-]|$)",
    re.IGNORECASE,
)
_SIDEBAR = re.compile(r"(^|[\s_-])(sidebar)([\s_-]|$)", re.IGNORECASE)
_FRAME_ROLES = frozenset(("navigation", "banner", "contentinfo"))
#: Hosts of share and social buttons: a link there is never one of the site's articles.
_HOMEPAGE_PATHS = frozenset(("", "/"))


@lru_cache(maxsize=8192)
def is_excluded(url: str, profile_excludes: tuple[re.Pattern[str], ...] = ()) -> bool:
    """True when `url` is a taxonomy, agenda, feed, account, search, contact or date-archive page,
    or a file."""
    path = urlsplit(url).path
    return bool(EXCLUDED_PATHS.search(path) or _DATE_ARCHIVE.search(path)) or any(
        p.search(path) for p in profile_excludes
    )


@lru_cache(maxsize=8192)
def slug_like(url: str) -> bool:
    """True when the URL's last path segment names one item: a hyphenated slug, a dated path,
    an `.html`/`.php` page, a numeric id, or an id query parameter."""
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    query = {k.lower() for k, v in parse_qsl(parts.query) if v}
    return (
        ("-" in last and len(last) > 3)
        or bool(DATED_PATH.search(parts.path) and last and not _DATE_SEGMENT.match(last))
        or (last.endswith((".html", ".htm", ".php")) and not last.startswith("index."))
        or (last.isdigit() and len(last) >= 3)
        or bool(query & ID_PARAMS)
    )


@lru_cache(maxsize=8192)
def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


@lru_cache(maxsize=8192)
def _depth(url: str) -> int:
    return len([s for s in urlsplit(url).path.split("/") if s])


#: Verdicts remembered: a page asks about the same link for its cards, its labels and their
#: teasers (a third of the calls on real pages are repeats).
ARTICLE_LINK_CACHE = 16_384


def is_article_link(url: str, page_url: str, hosts: frozenset[str] = frozenset()) -> bool:
    """True when `url`, linked from the page at `page_url`, leads to an article of the same site.

    Same site: the page's host (with or without `www.`) or one of `hosts`. Not the home page, not
    an excluded page (taxonomy, agenda, contact...), and slug-like (see `slug_like`). When the
    page's own URL is slug-like, the link must sit at the same path depth: articles of one site
    share a URL shape (`/fr/news/a-b/` beside `/fr/news/c-d/`), service pages such as
    `/nl/over-ons/` do not.
    """
    # the verdict reads of the page's URL only its host and depth: remembered per site and
    # depth, the menus and footers shared by a site's pages are judged once, not once a page
    return _is_site_article(url, _page_shape(page_url), hosts)


@lru_cache(maxsize=8192)
def _page_shape(page_url: str) -> tuple[str, int | None] | ValueError:
    """The page's host and, when its URL is slug-like, its path depth (what `is_article_link`
    reads of it); the error when it does not parse, raised where the host is first needed."""
    try:
        return _host(page_url), (_depth(page_url) if slug_like(page_url) else None)
    except ValueError as exc:
        return exc


@lru_cache(maxsize=ARTICLE_LINK_CACHE)
def _is_site_article(
    url: str, page: tuple[str, int | None] | ValueError, hosts: frozenset[str]
) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    if isinstance(page, ValueError):
        raise ValueError(*page.args)
    page_host, page_depth = page
    host = _host(url)
    if host != page_host and host not in {h.removeprefix("www.") for h in hosts}:
        return False
    if parts.path in _HOMEPAGE_PATHS or is_excluded(url) or not slug_like(url):
        return False
    return page_depth is None or _depth(url) == page_depth


#: A site's directory index page ("/posts/2026-05-21-micro-hubs/index.html", Quarto, Hugo):
#: the item is its directory. A script's path given as its query ("index.php?/archives/12-x.html",
#: Serendipity without URL rewriting): the item is the query's path.
_INDEX_PAGE = re.compile(r"/index\.(html?|php)$")


def listed_item_url(url: str) -> str:
    """`url` as the item it names when its path is a directory's index page or a script taking
    the item's path as its query (see `_INDEX_PAGE`); else `url` unchanged."""
    parts = urlsplit(url)
    if parts.query.startswith("/") and parts.path.endswith((".php", "/")):
        path = parts.path.rstrip("/") + parts.query.split("&", 1)[0]
        return parts._replace(path=path, query="").geturl()
    if _INDEX_PAGE.search(parts.path):
        return parts._replace(path=_INDEX_PAGE.sub("/", parts.path)).geturl()
    return url


def is_listed_article_link(url: str, page_url: str, hosts: frozenset[str] = frozenset()) -> bool:
    """`is_article_link` of the items the two URLs name (`listed_item_url`): a link of a list
    of other articles written as an index page or a script's query path. Asked only of links a
    heading already names as other articles (a related list), never in discovery."""
    item = listed_item_url(url)
    page = listed_item_url(page_url)
    if item == url and page == page_url:
        return False  # `is_article_link` has answered already
    return is_article_link(item, page, hosts)


#: A one-word slug shorter than this is no title's word but a placeholder, a language or a code
#: ("/nl/nieuws/x/", "/en/news/fr/"); the same bound as a hyphenated slug's (`slug_like`).
MIN_ONE_WORD_SLUG = 4


def is_one_word_link(url: str, page_url: str, hosts: frozenset[str] = frozenset()) -> bool:
    """True when `url` would be an article link of the page at `page_url` (`is_article_link`)
    but for its slug: a last segment that is one word (`/nl/nieuws/vietnam/` beside the page
    `/nl/nieuws/interview-india/`), at the page's own path depth. Such a URL may name a section
    as well as an article: only structure decides (a repeated card unit, a named section)."""
    page = _page_shape(page_url)
    if isinstance(page, ValueError) or page[1] is None:
        return False
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.query or slug_like(url):
        return False
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if not last.isalpha() or len(last) < MIN_ONE_WORD_SLUG:
        return False
    host = _host(url)
    if host != page[0] and host not in {h.removeprefix("www.") for h in hosts}:
        return False
    if parts.path in _HOMEPAGE_PATHS or is_excluded(url):
        return False
    return _depth(url) == page[1]


def class_names(node: Tag) -> list[str]:
    """The names in `node`'s `class`, in order, from either form of a BeautifulSoup tree: split
    into a list (the default) or kept as one string (the extractor's tree, parsed faster)."""
    classes = node.get("class")
    if classes is None:
        return []
    return [str(c) for c in classes] if isinstance(classes, list) else str(classes).split()


def _marks(node: Tag) -> str:
    classes = node.get("class")
    names = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    return f"{names} {node.get('id') or ''}".strip()


def is_furniture_node(node: Tag, *, inside_article: bool, listing: bool = False) -> bool:
    """True when `node` itself (its ancestors aside) is page furniture: `<nav>`, a frame role,
    menus, breadcrumbs, pagination, share and social buttons, tag lists, or the site's own header
    and footer when `node` is not inside an `<article>` (a card's header is the card's). On a
    `listing` page a sidebar (`<aside>`, class `sidebar`) is furniture too: only the main column
    lists articles. The one definition; `in_navigation`, `in_listing_furniture` and
    `scraper.pageindex.PageIndex` apply it to every ancestor."""
    if node.name == "nav" or node.get("role") in _FRAME_ROLES:
        return True
    marks = _marks(node)
    if marks and _NAVIGATION.search(marks):
        return True
    if (
        node.name in ("header", "footer") or (marks and _FRAME.search(marks))
    ) and not inside_article:
        return True
    return listing and (node.name == "aside" or bool(marks and _SIDEBAR.search(marks)))


def _in_furniture(tag: Tag, *, listing: bool) -> bool:
    chain = [tag, *tag.parents]
    # index of the nearest <article> above each node: a header or footer below one is a card's
    article_at = next((i for i, n in enumerate(chain) if n.name == "article"), -1)
    for i, node in enumerate(chain):
        if not isinstance(node, Tag) or node.name in ("body", "html", "[document]"):
            break
        if is_furniture_node(node, inside_article=i < article_at, listing=listing):
            return True
    return False


def in_navigation(tag: Tag) -> bool:
    """True inside navigation furniture (`is_furniture_node` of `tag` or an ancestor)."""
    return _in_furniture(tag, listing=False)


def in_listing_furniture(tag: Tag) -> bool:
    """`in_navigation`, or a sidebar: on a listing page, only the main column lists articles."""
    return _in_furniture(tag, listing=True)


class NavigationVerdicts:
    """`in_navigation` for many elements of one parsed page, each ancestor judged once: a page's
    links share their ancestors (a menu of 250 links is one `<nav>` above them), and asking per
    link walks and judges the same chain again. Elements are keyed by identity: keep one
    instance per parsed page, no longer than the page lives."""

    def __init__(self) -> None:
        #: (node, inside an `<article>`) -> furniture at `node` or above it
        self._above: dict[tuple[int, bool], bool] = {}
        #: node -> `node` or an ancestor is an `<article>`
        self._article: dict[int, bool] = {}

    def _article_at_or_above(self, node: Tag | None) -> bool:
        unknown: list[Tag] = []  # from `node` up to the first ancestor already judged
        while node is not None and id(node) not in self._article:
            unknown.append(node)
            node = node.parent
        found = node is not None and self._article[id(node)]
        for below in reversed(unknown):  # top-down: an article above counts for all below it
            found = found or below.name == "article"
            self._article[id(below)] = found
        return found

    def in_navigation(self, tag: Tag) -> bool:
        """What `in_navigation(tag)` answers. As there, a node below the `<article>` nearest
        `tag` is judged inside an article, that article and what is above it outside."""
        inside = self._article_at_or_above(tag.parent)
        path: list[tuple[int, bool]] = []
        node: Tag | None = tag
        found = False
        while isinstance(node, Tag) and node.name not in ("body", "html", "[document]"):
            inside = inside and node.name != "article"  # judged inside: below that article
            key = (id(node), inside)
            known = self._above.get(key)
            if known is not None:
                found = known
                break
            path.append(key)
            if is_furniture_node(node, inside_article=inside, listing=False):
                found = True
                break
            node = node.parent
        for key in path:
            self._above[key] = found
        return found
