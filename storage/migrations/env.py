"""Alembic environment: runs the revisions on the connection `storage.db.upgrade` hands over."""

from __future__ import annotations

from alembic import context

from storage.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached through the alembic command line
    raise RuntimeError(
        "run the archive's migrations with `hubarchive db upgrade` (storage.db.upgrade), "
        "which passes the connection in"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
