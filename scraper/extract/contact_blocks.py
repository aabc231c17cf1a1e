"""Where the article's contacts sit: the outermost block that holds one person and their channels.

A contact block is found by structure first: from each channel (a `mailto:`/`tel:` link, an email
address in the text) the walk climbs to the largest element that still holds one person's
channels and no running text. The profile's contact selectors add evidence: the outermost match
is the block (the classes of its children, `contact-card__phone`, never make blocks of their
own), and a match that holds several people's units is read as those units. Contacts in the
site's frame (its header, footer, `role=contentinfo`) or in the related cards are never the
article's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bs4 import NavigableString, PageElement, Tag

from scraper import lexicon
from scraper.extract.blocks import BLOCK_TAGS
from scraper.extract.body import is_copyright_line
from scraper.extract.config import ExtractConfig
from scraper.extract.contacts import (
    AUTHOR_CREDIT,
    EMAIL,
    HAS_EMAIL,
    HONORIFIC,
    MANY_DIGITS,
    Regions,
    deobfuscate,
    field_parts,
    labelled_channel_only,
    phones_in,
)
from scraper.extract.names import FULL_NAME, is_full_name
from scraper.extract.page import Page
from scraper.extract.tree import SHORT_LINE_CHARS
from scraper.extract.treewalk import all_links_in, first_named, tags_named, text_longer_than
from scraper.lexicon import words_of
from scraper.text import fold, normalize_lines, normalize_text

#: A contact block is short: name, role, address and channels fit in this many characters. A
#: block longer than this is article text that mentions a contact.
MAX_CONTACT_CHARS = 600
#: A paragraph this long with no channel in it is running text: a contact block never holds one.
RUNNING_TEXT_CHARS = 160
#: So is a sentence of this many words (a role line is shorter and ends without a full stop).
RUNNING_TEXT_WORDS = 10
#: How many levels above a channel its block may reach (a card is a few wrappers deep); bounds
#: the climb, so the cost stays linear in page size.
MAX_CLIMB = 6
#: Channels looked at per page: a directory page with thousands of addresses costs no more.
MAX_CHANNELS = 200
#: The people of one block: at most this many distinct email addresses (one person may show
#: two phones, rarely two addresses).
MAX_EMAILS_PER_PERSON = 1
_STOP = frozenset(("body", "html", "[document]"))
#: Elements that may be the article itself: a climb stops below one that holds the article's text
#: or headline, while a card written as an `<article>` inside the text is a block like any other.
_SECTIONING = frozenset(("main", "article"))
#: Siblings looked at beside a block to tell whether it is one of a row of person cards: a
#: directory of thousands of cards costs no more than this per channel.
MAX_UNIT_SIBLINGS = 24
_TEXT_BLOCKS = ("p", "li", "dd", "td", "blockquote")


def _emails(tag: Tag) -> set[str]:
    found = {e.lower() for e in EMAIL.findall(tag.get_text(" "))}
    for link in all_links_in(tag):
        href = str(link["href"])
        if href.lower().startswith("mailto:"):
            found.add(href[7:].split("?")[0].strip().lower())
    return found


#: What may follow a sentence's full stop: closing quotes and brackets, and spaces between.
_CLOSERS = " \u00a0\u202f»”’\"')]"


def _has_running_text(tag: Tag, regions: Regions) -> bool:
    for block in tags_named(tag, _TEXT_BLOCKS):
        text = block.get_text(" ").strip()
        # a sentence may close inside quotes or brackets ("… the big markets. »")
        closed = text.rstrip(_CLOSERS).endswith((".", "!", "?"))
        sentence = len(text.split()) >= RUNNING_TEXT_WORDS and closed
        if (
            (len(text) >= RUNNING_TEXT_CHARS or sentence)
            and not EMAIL.search(text)
            and not phones_in(text, regions)
        ):
            return True
    return False


#: An "@" written as a character reference (`&#64;`, `&#x40;`, `&commat;`, in any case): the
#: letters spelt in both cases rather than `re.IGNORECASE`, so that the scan jumps from "&" to
#: "&" (over the 130 devset pages, 1.4 ms in all against 16 ms for the case-blind pattern, which
#: tries every character).
_AT_REFERENCE = re.compile(r"&(?:#0*64(?!\d)|#[xX]0*40(?![0-9a-fA-F])|[cC][oO][mM][mM][aA][tT])")


def _may_write_at(source: str) -> bool:
    """True when the page's `source` may write an "@": itself or a character reference. A page
    without one has no address in its text, and its whole tree is not walked. The "@" and the
    "&" are looked for first, each in one C-speed scan: most pages with an address, or with a
    stylesheet's "@media", hold an "@"; most small pages hold neither."""
    return "@" in source or ("&" in source and _AT_REFERENCE.search(source) is not None)


