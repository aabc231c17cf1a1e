"""Open the archive's database (SQLite or PostgreSQL), apply its migrations, and scope transactions."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session

from storage.errors import (
    ArchiveBusyError,
    ArchiveMissingError,
    ArchiveUnavailableError,
    ArchiveUnreachableError,
    ArchiveURLError,
    NotAnArchiveError,
    SchemaVersionError,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Seconds a SQLite writer waits for another one to finish before giving up.
SQLITE_BUSY_TIMEOUT_S = 30
#: Pause between two tries to switch a new archive to WAL while another process holds it.
WAL_RETRY_S = 0.05


def parse_archive_url(url: str) -> URL:
    """The SQLAlchemy URL of an archive: a bare path means a SQLite file, `postgresql://` means psycopg 3."""
    text = url.strip()
    if not text:
        raise ArchiveURLError(
            "the archive URL is empty: give --db sqlite:///file.db or a file path"
        )
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise ArchiveURLError(
            f"cannot read archive URL {text!r}: expected sqlite:///file.db or "
            "postgresql+psycopg://user@host:5432/dbname"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _use_wal(cursor: Any) -> None:
    """Put the file in WAL mode (persistent: done once per archive). Switching needs the file to
    itself, and SQLite answers "locked" at once, without the busy wait, while another process
    creates the schema of the same new archive: wait for it as long as the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_S)


def _sqlite_pragmas(engine: Engine) -> None:
    """WAL, foreign keys and a busy timeout on every connection; real SAVEPOINTs for nested stores."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling breaks SAVEPOINT; we emit BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A write transaction takes the write lock at once, waiting the busy timeout for it: a
        # deferred one that reads, then writes, gets SQLITE_BUSY at once when another writer
        # went first (no busy wait is possible without a deadlock). Readers use "DEFERRED"
        # (`read_only`): under WAL they never wait for a writer.
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


#: PostgreSQL compresses the large values a store writes (version text, search documents) with lz4
#: instead of pglz when the server has it (14 and later, built with lz4; otherwise nothing
#: changes): the server's CPU time of storing a new record went from 2.5 to 1.9 ms in
#: bench/archive.py. Values already stored keep their compression; both read back the same.
_PG_LZ4 = (
    "SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings"
    " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


def _postgresql_settings(engine: Engine) -> None:
    """Session settings of every PostgreSQL connection (see `_PG_LZ4`)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(_PG_LZ4)
        dbapi_connection.commit()


#: One decoder for every JSON column read: `json.loads` first sniffs the encoding of the bytes
#: psycopg hands it, which cost a quarter of the decoding in an export (the server sends UTF-8).
_JSON_DECODER = json.JSONDecoder()


def _json_loads(data: str | bytes) -> Any:
    text = data if isinstance(data, str) else bytes(data).decode("utf-8")
    if text == "[]":  # most warnings, many cards and translations: no parser needed
        return []
    if text == "{}":
        return {}
    return _JSON_DECODER.decode(text)


def open_engine(url: str, *, migrate: bool = True, create: bool = True) -> Engine:
    """An engine on the archive at `url`; with `migrate`, an empty database gets the schema first.

    Without `create`, a SQLite file that does not exist is an error rather than a new, empty
    archive: readers must not mistake a mistyped path for an archive with nothing in it.

    Raises `ArchiveURLError` for a malformed URL or a missing driver, `ArchiveMissingError` for
    a missing SQLite file (without `create`), `ArchiveUnavailableError` when the database cannot
    be reached, `SchemaVersionError` when it needs `hubarchive db upgrade`.
    """
    parsed = parse_archive_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        _check_sqlite_path(Path(parsed.database), create=create)
    try:
        engine = create_engine(parsed, pool_pre_ping=not is_sqlite, json_deserializer=_json_loads)
    except (NoSuchModuleError, ImportError) as exc:
        raise ArchiveURLError(
            f"no database driver for {parsed.drivername!r}: use sqlite:///file.db or "
            f"postgresql+psycopg://… (psycopg 3 is installed with hubarchive) ({exc})"
        ) from exc
    if is_sqlite:
        _sqlite_pragmas(engine)
    else:
        _postgresql_settings(engine)
    if migrate:
        ensure_schema(engine)
    return engine


def read_only(engine: Engine) -> Engine:
    """`engine` for a command that only reads: SQLite transactions begin deferred (no write
    lock, no wait behind a crawl's writes)."""
    if engine.url.get_backend_name() != "sqlite":
        return engine
    return engine.execution_options(sqlite_begin="DEFERRED")


