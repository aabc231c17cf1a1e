"""What kind of block a paragraph is, by its markup: its element, class, parent and emphasis."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bs4 import NavigableString, PageElement, Tag

from scraper import lexicon
from scraper.extract.blocks import BLOCK_TAGS, Block
from scraper.extract.selectors import class_string
from scraper.extract.treewalk import (
    all_strings_in,
    first_named,
    first_stripped_string,
    next_tags,
    previous_tag,
    tags_named,
    text_length,
    text_longer_than,
)

#: Inline elements that set a whole paragraph in italics (an editor's note, a credit line).
_EMPHASIS = frozenset(("em", "i"))
#: Inline elements that set a whole paragraph apart from the text: italics or bold (a standfirst).
EMPHASIS_OR_BOLD = frozenset(("em", "i", "b", "strong"))
#: Tags whose cells hold numbers by nature: a figure there is data, not a counter.
_DATA_CELLS = frozenset(("td", "th", "li", "dd", "pre"))

BlockKind = tuple[str, str, int, bool]


def _block_element(block: Block) -> Tag | None:
    element = block.element
    while element is not None and element.name not in BLOCK_TAGS:
        element = element.parent
    return element


def _wholly_emphasised(element: Tag, emphasis: frozenset[str] = _EMPHASIS) -> bool:
    """True when every word of `element` sits inside `<em>`/`<i>` (an italic editor's line), or
    inside one of the `emphasis` elements given."""
    seen = False
    for string in all_strings_in(element):
        if not isinstance(string, NavigableString) or not string.strip():
            continue
        parent = string.parent
        while parent is not None and parent is not element and parent.name not in emphasis:
            parent = parent.parent
        if parent is None or parent is element:
            return False
        seen = True
    return seen


def wholly_emphasised(element: Tag) -> bool:
    """True when every word of `element` is set in italics or bold (`EMPHASIS_OR_BOLD`)."""
    return _wholly_emphasised(element, EMPHASIS_OR_BOLD)


def block_kind(block: Block) -> BlockKind | None:
    """The block's element name, class, parent element and whether it is all in italics: the
    paragraphs of one answer, or of one interview, share a kind; an editorial line after the
    interview, a paragraph outside the interview's container or a share bar does not."""
    element = _block_element(block)
    if element is None:
        return None
    return (
        element.name,
        class_string(element),
        id(element.parent),
        _wholly_emphasised(element),
    )


def is_number_only(block: Block) -> bool:
    """A block of digits and separators alone ("42", "1 284"), outside a table or a list: a
    share or view counter standing on its own."""
    text = block.text
    return (
        block.tag not in _DATA_CELLS
        and not any(c.isalpha() for c in text)  # first: prose answers at its first letter
        and any(c.isdigit() for c in text)
    )


#: A photo credit is a name and a label ("Foto: Jan Peeters", "© Belga / Eric Lalmand"); a
#: caption's own sentence set apart runs longer.
MAX_CREDIT_CHARS = 80


def caption_credit(block: Block) -> str | None:
    """The photo credit closing a figure's caption: the caption's last element, after some
    caption text of its own (`<figcaption>The plant. <span>Photo: J. Peeters</span>`), as
    its text; None when the block is no caption or the caption has no element apart."""
    element = block.element
    if element is None:
        return None
    caption = element if element.name == "figcaption" else _figcaption_around(element)
    if caption is None:
        return _bare_figure_credit(element)
    parts = [c for c in caption.contents if not (isinstance(c, NavigableString) and not c.strip())]
    last = parts[-1] if len(parts) > 1 else None
    # an inline element (`<span>`, `<small>`, `<cite>`): a caption's second paragraph is text
    if not isinstance(last, Tag) or last.name in BLOCK_TAGS or last.name in ("a", "br", "img"):
        return None
    # the caption's own text: bare or in a paragraph; a label and a text in two spans
    # (`<span>Media caption</span> <span>Barack Obama: …</span>`) hold no credit
    credit = " ".join(last.get_text(" ").split())
    if (
        not credit.startswith("©")
        and not any(  # "© Name" is a credit in any span
            isinstance(c, NavigableString) or (isinstance(c, Tag) and c.name in BLOCK_TAGS)
            for c in parts[:-1]
        )
        and not _name_after_caption_sentence(parts[:-1], credit)
    ):
        return None
    if not credit or len(credit) > MAX_CREDIT_CHARS:
        return None
    return credit


_SENTENCE_ENDS = (".", "!", "?", "…")


def _name_after_caption_sentence(before: Sequence[PageElement], credit: str) -> bool:
    """The caption's sentence in an inline element of its own, then a short line that is no
    sentence (`<span>The tram at the station.</span><span>JOHN DOE</span>`): the photographer's
    name set apart. A label and a text in two spans ("Media caption" then "Barack Obama: …")
    has no sentence before its last span, and a last span writing a sentence is caption text."""
    caption = " ".join(c.get_text(" ") if isinstance(c, Tag) else str(c) for c in before).strip()
    return caption.endswith(_SENTENCE_ENDS) and not credit.endswith(_SENTENCE_ENDS)


def figure_line_beside_caption(block: Block) -> bool:
    """A short line (`MAX_CREDIT_CHARS`) of a `<figure>` outside its `<figcaption>` (read from
    the figure or an element in it, `CAPTION_CLIMB` levels at most): the picture's source or
    credit ("Image source, Getty Images", "Foto ANP"), the caption being the figcaption."""
    node = block.element
    if node is None or len(block.text) > MAX_CREDIT_CHARS:
        return False
    for _ in range(CAPTION_CLIMB + 1):
        if node is None or node.name in ("figcaption", "body", "html", "article", "main"):
            return False
        if node.name == "figure":
            return first_named(node, "figcaption") is not None
        node = node.parent
    return False


def _figcaption_around(element: Tag) -> Tag | None:
    """The `<figcaption>` holding `element`, if any (a plain walk up: `find_parent` builds a
    matcher per call, and this runs for every block; the `.parent` links followed by hand, as
    `element.parents` would, without its generator)."""
    parent = element.parent
    while parent is not None:
        if parent.name == "figcaption":
            return parent
        parent = parent.parent
    return None


#: What a figure shows rather than says: passed over when reading a figure's text.
_MEDIA = frozenset(("img", "picture", "video", "audio", "iframe", "svg", "source", "a"))


def _bare_figure_credit(element: Tag) -> str | None:
    """The photo credit of a figure without a `<figcaption>`: its last inline element after the
    picture (`<figure><img><small>Foto: J. Peeters</small></figure>`), short and not a sentence
    (a caption set in a bare `<span>` reads as one: "The plant in Anderlecht."), alone or after
    the caption's own text."""
    figure = element if element.name == "figure" else None
    if figure is None or first_named(figure, "figcaption") is not None:
        return None
    parts = [
        c
        for c in figure.contents
        if not (isinstance(c, NavigableString) and not c.strip())
        and not (isinstance(c, Tag) and c.name in _MEDIA)
    ]
    last = parts[-1] if parts else None
    if not isinstance(last, Tag) or last.name in BLOCK_TAGS or last.name == "br":
        return None
    credit = " ".join(last.get_text(" ").split())
    if not credit or len(credit) > MAX_CREDIT_CHARS or credit.endswith((".", "!", "?")):
        return None
    return credit


#: Levels climbed from a block to the `<figure>` or `<figcaption>` around it: the caption's own
#: wrappers (`<figcaption><div><p>…`); further up is the page's layout, not the figure.
CAPTION_CLIMB = 4
#: Wrappers of a picture on its own line (`<p><img></p>`, `<a><img></a>`), a `<figure>` holding
#: only its picture among them (`<figure><img></figure><p>caption. Photo: X</p>`: the caption
#: set under the figure, not in it).
_PICTURE_LINE = frozenset(("p", "div", "a", "span", "picture", "figure"))


#: A picture's elements: an image, its sources, or an AMP page's image.
_PICTURES = frozenset(("img", "picture", "amp-img"))


def picture_only(element: Tag) -> bool:
    """A picture on a line of its own: an image, or a wrapper holding one and no text.

    The text is asked first, and only up to its first word (`first_stripped_string`, as
    `get_text(strip=True)` reads them): the element before a block is most often a paragraph,
    which ends the question there, where a search for a picture walks all of it (and through
    `Tag.find`'s matcher, built anew for each call)."""
    if element.name in _PICTURES:
        return True
    return (
        element.name in _PICTURE_LINE
        and first_stripped_string(element) is None
        and next(tags_named(element, _PICTURES), None) is not None
    )


def is_caption(block: Block) -> bool:
    """A figure's caption: a `<figcaption>`, a block inside a `<figure>`, or a paragraph wholly in
    italics right under a picture on its own line (`<p><img></p><p><em>…</em></p>`). It says
    what the picture shows; it is never the standfirst.

    Worked out once per block (kept in the block's `__dict__`, as its `text` is): the lead, the
    body and the dates each ask it of the same blocks, and a block's element and lines never
    change (a step that rewrites them makes a new block)."""
    known = block.__dict__.get("_is_caption")
    if known is None:
        known = block.__dict__["_is_caption"] = _is_caption(block)
    return known


def _is_caption(block: Block) -> bool:
    element = _block_element(block)
    if element is None:
        return False
    node: Tag | None = element
    for _ in range(CAPTION_CLIMB + 1):
        if node is None or node.name in ("body", "html", "article", "main"):
            break
        if node.name in ("figure", "figcaption"):
            return True
        node = node.parent
    if _wholly_emphasised(element, _CAPTION_EMPHASIS) and _under_picture(element):
        return True
    # (an emphasised line under no picture of its own line may still open with one and close
    # with a credit: `<p><img><br><em>Le salon Foodex. Photo : JMA</em></p>`, asked below)
    if _set_apart_under_picture(element, block.text):
        return True
    return _credited_caption(block.text) and (
        _under_picture(element) or _opens_with_picture(element)
    )


#: Inline elements setting a whole line under a picture apart as its caption: italics, or the
#: small print (`<p><small>The tram at the station.</small></p>`).
_CAPTION_EMPHASIS = frozenset(("em", "i", "small"))
#: A caption without a `<figure>` says what the picture shows in one sentence; a block of two
#: sentences or more under a picture is the text's (a standfirst, a first paragraph).
MAX_CAPTION_SENTENCES = 1
_SENTENCE_BREAK = re.compile(r"[.!?…][\"')»”’]*\s+(?=[\"'(«“‘]?[A-ZÀ-Ý0-9])")


def _set_apart_under_picture(element: Tag, text: str) -> bool:
    """A caption without a `<figure>` (an AMP or classic WordPress page): a block of one sentence
    (`MAX_CAPTION_SENTENCES`, `MAX_CAPTION_CHARS`) right under a picture on a line of its own,
    set apart from the paragraph after it by its markup (another element or class:
    `<img><p class="caption">…</p><p>…`) and shorter than it, or alone with the picture in
    their wrapper (`<div><img><p>…</p></div>`). A paragraph like the ones after it, or longer
    than them, is the text's first."""
    if len(text) > MAX_CAPTION_CHARS or not _under_picture(element):
        return False
    if len(_SENTENCE_BREAK.findall(text)) >= MAX_CAPTION_SENTENCES:
        return False
    after = next(next_tags(element), None)
    if after is None:
        before = previous_tag(element)
        return before is not None and previous_tag(before) is None
    return (
        after.name == "p"
        and (after.name, class_string(after)) != (element.name, class_string(element))
        and text_longer_than(after, len(text))
    )


def _under_picture(element: Tag) -> bool:
    """A picture on a line of its own right above `element`, or above the wrapper `element` is
    alone in (`<div><img></div><div><p>The tram. (Photo: X)</p></div>`, `CAPTION_CLIMB` levels
    at most): the caption's box set under the picture's."""
    node: Tag | None = element
    for _ in range(CAPTION_CLIMB):
        if node is None or node.name in TEXT_HOLDERS:
            return False
        before = previous_tag(node)
        if before is not None:
            return picture_only(before)
        if next(next_tags(node), None) is not None:
            return False  # the first of several in its wrapper: nothing above it there
        node = node.parent
    return False


#: Elements that hold the text itself: never a caption's wrapper, nor a sponsor box.
TEXT_HOLDERS = frozenset(("article", "main", "body", "html"))


def _opens_with_picture(element: Tag) -> bool:
    """The element's first content is a picture (`<p><img><br>The tram. Photo: X</p>`)."""
    for child in element.contents:
        if isinstance(child, Tag):
            return picture_only(child)
        if isinstance(child, NavigableString) and child.strip():
            return False
    return False


#: A picture's caption is a sentence or two and a credit; a box holding more text is text.
MAX_CAPTION_CHARS = 300


def _credited_caption(text: str) -> bool:
    """A short text (`MAX_CAPTION_CHARS`) closing with a photo credit ("… Foto: Jan Peeters",
    "… (Beeld: Belga)", "… © J. Doe"): a caption, when a picture is right above it, even set
    in a plain paragraph."""
    # each credit holds a colon or a "©" (`inline_credit`): most texts have neither, and the
    # pattern, which opens with a lookbehind or a space, is tried at each of their characters
    return (
        len(text) <= MAX_CAPTION_CHARS
        and (":" in text or "©" in text)
        and inline_credit().search(text) is not None
    )


@lru_cache(maxsize=1)
def inline_credit() -> re.Pattern[str]:
    """A credit written in the caption's own text: after its last sentence, a label of the
    vocabulary's `credit_labels` and a colon or "©", or "©" alone, then a name (`MAX_CREDIT_CHARS`,
    initials with their dots: "Photo: J. Smith"); or the same in brackets closing the caption ("De
    tram aan het station (Beeld: Belga)") or after a dash ("… – Photo : Jean Dupont")."""
    labels = "|".join(
        re.escape(w)
        for w in sorted(lexicon.words("credit_labels", folded=False), key=len, reverse=True)
    )
    # a label then a colon or "©" ("Photo : …", "Photo © …"), or "©" alone
    credit = rf"(?:(?:{labels})\s*[:©]|©)\s*"
    # the name: no sentence's end, but the dot of an initial ("J. Smith", "Belga/J.-P. Dubois")
    initial = r"(?<=\b\w)\."
    return re.compile(
        rf"(?<=[.!?…])\s+[(\[]?\s*{credit}(?:[^.!?]|{initial}){{1,{MAX_CREDIT_CHARS}}}$"
        rf"|\s+[(\[]\s*{credit}(?:[^.!?()\[\]]|{initial}){{1,{MAX_CREDIT_CHARS}}}[)\]]$"
        # or set off by a dash or a bar ("Le port de Houston – Photo : Jean Dupont")
        rf"|\s+[-–—|·]\s+{credit}(?:[^.!?]|{initial}){{1,{MAX_CREDIT_CHARS}}}$"
        # "©" marks the credit wherever it stands in a caption: no caption text follows one
        # ("Le port de Houston © Jean Dupont / Belga")
        rf"|\s+(?:(?:{labels})\s*)?©\s*(?:[^.!?©]|{initial}){{1,{MAX_CREDIT_CHARS}}}$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _credit_label() -> re.Pattern[str]:
    """A line opening with a label of the vocabulary's `credit_labels` and a colon or "©" ("Photo
    © Name"), or "©", the whole credit perhaps in brackets ("(Photo: Special arrangement)"), or
    with one of its `credit_by_labels` and a name ("Foto di Marco Rossi")."""
    labels = "|".join(
        re.escape(w)
        for w in sorted(lexicon.words("credit_labels", folded=False), key=len, reverse=True)
    )
    # or a label naming the author with a preposition, then the name ("Foto di Marco Rossi")
    by = lexicon.alternation("credit_by_labels")
    return re.compile(rf"[(\[]?\s*(?:(?:{labels})\s*[:©]|©|(?:{by})\s+\w)", re.IGNORECASE)


def image_credit(block: Block) -> bool:
    """A photo credit in an element of its own attached to an image ("© Name", "Foto: Name"):
    a short line (`MAX_CREDIT_CHARS`, no sentence) opening with a credit label or "©", inside
    a figure or right after a picture on a line of its own."""
    element = block.element
    text = block.text
    if element is None or len(text) > MAX_CREDIT_CHARS or not _credit_label().match(text):
        return False
    # a credit set in italics may close with a full stop ("Photo : Jean Dupont."); a plain line
    # ending like a sentence is the text's
    if text.endswith((".", "!", "?")) and not wholly_emphasised(element):
        return False
    return is_caption(block) or _beside_picture(element) or _under_own_picture(element)


def _under_own_picture(element: Tag) -> bool:
    """`element` opens with a picture on a line of its own, its words set under it
    (`<p><img><br><em>Photo : X</em></p>`): the line is the picture's."""
    for node in element.children:
        if isinstance(node, Tag):
            if node.name == "br":
                continue
            return picture_only(node)
        if str(node).strip():
            return False
    return False


def _opens_block_after_picture(element: Tag) -> bool:
    """`element` opens its block (the first element of its wrappers, `CAPTION_CLIMB` levels at
    most), and the block just before holds a picture and no text: a page builder's blocks set
    the picture and the credit under it in two blocks side by side."""
    node = element
    for _ in range(CAPTION_CLIMB):
        parent = node.parent
        if parent is None or parent.name in ("body", "html", "article", "main"):
            return False
        node = parent
        before = previous_tag(node)
        if before is not None:
            return before.name == "figure" or picture_only(before) or _picture_block(before)
    return False


def _picture_block(element: Tag) -> bool:
    """A block holding a picture (an image, perhaps in a `<figure>`) and no text."""
    # the text first, up to its first word: most blocks have some (see `picture_only`)
    return first_stripped_string(element) is None and first_named(element, "img") is not None


def _beside_picture(element: Tag) -> bool:
    """`element` follows a picture: a picture on a line of its own, a `<figure>`, or a caption
    line (`MAX_CAPTION_CHARS`) right under a picture (`<img><div>Caption</div><div>Credit</div>`);
    or, opening the content block right after the picture's block, the credit of that picture
    (`<div class=image><img></div><div class=text><p><em>Foto: X</em></p><p>…`)."""
    before = previous_tag(element)  # `find_previous_sibling()`, without bs4's matcher
    if before is None:
        return _opens_block_after_picture(element)
    if before.name == "figure" or picture_only(before):
        return True
    earlier = previous_tag(before)
    return (
        earlier is not None
        and picture_only(earlier)
        and text_length(before) <= MAX_CAPTION_CHARS
        and first_named(before, "p") is None
    )
