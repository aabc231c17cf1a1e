"""The article's content: find its container, then flatten it into a list of text blocks in one walk."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby, islice
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, PageElement, ProcessingInstruction

from scraper import lexicon
from scraper.extract.config import ExtractConfig
from scraper.extract.labels import field_label
from scraper.extract.treewalk import (
    first_named,
    previous_tag,
    tags_below,
    tags_named,
    text_length,
    text_longer_than,
)
from scraper.text import fold, normalize_lines, normalize_text

BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "pre",
        "address",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
        "center",
        "cite",
    )
)
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: Site frame around the article: its paragraphs do not count when looking for the text.
_FRAME = frozenset(("header", "footer", "nav", "aside"))
#: The share of the page's paragraph text the article container must hold.
_SHARE = 0.7
#: Never article text, wherever they are.
SKIP_TAGS = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "iframe",
        "object",
        "embed",
        "amp-ad",  # an AMP ad slot: its fallback text ("Advertisement") is the ad's label
        "amp-embed",
        "amp-sticky-ad",
        "nav",
        "canvas",
        "video",
        "audio",
        "map",
        "head",
        "title",
        "meta",
        "link",
        "picture",
        "source",
    )
)
BOLD_TAGS = frozenset(("strong", "b"))
#: Elements that set their text apart from the running text.
QUOTING_TAGS = frozenset(("blockquote", "dd"))
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


#: A heading with at least this share of its text in a link is another page's title.
LINKED_HEADING = 0.9


@dataclass
class Block:
    """One paragraph-like piece of the article: its lines, where it sits, how it looks."""

    tag: str
    lines: list[str]
    bold: bool = False
    #: leading bold text ("Eric Gabrys:" in `<p><strong>Eric Gabrys:</strong> « … »</p>`)
    label: str | None = None
    #: the enclosing element matched by a profile role ("lead", "contact"), if any
    role: str | None = None
    container: Tag | None = None
    hrefs: list[str] = field(default_factory=list)
    #: inside a `<blockquote>` or a `<dd>`: set apart from the running text (an answer, a quote)
    quoted: bool = False
    #: the bold runs of the text, in order ("… accords. <b>Et pour une PME ?</b> <i>Les…</i>")
    bold_runs: tuple[str, ...] = ()
    #: characters of the text inside links (a menu, a list of other articles: nearly all)
    link_chars: int = 0
    #: the block-level element the text was read from (its kind, class and parent tell an
    #: answer's paragraphs from the editorial line after them)
    element: Tag | None = None

    @cached_property
    def text(self) -> str:
        """The lines joined, worked out once: a block's lines are never changed in place (a
        step that rewrites them makes a new block, `dataclasses.replace`)."""
        return " ".join(self.lines)

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADINGS

    @property
    def link_density(self) -> float:
        """The share of the text that is link text (0 to 1)."""
        if not self.link_chars:
            return 0.0  # (most blocks: no link text, no division)
        return min(1.0, self.link_chars / max(1, len(self.text)))

    @property
    def is_linked_title(self) -> bool:
        """A heading that is a link to another page (`LINKED_HEADING`): a teaser's or an
        embed's title, not a section heading of the text (which links nowhere)."""
        return (
            self.is_heading
            and self.link_density >= LINKED_HEADING
            and any(not h.startswith("#") for h in self.hrefs)  # not a permalink to itself
        )


def _text_length(tag: Tag) -> int:
    return len(tag.get_text())


#: A page holds one article, at most a few containers of a content class (a post and its
#: excerpt): a content selector matching more elements names a widget class.
MAX_CONTENT_MATCHES = 4
#: A container with more than this share of its text in links is a list of links (a category
#: tree, a menu), not an article: running text, even a link-rich one, stays well below it.
MAX_CONTAINER_LINK_DENSITY = 0.5


def _link_list(tag: Tag) -> bool:
    """True when most of `tag`'s text is link text (the text of each `<a>` below it, counted
    once per `<a>` holding it, as `sum(len(a.get_text()) for a in tag.find_all("a"))`), in one
    walk rather than one per link."""
    types = tag.interesting_string_types
    if types is not Tag.MAIN_CONTENT_STRING_TYPES:  # a <script> or <template>: bs4's own count
        total = _text_length(tag)
        linked = sum(len(a.get_text()) for a in tag.find_all("a"))
        return linked > MAX_CONTAINER_LINK_DENSITY * max(1, total)
    total = linked = 0
    # an explicit stack rather than recursion: pages nest thousands of levels deep
    stack: list[tuple[Iterator[PageElement], int]] = [(iter(tag.contents), 0)]
    while stack:
        children, links = stack[-1]
        for child in children:
            if type(child) is Tag:
                inner = links + (child.name == "a")
                stack.append((iter(child.contents), inner))
                break
            if type(child) in types:  # the strings get_text counts
                size = len(child)  # type: ignore[arg-type]  # a string
                total += size
                linked += size * links
        else:
            stack.pop()
    return linked > MAX_CONTAINER_LINK_DENSITY * max(1, total)


