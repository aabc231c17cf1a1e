"""What the archive remembers about a site's discovery sources (listing pages, sitemaps, feeds, the
WordPress API), read from the fetch log: the last body and validators of each source, for a
conditional GET, and the guessed sources that do not exist.

A source fetched with a 200 is logged with outcome `listing` and its body kept as a raw page
(content-addressed and compressed, so an unchanged listing costs one row); a 304 later reuses that
body. A probed source that answered 404 is logged with outcome `absent`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from scraper.models import Capture
from storage.archive import record_capture
from storage.rawpages import raw_page_body
from storage.schema import FetchRow

#: outcome of a discovery source that answered (200 or 304)
SOURCE = "listing"
#: outcome of a probed source that does not exist (404/410 on a guessed /sitemap.xml, /feed/, wp-json)
ABSENT = "absent"


@dataclass(frozen=True)
class CachedSource:
    """The last answer of a source: validators to send back, and the body a 304 stands for."""

    etag: str | None
    last_modified: str | None
    body: bytes
    content_type: str | None


def log_source(
    session: Session,
    capture: Capture,
    *,
    run_id: int | None,
    body: bytes | None = None,
) -> int:
    """Log a source's 200 or 304 answer and keep the body it stands for (`body` for a 304: the
    cached one); returns the fetch id."""
    fetch_id, _ = record_capture(session, capture, run_id=run_id, outcome=SOURCE, body=body)
    return fetch_id


def cached_source(session: Session, url: str) -> CachedSource | None:
    """The validators and body of `url`'s last answer as a source, if it gave validators."""
    row = session.scalars(
        select(FetchRow)
        .where(
            FetchRow.url == url,
            FetchRow.outcome == SOURCE,
            FetchRow.raw_page_id.is_not(None),
            or_(FetchRow.etag.is_not(None), FetchRow.last_modified.is_not(None)),
        )
        .order_by(FetchRow.id.desc())
        .limit(1)
    ).first()
    if row is None or row.raw_page_id is None:
        return None
    content_type = (row.response_headers or {}).get("Content-Type")
    return CachedSource(
        row.etag, row.last_modified, raw_page_body(session, row.raw_page_id), content_type
    )


def recently_absent(session: Session, url_prefix: str, *, since: dt.datetime) -> bool:
    """True when the latest answer of a source starting with `url_prefix` (since `since`) said it
    does not exist: the probe waits until that answer is older than `since`."""
    latest = session.scalars(
        select(FetchRow.outcome)
        .where(
            FetchRow.url.startswith(url_prefix, autoescape=True),
            FetchRow.fetched_at >= since,
            FetchRow.outcome.in_((SOURCE, ABSENT)),
        )
        .order_by(FetchRow.id.desc())
        .limit(1)
    ).first()
    return latest == ABSENT


#: outcome of the last retry of a broken link: reported once, not retried any more
BROKEN = "broken"
_MISSING = (404, 410)
#: the error of a linked URL that answered 200 with no page (`scraper.errors.ContentTypeError`,
#: a PDF, an image): a broken link too
_NOT_A_PAGE = "%: content type % is not one of %"


@dataclass(frozen=True)
class LinkFailures:
    """The 404/410 (or not-a-page) history of a linked URL that was never archived."""

    url: str
    failures: int
    last: dt.datetime
    dropped: bool


def link_failures(session: Session) -> dict[str, LinkFailures]:
    """Every never-archived URL that answered 404/410 or a content type that is no page (a
    broken link), with its failure count."""
    broken = or_(
        FetchRow.status.in_(_MISSING),
        (FetchRow.status == 200) & FetchRow.error.like(_NOT_A_PAGE),
    )
    rows = session.execute(
        select(FetchRow.url, func.count(), func.max(FetchRow.fetched_at))
        .where(broken, FetchRow.outcome.in_(("failed", BROKEN)))
        .group_by(FetchRow.url)
    )
    found = {}
    for url, count, last in rows:
        last = last if last.tzinfo else last.replace(tzinfo=dt.UTC)
        found[url] = LinkFailures(url, int(count), last, dropped=False)
    for url in session.scalars(select(FetchRow.url).where(FetchRow.outcome == BROKEN).distinct()):
        if url in found:
            old = found[url]
            found[url] = LinkFailures(url, old.failures, old.last, dropped=True)
    return found


def broken_links(session: Session) -> list[LinkFailures]:
    """The broken links dropped from the retries (`hubarchive runs --failed`), newest first."""
    dropped = [f for f in link_failures(session).values() if f.dropped]
    return sorted(dropped, key=lambda f: f.last, reverse=True)
