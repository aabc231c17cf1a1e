"""A tombstone records when its article came back unchanged (`versions.revived_at`), so that the
archive knows an article is live again without a new content version.

Tombstones already followed by a comeback get the date of the first unchanged fetch after them,
or failing that the next tombstone's date or the article's `last_seen` (bounds, not exact times).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("url", sa.Text),
    sa.column("status", sa.String),
    sa.column("last_seen", sa.DateTime(timezone=True)),
)
_versions = sa.table(
    "versions",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("seen_at", sa.DateTime(timezone=True)),
    sa.column("revived_at", sa.DateTime(timezone=True)),
)
_fetches = sa.table(
    "fetches",
    sa.column("url", sa.Text),
    sa.column("outcome", sa.String),
    sa.column("fetched_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("versions") as batch:
        batch.add_column(sa.Column("revived_at", sa.DateTime(timezone=True), nullable=True))
    _backfill(op.get_bind())


def _backfill(bind: Any) -> None:
    """Date the comebacks of tombstones that a later tombstone, or a live article, shows happened."""
    rows = bind.execute(
        sa.select(
            _versions.c.id,
            _versions.c.article_id,
            _versions.c.kind,
            _versions.c.seen_at,
            _articles.c.url,
            _articles.c.status,
            _articles.c.last_seen,
        )
        .join(_articles, _articles.c.id == _versions.c.article_id)
        .order_by(_versions.c.article_id, _versions.c.seq)
    ).all()
    for row, following in pairwise([*rows, None]):
        if row.kind != "gone":
            continue
        same_article = following is not None and following.article_id == row.article_id
        if same_article and following.kind == "gone":
            bound = following.seen_at
        elif not same_article and row.status == "live":
            bound = row.last_seen
        else:  # still gone, or back with new content (that version says so)
            continue
        first_unchanged = bind.scalar(
            sa.select(sa.func.min(_fetches.c.fetched_at)).where(
                _fetches.c.url == row.url,
                _fetches.c.outcome == "unchanged",
                _fetches.c.fetched_at >= row.seen_at,
                _fetches.c.fetched_at <= bound,
            )
        )
        bind.execute(
            sa.update(_versions)
            .where(_versions.c.id == row.id)
            .values(revived_at=first_unchanged or bound)
        )


def downgrade() -> None:
    # SQLite >= 3.35 drops the column in place: copying the table would drop 0002's triggers and
    # fail on the views that read it
    with op.batch_alter_table("versions", recreate="never") as batch:
        batch.drop_column("revived_at")
