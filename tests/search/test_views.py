"""The reading views and the search index as Datasette or SQL users see them; the index's upkeep."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.config import Config
from search.hub_samples import DREAM, LATE, TARIFFS, ZORG, build_archive, day
from sqlalchemy import inspect, text

from scraper.models import Article, QAPair
from storage.archive import store_record
from storage.db import MIGRATIONS, open_engine, transaction
from storage.search import rebuild_index, search


def alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_current_views_hold_the_current_version_of_each_article(db_url: str) -> None:
    build_archive(db_url)
    engine = open_engine(db_url)
    with engine.connect() as conn:
        articles = conn.execute(
            text("SELECT url, version, status, title FROM current_articles ORDER BY article_id")
        ).all()
        qa = conn.execute(text("SELECT url, position, speaker FROM current_qa")).all()
        contacts = conn.execute(text("SELECT url, name FROM current_contacts ORDER BY url")).all()
    engine.dispose()
    current = {url: (version, status, title) for url, version, status, title in articles}
    assert len(current) == 5
    assert current[DREAM] == (2, "live", "La Californie, le rêve américain")
    assert current[ZORG][1] == "gone"
    assert sorted((u, s) for u, _p, s in qa) == sorted(
        [(TARIFFS, "Jane Doe"), (DREAM, "Eric Gabrys"), (DREAM, "Eric Gabrys")]
    )
    assert sorted(name for _u, name in contacts) == ["+32 trick", "Eric Gabrys"]
    # numbered from 1, as in every export (DECISIONS.md): the first pair of an article is 1
    assert sorted(p for u, p, _s in qa if u == DREAM) == [1, 2]
    assert min(p for _u, p, _s in qa) == 1


def test_the_fts_table_answers_plain_sql_on_sqlite(sqlite_url: str) -> None:
    build_archive(sqlite_url)
    engine = open_engine(sqlite_url)
    with engine.connect() as conn:
        rows = (
            conn.execute(
                text(
                    "SELECT ca.url FROM search_index JOIN current_articles AS ca "
                    "ON ca.version_id = search_index.rowid WHERE search_index MATCH :q"
                ),
                {"q": "Californie"},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert set(rows) >= {DREAM, LATE}


def test_the_index_follows_versions_stored_later_and_survives_a_rebuild(db_url: str) -> None:
    engine = open_engine(db_url)
    url = "https://x.test/a"
    with transaction(engine) as session:
        store_record(
            session,
            Article(
                url=url,
                lang="en",
                title="First title",
                qa=[QAPair("Why?", "Because of zeppelins.", "Ann")],
            ),
            seen_at=day("2025-01-01"),
        )
    with transaction(engine) as session:
        assert [h.url for h in search(session, "zeppelins")] == [url]
        store_record(
            session,
            Article(
                url=url,
                lang="en",
                title="Second title",
                qa=[QAPair("Why?", "Because of balloons.", "Ann")],
            ),
            seen_at=day("2025-02-01"),
        )
    with transaction(engine) as session:
        assert search(session, "zeppelins") == []
        assert [(h.url, h.version) for h in search(session, "balloons")] == [(url, 2)]
        before = [h.to_dict() for h in search(session, "because")]
        rebuild_index(session)
        assert [h.to_dict() for h in search(session, "because")] == before
    engine.dispose()


def test_revision_0002_indexes_versions_stored_before_it(db_url: str) -> None:
    build_archive(db_url)
    engine = open_engine(db_url)
    with transaction(engine) as session:
        store_record(
            session,
            Article(url="https://x.test/late", lang="en", title="Quokka news"),
            seen_at=day("2026-01-01"),
        )
    # the index goes with the downgrade; the versions stay (the store code of today writes the
    # newest schema only, so the versions are stored before the downgrade)
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0001")
        conn.commit()
        assert "current_articles" not in inspect(conn).get_view_names()
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
    with transaction(engine) as session:
        assert [h.url for h in search(session, "quokka")] == ["https://x.test/late"]
        assert [h.url for h in search(session, "douane")] == [DREAM]
    engine.dispose()