def find_content_root(
    soup: BeautifulSoup,
    candidates: list[list[Tag]],
    paragraphs: list[Tag],
    dominant: tuple[Tag | None, int] = (None, 0),
    body: Tag | None = None,
) -> tuple[Tag | None, bool, Tag | None]:
    """The element holding the article text, whether a profile selector found it, and the
    selector's element when the root was widened around it (never furniture): the first
    selector group with a substantial element (its longest; with the opening paragraphs written
    straight before it, `_with_opening_before`), else the deepest element holding most of the
    page's paragraph text (page builders nest every paragraph in its own widget), or of its
    words outside links on a page with little `<p>` text (`MIN_PARAGRAPH_TEXT`). A container
    that misses the page's `dominant` block (`dominant_block`: its element and size) and holds
    far less text than it is a wrong one (a promo `<article>` in a sidebar, a `<main>` around the
    headline alone): the dominant block is the text's container then. `body`: the page's first
    `<body>` when the caller has it (else looked up)."""
    box, size = dominant
    for group in candidates:
        if len(group) > MAX_CONTENT_MATCHES:
            continue  # a class every sidebar box carries ("box-text entry-content"), not the text's
        best = max(group, key=_text_length) if len(group) > 1 else group[0]
        # plain walks, not `find`: bs4 builds a matcher for each call, a fixed cost that
        # weighs on a small page
        if (
            (first_named(best, "p") is not None or _text_length(best) >= 200)
            and not _link_list(best)
            and not _misses_dominant(best, box, size)
        ):
            root, holder = _with_opening_before(best)
            return root, True, holder
    # (`text_length`: the length of `get_text()`, without joining the text)
    sized = ((text_length(para), para) for para in paragraphs)
    deepest, total = _deepest_holding(sized)
    if body is None:
        body = first_named(soup, "body")  # `soup.body`
    body_words = body if total < MIN_PARAGRAPH_TEXT else None
    if body_words is not None:
        # a text written without paragraphs (lines set apart by <br> in a layout table's cell):
        # the element holding most of the page's words outside links
        by_words, _ = _deepest_holding((len(s.strip()), s) for s in body_words.strings)
        if by_words is not None and by_words.name not in ("body", "html", "[document]"):
            if not _misses_dominant(by_words, box, size):
                return by_words, False, None
    if deepest is not None:
        deepest = with_paragraphs_beside(deepest, total)
        if deepest.name not in ("html", "[document]") and not _misses_dominant(deepest, box, size):
            return deepest, False, None
    if box is not None and size >= MIN_DOMINANT_TEXT:
        return with_paragraphs_beside(box, size), False, None
    return body or soup, False, None


#: Lines of text whose own container is the element around them: a paragraph, a heading, a list
#: item, a quote, a caption. Text set straight in any other block (a `<div>` or a layout table's
#: cell of lines set apart by `<br>`, `<font>` runs) is its block's own.
_LINE_TAGS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre")
    + ("figcaption", "address")
)
#: A page "plainly holds an article" when one element holds more running text of its own than a
#: card's box ever does (a teaser's title, blurb and byline: `page.CARD_MAX_CHARS`, 400): a few
#: paragraphs. Below it (a front page's teasers, each in its own box) there is no text to miss.
MIN_DOMINANT_TEXT = 400
#: The article's text lost: what was read holds less than this share of the dominant block's
#: text. Read right, it holds all of it (on the devset's development pages at least 0.79 of it,
#: once lines of metadata are left out); below a third, the container or the filters missed the
#: block that holds most of the page's running text.
LOST_SHARE = 0.3


def dominant_block(root: Tag) -> tuple[Tag | None, int]:
    """The element holding the most running text of its own, and how much: each text outside
    links, the site's frame and hidden elements counts for the container of its line (a
    paragraph's parent, a `<div>` or cell it is written straight in), and the container with the
    most wins. One walk with an explicit stack (pages nest thousands of levels deep)."""
    scores: dict[int, int] = {}
    boxes: dict[int, Tag] = {}
    stack: list[tuple[Iterator[PageElement], Tag]] = [(iter(root.contents), root)]
    while stack:
        children, box = stack[-1]
        for child in children:
            if type(child) is Tag:
                name, attrs = child.name, child.attrs
                # (`_hidden` reads these two attributes alone: most elements carry neither)
                if name in _NOT_TEXT or (
                    ("style" in attrs or "hidden" in attrs) and _hidden(attrs)
                ):
                    continue
                if name in _LINE_TAGS:
                    inner = box if child.parent is None else child.parent
                elif name in BLOCK_TAGS:
                    inner = child
                else:
                    inner = box
                stack.append((iter(child.contents), inner))
                break
            if type(child) is NavigableString:
                size = len(child.strip())
                if size:
                    scores[id(box)] = scores.get(id(box), 0) + size
                    boxes[id(box)] = box
        else:
            stack.pop()
    if not scores:
        return None, 0
    best = max(scores, key=scores.__getitem__)
    return boxes[best], scores[best]


def _misses_dominant(root: Tag, dominant: Tag | None, size: int) -> bool:
    """True when `root` is a wrong container: the page's dominant text block (`size` characters
    of running text of its own) lies outside it, and it holds less text in all (links, captions
    and all) than that block holds of its own: the larger text is elsewhere. No threshold: on the
    devset's development pages the root always holds the dominant block."""
    if dominant is None or size < MIN_DOMINANT_TEXT:
        return False
    if dominant is root or any(p is root for p in dominant.parents):
        return False
    return _text_length(root) < size


#: Below this much text in `<p>` paragraphs (three of running text) a page writes its text
#: otherwise (lines set apart by `<br>`), and its container is found by its words.
MIN_PARAGRAPH_TEXT = 300
#: Never the article's words when looking for their container: the site's frame, links, and
#: what is never text.
_NOT_TEXT = _FRAME | SKIP_TAGS | {"a"}


def _deepest_holding(sized: Iterable[tuple[int, PageElement]]) -> tuple[Tag | None, int]:
    """The deepest element holding `_SHARE` of the sizes of the (size, node) pairs, and their
    total; nodes inside the site's frame (`_FRAME`) are passed over, and strings inside a link
    or an element that is never text (`_NOT_TEXT`)."""
    scores: dict[int, int] = {}
    depth_of: dict[int, tuple[int, Tag]] = {}
    total = 0
    # the ancestors of the nodes under one parent, root first, read once per parent and kind
    # of node (None: under an element skipped for that kind)
    chains: dict[tuple[int, bool], list[Tag] | None] = {}
    for size, node in sized:
        if not size:
            continue
        is_tag = isinstance(node, Tag)
        under = (id(node.parent), is_tag)
        if under in chains:
            chain = chains[under]
        else:
            ancestors = [p for p in node.parents if isinstance(p, Tag)]
            skip = _FRAME if is_tag else _NOT_TEXT
            skipped = any(p.name in skip for p in ancestors)
            chain = chains[under] = None if skipped else ancestors[::-1]
        if chain is None:
            continue
        total += size
        for depth, parent in enumerate(chain):
            key = id(parent)
            if key in scores:
                scores[key] += size
            else:
                scores[key] = size
                depth_of[key] = (depth, parent)
    if not total:
        return None, 0
    enough = [depth_of[key] for key, score in scores.items() if score >= _SHARE * total]
    return max(enough, key=lambda item: item[0])[1], total


