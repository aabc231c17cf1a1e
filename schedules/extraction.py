"""The extractor the composing jobs call (imported late), its type, and how a capture is handed to it
(in the crawl's process or in an extraction process: `PageReader`)."""

from __future__ import annotations

import functools
import inspect
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
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


def start_reading(reader: PageReader, crawl_alive: Connection) -> None:
    """The initializer of an extraction process: keep `reader` for `read_many_here`; leave SIGINT and
    SIGTERM to the crawl (a terminal's Ctrl-C reaches the whole process group, and so may a
    service manager's SIGTERM): it stores what was read, then shuts its extraction processes down.

    `crawl_alive` is the reading end of a pipe whose writing end only the crawl holds: a crawl
    killed outright (SIGKILL, out of memory) cannot shut its pool down, and its extraction
    processes would wait for pages forever; they end once the pipe says the crawl is gone, even
    when it went before this process started. A pipe, not the parent's pid: an extraction process
    forked by the forkserver is the forkserver's child, not the crawl's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _reader_of_this_process[:] = [reader]
    threading.Thread(target=_end_with, args=(crawl_alive,), daemon=True).start()


def _end_with(crawl_alive: Connection) -> None:
    try:
        while True:
            crawl_alive.recv_bytes()  # nothing is ever sent: this waits for the end of the pipe
    except (EOFError, OSError):
        os._exit(0)


#: A page that sets every lazily built part of the extractor to work (see `warm_up`): no declared
#: language, a language segment in its URL, enough text for the identifier, a date, cards.
_SAMPLE_URL = "http://warm-up.invalid/fr/actualites/un-article-pour-commencer/"
_SAMPLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Un article pour commencer | Site</title>
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05"}
</script></head><body><header><nav><a href="/fr/">Accueil</a> <a href="/fr/contact/">Contact</a>
</nav></header><main><article><h1>Un article pour commencer</h1><time datetime="2024-03-05">
5/3/2024</time><p class="lead">Les entreprises bruxelloises se préparent à une
année de changements, selon une étude publiée ce mardi par la région.
</p><p>La région a présenté un nouveau programme d'accompagnement pour les
jeunes entreprises qui souhaitent s'installer dans la capitale et y créer des emplois
durables. Les candidatures sont ouvertes jusqu'à la fin du mois de juin.</p></article>
<ul class="cards"><li class="card"><a href="/fr/actualites/premier-sujet/"><h2>Premier sujet du
jour</h2></a></li><li class="card"><a href="/fr/actualites/second-sujet/"><h2>Second sujet du
jour</h2></a></li><li class="card"><a href="/fr/actualites/autre-sujet/"><h2>Un autre sujet du
jour</h2></a></li></ul><nav class="pagination"><a rel="next" href="?page=2">Suivant</a></nav>
</main><footer><p>© 2024 Site</p></footer></body></html>""".encode()


def warm_up() -> None:
    """Read a sample page with each bundled profile, listing check included: what the extractor
    builds on first use (the language identifier's models, compiled selectors and patterns, a
    second or more of CPU) is then built once in the extraction forkserver
    (`schedules.extraction_preload`) and shared by every extraction process forked from it,
    instead of once in each. Logs nothing; a failure only leaves that work to the processes."""
    from scraper.discover import crawl_profile
    from scraper.sites import BASE_PROFILE, DEFAULT_PROFILE, load_profile

    logging.disable(logging.CRITICAL)
    try:
        for key in (BASE_PROFILE, DEFAULT_PROFILE):
            profile = load_profile(key)
            rules = crawl_profile(profile, start_urls=[_SAMPLE_URL.rsplit("/", 2)[0] + "/"])
            PageReader(with_profile(default_extract, profile), rules).read(
                _SAMPLE_PAGE, _SAMPLE_URL, "text/html; charset=utf-8"
            )
    except Exception:  # noqa: BLE001 - warming is an optimisation: never a reason to fail
        pass
    finally:
        logging.disable(logging.NOTSET)


def read_many_here(pages: list[tuple[bytes, str, str | None]]) -> list[PageReading]:
    """Several pages (body, URL, Content-Type) read by this extraction process, in order."""
    reader = _reader_of_this_process[0]
    return [reader.read(body, url, content_type) for body, url, content_type in pages]