#: A line that writes a phone number is short ("Phone: +32 2 422 00 11"): a longer string with
#: a number in it is running text, which `_has_running_text` keeps out of any block anyway.
#: (the parse lists the strings this short that hold a digit: `tree.SHORT_LINE_CHARS`)
MAX_PHONE_LINE_CHARS = SHORT_LINE_CHARS


def _phone_line(string: str, page: Page) -> bool:
    """True for a short string that writes a phone number (a team member's "Phone: +32 2 …"
    line: a channel without a `tel:` link)."""
    return (
        len(string) <= MAX_PHONE_LINE_CHARS
        and MANY_DIGITS.search(string) is not None
        and bool(phones_in(str(string), page.phone_regions))
    )


def _channels(page: Page, phone_lines: set[int]) -> list[Tag]:
    """Elements holding a channel, in document order: mailto:/tel: links, and the elements whose
    own text holds an email address or, on a short line, a phone number (their ids added to
    `phone_lines` when that is all they hold)."""
    found: list[Tag] = []
    seen: set[int] = set()
    for link in page.signals.links:
        # (the first 7 characters lowered: whether the whole lowered href opens with "mailto:"
        # or "tel:" is decided there, and a long href is not lowered whole)
        href = str(link.attrs.get("href") or "")[:7].lower()
        if href.startswith(("mailto:", "tel:")) and id(link) not in seen:
            seen.add(id(link))
            found.append(link)
    # no "@" in the page: no string of its tree holds an address
    may_write_at = page.text is None or _may_write_at(page.text)
    # the strings that can write a channel, as the parse listed them (an "@", or a digit on a
    # short line), else every node of the tree
    strings = page.soup.descendants if page.channel_strings is None else page.channel_strings
    for string in strings:
        # text a reader sees only: an address in a comment or a script is no channel
        if type(string) is not NavigableString:
            continue
        email = may_write_at and "@" in string and HAS_EMAIL.search(string) is not None
        # (the length and digit tests inlined before `_phone_line`: most strings fail them, and
        # this loop sees every string of the page)
        if not email and (
            len(string) > MAX_PHONE_LINE_CHARS
            or not MANY_DIGITS.search(string)
            or not _phone_line(string, page)
        ):
            continue
        parent = string.parent
        if isinstance(parent, Tag) and id(parent) not in seen:
            seen.add(id(parent))
            found.append(parent)
            if not email:
                phone_lines.add(id(parent))
    return found[:MAX_CHANNELS]


def _block_of(channel: Tag, page: Page, headline: Tag | None) -> Tag:
    """The largest element around `channel` that holds one person: short, no running text, at
    most one email address, not the article itself."""
    block = channel
    for depth, parent in enumerate(channel.parents):
        if (
            depth >= MAX_CLIMB
            or parent.name in _STOP
            or (parent.name in _SECTIONING and _holds_article(parent, page))
            or parent is page.root
            or (headline is not None and any(p is parent for p in headline.parents))
            or text_longer_than(parent, MAX_CONTACT_CHARS, " ")
            or len(_emails(parent)) > MAX_EMAILS_PER_PERSON
            or any(_inside(section, parent) for section in page.related_sections)
            or _has_running_text(parent, page.phone_regions)
            or _repeated_person_unit(block)
        ):
            break
        block = parent
    return block


