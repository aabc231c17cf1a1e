"""What the suspect-200 rule needs from the archive: the current version's shape, the last fetch.

A 200 whose record looks damaged (no title, no body, shorter than declared, or shrunk with a new
title) is logged as a failed fetch with its raw page, not versioned; the same content suspected
twice in a row is versioned after all (the site really changed), and found again it is
unchanged. The rule itself is
`schedules.suspect`; this module only reads and logs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scraper.models import Capture
from storage.archive import log_fetch
from storage.rawpages import put_raw_page
from storage.schema import ArticleRow, FetchRow, RawPage, VersionRow

#: How the error of a suspect capture's fetch row begins (`runs --failed` shows it).
SUSPECT_PREFIX = "suspect 200: "

#: The outcomes of a fetch whose capture was stored as (or found equal to) a version.
_STORED = ("new", "changed", "unchanged")


@dataclass(frozen=True)
class CurrentShape:
    """The current content version of an article: its title and the length of its body."""

    title: str | None
    body_chars: int


def current_shape(session: Session, url: str) -> CurrentShape | None:
    """Title and body length of `url`'s current content version; None when never versioned."""
    row = session.execute(
        select(VersionRow.title, func.length(VersionRow.body))
        .join(ArticleRow, ArticleRow.id == VersionRow.article_id)
        .where(
            ArticleRow.url == url,
            VersionRow.seq == ArticleRow.current_version,
            VersionRow.kind == "content",
        )
    ).first()
    return None if row is None else CurrentShape(row[0], int(row[1] or 0))


def suspected_before(session: Session, url: str, body: bytes) -> bool:
    """True when `url`'s latest fetch had exactly this body and was refused as suspect, or was
    stored (a suspect content confirmed once stays confirmed: the next runs find it unchanged
    instead of alternating between a failed fetch and "unchanged")."""
    latest = session.execute(
        select(FetchRow.outcome, FetchRow.error, RawPage.sha256)
        .outerjoin(RawPage, RawPage.id == FetchRow.raw_page_id)
        .where(FetchRow.url == url)
        .order_by(FetchRow.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        return False
    outcome, error, sha256 = latest
    refused = outcome == "failed" and (error or "").startswith(SUSPECT_PREFIX)
    stored = outcome in _STORED
    return (refused or stored) and sha256 == hashlib.sha256(body).hexdigest()


def log_suspect(session: Session, capture: Capture, reason: str, *, run_id: int | None) -> int:
    """Log `capture` as a failed fetch (`SUSPECT_PREFIX` + `reason`), its body kept as a raw
    page for the next run's comparison; returns the fetch id."""
    raw_page_id = put_raw_page(session, capture.body, content_type=capture.content_type)
    return log_fetch(
        session,
        capture.url,
        fetched_at=capture.fetched_at or dt.datetime.now(dt.UTC),
        capture=capture,
        run_id=run_id,
        outcome="failed",
        error=SUSPECT_PREFIX + reason,
        raw_page_id=raw_page_id,
    )
