"""The page tree: BeautifulSoup with lxml's HTML parser, built with less of bs4's per-node
bookkeeping than a stock `BeautifulSoup(html, "lxml")` call does, into the same tree less its
comments.

The tree is compared with stock bs4's, node by node (parents, siblings, document order, string
classes), in tests/extract/test_parse.py: a bs4 release that changes what these classes lean on
fails there, not in the records.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from typing import NamedTuple

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import AttributeDict, PageElement
from bs4.exceptions import ParserRejectedMarkup
from lxml import etree

log = logging.getLogger(__name__)

#: What HTML counts as white space between elements (bs4's `BeautifulSoup.ASCII_SPACES`).
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
#: A text node this long at most is a line that may write a phone number alone ("Phone: +32 2
#: 422 00 11"): `contact_blocks` reads such lines as channels (its `MAX_PHONE_LINE_CHARS`).
SHORT_LINE_CHARS = 80
_DIGIT = re.compile(r"\d")
#: What a new element is made with (`Tag.__new__`), and the strings it holds when it is no
#: string container (`Tag.MAIN_CONTENT_STRING_TYPES`): read once, not per element (a class
#: attribute is read the slow way)
_new_tag = Tag.__new__
_MAIN_CONTENT_STRING_TYPES = Tag.MAIN_CONTENT_STRING_TYPES


class PageSoup(BeautifulSoup):
    """A `BeautifulSoup` whose elements and text nodes are added the short way while a page is
    parsed.

    For every element bs4 copies the attribute dict once more, and sets each link twice (once in
    `Tag.__init__`, once as the tree grows). An ordinary element (no `<meta>` declaring a
    charset, which bs4 rewrites; no `parse_only`, no custom element classes) is made here with
    the same attributes and links, in one step: `HtmlBuilder.start` opens it, and
    `HtmlBuilder.end` closes it, without a call to the soup's `handle_starttag` or
    `handle_endtag`.

    For every run of text bs4 looks up the string class through two tables, tests each character
    for white space in a Python loop, and, once a tag holds anything, walks from the new string
    up to the root looking for a following sibling to link it to (while parsing, every open
    element is the last child of its parent: there is none). Text in an ordinary element is
    added here with the same links and attributes, and the string class bs4 gives it (`Script`,
    `Stylesheet`, `TemplateString` inside `<script>`, `<style>`, `<template>`); doctypes and
    any other call take bs4's own path. Comments are left out (`HtmlBuilder.comment`). Every
    text node is listed as it is made (`text_nodes`). While a page is parsed, the soup's
    `current_data` is the builder's list, which lxml appends each run of text to itself
    (`HtmlBuilder.data`): `endData` empties it in place.

    The plain text nodes holding an "@" are listed as they are made (`at_strings`): where an email
    address can be, without a walk over the whole tree; so are those holding a "/"
    (`slash_strings`): where a slash date ("07/14/2023") can be; and those holding an "@" or,
    at most `SHORT_LINE_CHARS` long, a digit (`channel_strings`): where a contact channel can
    be written."""

    #: the text nodes of the tree, in document order (`ParsedTree.text_nodes`)
    text_nodes: list[NavigableString]
    #: the plain text nodes (`NavigableString` itself) holding an "@", in document order
    at_strings: list[NavigableString]
    #: the plain text nodes holding a "/", in document order
    slash_strings: list[NavigableString]
    #: the plain text nodes holding an "@" or, short, a digit, in document order
    channel_strings: list[NavigableString]

    @classmethod
    def parse(cls, text: str, builder: HtmlBuilder) -> PageSoup:
        """`PageSoup(text, builder=builder)`, set up the short way: what `BeautifulSoup.__init__`
        does for a decoded page and a builder instance, without its checks of arguments this
        call never passes and of markup that could be a file name or a URL (about a twentieth
        of the parse of a 1 KB page). The first strategy of the builder's `prepare_markup` for
        text (the text itself, a leading byte-order mark dropped) is tried here; markup lxml
        rejects takes bs4's own path, which tries the others."""
        soup = cls.__new__(cls)
        soup.element_classes = {}
        soup.builder = builder
        soup.is_xml = soup.known_xml = builder.is_xml
        soup._namespaces = {}
        soup.parse_only = None
        soup.markup = text[1:] if text[:1] == "\N{BYTE ORDER MARK}" else text
        soup.original_encoding = None
        soup.declared_html_encoding = None
        soup.contains_replacement_characters = False
        soup.reset()
        builder.initialize_soup(soup)
        try:
            soup._feed()
        except ParserRejectedMarkup:
            builder.drop_parser()  # left inside the page: bs4's other strategies get a new one
            return cls(text, builder=builder)
        soup.markup = None
        builder.soup = None
        return soup

    #: an ordinary parse, under way: no `parse_only` filter, no custom element classes, attribute
    #: values never split (`HtmlBuilder.feed` sets it for the length of its parse)
    plain = False

    def reset(self) -> None:
        super().reset()
        self.text_nodes = []
        self.at_strings = []
        self.slash_strings = []
        self.channel_strings = []

    def endData(self, containerClass: type[NavigableString] | None = None) -> None:  # noqa: N802
        current = self.current_data
        if not current:
            return
        builder = self.builder
        if containerClass is None and self.plain and isinstance(builder, HtmlBuilder):
            builder.end_text()  # which keeps the state of the parse (`HtmlBuilder.feed`)
            return
        super().endData(containerClass)  # which lists its string (`object_was_parsed`)
        # bs4 starts a new list; lxml's text goes on into the builder's (`HtmlBuilder.feed`)
        current.clear()
        self.current_data = current

    def object_was_parsed(
        self,
        o: PageElement,
        parent: Tag | None = None,
        most_recent_element: PageElement | None = None,
    ) -> None:
        if parent is not None or most_recent_element is not None or isinstance(o, Tag):
            super().object_was_parsed(o, parent, most_recent_element)
            return
        self._attach(o)
        if isinstance(o, NavigableString):
            self.text_nodes.append(o)

    def _attach(self, node: PageElement) -> None:
        """Link `node` as the element parsed last and the last child of the open element, and
        add it to that element's contents: while parsing, nothing follows it yet."""
        parent = self.currentTag
        assert parent is not None  # the document itself at least
        previous = self._most_recent_element
        node.parent = parent
        node.previous_element = previous
        if previous is not None:
            previous.next_element = node
        node.next_element = None
        node.next_sibling = None
        siblings = parent.contents
        before = siblings[-1] if siblings else None
        node.previous_sibling = before
        if before is not None:
            before.next_sibling = node
        siblings.append(node)
        self._most_recent_element = node


class HtmlBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML tree builder, with its namespace bookkeeping skipped where HTML has none,
    kept from page to page (one per thread) with its lxml parser.

    For every element, bs4's `start` copies the attributes twice to split namespaced names
    (`{uri}name`, which lxml's HTML parser never gives) and `end` looks the namespace up again.
    Here an ordinary element of a `PageSoup` is opened and closed by `start` and `end`
    themselves (lxml calls them once per element: the fewer calls under them, the shorter the
    parse), as the soup's `handle_starttag` and `handle_endtag` would, and its text is ended by
    `end_text`, as the soup's `endData` would; anything namespaced takes bs4's own path. lxml
    calls no Python code for text (`data` is a list's `append`) nor for comments (none is
    kept). bs4 makes a new lxml parser for every page, and lxml inspects the builder's methods
    each time (a fixed cost near a bare parse's on a 1 KB page); a parser is reusable once
    closed, so it is kept. The tree is the same (tests/extract/test_parse.py compares it with
    bs4's).

    While a page is parsed the builder holds the parse's state itself: the soup's stacks and
    lists (the same list objects), and the node parsed last. Python reads an attribute of a bs4
    node or soup the slow way (their classes define `__getattr__`, which keeps the interpreter
    from specialising the read: a few hundred machine instructions, a few dozen reads per
    element and text node), an attribute of the builder the fast way. The soup's `currentTag`
    (the top of its tag stack) and `_most_recent_element` are written back before bs4's own
    code runs (`_to_soup`) and at the end of the parse."""

    def __init__(self) -> None:
        # class and rel stay strings: splitting them for every tag costs a fifth of the parse;
        # attribute values are kept as lxml gives them (strings): the plain attribute dict
        # skips bs4's per-value conversion of numbers and booleans, which lxml never gives
        super().__init__(multi_valued_attributes=None, attribute_dict_class=AttributeDict)
        self._parser: etree._FeedParser[etree._Element] | None = None
        #: the elements of the page being parsed, in document order (as `soup.find_all(True)`)
        self.elements: list[Tag] = []
        #: the pending text of the page being parsed: the soup's `current_data` for the length
        #: of a parse (`feed`), which lxml appends each run of text to with no Python call
        #: between (bs4's `data` only appends it there: `handle_data`)
        self._text: list[str] = []
        self.data = self._text.append  # type: ignore[method-assign,assignment]
        # the state of an ordinary parse (`PageSoup.plain`) of a `PageSoup` (`feed`), whose
        # elements `start` and `end` open and close the short way: the soup's tag counts,
        # `<pre>` and string-container stacks, the lists of its text nodes, and its node parsed
        # last; its tag stack is written from `_outer` and `_open` (`_to_soup`). (The state stays
        # within the 30 attributes the interpreter keeps an object's values inline for, and
        # reads them the fastest way.)
        #: the open element (the soup's `currentTag`; None: no ordinary parse is under way), its
        #: name when it was opened the short way
        #: (None for the document and an element bs4 opened: `end` leaves those to bs4), its
        #: `contents` and its last child: read without a read of the element's attributes nor
        #: a negative index (which the interpreter does not specialise either)
        self._open: Tag | None = None
        self._open_name: str | None = None
        self._siblings: list[PageElement] = []
        self._last: PageElement | None = None
        #: the same of each element around it but its last child (the element it encloses,
        #: once that is closed), innermost last
        self._outer: list[tuple[Tag, str | None, list[PageElement]]] = []
        self._counter: Counter[str] = Counter()
        self._whitespace: list[Tag] = []
        self._containers: list[Tag] = []
        self._text_nodes: list[NavigableString] = []
        #: the soup's `at_strings`, `slash_strings` and `channel_strings`, together: three more
        #: attributes would be more than the interpreter keeps inline
        self._marked: tuple[list[NavigableString], ...] = ([], [], [])
        self._recent: PageElement | None = None

    # lxml calls no Python code for a comment when its target has none: the tree leaves them
    # out (the text on both sides stays one text node: "Publié <!-- x -->le 3 mars" reads as
    # the page shows it, where a comment node would cut a date, a phone number or a label in
    # two), and no reader sees one
    comment = None  # type: ignore[assignment]

    def initialize_soup(self, soup: BeautifulSoup) -> None:
        self.elements = []
        self.nsmaps = [self.DEFAULT_NSMAPS_INVERTED]
        self.active_namespace_prefixes = [dict(self.DEFAULT_NSMAPS)]
        super().initialize_soup(soup)

    def drop_parser(self) -> None:
        """Forget the kept lxml parser (one that stopped inside a page): the next page gets a
        new one."""
        self._parser = None

    def parser_for(self, encoding: str | None) -> etree._FeedParser[etree._Element]:  # type: ignore[override]
        if encoding is not None:  # never for a decoded page
            return super().parser_for(encoding)  # type: ignore[return-value]
        if self._parser is None:
            self._parser = super().parser_for(None)  # type: ignore[assignment]
        return self._parser  # type: ignore[return-value]

    def _to_soup(self) -> BeautifulSoup | None:
        """Before bs4's own code handles an event: the pending text ended, and the open
        elements and the node parsed last written back to the soup of an ordinary parse
        (returned)."""
        if self._open is not None and self._text:
            self.end_text()
        return self._write_back()

    def _write_back(self) -> BeautifulSoup | None:
        """The open elements and the node parsed last of an ordinary parse written back to its
        soup (returned): its tag stack, `currentTag` and `_most_recent_element`."""
        page = self.soup
        if page is None or self._open is None:
            return None
        stack = page.tagStack
        stack[:] = [state[0] for state in self._outer]
        stack.append(self._open)
        page.currentTag = self._open
        page._most_recent_element = self._recent
        return page

    def _from_soup(self, page: BeautifulSoup | None) -> None:
        """After bs4's own code handled an event: the node it parsed last read back, and the
        open elements read from the tag stack."""
        if page is not None:
            self._recent = page._most_recent_element
            self._follow_stack()

    def _opened(self, page: BeautifulSoup | None, element: Tag, tag: str) -> None:
        """After bs4's `handle_starttag` opened `element` (named `tag`, with no namespace) in
        the open element of an ordinary parse: `element` is the open element, and the node
        parsed last."""
        if page is not None:
            self._outer.append((self._open, self._open_name, self._siblings))  # type: ignore[arg-type]
            self._open = self._recent = element
            self._open_name = tag
            self._siblings = element.contents
            self._last = None

    def _added(self, page: BeautifulSoup | None) -> None:
        """After bs4 added a node to the open element of an ordinary parse (a doctype, a
        processing instruction): that node is its last child, and the node parsed last."""
        if page is not None:
            self._recent = self._last = page._most_recent_element

    def _follow_stack(self) -> None:
        """The open element's state (`_open`, ...) and its enclosing elements' (`_outer`) read
        from the tag stack, which bs4's own code may have changed. An element with a namespace
        prefix, and the document, are left to bs4 to close (no name)."""
        assert self.soup is not None
        document, *elements = self.soup.tagStack
        states = [(document, None, document.contents)] + [
            (tag, tag.name if tag.prefix is None else None, tag.contents) for tag in elements
        ]
        self._open, self._open_name, self._siblings = states.pop()
        self._outer = states
        siblings = self._siblings
        self._last = siblings[len(siblings) - 1] if siblings else None

    def start(self, tag: str, attrib: dict[str, str]) -> None:  # type: ignore[override]
        """Open an element. lxml's HTML parser passes no namespace map (its `start` takes
        none: lxml checks the arity) and names without a namespace: bs4's namespace
        bookkeeping (`self.nsmaps`) never leaves its start state; an attribute written as
        a namespaced name (`{uri}name`, which bs4 splits) takes bs4's own path."""
        soup = self.soup
        assert soup is not None
        # an element without attributes comes with lxml's empty mapping, which a dict is built
        # from through the Python-level `Mapping.keys()`: three calls per element
        if attrib:
            if "{" in "".join(attrib):
                page = self._to_soup()
                super().start(tag, attrib, {})  # type: ignore[arg-type]
                self._from_soup(page)
                assert soup.currentTag is not None
                self.elements.append(soup.currentTag)  # the element bs4 just opened
                return
            attrs = self.attribute_dict_class(attrib)
        else:
            attrs = self.attribute_dict_class()
        if (
            self._open is None
            # bs4 rewrites a `<meta>`'s charset (`set_up_substitutions`): one declaring none
            # (description, og:…, viewport: most of them) is an ordinary element
            or (tag == "meta" and ("charset" in attrs or "http-equiv" in attrs))
        ):
            page = self._to_soup()
            element = soup.handle_starttag(
                tag, None, None, attrs, namespaces=self.active_namespace_prefixes[-1]
            )
            assert element is not None  # None only under a `parse_only` filter
            self._opened(page, element, tag)
            self.elements.append(element)
            return
        # an ordinary element, opened here the short way (what bs4's `handle_starttag` does)
        if self._text:  # text before the tag ends there (`endData` does nothing else)
            self.end_text()
        # what Tag(soup, self, tag, ...) sets, in Tag.__init__'s order
        element = _new_tag(Tag)
        element.parser_class = type(soup)
        element.name = tag
        element.namespace = None
        element._namespaces = self.active_namespace_prefixes[-1] or {}
        element.prefix = None
        element.sourceline = None
        element.sourcepos = None
        element.attribute_value_list_class = self.attribute_value_list_class
        element.attrs = attrs  # made for this element above: bs4 would copy it
        element.known_xml = False  # (an HTML builder's `is_xml`)
        contents: list[PageElement] = []
        element.contents = contents
        # what page._attach(element) does, written out (one call less per element): the new
        # last child of the open element, and the element parsed last
        parent = self._open
        previous = self._recent
        element.parent = parent
        element.previous_element = previous
        if previous is not None:
            previous.next_element = element
        element.next_element = None
        element.next_sibling = None
        siblings = self._siblings  # parent.contents
        before = self._last
        element.previous_sibling = before
        if before is not None:
            before.next_sibling = element
        siblings.append(element)
        self._recent = element
        element.hidden = False
        empty = self.empty_element_tags  # what self.can_be_empty_element(tag) answers
        element.can_be_empty_element = empty is None or tag in empty
        element.cdata_list_attributes = self.cdata_list_attributes
        element.preserve_whitespace_tags = self.preserve_whitespace_tags
        containers = self.string_containers
        element.interesting_string_types = (
            {containers[tag]} if tag in containers else _MAIN_CONTENT_STRING_TYPES
        )
        # what page.pushTag(element) does, for an element lxml opened (never the document)
        self._outer.append((parent, self._open_name, siblings))  # type: ignore[arg-type]
        self._open = element
        self._open_name = tag
        self._siblings = contents
        self._last = None
        counter = self._counter  # (a Counter: `get` spares its `__missing__` call)
        counter[tag] = counter.get(tag, 0) + 1
        if tag in self.preserve_whitespace_tags:
            self._whitespace.append(element)
        if tag in containers:
            self._containers.append(element)
        self.elements.append(element)

    def end_text(self) -> None:
        """End the pending run of text of an ordinary parse (`PageSoup.endData`, when there is
        some): a text node, the new last child of the open element.

        What bs4's `endData` makes of it, with the links and attributes bs4 sets and the string
        class it gives (`Script`, `Stylesheet`, `TemplateString` inside `<script>`, `<style>`,
        `<template>`); text of white space only, outside a `<pre>`, is one line break or one
        space. The text node is listed (`PageSoup.text_nodes`), and so is a plain one holding
        an "@", a "/", or, short, a digit (`PageSoup.at_strings`, ...)."""
        current = self._text
        data = current[0] if len(current) == 1 else "".join(current)
        current.clear()  # (in place: the list lxml appends the text to)
        if not data.strip(_ASCII_SPACES) and not self._whitespace:
            data = "\n" if "\n" in data else " "
        # the class bs4's `string_container` gives: inside `<script>`, `<style>`, `<template>`
        # (the innermost), the builder's string class of that element
        containers = self._containers
        kind = (
            self.string_containers.get(containers[-1].name, NavigableString)
            if containers
            else NavigableString
        )
        # what NavigableString(data) makes, without links it would set twice
        string = str.__new__(kind, data)
        string.hidden = False
        # what object_was_parsed(string) does (`PageSoup._attach`, written out: a call per text
        # node is a tenth of this method's time): the new last child of the open element
        parent = self._open
        previous = self._recent
        string.parent = parent
        string.previous_element = previous
        if previous is not None:
            previous.next_element = string
        string.next_element = None
        string.next_sibling = None
        siblings = self._siblings  # parent.contents
        before = self._last
        string.previous_sibling = before
        if before is not None:
            before.next_sibling = string
        siblings.append(string)
        self._recent = self._last = string
        self._text_nodes.append(string)
        if kind is not NavigableString:
            return  # a script's, a style sheet's, a template's: never a channel or a date
        if "@" in data:
            at_strings, _, channel_strings = self._marked
            at_strings.append(string)
            channel_strings.append(string)
        elif len(data) <= SHORT_LINE_CHARS and _DIGIT.search(data) is not None:
            self._marked[2].append(string)
        if "/" in data:
            self._marked[1].append(string)

    def feed(self, markup: str | bytes) -> None:  # type: ignore[override]
        soup = self.soup
        if not isinstance(soup, PageSoup):
            # lxml appends text to the builder's own list, which only a `PageSoup` keeps as its
            # `current_data` (bs4's `endData` replaces the list: text would be read twice)
            raise TypeError("HtmlBuilder builds PageSoup trees only (PageSoup.parse)")
        soup.plain = not (soup.parse_only or soup.element_classes or self.cdata_list_attributes)
        if soup.plain:
            self._counter = soup.open_tag_counter
            self._whitespace = soup.preserve_whitespace_tag_stack
            self._containers = soup.string_container_stack
            self._text_nodes = soup.text_nodes
            self._marked = (soup.at_strings, soup.slash_strings, soup.channel_strings)
            self._recent = soup._most_recent_element
            self._follow_stack()
        text = self._text
        text[:] = soup.current_data  # (empty: the soup was just reset)
        soup.current_data = text
        try:
            super().feed(markup)
        finally:
            # (the text after the last tag, if any, is the soup's to end: `_feed`)
            self._write_back()
            soup.plain = False
            # the page's nodes are let go of (its lists are left to the next parse to replace)
            self._recent = self._open = self._last = None
            self._outer = []
            # the list stays the builder's
            soup.current_data = text[:]
            text.clear()

    def end(self, tag: str) -> None:  # type: ignore[override]
        """Close the element `tag`. lxml closes elements in the order it opened them: the
        element to close is the innermost one, popped here as bs4's `_popToTag` would pop it;
        anything else takes bs4's path (`handle_endtag`)."""
        if self._open is None:
            assert self.soup is not None
            self.soup.handle_endtag(tag, None)
            return
        if self._text:  # text before the tag ends there (`endData` does nothing else)
            self.end_text()
        if self._open_name != tag:  # not the innermost element, or one bs4 opened: bs4's path
            # (which pops by the tag stack alone: the node parsed last stays the same)
            page = self._to_soup()
            assert page is not None
            page._popToTag(tag, None)
            self._follow_stack()
            return
        element = self._open
        # the element around it is open again, with the closed one as its last child
        self._open, self._open_name, self._siblings = self._outer.pop()
        self._last = element
        # what page.popTag() does
        counter = self._counter
        if tag in counter:
            counter[tag] -= 1
        # by identity where bs4 compares with `==` (`Tag.__eq__` compares whole subtrees): the
        # innermost open `<pre>` or string container is the element closed when it is one
        whitespace = self._whitespace
        if whitespace and element is whitespace[-1]:
            whitespace.pop()
        containers = self._containers
        if containers and element is containers[-1]:
            containers.pop()

    def doctype(self, name: str, pubid: str, system: str) -> None:
        page = self._to_soup()
        super().doctype(name, pubid, system)
        self._added(page)

    def pi(self, target: str, data: str) -> None:
        page = self._to_soup()
        super().pi(target, data)
        self._added(page)


_BUILDERS = threading.local()


class ParsedTree(NamedTuple):
    """A page's tree and what its parse listed on the way."""

    soup: BeautifulSoup
    #: its elements in document order
    elements: list[Tag]
    #: its plain text nodes holding an "@" (`PageSoup.at_strings`)
    at_strings: list[NavigableString]
    #: its plain text nodes holding a "/" (`PageSoup.slash_strings`)
    slash_strings: list[NavigableString]
    #: its plain text nodes holding an "@" or, short, a digit (`PageSoup.channel_strings`)
    channel_strings: list[NavigableString]
    #: its text nodes, in document order (`PageSoup.text_nodes`)
    text_nodes: list[NavigableString]


def parse_tree(text: str) -> ParsedTree:
    """The tree of `text`, with its elements and the text nodes its parse listed."""
    builder: HtmlBuilder | None = getattr(_BUILDERS, "builder", None)
    if builder is None:
        builder = _BUILDERS.builder = HtmlBuilder()
    try:
        soup = PageSoup.parse(text, builder)
        elements, builder.elements = builder.elements, []
        return ParsedTree(
            soup,
            elements,
            soup.at_strings,
            soup.slash_strings,
            soup.channel_strings,
            soup.text_nodes,
        )
    except BaseException as exc:
        _BUILDERS.builder = None  # its parser may be left inside the page: the next gets a new one
        if not isinstance(exc, (ParserRejectedMarkup, etree.LxmlError, ValueError, RecursionError)):
            raise

        log.warning("page could not be parsed: %s", exc)  # an empty record is the answer
        return ParsedTree(BeautifulSoup("", "lxml"), [], [], [], [], [])