def _check_sqlite_path(path: Path, *, create: bool) -> None:
    if not path.parent.is_dir():
        raise ArchiveURLError(
            f"the folder of the SQLite archive {str(path)!r} does not exist: create it first"
        )
    if path.exists() and not path.is_file():
        raise NotAnArchiveError(
            f"{path} is not a regular file (a device or a folder), so not a SQLite archive"
        )
    if not create and not path.exists():
        raise ArchiveMissingError(
            f"no archive at {path}; run `hubarchive crawl` or `hubarchive db upgrade` first"
        )


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest migration this code ships."""
    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at; None for a database never migrated."""
    with _connect(engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()


#: libpq's words for a database that does not exist (no SQLSTATE is set at connection time)
_NO_SUCH_DATABASE = re.compile(r'database "[^"]*" does not exist')


def check_reachable(engine: Engine) -> None:
    """Connect once: `ArchiveUnreachableError` (server down, refused, bad credentials) or
    `ArchiveMissingError` (no such PostgreSQL database) as one line, before any work starts."""
    with _connect(engine):
        pass


@contextmanager
def _connect(engine: Engine) -> Iterator[Any]:
    where = engine.url.render_as_string(hide_password=True)
    try:
        connection = engine.connect()
    except OperationalError as exc:
        reason = " ".join(str(exc.orig).split())  # psycopg adds a hint on a second line
        if _NO_SUCH_DATABASE.search(reason):
            raise ArchiveMissingError(
                f"cannot open the archive {where}: {reason}; create it first (createdb)"
            ) from exc
        if engine.url.get_backend_name() == "sqlite" and (
            "readonly database" in reason or _shm_refused(engine, reason)
        ):
            # a WAL archive is read through its -shm file, which SQLite must be able to create
            folder = Path(engine.url.database or ".").expanduser().parent
            raise ArchiveUnavailableError(
                f"cannot read the archive {where}: its folder {folder} is not writable for this "
                "user, and SQLite must create the archive's -shm file beside it to read it; "
                "make the folder writable, or copy the archive to a folder that is"
            ) from exc
        raise ArchiveUnreachableError(
            f"cannot open the archive {where}: {reason} (check --db and the database server)"
        ) from exc
    except DBAPIError as exc:  # SQLite: "file is not a database", and the like
        raise NotAnArchiveError(
            f"{where} is not a hubarchive archive or is damaged ({str(exc.orig).strip()}): "
            "point --db at an archive, or restore it from a backup"
        ) from exc
    if engine.url.get_backend_name() == "sqlite":
        # reading the schema takes no write lock; `upgrade` asks for one itself
        connection = connection.execution_options(sqlite_begin="DEFERRED")
    with connection:
        try:
            yield connection
        except OperationalError as exc:
            if not _is_busy(exc):
                raise
            raise ArchiveBusyError(
                f"{where} stayed locked by another writer for {SQLITE_BUSY_TIMEOUT_S} s "
                "(the busy timeout); try again when it is done"
            ) from exc
        except DatabaseError as exc:
            if "not a database" not in str(exc.orig) and "malformed" not in str(exc.orig):
                raise
            raise NotAnArchiveError(
                f"{where} is not a hubarchive archive or is damaged ({str(exc.orig).strip()}): "
                "point --db at an archive, or restore it from a backup"
            ) from exc


def _shm_refused(engine: Engine, reason: str) -> bool:
    """SQLite could not open an existing archive because its folder is not writable: some
    SQLite builds say "unable to open database file" (SQLITE_CANTOPEN, the -shm file it could
    not create) rather than "readonly database"; it was exit 70, as a crash."""
    if "unable to open database file" not in reason or not engine.url.database:
        return False
    path = Path(engine.url.database).expanduser()
    return path.is_file() and not os.access(path.parent, os.W_OK)


def check_writable(url: str) -> None:
    """Refuse, before anything is written, a SQLite archive whose file or folder is read-only
    (SQLite would fail mid-run: WAL needs the folder too). `ArchiveUnavailableError`."""
    parsed = parse_archive_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return
    if parsed.database == ":memory:":
        return
    path = Path(parsed.database).expanduser()
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.W_OK):
            raise ArchiveUnavailableError(
                f"the archive {path} is read-only ({target} is not writable): check its "
                "permissions, or run read commands only"
            )


