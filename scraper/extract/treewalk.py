"""Plain walks over a parsed tree: what `Tag.find`/`find_all` answer for a tag name, several times
faster (BeautifulSoup matches every element through its strainer machinery, even for `limit=1`)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from bs4 import NavigableString, PageElement, Tag


def tags_named(root: Tag, names: Collection[str]) -> Iterator[Tag]:
    """The elements below `root` whose name is one of `names`, in document order (as
    `root.find_all(list(names))`, lazily)."""
    for node in root.descendants:
        if isinstance(node, Tag) and node.name in names:
            yield node


def tags_below(root: Tag) -> Iterator[Tag]:
    """Every element below `root`, in document order (as `root.find_all(True)`, lazily)."""
    for node in root.descendants:
        if isinstance(node, Tag):
            yield node


def first_named(root: Tag, name: str) -> Tag | None:
    """The first element named `name` below `root` (as `root.find(name)`), or None."""
    return next(tags_named(root, (name,)), None)


def links_in(root: Tag, limit: int) -> list[Tag]:
    """The first `limit` `<a href>` below `root` (as `root.find_all("a", href=True, limit=limit)`)."""
    found: list[Tag] = []
    for node in tags_named(root, ("a",)):
        if node.get("href") is not None:
            found.append(node)
            if len(found) >= limit:
                break
    return found


def all_links_in(root: Tag) -> Iterator[Tag]:
    """Every `<a href>` below `root`, in document order (as `root.find_all("a", href=True)`,
    lazily)."""
    for node in tags_named(root, ("a",)):
        if node.get("href") is not None:
            yield node


def holds_one_text(tag: Tag) -> bool:
    """True when `tag` holds one plain text and nothing else (most links and headings): no
    element in it, and its text is that string's."""
    contents = tag.contents
    return len(contents) == 1 and type(contents[0]) is NavigableString


def spaced_text(tag: Tag) -> str:
    """`tag.get_text(" ")`, read straight from an element holding one plain text (most links
    and headings do) without bs4's walk over its strings."""
    return str(tag.contents[0]) if holds_one_text(tag) else tag.get_text(" ")


def all_strings_in(root: Tag) -> Iterator[NavigableString]:
    """Every string below `root` of any kind (comments too), in document order (as
    `root.find_all(string=True)`, lazily)."""
    for node in root.descendants:
        if isinstance(node, NavigableString):
            yield node


def text_length(root: Tag) -> int:
    """`len(root.get_text())`, without building the text."""
    return sum(map(len, root.strings))


def text_longer_than(root: Tag, limit: int, separator: str = "") -> bool:
    """`len(root.get_text(separator)) > limit`, without building a large element's whole text:
    the count stops once past `limit`."""
    total = -len(separator)
    for string in root.strings:
        total += len(string) + len(separator)
        if total > limit:
            return True
    return False


def text_length_upto(root: Tag, limit: int) -> int:
    """`len(root.get_text())` when it is at most `limit`, else a number above `limit` (the count
    stops there: a large element's text is not read to its end)."""
    total = 0
    for string in root.strings:
        total += len(string)
        if total > limit:
            break
    return total


def previous_tag(node: PageElement) -> Tag | None:
    """The nearest element before `node` among its siblings (as `node.find_previous_sibling()`,
    without the matcher bs4 builds for each call)."""
    sibling = node.previous_sibling
    while sibling is not None and not isinstance(sibling, Tag):
        sibling = sibling.previous_sibling
    return sibling


def previous_tags(node: PageElement, limit: int) -> Iterator[Tag]:
    """The `limit` nearest elements before `node` among its siblings, nearest first (as
    `node.find_previous_siblings(limit=limit)`, lazily and without bs4's matcher): for
    `<p/><h1/>text<div/>[node]`, `limit=2` gives the `<div>`, then the `<h1>`."""
    sibling = previous_tag(node)
    for _ in range(limit):
        if sibling is None:
            return
        yield sibling
        sibling = previous_tag(sibling)


def first_child_tag(parent: Tag) -> Tag | None:
    """The first element among `parent`'s children (as `parent.find(True, recursive=False)`,
    without bs4's matcher): for `<div>text<span/><p/></div>`, the `<span>`; None for
    `<div>text</div>`."""
    return next((c for c in parent.contents if isinstance(c, Tag)), None)


def previous_named(node: PageElement, name: str) -> Tag | None:
    """The nearest element named `name` before `node` among its siblings (as
    `node.find_previous_sibling(name)`)."""
    sibling = node.previous_sibling
    while sibling is not None:
        if isinstance(sibling, Tag) and sibling.name == name:
            return sibling
        sibling = sibling.previous_sibling
    return None


def next_tags(node: PageElement) -> Iterator[Tag]:
    """The elements after `node` among its siblings, in order (as `node.find_next_siblings()`,
    lazily)."""
    sibling = node.next_sibling
    while sibling is not None:
        if isinstance(sibling, Tag):
            yield sibling
        sibling = sibling.next_sibling


def inside_any(tag: Tag, containers: list[Tag]) -> bool:
    """True when `tag` sits inside one of `containers` (by identity: bs4 compares tags by their
    markup); a contact card's role line matching a lead selector ("contact-intro") is the
    person's, never the article's standfirst."""
    if not containers:
        return False
    parents = {id(p) for p in tag.parents}
    return any(id(c) in parents for c in containers)


def is_inside(tag: PageElement, ancestor: Tag) -> bool:
    """True when `ancestor` is one of `tag`'s ancestors, by identity (`ancestor in tag.parents`
    compares markup: a full subtree comparison for each ancestor of the same name and
    attributes, and a wrong yes for an identical twin elsewhere on the page)."""
    return any(p is ancestor for p in tag.parents)


def is_at_or_inside(tag: PageElement, ancestor: Tag) -> bool:
    """True when `tag` is `ancestor` or sits inside it, by identity (see `is_inside`)."""
    return tag is ancestor or is_inside(tag, ancestor)


#: The string classes `Tag.stripped_strings` reads in an element that names none of its own
#: (bs4's `Tag.MAIN_CONTENT_STRING_TYPES`): its text and CDATA, no comment nor script.
_MAIN_STRING_TYPES = Tag.MAIN_CONTENT_STRING_TYPES


def first_stripped_string(root: Tag) -> str | None:
    """`next(root.stripped_strings, None)`: the first string below `root` that is not white
    space alone, stripped, of a class `root` reads as its text (`interesting_string_types`: a
    `<div>` its text and CDATA, a `<script>` its script). A depth-first walk of the children
    (a stack of them: no recursion limit on a deep page) that stops there: the same strings in
    the same (document) order as bs4's `descendants`, without its two generators to set up at
    each call (most elements open with their text, found at the first child)."""
    types = root.interesting_string_types
    if types is None:
        types = _MAIN_STRING_TYPES
    pending = [iter(root.contents)]  # the children still to read, of each open element
    while pending:
        for child in pending[-1]:
            if isinstance(child, NavigableString):
                if type(child) in types and (text := child.strip()):
                    return text
            elif isinstance(child, Tag) and child.contents:  # (the other kind of node)
                pending.append(iter(child.contents))
                break  # its children first; the siblings after it wait in their iterator
        else:
            pending.pop()
    return None
