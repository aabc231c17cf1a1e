"""Counters (views, shares, comments, reading time) are not content: a page whose counter moves on
every capture keeps one version, a changed sentence makes a new one; revision 0004 re-hashes the
versions an older extractor stored with a counter in their text, so no version storm follows."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, func, select, update

from scraper.extract import extract_article
from storage.archive import StoreStatus, store_record
from storage.db import transaction
from storage.integrity import check_integrity
from storage.rows import canonical_json
from storage.schema import ArticleRow, VersionRow
from tests.storage.samples import day, make_article, rerun_migrations

URL = "https://hub.brussels/fr/news/velos-cargo-eurobike/"


def _page(views: int, comments: int, sentence: str = "Six entreprises y exposent.") -> str:
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Les vélos cargo bruxellois à Eurobike</title></head><body><main><article>
<h1>Les vélos cargo bruxellois à Eurobike</h1>
<p class="meta">Mobilité · 3 juin 2025 · {views:,} vues · 4 min de lecture</p>
<p>Le salon de Francfort accueille cette année un pavillon bruxellois de vélos cargo.</p>
<p>{sentence} Elles rencontreront des distributeurs allemands et scandinaves.</p>
<p>💬 {comments} commentaires</p>
</article></main></body></html>"""


def _store(engine: Engine, html: str, n: int) -> StoreStatus:
    with transaction(engine) as session:
        return store_record(session, extract_article(html, URL), seen_at=day(n)).status


def _versions(engine: Engine) -> int:
    with transaction(engine) as session:
        return session.scalar(select(func.count()).select_from(VersionRow)) or 0


def test_a_moving_counter_keeps_one_version_and_a_changed_sentence_makes_one(
    engine: Engine,
) -> None:
    record = extract_article(_page(1284, 4), URL)
    assert "vues" not in (record.lead or "") + (record.body or "")
    assert "commentaires" not in (record.body or "")
    statuses = [_store(engine, _page(1284 + 97 * n, 4 + n), n) for n in range(4)]
    assert statuses == [StoreStatus.NEW] + [StoreStatus.UNCHANGED] * 3
    changed = _page(9999, 12, sentence="Sept entreprises y exposent.")
    assert _store(engine, changed, 5) == StoreStatus.CHANGED
    assert _versions(engine) == 2


def _old_hash(article: object) -> str:
    """The content hash before revision 0004: counters were hashed like any text."""
    content = article.content_dict()  # type: ignore[attr-defined]
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def test_revision_0004_rehashes_versions_stored_with_counters(engine: Engine) -> None:
    # an older extractor kept the counter in the body; the archive holds the old hash
    old = make_article(URL, body="Premier paragraphe.\n\n1 284 vues · 12 partages")
    with transaction(engine) as session:
        store_record(session, old, seen_at=day(0))
        session.execute(update(VersionRow).values(content_hash=_old_hash(old)))
        session.execute(update(ArticleRow).values(content_hash=_old_hash(old)))
    rerun_migrations(engine, "0003")
    # the new extractor no longer reads the counter: the same article, no new version
    with transaction(engine) as session:
        new = make_article(URL, body="Premier paragraphe.")
        assert store_record(session, new, seen_at=day(1)).status == StoreStatus.UNCHANGED
        assert check_integrity(session) == []
    assert _versions(engine) == 1
