"""Facts about every element of a listing page, computed in one or two passes over the tree.

The listing rules ask, for each link or card, questions about its ancestors ("inside navigation
or a page header?") or its subtree ("which links does it hold?", "how big is it?"). Asked per
element by walking the tree, they cost the page's size times its depth: 20,000 nested links on
one page took minutes. `PageIndex` answers them from tables built top-down (ancestors) and
bottom-up (subtrees) once, so a listing costs time linear in its size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bs4 import BeautifulSoup, Tag

from scraper.linkrules import is_furniture_node

#: A card is a small thing: an element with more descendants than this is no card, and its
#: title, date and links are not looked for inside it (bounds the work per card).
MAX_CARD_NODES = 400
#: The subtree of an element holds links to several targets (see `PageIndex.single_target`).
MANY = "\x00many"


def tags_under(node: Tag) -> Iterator[Tag]:
    """The elements below `node` in document order: `node.find_all(True)` without bs4's filter
    machinery, which costs several times the walk itself."""
    return (d for d in node.descendants if isinstance(d, Tag))


def anchors_under(node: Tag) -> list[Tag]:
    """The `<a href>` elements below `node` in document order: `node.find_all("a", href=True)`."""
    return [
        d
        for d in node.descendants
        if isinstance(d, Tag) and d.name == "a" and d.get("href") is not None
    ]


def first_under(node: Tag, names: tuple[str, ...]) -> Tag | None:
    """The first element below `node` named one of `names`: `node.find(names)`."""
    return next((d for d in tags_under(node) if d.name in names), None)


class PageIndex:
    """Per-element tables of one parsed page; elements are keyed by identity."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.elements: list[Tag] = list(tags_under(soup))
        self._furniture: dict[int, bool] = {}
        self._in_article: dict[int, bool] = {}
        self._size: dict[int, int] = {}
        self._holds_link: set[int] = set()
        self._single: dict[int, str | None] = {}
        self._first: dict[int, str] = {}
        self._build_ancestor_tables()
        self._build_subtree_tables()

    # -- ancestors (top-down: a parent comes before its children in document order)

    def _build_ancestor_tables(self) -> None:
        for node in self.elements:
            parent = node.parent
            key = id(parent) if parent is not None else 0
            inside_article = self._in_article.get(key, False) or (
                parent is not None and parent.name == "article"
            )
            self._in_article[id(node)] = inside_article
            self._furniture[id(node)] = self._furniture.get(key, False) or _is_furniture(
                node, inside_article
            )

    def in_furniture(self, node: Tag) -> bool:
        """True when an ancestor of `node` is navigation, a menu, breadcrumbs, pagination, a
        sidebar, or the page's own header or footer (one inside an `<article>` is the card's)."""
        parent = node.parent
        return parent is not None and self._furniture.get(id(parent), False)

    # -- subtrees (bottom-up: reversed document order sees descendants before their element)

    def _build_subtree_tables(self) -> None:
        for node in reversed(self.elements):
            size = self._size.get(id(node), 0) + 1
            self._size[id(node)] = size
            parent = node.parent
            if parent is None:
                continue
            self._size[id(parent)] = self._size.get(id(parent), 0) + size
            if id(node) in self._holds_link or (node.name == "a" and node.get("href")):
                self._holds_link.add(id(node))
                self._holds_link.add(id(parent))

    def size(self, node: Tag) -> int:
        """How many elements `node`'s subtree holds, itself included."""
        return self._size.get(id(node), 1)

    def holds_link(self, node: Tag) -> bool:
        """True when `node` is or holds an `<a href>`."""
        return id(node) in self._holds_link

    def is_small(self, node: Tag) -> bool:
        """True when `node` is small enough to be a card (`MAX_CARD_NODES`)."""
        return self.size(node) <= MAX_CARD_NODES

    def index_targets(self, target: Callable[[Tag], str | None]) -> None:
        """Record, for every element, the one link target its subtree holds (`target(anchor)`,
        None for links that do not count), or `MANY`; see `single_target`."""
        pending: dict[int, str | None] = {}
        for node in reversed(self.elements):
            own = target(node) if node.name == "a" and node.get("href") else None
            single = _combine(own, pending.get(id(node)))
            self._single[id(node)] = single
            parent = node.parent
            if parent is not None:
                pending[id(parent)] = _combine(pending.get(id(parent)), single)

    def single_target(self, node: Tag) -> str | None:
        """The only counted link target in `node`'s subtree, None for none, `MANY` for more."""
        return self._single.get(id(node))

    def index_first_links(self, anchors: list[tuple[Tag, str]]) -> None:
        """Record, for every element, the first of `anchors` (in document order, with its URL)
        inside it; see `first_link`."""
        for anchor, url in anchors:
            node: Tag | None = anchor
            while node is not None and id(node) not in self._first:
                self._first[id(node)] = url
                node = node.parent

    def first_link(self, node: Tag) -> str | None:
        """The URL of the first indexed anchor inside `node` (itself included), or None."""
        return self._first.get(id(node))


def _combine(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None or a == b:
        return a
    return MANY


def _is_furniture(node: Tag, inside_article: bool) -> bool:
    return is_furniture_node(node, inside_article=inside_article, listing=True)
