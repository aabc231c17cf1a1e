"""A small archive with a history: a crawl of the fixture site, three edits, a second crawl."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from schedules.job import run_crawl
from tests.crawl.conftest import fast_options
from tests.crawl.site import serve_site

from .sites import EditableSite

#: the fixture site's articles the second crawl finds edited, extended and gone (all French)
BODY_EDITED, QA_ADDED, GONE = 0, 3, 6


@dataclass
class History:
    """Two crawls of `site` into `db_url`; the URLs of the three articles that changed between."""

    db_url: str
    site: EditableSite
    base_url: str
    first_run: int
    second_run: int
    edited_url: str
    qa_url: str
    gone_url: str


def crawl_twice(db_url: str) -> Iterator[History]:
    site = EditableSite(9, per_page=3)
    with serve_site(site) as server:
        first = run_crawl(fast_options(db_url, server.base_url))
        assert first.exit_code == 0, first.warnings
        site.edit_body(BODY_EDITED)
        site.add_qa(QA_ADDED)
        site.delete_article(GONE)
        second = run_crawl(fast_options(db_url, server.base_url))
        assert second.exit_code == 0, second.warnings
        assert first.run_id is not None and second.run_id is not None
        url = {
            i: f"{server.base_url}{site.articles[i].path}" for i in (BODY_EDITED, QA_ADDED, GONE)
        }
        yield History(
            db_url=db_url,
            site=site,
            base_url=server.base_url,
            first_run=first.run_id,
            second_run=second.run_id,
            edited_url=url[BODY_EDITED],
            qa_url=url[QA_ADDED],
            gone_url=url[GONE],
        )


@pytest.fixture
def history(db_url: str) -> Iterator[History]:
    """The two-crawl history on SQLite and on PostgreSQL."""
    yield from crawl_twice(db_url)


@pytest.fixture
def sqlite_history(sqlite_url: str) -> Iterator[History]:
    """The two-crawl history on SQLite only (tests of formats, not of engines)."""
    yield from crawl_twice(sqlite_url)