#: Paragraphs written straight beside the chosen container holding this share of the page's
#: paragraph text are the same article (its opening, before an ad slot or a "read more" toggle
#: that wraps the rest): the container is their parent.
_BESIDE_SHARE = 0.1


def with_paragraphs_beside(tag: Tag, total: int) -> Tag:
    """`tag`, or the ancestor whose own `<p>` children hold `_BESIDE_SHARE` of `total`."""
    parent = tag.parent
    while isinstance(parent, Tag) and parent.name not in ("body", "html", "[document]"):
        beside = sum(text_length(p) for p in parent.find_all("p", recursive=False))
        if beside < _BESIDE_SHARE * total:
            break
        tag, parent = parent, parent.parent
    return tag


#: Paragraphs written straight before the profile's text container, holding this share of the
#: container's own text, are the article's opening split off from the rest (a paywalled page's
#: free paragraphs, then `<div class="article-body paywall">` holding what subscribers read): a
#: byline or a date line before the container is a few dozen characters, a tenth of the
#: shortest text (three paragraphs of running text, `MIN_PARAGRAPH_TEXT`).
OPENING_SHARE = 0.1


def _with_opening_before(tag: Tag) -> tuple[Tag, Tag | None]:
    """`tag`, or its parent when paragraphs written straight before it (the run of `<p>`
    siblings right up to it, nothing between) hold `OPENING_SHARE` of its text: the article's
    opening and the rest of it are one text. Then also `tag`, the text's container: never
    furniture, whatever its class names ("paywall")."""
    parent = tag.parent
    if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
        return tag, None
    opening = 0
    for sibling in tag.previous_siblings:
        if isinstance(sibling, Tag):
            if sibling.name != "p":
                break  # a picture's box, a header: the paragraphs before it are no opening run
            opening += len(sibling.get_text())
        elif _words_beside(sibling):
            break  # words of their own between: not one run
    if not opening or opening < OPENING_SHARE * _text_length(tag):
        return tag, None
    return parent, tag


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A "furniture" class on an element holding more than this share of the content's text is a
#: layout wrapper ("panel-two-col-sidebar-right" around the whole article), not furniture.
LAYOUT_SHARE = 0.5


def _hidden(attrs: Mapping[str, object]) -> bool:
    """An element its author hid (`hidden`, `display: none`, `visibility: hidden`)."""
    style = attrs.get("style")
    return attrs.get("hidden") is not None or (
        isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None
    )


#: Attributes by which a toggle names the panel it opens (`aria-controls="c1"`,
#: `data-bs-target="#c1"`, `href="#c1"`).
_TOGGLE_TARGETS = ("aria-controls", "data-bs-target", "data-target", "href")


def is_toggle(tag: Tag) -> bool:
    """An accordion's toggle (`<button aria-expanded>`, `<button data-bs-toggle="collapse">`,
    `<a role="button">`): its text is the title of the panel it opens, not a control's label."""
    attrs = tag.attrs
    if tag.name == "a":
        return attrs.get("role") == "button"
    return tag.name == "button" and (
        "aria-expanded" in attrs
        or "aria-controls" in attrs
        or any(key.startswith("data-") and key.endswith("toggle") for key in attrs)
    )


def _toggled_panel(tag: Tag) -> bool:
    """A hidden element that the toggle just before it opens (a collapsed accordion panel): the
    page's text, shown on a click, not text its author hid."""
    ident = tag.attrs.get("id")
    before = previous_tag(tag)
    if not ident or before is None:
        return False
    toggles = [before, *islice(tags_named(before, ("button", "a")), 4)]
    return any(
        str(toggle.attrs.get(key, "")).lstrip("#") == ident
        for toggle in toggles
        if is_toggle(toggle)
        for key in _TOGGLE_TARGETS
    )


def is_boilerplate(tag: Tag, config: ExtractConfig) -> bool:
    """True for elements whose class or id names page furniture (cookie banner, share buttons...)."""
    attrs = tag.attrs
    if not attrs:
        return False
    # called for nearly every element of the content (and by other steps): each test below is
    # guarded by the membership of the attribute it reads, which is exact (`_hidden` and
    # `_is_breadcrumb` answer False without their attributes)
    if attrs.get("aria-hidden") == "true":
        return True
    if ("hidden" in attrs or "style" in attrs) and _hidden(attrs) and not _toggled_panel(tag):
        return True
    role = attrs.get("role")
    if role in ("navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog"):
        return True
    if ("itemtype" in attrs or "aria-label" in attrs) and _is_breadcrumb(attrs):
        return True
    # the names last: the other tests are cheaper, and any of them answers alone
    classes = attrs.get("class")
    names = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    ident = attrs.get("id")
    if ident and not _is_heading_anchor(tag, str(ident)):
        names = f"{names} {ident}"
    return bool(names) and _names_furniture(config.boilerplate, names)


#: How many class-and-id strings `_names_furniture` remembers before it starts over.
NAMES_REMEMBERED = 16_384
#: The boilerplate pattern last asked about, with its answers per class-and-id string (one
#: tuple, replaced whole, so that a thread never reads one pattern's answers for another's).
_names_seen: tuple[re.Pattern[str], dict[str, bool]] = (re.compile(r"(?!)"), {})


