"""Diffs between versions name exactly the fields that changed, with text and item detail."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from scraper.models import Contact, QAPair
from storage.archive import mark_gone, store_record
from storage.db import transaction
from storage.diff import diff_records, diff_versions
from storage.errors import NotFoundError
from tests import edits
from tests.storage.samples import day, make_article

URL = "https://hub.brussels/fr/blog/silicon-valley/"
LONG_BODY = "\n\n".join(
    f"Paragraphe {i}, assez long pour mériter un diff ligne à ligne." for i in range(6)
)


def _store_versions(engine: Engine, *articles: object) -> None:
    with transaction(engine) as session:
        for i, article in enumerate(articles):
            store_record(session, article, seen_at=day(i))  # type: ignore[arg-type]


def test_diff_names_exactly_the_changed_fields(engine: Engine) -> None:
    base = make_article(body=LONG_BODY)
    qa = [base.qa[0], QAPair(base.qa[1].question, "Quinze cette année.", "E.G.")]
    edited = make_article(
        body=edits.replace(LONG_BODY, "Paragraphe 3", "Paragraphe trois"),
        sector="Export",
        qa=qa,
        related=[],
    )
    _store_versions(engine, base, edited)
    with transaction(engine) as session:
        diff = diff_versions(session, URL)
    assert (diff.from_version, diff.to_version) == (1, 2)
    assert diff.changed_fields == ["sector", "body", "qa"]
    by_field = {change.field: change for change in diff.changes}
    body_diff = by_field["body"].text_diff or ""
    assert "-Paragraphe 3, assez long" in body_diff and "+Paragraphe trois, assez long" in body_diff
    assert "-Paragraphe 0" not in body_diff, "unchanged paragraphs are not marked as changed"
    assert by_field["sector"].text_diff is None, "short values are shown whole, not as a diff"
    (item,) = by_field["qa"].items
    assert (item.change, item.old_position, item.fields) == ("changed", 1, ["answer"])


def test_diff_of_added_and_removed_contacts(engine: Engine) -> None:
    base = make_article()
    more = make_article(
        contacts=[*base.contacts, Contact(name="Info", emails=["info@hub.brussels"])]
    )
    fewer = make_article(contacts=[])
    _store_versions(engine, base, more, fewer)
    with transaction(engine) as session:
        added = diff_versions(session, URL, from_seq=1, to_seq=2)
        removed = diff_versions(session, URL, from_seq=2, to_seq=3)
    assert [(i.change, i.new_position) for i in added.changes[0].items] == [("added", 1)]
    assert [(i.change, i.old_position) for i in removed.changes[0].items] == [
        ("removed", 0),
        ("removed", 1),
    ]


def test_default_diff_skips_tombstones(engine: Engine) -> None:
    _store_versions(engine, make_article())
    with transaction(engine) as session:
        mark_gone(session, URL, seen_at=day(1))
        store_record(session, make_article(title="De retour"), seen_at=day(2))
        diff = diff_versions(session, URL)
        assert (diff.from_version, diff.to_version, diff.changed_fields) == (1, 3, ["title"])
        with pytest.raises(NotFoundError, match="tombstone"):
            diff_versions(session, URL, from_seq=2, to_seq=3)


def test_nothing_to_compare_and_unknown_url(engine: Engine) -> None:
    _store_versions(engine, make_article())
    with transaction(engine) as session:
        with pytest.raises(NotFoundError, match="nothing to compare"):
            diff_versions(session, URL)
        with pytest.raises(NotFoundError, match="not in the archive"):
            diff_versions(session, URL + "x/")
        with pytest.raises(NotFoundError, match="does not exist; content versions: 1"):
            diff_versions(session, URL, from_seq=1, to_seq=7)


def test_identical_records_have_no_diff() -> None:
    article = make_article()
    assert diff_records(article.content_dict(), make_article(related=[]).content_dict()) == []
