"""The text printed around the headline (kicker, byline, date line), read sibling by sibling outward."""

from __future__ import annotations

from collections.abc import Callable

from bs4 import NavigableString, Tag
from bs4.element import Comment

from scraper.extract.blocks import BLOCK_TAGS, HEADINGS, SKIP_TAGS, glued_item, is_boilerplate
from scraper.extract.config import ExtractConfig
from scraper.text import fold, normalize_lines

#: Elements the walk never climbs past: beyond them lies the whole page.
_TOP = frozenset(("body", "html", "[document]"))
#: A figure's and a caption's lines are its picture's ("Die Brücke am 12.02.2024. Foto: dpa"): the day a photo
#: was taken is no date line of the article's.
_CAPTIONS = frozenset(("figure", "figcaption"))
#: Elements whose text is no line by the headline: scripts and the like, a box set beside the
#: text, a picture's caption (one set test per element of the walk).
_UNREAD = SKIP_TAGS | _CAPTIONS | {"aside"}
#: Elements that start a line of their own: a line break, a block.
_BREAKS = BLOCK_TAGS | {"br"}


def visible_lines(
    node: object, config: ExtractConfig, avoid: frozenset[int] = frozenset(), budget: int = 10_000
) -> list[str]:
    """The lines a reader sees in `node` (no screen-reader text, scripts or page furniture, no
    `<aside>` nor picture caption: `_UNREAD`), the items of a row glued in the source each on a
    line of its own (`blocks.glued_item`), up to about `budget` characters: the walk stops there
    (the sibling after a headline is often the whole article)."""
    return _visible_lines(node, config, avoid, budget)[0]


def _visible_lines(
    node: object,
    config: ExtractConfig,
    avoid: frozenset[int] = frozenset(),
    budget: int = 10_000,
    *,
    to_end: bool = False,
) -> tuple[list[str], bool]:
    """`visible_lines`, and whether the walk met a heading that ends the article's text
    ("Commentaires", "Share this"; vocabulary `end_headings`). `to_end`: stop there."""
    if isinstance(node, NavigableString) and budget > 0:
        # a text node alone (most siblings of a headline are the whitespace between elements):
        # the walk below would read it whole, and blank text makes no line
        if isinstance(node, Comment) or not node.strip():
            return [], False
        return normalize_lines(str(node)), False
    if isinstance(node, Tag) and budget > 0 and not (to_end and node.name in HEADINGS):
        contents = node.contents
        if len(contents) == 1 and type(contents[0]) is NavigableString:
            # an element holding one plain text (a byline's `<span>`, a date's `<p>`): its lines
            # are that text's, as the walk below reads them (a line break before it makes no
            # line), unless the element is not read at all
            if (
                node.name in _UNREAD
                or (node.attrs and is_boilerplate(node, config))
                or (avoid and id(node) in avoid)
            ):
                return [], False
            return normalize_lines(contents[0]), False
    pieces: list[str] = []
    stack: list[object] = [node]
    used = 0
    while stack and used < budget:
        current = stack.pop()
        if type(current) is NavigableString:  # a plain text (most nodes): no class walk
            pieces.append(current)
            used += len(current.strip())
            continue
        if not isinstance(current, Tag):  # (one type test for an element, the next most)
            if isinstance(current, NavigableString) and not isinstance(current, Comment):
                pieces.append(current)  # a `str`: joined as it is, no copy
                used += len(current.strip())
            continue
        name = current.name
        if to_end and name in HEADINGS and _ends_text(current, config):
            return normalize_lines("".join(pieces)), True
        if name in _BREAKS:
            pieces.append("\n")
        if (
            name in _UNREAD
            or (current.attrs and is_boilerplate(current, config))  # no attributes, no furniture
            or (avoid and id(current) in avoid)
        ):
            continue
        if pieces and glued_item(current, pieces[-1]):
            pieces.append("\n")  # an item of a row glued in the source: a line of its own
        stack.extend(reversed(current.contents))
    return normalize_lines("".join(pieces)), False


def _ends_text(heading: Tag, config: ExtractConfig) -> bool:
    """A heading naming the page's interaction furniture ("Commentaires", "Reacties", "Share
    this") ends the article: the dated lines under it (comments) are no longer its date lines."""
    folded = fold(heading.get_text(" "))
    return folded.startswith(config.end_headings)  # (a tuple: any of them)


def lines_around(
    anchor: Tag,
    config: ExtractConfig,
    avoid: frozenset[int],
    *,
    before: tuple[int, int] = (2, 300),
    after: tuple[int, int] = (4, 600),
    frame: Callable[[Tag], bool] | None = None,
) -> tuple[list[str], list[str]]:
    """Lines before and after `anchor` in reading order, nearest first in each direction: the
    siblings of the anchor, then of its parent, and so on, for (levels, characters) each way.

    `avoid` holds the `id()` of elements to leave out (lists of other articles). `frame` says
    whether an element behind the anchor is the site's menu: the walk behind stops there, what
    lies further out being the site's frame (a masthead printing today's date).
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
                if type(sibling) is NavigableString and not sibling.strip():
                    continue  # the whitespace between elements (most siblings): no line
                lines, ended = _visible_lines(sibling, config, avoid, budget_ahead, to_end=True)
                ahead.extend(lines)
                budget_ahead -= sum(map(len, lines))
                if ended:
                    budget_ahead = 0  # the article's text ends here, on every level
        if level < before[0]:
            for sibling in node.previous_siblings:
                if budget_behind <= 0:
                    break
                if type(sibling) is NavigableString and not sibling.strip():
                    continue  # the whitespace between elements: no line, no frame
                if frame is not None and isinstance(sibling, Tag) and frame(sibling):
                    budget_behind = 0  # the site's menu: beyond it lies the frame, on every level
                    break
                lines = visible_lines(sibling, config, avoid, budget_behind)
                behind[:0] = lines
                budget_behind -= sum(map(len, lines))
        node = node.parent if isinstance(node.parent, Tag) else None
    return behind, ahead
