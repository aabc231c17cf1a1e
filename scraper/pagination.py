"""Pagination of listing pages: which link leads to the next page, and which links are pages.

Pure: parsed HTML and URLs in, URLs out. Forms understood: rel="next", a link whose class says
next, `/page/N/`, `?page=N`, `?p=N`, `?paged=N`, and a link whose text says next ("Next",
"Suivant", "Volgende", "›", "»"...).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from scraper import lexicon
from scraper.linkrules import class_names
from scraper.pageindex import anchors_under
from scraper.text import normalize_text
from scraper.urls import canonical_url, is_allowed_host

PAGE_PATH = re.compile(r"/page/(\d+)/?$")
#: a listing page numbered in its file name: `page2.html`, `seite-3.php`, `index-3.php`,
#: `p4.htm` (a bare number, `/1234.html`, is often an article id: not this). The word for "page"
#: is the language's (vocabulary `page_words`); `index` and `p` are the web's own file names.
PAGE_FILE = re.compile(
    rf"(^|/)(index|p|{lexicon.alternation('page_words')})[-_]?\d{{1,4}}\.(html?|php|aspx?)$", re.I
)
#: the arrows of pagination controls: typography, the same in every language
_CONTROL_ARROWS = frozenset("‹|«|<|<<|←".split("|"))
_NEXT_ARROWS = frozenset("›|»|>|>>|→".split("|"))
#: link texts of pagination controls: previous/first/last in the vocabulary's languages
#: (`page_control_texts`, lower case), and arrows
PAGE_CONTROL_TEXTS = (
    frozenset(w.lower() for w in lexicon.words("page_control_texts", folded=False))
    | _CONTROL_ARROWS
)
#: query parameters that number listing pages
PAGE_PARAMS = ("page", "p", "paged", "pg")
#: link texts (case and arrows aside) of a "next page" link, in the vocabulary's languages
#: (`next_page_texts`, lower case), and arrows
NEXT_TEXTS = (
    frozenset(w.lower() for w in lexicon.words("next_page_texts", folded=False)) | _NEXT_ARROWS
)


def link_url(anchor: Tag, base: str) -> str | None:
    """The canonical URL an `<a href>` leads to (None for fragments, mailto:, tel:, javascript:)."""
    href = str(anchor.get("href") or "").strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    return canonical_url(href, base)


def is_pagination(url: str, listing: str) -> bool:
    """True when `url` is another page of `listing`: `/page/N/` below it, or its own path with only
    a page-number parameter changed."""
    parts, base = urlsplit(url), urlsplit(listing)
    if parts.netloc != base.netloc:
        return False
    if PAGE_PATH.search(parts.path):
        return True
    if parts.path.rstrip("/") != base.path.rstrip("/"):
        return False
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    base_query = dict(parse_qsl(base.query, keep_blank_values=True))
    rest = {k: v for k, v in query.items() if k not in PAGE_PARAMS}
    return rest == {k: v for k, v in base_query.items() if k not in PAGE_PARAMS}


def is_page_control(text: str, url: str) -> bool:
    """True when a link is a pagination control, not content: its text is a page number or a
    previous/next word or arrow ("« Précédent", "2", "Suivant ›"), or its URL names a numbered
    listing file (`page2.html`)."""
    label = re.sub(r"[\s\u00a0]+", " ", text).strip(" .:|-–—").lower()
    bare = label.strip("‹«<>»›←→ ").strip()
    if label.isdigit() or bare.isdigit():
        return True
    if label in NEXT_TEXTS or label in PAGE_CONTROL_TEXTS:
        return True
    if bare and (bare in NEXT_TEXTS or bare in PAGE_CONTROL_TEXTS):
        return True
    return bool(PAGE_FILE.search(urlsplit(url).path))


def next_page(
    soup: BeautifulSoup, url: str, *, selectors: tuple[str, ...], hosts: frozenset[str]
) -> str | None:
    """rel="next" first; then a link to page n+1 in the `/page/N/`, `?page=N` or `?p=N` form;
    then a link whose text says "next" ("suivant", "volgende", "»"...)."""
    for selector in selectors:
        node = soup.select_one(selector)
        if node is not None and node.get("href"):
            nxt = canonical_url(str(node["href"]), url)
            if nxt and nxt != url and is_allowed_host(nxt, hosts):
                return nxt
    candidates = page_candidates(url)
    links = [(a, link_url(a, url)) for a in anchors_under(soup)]
    for candidate in candidates:
        if any(link == candidate for _, link in links):
            return candidate
    for anchor, link in links:
        if link and link != url and is_allowed_host(link, hosts) and _says_next(anchor):
            return link
    return None


def _says_next(anchor: Tag) -> bool:
    """True when the link's text, label or class (or its parent's) says "next page"."""
    parent = anchor.parent
    classes = [*class_names(anchor), *(class_names(parent) if parent else [])]
    if any(c and re.search(r"(^|[-_])next($|[-_])", str(c), re.IGNORECASE) for c in classes):
        return True
    labels = [
        anchor.get_text(" "),
        str(anchor.get("aria-label") or ""),
        str(anchor.get("title") or ""),
    ]
    for label in labels:
        text = normalize_text(label).casefold().strip(" →›»>")
        if text in NEXT_TEXTS or (not text and normalize_text(label) in NEXT_TEXTS):
            return True
    return False


def first_page_form(url: str) -> str:
    """`url` with an explicit first-page number dropped (`?p=1`, `?page=1`, `/page/1/`), so a
    pagination loop back to the first page is recognised as already seen."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not (k in PAGE_PARAMS and v == "1")]
    path = re.sub(r"/page/1/?$", "/", parts.path)
    kept_url = urlunsplit((parts.scheme, parts.netloc, path, urlencode(kept), ""))
    return canonical_url(kept_url) or url


def page_candidates(url: str) -> list[str]:
    """The URLs page n+1 of the listing at `url` would have: `/page/N/`, `?page=N`, `?p=N`."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    match = PAGE_PATH.search(parts.path)
    numbers = [query.get(k, "") for k in PAGE_PARAMS]
    current = int(match.group(1)) if match else next((int(n) for n in numbers if n.isdigit()), 1)
    root = parts.path[: match.start()] + "/" if match else parts.path
    root = root if root.endswith("/") else root + "/"
    bare = {k: v for k, v in query.items() if k not in PAGE_PARAMS}
    by_path = urlunsplit(
        (parts.scheme, parts.netloc, f"{root}page/{current + 1}/", urlencode(bare), "")
    )
    by_query = [
        urlunsplit(
            (parts.scheme, parts.netloc, parts.path, urlencode({**bare, key: str(current + 1)}), "")
        )
        for key in ("page", "p", "paged")
    ]
    return [c for c in (canonical_url(u) for u in (by_path, *by_query)) if c]
