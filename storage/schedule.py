"""The sites the workers crawl on a schedule (`site_schedules`) and the leases that share them out.

A worker leases one due site at a time with `SELECT … FOR UPDATE SKIP LOCKED` (two workers never
pick the same row, none waits for another), holds it while heartbeats renew the lease, and
releases it with the next due time. A lease that is not renewed expires: the site is due again
and the next worker takes it over, with the run under way (`run_id`) to continue.

Every time here is the database server's clock (`now()`), so workers on several machines need
no synchronised clocks. Leasing needs PostgreSQL; registering and listing sites work on SQLite
too. The caller owns the session and the transaction: nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.archive import record_site
from storage.rows import as_utc
from storage.schema import RunRow, Site, SiteSchedule


@dataclass(frozen=True)
class ScheduledSite:
    """A site of the archive and its schedule (`every_s` None: not scheduled, crawled by
    `hubarchive crawl` only)."""

    key: str
    profile_key: str | None
    start_urls: list[str]
    every_s: int | None
    delay: float | None
    due_at: dt.datetime | None
    lease_owner: str | None
    lease_expires_at: dt.datetime | None
    last_run_id: int | None
    last_outcome: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "profile": self.profile_key,
            "start_urls": list(self.start_urls),
            "every_seconds": self.every_s,
            "delay": self.delay,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "lease_owner": self.lease_owner,
            "lease_expires_at": (
                self.lease_expires_at.isoformat() if self.lease_expires_at else None
            ),
            "last_run_id": self.last_run_id,
            "last_outcome": self.last_outcome,
        }


@dataclass(frozen=True)
class Lease:
    """A site a worker holds: what its crawl needs, and the run to continue (None: a new one)."""

    site_id: int
    key: str
    profile_text: str | None
    start_urls: tuple[str, ...]
    delay: float | None
    every_s: int
    run_id: int | None
    #: the worker whose expired lease this one replaces (None: the site was free)
    previous_owner: str | None


def database_now(session: Session) -> dt.datetime:
    """The database server's clock (UTC); Python's on SQLite, which has the machine's anyway."""
    if session.get_bind().dialect.name != "postgresql":
        return dt.datetime.now(dt.UTC)
    return as_utc(session.execute(select(func.now())).scalar_one())


def schedule_site(
    session: Session,
    key: str,
    *,
    profile_text: str,
    start_urls: list[str],
    every_s: int,
    delay: float | None,
    base_url: str | None,
) -> bool:
    """Register site `key` with its profile text and schedule, due at once; an existing one is
    updated (its lease and due time kept). True when the site was not scheduled before."""
    site_id = record_site(session, key, profile_text=profile_text, base_url=base_url)
    row = session.get(SiteSchedule, site_id)
    if row is None:
        session.add(
            SiteSchedule(
                site_id=site_id,
                every_s=every_s,
                start_urls=list(start_urls),
                delay=delay,
                due_at=database_now(session),
            )
        )
        session.flush()
        return True
    row.every_s, row.start_urls, row.delay = every_s, list(start_urls), delay
    session.flush()
    return False


def unschedule_site(session: Session, key: str) -> bool:
    """Take site `key` off the workers' schedule (its articles stay); False when it had none."""
    site_id = session.scalar(select(Site.id).where(Site.key == key))
    if site_id is None:
        return False
    result = session.execute(delete(SiteSchedule).where(SiteSchedule.site_id == site_id))
    return bool(getattr(result, "rowcount", 0))


def scheduled_sites(session: Session) -> list[ScheduledSite]:
    """Every site of the archive, scheduled ones first (by due time), then the others by key."""
    rows = session.execute(
        select(Site, SiteSchedule, RunRow.outcome)
        .outerjoin(SiteSchedule, SiteSchedule.site_id == Site.id)
        .outerjoin(RunRow, RunRow.id == SiteSchedule.last_run_id)
        .order_by(SiteSchedule.due_at.is_(None), SiteSchedule.due_at, Site.key)
    )
    found = []
    for site, schedule, outcome in rows:
        found.append(
            ScheduledSite(
                key=site.key,
                profile_key=_profile_key(site.profile),
                start_urls=list(schedule.start_urls or ()) if schedule else [],
                every_s=schedule.every_s if schedule else None,
                delay=schedule.delay if schedule else None,
                due_at=as_utc(schedule.due_at) if schedule else None,
                lease_owner=schedule.lease_owner if schedule else None,
                lease_expires_at=(
                    as_utc(schedule.lease_expires_at)
                    if schedule and schedule.lease_expires_at
                    else None
                ),
                last_run_id=schedule.last_run_id if schedule else None,
                last_outcome=outcome,
            )
        )
    return found


