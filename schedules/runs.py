"""The last runs of an archive, read back for monitoring (`hubarchive runs`).

A run row still `running` whose process is gone (same host, no such pid) is shown as
`interrupted`: the process ended without recording its end (SIGKILL, power loss); the next crawl
of its site records it so.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.schema import RunRow
from storage.sources import broken_links


def process_alive(pid: int | None, host: str | None) -> bool:
    """False when `pid` surely no longer runs: it ran on this host and no such process exists
    (a run of another host, or without pid, is taken to be alive)."""
    if pid is None or host != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    return True


def recent_runs(
    session: Session, *, limit: int = 20, kind: str | None = None
) -> list[dict[str, Any]]:
    """The newest `limit` runs (all kinds unless `kind`), newest first, as JSON-ready dicts."""
    query = select(RunRow).order_by(RunRow.started_at.desc(), RunRow.id.desc()).limit(limit)
    if kind:
        query = query.where(RunRow.kind == kind)
    rows = []
    for run in session.scalars(query):
        outcome, message = run.outcome, run.message
        if outcome == "running" and not process_alive(run.pid, run.host):
            outcome = "interrupted"
            message = f"process {run.pid} is gone without recording the end of its run"
        rows.append(
            {
                "id": run.id,
                "kind": run.kind,
                "site": run.site,
                "started_at": run.started_at,
                "finished_at": run.finished_at,
                "outcome": outcome,
                "exit_code": run.exit_code,
                "pid": run.pid,
                "host": run.host,
                "counts": dict(run.counts or {}),
                "message": message,
            }
        )
    return rows


def dropped_links(session: Session, *, limit: int = 100) -> list[dict[str, Any]]:
    """Broken links dropped from the retries (answered 404/410, or no page, after every retry), newest first."""
    return [
        {"url": f.url, "failures": f.failures, "last_tried": f.last}
        for f in broken_links(session)[:limit]
    ]
