"""Where discovery saw an article: its URL, and the cheap signals of change that came with it."""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass


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
    """A timezone-aware UTC datetime from W3C/ISO 8601 or RFC 822 text (a bare date is midnight UTC)."""
    if not text:
        return None
    text = text.strip()
    when: dt.datetime | None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)
