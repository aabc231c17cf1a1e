"""Cards of other articles listed on the page ("Plus de nouvelles…"): title, URL, sector, date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit
from zoneinfo import ZoneInfo

from bs4 import NavigableString, PageElement, Tag

from scraper.dates import (
    labelled_date,
    parse_date_text,
    parse_stamp,
    printed_day,
    stamp_day,
)
from scraper.extract.config import ExtractConfig
from scraper.extract.labels import strip_label
from scraper.extract.selectors import select_in
from scraper.extract.treewalk import (
    all_strings_in,
    first_named,
    is_at_or_inside,
    is_inside,
    links_in,
    next_tags,
    previous_named,
    previous_tag,
    tags_below,
    tags_named,
    text_length_upto,
)
from scraper.linkrules import (
    NavigationVerdicts,
    is_article_link,
    is_listed_article_link,
    is_one_word_link,
)
from scraper.text import fold, normalize_lines, normalize_text
from scraper.urls import TRACKING_PARAMS, resolve_href

_TITLE_TAGS = ["h2", "h3", "h4", "h5", "h6"]
_EMPHASIS = ["strong", "b"]
#: A class naming a card's title: markup, not visible text, so no vocabulary ("titre" is a French
#: template's class name, written in any page language).
_TITLE_CLASS = re.compile("title|titre|heading")
_DATE_ONLY = re.compile(r"[\d\s./-]+|(?:\w+ )?\d{1,2}(?:er)? \w+\.? \d{4}")
_PIECES = re.compile(r"\s+[·|•–—-]\s+|\s*[·|•]\s*")
_DIGIT = re.compile(r"\d")


@dataclass
class Card:
    """One card as shown: the linked article's title, URL, sector label and date."""

    title: str
    url: str | None
    sector: str | None
    published_text: str
    timestamp: str | None = None
    #: the text of the card's `<time datetime>` ("12 mars 2026", "Yesterday")
    time_text: str = ""
    #: the site's zone: a timestamp's day is taken there
    time_zone: ZoneInfo | None = None

    def published(self, month_first: bool = False) -> dt.date | None:
        """The card's date: its `<time datetime>`'s day (the day the `<time>` prints when its
        UTC stamp is one day away; a relative text, "Yesterday", gives the stamp's day), else a
        labelled or bare date in its text. `month_first`: the page's slash-date order
        (`published.month_first`), the same for every card of the page."""
        stamp = parse_stamp(self.timestamp, month_first=month_first)
        if stamp is not None:
            printed = printed_day(self.time_text, stamp.day, month_first)
            return stamp_day(stamp, self.time_zone, printed)
        return labelled_date(
            self.published_text, "published", month_first=month_first
        ) or parse_date_text(self.published_text, month_first=month_first)


