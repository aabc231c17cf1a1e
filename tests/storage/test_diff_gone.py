"""`hubarchive diff` on an article archived once and then gone: the message names the tombstone
(gone, with its date) and the single content version, not a version "before version 1"."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.archive import mark_gone, store_record
from storage.db import transaction
from storage.diff import diff_versions
from storage.errors import NotFoundError
from tests.storage.samples import day, make_article

URL = "https://hub.brussels/fr/blog/silicon-valley/"


def test_an_article_archived_once_then_gone_says_it_is_gone(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        mark_gone(session, URL, seen_at=day(1))
        with pytest.raises(NotFoundError) as raised:
            diff_versions(session, URL)
    message = str(raised.value)
    assert "tombstone" in message and "gone" in message
    assert f"{day(1):%Y-%m-%d}" in message
    assert "only one content version" in message
    assert "before version 1" not in message


def test_an_article_with_two_versions_then_gone_still_diffs_its_content(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        store_record(session, make_article(title="Un autre titre"), seen_at=day(1))
        mark_gone(session, URL, seen_at=day(2))
        diff = diff_versions(session, URL)
    assert (diff.from_version, diff.to_version, diff.changed_fields) == (1, 2, ["title"])


def test_a_single_live_version_still_has_nothing_to_compare_yet(engine: Engine) -> None:
    with transaction(engine) as session:
        store_record(session, make_article(), seen_at=day(0))
        with pytest.raises(NotFoundError, match="nothing to compare yet") as raised:
            diff_versions(session, URL)
    assert "tombstone" not in str(raised.value)
