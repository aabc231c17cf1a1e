"""Opening archives: URLs and paths, migrations on first use, clear errors for what a person can fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from storage.db import current_revision, head_revision, open_engine, parse_archive_url, upgrade
from storage.errors import ArchiveUnavailableError, ArchiveURLError, SchemaVersionError
from storage.schema import Base


def _ours(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
    """Tables of `storage.schema` (the search index revision adds tables of its own)."""
    table = name if kind == "table" else parents.get("table_name")
    return table is None or table in Base.metadata.tables


def test_migrations_build_exactly_the_schema(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _ours}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_a_bare_path_is_a_new_sqlite_archive_migrated_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths are relative to where the command runs
    engine = open_engine("archives.db")
    try:
        assert (tmp_path / "archives.db").exists()
        assert "versions" in inspect(engine).get_table_names()
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_postgresql_without_driver_means_psycopg3() -> None:
    assert parse_archive_url("postgresql://u@db:5432/a").drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    "url, message",
    [
        ("   ", "empty"),
        ("sqlite+nosuchdriver:///x.db", "no database driver"),
        ("postgresql+psycopg://u@h:notaport/db", "cannot read archive URL"),
        ("sqlite:////no/such/folder/archive.db", "does not exist"),
    ],
)
def test_bad_urls_say_what_to_fix(url: str, message: str) -> None:
    with pytest.raises(ArchiveURLError, match=message):
        open_engine(url)


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(ArchiveUnavailableError, match="cannot open the archive"):
        open_engine("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")


def test_an_older_schema_asks_for_db_upgrade(db_url: str) -> None:
    engine = open_engine(db_url, migrate=False)
    try:
        assert upgrade(engine, "0001") == (None, "0001")
        with pytest.raises(SchemaVersionError, match="hubarchive db upgrade"):
            open_engine(db_url).dispose()
        assert upgrade(engine) == ("0001", head_revision())
        open_engine(db_url).dispose()
    finally:
        engine.dispose()


def test_processes_opening_a_new_archive_together_all_succeed(db_url: str) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = f"from storage.db import open_engine; open_engine({db_url!r}).dispose(); print('ok')"
    env = {**os.environ, "PYTHONPATH": str(root)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            env=env,
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [out.strip() for out, _ in results] == ["ok"] * 3, [err[-500:] for _, err in results]
    engine = open_engine(db_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
