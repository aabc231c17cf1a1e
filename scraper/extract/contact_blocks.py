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

from bs4 import NavigableString, Tag

from scraper.extract.blocks import BLOCK_TAGS
from scraper.extract.contacts import EMAIL, HAS_EMAIL, phones_in
from scraper.extract.page import Page
from scraper.extract.treewalk import text_longer_than
from scraper.text import normalize_lines

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
_STOP = frozenset(("body", "html", "[document]", "main", "article"))
_TEXT_BLOCKS = ("p", "li", "dd", "td", "blockquote")


def _emails(tag: Tag) -> set[str]:
    found = {e.lower() for e in EMAIL.findall(tag.get_text(" "))}
    for link in tag.find_all("a", href=True):
        href = str(link["href"])
        if href.lower().startswith("mailto:"):
            found.add(href[7:].split("?")[0].strip().lower())
    return found


def _has_running_text(tag: Tag) -> bool:
    for block in tag.find_all(_TEXT_BLOCKS):
        text = block.get_text(" ").strip()
        sentence = len(text.split()) >= RUNNING_TEXT_WORDS and text.endswith((".", "!", "?"))
        if (
            (len(text) >= RUNNING_TEXT_CHARS or sentence)
            and not EMAIL.search(text)
            and not phones_in(text)
        ):
            return True
    return False


#: An "@" as the page's source may write it: itself or a character reference (`&#64;`, `&#x40;`,
#: `&commat;`). A page without one has no address in its text, and its whole tree is not walked.
_MAY_WRITE_AT = re.compile(r"@|&#0*64(?!\d)|&#x0*40(?![0-9a-f])|&commat", re.IGNORECASE)


def _channels(page: Page) -> list[Tag]:
    """Elements holding a channel, in document order: mailto:/tel: links, and the elements whose
    own text holds an email address."""
    found: list[Tag] = []
    seen: set[int] = set()
    for link in page.signals.links:
        href = str(link.get("href") or "").lower()
        if href.startswith(("mailto:", "tel:")) and id(link) not in seen:
            seen.add(id(link))
            found.append(link)
    if page.text is not None and not _MAY_WRITE_AT.search(page.text):
        return found[:MAX_CHANNELS]  # no "@" in the page: no string of its tree holds one
    strings = page.soup.descendants if page.at_strings is None else page.at_strings
    for string in strings:
        # text a reader sees only: an address in a comment or a script is no channel
        if type(string) is not NavigableString or "@" not in string or not HAS_EMAIL.search(string):
            continue
        parent = string.parent
        if isinstance(parent, Tag) and id(parent) not in seen:
            seen.add(id(parent))
            found.append(parent)
    return found[:MAX_CHANNELS]


def _block_of(channel: Tag, page: Page, headline: Tag | None) -> Tag:
    """The largest element around `channel` that holds one person: short, no running text, at
    most one email address, not the article itself."""
    block = channel
    for depth, parent in enumerate(channel.parents):
        if (
            depth >= MAX_CLIMB
            or parent.name in _STOP
            or parent is page.root
            or (headline is not None and any(p is parent for p in headline.parents))
            or text_longer_than(parent, MAX_CONTACT_CHARS, " ")
            or len(_emails(parent)) > MAX_EMAILS_PER_PERSON
            or any(_inside(section, parent) for section in page.related_sections)
            or _has_running_text(parent)
        ):
            break
        block = parent
    return block


#: A name or role line is short: at most this many words.
MAX_NAME_LINE_WORDS = 10


def _texts_outside_channel_links(block: Tag) -> list[str]:
    """The block's visible strings, without the texts of its mailto:/tel: links ("Bel Koen" names
    no one beside the number it hides)."""
    texts = []
    for string in block.find_all(string=True):
        if type(string) is not NavigableString:
            continue  # a comment ("AUTHOR-DATA-MARKER-BEGIN") is no line a reader sees
        link = string.find_parent("a")
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
    return any(
        len(line) > 2
        and len(line.split()) <= MAX_NAME_LINE_WORDS
        and not EMAIL.search(line)
        and not phones_in(line)
        and "?" not in line
        and "!" not in line
        and not page.names_site(line)
        for line in lines
    )


def _inside(tag: Tag, outer: Tag) -> bool:
    return tag is outer or any(p is outer for p in tag.parents)


_FRAME_WORDS = re.compile(r"(^|[\s_-])(footer|site-info|colophon|masthead|site-header)([\s_-]|$)")


def _outside_article(tag: Tag, page: Page) -> bool:
    """In the site's frame or the related cards: never an article contact."""
    if page.in_related(tag) or page.in_site_frame(tag):
        return True
    for node in [tag, *tag.parents]:
        if not isinstance(node, Tag):
            continue
        classes = node.get("class")
        marks = f"{classes if isinstance(classes, str) else ' '.join(classes or [])} {node.get('id') or ''}"
        if _FRAME_WORDS.search(marks.lower()):
            return True
    return False


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
    for channel in _channels(page):
        if _outside_article(channel, page) or _site_identity(channel, page):
            continue
        block = _block_of(channel, page, headline)
        if any(_inside(block, b) for b in blocks):
            continue
        blocks = [b for b in blocks if not _inside(b, block)] + [block]
    return [b for b in blocks if _named(b, page)]


def contact_containers(page: Page) -> list[Tag]:
    """The article's contact blocks: profile matches (outermost, split into the person blocks
    inside them when each of those is named), person blocks found by structure, and asides
    holding a channel (a sidebar "Your contact")."""
    matched = [
        t
        for t in page.matched("contact")
        if not _outside_article(t, page)
        and len(t.get_text(" ")) <= 2 * MAX_CONTACT_CHARS
        and not _has_running_text(t)
    ]
    outer = [t for t in matched if not any(o is not t and _inside(t, o) for o in matched)]
    people = person_blocks(page)
    found: list[Tag] = []
    for box in outer:
        inside = [p for p in people if _inside(p, box) and p is not box]
        found.extend(inside if len(inside) >= 2 else [box])
    for person in people:
        if not any(_inside(person, f) or _inside(f, person) for f in found):
            found.append(person)
    for aside in page.signals.asides:
        if _outside_article(aside, page) or any(
            _inside(aside, f) or _inside(f, aside) for f in found
        ):
            continue
        text = aside.get_text(" ")
        if len(text) < 1500 and (EMAIL.search(text) or phones_in(text)):
            found.append(aside)
    return found
