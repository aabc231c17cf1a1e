"""Several sites in one archive: each run names its site (`runs.site`), each site keeps the text of
the profile it was crawled with (`sites.profile`).

Archives written before this kept every `--start-url` crawl under `hub_brussels`: articles whose
host is not hub.brussels move to a site keyed by their origin (`http://host:port`), as a
`--start-url` crawl is keyed from now on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the hosts of the bundled hub_brussels profile when this revision was written
_HUB_HOSTS = frozenset({"hub.brussels", "www.hub.brussels"})

_sites = sa.table("sites", sa.column("id", sa.Integer), sa.column("key", sa.String))
_articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("url", sa.Text),
    sa.column("site_id", sa.Integer),
)


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("site", sa.String(200), nullable=True))
        batch.create_index("ix_runs_site", ["site"])
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("profile", sa.Text(), nullable=True))
    _rekey(op.get_bind())


def _rekey(bind: sa.Connection) -> None:
    hub = bind.scalar(sa.select(_sites.c.id).where(_sites.c.key == "hub_brussels"))
    if hub is None:
        return
    site_ids: dict[str, int] = {}
    rows = bind.execute(
        sa.select(_articles.c.id, _articles.c.url).where(_articles.c.site_id == hub)
    )
    for article_id, url in rows.all():
        parts = urlsplit(url)
        if (parts.hostname or "") in _HUB_HOSTS:
            continue
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in site_ids:
            found = bind.scalar(sa.select(_sites.c.id).where(_sites.c.key == origin))
            if found is None:
                bind.execute(sa.insert(_sites).values(key=origin))
                found = bind.scalar(sa.select(_sites.c.id).where(_sites.c.key == origin))
            site_ids[origin] = int(found or 0)
        bind.execute(
            sa.update(_articles)
            .where(_articles.c.id == article_id)
            .values(site_id=site_ids[origin])
        )


def downgrade() -> None:
    with op.batch_alter_table("sites", recreate="never") as batch:
        batch.drop_column("profile")
    with op.batch_alter_table("runs", recreate="never") as batch:
        batch.drop_index("ix_runs_site")
        batch.drop_column("site")
