"""What a run already fetched, read back from its fetch log, so that a worker taking over a dead
worker's run (same `runs` row) fetches no URL a second time: article pages are skipped, sources
(listings, sitemaps, feeds, robots.txt) are answered from the bodies the run kept.

The caller owns the session and the transaction: nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.rawpages import raw_page_body
from storage.rows import as_utc
from storage.schema import FetchRow, RunRow

#: fetch outcomes whose kept body answers the URL again (a source, or robots.txt)
REPLAYED = ("listing", "robots")


@dataclass(frozen=True)
class RecordedAnswer:
    """The last logged exchange of one URL in a run: its outcome, status and (for a source or
    robots.txt) the body it stands for."""

    url: str
    outcome: str | None
    status: int | None
    fetched_at: dt.datetime
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None


def take_over_run(session: Session, run_id: int) -> dt.datetime:
    """Make this process the one running run `run_id` (its pid and host, for `hubarchive runs`);
    returns when the run started. Raises `LookupError` for a run that is not running."""
    run = session.get(RunRow, run_id)
    if run is None or run.outcome != "running":
        raise LookupError(f"run {run_id} is not running: it cannot be continued")
    run.pid, run.host = os.getpid(), socket.gethostname()
    session.flush()
    return as_utc(run.started_at)


def run_answers(session: Session, run_id: int) -> dict[str, RecordedAnswer]:
    """Every URL run `run_id` fetched, with its last logged exchange (bodies of sources)."""
    rows = session.scalars(select(FetchRow).where(FetchRow.run_id == run_id).order_by(FetchRow.id))
    answers: dict[str, RecordedAnswer] = {}
    for row in rows:
        body = None
        if row.outcome in REPLAYED and row.raw_page_id is not None:
            body = raw_page_body(session, row.raw_page_id)
        answers[row.url] = RecordedAnswer(
            url=row.url,
            outcome=row.outcome,
            status=row.status,
            fetched_at=as_utc(row.fetched_at),
            headers=dict(row.response_headers or {}),
            body=body,
            error=row.error,
        )
    return answers