#: Key of the PostgreSQL advisory lock that lets one process at a time migrate an archive.
_MIGRATION_LOCK = 0x6875_6261_7263  # "hubarc"


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply the shipped migrations up to `revision`; returns (revision before, revision after).

    Processes opening a new archive at the same moment migrate it one after the other: the
    second finds the work done.
    """
    with _connect(engine) as connection:
        if connection.dialect.name == "sqlite":
            connection.execution_options(sqlite_begin="IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        before = MigrationContext.configure(connection).get_current_revision()
        command.upgrade(_alembic_config(connection), revision)
        after = MigrationContext.configure(connection).get_current_revision()
        connection.commit()
    return before, after


def writer_engine(engine: Engine) -> Engine:
    """`engine` for a writer that shares the archive with others (crawls of several sites): on
    SQLite every transaction begins IMMEDIATE, so it waits the busy timeout for the write lock
    instead of failing at once when another writer committed after its first read."""
    if engine.url.get_backend_name() != "sqlite":
        return engine
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def ensure_schema(engine: Engine) -> None:
    """Migrate an empty database; refuse one whose schema is behind or ahead of this code."""
    current, has_tables = _schema_state(engine)
    head = head_revision()
    if current == head:
        return
    if current is None and not has_tables:
        try:
            upgrade(engine)
        except DBAPIError:
            # two processes opening one fresh archive at once: the loser's DDL waits for the
            # winner's transaction, then fails on the tables it created; their schema is ours
            if current_revision(engine) != head:
                raise
        return
    _refuse(engine, current)


def require_archive(engine: Engine) -> None:
    """For commands that only read: nothing is created or migrated. Raises `NotAnArchiveError`
    for a database without the hubarchive schema (empty, or someone else's), and
    `SchemaVersionError` for an archive at another revision than this code's."""
    current, has_tables = _schema_state(engine)
    if current == head_revision():
        return
    if current is None:
        where = engine.url.render_as_string(hide_password=True)
        what = "holds other tables" if has_tables else "is empty"
        raise NotAnArchiveError(
            f"{where} is not an archive (it {what}): point --db at an archive, or create one "
            "with `hubarchive crawl` or `hubarchive db upgrade`"
        )
    _refuse(engine, current)


def is_empty(engine: Engine) -> bool:
    """Whether the database holds no table at all (a new SQLite file, a fresh PostgreSQL
    database): no archive yet, and nobody else's data either. Reads only."""
    current, has_tables = _schema_state(engine)
    return current is None and not has_tables


def _schema_state(engine: Engine) -> tuple[str | None, bool]:
    """(the database's migration revision or None, whether it holds any table); reads only."""
    with _connect(engine) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        has_tables = bool(inspect(connection).get_table_names())
        connection.rollback()
    return current, has_tables


def _refuse(engine: Engine, current: str | None) -> None:
    where = engine.url.render_as_string(hide_password=True)
    head = head_revision()
    if current is None:
        raise SchemaVersionError(
            f"{where} holds tables but no hubarchive schema version: point --db at an archive "
            "or an empty database"
        )
    script = ScriptDirectory.from_config(_alembic_config(None))
    try:
        script.get_revision(current)
    except CommandError as exc:
        raise SchemaVersionError(
            f"{where} is at schema revision {current}, unknown to this hubarchive: upgrade hubarchive"
        ) from exc
    raise SchemaVersionError(
        f"{where} is at an older schema revision ({current}, this hubarchive needs {head}): "
        f"run `hubarchive db upgrade --db {where}`"
    )


def _is_busy(exc: DBAPIError) -> bool:
    """True for SQLite's "database is locked" / "busy" (another writer past the busy timeout)."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text or "busy" in text.split()


@contextmanager
def transaction(engine: Engine, *, dry_run: bool = False) -> Iterator[Session]:
    """A session inside one transaction: committed when the block ends, rolled back on an exception.

    With `dry_run` it is rolled back in any case: the block's changes are seen, never kept.
    On SQLite the transaction takes the write lock when it begins (unless the engine is
    `read_only`), waiting up to the busy timeout; past it, `ArchiveBusyError`.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            try:
                yield session
            except BaseException:
                session.rollback()
                raise
            if dry_run:
                session.rollback()
            else:
                session.commit()
        except OperationalError as exc:
            if not _is_busy(exc):
                raise
            where = engine.url.render_as_string(hide_password=True)
            raise ArchiveBusyError(
                f"{where} stayed locked by another writer for {SQLITE_BUSY_TIMEOUT_S} s "
                "(the busy timeout); try again when it is done"
            ) from exc
