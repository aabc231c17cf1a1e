"""Which article pages a run fetches: new ones, changed signals, and a re-check schedule (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from scraper.discover import RecheckPolicy, same_card_title
from scraper.sightings import Sighting, changed_since
from storage.archive import KnownArticle

#: Clock skew allowance when comparing the site's "modified" times with our own timestamps.
SKEW = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class PlannedFetch:
    """One article page to fetch and why (new, card-changed, modified, reappeared, recheck, full)."""

    url: str
    reason: str
    known: KnownArticle | None = None


def card_unchanged(sighting: Sighting, known: KnownArticle | None) -> bool:
    """True when a listing card shows a live archived article with the same title and date."""
    if known is None or known.status != "live":
        return False
    same_date = (
        sighting.published is None
        or known.published is None
        or sighting.published == known.published
    )
    return same_date and same_card_title(sighting.title, known.title)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _signal(sightings: list[Sighting], known: KnownArticle | None) -> str | None:
    """Why the sources say this article should be fetched, or None when they say nothing new."""
    if known is None:
        return "new"
    if known.status != "live":
        return "reappeared"
    last_seen = _as_utc(known.last_seen)
    for sighting in sightings:
        if sighting.source == "listing" and not card_unchanged(sighting, known):
            return "card-changed"
        if sighting.modified is not None and changed_since(
            sighting.modified, last_seen - SKEW, date_only=sighting.modified_date_only
        ):
            return "modified"
    return None


def is_due(known: KnownArticle, *, now: dt.datetime, policy: RecheckPolicy) -> bool:
    """The re-check schedule: recent articles (or undated ones) every run, older ones when stale."""
    if known.status != "live":
        return False
    if known.published is None or known.published >= now.date() - dt.timedelta(
        days=policy.recent_days
    ):
        return True
    return now - _as_utc(known.last_seen) >= dt.timedelta(days=policy.older_every_days)


def plan_fetches(
    sightings: dict[str, list[Sighting]],
    known: dict[str, KnownArticle],
    *,
    now: dt.datetime,
    policy: RecheckPolicy,
    full: bool = False,
) -> list[PlannedFetch]:
    """Discovered URLs first (in discovery order), then known articles due for a re-check,
    newest first. With `full`, every discovered URL and every live known article."""
    planned: list[PlannedFetch] = []
    chosen: set[str] = set()
    for url, seen in sightings.items():
        reason = _signal(seen, known.get(url)) or ("full" if full else None)
        if reason:
            planned.append(PlannedFetch(url, reason, known.get(url)))
            chosen.add(url)
    rest = sorted(
        (k for url, k in known.items() if url not in chosen),
        key=lambda k: k.published or dt.date.max,
        reverse=True,
    )
    for article in rest:
        if article.status == "live" and (full or is_due(article, now=now, policy=policy)):
            planned.append(PlannedFetch(article.url, "full" if full else "recheck", article))
    return planned


def only_known_unchanged(page: Iterable[Sighting], known: dict[str, KnownArticle]) -> bool:
    """The stop rule of incremental runs: a listing page showing only known, unchanged cards."""
    cards = list(page)
    return bool(cards) and all(card_unchanged(c, known.get(c.url)) for c in cards)


#: A broken link (a linked URL answering 404/410, never archived) is retried after these waits,
#: then reported once and dropped (DECISIONS.md: at most 4 retries, 1, 2, 4, 8 days apart).
BROKEN_LINK_RETRIES = tuple(dt.timedelta(days=d) for d in (1, 2, 4, 8))


def broken_link_due(failures: int, last: dt.datetime, *, now: dt.datetime) -> bool:
    """True when a broken link that failed `failures` times, last at `last`, is due a retry."""
    if failures < 1:
        return True
    if failures > len(BROKEN_LINK_RETRIES):
        return False
    return now - _as_utc(last) >= BROKEN_LINK_RETRIES[failures - 1]


def broken_link_spent(failures: int) -> bool:
    """True when a broken link has failed its last allowed retry (`failures` counts them all)."""
    return failures > len(BROKEN_LINK_RETRIES)
