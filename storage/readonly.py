"""Open an existing archive for reading only: no schema is created, no connection can write."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from storage.db import current_revision, head_revision, is_empty, open_engine, read_only
from storage.errors import ArchiveMissingError, SchemaVersionError


def open_read_only(url: str) -> Engine:
    """An engine on the archive at `url` whose every connection refuses writes.

    SQLite connections run with `PRAGMA query_only`, PostgreSQL sessions are READ ONLY. Raises
    what `storage.db.open_engine` raises, `ArchiveMissingError` for a database that holds no
    archive, and `SchemaVersionError` when the archive is not at this code's schema revision.
    """
    engine = open_engine(url, migrate=False, create=False)
    try:
        _check_revision(engine)
    except BaseException:
        engine.dispose()
        raise

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            dbapi_connection.commit()
        cursor.close()

    engine.dispose()  # connections opened by the check above predate the read-only hook
    return read_only(engine)  # deferred SQLite transactions: BEGIN IMMEDIATE would need to write


def _check_revision(engine: Engine) -> None:
    where = engine.url.render_as_string(hide_password=True)
    current, head = current_revision(engine), head_revision()
    if current is None:
        raise ArchiveMissingError(f"{where} holds no archive yet: run `hubarchive crawl` first")
    if current != head:
        raise SchemaVersionError(
            f"{where} is at schema revision {current}, this hubarchive reads {head}: "
            f"run `hubarchive db upgrade --db {where}`"
        )


@contextmanager
def open_without_writing(url: str) -> Iterator[Engine]:
    """For a command that must leave no trace (`crawl --dry-run`): the archive at `url` read-only,
    or, where there is none yet (no SQLite file, an empty database), an empty archive in a
    temporary folder, removed after: the dry run finds nothing known, and creates no file.

    Raises what `open_read_only` raises for a database that is not an archive, or an archive at
    another revision (a dry run does not migrate it either).
    """
    try:
        probe = open_engine(url, migrate=False, create=False)
    except ArchiveMissingError:  # no SQLite file: nothing to read, nothing to create
        probe = None
    if probe is not None:
        try:
            nothing = is_empty(probe)
        finally:
            probe.dispose()
        if not nothing:
            engine = open_read_only(url)
            try:
                yield engine
            finally:
                engine.dispose()
            return
    with tempfile.TemporaryDirectory(prefix="hubarchive-dry-run-") as folder:
        scratch = open_engine(f"sqlite:///{Path(folder) / 'empty.db'}")
        try:
            yield scratch
        finally:
            scratch.dispose()