def _names_furniture(pattern: re.Pattern[str], names: str) -> bool:
    """`pattern.search(names.lower()) is not None`, remembered per string: a page repeats a few
    hundred class strings over thousands of elements, and the pattern is a long alternation."""
    global _names_seen
    seen = _names_seen
    if seen[0] is not pattern:
        seen = _names_seen = (pattern, {})
    found = seen[1].get(names)
    if found is None:
        if len(seen[1]) >= NAMES_REMEMBERED:
            seen[1].clear()
        found = seen[1][names] = pattern.search(names.lower()) is not None
    return found


def _is_breadcrumb(attrs: Mapping[str, object]) -> bool:
    """A breadcrumb trail by its markup, whatever its class: schema.org's `BreadcrumbList`
    microdata or an ARIA label naming it (`<ol aria-label="Breadcrumb">`, the pattern the ARIA
    authoring practices give). The trail's last crumb, the page's own title, is never text."""
    itemtype = attrs.get("itemtype")
    if isinstance(itemtype, str) and itemtype.rstrip("/").endswith("BreadcrumbList"):
        return True
    label = attrs.get("aria-label")
    return isinstance(label, str) and "breadcrumb" in label.lower()


_SLUG_WORD = re.compile(r"[^\W_]+")
#: A component's id names it in one to three words ("related-posts", "leave-a-reply"); the slug
#: of a section title runs longer ("sharing-with-a-single-developer").
MIN_SLUG_WORDS = 4


def _is_heading_anchor(tag: Tag, ident: str) -> bool:
    """True when the id is the slug of the element's own heading, of a title's length: a
    documentation section (`<div id="sharing-with-a-single-developer"><h2>Sharing with a single
    developer`) is named by its title, whatever furniture word the title holds."""
    words = _SLUG_WORD.findall(ident.lower())
    if len(words) < MIN_SLUG_WORDS:
        return False
    heading = next((c for c in tag.children if isinstance(c, Tag) and c.name in HEADINGS), None)
    return heading is not None and _SLUG_WORD.findall(fold(heading.get_text(" "))) == words


def _words_beside(node: PageElement | None) -> bool:
    return (
        isinstance(node, NavigableString)
        and not isinstance(node, _SKIP_STRINGS)
        and bool(node.strip())
    )


def _link_in_sentence(tag: Tag) -> bool:
    """A link with words of its parent's text right before and right after it ("a <a
    class="popup">rather elderly</a> man"): the sentence's own words, whatever its class names
    (a note's pop-up, a tooltip); furniture is a container, or links in a row of their own. A
    link its author hid stays hidden."""
    return (
        tag.name == "a"
        and tag.attrs.get("aria-hidden") != "true"
        and not _hidden(tag.attrs)
        and _words_beside(tag.previous_sibling)
        and _words_beside(tag.next_sibling)
    )


def in_furniture(tag: Tag, config: ExtractConfig) -> bool:
    """True inside an element whose class names page furniture (a sidebar widget, comments)."""
    return any(is_boilerplate(parent, config) for parent in tag.parents if isinstance(parent, Tag))


#: Sibling elements written with no white space between them (`<span>Von Lukas Weidmann</span>
#: <span>Veröffentlicht: …</span>` in a CSS-module or utility-class meta row) are items a style
#: lays out apart (a flex or grid row): where one element's text ends a word and the next
#: element's opens a new one, the texts are two items, not one word. A new word glued on: a
#: capital after a lower-case letter, a digit or a closing mark (`_ITEM_END`: "2026."|"Mis à
#: jour"); a capitalised word after a capital ("10:20 PM"|"Updated"); a number after a letter
#: or after an item of words ending in a number ("Juni"|"2026", "Oct. 27, 2025"|"6:15 AM").
#: A word styled in parts stays one: a text node continues it (`<b>Wo</b>rd`, a drop cap
#: `<span class="dropcap">W</span>eil`), a lower-case continuation is the same word
#: (`<span>Sch</span><span>mid</span>`), capitals after capitals an acronym's or a small-caps
#: run's, digits after an element of digits alone or after a mark the same number
#: ("12"|"000", "3."|"14"), a capital after a one-letter element a styled initial's
#: (`<span>i</span><span>Pad</span>`), and sub- and superscripts are part of the text they
#: follow (`<span>CO</span><sub>2</sub>`).
_ITEM_END = frozenset(".,;:!?)]")
_GLYPH_PART_TAGS = frozenset(("sub", "sup"))


def glued_item(tag: Tag, before: str) -> bool:
    """True when inline element `tag`, right after an inline element sibling with no white
    space between (comments aside), opens a new item of a laid-out row: `before`, the text read
    just before it, ends a word and `tag`'s text opens a new one (see `_ITEM_END`). The caller
    reads the boundary as a line break."""
    end = before[-1:]
    if not end or not (end.isalnum() or end in _ITEM_END):
        return False  # white space, an opening mark: nothing glued (most texts)
    previous = tag.previous_sibling
    while isinstance(previous, Comment):
        previous = previous.previous_sibling  # React's `<!-- -->` between two renders
    if type(previous) is not Tag or tag.name in _GLYPH_PART_TAGS:
        return False  # a text node before: the text runs on (most inline elements)
    if previous.name in _GLYPH_PART_TAGS or previous.name == "br" or previous.name in BLOCK_TAGS:
        return False  # a block's end is a line's in the block walk; the zone's lines keep theirs
    opening = next((s for s in tag.strings if s), "")[:2]
    start = opening[:1]
    if start.isdigit():
        # a number after a letter ("Juni"|"2026"), or after a date's or a label's item ending
        # in one ("27. Oktober 2025"|"6:15 Uhr"); digits after an element of digits alone are
        # one number styled in parts ("12"|"000", a counter's "1"|"2"), "3."|"14" too
        return end.isalpha() or (end.isdigit() and any(c.isalpha() for c in previous.get_text()))
    if not start.isupper():
        return False  # a lower-case continuation ("Sch"|"mid"), white space, a mark
    if end.isupper() and not opening[1:].islower():
        return False  # capitals after capitals: an acronym, a small-caps run ("D"|"IE STADT")
    return len(previous.get_text().strip()) > 1  # "i"|"Pad": a styled initial


