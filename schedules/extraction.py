"""The extractor the composing jobs call (imported late), its type, and how a capture is handed to it."""

from __future__ import annotations

from collections.abc import Callable

from scraper.models import Article

#: `extract(html, url, *, encoding=None) -> Article`: `scraper.extract.extract_article` or a stand-in.
Extract = Callable[..., Article]


def default_extract(html: bytes, url: str, *, encoding: str | None = None) -> Article:
    """`scraper.extract.extract_article`, imported on first use so that commands load without it."""
    from scraper.extract import extract_article

    return extract_article(html, url, encoding=encoding)


def charset_of(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip().strip('"') or None
    return None