def _profile_key(text: str | None) -> str | None:
    """The `[site] key` of a stored profile text (None: none stored, or it does not read)."""
    if not text:
        return None
    try:
        site = tomllib.loads(text).get("site") or {}
    except tomllib.TOMLDecodeError:
        return None
    key = site.get("key") if isinstance(site, dict) else None
    return str(key) if key else None


def lease_due_site(session: Session, owner: str, *, lease_s: float) -> Lease | None:
    """Lease the most urgent due site that no live lease holds (PostgreSQL): a site whose run a
    dead worker left first, then the longest overdue. None when no site is due."""
    now = func.now()
    due = (
        select(SiteSchedule)
        .where(
            SiteSchedule.due_at <= now,
            or_(SiteSchedule.lease_expires_at.is_(None), SiteSchedule.lease_expires_at < now),
        )
        .order_by(SiteSchedule.run_id.is_(None), SiteSchedule.due_at)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    row = session.scalars(due).first()
    if row is None:
        return None
    previous = row.lease_owner
    row.lease_owner = owner
    row.lease_expires_at = _later(session, lease_s)
    site = session.get(Site, row.site_id)
    assert site is not None
    run_id = row.run_id
    if (
        run_id is not None
        and session.scalar(select(RunRow.outcome).where(RunRow.id == run_id)) != "running"
    ):
        run_id = row.run_id = None  # that run was closed after all: a new run begins
    session.flush()
    return Lease(
        site_id=row.site_id,
        key=site.key,
        profile_text=site.profile,
        start_urls=tuple(row.start_urls or ()),
        delay=row.delay,
        every_s=row.every_s,
        run_id=run_id,
        previous_owner=previous,
    )


def renew_lease(session: Session, site_id: int, owner: str, *, lease_s: float) -> bool:
    """Extend `owner`'s lease of the site by `lease_s` from now; False when `owner` no longer
    holds it (it expired and another worker took the site over, or the site was removed)."""
    result = session.execute(
        update(SiteSchedule)
        .where(SiteSchedule.site_id == site_id, SiteSchedule.lease_owner == owner)
        .values(lease_expires_at=_later(session, lease_s))
    )
    return bool(getattr(result, "rowcount", 0))


def note_run(session: Session, site_id: int, owner: str, run_id: int) -> None:
    """Record the run `owner` crawls the site in, for a worker that may have to take it over."""
    session.execute(
        update(SiteSchedule)
        .where(SiteSchedule.site_id == site_id, SiteSchedule.lease_owner == owner)
        .values(run_id=run_id)
    )


def release_lease(
    session: Session,
    site_id: int,
    owner: str,
    *,
    run_id: int | None,
    due_in_s: float | None,
    run_over: bool = True,
) -> None:
    """Give the site back, due again in `due_in_s` seconds (None: its schedule's interval after
    now). `run_id`: the run that ended (None when none did); without `run_over`, the run under
    way stays noted for the next worker to continue."""
    row = session.get(SiteSchedule, site_id, with_for_update=True)
    if row is None or row.lease_owner != owner:
        return  # removed meanwhile, or taken over by another worker: theirs now
    row.due_at = _later(session, row.every_s if due_in_s is None else due_in_s)
    row.lease_owner = row.lease_expires_at = None
    if run_over:
        row.run_id = None
    if run_id is not None:
        row.last_run_id = run_id
    session.flush()


def seconds_until_due(session: Session) -> float | None:
    """Seconds until the next site falls due, or a lease expires (≤ 0: now); None: no site is
    scheduled."""
    soonest = session.scalar(
        select(
            func.min(
                func.greatest(
                    SiteSchedule.due_at,
                    func.coalesce(SiteSchedule.lease_expires_at, SiteSchedule.due_at),
                )
            )
        )
    )
    if soonest is None:
        return None
    return (as_utc(soonest) - database_now(session)).total_seconds()


def _later(session: Session, seconds: float) -> dt.datetime:
    return database_now(session) + dt.timedelta(seconds=seconds)
