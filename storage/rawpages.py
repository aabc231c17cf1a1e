"""Response bodies, content-addressed by sha256: each distinct body is stored once, zlib-compressed."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from storage.errors import NotFoundError
from storage.rows import in_chunks, insert_many_returning_ids
from storage.schema import RawPage

#: zlib level: 3 compresses real pages (200 kB of HTML) at half the CPU time of 6 for 12 % more
#: bytes (ratio 5.4 instead of 6.0), and was the largest cost of storing a new record (a 44 kB
#: page: 190 µs instead of 430 µs). Any level reads back with `zlib.decompress`.
COMPRESSION_LEVEL = 3


def put_raw_pages(session: Session, pages: Sequence[tuple[bytes, str | None]]) -> list[int]:
    """The ids of the raw pages holding each `(body, content type)`, in order.

    Bodies never stored before are inserted; one lookup and one multi-row insert per call (plus
    one lookup per `storage.rows.IN_CHUNK` distinct bodies), however many pages there are.
    """
    digests = [hashlib.sha256(body).hexdigest() for body, _type in pages]
    known: dict[str, int] = {}
    for chunk in in_chunks(sorted(set(digests))):
        found = session.execute(select(RawPage.sha256, RawPage.id).where(RawPage.sha256.in_(chunk)))
        known.update({digest: page_id for digest, page_id in found})
    missing: dict[str, dict[str, object]] = {}
    for digest, (body, content_type) in zip(digests, pages, strict=True):
        if digest not in known and digest not in missing:
            missing[digest] = {
                "sha256": digest,
                "size": len(body),
                "content_type": content_type,
                "body_z": zlib.compress(body, COMPRESSION_LEVEL),
            }
    if missing:
        fresh = list(missing.values())
        if session.get_bind().dialect.name == "postgresql":
            # another writer (a worker crawling another site) may store the same body meanwhile:
            # PostgreSQL waits for it and skips our row, and the lookup finds the stored one
            session.execute(
                postgresql.insert(RawPage).on_conflict_do_nothing(index_elements=["sha256"]),
                fresh,
            )
            for chunk in in_chunks(list(missing)):
                found = session.execute(
                    select(RawPage.sha256, RawPage.id).where(RawPage.sha256.in_(chunk))
                )
                known.update({digest: page_id for digest, page_id in found})
        else:  # SQLite: one writer at a time, the lookup above is still true
            ids = insert_many_returning_ids(session, RawPage, fresh, key=("sha256",))
            known.update({str(r["sha256"]): page_id for r, page_id in zip(fresh, ids, strict=True)})
    return [known[digest] for digest in digests]


def put_raw_page(session: Session, body: bytes, *, content_type: str | None = None) -> int:
    """The id of the raw page holding `body`, inserted if this body was never stored."""
    return put_raw_pages(session, [(body, content_type)])[0]


def page_body(page: RawPage) -> bytes:
    """The uncompressed body of a stored raw page."""
    return zlib.decompress(page.body_z)


def raw_page_body(session: Session, raw_page_id: int) -> bytes:
    """The uncompressed body of the raw page `raw_page_id`; `NotFoundError` if there is none."""
    page = session.get(RawPage, raw_page_id)
    if page is None:
        raise NotFoundError(f"raw page {raw_page_id} is not in the archive")
    return page_body(page)
