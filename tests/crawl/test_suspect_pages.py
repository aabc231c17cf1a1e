"""A page whose record is damaged (no title) is a failed fetch, versioned when the same content
comes twice in a row (DECISIONS.md: the site really changed), and then unchanged: the verdict
never alternates between a failed fetch and "unchanged" from run to run."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from schedules.job import RunReport
from storage.db import open_engine, transaction
from storage.schema import ArticleRow, FetchRow

from .site import FixtureSite, Request, Response, SiteServer


def _rows(db_url: str, url: str) -> tuple[bool, list[tuple[int | None, str | None, str | None]]]:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            archived = session.scalar(select(ArticleRow.id).where(ArticleRow.url == url))
            fetches = session.execute(
                select(FetchRow.run_id, FetchRow.outcome, FetchRow.error)
                .where(FetchRow.url == url)
                .order_by(FetchRow.id)
            ).all()
            return archived is not None, [tuple(f) for f in fetches]
    finally:
        engine.dispose()


def test_a_page_with_no_title_is_refused_once_then_versioned_then_unchanged(
    site: FixtureSite,
    served: SiteServer,
    crawl: Callable[..., RunReport],
    sqlite_url: str,
) -> None:
    damaged = site.articles[0]
    url = f"{site.base_url}{damaged.path}"

    def handle(request: Request) -> Response:
        if request.route == damaged.path:
            return Response(200, b'{"a":1}', {"Content-Type": "text/html; charset=utf-8"})
        return site.handle(request)

    served.handler = handle
    outcomes = []
    for run in (1, 2, 3, 4):
        report = crawl()
        archived, fetches = _rows(sqlite_url, url)
        assert fetches[-1][0] == report.run_id
        outcomes.append(fetches[-1][1])
        if run == 1:
            assert report.exit_code == 1 and report.counts.failed == 1, report.summary()
            assert not archived, f"run 1 archived the damaged page: {fetches}"
            assert (report.message or "").startswith("1 page failed ("), report.message
            assert (fetches[-1][2] or "").startswith("suspect 200: the page has no title")
        else:
            assert report.exit_code == 0 and report.counts.failed == 0, (run, report.summary())
            assert archived
    assert outcomes == ["failed", "new", "unchanged", "unchanged"], outcomes
