"""Where discovery saw an article: its URL, and the cheap signals of change that came with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scraper.dates import parse_instant


@dataclass(frozen=True)
class Sighting:
    """An article URL found by one source (listing, sitemap, feed, wp-json), with what it told."""

    url: str
    source: str
    #: when the source says the article last changed (sitemap lastmod, feed updated, WP modified)
    modified: dt.datetime | None = None
    #: the listing card's title and date, compared with the archive to notice a changed card
    title: str | None = None
    published: dt.date | None = None


def parse_timestamp(text: str | None) -> dt.datetime | None:
    """A timezone-aware UTC datetime from W3C/ISO 8601 or RFC 822 text (a bare date is midnight
    UTC): `scraper.dates.parse_instant`, the parser the extractor uses too."""
    return parse_instant(text)
