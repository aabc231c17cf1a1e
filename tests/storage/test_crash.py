"""A failure in the middle of storing a version leaves no half version behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event, func, select

from scraper.models import Contact
from storage.archive import store_record
from storage.db import transaction
from storage.history import article_history
from storage.integrity import check_integrity
from storage.schema import ContactRow, QARow, RawPage, VersionRow
from tests.storage.samples import day, die_while_storing, make_article, make_capture


class Boom(RuntimeError):
    """The injected failure."""


@pytest.fixture
def failing_contact_insert(engine: Engine) -> Iterator[None]:
    """Make the INSERT of contact rows fail: the version and its Q&A rows went out just before."""

    def explode(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CONTACTS"):
            raise Boom("disk full while writing a contact")

    event.listen(engine, "before_cursor_execute", explode)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", explode)


def _counts(engine: Engine) -> tuple[int, int, int, int]:
    with transaction(engine) as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (VersionRow, QARow, ContactRow, RawPage)
        )


def test_failed_store_rolls_back_only_that_version(
    engine: Engine, request: pytest.FixtureRequest
) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
    before = _counts(engine)
    edited = make_article(body="Nouveau texte.", contacts=[Contact(name="Quelqu'un d'autre")])
    with transaction(engine) as session:
        request.getfixturevalue("failing_contact_insert")
        with pytest.raises(Boom):
            store_record(
                session,
                edited,
                seen_at=day(1),
                capture=make_capture(edited.url, b"<html>v2</html>", day(1)),
            )
        # the caller's transaction is still usable: the failed store was a SAVEPOINT
        other = make_article("https://hub.brussels/fr/blog/autre/", contacts=[], translations={})
        store_record(session, other, seen_at=day(1))
    assert _counts(engine) == (before[0] + 1, before[1] + 2, before[2], before[3])
    with transaction(engine) as session:
        assert check_integrity(session, deep=True) == []
        assert [v.seq for v in article_history(session, edited.url).versions] == [1]


def test_crash_of_the_process_mid_store_leaves_the_archive_consistent(
    db_url: str, engine: Engine
) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
    before = _counts(engine)
    # a real crash: the process dies (no rollback, no cleanup) while the contact row is written
    die_while_storing(
        db_url,
        """
        from storage.archive import store_record
        from tests.storage.samples import day, make_article, make_capture
        """,
        """
        edited = make_article(title="Jamais écrit")
        store_record(session, edited, seen_at=day(1),
                     capture=make_capture(edited.url, b"<html>crash</html>", day(1)))
        """,
    )
    assert _counts(engine) == before
    with transaction(engine) as session:
        assert check_integrity(session, deep=True) == []


def test_a_failed_store_keeps_the_earlier_stores_of_the_transaction(
    engine: Engine, request: pytest.FixtureRequest
) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(4))  # UNCHANGED: last_seen moves
        request.getfixturevalue("failing_contact_insert")
        with pytest.raises(Boom):
            store_record(
                session, make_article("https://hub.brussels/fr/blog/autre/"), seen_at=day(4)
            )
    with transaction(engine) as session:
        history = article_history(session, make_article().url)
        assert history.last_seen == day(4)
        assert check_integrity(session) == []
