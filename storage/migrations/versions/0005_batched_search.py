"""The archive indexes new versions itself, once per version (no more per-row INSERT triggers);
PostgreSQL searches fold accents (`unaccent`, when the server allows the extension).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage import search_ddl
from storage.search_index import rebuild

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in search_ddl.upgrade_0004_statements(op.get_bind().dialect.name):
        op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        rebuild(op.get_bind())  # documents in the new configurations, accents folded if allowed


def downgrade() -> None:
    for statement in search_ddl.downgrade_0004_statements(op.get_bind().dialect.name):
        op.execute(statement)
