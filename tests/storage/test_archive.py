"""Storing records: NEW / CHANGED / UNCHANGED, tombstones, raw pages, validators, translation groups."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Engine, func, select

from scraper.models import QAPair, RelatedCard
from storage.archive import (
    StoreStatus,
    known_articles,
    log_fetch,
    mark_gone,
    mark_seen,
    store_record,
    validators,
)
from storage.db import transaction
from storage.history import article_history
from storage.integrity import check_integrity
from storage.rawpages import raw_page_body
from storage.schema import ArticleRow, FetchRow, RawPage, VersionRow
from tests.storage.samples import day, make_article, make_capture

URL = "https://hub.brussels/fr/blog/silicon-valley/"


def test_new_unchanged_changed(engine: Engine) -> None:
    with transaction(engine) as session:
        first = store_record(session, make_article(), seen_at=day(0))
        again = store_record(session, make_article(), seen_at=day(1))
        edited = store_record(
            session, make_article(title="Prêt·e pour la Silicon Valley ?"), seen_at=day(2)
        )
    assert (first.status, first.version) == (StoreStatus.NEW, 1)
    assert (again.status, again.version) == (StoreStatus.UNCHANGED, 1)
    assert (edited.status, edited.version, edited.changed_fields) == (
        StoreStatus.CHANGED,
        2,
        ["title"],
    )
    with transaction(engine) as session:
        history = article_history(session, URL)
        assert [v.seq for v in history.versions] == [1, 2]
        assert history.first_seen == day(0)
        assert history.last_seen == day(2)
        assert history.versions[1].changed_fields == ["title"]
        assert check_integrity(session) == []


def test_unchanged_only_moves_last_seen(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(5))
        row = session.scalar(select(ArticleRow).where(ArticleRow.url == URL))
        assert row is not None
        assert (row.first_seen, row.last_seen, row.last_changed) == (day(0), day(5), day(0))
        assert session.scalar(select(func.count()).select_from(VersionRow)) == 1


def test_related_cards_sources_and_warnings_are_not_content(engine: Engine) -> None:
    cards = [
        RelatedCard(f"Nouvelle {i}", f"https://hub.brussels/fr/blog/n{i}/") for i in range(200)
    ]
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        result = store_record(
            session,
            make_article(related=cards, sources={"title": "html"}, warnings=["no JSON-LD"]),
            seen_at=day(1),
        )
    assert result.status is StoreStatus.UNCHANGED


def test_every_content_field_is_detected(engine: Engine) -> None:
    edits = {
        "lead": "Un autre chapeau.",
        "published": dt.date(2025, 2, 21),
        "qa": [QAPair("Pourquoi la Silicon Valley ?", "Parce que.", "Eric Gaspard")],
        "contacts": [],
        "translations": {},
    }
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        results = [
            store_record(session, make_article(**{name: value}), seen_at=day(i + 1))
            for i, (name, value) in enumerate(edits.items())
        ]
    # each edit is compared with the version before it, which still had the original other fields
    assert [r.changed_fields for r in results] == [
        ["lead"],
        ["published", "lead"],
        ["published", "qa"],
        ["qa", "contacts"],
        ["contacts", "translations"],
    ]


def test_gone_then_back_with_the_same_content(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        gone = mark_gone(
            session,
            URL,
            seen_at=day(1),
            capture=make_capture(URL, b"Not found", day(1), status=404),
        )
        again = mark_gone(session, URL, seen_at=day(2))
        back = store_record(session, make_article(), seen_at=day(3))
    assert gone is not None and (gone.status, gone.version) == (StoreStatus.GONE, 2)
    assert again is not None and again.version == 2, (
        "an article already gone gets no second tombstone"
    )
    assert (back.status, back.version) == (StoreStatus.UNCHANGED, 1)
    with transaction(engine) as session:
        history = article_history(session, URL)
        assert [(v.seq, v.kind) for v in history.versions] == [(1, "content"), (2, "gone")]
        assert history.versions[1].http_status == 404
        assert (history.status, history.last_seen) == ("live", day(3))
        assert check_integrity(session) == []


def test_back_with_new_content_is_compared_with_the_last_content_version(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        mark_gone(session, URL, seen_at=day(1))
        back = store_record(session, make_article(body="Réécrit."), seen_at=day(2))
        history = article_history(session, URL)
    assert (back.status, back.version, back.changed_fields) == (StoreStatus.CHANGED, 3, ["body"])
    assert [v.kind for v in history.versions] == ["content", "gone", "content"]
    assert history.status == "live"


def test_mark_gone_of_an_unknown_url_is_none(engine: Engine) -> None:
    with transaction(engine) as session:
        assert mark_gone(session, "https://hub.brussels/fr/blog/never/", seen_at=day(0)) is None
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 0


def test_raw_pages_are_stored_once_and_read_back(engine: Engine) -> None:
    body = "<html><body><h1>Prêt.e</h1></body></html>".encode()
    with transaction(engine) as session:
        store_record(
            session, make_article(), seen_at=day(0), capture=make_capture(URL, body, day(0))
        )
        store_record(
            session, make_article(), seen_at=day(1), capture=make_capture(URL, body, day(1))
        )
        other = make_article("https://hub.brussels/fr/blog/autre/", translations={})
        store_record(session, other, seen_at=day(1), capture=make_capture(other.url, body, day(1)))
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(RawPage)) == 1
        assert session.scalar(select(func.count()).select_from(FetchRow)) == 3
        version = session.scalar(select(VersionRow).where(VersionRow.seq == 1).limit(1))
        assert version is not None and version.raw_page_id is not None
        assert raw_page_body(session, version.raw_page_id) == body
        outcomes = session.scalars(select(FetchRow.outcome).order_by(FetchRow.id)).all()
        assert outcomes == ["new", "unchanged", "new"]


def test_validators_of_the_last_200_are_kept(engine: Engine) -> None:
    headers = {
        "Content-Type": "text/html",
        "ETag": '"v1"',
        "Last-Modified": "Sat, 01 Mar 2025 08:00:00 GMT",
    }
    with transaction(engine) as session:
        assert validators(session, URL) == (None, None)
        store_record(
            session,
            make_article(),
            seen_at=day(0),
            capture=make_capture(URL, b"<html>1</html>", day(0), headers=headers),
        )
        assert validators(session, URL) == ('"v1"', "Sat, 01 Mar 2025 08:00:00 GMT")
        store_record(
            session,
            make_article(),
            seen_at=day(1),
            capture=make_capture(URL, b"<html>2</html>", day(1), headers={"etag": '"v2"'}),
        )
        assert validators(session, URL) == ('"v2"', None)


def test_mark_seen_and_known_articles(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        mark_seen(session, URL, seen_at=day(4))
        mark_seen(session, URL, seen_at=day(2))  # an older sighting never moves last_seen back
        mark_seen(session, "https://hub.brussels/fr/blog/unknown/", seen_at=day(4))
        known = known_articles(session, [URL, "https://hub.brussels/fr/blog/unknown/"])
    assert list(known) == [URL]
    assert known[URL].last_seen == day(4)
    assert (known[URL].title, known[URL].published) == (
        "Prêt.e pour la Silicon Valley ?",
        dt.date(2025, 2, 20),
    )
    assert known[URL].status == "live"


def test_translations_share_one_group(engine: Engine) -> None:
    nl_url = "https://hub.brussels/nl/blog/silicon-valley/"
    en_url = "https://hub.brussels/en/blog/silicon-valley/"
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))  # fr names nl only
        store_record(session, make_article(en_url, lang="en", translations={}), seen_at=day(0))
        # nl names both: the fr group and the lone en article meet
        store_record(
            session,
            make_article(nl_url, lang="nl", translations={"fr": URL, "en": en_url}),
            seen_at=day(0),
        )
        groups = set(session.scalars(select(ArticleRow.translation_group)))
        history = article_history(session, URL)
    assert len(groups) == 1 and None not in groups
    assert history.translations == {"en": en_url, "nl": nl_url}


def test_runs_and_fetch_log(engine: Engine) -> None:
    from storage.archive import finish_run, start_run
    from storage.schema import RunRow

    with transaction(engine) as session:
        run_id = start_run(session, started_at=day(0), args={"full": True}, pid=42)
        log_fetch(
            session,
            "https://hub.brussels/fr/blog/",
            fetched_at=day(0),
            status=503,
            run_id=run_id,
            outcome="failed",
            error="503 Service Unavailable",
        )
        finish_run(
            session,
            run_id,
            outcome="failures",
            finished_at=day(0) + dt.timedelta(minutes=3),
            counts={"failed": 1},
            exit_code=1,
        )
    with transaction(engine) as session:
        run = session.get(RunRow, run_id)
        assert run is not None
        assert (run.outcome, run.exit_code, run.counts) == ("failures", 1, {"failed": 1})
        assert run.finished_at == day(0) + dt.timedelta(minutes=3)
        fetch = session.scalar(select(FetchRow))
        assert fetch is not None and (fetch.status, fetch.error) == (503, "503 Service Unavailable")


def test_naive_and_other_zone_times_are_read_back_in_utc(engine: Engine) -> None:
    brussels = dt.timezone(dt.timedelta(hours=1))
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0).astimezone(brussels))
    with transaction(engine) as session:
        row = session.scalar(select(ArticleRow))
        assert row is not None and row.first_seen == day(0)
        assert row.first_seen.utcoffset() == dt.timedelta(0)


def test_another_url_is_another_article(engine: Engine) -> None:
    article = make_article()
    moved = dataclasses.replace(article, url=article.url + "amp/")
    with transaction(engine) as session:
        assert store_record(session, article, seen_at=day(0)).status is StoreStatus.NEW
        assert store_record(session, moved, seen_at=day(0)).status is StoreStatus.NEW
