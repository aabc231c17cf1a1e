"""Accents fold on both engines (PostgreSQL: `unaccent`, created by migration 0004)."""

from __future__ import annotations

import datetime as dt

from scraper.models import Article
from storage.archive import RecordToStore, store_records
from storage.db import open_engine, transaction
from storage.search import search

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_a_word_is_found_with_or_without_its_accents(db_url: str) -> None:
    engine = open_engine(db_url)
    records = [
        RecordToStore(
            Article(url="https://x.test/fr", lang="fr", title="L'économie créative à Bruxelles"),
            WHEN,
        ),
        RecordToStore(
            Article(url="https://x.test/nl", lang="nl", title="Een café in Brussel"), WHEN
        ),
    ]
    with transaction(engine) as session:
        store_records(session, records)
    with transaction(engine) as session:
        for query in ("économie", "economie", "ECONOMIE", "creative"):
            assert [h.url for h in search(session, query)] == ["https://x.test/fr"], query
        for query in ("café", "cafe"):
            assert [h.url for h in search(session, query)] == ["https://x.test/nl"], query
    engine.dispose()
