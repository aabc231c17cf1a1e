"""Plain walks over a parsed tree: what `Tag.find`/`find_all` answer for a tag name, several times
faster (BeautifulSoup matches every element through its strainer machinery, even for `limit=1`)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from bs4 import Tag


def tags_named(root: Tag, names: Collection[str]) -> Iterator[Tag]:
    """The elements below `root` whose name is one of `names`, in document order (as
    `root.find_all(list(names))`, lazily)."""
    for node in root.descendants:
        if isinstance(node, Tag) and node.name in names:
            yield node


def first_named(root: Tag, name: str) -> Tag | None:
    """The first element named `name` below `root` (as `root.find(name)`), or None."""
    return next(tags_named(root, (name,)), None)
