"""The extractor the composing jobs call (imported late), its type, and how a capture is handed to it."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

from scraper.models import Article
from scraper.sites import SiteProfile

#: `extract(html, url, *, encoding=None) -> Article`: `scraper.extract.extract_article` or a stand-in.
Extract = Callable[..., Article]


def default_extract(
    html: bytes, url: str, *, encoding: str | None = None, profile: SiteProfile | None = None
) -> Article:
    """`scraper.extract.extract_article`, imported on first use so that commands load without it."""
    from scraper.extract import extract_article

    return extract_article(html, url, encoding=encoding, profile=profile)


def with_profile(extract: Extract, profile: SiteProfile | None) -> Extract:
    """`extract` with the site's `profile` handed to it on every call: the profile a crawl, a
    reparse or a WARC import runs with is the one the extractor reads the pages with. An
    extractor that takes no profile (a test's stand-in) is returned as it is."""
    if profile is None:
        return extract
    try:
        parameters = inspect.signature(extract).parameters
        takes_profile = "profile" in parameters or any(
            p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
        )
    except (TypeError, ValueError):
        return extract
    return functools.partial(extract, profile=profile) if takes_profile else extract


def charset_of(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip().strip('"') or None
    return None
