"""The extractor the composing jobs call (imported late), its type, and how a capture is handed to it
(in the crawl's process or in an extraction process: `PageReader`)."""

from __future__ import annotations

import functools
import inspect
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scraper.discover import CrawlProfile, is_listing_page
from scraper.models import Article
from scraper.sites import SiteProfile

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

#: `extract(html, url, *, encoding=None) -> Article`: `scraper.extract.extract_article` or a stand-in.
Extract = Callable[..., Article]


def default_extract(
    html: bytes, url: str, *, encoding: str | None = None, profile: SiteProfile | None = None
) -> Article:
    """`scraper.extract.extract_article`, imported on first use so that commands load without it."""
    from scraper.extract import extract_article

    return extract_article(html, url, encoding=encoding, profile=profile)


def with_profile(extract: Extract, profile: SiteProfile | None) -> Extract:
    """`extract` with the site's `profile` handed to it on every call: the profile a crawl, a
    reparse or a WARC import runs with is the one the extractor reads the pages with. An
    extractor that takes no profile (a test's stand-in) is returned as it is."""
    if profile is None:
        return extract
    try:
        parameters = inspect.signature(extract).parameters
        takes_profile = "profile" in parameters or any(
            p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
        )
    except (TypeError, ValueError):
        return extract
    return functools.partial(extract, profile=profile) if takes_profile else extract


def charset_of(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip().strip('"') or None
    return None


@dataclass(frozen=True)
class PageReading:
    """What extraction made of one fetched page: the record, or why it failed; and whether the
    page is a listing the generic rule took for an article (then it is no version)."""

    article: Article | None
    #: the message of the exception the extractor raised (its type is in `trace`); None: none
    error: str | None = None
    #: the formatted traceback of that exception, for the log
    trace: str | None = None
    listing: bool = False


@dataclass(frozen=True)
class PageReader:
    """Reads fetched pages: `extract` (with the site's profile bound) and, for a crawl whose
    articles the generic rule may choose, the rules that tell a listing from an article.

    Pure and picklable when `extract` is (the default extractor is): a crawl sends it once to
    each extraction process (`start_reading`), then only each page's bytes, URL and Content-Type.
    """

    extract: Extract
    #: the crawl's link rules when `generic_fallback` is on, else None (no listing check)
    listing_rules: CrawlProfile | None = None

    def read(self, body: bytes, url: str, content_type: str | None) -> PageReading:
        """The `PageReading` of one page; never raises for a page (a hostile one included).

        A page the listing check reads too is parsed once when `extract` is the package's
        extractor: the check reads the extractor's tree (`scraper.extract.parse_html`)."""
        rules = self.listing_rules
        checked = rules is not None and not rules.is_article(url)
        tree: bytes | BeautifulSoup = body
        try:
            if checked and (reads_tree := _tree_extractor(self.extract)) is not None:
                from scraper.extract import parse_html

                parsed = parse_html(body, encoding=charset_of(content_type))
                tree = parsed.soup
                article = reads_tree(parsed, url)
            else:
                article = self.extract(body, url, encoding=charset_of(content_type))
        except Exception as exc:  # extraction of a hostile page is the one fragile step
            return PageReading(None, str(exc), traceback.format_exc())
        article.url = url
        listing = checked and rules is not None and is_listing_page(tree, url, rules, article.body)
        return PageReading(article, listing=listing)


def _tree_extractor(extract: Extract) -> Callable[..., Article] | None:
    """`scraper.extract.extract_parsed` with the profile `extract` binds, when `extract` is the
    package's extractor (`with_profile` of `extract_article` or `default_extract`); None for
    another (a test's stand-in), which is handed the page's bytes."""
    func, keywords = (
        (extract.func, extract.keywords)
        if isinstance(extract, functools.partial) and not extract.args
        else (extract, {})
    )
    if func is default_extract:
        from scraper.extract import extract_parsed
    else:
        # imported already when `extract` is it: a stand-in does not load the extractor
        module = sys.modules.get("scraper.extract.article")
        if module is None or func is not module.extract_article:
            return None
        extract_parsed = module.extract_parsed
    if set(keywords) - {"profile"}:
        return None
    return functools.partial(extract_parsed, **keywords)


#: The `PageReader` of an extraction process, installed once when the process starts
#: (`start_reading`): the profile object then stays the same for every page, so the extractor's
#: per-profile config (its selector index, costlier than a small page's extraction) is built once.
_reader_of_this_process: list[PageReader] = []


def start_reading(reader: PageReader, parent: int) -> None:
    """The initializer of an extraction process of the crawl whose pid is `parent`: keep `reader`
    for `read_here`; leave SIGINT and SIGTERM to the crawl (a terminal's Ctrl-C reaches the whole
    process group, and so may a service manager's SIGTERM): it stores what was read, then shuts
    its extraction processes down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _reader_of_this_process[:] = [reader]
    # a crawl killed outright (SIGKILL, out of memory) cannot shut its pool down: its extraction
    # processes would wait for pages forever; they end once `parent` (the crawl's pid) is gone,
    # even when it went before this process started
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


#: How often an extraction process checks that the crawl that started it is still there (seconds).
PARENT_CHECK_S = 1.0


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def read_here(body: bytes, url: str, content_type: str | None) -> PageReading:
    """One page read by this extraction process's `PageReader` (see `start_reading`)."""
    return _reader_of_this_process[0].read(body, url, content_type)
