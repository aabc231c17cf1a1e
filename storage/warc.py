"""Write the archive's stored captures to a WARC.gz (ISO 28500): request and response records, with warcio.

Each fetch that kept a raw page becomes a request record and a response record dated by its
fetch time, carrying the original headers. Bodies are stored decoded, so the headers that
describe a transfer encoding are renamed `X-Archive-Orig-…` (as pywb does) and
`Content-Length` is set to the body kept.
"""

from __future__ import annotations

import datetime as dt
import http
import io
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__
from storage.rawpages import page_body
from storage.schema import FetchRow, RawPage

#: Response headers that describe the transfer, not the body we kept (which is decoded).
TRANSFER_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass
class WarcExportReport:
    """What `export_warc` wrote."""

    captures: int = 0
    records: int = 0


def warc_date(value: dt.datetime) -> str:
    """A WARC/1.1 date: UTC, ISO 8601, microseconds kept."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _response_headers(headers: dict[str, str], size: int) -> list[tuple[str, str]]:
    kept = [
        (f"X-Archive-Orig-{name}" if name.lower() in TRANSFER_HEADERS else name, str(value))
        for name, value in headers.items()
    ]
    return [*kept, ("Content-Length", str(size))]


def _request_headers(url: str, headers: dict[str, str]) -> StatusAndHeaders:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    pairs = [(name, str(value)) for name, value in headers.items() if name.lower() != "host"]
    return StatusAndHeaders(
        f"GET {target} HTTP/1.1", [("Host", parts.netloc), *pairs], is_http_request=True
    )


def _status_line(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def export_warc(
    session: Session, out: BinaryIO, *, since: dt.datetime | None = None, url: str | None = None
) -> WarcExportReport:
    """Write every stored article capture (fetched at or after `since`, of `url` if given) to
    `out`, oldest first; the listing pages, sitemaps and feeds kept for conditional GET stay out."""
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    writer.write_record(
        writer.create_warcinfo_record(
            "hubarchive.warc.gz",
            {"software": f"hubarchive {__version__}", "format": "WARC File Format 1.1"},
        )
    )
    report = WarcExportReport(records=1)
    # captures with a kept page, and the 404/410 answers that made an article gone (their
    # body was not kept: the record says gone with an empty body, and an import makes it gone)
    query = (
        select(FetchRow, RawPage)
        .outerjoin(RawPage, RawPage.id == FetchRow.raw_page_id)
        .where(
            FetchRow.status.is_not(None),
            FetchRow.outcome.is_distinct_from("listing"),
            or_(
                FetchRow.raw_page_id.is_not(None),
                (FetchRow.outcome == "gone") & FetchRow.status.in_((404, 410)),
            ),
        )
        .order_by(FetchRow.fetched_at, FetchRow.id)
        .execution_options(yield_per=100)
    )
    if since is not None:
        query = query.where(FetchRow.fetched_at >= since)
    if url is not None:
        query = query.where(FetchRow.url == url)
    for fetch, page in session.execute(query):
        body = page_body(page) if page is not None else b""
        target = fetch.url  # the URL the archive knows the page by (its identity on re-import)
        date = warc_date(fetch.fetched_at)
        response = writer.create_warc_record(
            target,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(
                _status_line(fetch.status or 0),
                _response_headers(fetch.response_headers or {}, len(body)),
                protocol="HTTP/1.1",
            ),
        )
        request = writer.create_warc_record(
            target,
            "request",
            warc_headers_dict={"WARC-Date": date},
            http_headers=_request_headers(target, fetch.request_headers or {}),
        )
        writer.write_request_response_pair(request, response)
        report.captures += 1
        report.records += 2
    return report
