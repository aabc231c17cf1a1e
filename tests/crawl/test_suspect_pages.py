"""A page whose record is damaged (no title, no body text) is never a version, on any run."""

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


def test_a_page_with_no_title_is_a_failed_fetch_on_every_run_never_a_version(
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
    for run in (1, 2, 3):
        report = crawl()
        assert report.exit_code == 1 and report.counts.failed == 1, (run, report.summary())
        assert (report.counts.new > 0) == (run == 1), report.summary()
        archived, fetches = _rows(sqlite_url, url)
        assert not archived, f"run {run} archived the damaged page: {fetches}"
        assert [f[1] for f in fetches] == ["failed"] * run, fetches
        assert fetches[-1][0] == report.run_id
        assert (report.message or "").startswith("1 page failed ("), report.message  # not "1 pages"
        assert all((f[2] or "").startswith("suspect 200: the page has no title") for f in fetches)
