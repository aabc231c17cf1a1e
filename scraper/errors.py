"""Exceptions raised by the scraper package: one base, specific leaves."""

from __future__ import annotations


class ScraperError(Exception):
    """Base of every error the scraper package raises on purpose."""


class ProfileError(ScraperError, ValueError):
    """Raised by `scraper.sites` when a site profile is missing or malformed."""


class FetchError(ScraperError):
    """Base of fetch failures; carries the URL that failed."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url


class TransientFetchError(FetchError):
    """Raised by `scraper.fetch` for failures worth retrying: timeouts, resets, 5xx, 429."""

    def __init__(
        self, url: str, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(url, message)
        self.status = status
        self.retry_after = retry_after


class PermanentFetchError(FetchError):
    """Raised by `scraper.fetch` for failures that a retry will not fix: 4xx, bad content type, too large."""

    def __init__(self, url: str, message: str, *, status: int | None = None) -> None:
        super().__init__(url, message)
        self.status = status


class ContentTypeError(PermanentFetchError):
    """Raised by `scraper.fetch` when a 200 declares a media type we cannot read (a PDF, an
    image where an article page was linked); its message says `content type '…' is not one of`."""

    def __init__(self, url: str, media: str, accept: tuple[str, ...]) -> None:
        super().__init__(url, f"content type {media!r} is not one of {', '.join(accept)}")
        self.media = media


class DisallowedError(PermanentFetchError):
    """Raised by `scraper.fetch` when robots.txt, the allowed origins or the private-address
    guard forbid a URL (or a redirect to it), or the URL does not parse."""


class DeadlineError(TransientFetchError):
    """Raised by `scraper.fetch` when an answer does not complete within the whole-response
    deadline (`Timeouts.total`); tried again by the next run, not within this one."""


class RunDeadlineError(ScraperError):
    """Raised by `scraper.fetch` when the run's `max_runtime` is reached: the run must end."""


class FeedError(ScraperError, ValueError):
    """Raised by `scraper.sitemaps` and `scraper.feeds` for a sitemap, feed or JSON listing that is
    malformed or unsafe (entity expansion, DTD): discovery skips that source and says so."""
