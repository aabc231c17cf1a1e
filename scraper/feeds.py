"""RSS 2.0 and Atom feeds, and the WordPress REST posts listing, read into sightings."""

from __future__ import annotations

import json
from typing import Any

from scraper.errors import FeedError
from scraper.sightings import Sighting, parse_timestamp
from scraper.urls import canonical_url
from scraper.xmlsafe import child_text, local_name, parse_xml


def parse_feed(body: bytes, url: str) -> list[Sighting]:
    """Items of an RSS 2.0 or Atom feed served at `url`, with their update time when given."""
    root = parse_xml(body, url)
    kind = local_name(root)
    if kind == "rss":
        channel = next((c for c in root if local_name(c) == "channel"), None)
        items = [i for i in channel if local_name(i) == "item"] if channel is not None else []
        return [
            Sighting(
                url=link,
                source="feed",
                title=child_text(item, "title"),
                modified=parse_timestamp(child_text(item, "pubDate")),
            )
            for item in items
            if (link := canonical_url(child_text(item, "link") or "", url))
        ]
    if kind == "feed":
        found = []
        for entry in (e for e in root if local_name(e) == "entry"):
            link = _atom_link(entry)
            link = canonical_url(link, url) if link else None
            if link:
                when = child_text(entry, "updated") or child_text(entry, "published")
                found.append(
                    Sighting(
                        url=link,
                        source="feed",
                        title=child_text(entry, "title"),
                        modified=parse_timestamp(when),
                    )
                )
        return found
    raise FeedError(f"{url}: <{kind}> is neither RSS nor Atom")


def _atom_link(entry: Any) -> str | None:
    for child in entry:
        if local_name(child) == "link" and child.get("rel", "alternate") == "alternate":
            href = child.get("href")
            if href:
                return str(href)
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
