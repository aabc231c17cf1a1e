"""Where discovery saw an article: its URL, and the cheap signals of change that came with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scraper.dates import parse_instant, parse_stamp

#: A date written without a time ("2026-12-01", a sitemap `<lastmod>` at day precision) means
#: "changed some time that day": it is read as midnight UTC, and this much later ends that day.
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Sighting:
    """An article URL found by one source (listing, sitemap, feed, wp-json), with what it told."""

    url: str
    source: str
    #: when the source says the article last changed (sitemap lastmod, feed updated, WP modified)
    modified: dt.datetime | None = None
    #: `modified` was written as a date only (midnight UTC stands for "some time that day")
    modified_date_only: bool = False
    #: the listing card's title and date, compared with the archive to notice a changed card
    title: str | None = None
    published: dt.date | None = None


def parse_timestamp(text: str | None) -> dt.datetime | None:
    """A timezone-aware UTC datetime from W3C/ISO 8601 or RFC 822 text (a bare date is midnight
    UTC): `scraper.dates.parse_instant`, the parser the extractor uses too."""
    return parse_instant(text)


def is_date_only(text: str | None) -> bool:
    """True when `text` is a timestamp written as a date without a time of day."""
    stamp = parse_stamp(text.strip() if text else text)
    return stamp is not None and stamp.moment is None


def changed_since(modified: dt.datetime, since: dt.datetime, *, date_only: bool) -> bool:
    """True when a source's "last changed" time may be later than `since` (both UTC-aware; the
    caller allows for clock skew in `since`). A date-only value may be any time of its day, so
    it counts from the end of that day: a change the source dates today is newer than a fetch
    made earlier today, where midnight would read as older."""
    return (modified + _ONE_DAY if date_only else modified) > since
