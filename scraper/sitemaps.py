"""Sitemaps (sitemaps.org urlset and sitemap index, plain or gzip) read safely into sightings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scraper.errors import FeedError
from scraper.sightings import Sighting, parse_timestamp
from scraper.urls import canonical_url
from scraper.xmlsafe import child_text, local_name, parse_xml


@dataclass(frozen=True)
class ChildSitemap:
    """An entry of a sitemap index: another sitemap, with the lastmod the index gives it."""

    url: str
    modified: dt.datetime | None = None


@dataclass
class Sitemap:
    """One parsed sitemap file: either an index of child sitemaps or a set of page URLs."""

    children: list[ChildSitemap] = field(default_factory=list)
    pages: list[Sighting] = field(default_factory=list)

    @property
    def is_index(self) -> bool:
        return bool(self.children)


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """Parse a `<urlset>` or `<sitemapindex>` served at `url`; anything else is a `FeedError`."""
    root = parse_xml(body, url)
    kind = local_name(root)
    result = Sitemap()
    if kind == "sitemapindex":
        for node in root:
            loc = child_text(node, "loc") if local_name(node) == "sitemap" else None
            if loc:
                modified = parse_timestamp(child_text(node, "lastmod"))
                result.children.append(ChildSitemap(canonical_url(loc, url), modified))
    elif kind == "urlset":
        for node in root:
            loc = child_text(node, "loc") if local_name(node) == "url" else None
            if loc:
                result.pages.append(
                    Sighting(
                        url=canonical_url(loc, url),
                        source="sitemap",
                        modified=parse_timestamp(child_text(node, "lastmod")),
                    )
                )
    else:
        raise FeedError(f"{url}: <{kind}> is neither a sitemap index nor a urlset")
    return result