def _holds_article(tag: Tag, page: Page) -> bool:
    """True when `tag` is, or holds, the article's content root (no root: any `<article>`)."""
    root = page.root
    return root is None or root is tag or any(p is tag for p in root.parents)


def _names_person(tag: Tag) -> bool:
    """True when `tag` holds a channel and, outside its channel links, a person's full name on a
    line of its own."""
    return _holds_channel(tag) and _full_name_line(tag)


def _full_name_line(tag: Tag) -> bool:
    """True when `tag` holds, outside its channel links, a person's full name on a line of its
    own."""
    lines = normalize_lines("\n".join(_texts_outside_channel_links(tag)))
    return any(is_full_name(HONORIFIC.sub("", line)) for line in lines)


def _holds_channel(tag: Tag) -> bool:
    for link in all_links_in(tag):
        if str(link["href"]).lower().startswith(("mailto:", "tel:")):
            return True
    return bool(HAS_EMAIL.search(tag.get_text(" ")))


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    return value.split() if isinstance(value, str) else list(value or [])


def _repeated_person_unit(block: Tag) -> bool:
    """True when `block` is one of a row of person cards: it names a person beside a channel, and
    so does a sibling of the same tag and class (two cards side by side, each with only
    `tel:`/`mailto:` links, hold at most one address each: without this, the climb would join
    them)."""
    if block.name == "a" or not _names_person(block):
        return False
    classes = set(_classes(block))
    seen = 0
    for siblings in (block.next_siblings, block.previous_siblings):
        for sibling in siblings:
            if not isinstance(sibling, Tag) or sibling.name != block.name:
                continue
            if classes != set(_classes(sibling)) and not classes & set(_classes(sibling)):
                continue  # a card's own parts (`card__head`, `card__foot`) are no row of cards
            if _names_person(sibling):
                return True
            seen += 1
            if seen >= MAX_UNIT_SIBLINGS:
                return False
    return False


#: A name or role line is short: at most this many words.
MAX_NAME_LINE_WORDS = 10


def _texts_outside_channel_links(block: Tag) -> list[str]:
    """The block's visible strings, without the texts of its mailto:/tel: links ("Bel Koen" names
    no one beside the number it hides)."""
    texts = []
    # plain walks for `find_all(string=True)` and `find_parent("a")` (bs4 runs its matcher on
    # every node and every ancestor)
    for string in block.descendants:
        if type(string) is not NavigableString:
            continue  # a comment ("AUTHOR-DATA-MARKER-BEGIN") is no line a reader sees
        link = next((p for p in string.parents if p.name == "a"), None)
        href = str(link.get("href") or "").lower() if link is not None else ""
        if not href.startswith(("mailto:", "tel:")) and not (
            link is not None and link.get("data-email")
        ):
            texts.append(str(string))
    return texts


def _named(block: Tag, page: Page) -> bool:
    """True when the block holds a line besides its channels that could name a person or a role:
    short, no question or exclamation (an invitation to write is no contact), not the site's
    own name."""
    lines = normalize_lines("\n".join(_texts_outside_channel_links(block)))
    # "Contact: Sarah Peeters — Project manager — +32 … — x@y": each field is a line of its own
    lines = [part.strip() for line in lines for part in field_parts(line)]
    return any(
        len(line) > 2
        and len(line.split()) <= MAX_NAME_LINE_WORDS
        and not EMAIL.search(line)
        and not phones_in(line, page.phone_regions)
        and "?" not in line
        and "!" not in line
        and not page.names_site(line)
        for line in lines
    )


def _inside(tag: PageElement, outer: Tag) -> bool:
    return tag is outer or any(p is outer for p in tag.parents)


#: Class words of the site's frame; class names are markup conventions, the same in every
#: language of the text (see `scraper.linkrules._NAVIGATION`), not vocabulary.
_FRAME_WORDS = re.compile(r"(^|[\s_-])(footer|site-info|colophon|masthead|site-header)([\s_-]|$)")


