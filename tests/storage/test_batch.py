"""`store_records`: a batch answers NEW / CHANGED / UNCHANGED per record, a bad record fails alone,
the statements do not grow with the batch, and a crash mid-batch leaves archive and index in step."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select

from scraper.models import Contact, QAPair
from storage.archive import (
    RecordToStore,
    StoreFailure,
    StoreResult,
    store_record,
    store_records,
)
from storage.db import open_engine, transaction
from storage.history import article_history
from storage.integrity import check_integrity
from storage.schema import ArticleRow, FetchRow, RawPage, VersionRow
from storage.search import search
from tests.storage.samples import day, die_while_storing, make_article, make_capture


def _url(name: str) -> str:
    return f"https://hub.brussels/fr/blog/{name}/"


def _record(name: str, when: int, **changes: object) -> RecordToStore:
    article = make_article(_url(name), translations={}, **changes)
    page = f"<html>{name} {article.title} {article.body}</html>".encode(errors="replace")
    return RecordToStore(article, day(when), make_capture(article.url, page, day(when)))


def _statuses(results: list[StoreResult | StoreFailure]) -> list[str]:
    return [r.status.value if isinstance(r, StoreResult) else "failed" for r in results]


class Boom(RuntimeError):
    """The injected failure."""


@pytest.fixture
def contact_named_boom_fails(engine: Engine) -> Iterator[None]:
    """Any INSERT of contact rows that carries a contact named "Boom" fails, as a bad row would."""

    def explode(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CONTACTS") and "Boom" in repr(params):
            raise Boom("the database refused a contact row")

    event.listen(engine, "before_cursor_execute", explode)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", explode)


def test_a_mixed_batch_answers_each_record_and_a_bad_one_fails_alone(
    engine: Engine, request: pytest.FixtureRequest
) -> None:
    with transaction(engine) as session:
        first = store_records(session, [_record("a", 0), _record("b", 0), _record("g", 0)])
    assert _statuses(first) == ["new", "new", "new"]

    request.getfixturevalue("contact_named_boom_fails")
    batch = [
        _record("a", 1),  # same content: unchanged
        _record("b", 1, body="Un tout autre texte sur les zeppelins."),
        _record("c", 1, title="Un nouvel article sur les quokkas"),
        _record("d", 1, contacts=[Contact(name="Boom")], title="Jamais archivé"),
        _record("e", 1, title="Nouvel entretien", qa=[QAPair("Quand ?", "Demain.", "Ann")]),
        _record("f", 1, title="Titre \ud800 mal encodé"),  # a lone surrogate: cannot be stored
        _record("g", 1, title="Le titre change"),
    ]
    with transaction(engine) as session:
        results = store_records(session, batch, run_id=None, extractor_version="t")
    assert _statuses(results) == [
        "unchanged",
        "changed",
        "new",
        "failed",
        "new",
        "failed",
        "changed",
    ]
    failed = [r for r in results if isinstance(r, StoreFailure)]
    assert [f.url for f in failed] == [_url("d"), _url("f")]
    assert "Boom" in failed[0].message and _url("d") in failed[0].message
    changed = results[1]
    assert isinstance(changed, StoreResult) and (changed.version, changed.changed_fields) == (
        2,
        ["body"],
    )
    assert isinstance(results[6], StoreResult) and results[6].changed_fields == ["title"]

    with transaction(engine) as session:
        assert check_integrity(session, deep=True) == []
        # nothing of the failed records was written: no article, no fetch, no page
        urls = set(session.scalars(select(ArticleRow.url)))
        assert urls == {_url(n) for n in "abceg"}
        assert set(session.scalars(select(FetchRow.url).where(FetchRow.fetched_at == day(1)))) == {
            _url(n) for n in "abceg"
        }
        outcomes = dict(
            session.execute(
                select(FetchRow.url, FetchRow.outcome).where(FetchRow.fetched_at == day(1))
            ).all()
        )
        assert outcomes[_url("a")] == "unchanged" and outcomes[_url("b")] == "changed"
        assert article_history(session, _url("a")).last_seen == day(1)
        assert [v.seq for v in article_history(session, _url("b")).versions] == [1, 2]
        # the search index follows: the new texts are found, the replaced one is not current
        assert [h.url for h in search(session, "zeppelins")] == [_url("b")]
        assert [h.url for h in search(session, "quokkas")] == [_url("c")]
        assert [h.url for h in search(session, "Demain")] == [_url("e")]
        assert search(session, "archivé") == []


def test_a_batch_leaves_the_cycle_collector_as_it_found_it(
    engine: Engine, request: pytest.FixtureRequest
) -> None:
    """The collector is paused while a batch is stored; a failing batch must not leave it off
    (the crawl's memory would grow for good), and a caller that turned it off keeps it off."""
    request.getfixturevalue("contact_named_boom_fails")
    bad = [_record("a", 0), _record("d", 0, contacts=[Contact(name="Boom")])]
    assert gc.isenabled()
    with transaction(engine) as session:
        assert _statuses(store_records(session, bad)) == ["new", "failed"]
    assert gc.isenabled()
    gc.disable()
    try:
        with transaction(engine) as session:
            assert _statuses(store_records(session, [_record("b", 0)])) == ["new"]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_same_url_twice_in_a_batch_is_stored_in_order(engine: Engine) -> None:
    batch = [
        _record("a", 0),
        _record("a", 1, title="Deuxième titre"),
        _record("a", 2, title="Deuxième titre"),
    ]
    with transaction(engine) as session:
        results = store_records(session, batch)
    assert _statuses(results) == ["new", "changed", "unchanged"]
    with transaction(engine) as session:
        history = article_history(session, _url("a"))
        assert [v.seq for v in history.versions] == [1, 2]
        assert history.last_seen == day(2)
        assert check_integrity(session) == []


def test_one_record_at_a_time_and_one_batch_store_the_same_archive(tmp_path: Path) -> None:
    records = [
        _record("a", 0),
        _record("b", 0, qa=[]),
        _record("a", 1, lead="Autre chapeau."),
        _record("b", 1, qa=[]),
    ]
    archives = []
    for name in ("one.db", "batch.db"):
        engine = open_engine(f"sqlite:///{tmp_path / name}")
        with transaction(engine) as session:
            if name == "one.db":
                statuses = [
                    store_record(
                        session, r.article, seen_at=r.seen_at, capture=r.capture
                    ).status.value
                    for r in records
                ]
            else:
                statuses = _statuses(store_records(session, records))
        with transaction(engine) as session:
            archives.append(
                (
                    statuses,
                    [
                        tuple(row)
                        for row in session.execute(select(*_COMPARED).order_by(VersionRow.id))
                    ],
                    session.scalar(select(func.count()).select_from(RawPage)),
                )
            )
        engine.dispose()
    assert archives[0] == archives[1]
    assert archives[0][0] == ["new", "new", "changed", "unchanged"]


_COMPARED = (
    VersionRow.article_id,
    VersionRow.seq,
    VersionRow.content_hash,
    VersionRow.changed_fields,
    VersionRow.raw_page_id,
    VersionRow.fetch_id,
)


@contextmanager
def _recorded(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements `engine` runs inside the block, in order."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _statements(engine: Engine, records: list[RecordToStore]) -> int:
    with _recorded(engine) as seen, transaction(engine) as session:
        results = store_records(session, records)
    assert set(_statuses(results)) == {"unchanged"}
    return len(seen)


def test_unchanged_records_cost_the_same_statements_in_a_batch_of_10_or_200(
    engine: Engine,
) -> None:
    records = [_record(f"n{i}", 0) for i in range(200)]
    with transaction(engine) as session:
        store_records(session, records)
    again = [RecordToStore(r.article, day(1), r.capture) for r in records]
    assert _statements(engine, again[:10]) == _statements(engine, again)


def test_one_bad_record_is_found_by_halving_not_by_storing_each_record_alone(
    engine: Engine, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue("contact_named_boom_fails")
    batch = [_record(f"h{i}", 0) for i in range(64)]
    batch[37] = _record("h37", 0, contacts=[Contact(name="Boom")])
    with _recorded(engine) as seen, transaction(engine) as session:
        results = store_records(session, batch)
    assert _statuses(results) == ["new"] * 37 + ["failed"] + ["new"] * 26
    # the whole batch, then two halves per level down to the bad record: 1 + 2·log2(64)
    assert len([s for s in seen if s.startswith("SAVEPOINT")]) <= 13
    with transaction(engine) as session:
        assert len(session.scalars(select(ArticleRow.url)).all()) == 63


def test_a_crash_mid_batch_leaves_archive_and_search_index_in_step(
    db_url: str, engine: Engine
) -> None:
    with transaction(engine) as session:
        store_records(session, [_record("a", 0), _record("b", 0)])
    # a real crash: the process dies while the contacts of a batch are written (versions, Q&A
    # rows and raw pages of the batch went out just before)
    die_while_storing(
        db_url,
        """
        from storage.archive import store_records
        from tests.storage.test_batch import _record
        """,
        """
        batch = [_record("a", 1, title="Jamais écrit zeppelin")]
        batch += [_record(f"n{i}", 1, title=f"Jamais écrit zeppelin {i}") for i in range(30)]
        store_records(session, batch)
        """,
    )
    with transaction(engine) as session:
        assert check_integrity(session, deep=True) == []
        assert search(session, "zeppelin") == []
        assert {h.url for h in search(session, "Silicon")} == {_url("a"), _url("b")}
        assert session.scalar(select(func.count()).select_from(VersionRow)) == 2
    # and the next batch stores them all
    with transaction(engine) as session:
        results = store_records(session, [_record("a", 2, title="Enfin écrit zeppelin")])
    assert _statuses(results) == ["changed"]
    with transaction(engine) as session:
        assert [h.url for h in search(session, "zeppelin")] == [_url("a")]
        assert check_integrity(session) == []
