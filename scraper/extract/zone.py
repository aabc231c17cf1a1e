"""The text printed around the headline (kicker, byline, date line), read sibling by sibling outward."""

from __future__ import annotations

from collections.abc import Callable

from bs4 import NavigableString, Tag
from bs4.element import Comment

from scraper.extract.blocks import SKIP_TAGS, content_blocks, is_boilerplate
from scraper.extract.config import ExtractConfig
from scraper.text import normalize_lines

#: Elements the walk never climbs past: beyond them lies the whole page.
_TOP = frozenset(("body", "html", "[document]"))


def _lines_of(node: object, config: ExtractConfig, skip: Callable[[Tag], bool]) -> list[str]:
    if isinstance(node, NavigableString):
        return [] if isinstance(node, Comment) else normalize_lines(str(node))
    if not isinstance(node, Tag) or node.name in SKIP_TAGS or node.name == "aside" \
            or is_boilerplate(node, config) or skip(node):
        return []
    return [line for block in content_blocks(node, config, {}) for line in block.lines]


def lines_around(anchor: Tag, config: ExtractConfig, skip: Callable[[Tag], bool], *,
                 before: tuple[int, int] = (2, 300), after: tuple[int, int] = (4, 600)
                 ) -> tuple[list[str], list[str]]:
    """Lines before and after `anchor` in reading order, nearest first in each direction: the
    siblings of the anchor, then of its parent, and so on, for (levels, characters) each way.

    Nesting differs from one template to the next (the byline a sibling of the `<h1>`, or of its
    wrapper); distance in the text does not.
    """
    ahead: list[str] = []
    behind: list[str] = []
    budget_ahead, budget_behind = after[1], before[1]
    node: Tag | None = anchor
    for level in range(max(before[0], after[0])):
        if node is None or node.name in _TOP:
            break
        if level < after[0]:
            for sibling in node.next_siblings:
                if budget_ahead <= 0:
                    break
                for line in _lines_of(sibling, config, skip):
                    ahead.append(line)
                    budget_ahead -= len(line)
        if level < before[0]:
            for sibling in node.previous_siblings:
                if budget_behind <= 0:
                    break
                lines = _lines_of(sibling, config, skip)
                behind[:0] = lines
                budget_behind -= sum(len(line) for line in lines)
        node = node.parent if isinstance(node.parent, Tag) else None
    return behind, ahead
