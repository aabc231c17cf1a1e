"""Who may write an archive at once: one crawl per site, several sites together, archive-wide
writers alone (DECISIONS.md, "Locks and writers").

A crawl holds the archive lock *shared* and its site's lock *exclusive*; `reparse` without
`--site`, `warc import`, `forget` and `db upgrade` hold the archive lock *exclusive*, which
excludes every crawl. On SQLite the locks are `flock`s on `<resolved db>.lock` and
`<resolved db>.<site>.lock`; on PostgreSQL, session advisory locks (shared / exclusive) on one
archive key and one key per site.

Every lock belongs to the process holding it and vanishes with it, so a lock left by a killed
crawl is recovered by the next one without any clean-up: the kernel drops the `flock` of a dead
process, and PostgreSQL drops the advisory lock of a closed session.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from storage.errors import ArchiveUnavailableError, LockedError

#: The advisory lock key of the whole archive (a stable 63-bit number derived from a name).
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"hubarchive:crawl").digest()[:8], "big") >> 1
#: The site key of a crawl that names none (the default profile).
DEFAULT_SITE = "hub_brussels"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def site_advisory_key(site: str) -> int:
    """The PostgreSQL advisory lock key of one site."""
    return int.from_bytes(hashlib.sha256(f"hubarchive:site:{site}".encode()).digest()[:8]) >> 1


def lock_path(engine: Engine, site: str | None = None) -> Path | None:
    """The lock file of a SQLite archive (`<resolved file>.lock`, or `<resolved file>.<site>.lock`
    for one site); None for in-memory or server databases. Symlinked or relative spellings of
    one file give one lock."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    resolved = Path(database).expanduser().resolve()
    if site is None:
        return Path(f"{resolved}.lock")
    return Path(f"{resolved}.{_file_safe(site)}.lock")


def _file_safe(site: str) -> str:
    """A site key as a file-name part: readable, and distinct for distinct keys."""
    slug = _UNSAFE.sub("_", site).strip("_")[:60]
    if slug == site:
        return slug
    return f"{slug}-{hashlib.sha256(site.encode()).hexdigest()[:8]}"


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def _flock(path: Path, *, shared: bool, busy: str) -> Iterator[None]:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except (PermissionError, IsADirectoryError) as exc:
        raise ArchiveUnavailableError(
            f"cannot create the lock file {path} ({exc.strerror}): the archive's folder must be "
            "writable for the user who runs this command"
        ) from exc
    except OSError as exc:
        if exc.errno != errno.EROFS:
            raise
        raise ArchiveUnavailableError(
            f"cannot create the lock file {path}: the archive is on a read-only file system"
        ) from exc
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise LockedError(f"{busy} (lock file {path} is held); try again when it ends") from exc
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _advisory(connection: Connection, key: int, *, shared: bool, busy: str) -> Iterator[None]:
    kind = "_shared" if shared else ""
    got = connection.execute(
        text(f"SELECT pg_try_advisory_lock{kind}(:key)"), {"key": key}
    ).scalar()
    connection.commit()
    if not got:
        raise LockedError(
            f"{busy} (PostgreSQL advisory lock {key} is held); try again when it ends"
        )
    try:
        yield
    finally:
        connection.execute(text(f"SELECT pg_advisory_unlock{kind}(:key)"), {"key": key})
        connection.commit()


@contextmanager
def crawl_lock(engine: Engine, site: str = DEFAULT_SITE) -> Iterator[None]:
    """Hold the archive lock shared and `site`'s lock exclusive for the block; raise
    `LockedError` at once when another crawl of that site, or an archive-wide writer, runs."""
    where = _where(engine)
    archive_busy = (
        f"an archive-wide command (warc import, forget, reparse, db upgrade) runs on {where}"
    )
    site_busy = f"another crawl of site {site} is running on {where}"
    with ExitStack() as stack:
        if engine.url.get_backend_name() == "postgresql":
            connection = stack.enter_context(engine.connect())
            stack.enter_context(_advisory(connection, ADVISORY_KEY, shared=True, busy=archive_busy))
            stack.enter_context(
                _advisory(connection, site_advisory_key(site), shared=False, busy=site_busy)
            )
        else:
            archive, own = lock_path(engine), lock_path(engine, site)
            if archive is not None and own is not None:
                stack.enter_context(_flock(archive, shared=True, busy=archive_busy))
                stack.enter_context(_flock(own, shared=False, busy=site_busy))
        yield


@contextmanager
def archive_lock(engine: Engine, command: str = "an archive-wide command") -> Iterator[None]:
    """Hold the archive lock exclusive (no crawl of any site, no other archive-wide writer) for
    the block; raise `LockedError` at once when one runs."""
    busy = f"a crawl or another archive-wide command runs on {_where(engine)}; {command} waits for none"
    with ExitStack() as stack:
        if engine.url.get_backend_name() == "postgresql":
            connection = stack.enter_context(engine.connect())
            stack.enter_context(_advisory(connection, ADVISORY_KEY, shared=False, busy=busy))
        else:
            path = lock_path(engine)
            if path is not None:
                stack.enter_context(_flock(path, shared=False, busy=busy))
        yield
