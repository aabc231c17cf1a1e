"""Publication and modification dates, layer by layer: JSON-LD, meta, `<time>`, profile, text, card, htmldate."""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlsplit

from bs4 import Tag
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from scraper.extract.appstate import MODIFIED_KEYS, PUBLISHED_KEYS, state_date
from scraper.extract.blocks import in_furniture
from scraper.extract.dates import (
    date_in_url,
    labelled_date,
    parse_date_text,
    parse_timestamp,
    year_in_url,
    yearless_date,
)
from scraper.extract.page import Page
from scraper.extract.selectors import class_string
from scraper.extract.zone import lines_around
from scraper.text import normalize_lines, normalize_text

log = logging.getLogger(__name__)

FoundDate = tuple[dt.date, str] | None
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date_published",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "publishdate",
    "dc.date.created",
    "release_date",
    "ptime",
    "dcterms.date",
    "dc.date.publication",
    "dc:date",
    "dc:created",
    "citation_date",
    "published-date",
    "article.created",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "bt:pubdate",
    "article_date_original",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "date_modified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
    "updated_time",
)
_MODIFIED_HINTS = ("updated", "modified", "update")
_PUBLISHED_HINTS = ("published", "publish", "entry-date", "posted", "pubdate", "post-date", "date")


def _time_kind(tag: Tag) -> str | None:
    """ "published", "modified" or None (unknown) for a `<time>` element."""
    itemprop = str(tag.get("itemprop") or "").lower()
    parent = tag.parent if isinstance(tag.parent, Tag) else tag
    classes = f"{class_string(tag)} {class_string(parent)}".lower()
    if "datemodified" in itemprop or any(h in classes for h in _MODIFIED_HINTS):
        return "modified"
    if (
        "datepublished" in itemprop
        or tag.has_attr("pubdate")
        or any(h in classes for h in _PUBLISHED_HINTS)
    ):
        return "published"
    return None


def _article_times(page: Page) -> list[Tag]:
    scope = page.article_scope()
    times = []
    for tag in page.signals.times:
        if page.in_related(tag) or page.in_site_chrome(tag):
            continue
        if scope is not None and scope not in tag.parents:
            continue  # a live ticker, a "most viewed" list: beside the article, not its date
        times.append(tag)
    return times


def _time_value(tag: Tag) -> dt.date | None:
    """The day a `<time>` (or a microdata or hAtom date element) states: its machine-readable
    attribute first, its text otherwise."""
    for name in ("datetime", "content", "title"):
        raw = tag.get(name)
        if isinstance(raw, str) and (value := parse_timestamp(raw)):
            return value
    return parse_date_text(tag.get_text(" "))


def zone_lines(page: Page) -> list[str]:
    """Text near the headline and at both ends of the article, where sites print the date."""
    if page.zone_lines is not None:
        return page.zone_lines
    lines: list[str] = []
    page.zone_lines = lines
    anchors = [h for h in page.signals.h1s[:2] if not page.in_related(h)]
    if not anchors:
        anchors = [
            h
            for h in page.signals.headings[:8]
            if h.name == "h2" and not page.in_site_chrome(h) and not page.in_related(h)
        ][:1]
    avoid = frozenset(id(section) for section in page.related_sections)
    for anchor in anchors:
        behind, ahead = lines_around(anchor, page.config, avoid)
        lines.extend(behind)
        lines.extend(normalize_lines(anchor.get_text("\n")))
        lines.extend(ahead)
    blocks = page.blocks
    for block in blocks[:3]:
        lines.extend(block.lines)
    page.zone_head = len(lines)
    for block in blocks[-3:]:
        lines.extend(block.lines)
    return lines


def _from_text(page: Page, kind: str) -> dt.date | None:
    lines = zone_lines(page)
    for index, line in enumerate(lines):
        found = labelled_date(line, kind)
        if found is None and len(line) <= 30 and index + 1 < len(lines):
            # a label and its date in two cells: <dt>Last updated</dt><dd>6 June 2025</dd>
            found = labelled_date(f"{line} {lines[index + 1]}", kind)
        if found:
            return found
    if kind == "published":
        year = year_in_url(urlsplit(page.url).path)
        for line in lines[: page.zone_head]:
            # a line that is only a date, under the headline (the end of the text may announce events)
            if len(line) <= 40:
                found = parse_date_text(line)
                if found:
                    return found
            if year is not None:
                # "2 juin" or a dateline "BRUSSELS, June 3 (Wire) -", the year filed in the URL
                found = yearless_date(line, year)
                if found:
                    return found
    return None