@lru_cache(maxsize=8192)  # asked again for the same links by every label a page weighs
def url_key(url: str | None) -> str:
    """A loose identity for URLs: host without www, path without trailing slash, no query; but
    a script's path ("/nieuws/artikel.aspx", "index.php") serves every article, told apart by
    its query ("?id=101"), which then stays (sorted, without tracking parameters)."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    if parts.query and "." in path.rpartition("/")[2]:
        pairs = sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
        )
        if pairs:
            return f"{host}{path}?{urlencode(pairs)}"
    return f"{host}{path}"


def phrase_sections(
    matched: list[Tag], headings: list[Tag], h1s: list[Tag], config: ExtractConfig
) -> list[Tag]:
    """Containers the profile or a heading names as other articles: the profile's `related`
    matches, else the parent of a "More news" heading (vocabulary). Evidence only: their links
    still have to lead to articles of the site. `h1s`: every `<h1>` of the page."""
    sections = [s for s in matched if s.find("a", href=True)]
    if sections:
        return [s for s in sections if not any(is_inside(s, o) for o in sections)]
    found: list[Tag] = []
    phrases = tuple(config.related_headings)
    for heading in headings:
        folded = fold(heading.get_text(" "))
        if not folded or not folded.startswith(phrases):
            continue
        section = heading.parent
        own = {id(a) for a in heading.find_all("a")}
        while isinstance(section, Tag) and not _links_beyond(section, own):
            section = section.parent
        if isinstance(section, Tag) and (
            _holds_any(section, h1s) or previous_named(heading, "p") is not None
        ):
            # the heading sits in the article's own container (beside its headline, or after
            # its paragraphs, "See also" closing a text): the list is what follows it
            section = next(
                (s for s in next_tags(heading) if links_in(s, 1)),
                None,
            )
        if isinstance(section, Tag) and section.name not in ("body", "html", "[document]"):
            found.append(section)
    return found


def _holds_any(section: Tag, tags: list[Tag]) -> bool:
    """True when one of `tags` is below `section`: with every `<h1>` of the page, what
    `first_named(section, "h1") is not None` answers, by a climb from each instead of a walk of
    the section."""
    return any(any(p is section for p in tag.parents) for tag in tags)


def _links_beyond(section: Tag, own: set[int]) -> bool:
    """True when `section` holds an `<a href>` that is not one of `own` (`find_all("a",
    href=True)`, stopping at the first: the climb to a large section stays cheap)."""
    return any(
        isinstance(a, Tag) and a.name == "a" and a.get("href") is not None and id(a) not in own
        for a in section.descendants
    )


#: How far above its link a card unit may reach (a card is a few wrappers deep, never more);
#: it also bounds the climb from each link, which keeps the search linear in page size.
MAX_CARD_DEPTH = 8
#: Cards make most of their parent's text: bare links in a paragraph of running text that
#: mentions two articles, or two "Main article: …" lines between an article's paragraphs, are
#: not a strip of cards.
STRIP_LINK_SHARE = 0.6
_STOP = frozenset(("body", "html", "[document]"))
#: A card is a title, a date, a label and a teaser of a few lines: a unit with more text than
#: this is a chapter or a whole article that links to another page, not a card (a teaser is a
#: few hundred characters; three times `page.CARD_MAX_CHARS` leaves room for a long one).
MAX_CARD_CHARS = 1200


@dataclass
class _Candidate:
    link: Tag
    url: str
    key: str
    section: Tag | None = None


#: A related list written as a `<nav>` holds at least this many dated article links (one dated
#: link is a "previous article" pointer, not a list).
MIN_DATED_NAV_LINKS = 2


def dated_link_navs(
    links: list[Tag], base_url: str, page_url: str, hosts: frozenset[str]
) -> list[Tag]:
    """The `<nav>`s that list other articles, each with its date ("Title (12/03/2026)"), under
    a heading of their own (inside, or just before them), outside the site's frame: a related
    list, not a menu (a menu's links lead to sections and carry no dates)."""
    navs: dict[int, Tag] = {}
    nav_of: dict[int, Tag | None] = {}  # each element's nearest `<nav>` (None: none), found once
    for link in links:
        climbed: list[int] = []
        nav: Tag | None = None
        node = link.parent
        while node is not None:
            if id(node) in nav_of:
                nav = nav_of[id(node)]
                break
            climbed.append(id(node))
            if node.name == "nav":
                nav = node
                break
            node = node.parent
        for key in climbed:  # the links of one list share their ancestors: climb them once
            nav_of[key] = nav
        if nav is not None:
            navs.setdefault(id(nav), nav)
    navigation = NavigationVerdicts()
    found: list[Tag] = []
    for nav in navs.values():
        if not isinstance(nav.parent, Tag) or navigation.in_navigation(nav.parent):
            continue  # a nav inside the header, the footer or another menu is the site's
        before = previous_tag(nav)
        if next(iter(tags_named(nav, _TITLE_TAGS)), None) is None and (
            before is None or before.name not in _TITLE_TAGS
        ):
            continue
        dated = 0
        for link in tags_named(nav, ("a",)):
            url = resolve_href(base_url, str(link.get("href") or "").strip())
            if url is None or not is_article_link(url, page_url, hosts):
                continue
            line = link.parent
            rest = "" if not isinstance(line, Tag) else _text_beside(line, link)
            if (
                parse_date_text(rest.strip(" ()[]·|–—-")) is None
                and bracketed_date(normalize_text(link.get_text(" "))) is None
            ):
                dated = -1  # one undated article link: a menu, not a list of dated articles
                break
            dated += 1
        if dated >= MIN_DATED_NAV_LINKS:
            found.append(nav)
    return found


#: A date closing a link's own text in brackets ("Title (12/03/2026)"): the list prints each
#: item's day inside its link.
_BRACKETED_DATE = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]\s*$")


def bracketed_date(text: str) -> str | None:
    """The bracketed date closing `text` ("(12/03/2026)"), brackets and the space before them
    included, when what the brackets hold reads as a day; else None."""
    found = _BRACKETED_DATE.search(text)
    if found is None or parse_date_text(found.group(1)) is None:
        return None
    return found.group(0)


def _text_beside(line: Tag, link: Tag) -> str:
    """The text of `line` outside `link`."""
    return normalize_text(
        " ".join(s for s in line.strings if not any(p is link for p in s.parents))
    )


