"""A small CSS subset matched in one pass over the tree: soupsieve costs a full pass per selector.

Supported: `tag`, `#id`, `.class`, `[attr]`, `[attr=v]`, `[attr~=v]`, `[attr*=v]`, `[attr^=v]`,
compounds of those, and the descendant combinator (`article .content`). A profile selector outside
this subset is reported by `compile_selector` as None and matched with soupsieve instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

from scraper.extract.treewalk import tags_below

_COMPOUND = re.compile(
    r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:#[\w-]+|\.[\w-]+|\[[\w:-]+(?:[~*^]?=[\"']?[^\]\"']*[\"']?)?\])*)$"
)
_PART = re.compile(
    r"#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w:-]+)(?:(?P<op>[~*^]?=)[\"']?(?P<val>[^\]\"']*)[\"']?)?\]"
)


@dataclass(frozen=True)
class Compound:
    """One compound selector: tag name, id, classes and attribute tests."""

    tag: str | None
    ident: str | None
    classes: frozenset[str]
    attrs: tuple[tuple[str, str | None, str], ...]

    def matches(self, tag: Tag) -> bool:
        if self.tag and tag.name != self.tag:
            return False
        attrs = tag.attrs
        if self.ident and attrs.get("id") != self.ident:
            return False
        if self.classes:
            have = attrs.get("class")
            if not have or not self.classes.issubset(
                have if isinstance(have, list) else str(have).split()
            ):
                return False
        for name, op, value in self.attrs:
            raw = attrs.get(name)
            if raw is None:
                return False
            text = " ".join(raw) if isinstance(raw, list) else str(raw)
            if (
                (op == "=" and text != value)
                or (op == "~=" and value not in text.split())
                or (op == "*=" and value not in text)
                or (op == "^=" and not text.startswith(value))
            ):
                return False
        return True

    @property
    def key(self) -> str:
        """The cheapest index key: a class, the id, the tag name, an attribute name, else "*"."""
        if self.classes:
            return "." + min(self.classes)
        if self.ident:
            return "#" + self.ident
        if self.tag:
            return self.tag
        if self.attrs:
            return "@" + self.attrs[0][0]
        return "*"


@dataclass(frozen=True)
class Selector:
    """A chain of compounds joined by the descendant combinator."""

    text: str
    chain: tuple[Compound, ...]

    def matches(self, tag: Tag) -> bool:
        if not self.chain[-1].matches(tag):
            return False
        wanted = len(self.chain) - 2
        for parent in tag.parents:
            if wanted < 0:
                break
            if isinstance(parent, Tag) and self.chain[wanted].matches(parent):
                wanted -= 1
        return wanted < 0


def class_string(tag: Tag) -> str:
    """The class attribute as one string, whether the parser split it into a list or not."""
    value = tag.attrs.get("class")
    if not value:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _class_part(compound: Compound) -> str | None:
    """x for a bare `[class*=x]` compound (indexed apart), else None."""
    if compound.tag or compound.ident or compound.classes or len(compound.attrs) != 1:
        return None
    name, op, value = compound.attrs[0]
    return value if name == "class" and op == "*=" and value else None


@lru_cache(maxsize=1024)
def compile_selector(text: str) -> Selector | None:
    """The selector, or None when it uses CSS beyond the supported subset."""
    chain = []
    for token in text.split():
        match = _COMPOUND.match(token)
        if not match or not token or token in (">", "+", "~"):
            return None
        parts = list(_PART.finditer(match.group("rest") or ""))
        tag = match.group("tag")
        chain.append(
            Compound(
                tag=tag.lower() if tag and tag != "*" else None,
                ident=next((p.group("id") for p in parts if p.group("id")), None),
                classes=frozenset(p.group("cls") for p in parts if p.group("cls")),
                attrs=tuple(
                    (p.group("attr"), p.group("op"), p.group("val") or "")
                    for p in parts
                    if p.group("attr")
                ),
            )
        )
    return Selector(text, tuple(chain)) if chain else None


#: How many (name, class, id) marks a `SelectorIndex` remembers before it starts over.
MARKS_REMEMBERED = 16_384


@dataclass
class SelectorIndex:
    """Selectors of several roles, indexed by class or tag name for a single pass over the tree."""

    by_key: dict[str, list[tuple[str, int, Selector]]] = field(default_factory=dict)
    fallback: list[tuple[str, int, str]] = field(default_factory=list)
    #: `[class*=x]` selectors, tried only when one regex finds some x in the class attribute
    class_parts: list[tuple[str, str, int, Selector]] = field(default_factory=list)
    class_regex: re.Pattern[str] | None = None
    #: attribute names some indexed selector tests (`[itemprop=…]`)
    attr_names: frozenset[str] = frozenset()
    #: the ids some selector is keyed by (`#main`): another id changes no element's candidates
    idents: frozenset[str] = frozenset()
    #: `by_key[name] + by_key["*"]` per tag name met so far (see `_for_name`)
    _by_name: dict[str, list[tuple[str, int, Selector]]] = field(default_factory=dict, repr=False)
    #: `candidates` per (name, class, id) of elements with no indexed attribute, met so far
    _by_marks: dict[tuple[str, str | None, str | None], list[tuple[str, int, Selector]]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def build(cls, roles: Mapping[str, Iterable[str]]) -> SelectorIndex:
        index = cls()
        for role, selectors in roles.items():
            for order, text in enumerate(selectors):
                selector = compile_selector(text)
                if selector is None:
                    index.fallback.append((role, order, text))
                    continue
                head = selector.chain[0] if len(selector.chain) > 1 else selector.chain[-1]
                entry = (role, order, selector)
                if (part := _class_part(head)) is not None:
                    index.class_parts.append((part, *entry))
                else:
                    index.by_key.setdefault(head.key, []).append(entry)
        index.attr_names = frozenset(key[1:] for key in index.by_key if key.startswith("@"))
        index.idents = frozenset(key[1:] for key in index.by_key if key.startswith("#"))
        if index.class_parts:
            index.class_regex = re.compile("|".join(re.escape(p[0]) for p in index.class_parts))
        return index

    def _for_name(self, name: str) -> list[tuple[str, int, Selector]]:
        """The selectors keyed by tag name `name` and by `*`, in that order (remembered per name:
        a page holds a few dozen distinct names among thousands of elements)."""
        found = self._by_name.get(name)
        if found is None:
            found = self._by_name[name] = [*self.by_key.get(name, ()), *self.by_key.get("*", ())]
        return found

    def candidates(self, tag: Tag) -> list[tuple[str, int, Selector]]:
        """The selectors `tag` might match: those keyed by its name, `*`, an attribute it
        carries, one of its classes or its id, in that order. The list may be shared: do not
        change it."""
        # called for every element of every page: the answer is remembered per name, class and
        # id (a page repeats a few hundred such marks over thousands of elements); an id no
        # selector is keyed by is remembered as none, or each element with an id, most of them
        # unique, would be looked up anew
        attrs = tag.attrs
        if not attrs:
            return self._for_name(tag.name)
        value, ident = attrs.get("class"), attrs.get("id")
        if (
            self.attr_names.isdisjoint(attrs)
            and (value is None or isinstance(value, str))
            and (ident is None or isinstance(ident, str))
        ):
            marks = (tag.name, value, ident if ident in self.idents else None)
            found = self._by_marks.get(marks)
            if found is None:
                if len(self._by_marks) >= MARKS_REMEMBERED:
                    self._by_marks.clear()
                found = self._by_marks[marks] = self._looked_up(tag)
            return found
        return self._looked_up(tag)

    def _looked_up(self, tag: Tag) -> list[tuple[str, int, Selector]]:
        # look up only what the index can hold
        found = self._for_name(tag.name)
        attrs = tag.attrs
        if not attrs:
            return found
        by_key = self.by_key
        extra: list[tuple[str, int, Selector]] = []
        if not self.attr_names.isdisjoint(attrs):
            for attr in self.attr_names.intersection(attrs):
                extra += by_key["@" + attr]
        value = attrs.get("class")
        if value:
            names = value if isinstance(value, list) else str(value).split()
            for name in names:
                entries = by_key.get("." + name)
                if entries:
                    extra += entries
            if self.class_regex is not None:
                joined = " ".join(names)
                if self.class_regex.search(joined):
                    extra += [(r, o, s) for part, r, o, s in self.class_parts if part in joined]
        ident = attrs.get("id")
        if ident:
            entries = by_key.get(f"#{ident}")
            if entries:
                extra += entries
        return found + extra if extra else found

    def match_all(self, tags: Iterable[Tag], matches: Matches) -> None:
        """`match` for each of `tags`, in their order, in one loop: an element without attributes
        (a third of a page's) is looked up by its name alone, without a call."""
        by_name = self._by_name
        for tag in tags:
            if tag.attrs:
                found = self.candidates(tag)
            else:
                known = by_name.get(tag.name)  # `_for_name`'s remembered answer
                found = self._for_name(tag.name) if known is None else known
            if found:  # most elements are no selector's candidate
                self.match_among(tag, found, matches)

    def match(self, tag: Tag, matches: Matches) -> None:
        """Record `tag` under every role whose selector it matches; for a descendant selector
        ("a b"), remember `tag` when it matches the first compound and look below it later."""
        self.match_among(tag, self.candidates(tag), matches)

    def match_among(
        self, tag: Tag, candidates: list[tuple[str, int, Selector]], matches: Matches
    ) -> None:
        """`match` with the selectors `candidates(tag)` gave (a caller that skips elements
        without candidates, most of them, asks once)."""
        for role, order, selector in candidates:
            chain = selector.chain
            if len(chain) > 1:
                if chain[0].matches(tag):
                    matches.pending.append((role, order, selector, tag))
            elif chain[0].matches(tag):  # `selector.matches` of a chain of one compound
                matches.add(role, order, tag)


def select_in(root: Tag, index: SelectorIndex) -> list[Tag]:
    """Elements under `root` matching the selectors of an index built with one role "" (small
    subtrees), by selector priority."""
    matches = Matches()
    index.match_all(tags_below(root), matches)
    matches.resolve()
    if index.fallback:
        match_fallbacks(root, index, matches)
    return matches.in_selector_order("")


@dataclass
class Matches:
    """Elements matched per role, each with the position of the selector that matched it."""

    found: dict[str, list[tuple[int, Tag]]] = field(default_factory=dict)
    #: (role, order, selector, ancestor) of descendant selectors still to resolve
    pending: list[tuple[str, int, Selector, Tag]] = field(default_factory=list)
    #: `in_selector_order`'s answers, per role, until a match is added (the fields ask for the
    #: same roles several times a page); never changed by their readers
    _ordered: dict[str, list[Tag]] = field(default_factory=dict, init=False, repr=False)

    def resolve(self) -> None:
        """Match descendant selectors below the ancestors the pass found (few, small subtrees)."""
        for role, order, selector, ancestor in self.pending:
            chain = selector.chain
            # the ancestor matched the chain's first compound: for a chain of two ("a b"), any
            # element below it matching the last one matches the selector, and climbing its
            # parents again to find that ancestor (`Selector.matches`) would only say so
            test = chain[-1].matches if len(chain) == 2 else selector.matches
            for tag in tags_below(ancestor):
                if test(tag):
                    self.add(role, order, tag)
        self.pending = []

    def add(self, role: str, order: int, tag: Tag) -> None:
        self.found.setdefault(role, []).append((order, tag))
        self._ordered.pop(role, None)

    def in_selector_order(self, role: str) -> list[Tag]:
        """Matches of `role`, by selector priority, then document order; each element once.
        The list is kept for the next call: its callers never change it."""
        result = self._ordered.get(role)
        if result is not None:
            return result
        seen: set[int] = set()
        result = []
        for _, tag in sorted(self.found.get(role, ()), key=lambda item: item[0]):
            if id(tag) not in seen:
                seen.add(id(tag))
                result.append(tag)
        self._ordered[role] = result
        return result

    def grouped(self, role: str) -> list[list[Tag]]:
        """Matches of `role` grouped per selector, in selector priority order."""
        groups: dict[int, list[Tag]] = {}
        for order, tag in self.found.get(role, ()):
            groups.setdefault(order, []).append(tag)
        return [groups[k] for k in sorted(groups)]


def match_fallbacks(soup: BeautifulSoup | Tag, index: SelectorIndex, matches: Matches) -> None:
    """Selectors beyond the subset, matched by soupsieve (one pass each; profiles rarely need it)."""
    from soupsieve import SelectorSyntaxError

    for role, order, text in index.fallback:
        try:
            for tag in soup.select(text):
                matches.add(role, order, tag)
        except (SelectorSyntaxError, ValueError, NotImplementedError):
            continue