_FOOTER_WORD = re.compile(r"(^|[\s_-])footer([\s_-]|$)")


def in_article_footer(tag: Tag, page: Page) -> bool:
    """True inside the article's own footer: a `<footer>` (or an element classed as one,
    `post-footer`, `entry-footer`) within the `<article>` around the headline and text. A footer
    is its nearest sectioning ancestor's (HTML), so this one is the post's, not the site's."""
    scope = page.article_scope()
    if scope is None or scope.name != "article":
        return False
    footer = False
    for node in [tag, *tag.parents]:
        if node is scope:
            return footer
        if node.name in ("nav", "aside") or node.get("role") == "navigation":
            return False  # the post's share or tag links, a sidebar: not its footer
        classes = node.get("class")
        marks = f"{classes if isinstance(classes, str) else ' '.join(classes or [])}"
        if node.name == "footer" or _FOOTER_WORD.search(marks.lower()):
            footer = True
    return False


def _outside_article(tag: Tag, page: Page) -> bool:
    """In the site's frame, its footer or the related cards: never an article contact (the
    article's own footer is the article's)."""
    if page.in_related(tag):
        return True
    if in_article_footer(tag, page):
        return False
    if page.in_site_frame(tag) or _in_site_footer(tag, page):
        return True
    for node in [tag, *tag.parents]:
        if not isinstance(node, Tag):
            continue
        classes = node.get("class")
        marks = f"{classes if isinstance(classes, str) else ' '.join(classes or [])} {node.get('id') or ''}"
        if _FRAME_WORDS.search(marks.lower()):
            return True
    return False


def _in_site_footer(tag: Tag, page: Page) -> bool:
    """True in the site's footer written without footer markup (a `<div>`): outside the article
    (its `<article>`/`<main>`, or its content root), in the largest element beside it that holds
    the site's copyright line, or after the page's `<main>` outside any sidebar."""
    scope = page.article_scope()
    if scope is None or scope.name in _STOP:
        return False
    parents = list(tag.parents)
    if any(p is scope for p in parents):
        return False
    main = next((p for p in [scope, *scope.parents] if p.name == "main"), None)
    if main is not None and not any(p is main for p in parents):
        if _follows(tag, main) and not any(p.name == "aside" for p in [tag, *parents]):
            return True
    top = tag
    above_scope = {id(p) for p in scope.parents}  # asked of each parent: one climb, not one each
    for parent in parents:
        if parent.name in _STOP or id(parent) in above_scope:
            break
        top = parent
    found = page.copyright_boxes.get(id(top))
    if found is None:
        found = page.copyright_boxes[id(top)] = any(
            is_copyright_line(line.strip())
            for line in top.get_text("\n").splitlines()
            if len(line) <= MAX_CONTACT_CHARS
        )
    return found


def _follows(tag: Tag, other: Tag) -> bool:
    """True when `tag` (not inside `other`) comes after `other` in the document: compared where
    their ancestors meet, without walking the elements between them."""
    lineage = {id(p): p for p in [other, *other.parents]}
    child = tag
    while child.parent is not None and id(child.parent) not in lineage:
        child = child.parent
    parent = child.parent
    if parent is None:
        return False
    mine = next(c for c in [other, *other.parents] if c.parent is parent)
    return parent.index(child) > parent.index(mine)


def _byline(channel: Tag) -> bool:
    """True when the channel's line credits the author ("Par Jean Dupont, journaliste"): a byline
    is no contact."""
    line = channel
    while line.name not in BLOCK_TAGS and isinstance(line.parent, Tag):
        line = line.parent
    return bool(AUTHOR_CREDIT.match(line.get_text(" ").strip()))


def _site_identity(channel: Tag, page: Page) -> bool:
    """True when the channel's line is the site's own ("hub.brussels · info@hub.brussels")."""
    line = channel
    while line.name not in BLOCK_TAGS and isinstance(line.parent, Tag):
        line = line.parent
    return page.names_site(line.get_text(" ").strip())


