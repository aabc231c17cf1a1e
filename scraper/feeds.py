"""RSS and Atom feeds (feedparser), and the WordPress REST posts listing, read into sightings."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import time
from typing import Any

import feedparser

from scraper.errors import FeedError
from scraper.sightings import Sighting, parse_timestamp
from scraper.urls import canonical_url
from scraper.xmlsafe import parse_xml, xml_body


def parse_feed(body: bytes, url: str) -> list[Sighting]:
    """Items of an RSS 0.9x / 1.0 (RDF) / 2.0 or Atom feed served at `url`, read by feedparser,
    with their update time when given. An item without a link but with a permalink `guid` is
    that URL. Unsafe XML (entities, DTD) is refused first by `scraper.xmlsafe` (`FeedError`),
    so is a body that is no feed at all."""
    body = xml_body(body, url)
    parse_xml(body, url)  # refuses entity definitions and DTDs before feedparser sees the text
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"{url}: neither RSS nor Atom")
    found = []
    for entry in parsed.entries:
        raw = _entry_link(entry)
        link = canonical_url(raw, url) if raw else None
        if link:  # None: not a URL a browser would follow (a bad port, an unbracketed IPv6)
            found.append(
                Sighting(
                    url=link,
                    source="feed",
                    title=(entry.get("title") or "").strip() or None,
                    modified=_entry_time(entry),
                )
            )
    return found


def _entry_link(entry: Any) -> str | None:
    """The item's page: its alternate link, else a permalink guid (RSS `isPermaLink` default)."""
    for link in entry.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    if entry.get("link"):
        return str(entry["link"])
    guid = entry.get("id") or ""
    if entry.get("guidislink") or guid.startswith(("http://", "https://")):
        return str(guid) if guid.startswith(("http://", "https://")) else None
    return None


def _entry_time(entry: Any) -> dt.datetime | None:
    """The entry's update time (else publication time) as aware UTC; feedparser gives UTC tuples."""
    for key in ("updated_parsed", "published_parsed", "created_parsed"):
        # dict.get: feedparser's own get() maps updated to published with a DeprecationWarning
        value: time.struct_time | None = dict.get(entry, key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    return None


def parse_wp_posts(body: bytes, url: str) -> list[Sighting]:
    """Posts of a WordPress `/wp-json/wp/v2/posts` answer: each post's link and `modified_gmt`."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(f"{url}: not JSON ({exc})") from exc
    if not isinstance(data, list):
        raise FeedError(f"{url}: expected a JSON list of posts")
    found = []
    for post in data:
        if not isinstance(post, dict) or not isinstance(post.get("link"), str):
            continue
        link = canonical_url(post["link"], url)
        if link is None:
            continue  # not a URL a browser would follow (a bad port, an IPv6 without brackets)
        modified = post.get("modified_gmt") or post.get("modified")
        when = parse_timestamp(f"{modified}+00:00" if post.get("modified_gmt") else modified)
        found.append(Sighting(url=link, source="wp-json", modified=when))
    return found
