"""How the extractor tests read a page: as `hubarchive extract --url` does, with the profile its
URL picks (`profile_for_url`: hub.brussels, else the generic base)."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.models import Article
from scraper.sites import profile_for_url


def read(html: str, url: str) -> Article:
    """The record of `html` read at `url`, with the profile the URL picks."""
    return extract_article(html, url, profile=profile_for_url(url))


def lead_and_body(record: Article) -> str:
    """The article's text as a reader sees it: the lead, a blank line, the body."""
    return f"{record.lead or ''}\n\n{record.body or ''}"
