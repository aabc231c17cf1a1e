"""The integrity check finds what a crash or a hand edit could break, and nothing in a sound archive."""

from __future__ import annotations

from sqlalchemy import Engine, delete, select, update

from storage.archive import store_record
from storage.db import transaction
from storage.integrity import check_integrity
from storage.schema import ArticleRow, QARow, RawPage, VersionRow
from tests.storage.samples import day, make_article, make_capture


def _archive_one(engine: Engine) -> None:
    article = make_article()
    with transaction(engine) as session:
        store_record(
            session,
            article,
            seen_at=day(0),
            capture=make_capture(article.url, b"<html>page</html>", day(0)),
        )


def test_sound_archive_has_no_problem(engine: Engine) -> None:
    _archive_one(engine)
    with transaction(engine) as session:
        assert check_integrity(session, deep=True) == []


def test_missing_qa_row_is_reported(engine: Engine) -> None:
    _archive_one(engine)
    with transaction(engine) as session:
        session.execute(delete(QARow).where(QARow.position == 1))
    with transaction(engine) as session:
        problems = check_integrity(session)
    assert len(problems) == 1
    assert "records 2 Q&A pairs but has 1" in problems[0]


def test_article_without_version_and_bad_current_version(engine: Engine) -> None:
    _archive_one(engine)
    with transaction(engine) as session:
        session.add(
            ArticleRow(
                url="https://hub.brussels/fr/blog/vide/",
                first_seen=day(0),
                last_seen=day(0),
                last_changed=day(0),
                current_version=0,
            )
        )
        session.execute(update(ArticleRow).where(ArticleRow.id == 1).values(content_hash="0" * 64))
    with transaction(engine) as session:
        problems = check_integrity(session)
    assert any("(https://hub.brussels/fr/blog/vide/) has no version" in p for p in problems)
    assert any("current version 1 is not a content version with its hash" in p for p in problems)


def test_corrupt_raw_page_is_found_by_the_deep_check(engine: Engine) -> None:
    _archive_one(engine)
    with transaction(engine) as session:
        session.execute(update(RawPage).values(body_z=b"not zlib"))
    with transaction(engine) as session:
        assert check_integrity(session) == []
        problems = check_integrity(session, deep=True)
        version = session.scalar(select(VersionRow))
    assert version is not None
    assert len(problems) == 1
    assert problems[0].startswith(f"raw page {version.raw_page_id} does not decompress")
