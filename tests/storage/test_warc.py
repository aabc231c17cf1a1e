"""WARC export and import: a round trip keeps records and dates; WARCs written by other tools import too."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from schedules.warc import WarcReadError, import_warcs
from storage.archive import known_articles, mark_gone, store_record
from storage.db import open_engine, transaction
from storage.history import article_history
from storage.integrity import check_integrity
from storage.rows import version_to_article
from storage.schema import VersionRow
from storage.warc import export_warc
from tests.storage.samples import day, fake_extract, make_article, make_capture, page_of

FR = "https://hub.brussels/fr/blog/silicon-valley/"
NL = "https://hub.brussels/nl/blog/silicon-valley/"


def _capture(article: object, when: object, **kwargs: object):  # type: ignore[no-untyped-def]
    return make_capture(
        article.url,
        page_of(article),
        when,  # type: ignore[attr-defined]
        headers={"Content-Type": "text/html; charset=utf-8", "ETag": f'"{when}"'},
        **kwargs,
    )


def _fill(engine: Engine) -> None:
    """Two articles with new, unchanged, changed and gone captures, at microsecond-precise times."""
    fr, nl = (
        make_article(),
        make_article(NL, lang="nl", title="Klaar voor Silicon Valley?", translations={"fr": FR}),
    )
    fr2 = make_article(body="Texte révisé.")
    with transaction(engine) as session:
        for article, when in [
            (fr, day(0)),
            (nl, day(0).replace(microsecond=123456)),
            (fr, day(1)),
            (fr2, day(2)),
        ]:
            store_record(session, article, seen_at=when, capture=_capture(article, when))
        mark_gone(
            session,
            NL,
            seen_at=day(3),
            capture=make_capture(NL, b"<html>weg</html>", day(3), status=404),
        )


def _histories(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with transaction(engine) as session:
        return {
            url: [
                (v.seq, v.kind, v.seen_at, v.content_hash, v.changed_fields)
                for v in article_history(session, url).versions
            ]
            for url in sorted(known_articles(session))
        }


def test_round_trip_keeps_records_and_dates(
    engine: Engine, db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    _fill(engine)
    out = tmp_path / "archive.warc.gz"
    with transaction(engine) as session, out.open("wb") as stream:
        report = export_warc(session, stream)
    assert (report.captures, report.records) == (5, 11)

    # the file is a standard WARC: request/response pairs dated by their fetch, headers kept
    with out.open("rb") as stream:
        records = [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Date"),
                r.http_headers.get_header("ETag") if r.http_headers else None,
            )
            for r in ArchiveIterator(stream)
        ]
    assert [kind for kind, _, _ in records] == ["warcinfo"] + ["response", "request"] * 5
    assert records[3][1] == "2025-03-01T08:00:00.123456Z"
    assert records[4][1] == "2025-03-01T08:00:00.123456Z"
    assert records[3][2] == f'"{day(0).replace(microsecond=123456)}"'

    # the other archive is a SQLite file when the source is PostgreSQL, and the reverse
    target_url = sqlite_url.replace("archive.db", "copy.db") if db_url == sqlite_url else sqlite_url
    target = open_engine(target_url)
    try:
        imported = import_warcs(target, [out], extract=fake_extract)
        assert dict(imported.counts) == {"new": 2, "unchanged": 1, "changed": 1, "gone": 1}
        assert _histories(target) == _histories(engine)
        with transaction(engine) as a, transaction(target) as b:
            assert [
                version_to_article(v, "x") for v in a.query(VersionRow).order_by(VersionRow.seen_at)
            ] == [
                version_to_article(v, "x") for v in b.query(VersionRow).order_by(VersionRow.seen_at)
            ]
            assert check_integrity(b, deep=True) == []
    finally:
        target.dispose()


def _response(
    writer: WARCWriter,
    url: str,
    when: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    gzipped: bool = False,
):  # type: ignore[no-untyped-def]
    headers = [("Content-Type", content_type)]
    if gzipped:
        body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        warc_headers_dict={"WARC-Date": when},
        http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
    )


def test_import_of_warcs_written_by_another_tool_in_date_order(
    engine: Engine, tmp_path: Path
) -> None:
    newer, older = tmp_path / "2024.warc.gz", tmp_path / "2019.warc"
    with newer.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(
            _response(
                writer,
                FR,
                "2024-05-02T10:00:00Z",
                page_of(make_article(title="Titre 2024")),
                gzipped=True,
            )
        )
        writer.write_record(
            _response(
                writer,
                "https://hub.brussels/logo.png",
                "2024-05-02T10:00:01Z",
                b"\x89PNG",
                content_type="image/png",
            )
        )
        writer.write_record(_response(writer, NL, "2024-05-02T10:00:02Z", b"", status="410 Gone"))
    with older.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(
            _response(
                writer,
                FR + "?fbclid=x#top",
                "2019-01-10T09:30:00Z",
                page_of(make_article(title="Titre 2019")),
            )
        )
        writer.write_record(_response(writer, FR, "2019-01-11T09:30:00Z", b"", status="301 Moved"))

    report = import_warcs(engine, [newer, older], extract=fake_extract, site="hub_brussels")

    assert dict(report.counts) == {"new": 1, "changed": 1, "skipped": 3}  # png, 301, 410 of unknown
    assert (report.first_date.year, report.last_date.year) == (2019, 2024)  # type: ignore[union-attr]
    with transaction(engine) as session:
        history = article_history(session, FR)
        assert [(v.seq, v.title, v.seen_at.year) for v in history.versions] == [
            (1, "Titre 2019", 2019),
            (2, "Titre 2024", 2024),
        ]
        assert history.versions[1].changed_fields == ["title"]


def test_an_unreadable_file_is_named(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a warc\n")
    with pytest.raises(WarcReadError, match="notes.txt"):
        import_warcs(engine, [bad], extract=fake_extract)
    with transaction(engine) as session:
        assert known_articles(session) == {}
