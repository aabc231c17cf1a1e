"""Search at scale, shown on small archives: the bounded candidates (PostgreSQL reads them window
by window of version ids), the ranking of common queries on SQLite, and both engines finding the
same articles."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from search.hub_samples import DREAM, LATE, OLD, TARIFFS, ZORG, build_archive, day
from sqlalchemy import text
from sqlalchemy.orm import Session

from schedules.cli import main
from scraper.models import Article
from storage import search as search_module
from storage import search_ddl
from storage.archive import RecordToStore, store_records
from storage.db import open_engine, transaction
from storage.search import SearchHit, rebuild_index, search
from storage.selection import Filters
from tests.storage.samples import rerun_migrations

#: (query, filters) searched on both engines: every kind of term and every filter.
CASES: list[tuple[str, Filters]] = [
    ("Californie", Filters()),
    ('"rêve américain"', Filters()),
    ("tarif*", Filters()),
    ("tariffs OR zorg", Filters()),
    ("Californie -voyage", Filters()),
    ("Gabrys", Filters()),
    ("sanfrancisco", Filters()),
    ("etats unis", Filters()),
    ("Californie", Filters(lang="fr", sector="multisecteurs")),
    ("Californie", Filters(published_from=dt.date(2025, 1, 1))),
    ("Californie", Filters(speaker="gabrys", has_qa=True)),
    ("zorg", Filters(status="gone")),
    ("zorg", Filters(as_of=dt.date(2025, 11, 14))),
    ("stratégie", Filters(as_of=dt.date(2025, 11, 1))),
    ("Californie", Filters(as_of=dt.date(2024, 1, 16))),
]


def _found(session: Session, text: str, filters: Filters) -> set[tuple[str, int, str]]:
    return {(h.url, h.version, h.status) for h in search(session, text, filters)}


def test_both_engines_find_the_same_articles_versions_and_statuses(
    sqlite_url: str, pg_url: str
) -> None:
    found: dict[str, list[set[tuple[str, int, str]]]] = {}
    for url in (sqlite_url, pg_url):
        build_archive(url)
        engine = open_engine(url)
        with transaction(engine) as session:
            found[url] = [_found(session, text, filters) for text, filters in CASES]
        engine.dispose()
    differ = {
        f"{text} {filters.to_dict()}": (sqlite, pg)
        for (text, filters), sqlite, pg in zip(CASES, found[sqlite_url], found[pg_url], strict=True)
        if sqlite != pg
    }
    assert differ == {}, "query -> (SQLite, PostgreSQL)"
    assert found[sqlite_url][0] == {(DREAM, 2, "live"), (OLD, 1, "live"), (LATE, 1, "live")}
    assert {url for url, _, _ in found[sqlite_url][3]} == {TARIFFS, ZORG}


def _fillers(count: int, seen: dt.datetime, word: str, edit: str = "") -> list[RecordToStore]:
    return [
        RecordToStore(
            Article(
                url=f"https://x.test/{word}/{n}",
                lang="fr",
                title=f"Note {n}",
                body=f"Un {word} parmi d'autres, numéro {n}. {edit}",
            ),
            seen,
        )
        for n in range(count)
    ]


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Bounds small enough for a test archive: 4 candidates, windows from 2 version ids
    (whatever the planner expects)."""
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 4)
    monkeypatch.setattr(search_module, "PG_FIRST_WINDOW", 2)
    monkeypatch.setattr(search_module, "PG_ESTIMATE_MARGIN", 0)
    yield


