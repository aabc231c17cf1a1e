"""Convert between an `Article` record and its version rows, hash a record's content, write rows fast."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar, cast

import orjson
from sqlalchemy import CursorResult, Table, func, select, text
from sqlalchemy.orm import Session

from scraper.models import CONTENT_FIELDS, Article, Contact, QAPair, RelatedCard
from storage.schema import Base

#: How many values go into one `IN (…)` list: well under every engine's bound-parameter limit.
IN_CHUNK = 500

#: Up to this many rows, one INSERT … RETURNING is cheaper than drawing ids first (one statement,
#: not two, and too few parameters for psycopg's parsing to matter): the one-record path.
FEW_ROWS = 8

_T = TypeVar("_T")


def in_chunks(values: Sequence[_T], size: int = IN_CHUNK) -> Iterator[Sequence[_T]]:
    """`values` cut into consecutive slices of at most `size` (for `IN (…)` lists)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def insert_row(session: Session, model: type[Base], values: dict[str, Any]) -> int:
    """INSERT one row into `model`'s table; returns its id.

    A plain Core insert with separate parameters: its compiled form is cached, so the hot path of
    a crawl pays neither the ORM's bookkeeping nor a compilation per row.
    """
    result = cast(CursorResult[Any], session.execute(_table(model).insert(), values))
    key: Any = result.inserted_primary_key  # a row, never None for these integer-keyed tables
    return int(key[0])


def insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` into `model`'s table in one executemany (nothing when there are none)."""
    if rows:
        session.execute(_table(model).insert(), rows)


def as_utc(value: dt.datetime) -> dt.datetime:
    """`value` in UTC; a naive value is taken to be UTC already (as `UTCDateTime` stores it)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _comparable(value: Any) -> Any:
    return as_utc(value) if isinstance(value, dt.datetime) else value


def insert_many_returning_ids(
    session: Session, model: type[Base], rows: list[dict[str, Any]], *, key: tuple[str, ...]
) -> list[int]:
    """INSERT `rows` into `model`'s table as multi-row INSERTs; returns their ids, in `rows`' order.

    The ids come back with the `key` columns, which tell the rows apart: SQLite does not promise
    the order of RETURNING rows, and asking SQLAlchemy to sort them makes it insert one row at a
    time there. Rows that `key` does not tell apart are inserted in parameter order instead.
    """
    if not rows:
        return []
    table = _table(model)
    if len(rows) > FEW_ROWS:
        return _insert_with_drawn_ids(session, table, rows)
    wanted = [tuple(_comparable(row[k]) for k in key) for row in rows]
    if len(set(wanted)) < len(wanted):
        ordered = session.execute(
            table.insert().returning(table.c.id, sort_by_parameter_order=True), rows
        )
        return [int(row_id) for row_id in ordered.scalars()]
    result = session.execute(table.insert().returning(table.c.id, *(table.c[k] for k in key)), rows)
    ids = {tuple(_comparable(v) for v in found[1:]): int(found[0]) for found in result}
    return [ids[k] for k in wanted]


def _insert_with_drawn_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Draw the rows' ids first (one statement), then INSERT the rows with them as a plain
    executemany: one short statement prepared once, where a multi-row INSERT … RETURNING of a
    batch is one statement of thousands of parameters, parsed anew on every call.

    PostgreSQL draws from the table's sequence (psycopg pipelines the executemany; ids drawn and
    not used, a rolled-back batch, are gaps as with any sequence). SQLite takes the ids after the
    largest one, as it would itself (no AUTOINCREMENT): the store's transaction holds the write
    lock, and a writer that slipped in between would make the INSERT fail, not reuse an id
    (versions: 170 -> 125 us a row of CPU time).
    """
    if session.get_bind().dialect.name == "postgresql":
        drawn = session.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": len(rows)},
        )
        ids = sorted(int(row_id) for row_id in drawn.scalars())
    else:
        top = session.scalar(select(func.max(table.c.id))) or 0
        ids = list(range(top + 1, top + 1 + len(rows)))
    session.execute(
        table.insert(), [{**row, "id": row_id} for row, row_id in zip(rows, ids, strict=True)]
    )
    return ids


def canonical_json(data: Any) -> str:
    """One spelling of `data`: sorted keys, no spaces, UTF-8 kept, so equal content hashes equal."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


#: orjson's options for `canonical_json_bytes`: sorted keys, and dates and dataclasses refused as
#: `json` refuses them (orjson would write them itself).
_CANONICAL = (
    orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME
)


def canonical_json_bytes(data: Any) -> bytes:
    """`canonical_json(data)` encoded as UTF-8, written by orjson when it can (a quarter of the
    time: it was a third of the CPU time of storing an unchanged record).

    For strings, None, lists and dicts with string keys (what records hold) orjson writes the same
    bytes: compact separators, keys sorted by code point (UTF-8 byte order is code point order),
    text kept as UTF-8, the same escapes; `tests/storage/test_rows.py` holds it to that. Anything
    else it refuses (a non-string key, a lone surrogate, a foreign type) takes the `json` path.
    """
    try:
        return orjson.dumps(data, option=_CANONICAL)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return canonical_json(data).encode("utf-8")


def content_hash(article: Article) -> str:
    """sha256 of the canonical JSON of the record's content (CONTENT_FIELDS only), counters left
    out: a paragraph of views, shares or reading time in the lead or body (stored by an older
    extractor, or missed by this one) moves on every capture and is not the article's content.
    Revision 0004 re-hashed the stored versions with this definition."""
    return hashlib.sha256(canonical_json_bytes(article.hashed_content())).hexdigest()


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """CONTENT_FIELDS whose values differ between two `content_dict()`s, in the fields' order."""
    return [name for name in CONTENT_FIELDS if old.get(name) != new.get(name)]


def version_values(article: Article) -> dict[str, Any]:
    """The `versions` columns that hold `article` (the caller adds seq, dates, hash, provenance)."""
    return {
        "kind": "content",
        "lang": article.lang,
        "title": article.title,
        "published": article.published,
        "modified": article.modified,
        "sector": article.sector,
        "sector_key": article.sector_key,
        "lead": article.lead,
        "body": article.body,
        "translations": dict(sorted(article.translations.items())),
        "related": [card.to_dict() for card in article.related],
        "sources": dict(sorted(article.sources.items())),
        "warnings": list(article.warnings),
        "qa_count": len(article.qa),
        "contacts_count": len(article.contacts),
    }


def qa_values(article: Article, version_id: int) -> list[dict[str, Any]]:
    """The `qa_pairs` rows of `article`'s version `version_id`, in interview order."""
    return [
        {
            "version_id": version_id,
            "position": i,
            "question": q.question,
            "answer": q.answer,
            "speaker": q.speaker,
        }
        for i, q in enumerate(article.qa)
    ]


def contact_values(article: Article, version_id: int) -> list[dict[str, Any]]:
    """The `contacts` rows of `article`'s version `version_id`, in page order."""
    return [
        {
            "version_id": version_id,
            "position": i,
            "name": c.name,
            "role": c.role,
            "address": c.address,
            "phones": list(c.phones),
            "emails": list(c.emails),
        }
        for i, c in enumerate(article.contacts)
    ]


def version_to_article(
    version: Any,
    url: str,
    qa: Sequence[Any] | None = None,
    contacts: Sequence[Any] | None = None,
) -> Article:
    """The record a content version holds (a tombstone gives an empty record of that URL).

    `version` is a `VersionRow` or any row with its columns as attributes (a Core row); `qa` and
    `contacts` are its rows in order (default: the ORM relationships of a `VersionRow`).
    """
    qa = version.qa if qa is None else qa
    contacts = version.contacts if contacts is None else contacts
    return Article(
        url=url,
        lang=version.lang,
        title=version.title,
        published=version.published,
        modified=version.modified,
        sector=version.sector,
        sector_key=version.sector_key,
        lead=version.lead,
        body=version.body,
        qa=[QAPair(question=q.question, answer=q.answer, speaker=q.speaker) for q in qa],
        contacts=[
            Contact(
                name=c.name,
                role=c.role,
                address=c.address,
                phones=list(c.phones or []),
                emails=list(c.emails or []),
            )
            for c in contacts
        ],
        related=[RelatedCard.from_dict(card) for card in version.related or []],
        translations=dict(version.translations or {}),
        sources=dict(version.sources or {}),
        warnings=list(version.warnings or []),
    )
