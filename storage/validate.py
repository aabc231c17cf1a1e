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

import orjson

from scraper.models import Article, Capture
from storage.errors import UnstorableRecordError

#: Nesting depth past which a value is not walked further (records are a few levels deep).
_MAX_DEPTH = 32
#: Values the quick check gathers before it hands over to the walker: a record holds a few hundred,
#: so only a value that refers to itself (or an absurdly large one) reaches this.
_MAX_QUICK_VALUES = 100_000
#: Types that hold no text (the walker skips them too); `bool` is an `int`.
_NO_TEXT = (int, float, bool, dt.date, dt.datetime, type(None))


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


def _all_text(values: list[Any]) -> str | None:
    """Every string inside `values` joined into one, or None when a value is not plain data
    (strings, numbers, dates, lists, dicts, dataclasses) or there are too many: the walker decides.

    A stack instead of the walker's recursive generators and field paths: the archive runs this
    once per stored record, and the paths are only needed to name a problem once one is found.
    """
    parts: list[str] = []
    stack = list(values)
    for _ in range(_MAX_QUICK_VALUES):
        if not stack:
            return "".join(parts)
        value = stack.pop()
        kind = type(value)
        if kind is str:
            parts.append(value)
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is dict:
            stack.extend(value)
            stack.extend(value.values())
        elif kind in _NO_TEXT:
            continue
        elif hasattr(kind, "__dataclass_fields__") and hasattr(value, "__dict__"):
            stack.extend(vars(value).values())
        else:
            return None
    return None


def _quickly_storable(parts: list[tuple[str, Any]]) -> bool:
    """True when no text of `parts` holds a NUL or a lone surrogate (the common case, checked on
    all text at once); False when some may, or the values are not plain data.

    orjson writes the whole record first (dataclasses, dates and enums included) in a fifth of the
    time of gathering its strings in Python: it refuses a lone surrogate, writes a NUL as the
    escape `\\u0000`, and refuses what it does not know (then the strings are gathered). Text
    that spells out `\\u0000` itself only sends the record to the walker, which finds nothing.
    """
    try:
        written = orjson.dumps([value for _root, value in parts])
    except TypeError:  # orjson.JSONEncodeError is a TypeError: a surrogate or a foreign type
        pass
    else:
        return b"\\u0000" not in written
    text = _all_text([value for _root, value in parts])
    if text is None or "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    if _quickly_storable(parts):
        return
    for root, value in parts:  # walk field by field to name the first problem
        for path, text in _strings(value, root):
            problem = text_problem(text)
            if problem:
                raise UnstorableRecordError(
                    f"{article.url!a}: {path} holds {problem}; the article is not stored"
                )