class _Walker:
    """Turns a subtree into blocks; inline text is buffered until the next block boundary."""

    def __init__(
        self,
        config: ExtractConfig,
        roles: dict[int, tuple[str, Tag]],
        split_inline: bool = False,
        holder: Tag | None = None,
    ) -> None:
        self.config = config
        #: the text's own container inside the root (`find_content_root`): never furniture
        self.holder = holder
        self.split_inline = split_inline
        self.roles = roles
        self.blocks: list[Block] = []
        #: the pending inline text, piece by piece, and whether each piece is bold (two lists
        #: side by side, emptied in place at each block's end: the walk appends to them through
        #: bound methods, and joins the texts without a pass over pairs)
        self.texts: list[str] = []
        self.bolds: list[bool] = []
        self.hrefs: list[str] = []
        self.link_chars = 0
        self.stopped = False
        #: the root's text length counted so far, and its strings left to count (`_is_layout`)
        self._root_chars = 0
        self._root_strings: Iterator[str] | None = None
        #: cumulative (characters, bare div blocks, headings) of the blocks so far, for
        #: `_mark_widget`: the counts of any element's blocks in constant time
        self._sums: list[tuple[int, int, int]] = [(0, 0, 0)]
        #: elements met so far (their count at the start of each open bare container is kept
        #: on the walk's stack), for `_mark_sparse`: how many elements hold a container's text
        self._elements = 0
        #: blocks so far that are paragraphs or a table's or a list's, per block (indexed as
        #: `_sums`): a container holding one is text or data, never a component's markup
        self._settled: list[int] = [0]
        #: how many tables and lists the walk is inside: their cells are data, not a widget's
        self._data_depth = 0
        #: how many links the walk is inside, and the characters of the pending pieces read
        #: inside one (a card whose whole box is a link: its lines are link text)
        self._link_depth = 0
        self._in_link = 0

    def flush(
        self,
        block_tag: str,
        role: tuple[str, Tag] | None,
        quoted: bool = False,
        element: Tag | None = None,
    ) -> None:
        texts = self.texts
        if not texts:
            self.link_chars = self._in_link = 0
            return
        raw = "".join(texts)
        # white space alone (the line breaks between elements: most flushes) has no line;
        # `str.split` splits on what `isspace` calls white space, so the answer is the same
        lines = [] if raw.isspace() else normalize_lines(raw)
        if lines:
            label = None
            runs: list[str] = []
            is_bold = False
            # no bold piece (most lines): no bold run, no label (the pieces before the first
            # piece with text are white space), not a bold line
            if any(self.bolds):
                pieces = list(zip(texts, self.bolds, strict=True))
                bold_text = "".join(text for text, bold in pieces if bold)
                plain = "".join(text for text, bold in pieces if not bold)
                lead_bold = []
                for text, bold in pieces:
                    if not bold and text.strip():
                        break
                    lead_bold.append(text)
                if lead_bold and normalize_text("".join(lead_bold)):
                    label = normalize_text("".join(lead_bold))
                for was_bold, group in groupby(pieces, key=lambda piece: piece[1]):
                    run = normalize_text("".join(text for text, _ in group)) if was_bold else ""
                    if run:
                        runs.append(run)
                is_bold = bool(normalize_text(bold_text)) and not normalize_text(plain)
            block = Block(
                tag=block_tag,
                lines=lines,
                bold=is_bold,
                label=label,
                role=role[0] if role else None,
                container=role[1] if role else None,
                hrefs=self.hrefs,
                quoted=quoted,
                bold_runs=tuple(runs),
                link_chars=max(self.link_chars, self._in_link),
                element=element,
            )
            # the `text` property's value, set as it would cache it (its first reading is here)
            block.__dict__["text"] = " ".join(lines)
            if block.is_heading and self._ends_article(block.text):
                self.stopped = True
            else:
                self.blocks.append(block)
                chars, divs, heads = self._sums[-1]
                bare = block_tag in _BARE_TAGS and not self._data_depth
                self._sums.append((chars + len(block.text), divs + bare, heads + block.is_heading))
                settled = block_tag == "p" or bool(self._data_depth)
                self._settled.append(self._settled[-1] + settled)
        texts.clear()
        self.bolds.clear()
        self.hrefs = []
        self.link_chars = self._in_link = 0

    def _ends_article(self, text: str) -> bool:
        """A heading naming the page's interaction furniture ("Comments", "Share", "Newsletter")
        ends the text: comments are running text no structure tells from the article's. A
        related-list heading ("See also", "More news") does not: the list under it is found by
        its structure (cards, teaser runs, link density), and sections of the article's own may
        follow it (an encyclopedia's notes and references)."""
        folded = fold(text)
        return folded.startswith(self.config.end_headings)  # (a tuple: any of them)

    def _is_layout(self, tag: Tag, root: Tag) -> bool:
        """A furniture class on a wrapper of most of the text: a layout name, not furniture."""
        attrs = tag.attrs
        if attrs.get("aria-hidden") == "true" or attrs.get("role") or _hidden(attrs):
            return False  # hidden by its author, however much text it holds
        chars = text_length(tag)
        return chars > LAYOUT_SHARE * self._root_chars_reaching(chars, root)

    def _root_chars_reaching(self, chars: int, root: Tag) -> int:
        """The root's text length, counted only as far as needed to answer `_is_layout` for a
        wrapper of `chars` characters: until the share of the count reaches `chars` (the share
        of the whole text is then at least as large: not a layout wrapper), else to the end.
        The count resumes where the last call left it: the root's text is read once at most."""
        if self._root_strings is None:
            self._root_strings = iter(root.strings)
        while LAYOUT_SHARE * self._root_chars < chars:
            string = next(self._root_strings, None)
            if string is None:
                break
            self._root_chars += len(string)
        return self._root_chars

    def _mark_widget(self, start: int) -> None:
        """The blocks from `start` on, all of one element, get the role "widget" when they are
        a player's or a gallery's controls ("1 of 24", "Full Screen", "Autoplay", "Close") or a
        chart's labels: several bare `<div>` or `<p>` lines of a few characters each, no
        heading, no list or table cells for the most part, no contact channel."""
        end = len(self.blocks)
        count = end - start
        if count < MIN_WIDGET_BLOCKS:
            return
        chars0, divs0, heads0 = self._sums[start]
        chars1, divs1, heads1 = self._sums[end]
        if (
            heads1 > heads0
            or chars1 - chars0 > MAX_WIDGET_MEAN_CHARS * count
            or 2 * (divs1 - divs0) < count
        ):
            return
        blocks = self.blocks[start:end]
        if any(_channel_like(b) for b in blocks):
            return  # a contact card laid out in lines: name, role, phone, address
        for block in blocks:
            if block.role is None:
                block.role = "widget"

    def _mark_sparse(self, start: int, elements: int) -> None:
        """The blocks from `start` on, all of one bare container (`<div>`, `<section>`) that
        holds paragraphs or a table's or a list's cells for fewer than half its lines and no
        heading of the text (a heading linking to another page is a player's title), get the
        role "widget" when the container spends more elements than `MAX_SPARSE_DENSITY`
        characters each on its text: a component (a gallery embedded in the text with its
        controls, captions and slides; a player with its title and a "Loading…" cell; a rating
        box) is built of many elements, each holding a few characters, where the text is
        paragraphs of sentences."""
        end = len(self.blocks)
        count = end - start
        # paragraphs or a table's or a list's cells for half its lines: text or data
        if count < MIN_SPARSE_BLOCKS or 2 * (self._settled[end] - self._settled[start]) >= count:
            return
        chars0, _, heads0 = self._sums[start]
        chars1, _, heads1 = self._sums[end]
        if chars1 - chars0 > MAX_SPARSE_DENSITY * (self._elements - elements):
            return
        blocks = self.blocks[start:end]
        if heads1 > heads0 and any(b.is_heading and not b.is_linked_title for b in blocks):
            return  # a section of the text; a title linking away is the embed's (a video's)
        if any(_channel_like(b) for b in blocks):
            return  # a contact card: a few characters per element too
        for block in blocks:
            if block.role is None:
                block.role = "widget"

    def _field_break(self, child: Tag, bold: bool) -> bool:
        """True when inline `child` of a contact block starts a field line of its own: a classed
        part or a link after text on its line, or any element after a line set wholly in bold
        (`<li><strong>Name</strong> <span>Role</span> <a href="tel:…">`: the bold run is the
        person's name, the element after it their role)."""
        line = []
        for text, strong in zip(reversed(self.texts), reversed(self.bolds), strict=True):
            _, newline, tail = text.rpartition("\n")
            line.append((tail if newline else text, strong))
            if newline:
                break
        if not any(text.strip() for text, _ in line):
            return False
        if child.attrs.get("class") or child.name == "a":
            return True
        return (
            not bold
            and child.name not in BOLD_TAGS
            and all(strong for text, strong in line if text.strip())
        )

    def _turn_letter(self, tag: Tag) -> bool:
        """An element holding one turn label (`TURN_LETTERS`: a letter, a badge's word) that
        opens its block, glued or spaced to a sentence starting with a capital ("<span>Q</span>
        What…", "<span class="badge">Vraag</span> Hoe…"): a drop cap is followed by the rest of
        its word in lower case ("<span>L</span>es…")."""
        text = tag.string
        label = (text or "").strip()
        if (
            text is None
            or label.upper() not in TURN_LETTERS
            or (len(label) == 1 and not label.isupper())
        ):
            # (a word label in any case, a letter in capitals only: "a" opens a sentence)
            return False
        after = tag.next_sibling
        while isinstance(after, NavigableString) and not after.strip():
            after = after.next_sibling  # "<span>Q</span> <strong>Why…?</strong>": spaced
        rest = (after if isinstance(after, NavigableString) else getattr(after, "text", "")) or ""
        rest = str(rest).lstrip()
        if not rest[:1].isupper():
            return False
        return not "".join(self.texts).strip()

    def walk(self, root: Tag) -> list[Block]:
        # an explicit stack rather than recursion: pages nest thousands of levels deep. A frame:
        # the element, its children left, its block tag, role, bold and quoted state, whether
        # it is a block (its end flushes), and the block and element counts at its start (for
        # `_mark_widget` and `_mark_sparse`; None where they do not apply)
        # (the children as `Any`: a child's kind is told by `type`, which mypy does not narrow on)
        stack: list[
            tuple[
                Tag,
                Iterator[Any],
                str,
                tuple[str, Tag] | None,
                bool,
                bool,
                bool,
                int | None,
                int | None,
            ]
        ] = [
            (
                root,
                iter(root.contents),
                root.name if root.name in BLOCK_TAGS else "div",
                self.roles.get(id(root)),
                False,
                root.name in QUOTING_TAGS,
                True,
                None,
                None,
            )
        ]
        config, roles = self.config, self.roles
        add_text, add_bold = self.texts.append, self.bolds.append  # (emptied in place only)
        while stack and not self.stopped:
            node, children, block_tag, role, bold, quoted, is_block, start, elements = stack[-1]
            # the children of the element on top, until one is pushed (then its own children
            # come first) or none is left (the element ends)
            for child in children:
                kind = type(child)
                if kind is NavigableString:  # the usual text node (a string, as str() gives it)
                    # a line break typed in the source is white space, as a browser shows it:
                    # only <br> and the ends of blocks break a line (outside <pre>)
                    if "\n" in child and block_tag != "pre":
                        add_text(child.replace("\n", " "))
                        add_bold(bold)
                    else:
                        add_text(child)
                        add_bold(bold)
                    if self._link_depth:
                        self._in_link += len(child.strip())
                    continue
                if kind is not Tag:
                    if isinstance(child, NavigableString):
                        if not isinstance(child, _SKIP_STRINGS):
                            add_text(str(child))
                            add_bold(bold)
                            if self._link_depth:
                                self._in_link += len(child.strip())
                        continue
                    if not isinstance(child, Tag):
                        continue
                name = child.name
                self._elements += 1
                if name == "br":
                    add_text("\n")
                    add_bold(bold)
                    continue
                attrs = child.attrs
                if (
                    (name in SKIP_TAGS and not (name == "button" and is_toggle(child)))
                    or (
                        # `is_boilerplate` is False for an element without attributes
                        (name == "form" or (attrs and is_boilerplate(child, config)))
                        and child is not self.holder
                        and not self._is_layout(child, root)
                        and not _link_in_sentence(child)
                    )
                    or (name == "aside" and id(child) not in roles)
                ):
                    # an aside is beside the text: a sidebar, an agenda, a pull quote; a form
                    # inside the text is a comment box, a newsletter signup, a poll (a form
                    # wrapping most of the text is a page builder's, ASP.NET's
                    # `<form id="aspnetForm">`: layout)
                    continue
                if name == "a":
                    href = attrs.get("href")
                    if isinstance(href, str):
                        self.hrefs.append(href)
                    self.link_chars += len(child.get_text().strip())
                if attrs:
                    hidden_email = attrs.get("data-email") or attrs.get("data-mail")
                    if isinstance(hidden_email, str):
                        self.hrefs.append(f"mailto:{hidden_email}")
                if name in TURN_LETTER_TAGS and self._turn_letter(child):
                    # "<span>Q</span>What…?": the letter marks the turn, as "Q:" would
                    add_text(f"{child.get_text().strip()}: ")
                    add_bold(bold)
                    continue
                if name in LABEL_TAGS and _is_label_cell(child):
                    # a grid of <span>Tel.</span><span>02 …</span>: each label starts a line of
                    # its own
                    label = normalize_text(child.get_text()).rstrip(" :")
                    add_text(f"\n{label}: ")
                    add_bold(bold)
                    continue
                if name in BLOCK_TAGS:
                    if self.texts:
                        self.flush(block_tag, role, quoted, node)
                    else:
                        self.link_chars = self._in_link = 0  # what flush does with nothing to flush
                    sparse = name in _SPARSE_TAGS and not self._data_depth
                    if name in _DATA_TAGS:
                        self._data_depth += 1
                    stack.append(
                        (
                            child,
                            iter(child.contents),
                            name,
                            roles.get(id(child), role),
                            bold,
                            quoted or name in QUOTING_TAGS,
                            True,
                            len(self.blocks),
                            self._elements if sparse else None,
                        )
                    )
                else:
                    if (self.split_inline and self._field_break(child, bold)) or (
                        self.texts and glued_item(child, self.texts[-1])
                    ):
                        # BEM parts and links of a contact card (`<span class="x__name">A</span>
                        # <span class="x__role">B</span><a href="mailto:…">`), and the element
                        # after a bold name (`<strong>A</strong> <span>B</span>`), are laid out
                        # as lines; so are the items of a row glued in the source (`glued_item`)
                        add_text("\n")
                        add_bold(bold)
                    if name == "a":
                        self._link_depth += 1
                    stack.append(
                        (
                            child,
                            iter(child.contents),
                            block_tag,
                            role,
                            bold or name in BOLD_TAGS,
                            quoted,
                            False,
                            None,
                            None,
                        )
                    )
                break
            else:
                stack.pop()
                if node.name == "a" and not is_block:
                    self._link_depth -= 1
                if is_block:
                    if self.texts:
                        self.flush(block_tag, role, quoted, node)
                    else:
                        self.link_chars = self._in_link = 0  # what flush does with nothing to flush
                    if node.name in _DATA_TAGS and node is not root:
                        self._data_depth -= 1
                    if start is not None and not self.split_inline:
                        # (most blocks hold a line or two: too few for either, asked here
                        # rather than by a call for each)
                        count = len(self.blocks) - start
                        if count >= MIN_WIDGET_BLOCKS:
                            self._mark_widget(start)
                        if elements is not None and count >= MIN_SPARSE_BLOCKS:
                            self._mark_sparse(start, elements)
        return self.blocks


