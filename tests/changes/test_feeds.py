"""Atom feeds of changes: valid for a feed reader (feedparser), with stable ids and the diffs."""

from __future__ import annotations

from pathlib import Path

import feedparser
from click.testing import CliRunner

from schedules.cli import main

from .conftest import History
from .sites import NEW_BODY, NEW_QUESTION


def _feed(db_url: str, tmp_path: Path, *args: str) -> feedparser.FeedParserDict:
    out = tmp_path / "feed.atom"
    result = CliRunner().invoke(main, ["feed", "--db", db_url, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_of_the_second_run_holds_its_three_changes_with_diffs(
    sqlite_history: History, tmp_path: Path
) -> None:
    h = sqlite_history
    feed = _feed(h.db_url, tmp_path, "--run", str(h.second_run), "--view-url", "http://view.test")
    assert len(feed.entries) == 3
    by_url = {e.link: e for e in feed.entries}
    assert sorted(by_url) == sorted([h.edited_url, h.qa_url, h.gone_url])
    edited = by_url[h.edited_url]
    content = edited.content[0].value
    assert f"<ins>{NEW_BODY}</ins>" in content and "<del>" in content
    related = [link.href for link in edited.links if link.rel == "related"]
    assert related and related[0].startswith("http://view.test/diff?url=")
    assert "from=1" in related[0] and "to=2" in related[0]
    assert NEW_QUESTION.replace("?", "") in by_url[h.qa_url].content[0].value
    assert by_url[h.gone_url].title.startswith("Gone")
    assert all(e.updated_parsed for e in feed.entries)
    assert feed.feed.updated_parsed


def test_entry_ids_are_stable_and_unique(sqlite_history: History, tmp_path: Path) -> None:
    first = _feed(sqlite_history.db_url, tmp_path)
    again = _feed(sqlite_history.db_url, tmp_path)
    ids = [e.id for e in first.entries]
    assert ids == [e.id for e in again.entries]
    assert len(ids) == len(set(ids))
    # every change of both runs: 8 new articles, then 2 changed and 1 gone
    assert len(ids) == 11


def test_article_feed_is_its_history(sqlite_history: History, tmp_path: Path) -> None:
    feed = _feed(sqlite_history.db_url, tmp_path, "--url", sqlite_history.edited_url)
    assert [e.title.split(":")[0] for e in feed.entries] == ["Changed", "New"]


def test_search_and_sector_feeds_are_narrowed(sqlite_history: History, tmp_path: Path) -> None:
    feed = _feed(sqlite_history.db_url, tmp_path, "--search", "désormais")
    assert [e.link for e in feed.entries] == [sqlite_history.edited_url] * 2
    # a language no article is in ("xx", no language code, is a usage error since --lang checks it)
    empty = _feed(sqlite_history.db_url, tmp_path, "--lang", "de")
    assert empty.entries == []


def test_hostile_titles_are_escaped(sqlite_history: History, tmp_path: Path) -> None:
    import datetime as dt

    from schedules.feeds import atom_feed
    from storage.changes import ArticleChange, short_diff

    change = ArticleChange(
        kind="changed",
        url="http://x.test/a",
        article_id=1,
        version=2,
        from_version=1,
        run_id=1,
        seen_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        title="<script>alert(1)</script>",
        site=None,
        lang="fr",
        sector=None,
        sector_key=None,
        diff=[short_diff("body", "a", "<img src=x onerror=alert(1)>")],
    )
    parsed = feedparser.parse(atom_feed([change], title="t", feed_path="/feeds/all"))
    assert not parsed.bozo
    content = parsed.entries[0].content[0].value
    assert "<img" not in content and "&lt;img" in content
