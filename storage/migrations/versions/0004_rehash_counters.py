"""Content hashes leave counters out (views, shares, comments, reading time in the lead or body):
every stored content version, and each article's current hash, is re-hashed with the new
definition (`storage.rows.content_hash`), so that the next capture of an unchanged article whose
stored text held a counter is recognised as unchanged (no version storm).

The records are rebuilt from the version columns and their Q&A and contact rows with plain
queries (not the ORM models, which later revisions may change), in batches.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from scraper.models import Article, Contact, QAPair
from storage.rows import content_hash

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Versions read and updated per round trip.
BATCH = 500

_versions = sa.table(
    "versions",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("content_hash", sa.String),
    sa.column("lang", sa.String),
    sa.column("title", sa.Text),
    sa.column("published", sa.Date),
    sa.column("modified", sa.Date),
    sa.column("sector", sa.Text),
    sa.column("sector_key", sa.String),
    sa.column("lead", sa.Text),
    sa.column("body", sa.Text),
    sa.column("translations", sa.JSON),
)
_articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("current_version", sa.Integer),
    sa.column("content_hash", sa.String),
)
_qa = sa.table(
    "qa_pairs",
    sa.column("version_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("question", sa.Text),
    sa.column("answer", sa.Text),
    sa.column("speaker", sa.Text),
)
_contacts = sa.table(
    "contacts",
    sa.column("version_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("name", sa.Text),
    sa.column("role", sa.Text),
    sa.column("address", sa.Text),
    sa.column("phones", sa.JSON),
    sa.column("emails", sa.JSON),
)


def upgrade() -> None:
    rehash(op.get_bind())


def downgrade() -> None:
    pass  # the old hashes are not kept: an older extractor re-hashes as it stores


def rehash(bind: Any) -> int:
    """Re-hash every content version and each article's current hash; returns the versions
    whose hash moved."""
    moved = 0
    last = 0
    while True:
        rows = bind.execute(
            sa.select(_versions)
            .where(_versions.c.kind == "content", _versions.c.id > last)
            .order_by(_versions.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        last = rows[-1].id
        ids = [r.id for r in rows]
        qa: dict[int, list[QAPair]] = {}
        for q in bind.execute(
            sa.select(_qa).where(_qa.c.version_id.in_(ids)).order_by(_qa.c.position)
        ):
            qa.setdefault(q.version_id, []).append(QAPair(q.question, q.answer, q.speaker))
        contacts: dict[int, list[Contact]] = {}
        for c in bind.execute(
            sa.select(_contacts)
            .where(_contacts.c.version_id.in_(ids))
            .order_by(_contacts.c.position)
        ):
            contacts.setdefault(c.version_id, []).append(
                Contact(c.name, c.role, c.address, list(c.phones or []), list(c.emails or []))
            )
        for row in rows:
            digest = content_hash(
                Article(
                    url="",
                    lang=row.lang,
                    title=row.title,
                    published=row.published,
                    modified=row.modified,
                    sector=row.sector,
                    sector_key=row.sector_key,
                    lead=row.lead,
                    body=row.body,
                    qa=qa.get(row.id, []),
                    contacts=contacts.get(row.id, []),
                    translations=dict(row.translations or {}),
                )
            )
            if digest != row.content_hash:
                moved += 1
                bind.execute(
                    _versions.update().where(_versions.c.id == row.id).values(content_hash=digest)
                )
                bind.execute(
                    _articles.update()
                    .where(
                        _articles.c.id == row.article_id,
                        _articles.c.current_version == row.seq,
                    )
                    .values(content_hash=digest)
                )
    return moved
