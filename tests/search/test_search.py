"""Search on SQLite and PostgreSQL: ranking, snippets, each filter, as-of, hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search.hub_samples import DREAM, LATE, OLD, TARIFFS, ZORG, build_archive, day
from sqlalchemy.orm import Session

from scraper.models import Article
from storage.archive import store_record
from storage.db import open_engine, transaction
from storage.errors import QueryError
from storage.search import search
from storage.selection import Filters


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    build_archive(db_url)
    engine = open_engine(db_url)
    with transaction(engine) as session:
        yield session
    engine.dispose()


def urls(session: Session, text: str, **filters: object) -> list[str]:
    return [hit.url for hit in search(session, text, Filters(**filters))]  # type: ignore[arg-type]


def test_a_match_in_the_title_ranks_above_one_in_the_body(db_url: str) -> None:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        for n in range(8):
            store_record(
                session,
                Article(
                    url=f"https://x.test/{n}",
                    lang="fr",
                    title=f"Filler {n}",
                    body="Rien à voir ici.",
                ),
                seen_at=day("2025-01-01"),
            )
        store_record(
            session,
            Article(
                url="https://x.test/body",
                lang="fr",
                title="Autre chose",
                body="Une brasserie à Bruxelles.",
            ),
            seen_at=day("2025-01-01"),
        )
        store_record(
            session,
            Article(
                url="https://x.test/title",
                lang="fr",
                title="La brasserie de Bruxelles",
                body="Autre texte.",
            ),
            seen_at=day("2025-01-01"),
        )
    with transaction(engine) as session:
        hits = search(session, "brasserie")
    assert [h.url for h in hits] == ["https://x.test/title", "https://x.test/body"]
    assert hits[0].score > hits[1].score
    assert "**brasserie**" in hits[1].snippet.lower()
    engine.dispose()


def test_search_reads_the_current_version_and_marks_the_match(session: Session) -> None:
    hits = search(session, '"rêve américain"')
    assert [(h.url, h.version) for h in hits] == [(DREAM, 2)]
    assert hits[0].title == "La Californie, le rêve américain"
    assert "**" in hits[0].snippet
    # words only the first version had are not found in the current archive
    assert urls(session, "stratégie") == []


def test_qa_and_contacts_are_searched(session: Session) -> None:
    assert urls(session, "douane") == [DREAM]
    assert urls(session, "sanfrancisco") == [DREAM]
    assert urls(session, "Gabrys") == [DREAM]


#: (filters, articles that match "Californie" with them): a table of cases, checked on one archive.
FILTER_CASES: list[tuple[dict[str, object], set[str]]] = [
    ({}, {DREAM, OLD, LATE}),
    ({"lang": "fr"}, {DREAM, OLD, LATE}),
    ({"lang": "en"}, set()),
    ({"sector": "digital"}, {LATE}),
    ({"sector": "multisecteurs"}, {DREAM, OLD}),
    ({"published_from": dt.date(2025, 1, 1)}, {DREAM, LATE}),
    ({"published_to": dt.date(2025, 1, 1)}, {OLD}),
    ({"speaker": "gabrys"}, {DREAM}),
    ({"has_qa": True}, {DREAM}),
    ({"status": "gone"}, set()),
    ({"as_of": dt.date(2025, 11, 1)}, {DREAM, OLD}),
    ({"as_of": dt.date(2024, 1, 16)}, {OLD}),
]


def test_each_filter_narrows_the_hits(session: Session) -> None:
    wrong = {
        str(filters): (sorted(found), sorted(expected))
        for filters, expected in FILTER_CASES
        if (found := set(urls(session, "Californie", **filters))) != expected
    }
    assert wrong == {}, "filters -> (found, expected)"


def test_as_of_reads_the_version_current_that_day(session: Session) -> None:
    before = search(session, "stratégie", Filters(as_of=dt.date(2025, 11, 1)))
    assert [(h.url, h.version, h.title) for h in before] == [
        (DREAM, 1, "Le rêve américain existe encore")
    ]
    assert urls(session, "stratégie", as_of=dt.date(2025, 11, 10)) == []
    assert urls(session, "Californie", as_of=dt.date(2025, 10, 27)) == [OLD]


def test_a_gone_article_is_gone_only_from_the_day_of_its_tombstone(session: Session) -> None:
    assert [(h.url, h.status) for h in search(session, "zorg")] == [(ZORG, "gone")]
    assert urls(session, "zorg", status="live") == []
    on_day = search(session, "zorg", Filters(as_of=dt.date(2025, 11, 14)))
    assert [(h.url, h.status) for h in on_day] == [(ZORG, "live")]
    assert urls(session, "zorg", as_of=dt.date(2025, 9, 1)) == []


def test_or_exclusion_and_prefix(session: Session) -> None:
    assert set(urls(session, "tariffs OR zorg")) == {TARIFFS, ZORG}
    assert set(urls(session, "Californie -voyage")) == {DREAM, LATE}
    assert urls(session, "tarif*") == [TARIFFS]


def test_a_prefix_shorter_than_the_prefix_index_still_matches(session: Session) -> None:
    three = set(urls(session, "tar*"))  # the length SQLite's prefix index holds
    assert TARIFFS in three
    assert three <= set(urls(session, "ta*"))  # shorter: not indexed, still matched


HOSTILE = [
    '"unbalanced',
    "'; DROP TABLE articles; --",
    'NEAR("a" AND',
    "a AND OR NOT b",
    "col:title",
    "x*y^2 {a b} (c",
    "\\\"'`",
    "😀 🚀",
    "مرحبا",
    "NOT",
    "-",
    "a:* & !b | <->",
]


def test_hostile_queries_never_raise_anything_but_query_error(session: Session) -> None:
    for text in HOSTILE:
        try:
            search(session, text)
        except QueryError as exc:
            assert str(exc), text


def test_queries_with_nothing_to_search_say_so(session: Session) -> None:
    for text in ("", "   ", "***", '""', "-tariffs"):
        with pytest.raises(QueryError):
            search(session, text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_is_a_result_list_or_a_query_error(session: Session, text: str) -> None:
    try:
        hits = search(session, text)
    except QueryError:
        return
    assert isinstance(hits, list)


def test_bad_filters_are_query_errors() -> None:
    with pytest.raises(QueryError):
        Filters(status="deleted")
    with pytest.raises(QueryError):
        Filters(published_from=dt.date(2025, 2, 1), published_to=dt.date(2025, 1, 1))
