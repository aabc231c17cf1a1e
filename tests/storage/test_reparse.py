"""Re-extraction over stored pages: new versions only where the new extractor's record differs."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from schedules.reparse import reparse
from scraper.models import Article
from storage.archive import mark_gone, store_record
from storage.db import transaction
from storage.history import article_history
from storage.integrity import check_integrity
from storage.schema import FetchRow, VersionRow
from tests.storage.samples import day, fake_extract, make_article, make_capture, page_of

URLS = [f"https://hub.brussels/fr/blog/article-{i}/" for i in range(4)]


def _archive(engine: Engine) -> None:
    """Four articles; articles 0-1 fetched on day 0, 2-3 on day 5; article 3 later gone."""
    with transaction(engine) as session:
        for i, url in enumerate(URLS):
            article = make_article(
                url, title=f"Article {i}", sector="Digital" if i % 2 else None, translations={}
            )
            when = day(0 if i < 2 else 5)
            store_record(
                session,
                article,
                seen_at=when,
                extractor_version="1",
                capture=make_capture(url, page_of(article), when),
            )
        mark_gone(session, URLS[3], seen_at=day(6))


def improved_extract(html: bytes, url: str, *, encoding: str | None = None) -> Article:
    """The 'new extractor': finds a sector where the old one found none."""
    article = fake_extract(html, url, encoding=encoding)
    article.sector = article.sector or "Export"
    return article


def _versions(engine: Engine) -> int:
    with transaction(engine) as session:
        return session.scalar(select(func.count()).select_from(VersionRow)) or 0


def test_reparse_versions_only_what_the_new_extractor_changes(engine: Engine) -> None:
    _archive(engine)
    before = _versions(engine)
    report = reparse(engine, extract=improved_extract, extractor_version="2")
    # article 3 is gone (skipped); 0 and 2 had no sector; 1 is unchanged
    assert (report.checked, report.changed, report.unchanged, report.failed) == (3, 2, 1, 0)
    assert dict(report.fields) == {"sector": 2}
    assert _versions(engine) == before + 2
    with transaction(engine) as session:
        history = article_history(session, URLS[0])
        assert [(v.seq, v.extractor_version, v.changed_fields) for v in history.versions] == [
            (1, "1", []),
            (2, "2", ["sector"]),
        ]
        assert history.versions[1].seen_at == day(0), "dated by the page it was extracted from"
        assert history.versions[1].raw_sha256 == history.versions[0].raw_sha256
        assert session.scalar(select(func.count()).select_from(FetchRow)) == 4, "no new fetch"
        assert check_integrity(session) == []
    again = reparse(engine, extract=improved_extract, extractor_version="2")
    assert (again.changed, again.unchanged) == (0, 3)


def test_reparse_by_url_and_since(engine: Engine) -> None:
    _archive(engine)
    one = reparse(engine, extract=improved_extract, url=URLS[0])
    assert (one.checked, one.changed) == (1, 1)
    recent = reparse(engine, extract=improved_extract, since=day(3).replace(tzinfo=None))
    assert (recent.checked, recent.changed, dict(recent.fields)) == (1, 1, {"sector": 1})


def test_dry_run_reports_without_writing(engine: Engine) -> None:
    _archive(engine)
    before = _versions(engine)
    report = reparse(engine, extract=improved_extract, dry_run=True)
    assert (report.changed, report.run_id) == (2, None)
    assert _versions(engine) == before


def test_a_failing_extractor_is_counted_not_fatal(engine: Engine) -> None:
    _archive(engine)

    def broken(html: bytes, url: str, *, encoding: str | None = None) -> Article:
        if url == URLS[1]:
            raise ValueError("unexpected markup")
        return fake_extract(html, url, encoding=encoding)

    report = reparse(engine, extract=broken)
    assert (report.checked, report.failed, report.changed) == (2, 1, 0)
    assert report.errors == [f"{URLS[1]}: unexpected markup"]
