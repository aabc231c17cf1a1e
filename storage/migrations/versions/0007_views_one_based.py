"""The reading views `current_qa` and `current_contacts` number Q&A pairs and contacts from 1,
as every export does (DECISIONS.md: positions 1-based in exports and views); the tables keep
their 0-based `position`.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage.search_ddl import VIEWS_CREATE, VIEWS_CREATE_1BASED, VIEWS_DROP

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in VIEWS_DROP + VIEWS_CREATE_1BASED:
        op.execute(statement)


def downgrade() -> None:
    for statement in VIEWS_DROP + VIEWS_CREATE:
        op.execute(statement)