def _candidates(
    links: list[Tag],
    base_url: str,
    page_url: str,
    hosts: frozenset[str],
    sections: list[Tag],
    lists: Set[int] = frozenset(),
    phrases: tuple[str, ...] = (),
    *,
    labels: dict[int, str | None],
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Links that lead to an article of the same site, outside navigation furniture (but for the
    sections of ids `lists`, navs listing dated articles, and the links of a section a heading
    names); and apart, the links to an article of the site at another path depth than the
    page's ("/business/2026/03/x" in a most-read list of "/news/2026/03/y"): an item of a list
    of other articles only beside items of the page's own shape (`_loose_members`), as are the
    links of the page's shape but for a one-word slug ("/nl/nieuws/vietnam/"). `labels`: as for
    `_label_of`."""
    inside = {id(s): s for s in sections}
    navigation = NavigationVerdicts()  # the links share their ancestors: judge each once
    # a section a heading names as other articles, itself outside the site's menus: a class
    # word below it ("menu" on SPIP's "Dans la même rubrique" list) does not make it one
    named = {
        id(s)
        for s in sections
        if not (isinstance(s.parent, Tag) and navigation.in_navigation(s.parent))
    }
    # the site's home page, worked out at the first link that is no article of the page's shape
    # (a page without such a link, most small ones, never splits its URL for it)
    root: str | None | _Unset = _UNSET
    found: list[_Candidate] = []
    loose: list[_Candidate] = []
    for link in links:
        href = str(link.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        rel = link.get("rel") or ()
        if "tag" in (rel.split() if isinstance(rel, str) else rel):
            # a term's link (rel="tag": a card's sector or tag, "/nl/sector/mode-design/") leads
            # to a listing, not to another article, whatever its URL's shape
            continue
        url = resolve_href(base_url, href)
        if url is None:
            continue
        strict = is_article_link(url, page_url, hosts)
        section: Tag | None | _Unset = _UNSET
        if not strict and inside and is_listed_article_link(url, page_url, hosts):
            # in a list a heading names, an item linked as its directory's index page or a
            # script's query path ("…/slug/index.html", "index.php?/archives/12-x.html")
            section = next((p for p in link.parents if id(p) in inside), None)
            strict = section is not None
        if not strict:
            if isinstance(root, _Unset):
                root = _site_root(page_url)
            if (root is None or not is_article_link(url, root, hosts)) and not is_one_word_link(
                url, page_url, hosts
            ):
                continue
        if isinstance(section, _Unset):
            section = next((p for p in link.parents if id(p) in inside), None) if inside else None
        if (
            navigation.in_navigation(link)
            and not any(id(p) in lists for p in link.parents)
            and (section is None or id(section) not in named)
            and not (phrases and _reads_next(link, phrases, labels))
        ):
            continue  # furniture, but for the one article a box names to read next
        (found if strict else loose).append(_Candidate(link, url, url_key(url), section))
    return found, loose


class _Unset:
    """Not worked out yet (a value apart from None, which is an answer)."""


_UNSET = _Unset()


def _site_root(page_url: str) -> str | None:
    """The site's home page, asked as the page of a link instead of `page_url` to judge an
    article link whatever its path depth (None when the page's URL has no host)."""
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.netloc else None


def _card_units(
    candidates: list[_Candidate], section_ids: set[int], h1s: list[Tag]
) -> dict[int, Tag]:
    """For each candidate (by index), its card: the largest element around its link, at most
    `MAX_CARD_DEPTH` levels up and never past a section, that leads to no other article, nor
    holds a page's `<h1>` beside the link: a teaser of another article never holds the page's
    headline (a lone "Related" item after a short article, a ticker before it, would otherwise
    climb to the column holding both, and the article would read as a strip of two cards)."""
    # the ancestors of each <h1>, by id, with the <h1>s below them
    headed: dict[int, set[int]] = {}
    for h1 in h1s:
        for depth, parent in enumerate(h1.parents):
            if depth >= MAX_CARD_DEPTH + 1 or parent.name in _STOP:
                break
            headed.setdefault(id(parent), set()).add(id(h1))
    below: dict[int, set[str]] = {}
    for c in candidates:
        for depth, parent in enumerate(c.link.parents):
            if depth >= MAX_CARD_DEPTH or parent.name in _STOP:
                break
            below.setdefault(id(parent), set()).add(c.key)
            if id(parent) in section_ids:
                break
    units: dict[int, Tag] = {}
    for i, c in enumerate(candidates):
        card: Tag = c.link
        # the <h1>s the link sits in (a card whose title is an <h1>) do not stop its climb
        own = {id(p) for p in c.link.parents if p.name == "h1"} if headed else set()
        for depth, parent in enumerate(c.link.parents):
            if (
                depth >= MAX_CARD_DEPTH
                or parent.name in _STOP
                or id(parent) in section_ids
                or below.get(id(parent)) != {c.key}
                or bool(headed.get(id(parent), own) - own)
            ):
                break
            card = parent
        units[i] = card
    return units


def _loose_members(
    candidates: list[_Candidate],
    units: dict[int, Tag],
    strips: dict[int, Tag],
    loose: list[_Candidate],
    sections: list[Tag],
    position: dict[int, int],
) -> tuple[list[_Candidate], dict[int, Tag], dict[int, Tag]]:
    """`candidates`, `units` and `strips` with the links of `loose` (articles of the site at
    another path depth than the page's) that are items of a list of other articles: inside a
    section, or a unit of the same tag as the cards of a strip, under its parent. A unit is
    climbed as a card's is, up to the first ancestor holding another card."""
    taken: set[int] = set()  # the elements at or above a card: a loose unit stops below them
    for unit in units.values():
        taken.update(id(p) for p in unit.parents)
        taken.add(id(unit))
    strip_tags = {(id(strip), units[i].name) for i, strip in strips.items()}
    section_ids = {id(s) for s in sections}
    keys = {c.key for c in candidates}
    candidates, units, strips = list(candidates), dict(units), dict(strips)
    for c in loose:
        if c.key in keys:
            continue
        card: Tag = c.link
        for depth, parent in enumerate(c.link.parents):
            if depth >= MAX_CARD_DEPTH or parent.name in _STOP or id(parent) in section_ids:
                break
            if id(parent) in taken:
                break
            card = parent
        above = card.parent
        strip = above if isinstance(above, Tag) and (id(above), card.name) in strip_tags else None
        if c.section is None and strip is None:
            continue
        if text_length_upto(card, MAX_CARD_CHARS) > MAX_CARD_CHARS or not _lone_item(c, card):
            continue
        keys.add(c.key)
        index = len(candidates)
        candidates.append(c)
        units[index] = card
        if strip is not None:
            strips[index] = strip
    # the cards in page order, as a list shows them
    order = sorted(range(len(candidates)), key=lambda i: position.get(id(candidates[i].link), 0))
    return (
        [candidates[i] for i in order],
        {k: units[i] for k, i in enumerate(order)},
        {k: strips[i] for k, i in enumerate(order) if i in strips},
    )


def _lone_item(candidate: _Candidate, card: Tag) -> bool:
    """True when `card` is one item of its own: every link in it leads to the candidate's URL,
    and it is no menu entry (its link names more than a page in a few words, or the card holds
    more than its link). A row of service links ("Over ons · Vacatures · Delen") is not."""
    for link in links_in(card, MAX_CARD_LINKS + 1):
        if link is not candidate.link and str(link.get("href") or "") != str(
            candidate.link.get("href") or ""
        ):
            return False
    text = candidate.link.get_text().strip()
    return len(text.split()) > MENU_ITEM_WORDS or len(card.get_text().strip()) > len(text)


#: A card links its article from its image and its title: a few links, all alike.
MAX_CARD_LINKS = 4


#: A box of other articles led by a label of its own ("Lire aussi : <a>…</a>" inside the
#: text): the label is a few words; the box holds no more text than its links and the label.
MAX_BOX_LABEL_CHARS = 40
#: The label sits beside the links or one or two wrappers above them (`<p><strong>Lire aussi
#: :</strong> <a>`, `<div><strong>…</strong><ul><li><a>`).
MAX_BOX_DEPTH = 3


def _labelled_boxes(
    candidates: list[_Candidate],
    strips: dict[int, Tag],
    config: ExtractConfig,
    labels: dict[int, str | None],
) -> dict[int, Tag]:
    """Candidates in no strip nor section whose box (an ancestor of the link, up to
    `MAX_BOX_DEPTH` levels) opens with a phrase naming other articles (vocabulary
    `related_headings`) and holds nothing else than that label and its links: an inline "Lire
    aussi" box of one or more bare links. Returns candidate index -> box. `labels`: as for
    `_label_of`."""
    phrases = tuple(config.related_headings)
    found: dict[int, Tag] = {}
    for i, c in enumerate(candidates):
        if c.section is not None or i in strips:
            continue
        box = _label_box(c.link, phrases, labels)
        if box is not None:
            found[i] = box
    return found


#: The elements a box of other articles lists its links in.
_LISTS = ("ul", "ol")


def _set_apart(box: Tag, link: Tag) -> list[Tag]:
    """The elements of an inline box that are no line of the text: a box whose links are a list
    ("<div><h4>Related</h4><ul><li><a>…"), or a label and its list standing side by side
    (`_headed_list`), is set apart from the paragraphs around it, as a list of other articles;
    a label and a link in a line ("<p><b>Lire aussi :</b> <a>…</a></p>") is no box of its own."""
    if box is not link and box.find(_LISTS) is not None:
        return [box]
    return []


def _headed_list(
    link: Tag, phrases: tuple[str, ...], labels: dict[int, str | None]
) -> tuple[Tag, Tag] | None:
    """(label, list) when `link` sits in a list holding nothing but links (up to
    `MAX_BOX_DEPTH` levels above it) whose previous sibling element is a label of its own naming
    other articles (`phrases`): "<h3>Related</h3><ul><li><a>…</a></li></ul>" set between the
    text's paragraphs with no box around the two. `labels`: as for `_label_of`."""
    node = link.parent
    for _ in range(MAX_BOX_DEPTH):
        if not isinstance(node, Tag) or node.name in _STOP or _label_of(node, labels) != "":
            return None
        if node.name in _LISTS:
            label = node.find_previous_sibling(True)
            text = normalize_text(label.get_text(" ")) if isinstance(label, Tag) else ""
            if (
                isinstance(label, Tag)
                and len(text) <= MAX_BOX_LABEL_CHARS
                and not links_in(label, 1)
                and fold(text).startswith(phrases)
            ):
                return label, node
            return None
        node = node.parent
    return None


def _label_box(link: Tag, phrases: tuple[str, ...], labels: dict[int, str | None]) -> Tag | None:
    """The box that names `link` as another article to read (`phrases`: the vocabulary's
    `related_headings`): the link itself when its first string, an element of its own before
    the title, opens with a phrase ("<a><span>Read next</span> Title</a>"), else the nearest
    ancestor (up to `MAX_BOX_DEPTH`) holding nothing else than such a label and its links
    ("<p><strong>Lire aussi :</strong> <a>", "<div><span>Lire la suite</span> <a>"). `labels`:
    as for `_label_of`."""
    label = _inner_label(link)
    if label and fold(label).startswith(phrases):
        return link
    box = link.parent
    for _ in range(MAX_BOX_DEPTH):
        if not isinstance(box, Tag) or box.name in _STOP:
            return None
        rest = _label_of(box, labels)
        if rest is None:
            return None
        if rest and fold(rest).startswith(phrases):
            return box
        box = box.parent
    return None


def _reads_next(link: Tag, phrases: tuple[str, ...], labels: dict[int, str | None]) -> bool:
    """True when a box names `link` alone as the article to read next ("<nav><span>Read
    next</span> <a>…</a></nav>", a post navigation's labelled link): one link, so that a menu's
    or a footer's list under a "Latest news" heading stays furniture. `labels`: as for
    `_label_of`."""
    box = _label_box(link, phrases, labels)
    return box is not None and (box is link or len(links_in(box, 2)) == 1)


def _inner_label(link: Tag) -> str | None:
    """The first string of `link` when an element of its own sets it apart from more text of
    the link (a label before the title: "<a><span>Read next</span> Title</a>"), else None."""
    strings = [s for s in link.strings if s.strip()]
    if len(strings) < 2 or strings[0].parent is link:
        return None
    return normalize_text(strings[0])


def _label_of(box: Tag, labels: dict[int, str | None]) -> str | None:
    """The text of `box` outside its links, None once it is longer than a label
    (`MAX_BOX_LABEL_CHARS`): the count stops there, a paragraph of text is not read whole.
    `labels` keeps the answers by box (`id`) for one reading of the page's cards: the links of a
    menu share their list, whose strings each link's box test would read again (a menu of n
    links read n times)."""
    if id(box) in labels:
        return labels[id(box)]
    labels[id(box)] = label = _text_outside_links(box)
    return label


def _text_outside_links(box: Tag) -> str | None:
    """`_label_of`, worked out."""
    pieces: list[str] = []
    total = 0
    for string in box.strings:
        node = string.parent
        while node is not None and node is not box and node.name != "a":
            node = node.parent
        if node is not None and node is not box:
            continue  # inside a link of the box
        total += len(string.strip())
        if total > MAX_BOX_LABEL_CHARS:
            return None
        pieces.append(string)
    return normalize_text(" ".join(pieces))


def _strips(candidates: list[_Candidate], units: dict[int, Tag]) -> dict[int, Tag]:
    """Repeated card units: two or more cards of different articles under one parent, of one tag;
    bare links only when they make most of their parent's text. Returns candidate index -> strip."""
    groups: dict[int, list[int]] = {}
    parents: dict[int, Tag] = {}
    for i, card in units.items():
        parent = card.parent
        if isinstance(parent, Tag) and parent.name not in _STOP:
            groups.setdefault(id(parent), []).append(i)
            parents[id(parent)] = parent
    strips: dict[int, Tag] = {}
    for key, members in groups.items():
        # a unit's exact length matters only up to `MAX_CARD_CHARS`: a longer one is dropped
        sizes = {i: text_length_upto(units[i], MAX_CARD_CHARS) for i in members}
        members = [i for i in members if sizes[i] <= MAX_CARD_CHARS]
        if len({candidates[i].key for i in members}) < 2:
            continue
        names = [units[i].name for i in members]
        tag = max(set(names), key=names.count)
        if names.count(tag) < 2:
            continue
        if _menu(members, candidates, units):
            continue
        parent = parents[key]
        carded = sum(sizes[i] for i in members)
        if not _text_beyond_share(parent, carded):
            continue  # running text with a few linked lines in it ("Main article: …")
        for i in members:
            strips[i] = parent
    return strips


def _text_beyond_share(parent: Tag, carded: int) -> bool:
    """`carded >= STRIP_LINK_SHARE * text_length(parent)`: the cards' `carded` characters make
    most of the parent's text. The count stops once the parent's text is long enough to say no
    (the share test only grows with it)."""
    total = 0
    for string in parent.strings:
        total += len(string)
        if carded < STRIP_LINK_SHARE * total:
            return False
    return carded >= STRIP_LINK_SHARE * total


#: A menu item names a page in a few words ("Over ons", "Contact"); a teaser's title is a
#: headline, longer.
MENU_ITEM_WORDS = 3


def _menu(members: list[int], candidates: list[_Candidate], units: dict[int, Tag]) -> bool:
    """True for a row of bare links of a few words each (a footer's or a menu's "Over ons |
    Contact | Privacy"): no unit holds more than its link (a date, an image, a teaser), and no
    link's text is as long as a headline."""
    for i in members:
        link = candidates[i].link
        text = link.get_text().strip()
        if (
            len(units[i].get_text().strip()) > len(text)
            or first_named(link, "img") is not None
            or len(text.split()) > MENU_ITEM_WORDS
        ):
            return False
    return True


def _card_title(card: Tag, config: ExtractConfig) -> tuple[str, set[int]] | None:
    """The card's title, and the ids of the strings of the card it is made of (none when it is
    an image's alt text)."""
    # a heading or a bold line holding the card's category and date is its metadata, not its
    # title: the title is then the link's own text
    for tag in tags_named(card, _TITLE_TAGS):
        text = _unranked_text(tag)
        if text and not _metadata_line(text, config):
            return text, _string_ids(tag)
    for tag in _title_classed(card):
        text = _unranked_text(tag)
        if text and not _metadata_line(text, config):
            return text, _string_ids(tag)
    for tag in tags_named(card, _EMPHASIS):
        text = normalize_text(tag.get_text(" "))
        if (
            len(text) > 3
            and fold(text) not in config.sectors
            and parse_date_text(text) is None
            and not _metadata_line(text, config)
        ):
            return text, _string_ids(tag)
    links = [card] if card.name == "a" else list(tags_named(card, ("a",)))
    # the card's sector element is its label, never part of its title
    labels = {id(tag) for tag in select_in(card, config.card_index)}
    owned = [_own_strings(a, config, labels) for a in links]
    texts = [(normalize_text(" ".join(map(str, strings))), strings) for strings in owned] + [
        (normalize_text(str(img.get("alt") or "")), []) for img in tags_named(card, ("img",))
    ]
    texts = [t for t in texts if len(t[0]) > 3]
    if not texts:
        return None
    text, strings = max(texts, key=lambda t: len(t[0]))
    date = bracketed_date(text)
    if date is not None and len(date) < len(text):
        text = text[: -len(date)]  # "Title (12/03/2026)": the day is the card's date, not title
    return text, {id(string) for string in strings}


#: A list's rank printed before an item's title ("1", "2.", "#3"), in an element of its own.
_RANK = re.compile(r"#?\d{1,3}\.?")


def _unranked_text(tag: Tag) -> str:
    """The text of a title element without a rank printed in an element of its own before the
    title ("<span>1</span> Metro line delayed" in a "Most read" list): a number alone is never
    a title's first word."""
    strings = list(all_strings_in(tag))
    first = next((k for k, string in enumerate(strings) if string.strip()), None)
    if (
        first is not None
        and strings[first].parent is not tag
        and _RANK.fullmatch(strings[first].strip())
        and any(string.strip() for string in strings[first + 1 :])
    ):
        strings = strings[first + 1 :]
    return normalize_text(" ".join(strings))


def _title_classed(card: Tag) -> Iterator[Tag]:
    """The elements below `card` whose class names a title, in document order (as
    `card.find_all(class_=_TITLE_CLASS)`, by a plain walk: the pattern holds no space, so
    searching the class string whole answers as bs4's search of each class name does)."""
    for tag in tags_below(card):
        classes = tag.attrs.get("class")
        if classes and _TITLE_CLASS.search(
            classes if isinstance(classes, str) else " ".join(classes)
        ):
            yield tag


def _string_ids(tag: Tag) -> set[int]:
    return {id(string) for string in all_strings_in(tag)}


def _own_strings(
    link: Tag, config: ExtractConfig, labels: Set[int] = frozenset()
) -> list[NavigableString]:
    """A link's strings without the sector label (known, or in an element of `labels`) and the
    date printed inside it."""
    pieces = []
    for string in all_strings_in(link):
        parent = string.parent
        if isinstance(parent, Tag) and parent is not link and parent.name in ("time", "small"):
            continue
        if labels and _in_label(string, link, labels):
            continue
        text = normalize_text(str(string))
        if (
            text
            and fold(text) not in config.sectors
            and not _DATE_ONLY.fullmatch(text)
            and not _metadata_line(text, config)
        ):
            pieces.append(string)
    return pieces


def _in_label(string: PageElement, link: Tag, labels: Set[int]) -> bool:
    for parent in string.parents:
        if parent is link:
            return False
        if id(parent) in labels:
            return True
    return False


#: A sector label is a short name: at most this many words and characters.
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40


def _card_sector(card: Tag, config: ExtractConfig, title: str, own: Set[int]) -> str | None:
    """The card's sector: an element the profile marks, else a known sector label, else the
    first short label of the card's own: a piece of its text that is not its title (the strings
    `own`), not its date (a `<time>`'s text, "Yesterday"), holds no digit and no sentence
    ("Économie circulaire" in "Économie circulaire · 21/05/2025"). A label before a colon
    ("Rubrique : Commerce") is not part of it."""
    for tag in select_in(card, config.card_index):
        text = _undated(
            strip_label(normalize_text(tag.get_text(" ")), config.sector_labels), config
        )
        if text and len(text) < 60 and not relative_date(text, config):
            return text
    pieces = [
        strip_label(p.strip(" ·|•–—-"), config.sector_labels)
        for string in all_strings_in(card)
        if id(string) not in own and not _in_time(string, card)
        for p in _card_pieces(normalize_text(str(string)), config)
    ]
    pieces = [p for p in pieces if p and not relative_date(p, config)]
    for piece in pieces:
        if fold(piece) in config.sectors:
            return piece
    folded_title = fold(title)
    for piece in pieces:
        folded = fold(piece)
        if (
            # a title taken from an image's alt text is also the link's text
            (folded != folded_title if own else folded not in folded_title)
            and len(piece) <= MAX_LABEL_CHARS
            and len(piece.split()) <= MAX_LABEL_WORDS
            and not _DIGIT.search(piece)
            and piece[0].isupper()
            and not piece.endswith((".", "?", "!", ":", "…", "→", "›", "»"))
            and not folded.startswith(config.link_phrases)  # (a tuple: any of them)
        ):
            return piece
    return None


#: A card's sector and date printed together in brackets after its link ("(Logistiek,
#: 04-06-2026)", "[Europe, 15/04/2026]"): a comma sets the pieces apart there.
_BRACKETED = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


def _card_pieces(text: str, config: ExtractConfig) -> list[str]:
    """The pieces of a card's string between separators; a bracketed group holding a date
    ("(Logistiek, 04-06-2026)") is read inside its brackets, its comma a separator: the label
    beside the date is a piece of its own. A bracketed group without a date stays as written."""
    found = _BRACKETED.fullmatch(text.strip())
    if found is not None:
        inner = [p.strip() for p in found.group(1).split(",") if p.strip()]
        if len(inner) > 1 and any(_is_date_piece(p, config) for p in inner):
            return [q for p in inner for q in _PIECES.split(p)]
    return _PIECES.split(text)


#: A date piece of a card's line is a few words ("12 mars 2026", "March 12, 2026"); a longer
#: piece that holds a date is a sentence or a title.
MAX_DATE_WORDS = 4
_SEPARATED = re.compile(f"({_PIECES.pattern})")


def _is_date_piece(piece: str, config: ExtractConfig) -> bool:
    """True for a piece of a card's line that is only a date ("12/03/2026", "Yesterday")."""
    return bool(
        _DATE_ONLY.fullmatch(piece)
        or relative_date(piece, config)
        or (len(piece.split()) <= MAX_DATE_WORDS and parse_date_text(piece) is not None)
    )


def _metadata_line(text: str, config: ExtractConfig) -> bool:
    """True for a card's category-and-date line ("Commerce | 12/03/2026", "Food · Yesterday"):
    pieces between separators, one of them a date, the others short labels; or a line that is
    only a date or only a sector label of the profile."""
    pieces = [p.strip() for p in _PIECES.split(text) if p.strip()]
    if len(pieces) < 2:  # a date alone, or the sector label alone
        return bool(pieces) and (
            _is_date_piece(pieces[0], config) or fold(pieces[0]) in config.sectors
        )
    dated = [_is_date_piece(p, config) for p in pieces]
    return any(dated) and all(
        date or (len(p) <= MAX_LABEL_CHARS and len(p.split()) <= MAX_LABEL_WORDS)
        for p, date in zip(pieces, dated, strict=True)
    )


def _undated(text: str, config: ExtractConfig) -> str:
    """A card's sector line without its date: "Commerce | 12/03/2026", "Commerce · 12 mars
    2026" and "Handel - 12/03/2026" give the sector alone (the date is the card's date); a line
    that holds no date piece is kept whole ("Food - Drinks")."""
    parts = _SEPARATED.split(text)
    pieces = parts[::2]
    if len(pieces) < 2 or not any(_is_date_piece(p.strip(), config) for p in pieces):
        return text
    kept: list[str] = []
    for i in range(0, len(parts), 2):
        if parts[i].strip() and not _is_date_piece(parts[i].strip(), config):
            if kept:
                kept.append(parts[i - 1])  # the separator between two kept pieces
            kept.append(parts[i])
    return normalize_text("".join(kept))


def _in_time(string: PageElement, card: Tag) -> bool:
    """True when `string` is printed inside a `<time>` of the card (its date, however written)."""
    for parent in string.parents:
        if parent is card:
            return card.name == "time"
        if parent.name == "time":
            return True
    return False


def relative_date(text: str, config: ExtractConfig) -> bool:
    """True for a teaser's relative date ("Hier", "Gisteren", "2 hours ago"): a word or phrase of
    the vocabulary's `relative_dates`, whole."""
    words = f" {fold(text)} "
    return any(f" {phrase} " in words for phrase in config.relative_dates)


def find_cards(
    links: list[Tag],
    matched: list[Tag],
    headings: list[Tag],
    config: ExtractConfig,
    base_url: str,
    page_url: str,
    h1s: list[Tag],
) -> tuple[list[Card], list[Tag]]:
    """The cards of other articles on the page (the article's own card among them, as evidence),
    deduplicated by URL, and the containers they sit in.

    A card is a unit whose link leads to an article of the same site (`scraper.linkrules`), in a
    strip of such units repeated under one parent, or inside a section the profile or a "More
    news" heading names. Menus, share and social buttons, breadcrumbs, tag and agenda links are
    never cards, whatever heading sits above them.
    """
    if not links:
        # a page without an `<a href>` (most small ones) has no card, and no section either:
        # a section is found by the links it holds (`phrase_sections`)
        return [], []
    labels: dict[int, str | None] = {}  # `_label_of`'s answers, by box
    sections = phrase_sections(matched, headings, h1s, config)
    # a nav listing dated articles is a section, whether or not a "More news" heading names it
    navs = dated_link_navs(links, base_url, page_url, config.hosts)
    sections += [
        n for n in navs if not any(is_at_or_inside(n, s) or is_inside(s, n) for s in sections)
    ]
    candidates, loose = _candidates(
        links,
        base_url,
        page_url,
        config.hosts,
        sections,
        {id(n) for n in navs},
        tuple(config.related_headings),
        labels=labels,
    )
    units = _card_units(candidates, {id(s) for s in sections}, h1s)
    strips = _strips(candidates, units)
    boxes = _labelled_boxes(candidates, strips, config, labels)
    # the elements of inline boxes set apart from the text (`_set_apart`), to leave out of it
    apart: list[Tag] = []
    for i, c in enumerate(candidates):
        if i in boxes:
            apart += _set_apart(boxes[i], c.link)
        elif c.section is None and i not in strips:
            headed = _headed_list(c.link, tuple(config.related_headings), labels)
            if headed is not None:
                boxes[i] = headed[1]
                apart += headed
    if loose:
        position = {id(a): k for k, a in enumerate(links)}  # `links` are in page order
        candidates, units, strips = _loose_members(
            candidates, units, strips, loose, sections, position
        )
    cards: list[Card] = []
    seen: set[str] = set()
    containers: list[Tag] = list(sections)
    clones = _carousel_clones(candidates, strips, boxes)
    for i, c in enumerate(candidates):
        container = c.section or strips.get(i) or boxes.get(i)
        if container is None or c.key in seen or i in clones:
            continue
        card = c.link if i in boxes else units[i]  # a box's card is its bare link
        lines = normalize_lines(card.get_text("\n"))
        titled = _card_title(card, config)
        if not titled:
            continue
        title, own = titled
        label = _inner_label(card) if boxes.get(i) is card else None
        if label and title.startswith(label) and len(title) > len(label):
            title = normalize_text(title[len(label) :].lstrip(" :·|–—"))  # its label is no title
        seen.add(c.key)
        # an inline box stays part of the text it sits in ("Lire aussi : …" is a line of the
        # article as its readers see it): its links are cards, the box is no container
        if i not in boxes and not any(is_at_or_inside(container, o) for o in containers):
            containers = [o for o in containers if not is_inside(o, container)] + [container]
        time = next((t for t in tags_named(card, ("time",)) if t.get("datetime") is not None), None)
        cards.append(
            Card(
                title=title,
                url=c.url,
                sector=_card_sector(card, config, title, own),
                published_text="\n".join(lines),
                timestamp=str(time["datetime"]) if time is not None else None,
                time_text=time.get_text(" ") if time is not None else "",
                time_zone=config.time_zone,
            )
        )
    for tag in apart:
        if not any(is_at_or_inside(tag, o) for o in containers):
            containers = [o for o in containers if not is_inside(o, tag)] + [tag]
    return cards, containers


def _carousel_clones(
    candidates: Sequence[_Candidate], strips: Mapping[int, Tag], boxes: Mapping[int, Tag]
) -> set[int]:
    """The copies a looping carousel sets around its slides (its last ones before the first, its
    first ones after the last: "C A B C A"): the units outside the run of its distinct cards
    that the copies on both sides wrap around, the cards coming in that run's order. A
    container whose repeats do not wrap that way keeps its first of each."""
    by_container: dict[int, list[int]] = {}
    for i, c in enumerate(candidates):
        container = c.section or strips.get(i) or boxes.get(i)
        if container is not None:
            by_container.setdefault(id(container), []).append(i)
    clones: set[int] = set()
    for members in by_container.values():
        keys = [candidates[i].key for i in members]
        distinct = len(set(keys))
        extra = len(keys) - distinct
        if not extra or extra > distinct:
            continue  # no copy, or more copies than slides: no carousel's
        # the copies sit on both sides, as many or one more before (Swiper, Slick)
        for before in dict.fromkeys((extra // 2, extra - extra // 2)):
            run = keys[before : before + distinct]
            if (
                len(set(run)) == distinct
                and keys[:before] == run[distinct - before :]
                and keys[before + distinct :] == run[: extra - before]
            ):
                clones.update(members[:before] + members[before + distinct :])
                break
    return clones