def person_blocks(page: Page) -> list[Tag]:
    """One block per person found by structure (see the module docstring), in document order."""
    headline = next(iter(page.signals.h1s), None)
    blocks: list[Tag] = []
    phone_lines: set[int] = set()
    for channel in _channels(page, phone_lines):
        if _outside_article(channel, page) or _site_identity(channel, page) or _byline(channel):
            continue
        block = _block_of(channel, page, headline)
        if id(channel) in phone_lines and not _full_name_line(block):
            # a number alone beside no one's name (the site's "Street 1 · +32 …" footer line,
            # written in a plain `<div>`) is read as a line of text, not as a person's block
            continue
        if (
            block.name in _TEXT_BLOCKS
            and block.parent is page.root
            and labelled_channel_only(normalize_text(block.get_text(" ")), page.phone_regions)
        ):
            # a channel's line among the text's own lines ("Phone: 02 800 40 00" after the name,
            # role and address lines): read with the lines before it, as a run of the text
            # (`contacts.contact_runs`), not as a block of no one
            continue
        if _one_of_flat_people(block, page):
            continue  # read with the name and role lines before it, as a run of the text
        if _sentence_with_address(block, page):
            continue  # "… please email x@y for more information.": a line of the text
        if any(_inside(block, b) for b in blocks):
            continue
        blocks = [b for b in blocks if not _inside(b, block)] + [block]
    return [b for b in blocks if _named(b, page)]


def _sentence_with_address(block: Tag, page: Page) -> bool:
    """True when `block` is running text that writes a channel in its course ("Members can join
    the working group, please email x@y for more information.", "Questions? Contact the warden,
    Karin Mulder, on 038 … or k.mulder@…"): a paragraph of the text inviting the reader to write
    or call, not a person's card (a name, a role, channels, each on a line of its own). It holds
    at least `RUNNING_TEXT_WORDS` words and closes with a full stop; when it writes a phone
    number too, as many words besides its channels (a card on one line, "Karin Mulder,
    wijkbeheerder, 038 …, k.mulder@…", is its channels and a few words)."""
    lines = normalize_lines(block.get_text(" "))
    if len(lines) != 1 or _full_name_line(block):
        return False
    text = lines[0]
    if len(text.split()) < RUNNING_TEXT_WORDS or not text.rstrip(_CLOSERS).endswith(
        (".", "!", "?")
    ):
        return False
    return not phones_in(text, page.phone_regions) or _words_beside_channels(text) >= (
        RUNNING_TEXT_WORDS
    )


def _words_beside_channels(text: str) -> int:
    """The words of `text` outside its email addresses and numbers (a phone's pieces)."""
    return sum(
        1
        for word in EMAIL.sub(" ", text).split()
        if any(c.isalpha() for c in word) and not any(c.isdigit() for c in word)
    )


def _one_of_flat_people(block: Tag, page: Page) -> bool:
    """True when `block` is a channel's line naming no one, among the lines of several people
    written flat in one container (`<h4>Name</h4><p>Role</p><p>Email: …</p><h4>Name</h4>…`):
    the climb stopped under the container that holds them all, so the block is one line of a
    person, whose name and role are the short lines before it (`contacts.contact_runs`)."""
    parent = block.parent
    return (
        parent is not None
        and not _full_name_line(block)
        and _several_emails(parent, page)
        and sum(1 for c in parent.children if isinstance(c, Tag) and _full_name_line(c)) > 1
    )


def _several_emails(tag: Tag, page: Page) -> bool:
    """`len(_emails(tag)) > MAX_EMAILS_PER_PERSON`, read from the text nodes holding an "@" the
    parse listed and the page's links when it listed them: the container above a channel's line
    is often the whole article, whose text is not read for it. (An address holds no space, so
    each is found in one text node, as in the text of `tag` joined with spaces.)"""
    if page.at_strings is None:
        return len(_emails(tag)) > MAX_EMAILS_PER_PERSON
    found = {
        e.lower()
        for string in page.at_strings
        if _inside(string, tag)
        for e in EMAIL.findall(string)
    }
    for link in page.signals.links:
        href = str(link["href"])
        if href.lower().startswith("mailto:") and _inside(link, tag):
            found.add(href[7:].split("?")[0].strip().lower())
    return len(found) > MAX_EMAILS_PER_PERSON


