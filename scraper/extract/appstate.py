"""Dates of the article in script data: a framework's page state (Next.js `__NEXT_DATA__`) and inline
scripts, only under keys that name creation, publication or modification (vocabulary data)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from scraper.text import fold

log = logging.getLogger(__name__)

#: `<script id=…>` elements holding a framework's server-side state as JSON.
STATE_SCRIPT_IDS = frozenset(("__NEXT_DATA__", "__NUXT_DATA__"))
_TITLE_KEYS = ("title", "headline", "name")
_MAX_DEPTH = 12
#: Inline scripts name at most this many distinct publication days when they date the page
#: (created and published may differ); more is a list of other articles.
_MAX_SCRIPT_DAYS = 2


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


def script_date(scripts: list[str], keys: tuple[str, ...]) -> str | None:
    """The first date under one of `keys` in inline script text (`"createdAt": "2024-02-09T…"`),
    when the scripts name one or two days under those keys (more: a list of other articles)."""
    if not scripts:
        return None
    pattern = _key_pattern(keys)
    found = [m.group(1) for text in scripts for m in pattern.finditer(text)]
    if not found or len({value[:10] for value in found}) > _MAX_SCRIPT_DAYS:
        return None
    return found[0]


@lru_cache(maxsize=4)
def _key_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(k) for k in keys)
    return re.compile(rf'"(?i:{names})"\s*:\s*"((?:19|20)\d\d-\d\d-\d\d[^"]{{0,40}})"')


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
