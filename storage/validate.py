"""What a database can hold: text without NULs or lone surrogates, checked before a record is stored.

SQLite stores a NUL but cuts text at it in places, PostgreSQL refuses it in text and JSON, and a
lone surrogate (`"\\udfff"` from a JSON escape) cannot be encoded as UTF-8 at all. The extractor's
text normaliser removes both; this check is the archive's own guard, so a record that still holds
one is refused as a whole (`UnstorableRecordError`), and the caller logs that article as failed
and goes on with the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from scraper.models import Article, Capture
from storage.errors import UnstorableRecordError

#: Nesting depth past which a value is not walked further (records are a few levels deep).
_MAX_DEPTH = 32


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored ('a NUL character', 'a lone surrogate U+DFFF'), or None."""
    if "\x00" in value:
        return "a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"a lone surrogate U+{ord(value[exc.start]):04X}"
    return None


def _strings(value: Any, path: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(path, text) of every string inside `value`, dictionary keys included."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, f"{path} (a key)", depth + 1)
            yield from _strings(item, f"{path}.{key}" if isinstance(key, str) else path, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]", depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            yield from _strings(getattr(value, spec.name), f"{path}.{spec.name}", depth + 1)
    elif not isinstance(value, int | float | dt.date | type(None)):
        yield from _strings(str(value), path, depth + 1)


def check_storable(article: Article, capture: Capture | None = None) -> None:
    """Raise `UnstorableRecordError` naming the first field (of `article`, or of `capture`'s URL
    and headers) that holds text no database can store; return None when all can be stored."""
    parts: list[tuple[str, Any]] = [("article", article)]
    if capture is not None:
        parts += [
            ("capture.url", capture.url),
            ("capture.final_url", capture.final_url),
            ("capture.headers", capture.headers),
            ("capture.request_headers", capture.request_headers),
        ]
    for root, value in parts:
        for path, text in _strings(value, root):
            problem = text_problem(text)
            if problem:
                raise UnstorableRecordError(
                    f"{article.url!a}: {path} holds {problem}; the article is not stored"
                )
