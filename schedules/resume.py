"""Continuing a run another worker began (same `runs` row): a fetcher that answers, from the
archive, every URL the run already fetched, so that no URL is requested twice in one run.

Sources (listing pages, sitemaps, feeds, the WordPress API) and robots.txt are answered with the
body the run kept; a source that failed or was absent fails the same way again; article pages the
run fetched are skipped by the job itself (`already_fetched`). The one exception: a request in
flight when its worker died, whose answer was never recorded, is sent again (a retry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scraper.errors import DisallowedError, FetchError, PermanentFetchError, TransientFetchError
from scraper.fetch import HTML_TYPES, Fetcher
from scraper.models import Capture
from storage.resume import RecordedAnswer

#: Called with robots.txt's URL and its capture (or the error it answered with) once fetched,
#: so that the run logs it and a successor reads it from the archive.
OnRobots = Callable[[str, Capture | None, FetchError | None], None]

#: outcomes (per article URL) of the run so far, added to the successor's counts
_ARTICLE_COUNTS = {
    "new": "new",
    "changed": "changed",
    "unchanged": "unchanged",
    "not-modified": "not_modified",
    "gone": "gone",
}


class ResumingFetcher(Fetcher):
    """A `Fetcher` that first answers from `answers` (what the run fetched before, by URL)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers: dict[str, RecordedAnswer] = {}
        self.on_robots: OnRobots | None = None

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] = HTML_TYPES,
        max_bytes: int | None = None,
    ) -> Capture:
        answer = self.answers.get(url)
        if answer is None:
            return super().fetch(
                url, etag=etag, last_modified=last_modified, accept=accept, max_bytes=max_bytes
            )
        return replayed(answer)

    def _robots_once(self, robots: str) -> Capture:
        answer = self.answers.get(robots)
        if answer is not None:
            return replayed(answer)
        try:
            capture = super()._robots_once(robots)
        except PermanentFetchError as exc:
            if self.on_robots is not None:
                self.on_robots(robots, None, exc)
            raise
        if self.on_robots is not None:
            self.on_robots(robots, capture, None)
        return capture


def replayed(answer: RecordedAnswer) -> Capture:
    """The capture a recorded answer stands for, or the error it was (`FetchError`)."""
    if answer.body is not None:
        # a 304 was logged with the body it stood for: that body is the answer
        return Capture(
            url=answer.url,
            status=200,
            body=answer.body,
            fetched_at=answer.fetched_at,
            headers=dict(answer.headers),
        )
    message = f"{answer.error or f'HTTP {answer.status}'} (recorded earlier in this run)"
    if answer.outcome == "skipped":
        raise DisallowedError(answer.url, message)
    if answer.status is not None and 400 <= answer.status < 500:
        raise PermanentFetchError(answer.url, message, status=answer.status)
    raise TransientFetchError(answer.url, message, status=answer.status)


@dataclass(frozen=True)
class PriorCounts:
    """What the run counted before it was taken over (article pages only)."""

    counts: dict[str, int]
    failed: int


def prior_counts(
    answers: dict[str, RecordedAnswer], is_article: Callable[[str], bool]
) -> PriorCounts:
    """The counts of the article pages among `answers` (sources are counted again by the
    replayed discovery)."""
    counts: dict[str, int] = {}
    failed = 0
    for answer in answers.values():
        name = _ARTICLE_COUNTS.get(answer.outcome or "")
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
            counts["fetched"] = counts.get("fetched", 0) + 1
        elif answer.outcome == "failed" and is_article(answer.url):
            failed += 1
            counts["fetched"] = counts.get("fetched", 0) + 1
    return PriorCounts(counts, failed)
