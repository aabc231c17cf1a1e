"""The web view on SQLite and PostgreSQL: every page as HTML and JSON, facets, timelines, diffs,
the sandboxed stored page, changes, statistics, feeds; bad requests are 400/404, never a 500."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

import feedparser
import pytest
from sqlalchemy import text

from schedules.web.sanitize import RAW_PAGE_CSP
from storage.readonly import open_read_only
from storage.search import SearchResults, search
from tests.changes.sites import NEW_BODY

from .conftest import ELSEWHERE, HOSTILE_URL, Archive


def _get(archive: Archive, path: str, **params: object):  # type: ignore[no-untyped-def]
    query = urlencode(params)
    return archive.app.test_client().get(f"{path}?{query}" if query else path)


def test_search_counts_facets_and_filters(archive: Archive) -> None:
    data = _get(archive, "/api/search", q="Mission").get_json()
    # "Mission" is in the French and English titles (Dutch says "Missie"); the English article
    # that robots.txt forbids was never crawled
    assert data["total"] == 5
    assert data["total_text"] == "5 of 5"
    assert all(hit["url"].startswith("http://127.0.0.1") for hit in data["hits"])
    langs = {f["value"]: f["count"] for f in data["facets"]["lang"]}
    assert langs == {"fr": 3, "en": 2}
    statuses = {f["value"]: f["count"] for f in data["facets"]["status"]}
    assert statuses == {"live": 4, "gone": 1}
    narrowed = _get(archive, "/api/search", q="Mission", lang="en").get_json()
    assert narrowed["total"] == 2 and {h["lang"] for h in narrowed["hits"]} == {"en"}
    assert _get(archive, "/api/search", q="Mission", status="gone").get_json()["total"] == 1
    page = _get(archive, "/search", q="Mission", lang="fr")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "3 of 3" in html and 'data-facet="sector"' in html


def test_article_page_has_provenance_and_timeline(archive: Archive) -> None:
    url = archive.history.gone_url
    data = _get(archive, "/api/article", url=url).get_json()
    assert [v["kind"] for v in data["timeline"]] == ["content", "gone"]
    assert data["article"]["status"] == "gone"
    sources = {f["field"]: f["source"] for f in data["fields"]}
    assert sources["title"] and sources["published"]
    edited = _get(archive, "/article", url=archive.history.edited_url).get_data(as_text=True)
    assert "version 2" in edited and "changed: body" in edited
    assert NEW_BODY in edited
    first = _get(archive, "/api/article", url=archive.history.edited_url, version=1).get_json()
    assert NEW_BODY not in first["article"]["body"]


def test_diff_is_field_by_field_and_colour_coded(archive: Archive) -> None:
    url = archive.history.edited_url
    data = _get(archive, "/api/diff", url=url, **{"from": 1, "to": 2}).get_json()
    assert data["changed_fields"] == ["body"]
    html = _get(archive, "/diff", url=url, **{"from": 1, "to": 2}).get_data(as_text=True)
    assert f'<div class="row ins">+ {NEW_BODY}</div>' in html
    assert '<div class="row del">' in html and '<div class="row same">' in html
    qa = _get(archive, "/api/diff", url=archive.history.qa_url).get_json()
    assert "qa" in qa["changed_fields"]


def test_stored_page_is_sandboxed_and_inert(archive: Archive) -> None:
    response = _get(archive, "/raw", url=HOSTILE_URL)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == RAW_PAGE_CSP
    html = response.get_data(as_text=True).lower()
    for active in ("<script", "onerror", "onload", "http-equiv", "<iframe", "javascript:", "<link"):
        assert active not in html, active
    assert ELSEWHERE not in html
    assert "texte ordinaire de la page" in html
    info = _get(archive, "/api/raw", url=HOSTILE_URL).get_json()
    assert info["size"] > 0 and len(info["sha256"]) == 64


def test_changes_stats_and_feeds(archive: Archive) -> None:
    changes = _get(archive, "/api/changes", run=archive.history.second_run).get_json()
    assert sorted(c["kind"] for c in changes["changes"]) == ["changed", "changed", "gone"]
    html = _get(archive, "/changes", run=archive.history.second_run).get_data(as_text=True)
    assert 'href="/feeds/all"' in html and NEW_BODY in html
    stats = _get(archive, "/api/stats").get_json()
    assert sum(r["articles"] for r in stats["lang"]) == 9  # eight crawled and the hostile one
    assert sum(r["changed"] for r in stats["month"]) == 2
    page = _get(archive, "/stats").get_data(as_text=True)
    assert page.count("<svg") == 3 and "<script" not in page
    feed = feedparser.parse(_get(archive, "/feeds/all").get_data())
    assert not feed.bozo and len(feed.entries) == 12  # 8 + 1 new, 2 changed, 1 gone
    assert feed.feed.links[0].href.startswith("http://view.test/feeds/all")
    search_feed = feedparser.parse(_get(archive, "/feeds/search", q="désormais").get_data())
    assert {e.link for e in search_feed.entries} == {archive.history.edited_url}


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/article", {"url": "http://nowhere.test/<script>"}, 404),
        ("/article", {"url": "http://nowhere.test/x"}, 404),
        ("/api/article", {}, 400),
        ("/api/article", {"url": "x", "version": "abc"}, 400),
        ("/api/diff", {"url": "http://nowhere.test/x", "from": "1", "to": "2"}, 404),
        ("/api/search", {"q": "Mission", "page": "0"}, 400),
        ("/api/search", {"q": "Mission", "year": "20x5"}, 400),
        ("/api/search", {"q": "Mission", "lang": "'; DROP TABLE"}, 400),
        ("/api/search", {"q": "x" * 5000}, 400),
        ("/api/search", {"q": "\x00"}, 400),
        ("/api/search", {"q": '"((( OR'}, 400),
        ("/feeds/nothing", {}, 404),
        ("/feeds/site", {}, 400),
        ("/api/changes", {"run": "99999"}, 404),
        ("/no/such/page", {}, 404),
    ],
)
def test_hostile_requests_are_refused_cleanly(
    sqlite_archive: Archive, path: str, params: dict[str, str], status: int
) -> None:
    response = _get(sqlite_archive, path, **params)
    assert response.status_code in (status, 200 if '"(((' in str(params) else status)
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if path.startswith("/api/") and response.status_code >= 400:
        assert response.get_json()["error"]
    assert "<script>" not in body


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/search", {"q": "Mission"}),
        ("/api/changes", {}),
        ("/feeds/lang", {}),
    ],
)
def test_a_language_that_is_no_code_is_a_400_as_on_the_command_line(
    sqlite_archive: Archive, path: str, params: dict[str, str]
) -> None:
    for typo in ("xx", "zz", "french"):
        response = _get(sqlite_archive, path, **params, lang=typo)
        assert response.status_code == 400, (path, typo)
        assert "ISO 639-1" in response.get_data(as_text=True)
    # a real code no article has is a filter that finds nothing, not an error; any case
    assert _get(sqlite_archive, path, **params, lang="de").status_code == 200
    assert _get(sqlite_archive, path, **params, lang="FR").status_code == 200


def test_the_archive_is_opened_read_only(archive: Archive) -> None:
    engine = open_read_only(archive.db_url)
    try:
        with engine.connect() as connection, pytest.raises(Exception) as caught:
            connection.execute(text("DELETE FROM articles"))
        assert "read" in str(caught.value).lower()
    finally:
        engine.dispose()


def test_counts_agree_with_the_search_they_count(archive: Archive) -> None:
    from storage.db import transaction
    from storage.facets import search_counts
    from storage.search import search
    from storage.selection import Filters

    engine = open_read_only(archive.db_url)
    try:
        with transaction(engine) as session:
            for q, filters in [
                ("Mission", Filters()),
                ("Mission", Filters(lang="en")),
                ("hub", Filters(status="live")),
                ('"bureau à" OR why', Filters()),
                ("Mission -export", Filters()),
            ]:
                hits = search(session, q, filters, limit=1000)
                counts = search_counts(session, q, filters)
                assert counts.total == len(hits), (q, filters)
                langs = dict(counts.facets["lang"])
                assert sum(langs.values()) == len(hits)
    finally:
        engine.dispose()


def test_site_sector_and_article_feeds(sqlite_archive: Archive) -> None:
    # a --start-url crawl of a host no profile knows is keyed by its origin (DECISIONS.md)
    key = sqlite_archive.history.base_url.lower()
    site = feedparser.parse(_get(sqlite_archive, "/feeds/site", site=key).get_data())
    assert not site.bozo and len(site.entries) == 11  # the crawled site; the hostile page has none
    unknown = _get(sqlite_archive, "/feeds/site", site="nowhere")
    assert unknown.status_code == 404 and key in unknown.get_json()["error"]
    sector = feedparser.parse(_get(sqlite_archive, "/feeds/sector", sector="Tech").get_data())
    assert sector.entries and all(e.tags[0].label == "Tech" for e in sector.entries)
    article = feedparser.parse(
        _get(sqlite_archive, "/feeds/article", url=sqlite_archive.history.qa_url).get_data()
    )
    assert [e.title.split(":")[0] for e in article.entries] == ["Changed", "New"]


def test_the_search_page_says_when_the_search_stopped_short(
    sqlite_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search that did not reach the oldest versions (a PostgreSQL phrase of common words,
    storage.search.PG_PHRASE_RECHECKS) says from when on it searched, on the page and in JSON."""
    from schedules.web import pages

    def stopped_short(*args: Any, **kwargs: Any) -> SearchResults:
        results = search(*args, **kwargs)
        results.searched_since = dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
        return results

    assert "searched-since" not in _get(sqlite_archive, "/search", q="Mission").get_data(
        as_text=True
    )
    monkeypatch.setattr(pages, "search", stopped_short)
    html = _get(sqlite_archive, "/search", q="Mission").get_data(as_text=True)
    assert 'id="searched-since"' in html and "since 2025-02-01 only" in html
    data = _get(sqlite_archive, "/api/search", q="Mission").get_json()
    assert data["searched_since"].startswith("2025-02-01")
