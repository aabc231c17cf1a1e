"""Revision 0004: runs name their site, sites keep their profile's text, and articles an older
archive kept under `hub_brussels` although they came from another host move to a site keyed by
their origin (as a `--start-url` crawl is keyed now)."""

from __future__ import annotations

import sqlalchemy as sa

from storage.db import open_engine, upgrade


def test_upgrade_rekeys_start_url_articles_by_origin(db_url: str) -> None:
    engine = open_engine(db_url, migrate=False)
    try:
        upgrade(engine, "0003")
        now = "2025-01-01 00:00:00"
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO sites (key) VALUES ('hub_brussels')"))
            hub = connection.scalar(sa.text("SELECT id FROM sites WHERE key = 'hub_brussels'"))
            for n, url in enumerate(
                [
                    "https://hub.brussels/fr/news/a/",
                    "http://127.0.0.1:8000/fr/news/b/",
                    "http://127.0.0.1:8000/fr/news/c/",
                    "https://example.org/blog/d/",
                ],
                start=1,
            ):
                connection.execute(
                    sa.text(
                        "INSERT INTO articles (id, site_id, url, first_seen, last_seen, "
                        "last_changed, status, current_version) "
                        "VALUES (:id, :site, :url, :now, :now, :now, 'live', 0)"
                    ),
                    {"id": n, "site": hub, "url": url, "now": now},
                )
        upgrade(engine)
        with engine.connect() as connection:
            owners = dict(
                connection.execute(
                    sa.text("SELECT a.url, s.key FROM articles a JOIN sites s ON s.id = a.site_id")
                ).all()
            )
            columns = {c["name"] for c in sa.inspect(connection).get_columns("runs")}
    finally:
        engine.dispose()
    assert owners == {
        "https://hub.brussels/fr/news/a/": "hub_brussels",
        "http://127.0.0.1:8000/fr/news/b/": "http://127.0.0.1:8000",
        "http://127.0.0.1:8000/fr/news/c/": "http://127.0.0.1:8000",
        "https://example.org/blog/d/": "https://example.org",
    }
    assert "site" in columns
