"""The last runs of an archive, read back for monitoring (`hubarchive runs`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.schema import RunRow


def recent_runs(
    session: Session, *, limit: int = 20, kind: str | None = None
) -> list[dict[str, Any]]:
    """The newest `limit` runs (all kinds unless `kind`), newest first, as JSON-ready dicts."""
    query = select(RunRow).order_by(RunRow.started_at.desc(), RunRow.id.desc()).limit(limit)
    if kind:
        query = query.where(RunRow.kind == kind)
    return [
        {
            "id": run.id,
            "kind": run.kind,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "outcome": run.outcome,
            "exit_code": run.exit_code,
            "pid": run.pid,
            "host": run.host,
            "counts": dict(run.counts or {}),
            "message": run.message,
        }
        for run in session.scalars(query)
    ]
