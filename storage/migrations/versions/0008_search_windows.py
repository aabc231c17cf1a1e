"""PostgreSQL searches read their matches window by window of version ids (bitmap scans of the
GIN index), and keep each search document in the table's own pages: a common word no longer
makes a search read tens of thousands of documents out of TOAST. Nothing changes on SQLite.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage import search_ddl

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in search_ddl.upgrade_0008_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in search_ddl.downgrade_0008_statements(op.get_bind().dialect.name):
        op.execute(statement)
