"""Dates of the article in a JavaScript framework's page state (Next.js `__NEXT_DATA__`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from scraper.text import fold

log = logging.getLogger(__name__)

#: `<script id=…>` elements holding a framework's server-side state as JSON.
STATE_SCRIPT_IDS = frozenset(("__NEXT_DATA__", "__NUXT_DATA__"))
_TITLE_KEYS = ("title", "headline", "name")
PUBLISHED_KEYS = (
    "datePublished",
    "publishedAt",
    "published_at",
    "publishDate",
    "publishedDate",
    "firstPublishedAt",
    "date",
    "createdAt",
)
MODIFIED_KEYS = ("dateModified", "updatedAt", "updated_at", "modified", "lastModified")
_MAX_DEPTH = 12


def read_state(raw: str) -> Any:
    """The parsed state, or None when it is not JSON."""
    try:
        return json.loads(raw)
    except ValueError as exc:
        log.debug("page state is not JSON: %s", exc)
        return None


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _objects(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)


def state_date(states: list[Any], title: str | None, keys: tuple[str, ...]) -> str | None:
    """The first of `keys` on the state object whose title is the article's headline (a list of
    other posts in the same state has other titles)."""
    if not title:
        return None
    wanted = fold(title)
    for state in states:
        for node in _objects(state):
            named = (node.get(k) for k in _TITLE_KEYS)
            if not any(isinstance(v, str) and fold(v) == wanted for v in named):
                continue
            for key in keys:
                value = node.get(key)
                if isinstance(value, str) and value[:4].isdigit():
                    return value
    return None