#: A widget (a video player's settings, a gallery's controls) shows at least this many lines...
MIN_WIDGET_BLOCKS = 4
#: ...of a few words each on average (a button, a label, a setting): a line of running text
#: runs to a sentence, a hundred characters or more.
MAX_WIDGET_MEAN_CHARS = 24
_DATA_TAGS = frozenset(("table", "ul", "ol", "dl"))
#: A component spread over bare containers shows at least this many lines (a gallery: a
#: control, a title, a caption, a credit)...
MIN_SPARSE_BLOCKS = 4
#: ...and holds fewer characters than this per element it is built of: a paragraph holds a
#: hundred or more in one or a few elements, a gallery's or player's markup a handful in each.
MAX_SPARSE_DENSITY = 12
#: The bare containers a component is built of (lists and tables are data, never one).
_SPARSE_TAGS = frozenset(("div", "section", "figure"))
#: Lines of a widget: bare divs, or paragraphs (a chart's labels drawn as `<p>`s: "$915",
#: "billion", "’17").
_BARE_TAGS = frozenset(("div", "p"))
#: A phone number has this many digits at least; a chart's labels or a gallery's counter fewer.
_PHONE_DIGITS = 8
_DIGIT = re.compile(r"\d")


def _channel_like(block: Block) -> bool:
    """A line holding an email address, a phone number or a mailto:/tel: link."""
    return (
        "@" in block.text
        or len(_DIGIT.findall(block.text)) >= _PHONE_DIGITS
        or any(h.startswith(("mailto:", "tel:")) for h in block.hrefs)
    )


