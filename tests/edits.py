"""Edits of fixture content that fail loudly when their anchor is gone.

A test that builds its input with `page.replace(anchor, …)` silently tests the unedited page
once the fixture changes and the anchor no longer occurs. Every edit of fixture content goes
through these helpers instead: a missing anchor raises, naming it.
"""

from __future__ import annotations

import re
from typing import AnyStr


class AnchorMissing(AssertionError):
    """Raised by `replace`/`sub` when the text to edit does not hold the anchor."""


def replace(text: AnyStr, anchor: AnyStr, new: AnyStr, count: int = -1) -> AnyStr:
    """`text.replace(anchor, new, count)`, raising `AnchorMissing` when `anchor` is absent."""
    if anchor not in text:
        raise AnchorMissing(f"fixture edit: anchor {anchor!r} not found")
    return text.replace(anchor, new, count)


def sub(pattern: AnyStr, repl: AnyStr, text: AnyStr, count: int = 0) -> AnyStr:
    """`re.sub(pattern, repl, text)`, raising `AnchorMissing` when `pattern` matches nothing."""
    result, done = re.subn(pattern, repl, text, count=count)
    if not done:
        raise AnchorMissing(f"fixture edit: pattern {pattern!r} matched nothing")
    return result