def test_a_common_word_ranks_the_newest_candidates_the_same_on_both_engines(
    sqlite_url: str, pg_url: str, small_bounds: None
) -> None:
    """More matches than candidates: both engines rank the newest ones the filters keep, read
    (on PostgreSQL) over several windows of version ids, whatever lies between them; a search
    for more hits than that ranks as many candidates as hits."""
    found = {}
    for url in (sqlite_url, pg_url):
        engine = open_engine(url)
        with transaction(engine) as session:
            store_records(session, _fillers(6, day("2025-01-01"), "castor"))
            store_records(session, _fillers(5, day("2025-02-01"), "autre"))
            store_records(
                session,
                _fillers(3, day("2025-03-01"), "castor", edit="Revu.")
                + [
                    RecordToStore(
                        Article(url="https://x.test/old", lang="en", title="Castor old", body="-"),
                        day("2025-03-01"),
                    )
                ],
            )
        with transaction(engine) as session:
            every = search(session, "castor", limit=4)
            french = search(session, "castor", Filters(lang="fr"), limit=4)
            # asking for more hits than RANK_CANDIDATES ranks that many (a later page)
            deeper = search(session, "castor", limit=20)
        engine.dispose()
        found[url] = (every, french)
        assert len(deeper) == 7
    for every, french in found.values():
        # 7 articles match (6 notes, 3 of them edited since, and "old"); the 4 candidates are
        # the newest current versions: "old" and the 3 edited notes, or without "old" (English)
        # the next newest note
        assert len(every) == 4
        assert "https://x.test/old" in {h.url for h in every}
        assert len(french) == 4
        assert all(h.url.startswith("https://x.test/castor/") for h in french)

    def versions(hits: list[SearchHit]) -> set[tuple[str, int]]:
        return {(h.url, h.version) for h in hits}

    (sqlite_every, sqlite_french), (pg_every, pg_french) = found.values()
    assert versions(sqlite_every) == versions(pg_every)
    assert versions(sqlite_french) == versions(pg_french)