#: Inline elements that may hold an interview turn's letter ("<span class="label">Q</span>").
TURN_LETTER_TAGS = frozenset({"span", "strong", "b", "label", "small", "em", "i"})
#: The labels that mark a question (Q, V for vraag, "Question", "Vraag") or an answer (A, R for
#: réponse, "Antwoord") when set apart in an element of their own (a letter, a badge
#: `<span class="badge">Vraag</span>`), the turn labels of the vocabulary, in upper case; the
#: interview step reads them as "Q:" and "Vraag:". Those of the languages read for an interview's
#: words only (`lexicon.MORE_LANGUAGES`: "D", "P") are left out: a letter set apart is a drop
#: cap as often ("<span class=dropcap>D</span>IE STADT"), and there they label turns with a colon.
TURN_LETTERS = frozenset(
    label.upper()
    for key in ("question_turn_labels", "answer_turn_labels")
    for label in lexicon.words(key, folded=False, more_languages=False)
)


#: Inline elements that may hold a field label of their own ("Tél.", "E-mail").
LABEL_TAGS = frozenset({"span", "label", "small"})


def _is_label_cell(tag: Tag) -> bool:
    """An inline element holding nothing but a contact field label, its value beside it."""
    text = tag.string
    if text is None or len(text) > 30:
        return False
    labelled = field_label(normalize_text(text))
    return labelled is not None and labelled[1] == ""


