"""SQLite's search index keeps its prefix index of 3 characters only (FTS5 `prefix = '3'`): the
index of 2 characters made every new version write each token three times, the largest cost of
storing a new version. Prefix queries of 1 or 2 characters still match, unindexed. Nothing
changes on PostgreSQL.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage import search_ddl

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in search_ddl.upgrade_0010_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in search_ddl.downgrade_0010_statements(op.get_bind().dialect.name):
        op.execute(statement)
