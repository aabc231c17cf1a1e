"""The page an article version was extracted from, as it was captured (bytes, type, when)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import NotFoundError
from storage.history import get_article, get_version
from storage.rawpages import page_body
from storage.schema import FetchRow, RawPage


@dataclass(frozen=True)
class StoredPage:
    """A raw page of one content version: its bytes exactly as captured, and where they came from."""

    url: str
    version: int
    body: bytes
    content_type: str | None
    sha256: str
    fetched_at: dt.datetime | None

    @property
    def charset(self) -> str | None:
        """The charset the response declared (`Content-Type: …; charset=X`), if any."""
        for part in (self.content_type or "").split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"'")
        return None


def stored_page(session: Session, url: str, version: int | None = None) -> StoredPage:
    """The raw page of content version `version` (default: current) of the article at `url`.

    Raises `NotFoundError` for an unknown URL or version, or a version whose page was not kept.
    """
    article = get_article(session, url)
    seq = article.current_version if version is None else version
    row = get_version(session, article, seq)
    if row.raw_page_id is None:
        raise NotFoundError(f"version {seq} of {url} has no stored page (it was not kept)")
    page = session.get(RawPage, row.raw_page_id)
    if page is None:
        raise NotFoundError(f"the stored page of version {seq} of {url} is missing")
    fetched_at = (
        session.scalar(select(FetchRow.fetched_at).where(FetchRow.id == row.fetch_id))
        if row.fetch_id is not None
        else None
    )
    return StoredPage(
        url=article.url,
        version=seq,
        body=page_body(page),
        content_type=page.content_type,
        sha256=page.sha256,
        fetched_at=fetched_at,
    )