def content_blocks(
    root: Tag,
    config: ExtractConfig,
    roles: dict[int, tuple[str, Tag]],
    *,
    split_inline: bool = False,
    holder: Tag | None = None,
) -> list[Block]:
    """The blocks of `root`, in reading order, up to a heading that starts the related list.

    `roles` maps `id(element)` to a (role, element) pair: every block inside such an element
    carries that role, so later steps can set the lead or the contact blocks apart.
    `split_inline` (for contact blocks) starts a new line at a classed inline element glued to
    the text before it. `holder`: the text's container inside `root`, never furniture.
    """
    return _Walker(config, roles, split_inline, holder).walk(root)


#: Elements opening `<body>` (before the one holding the headline) looked at for a consent
#: banner: a cookie banner comes first in the page's source, before the site's header.
CONSENT_REACH = 3
#: A consent banner is a sentence or two and its buttons ("We use cookies to … Accept
#: Decline"); an element before the headline with more text is a page's header or an intro.
MAX_CONSENT_CHARS = 600
#: A banner offers a choice: two controls at least (accept, decline or settings), or one
#: that a choice word of the vocabulary names ("OK, I accept" banners: "Accepter").
MIN_CONSENT_CHOICES = 2
#: A banner is a sentence, a link to the policy and its controls (a consent platform's banner
#: wraps them in a few dozen elements): an element opening the page with more inside is a
#: section of it, and is not searched (a page nested a hundred thousand levels deep is read in
#: one bounded walk, not one search per level).
MAX_CONSENT_ELEMENTS = 150
#: Controls a consent banner's choices are set in (a `<button>`, an `<input type=button>`).
_CONTROL_TAGS = frozenset(("button", "input"))
_CONTROL_INPUTS = frozenset(("button", "submit"))


def consent_banners(body: Tag | None, headline: Tag | None) -> list[Tag]:
    """The cookie/consent banners opening `body`: of the first `CONSENT_REACH` elements of
    `body` (or of its wrapper holding the headline) before the one holding `headline`, those
    outside the site's header with little text (`MAX_CONSENT_CHARS`) holding a sentence and a
    choice: `MIN_CONSENT_CHOICES` controls (buttons), or one line that is a choice word of the
    vocabulary's `consent_choices` ("Accepter", "Weigeren"). Site furniture: never the
    article's lead, body or sector, whatever their classes say."""
    found: list[Tag] = []
    container = body
    holding = {id(p) for p in headline.parents} if headline is not None else set()
    for _ in range(2):  # `<body>`, then a wrapper opening it that holds the headline
        if container is None:
            break
        holder = None
        children = [c for c in container.children if isinstance(c, Tag)]
        for child in children[:CONSENT_REACH]:
            if child is headline or id(child) in holding:
                holder = child
                break
            if _consent_banner(child):
                found.append(child)
        if found or holder is None or holder is not children[0]:
            break
        container = holder
    return found


def _consent_banner(tag: Tag) -> bool:
    """True when `tag` (an element opening the page) is a consent banner: see
    `consent_banners`."""
    if tag.name in ("header", "nav", "main", "article", "script", "style", "noscript"):
        return False
    elements = list(islice(tags_below(tag), MAX_CONSENT_ELEMENTS + 1))
    if len(elements) > MAX_CONSENT_ELEMENTS:
        return False
    if text_longer_than(tag, MAX_CONSENT_CHARS) or any(e.name == "h1" for e in elements):
        return False
    choices = lexicon.words("consent_choices")
    controls: list[Tag] = []
    named = False  # a control's text is a choice word ("Accept", "Weigeren")
    for element in elements:
        name = element.name
        if name in _CONTROL_TAGS:
            if name != "button" and str(element.get("type") or "").lower() not in _CONTROL_INPUTS:
                continue
        elif element.get("role") != "button" and any(
            isinstance(child, Tag) for child in element.children
        ):
            continue  # a wrapper: its leaves are read
        text = fold(normalize_text(element.get_text(" ") or str(element.get("value") or "")))
        if text in choices:
            named = True
        elif name not in _CONTROL_TAGS and element.get("role") != "button":
            continue  # a leaf of other words: the message, a link to the policy
        controls.append(element)
    if not named and len(controls) < MIN_CONSENT_CHOICES:
        return False
    # the message beside the choices: a sentence (the text outside the controls ends one)
    message = " ".join(
        s for s in tag.find_all(string=True) if not any(p is c for c in controls for p in s.parents)
    )
    return normalize_text(message).rstrip(' »”"').endswith((".", "!", "?", "…"))
