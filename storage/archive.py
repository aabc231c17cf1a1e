"""The archive API: store a record (NEW / CHANGED / UNCHANGED), tombstones, validators, runs and fetch logs.

CONTRACT (written before the implementation; the storage issue fills the bodies, other packages code
against these signatures). The caller owns the session and the transaction: nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from scraper.models import Article, Capture


class StoreStatus(enum.Enum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    GONE = "gone"


@dataclass
class StoreResult:
    status: StoreStatus
    article_id: int
    version: int
    changed_fields: list[str] = field(default_factory=list)


def store_record(session: Session, article: Article, *, seen_at: dt.datetime,
                 capture: Capture | None = None, run_id: int | None = None,
                 extractor_version: str | None = None, site: str | None = None) -> StoreResult:
    """Store `article`; a new version only when its content hash moved. Keeps the raw page of `capture`."""
    raise NotImplementedError


def mark_gone(session: Session, url: str, *, seen_at: dt.datetime, capture: Capture | None = None,
              run_id: int | None = None) -> StoreResult | None:
    """Tombstone a known article that answered 404/410; None when the URL was never archived."""
    raise NotImplementedError


def mark_seen(session: Session, url: str, *, seen_at: dt.datetime) -> None:
    """Move `last_seen` of a known article (a 304 answer): no version, nothing parsed."""
    raise NotImplementedError


def validators(session: Session, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the last 200 response stored for `url`, for a conditional GET."""
    raise NotImplementedError