#: htmldate reads at most this much of a page: its extensive search takes seconds per megabyte
#: (35 s on a 6 MB page), and a publication date sits near the top
HTMLDATE_MAX_CHARS = 512 * 1024


_HIDDEN = "//script[not(contains(@type, 'ld+json'))] | //style | //noscript | //template"


def _from_htmldate(page: Page, html: str) -> dt.date | None:
    if not html.strip():
        return None
    try:
        # comments and scripts are invisible: a date in one is not the page's (htmldate reads them)
        parser = lxml_html.HTMLParser(remove_comments=True)
        tree = lxml_html.fromstring(html[:HTMLDATE_MAX_CHARS], parser=parser)
        for hidden in tree.xpath(_HIDDEN):
            hidden.drop_tree()
        value = find_date(tree, url=page.url, original_date=True, extensive_search=True)
    except (
        etree.LxmlError,
        ValueError,
        TypeError,
        LookupError,
    ) as exc:  # lxml rejects some documents
        log.debug("htmldate gave up: %s", exc)
        return None
    return dt.date.fromisoformat(value) if value else None


def extract_published(
    page: Page, html: str, self_card_date: dt.date | None, *, title: str | None = None
) -> FoundDate:
    """The publication day; other articles' cards and sidebars are never evidence for it."""
    signals = page.signals
    value = parse_timestamp(signals.jsonld_value("datePublished", "dateCreated", "uploadDate"))
    if value:
        return value, "jsonld"
    for name in PUBLISHED_META:
        value = parse_timestamp(signals.first_meta(name))
        if value:
            return value, "meta"
    times = _article_times(page)
    for tag in times:
        if _time_kind(tag) == "published" and (value := _time_value(tag)):
            return value, "html"
    for tag in times:
        if _time_kind(tag) is None and (value := _time_value(tag)):
            return value, "html"
    # a labelled date by the headline ("Posted on June 3, 2025") beats a date class elsewhere
    for line in zone_lines(page)[: page.zone_head]:
        value = labelled_date(line, "published")
        if value:
            return value, "text"
    for tag in page.matched("date"):
        if page.in_related(tag) or page.in_site_chrome(tag) or in_furniture(tag, page.config):
            continue
        text = normalize_text(tag.get_text(" "))
        value = labelled_date(text, "published") or parse_date_text(text)
        if value:
            return value, "profile"
    value = _from_text(page, "published")
    if value:
        return value, "text"
    value = parse_timestamp(state_date(signals.app_state, title, PUBLISHED_KEYS))
    if value:
        return value, "state"
    if self_card_date:
        return self_card_date, "card"
    value = date_in_url(urlsplit(page.url).path)
    if value:
        return value, "url"
    value = _from_htmldate(page, html)
    if value:
        return value, "htmldate"
    return None


def check_published(page: Page, found: FoundDate) -> None:
    """Warn when the page prints a publication date other than the one its metadata gives."""
    if found is None or found[1] not in ("jsonld", "meta", "html"):
        return
    shown = _from_text(page, "published")
    if shown is not None and shown != found[0]:
        page.warnings.append(
            f"published {found[0].isoformat()} ({found[1]}) but the page shows {shown.isoformat()}"
        )


def extract_modified(page: Page, *, title: str | None = None) -> FoundDate:
    """The last-modification day, when the page states one."""
    signals = page.signals
    value = parse_timestamp(signals.jsonld_value("dateModified"))
    if value:
        return value, "jsonld"
    for name in MODIFIED_META:
        value = parse_timestamp(signals.first_meta(name))
        if value:
            return value, "meta"
    for tag in _article_times(page):
        if _time_kind(tag) == "modified" and (value := _time_value(tag)):
            return value, "html"
    value = _from_text(page, "modified")
    if value:
        return value, "text"
    value = parse_timestamp(state_date(signals.app_state, title, MODIFIED_KEYS))
    if value:
        return value, "state"
    return None
