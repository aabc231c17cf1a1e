"""Sitemaps (sitemaps.org urlset and sitemap index, plain or gzip) read safely into sightings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scraper.errors import FeedError
from scraper.sightings import Sighting, is_date_only, parse_timestamp
from scraper.urls import canonical_url
from scraper.xmlsafe import child_text, local_name, parse_xml


@dataclass(frozen=True)
class ChildSitemap:
    """An entry of a sitemap index: another sitemap, with the lastmod the index gives it."""

    url: str
    modified: dt.datetime | None = None
    #: `modified` was written as a date only (some time that day)
    modified_date_only: bool = False


@dataclass
class Sitemap:
    """One parsed sitemap file: either an index of child sitemaps or a set of page URLs."""

    children: list[ChildSitemap] = field(default_factory=list)
    pages: list[Sighting] = field(default_factory=list)
    #: the file held more entries than `max_entries`; the rest were not read
    truncated: bool = False

    @property
    def is_index(self) -> bool:
        return bool(self.children)


#: At most this many entries of one sitemap file are read (the sitemaps.org limit).
MAX_ENTRIES = 50_000


def parse_sitemap(body: bytes, url: str, *, max_entries: int = MAX_ENTRIES) -> Sitemap:
    """Parse a `<urlset>` or `<sitemapindex>` served at `url`; anything else is a `FeedError`.
    Entries past `max_entries` are dropped (`truncated`); unparsable `<loc>`s are skipped."""
    root = parse_xml(body, url)
    kind = local_name(root)
    result = Sitemap()
    if len(root) > max_entries:
        result.truncated = True
        del root[max_entries:]
    if kind == "sitemapindex":
        for node in root:
            loc = child_text(node, "loc") if local_name(node) == "sitemap" else None
            child = canonical_url(loc, url) if loc else None
            if child:
                lastmod = child_text(node, "lastmod")
                result.children.append(
                    ChildSitemap(child, parse_timestamp(lastmod), is_date_only(lastmod))
                )
    elif kind == "urlset":
        for node in root:
            loc = child_text(node, "loc") if local_name(node) == "url" else None
            page = canonical_url(loc, url) if loc else None
            if page:
                lastmod = child_text(node, "lastmod")
                result.pages.append(
                    Sighting(
                        url=page,
                        source="sitemap",
                        modified=parse_timestamp(lastmod),
                        modified_date_only=is_date_only(lastmod),
                    )
                )
    else:
        raise FeedError(f"{url}: <{kind}> is neither a sitemap index nor a urlset")
    return result
