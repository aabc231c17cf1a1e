"""Full-text search index kept by triggers (FTS5 on SQLite, tsvector + GIN on PostgreSQL) and the
views `current_articles`, `current_qa`, `current_contacts` for Datasette and SQL users.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage import search_ddl

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in search_ddl.create_statements(dialect):
        op.execute(statement)
    # versions stored before this revision are indexed too
    for statement in search_ddl.rebuild_0002_statements(dialect):
        op.execute(statement)


def downgrade() -> None:
    for statement in search_ddl.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