def contact_containers(page: Page) -> list[Tag]:
    """The article's contact blocks: profile matches (outermost, split into the person blocks
    inside them when each of those is named), person blocks found by structure, and asides
    holding a channel (a sidebar "Your contact")."""
    matched = [
        t
        for t in page.matched("contact")
        if not _outside_article(t, page)
        and len(t.get_text(" ")) <= 2 * MAX_CONTACT_CHARS
        and not _has_running_text(t, page.phone_regions)
    ]
    outer = [t for t in matched if not any(o is not t and _inside(t, o) for o in matched)]
    people = person_blocks(page)
    found: list[Tag] = []
    for box in outer:
        inside = [p for p in people if _inside(p, box) and p is not box]
        found.extend(inside if len(inside) >= 2 else [box])
    for person in people:
        held = [
            f for f in found if f is not person and _inside(f, person) and not _full_name_line(f)
        ]
        if held and not any(_inside(person, f) for f in found):
            # a matched part of one person's block (its `<address>`, a `.contact-phone` line:
            # no one's name in it) is no contact of its own: the outermost block holding the
            # person, their address and their channels is the contact; a match that names its
            # person (a card) is one already
            found = [f for f in found if not any(f is h for h in held)] + [person]
        elif not any(_inside(person, f) or _inside(f, person) for f in found):
            found.append(person)
    found.extend(_header_rows(found))
    for aside in page.signals.asides:
        if _outside_article(aside, page) or any(
            _inside(aside, f) or _inside(f, aside) for f in found
        ):
            continue
        text = aside.get_text(" ")
        if len(text) < 1500 and (EMAIL.search(text) or phones_in(text, page.phone_regions)):
            found.append(aside)
    return found


def _header_rows(found: Sequence[Tag]) -> list[Tag]:
    """The header rows of a contact table: a table whose every other row is a contact block
    (one person's row: name, role, phone, email) is a contact table, and its rows of header
    cells ("Naam | Functie | Telefoon | E-mail") are the labels of the contacts' fields, not
    text of the article."""
    rows = {id(t) for t in found if t.name == "tr"}
    tables: dict[int, Tag] = {}
    for tag in found:
        table = (
            next((p for p in tag.parents if p.name == "table"), None) if tag.name == "tr" else None
        )
        if table is not None:
            tables.setdefault(id(table), table)
    headers: list[Tag] = []
    for table in tables.values():
        own = [r for r in tags_named(table, ("tr",)) if _table_of(r) is table]
        heads = [r for r in own if id(r) not in rows]
        if heads and all(_header_row(r) for r in heads):
            headers.extend(heads)
    return headers


def _table_of(row: Tag) -> Tag | None:
    return next((p for p in row.parents if p.name == "table"), None)


def _header_row(row: Tag) -> bool:
    """A row of header cells: inside a `<thead>`, or its cells all `<th>`."""
    if any(p.name == "thead" for p in row.parents):
        return True
    cells = [c for c in row.children if isinstance(c, Tag) and c.name in ("th", "td")]
    return bool(cells) and all(c.name == "th" for c in cells)


#: An author line is short: a byline, or the line of the article's date.
MAX_AUTHOR_TEXT = 200
#: A bio is a sentence: at least this many words, ending with a full stop (a role line is
#: shorter, and ends without one).
BIO_WORDS = 6


def _line_of(tag: Tag) -> Tag:
    line = tag
    while line.name not in BLOCK_TAGS and isinstance(line.parent, Tag):
        line = line.parent
    return line


#: A string opening with a byline's word ("By Sarah Miller"); anchored, so `match` finds what
#: bs4's `search` would.
_BYLINE_START = re.compile(rf"^\s*(?:{lexicon.alternation('byline_words')})\s", re.IGNORECASE)


