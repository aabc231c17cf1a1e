"""Issue 12, property tests: no URL makes canonicalisation raise, no string makes storing raise
anything but the one documented refusal (the session stays usable), and what is refused is
exactly what a database cannot hold. (The in-scope property is in test_scope.py.)"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from scraper.models import Article, Contact, QAPair
from scraper.text import normalize_text
from scraper.urls import canonical_url, is_allowed_host, parse_url
from storage.archive import store_record
from storage.db import open_engine, transaction
from storage.errors import UnstorableRecordError
from storage.validate import text_problem

#: Every code point, lone surrogates and NUL included (hypothesis leaves surrogates out unless
#: asked), plus the pieces URLs are made of.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=40)
URL_PIECES = st.sampled_from(
    ["http://", "https://", "HTTP:\\\\", "//", "/", "\\", "@", ":", "::1", "[", "]", "%", "%zz",
     "%00", "?", "#", "&", "=", "127.0.0.1", ":99999", ":abc", ":8080", "www.", "xn--", "..",
     "\udfff", "\x00", "é", "\u3002", " ", "\t", "utm_source=x"]
)  # fmt: skip
URLS = st.lists(st.one_of(URL_PIECES, ANY_TEXT), max_size=10).map("".join)


@settings(max_examples=2000, deadline=None)
@given(url=URLS, base=st.one_of(st.none(), URLS, st.just("http://127.0.0.1:8000/a/b/")))
def test_canonicalisation_never_raises_and_is_idempotent(url: str, base: str | None) -> None:
    canonical = canonical_url(url, base)
    if canonical is not None:
        assert parse_url(canonical) is not None
        assert canonical_url(canonical) == canonical
        assert text_problem(canonical) is None, "a canonical URL can always be stored"
    is_allowed_host(url, frozenset({"127.0.0.1:8000"}))


@settings(max_examples=500, deadline=None)
@given(value=ANY_TEXT)
def test_the_normaliser_leaves_nothing_a_database_refuses(value: str) -> None:
    assert text_problem(normalize_text(value)) is None


_urls = itertools.count()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    archive = open_engine(db_url)
    yield archive
    archive.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=ANY_TEXT, body=ANY_TEXT, speaker=ANY_TEXT, email=ANY_TEXT, lang=ANY_TEXT)
def test_storing_random_strings_refuses_or_stores_and_the_session_goes_on(
    engine: Engine, title: str, body: str, speaker: str, email: str, lang: str
) -> None:
    url = f"http://127.0.0.1/news/{next(_urls)}/"
    article = Article(
        url=url,
        lang=lang[:8] or None,
        title=title,
        body=body,
        qa=[QAPair(question=title, answer=body, speaker=speaker)],
        contacts=[Contact(name=speaker, emails=[email])],
        translations={"fr": url + speaker},
    )
    unstorable = any(
        text_problem(v) for v in (title, body, speaker, email, lang[:8], url + speaker)
    )
    seen = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with transaction(engine) as session:
        try:
            store_record(session, article, seen_at=seen)
            refused = False
        except UnstorableRecordError:
            refused = True
        assert refused == unstorable
        # the same session stores the next record as if nothing happened
        store_record(session, Article(url=url + "ok/", title="fine", body="fine"), seen_at=seen)
