"""One crawl at a time per archive: a file lock beside a SQLite file, an advisory lock on PostgreSQL.

Both locks belong to the process holding them and vanish with it, so a lock left by a killed
crawl is recovered by the next one without any clean-up: the kernel drops the `flock` of a dead
process, and PostgreSQL drops the advisory lock of a closed session.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.errors import LockedError

#: The advisory lock key of crawls (a stable 63-bit number derived from a name).
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"hubarchive:crawl").digest()[:8], "big") >> 1


def lock_path(engine: Engine) -> Path | None:
    """The lock file of a SQLite archive (`<file>.lock`); None for in-memory or server databases."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(f"{database}.lock").resolve()


@contextmanager
def crawl_lock(engine: Engine) -> Iterator[None]:
    """Hold the archive's crawl lock for the block; raise `LockedError` at once if another has it."""
    where = engine.url.render_as_string(hide_password=True)
    if engine.url.get_backend_name() == "postgresql":
        with engine.connect() as connection:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}
            ).scalar()
            connection.commit()
            if not got:
                raise LockedError(
                    f"another crawl is running on {where} (PostgreSQL advisory lock "
                    f"{ADVISORY_KEY} is held); try again when it ends"
                )
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                connection.commit()
        return
    path = lock_path(engine)
    if path is None:
        yield
        return
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LockedError(
            f"another crawl is running on {where} (lock file {path} is held); "
            "try again when it ends"
        ) from exc
    try:
        yield
    finally:
        lock.release()