def test_sqlite_ranks_a_common_query_by_the_fields_it_matches(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SQLITE_COMMON_MATCHES, bm25 (which counts every match first) gives way to the
    fields matched: a match in the title first, then the lead, newest first among equals; the
    same articles are found."""
    build_archive(sqlite_url)
    engine = open_engine(sqlite_url)
    with transaction(engine) as session:
        exact = search(session, "Californie")
        monkeypatch.setattr(search_module, "SQLITE_COMMON_MATCHES", 1)
        common = search(session, "Californie")
    engine.dispose()
    assert {h.url for h in common} == {h.url for h in exact} == {DREAM, OLD, LATE}
    titled = [h.url for h in common if "californie" in (h.title or "").lower()]
    assert [h.url for h in common][: len(titled)] == titled
    assert all("**" in h.snippet for h in common)
    assert all(h.score > 0 for h in common)


def test_an_archive_indexed_before_revision_0008_finds_the_same_after_it(db_url: str) -> None:
    """0008 rewrites the PostgreSQL documents (kept in line) and adds the window and excerpt
    functions; an archive downgraded to 0007 and upgraded again finds what it found."""
    build_archive(db_url)
    engine = open_engine(db_url)
    with transaction(engine) as session:
        before = [_found(session, text, filters) for text, filters in CASES]
        snippets = [h.snippet for h in search(session, "douane")]
    rerun_migrations(engine, "0007")
    with transaction(engine) as session:
        assert [_found(session, text, filters) for text, filters in CASES] == before
        assert [h.snippet for h in search(session, "douane")] == snippets
        assert "**douane**" in snippets[0].lower()
    engine.dispose()


def _notes(count: int, seen: dt.datetime, name: str, title: str, body: str) -> list[RecordToStore]:
    return [
        RecordToStore(
            Article(url=f"https://x.test/{name}/{n}", lang="fr", title=title, body=body), seen
        )
        for n in range(count)
    ]


def test_a_phrase_is_looked_for_among_the_newest_versions_then_further_back_for_a_page(
    sqlite_url: str, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phrase's candidates come from the newest PHRASE_SPAN versions, and from further back
    only until there is a page of them: older matches are then not ranked, even with the phrase
    in their title; a bigger page finds them all, ranked as usual."""
    found = {}
    for url in (sqlite_url, pg_url):
        engine = open_engine(url)
        with transaction(engine) as session:
            # versions 1-3: the phrase in the title; 4-6: in the body; 7-12: both words apart
            store_records(session, _notes(3, day("2025-01-01"), "old", "Castor noir", "Un texte."))
            store_records(session, _notes(3, day("2025-02-01"), "new", "Note", "Un castor noir."))
            store_records(session, _notes(6, day("2025-03-01"), "other", "Noir", "Un castor."))
        with transaction(engine) as session:
            unbounded = search(session, '"castor noir"', limit=2)
            monkeypatch.setattr(search_module, "PHRASE_SPAN", 6)
            page = search(session, '"castor noir"', limit=2)
            every = search(session, '"castor noir"', limit=20)
            monkeypatch.undo()
        engine.dispose()
        found[url] = [[h.url for h in hits] for hits in (unbounded, page, every)]
    for unbounded, page, every in found.values():
        assert set(unbounded) < {f"https://x.test/old/{n}" for n in range(3)}
        # no match among versions 7-12: the page is the newest two matches before them
        assert set(page) == {"https://x.test/new/2", "https://x.test/new/1"}
        assert len(every) == 6
        assert {u.split("/")[3] for u in every[:3]} == {"old"}
    sqlite, pg = found.values()
    assert [set(urls) for urls in sqlite] == [set(urls) for urls in pg]


def _phrase_far_back(url: str, monkeypatch: pytest.MonkeyPatch, rechecks: int) -> None:
    """Versions 1-3 hold the phrase, 4-12 both its words apart; a span of 6 versions, and the
    planner expects all 12 documents to hold both words: past the span, `rechecks` documents
    are versions from 7 - `rechecks` on."""
    engine = open_engine(url)
    with transaction(engine) as session:
        store_records(session, _notes(3, day("2025-01-01"), "old", "Castor noir", "Un texte."))
        store_records(session, _notes(9, day("2025-02-01"), "other", "Noir", "Un castor."))
    engine.dispose()
    monkeypatch.setattr(search_module, "PHRASE_SPAN", 6)
    monkeypatch.setattr(search_module, "_pg_estimated_matches", lambda *_: 12.0)
    monkeypatch.setattr(search_module, "PG_PHRASE_RECHECKS", rechecks)


def test_a_phrase_of_common_words_on_postgresql_stops_at_its_bound_and_says_so(
    sqlite_url: str, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its span, a PostgreSQL phrase search reads only as far back as some
    PG_PHRASE_RECHECKS documents holding all its words: a phrase found only further back gives
    no hit (never a wrong one) and the results say from when on the archive was searched; with
    room enough, or on SQLite, the old matches are found and nothing is said."""
    found = {}
    for url in (sqlite_url, pg_url):
        _phrase_far_back(url, monkeypatch, rechecks=3)  # versions 4-6 past the span
        engine = open_engine(url)
        with transaction(engine) as session:
            bounded = search(session, '"castor noir"')
            monkeypatch.setattr(search_module, "PG_PHRASE_RECHECKS", 12)
            roomy = search(session, '"castor noir"')
        monkeypatch.undo()
        engine.dispose()
        found[url] = (bounded, roomy)
    (sqlite_bounded, sqlite_roomy), (pg_bounded, pg_roomy) = found.values()
    old = {f"https://x.test/old/{n}" for n in range(3)}
    assert {h.url for h in sqlite_bounded} == {h.url for h in sqlite_roomy} == old
    assert sqlite_bounded.searched_since is None
    assert list(pg_bounded) == []
    assert pg_bounded.searched_since == day("2025-02-01")
    assert {h.url for h in pg_roomy} == old
    assert pg_roomy.searched_since is None


def test_the_search_command_says_when_a_phrase_search_stopped_short(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _phrase_far_back(pg_url, monkeypatch, rechecks=3)
    result = CliRunner().invoke(main, ["search", '"castor noir"', "--db", pg_url, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert "since 2025-02-01 00:00 UTC only" in result.stderr
    assert "older matches may exist" in result.stderr
    result = CliRunner().invoke(main, ["search", "castor", "--db", pg_url, "--json"])
    assert result.exit_code == 0 and "older matches" not in result.stderr


def test_a_rebuilt_postgresql_index_leaves_nothing_pending(pg_url: str) -> None:
    """Rebuilding the index merges the GIN pending list (which every search would otherwise
    read through) and finds what it found before."""
    build_archive(pg_url)
    engine = open_engine(pg_url)
    with transaction(engine) as session:
        before = [_found(session, text, filters) for text, filters in CASES]
        rebuild_index(session)
    with transaction(engine) as session:
        pending = session.scalar(
            text(f"SELECT gin_clean_pending_list('{search_ddl.PG_DOCUMENT_INDEX}')")
        )
        assert pending == 0
        assert [_found(session, text, filters) for text, filters in CASES] == before
    engine.dispose()