def _author_texts(page: Page) -> list[str]:
    """Texts that name the article's author: a byline ("By Sarah Miller") and the line holding
    the article's `<time>`."""
    texts: list[str] = []
    # a plain walk for what `find_all(string=_BYLINE_START)` answers (every string, of any
    # kind, the pattern finds in), without bs4's matcher calls on each node of the tree: the
    # nodes in document order, as `soup.descendants` gives them, without its generator
    node = page.soup.contents[0] if page.soup.contents else None
    while node is not None:
        if (
            type(node) is not Tag
            and isinstance(node, NavigableString)
            and _BYLINE_START.match(node)
            and isinstance(node.parent, Tag)
        ):
            texts.append(_line_of(node.parent).get_text(" ").strip())
        node = node.next_element
    # every `<time>` of the page is in `signals.times`, in document order (beside other date
    # elements): `find_all("time")` without a walk
    for tag in page.signals.times:
        if tag.name == "time":
            texts.append(_line_of(tag).get_text(" ").strip())
    return [t for t in texts if len(t) <= MAX_AUTHOR_TEXT]


def author_names(page: Page) -> set[str]:
    """The full names the page gives as its article's author (see `_author_texts`): the byline's
    name beside an address, or in a box after the text, is no contact of the article. Found
    once per page (a walk of the whole tree), for the contact groups and the body."""
    if page.author_names is not None:
        return page.author_names
    names: set[str] = set()
    for text in [*_author_texts(page), *_declared_authors(page)]:
        credit = AUTHOR_CREDIT.match(text)
        names.update(
            m.group() for m in FULL_NAME.finditer(text[credit.end() - 1 :] if credit else text)
        )
    page.author_names = {n for n in names if is_full_name(HONORIFIC.sub("", n))}
    return page.author_names


def _declared_authors(page: Page) -> list[str]:
    """The author names the page declares for machines (`<meta name="author">`, the article's
    JSON-LD `author`, one or a list): the byline of a page that prints none by the headline."""
    signals = page.signals
    names = [normalize_text(value) for value in signals.meta.get("author", ())]
    node = signals.article_node()
    declared = node.get("author") if node is not None else None
    for item in declared if isinstance(declared, list) else [declared]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str):
            names.append(normalize_text(name))
    return [n for n in names if n and len(n) <= MAX_AUTHOR_TEXT]


def is_author_box(tag: Tag, regions: Regions) -> bool:
    """A box of the author's (a photo, a name and a bio sentence beside an address) rather than a
    contact card (a name, a role line, channels: a phone number to call makes it one)."""
    if first_named(tag, "img") is None:
        return False
    text = tag.get_text("\n")
    if phones_in(text, regions) or any(
        str(a["href"]).lower().startswith("tel:") for a in all_links_in(tag)
    ):
        return False
    lines = normalize_lines(text)
    return any(
        line.endswith(".") and len(line.split()) >= BIO_WORDS and not HAS_EMAIL.search(line)
        for line in lines
    )


def describes_a_person(
    lines: Sequence[str], config: ExtractConfig, lang: str | None = None
) -> bool:
    """True when one of `lines` is a bio sentence: at least `BIO_WORDS` words ending with a full
    stop, holding no e-mail address and no word addressed to the reader ("Covers transport for
    the paper since 2019." describes its author; "For more information, contact our team."
    invites the reader: a second- or first-person word of `lang`, the page's declared language,
    or a call to action of the vocabulary)."""
    # the person words of the page's declared language: "du" is German "you", French "of the"
    addressed = words_of("second_person", lang) | words_of("first_person", lang)
    for line in lines:
        if (
            not line.endswith(".")
            or len(line.split()) < BIO_WORDS
            or HAS_EMAIL.search(deobfuscate(line))
            or MANY_DIGITS.search(line)
        ):
            continue  # no sentence, or one holding a channel ("… écrivez à jm [at] …, tél. …")
        folded = fold(line)
        words = set(re.findall(r"[\w']+", folded))
        if words & addressed or any(
            phrase in folded for phrase in (*config.cta_phrases, *config.cta_actions)
        ):
            continue
        return True
    return False
