"""Publication and modification dates, layer by layer: JSON-LD, meta, `<time>`, profile, text,
script data, card, URL, htmldate.

The order, and why: what the article's own metadata states first (JSON-LD, specific meta tags);
then what is printed by the headline (the `<time>` nearest it, a labelled date, a date element,
a date line or dateline), before the generic meta tags (`date`, `dc.date`: often a template's
render or import date); then script data under date keys, the article's own card, the URL, and
htmldate on the raw page last (never a day only a card, a comment or a teaser prints). A UTC stamp one day away from the day printed under the headline (or in the
URL; for a modification stamp, the day after an "Updated" label; else by the article's `<time>`
stating that moment, a day without a year taking the stamp's) gives the printed day: the site
wrote its local day. A modification day before the publication day dates something else.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from bs4 import NavigableString, Tag
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from scraper.dates import (
    Stamp,
    bare_label_at,
    date_in_url,
    date_spans,
    has_digit,
    in_range,
    iter_dates,
    label_at,
    labelled_date,
    may_hold_label,
    parse_date_text,
    parse_epoch,
    parse_stamp,
    printed_day,
    range_spans,
    slash_order,
    stamp_day,
    vocabulary,
    year_in_url,
    yearless_date,
    yearless_opening,
)
from scraper.extract.appstate import script_date, state_date
from scraper.extract.blockkind import is_caption
from scraper.extract.blocks import Block, in_furniture
from scraper.extract.page import Page
from scraper.extract.selectors import class_string
from scraper.extract.structured import EPOCH_ATTRS
from scraper.extract.treewalk import first_named, is_inside, tags_named
from scraper.extract.zone import lines_around
from scraper.text import fold, normalize_lines, normalize_text

log = logging.getLogger(__name__)

FoundDate = tuple[dt.date, str] | None
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date_published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "publishdate",
    "dc.date.created",
    "release_date",
    "ptime",
    "dc.date.publication",
    "dc:created",
    "citation_date",
    "published-date",
    "article.created",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "bt:pubdate",
    "article_date_original",
)
#: Generic date meta tags: a template often fills them with its render, import or review date, so
#: a date the page prints by the headline (a `<time>`, a labelled date, a date line) wins over them.
WEAK_META = ("date", "dc.date", "dcterms.date", "dc:date")
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "date_modified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
    "updated_time",
)
_MODIFIED_HINTS = ("updated", "modified", "update")
_PUBLISHED_HINTS = ("published", "publi", "entry-date", "posted", "pubdate", "post-date", "date")
#: Characters of text before a `<time>` read for its label ("Updated <time>").
_LABEL_WINDOW = 40
#: A paragraph at least this long is running text: a date opening it is a dateline
#: ("Hafenstadt, (14.03.2024). Der Landkreis …").
_MIN_PARAGRAPH = 80
#: A dateline's place name before the date is at most this long.
_MAX_PLACE = 30
#: A line of at most this many characters holding a date is a date line (byline, meta line).
_DATE_LINE = 40
#: A line of at most this many characters may be a label alone, its date in the next element
#: (<dt>Last updated</dt><dd>…</dd>; div soup: <p><span>Bijgewerkt:</span></p><p>12/05/2026</p>).
_LABEL_CELL = 30


def _time_kind(tag: Tag) -> str | None:
    """ "published", "modified" or None (unknown) for a `<time>` element."""
    itemprop = str(tag.get("itemprop") or "").lower()
    if "datepublished" in itemprop:
        return "published"  # the element's own property, over its wrapper's class ("…__updated")
    shown = _own_label(tag)
    if shown:
        return shown  # what the reader sees ("Updated March 4, 2026") over the markup's class
    parent = tag.parent if isinstance(tag.parent, Tag) else tag
    own = class_string(tag).lower()
    if _hatom_publication(own) and "datemodified" not in itemprop:
        return _label_before(tag) or "published"
    classes = f"{own} {class_string(parent).lower()}"
    if "datemodified" in itemprop or any(h in classes for h in _MODIFIED_HINTS):
        return "modified"
    label = _label_before(tag)
    if label:
        return label
    if (
        "datepublished" in itemprop
        or tag.has_attr("pubdate")
        or any(h in classes for h in _PUBLISHED_HINTS)
    ):
        return "published"
    return None


#: The classes a WordPress theme gives its publication `<time>` (hAtom's `entry-date`, or
#: `published`), to which it adds hAtom's required `updated` while the post is unedited:
#: `<time class="entry-date updated">`, `class="entry-date published updated"`. An edited post
#: gets a `<time class="updated">` of its own.
_HATOM_PUBLISHED = ("entry-date", "published")


def _hatom_publication(classes: str) -> bool:
    """True when a `<time>`'s own `classes` mark it the publication as well as "updated"."""
    names = classes.split()
    return "updated" in names and any(name in names for name in _HATOM_PUBLISHED)


def _own_label(tag: Tag) -> str | None:
    """ "published" or "modified" when the text `tag` shows opens with that kind of label
    ("<time datetime=…>Bijgewerkt op 4 maart 2026</time>", "<time …>Updated 2 hours ago</time>"):
    the label the reader sees names the date, whatever the element's class says."""
    text = normalize_text(tag.get_text(" "))
    if not text or text[0].isdigit():
        return None  # most `<time>`s show their date alone
    # the label and the date it introduces ("Mis à jour le 04/03/2026"), the earliest kind first
    found = [
        (at, kind) for kind in ("modified", "published") if (at := label_at(text, kind)) is not None
    ]
    if found:
        return min(found)[1]
    # a label before a date the vocabulary cannot read ("Updated 2 hours ago"): the words
    # before the first digit
    head = _DIGIT_RUN.split(text, maxsplit=1)[0].strip()
    return _label_kind(head) if head and len(head) < len(text) else None


_DIGIT_RUN = re.compile(r"\d")
#: A `<time>` that opens its elements is looked up this many elements high for the label
#: before it ("<span>Mis à jour le</span><span><time>…</time></span>"): a label cell and its
#: value's cell are siblings a level or two up, not further.
_LABEL_DEPTH = 3


def _label_before(tag: Tag) -> str | None:
    """ "published" or "modified" when the text just before `tag` is that kind of label
    ("<span>Updated</span> <time>", "Mis à jour le <time>"): in its parent, or, when `tag`
    opens its parent, before the element it opens (at most `_LABEL_DEPTH` levels up)."""
    node = tag
    for _ in range(_LABEL_DEPTH):
        parent = node.parent
        if not isinstance(parent, Tag):
            return None
        before: list[str] = []
        for sibling in node.previous_siblings:
            before.insert(0, sibling.get_text(" ") if isinstance(sibling, Tag) else str(sibling))
            if sum(map(len, before)) > _LABEL_WINDOW:
                break
        text = normalize_text(" ".join(before))[-_LABEL_WINDOW:]
        if text:
            return _label_kind(text)
        if parent.name in ("body", "html", "article", "main"):
            return None
        node = parent
    return None


#: A date put after a text to ask whether the text is a date label (a label is one when a
#: date may follow it).
_PROBE_DATE = "01.01.2000"


def _label_kind(text: str) -> str | None:
    """ "modified" or "published" when `text` ends with that kind of date label, else None."""
    probe = f"{text} {_PROBE_DATE}"
    return next((k for k in ("modified", "published") if labelled_date(probe, k)), None)


def _article_times(page: Page) -> list[Tag]:
    """The `<time>`s of the article, nearest the headline first (teasers, comments and tickers
    come later on the page, or sit beside the article): found once per page, for both dates
    (what it reads, the scope, the frame and the headline, is fixed once the page is read).
    Callers read the list, never change it."""
    if page.article_times is None:
        page.article_times = _find_article_times(page)
    return page.article_times


def _find_article_times(page: Page) -> list[Tag]:
    scope = page.article_scope()
    times = []
    for tag in page.signals.times:
        if _beside_article(page, tag):
            continue
        if scope is not None and not is_inside(tag, scope):
            continue  # a live ticker, a "most viewed" list: beside the article, not its date
        if _in_repeated_unit(tag) or _in_teaser_link(tag):
            continue  # a teaser's or a comment's, one of a list; a "Read also" link's
        times.append(tag)
    if times:
        times = _without_teasers_above(page, times)
    # one `<time>` or none needs no order: the headline is looked up only to sort several
    headline = _headline(page) if len(times) > 1 else None
    if headline is not None:
        at = page.signals.position.get(id(headline), 0)
        times.sort(key=lambda t: abs(page.signals.position.get(id(t), at) - at))
    return times


#: A `<time>` is looked up this many elements high for the unit it dates (a list item, a card).
_UNIT_DEPTH = 3
#: A list of teasers or comments has at least this many units, each with its `<time>`.
_MIN_UNITS = 2


def _in_repeated_unit(tag: Tag) -> bool:
    """True when `tag` dates one of several sibling units of the same kind (tag and class) that
    each hold a `<time>` and a link or a paragraph: a teaser list, a comment thread. The
    article's "Published"/"Updated" pair holds labels only."""
    unit = tag
    for _ in range(_UNIT_DEPTH):
        parent = unit.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "article", "main"):
            return False
        unit, parent = parent, parent.parent
        if not isinstance(parent, Tag):
            return False
        kind = (unit.name, class_string(unit))
        units = [
            sibling
            for sibling in parent.children
            if isinstance(sibling, Tag)
            and (sibling.name, class_string(sibling)) == kind
            and first_named(sibling, "time") is not None
            and next(tags_named(sibling, ("a", "p")), None) is not None
        ]
        if len(units) >= _MIN_UNITS and any(u is unit for u in units):
            return True
    return False


#: A link beside a `<time>` (in its parent) with at least this many words is another article's
#: title: a lone teaser ("<time>2 marzo</time> <a>Incidente sulla A12, code fino a Sestri</a>");
#: an article's own date line links an author ("Ann Lee") or a section ("Politics") at most.
_TEASER_TITLE_WORDS = 4


def _without_teasers_above(page: Page, times: list[Tag]) -> list[Tag]:
    """`times` without those above the headline whose parent (not holding the headline) also
    holds a link of a headline's length to another page: a lone teaser before the article (a
    "Latest" item, a ticker), the date of that other text. One teaser is no repeated unit."""
    headline = _headline(page)
    if headline is None:
        return times
    position = page.signals.position
    at = position.get(id(headline))
    if at is None:
        return times
    kept = []
    for tag in times:
        parent = tag.parent
        if (
            position.get(id(tag), at) < at
            and isinstance(parent, Tag)
            and not (parent is headline or is_inside(headline, parent))
            and any(
                not str(a.get("href", "")).startswith("#")
                and not any(up is a for up in tag.parents)
                and len(a.get_text(" ").split()) >= _TEASER_TITLE_WORDS
                for a in tags_named(parent, ("a",))
                if a.get("href") is not None
            )
        ):
            continue
        kept.append(tag)
    return kept


#: A link holding a `<time>` and at least this many other words holds another text's title: a
#: teaser ("<a>Le tram arrive <time>1er mars</time></a>"); the article's own date link holds
#: its dates alone, or with their label ("Posted on", "Mis en ligne le").
_TEASER_WORDS = 3
#: A `<time>` is looked up this many elements high for the link that holds it.
_LINK_DEPTH = 3


def _in_teaser_link(tag: Tag) -> bool:
    """True when `tag` sits in a link that also names another text (a "Read also" insert in the
    body, a single teaser): the day is that text's."""
    link = next(
        (p for _, p in zip(range(_LINK_DEPTH), tag.parents, strict=False) if p.name == "a"), None
    )
    if link is None:
        return False
    # the link's words outside `tag` and its other `<time>`s (WordPress links a post's two dates
    # together)
    inside = {id(s) for s in tag.find_all(string=True)}
    words = normalize_text(
        " ".join(
            s
            for s in link.find_all(string=True)
            if id(s) not in inside and s.find_parent("time") is None
        )
    )
    return len(words.split()) >= _TEASER_WORDS and _label_kind(words) is None


def _headline(page: Page) -> Tag | None:
    anchors = _anchors(page)
    return anchors[0] if anchors else None


def _stamp_of(tag: Tag, month_first: bool) -> Stamp | None:
    """What a `<time>` (or a microdata or hAtom date element) states: its machine-readable
    attribute first, its text otherwise."""
    for name in ("datetime", "content", "title"):
        raw = tag.get(name)
        if isinstance(raw, str) and (stamp := parse_stamp(raw, month_first=month_first)):
            return stamp
    stamp = _epoch_of(tag)
    if stamp is not None:
        return stamp
    value = parse_date_text(tag.get_text(" "), month_first=month_first)
    return Stamp(value) if value else None


def _epoch_of(tag: Tag) -> Stamp | None:
    """The moment an element states as a Unix timestamp in a data attribute
    (`<span data-timestamp="1741804200">3 hours ago</span>`): its text is relative, or the
    script that writes it has not run."""
    for name in EPOCH_ATTRS:
        raw = tag.get(name)
        if isinstance(raw, str) and (stamp := parse_epoch(raw)):
            return stamp
    return None


def month_first(page: Page) -> bool:
    """Whether this page writes its slash dates month first (DECISIONS: slash dates): one order
    for the whole page, read from every slash date it holds (meta tags, the lines by the
    headline, a comment's or a rail teaser's date) and the full date in its URL (a slash date
    that is the URL's date in one reading only settles the order), so that the "Updated" line
    and the cards are read as the page writes them. The page's declared language ("en-US") is
    no evidence: DECISIONS lists only what the dates themselves show."""
    if page.month_first is None:
        metas = [
            v for name in WEAK_META + PUBLISHED_META[:8] for v in page.signals.meta.get(name, ())
        ]
        page.month_first = slash_order(
            [*metas, *zone_lines(page), *_slash_texts(page)], _url_date(page)
        )
    return page.month_first


def _slash_texts(page: Page) -> list[str]:
    """The page's visible strings that may hold a slash date (scripts and styles are no text):
    those the parse listed as holding a "/", else a walk over the tree."""
    if page.slash_strings is not None:
        return list(page.slash_strings)
    return [s for s in page.soup.strings if "/" in s and type(s) is NavigableString]


def _anchors(page: Page) -> list[Tag]:
    """The headline candidates the date lines are read around: the first `<h1>`s, else the
    first `<h2>` outside the site's frame."""
    anchors = _headline_h1s(page)
    if not anchors:
        anchors = [
            h
            for h in page.signals.headings[:8]
            if h.name == "h2" and not page.in_site_chrome(h) and not page.in_related(h)
        ][:1]
    if not anchors:
        # the element `extract_title` kept as the headline (a `<div>` printing the title the
        # `<title>` gives), else the one printing the headline the metadata names
        shown = page.headline or _shown_headline(page)
        anchors = [shown] if shown is not None else []
    return anchors


def _shown_headline(page: Page) -> Tag | None:
    """On a page with no `<h1>` nor `<h2>`, the element whose whole text is the headline its
    metadata names (og:title, JSON-LD): a `<div class=chamada>` printed as the headline, the
    date line under it. Not one in the site's frame or a list of other articles."""
    signals = page.signals
    named = signals.first_meta("og:title", "twitter:title") or signals.jsonld_value("headline")
    return page.element_printing(named) if named else None


def _headline_h1s(page: Page) -> list[Tag]:
    """The first two `<h1>`s outside related lists; of those, the ones outside the site's frame
    when there are any: a theme that sets the site's name in an `<h1>` in its banner (beside a
    masthead's date line, the day the page was served) sets the headline in another."""
    h1s = [h for h in page.signals.h1s[:2] if not page.in_related(h)]
    own = [h for h in h1s if not page.in_site_chrome(h) or page.in_page_header(h)]
    return own or h1s


def zone_lines(page: Page) -> list[str]:
    """Text near the headline and at both ends of the article, where sites print the date."""
    if page.zone_lines is not None:
        return page.zone_lines
    lines: list[str] = []
    page.zone_lines = lines
    anchors = _anchors(page)
    avoid = frozenset(id(section) for section in page.related_sections)
    for anchor in anchors:
        behind, ahead = lines_around(
            anchor, page.config, avoid, frame=lambda tag: _frame_behind(page, tag)
        )
        if not lines:
            page.zone_behind = len(behind)
        lines.extend(behind)
        lines.extend(normalize_lines(anchor.get_text("\n")))
        lines.extend(ahead)
    blocks = page.blocks
    head, tail = blocks[:3], blocks[-3:]
    ends = _ends_lines(page, [*head, *tail])
    for own in ends[: len(head)]:
        lines.extend(own)
    page.zone_head = len(lines)
    for own in ends[len(head) :]:
        lines.extend(own)
    return lines


def _ends_lines(page: Page, blocks: list[Block]) -> list[list[str]]:
    """The `_dated_lines` of each of the text's first and last `blocks`, in that order, read from
    the last: a block whose lines no reader of the zone can tell anything from (`_Inert`), and
    whose next line in the zone holds no digit (no label cell before it), is left out without
    asking whether it is a caption (a walk around its element): in or out, every reader gives
    the same answer."""
    found: list[list[str]] = [[] for _ in blocks]
    inert = _Inert(page)
    follows_digit = False  # whether the zone line after the block holds a digit
    for at in range(len(blocks) - 1, -1, -1):
        block = blocks[at]
        if not follows_digit and all(map(inert, block.lines)):
            continue
        found[at] = own = _dated_lines(block)
        if own:
            follows_digit = has_digit(own[0])
    return found


#: The ASCII characters a zone line that tells a reader nothing holds none of (`_Inert`): a
#: digit (a date), a colon ("Label: value"), a "|" (a line of pieces); one set test per line.
_INERT_FREE = frozenset("0123456789:|")


class _Inert:
    """Whether a zone line tells nothing to any reader of the zone, in or out of it: ASCII
    without a digit (no date, no slash date, no label cell's date: folding adds none), no
    colon (no "Label: value") nor "|" (one piece: only "|" splits an ASCII line), and folded,
    neither a label of the sector mapping, nor a card's, nor the headline (`extract_sector`).
    The headline is read only when a line is asked about."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.known: set[str] | None = None

    def __call__(self, line: str) -> bool:
        if not line.isascii() or not _INERT_FREE.isdisjoint(line):
            return False
        page = self.page
        if self.known is None:
            self.known = {fold(c.sector) for c in page.cards if c.sector}
            headline = page.headline_element()  # as `extract_sector` reads it
            if headline is not None:
                self.known.add(page.folded_text(headline))
        folded = fold(line)
        return folded not in self.known and folded not in page.config.sectors


def _dated_lines(block: Block) -> list[str]:
    """The lines of one of the text's first or last blocks that may date the article: none of a
    picture's caption ("Die Brücke am 12.02.2024. Foto: dpa": the day the photo was taken)."""
    return [] if is_caption(block) else block.lines


def _frame_behind(page: Page, tag: Tag) -> bool:
    """True when `tag`, behind the headline, is the site's frame: its menu or its banner (the
    site's sections listed there are never the article's sector), or a list of other articles'
    teasers (a "Top stories" row above the article), whose dates are theirs."""
    return _site_menu(page, tag) or page.is_site_banner(tag) or _teaser_list(tag)


def _teaser_list(tag: Tag) -> bool:
    """True when `tag` holds a list of dated units (several siblings of one kind, each with its
    `<time>` and a link: `_in_repeated_unit`)."""
    return any(_in_repeated_unit(time) for time in tag.find_all("time"))


def _site_menu(page: Page, tag: Tag) -> bool:
    """True when `tag` is, or holds, the site's menu (a `<nav>` or navigation role that is no
    breadcrumb trail): the lines before the headline stop there, a masthead's date line ("Dienstag,
    12. März 2024": the day the page was served) being the frame's, not the article's."""
    navs = [tag] if tag.name == "nav" or tag.get("role") == "navigation" else []
    navs += tag.find_all("nav")
    return any(not page.is_breadcrumb(nav) for nav in navs)


def zone_digits(page: Page) -> list[bool]:
    """Whether each of `zone_lines` holds a digit: a line without one holds no date (most
    lines), which the date readers tell from this list rather than each asking again."""
    if page.zone_digits is None:
        lines = zone_lines(page)
        # a zone without a digit anywhere (no date by the headline) is told by one test of its
        # whole text (joining the lines adds none), not one per line
        digits = has_digit("\n".join(lines))
        page.zone_digits = list(map(has_digit, lines)) if digits else [False] * len(lines)
    return page.zone_digits


def zone_has_label(page: Page, kind: str) -> bool:
    """Whether a line of `zone_lines` may hold a `kind` date label (`may_hold_label`), found
    once per page: without one, no zone line is a labelled date, a label cell or a line cut at
    its label. A label is read in a line with a digit (a labelled date needs one) or, alone,
    in a line before one (a label cell): only those lines are looked at."""
    found = page.zone_labels.get(kind)
    if found is None:
        lines, digits = zone_lines(page), zone_digits(page)
        last = len(lines) - 1
        # (a zone without a digit: no line is looked at)
        text = (
            "\n".join(
                fold(line)
                for index, line in enumerate(lines)
                if digits[index] or (index < last and digits[index + 1])
            )
            if any(digits)
            else ""
        )
        # both kinds from the one folded text: each date asks for both (an "Updated" line is
        # no publication date), and the text does not depend on the kind
        for each in dict.fromkeys((kind, *_LABEL_KINDS)):
            page.zone_labels[each] = may_hold_label(text, each)
        found = page.zone_labels[kind]
    return found


#: The kinds of date label `zone_has_label` is asked about.
_LABEL_KINDS = ("published", "modified")


def _foreign_label(line: str, at: int) -> bool:
    """True when the date at folded position `at` of `line` follows a label of something else
    ("Registriert: 03.04.2015", "Member since 2019-…"): a "Label:" that names neither
    publication nor modification."""
    before = fold(line)[:at].rstrip()
    if not before.endswith(":"):
        return False
    return _label_kind(line[:at].rstrip()) is None


def _before_update_label(text: str, order: bool) -> str:
    """`text` up to its "Updated" label and that label's date ("5 March 2026 · Updated 6 March
    2026" -> "5 March 2026"; "Updated: 6 March 2026" -> ""): what follows the label is no
    publication date."""
    cut = label_at(text, "modified", month_first=order)
    return text if cut is None else text[:cut].rstrip(" ·|•–—-,")


def _date_line(line: str, order: bool, updated: bool = True) -> dt.date | None:
    """The date of a short line that is mostly a date ("04 Dezember, 2023", "Beitrag von kaybee »
    11.02.2019, 07:15"), unless a label of something else introduces it. An "Updated" label
    and its date are no publication date: what stands before the label is read alone
    ("5 March 2026 · Updated 6 March 2026"). `updated`: False when the line is known to hold
    no such label."""
    if updated:
        line = _before_update_label(line, order)
    if len(line) > _DATE_LINE:
        return None
    for at, end, value in date_spans(line, month_first=order):
        # a range's day ("12-16 mars 2026", "Du 12 au 16 mars 2026") is an event's
        return None if _foreign_label(line, at) or _ranged(line, at, end) else value
    return None


def _ranged(text: str, start: int, end: int) -> bool:
    """True when the date at `start`..`end` of `text` (folded positions) is one of a range's
    two days: an event's dates, never the day a text was published."""
    return in_range(range_spans(text), start, end)


#: A byline naming several people, their roles and bureau holds its date at one end of a line
#: of at most this many characters ("Von Hans Müller und Petra Schmidt, Korrespondenten in Berlin
#: | 12.03.2024, 14:05 Uhr"); a longer line is running text.
_BYLINE_LINE = 160
#: After a byline's closing date, at most this many characters, opening with a time: its time
#: and zone (", 14:05 Uhr", " 2:05 PM ET"); a word after the date continues a sentence.
_BYLINE_TAIL = 16
#: A time after a date, with its short connective: "14:05", "à 14h05", "um 14:05", "kl. 14.05".
_TIME_TAIL = re.compile(r"(?:\w{1,3}\.?\s+)?\d")


def _after_update_label(lines: list[str], digits: list[bool], index: int, order: bool) -> bool:
    """True when line `index` is the date of an "Updated" label alone in the line before it."""
    return bool(
        index
        and not digits[index - 1]
        and _label_cell(lines[index - 1], lines[index], "modified", order)
    )


def _after_other_label(lines: list[str], digits: list[bool], index: int) -> bool:
    """True when line `index` is the value of a label of something else alone in the line before
    it ("Completed:" | "2017-12-26", "Registriert:" | "03.04.2015"): a "Label:" cell that names
    neither publication nor modification."""
    if not index or digits[index - 1]:
        return False
    label = lines[index - 1].rstrip()
    return len(label) <= _LABEL_CELL and label.endswith(":") and _label_kind(label) is None


def _byline_date(
    lines: list[str], digits: list[bool], order: bool, fields: frozenset[str]
) -> dt.date | None:
    """The date that opens or closes a byline too long for a date line, by the headline: one date
    only, the line no sentence (no closing full stop), no label of something else before it. A
    sentence naming a day in its middle ("Ab dem 15.04.2024 ist die Brücke gesperrt.") is none,
    nor a line of `fields` (the values of facts that are no date of the page)."""
    for index, line in enumerate(lines):
        if not digits[index] or len(line) > _BYLINE_LINE or line.rstrip().endswith("."):
            continue
        if (
            _after_update_label(lines, digits, index, order)
            or _after_other_label(lines, digits, index)
            or line in fields
        ):
            continue  # an "Updated" label's date, another label's, an event's field
        cut = label_at(line, "modified", month_first=order)
        text = line[:cut].rstrip(" ·|•–—-,") if cut is not None else line
        found = date_spans(text, month_first=order)
        if len(found) != 1 or _foreign_label(text, found[0][0]) or _ranged(text, *found[0][:2]):
            continue
        start, end, value = found[0]
        tail = _before_relative_update(fold(text)[end:]).strip(" ,·|•–—-(")
        if start <= 2 or not tail or (_TIME_TAIL.match(tail) and len(tail) <= _BYLINE_TAIL):
            return value
    return None


def _before_relative_update(tail: str) -> str:
    """The `tail` after a byline's date up to an "Updated" label whose value is no date
    ("22h20 Atualizado há 2 horas" -> "22h20 "; a label with a date was cut before): the
    update's age says nothing of the publication day the byline closes with."""
    cut = bare_label_at(tail, "modified")
    return tail if cut is None else tail[:cut]


def _label_cell(label: str, line: str, kind: str, order: bool) -> dt.date | None:
    """The date `line` opens when `label`, the line (element) just before it, is a `kind` label
    alone ("Updated" | "May 12, 2026"; "Mis à jour le" | "12.05.2026")."""
    if len(label) > _LABEL_CELL or has_digit(label) or not has_digit(line):
        return None
    # the label ends its own element: the same label takes a date put right after it
    at = label_at(f"{label} {_PROBE_DATE}", kind)
    if at is None or label_at(f"{label} {line}", kind, month_first=order) != at:
        return None
    return labelled_date(f"{label} {line}", kind, month_first=order)


def _opening_date(text: str, order: bool) -> dt.date | None:
    """A dateline opening running text: "Hafenstadt, (14.03.2024). Der …", "PARIS (3 juin 2025) –"."""
    if len(text) < _MIN_PARAGRAPH:
        return None
    opening = text[: _MAX_PLACE + 30]
    for at, end, value in date_spans(opening, month_first=order):
        if not _ranged(opening, at, end) and _dateline_place(text, at):
            return value
        return None
    return None


def _dateline_place(text: str, at: int) -> bool:
    """True when what opens `text` before position `at` is a dateline's place: short, no digit
    nor sentence mark, set apart from the date."""
    place = text[:at].strip(" ,(–-")
    return (
        len(place) <= _MAX_PLACE
        and not any(c.isdigit() or c in ".!?" for c in place)
        and _place_set_apart(text[:at])
    )


#: What sets a dateline's place apart from its date: "BERLIN, 12.03.2024", "Namur, le 9 janvier",
#: "Hafenstadt (14.03.2024)", "PARIS – 3 juin".
_PLACE_MARKS = ",(–—-|:"


def _place_set_apart(before: str) -> bool:
    """True when the text before a date opening a paragraph is a dateline's place: nothing, a
    place set apart by a mark, or one written in capitals ("WASHINGTON March 3"). A word run into
    the date ("Am 15.04.2024 beginnt …", "On March 3 the council …") opens a sentence about an
    event on that day, not a dateline."""
    place = before.strip()
    return not place or any(mark in place for mark in _PLACE_MARKS) or place.isupper()


def _from_text(page: Page, kind: str) -> dt.date | None:
    """The `kind` date the text by the headline gives (a labelled date; for "published", a date
    line, a yearless date in a URL's year, a dateline), read once per page: what it reads (the
    zone lines, the slash order, the URL, the blocks) is fixed once the page is read."""
    if kind not in page.text_dates:
        page.text_dates[kind] = _read_text_date(page, kind)
    return page.text_dates[kind]


def _read_text_date(page: Page, kind: str) -> dt.date | None:
    lines = zone_lines(page)
    order = month_first(page)
    # every date holds a digit: a line without one has no labelled date, and is a label cell
    # only before a line with one (`labelled_date` and `_label_cell` say None at once without)
    digits = zone_digits(page)
    last = len(lines) - 1
    # no line is a labelled date or a label cell when the zone holds no label of that kind
    for index, line in enumerate(lines if zone_has_label(page, kind) else ()):
        if digits[index]:
            found = labelled_date(line, kind, month_first=order)
        elif index < last and digits[index + 1]:
            # a label and its date in two cells: <dt>Last updated</dt><dd>6 June 2025</dd>
            found = _label_cell(line, lines[index + 1], kind, order)
        else:
            continue
        if found:
            return found
    if kind == "published":
        # folding an ASCII line adds no digit, and every date, yearless ones too, holds one: a
        # zone of ASCII lines without a digit (most small pages) has no date line nor byline
        found = (
            _zone_date(page, lines, digits, order)
            if any(digits) or not all(map(str.isascii, lines))
            else None
        )
        if found:
            return found
        paragraphs = (b for b in page.blocks[:4] if len(b.text) >= _MIN_PARAGRAPH)
        first = next(paragraphs, None)
        if first is None or first.is_heading:
            return None
        found = _opening_date(first.text, order)
        if found is None and (first.bold or first.role == "lead"):
            # a standfirst set apart above the text (wholly bold, or the element the profile
            # names the lead): the dateline opens the text's first paragraph, under it
            second = next(paragraphs, None)
            if second is not None and not second.is_heading:
                found = _opening_date(second.text, order)
        return found
    return None


def _zone_date(page: Page, lines: list[str], digits: list[bool], order: bool) -> dt.date | None:
    """The publication day a line by the headline prints: a date line, a yearless date in the
    URL's year, else a byline's date (`lines` and `digits`: the zone's, and whether each holds a
    digit)."""
    year = _url_year(page)
    updated = zone_has_label(page, "modified")
    for index in _nearest_first(page):
        line = lines[index]
        if digits[index] and (
            (updated and _after_update_label(lines, digits, index, order))
            or _after_other_label(lines, digits, index)
            or line in _fact_values(page)
        ):
            # the date of an "Updated" label in the element before, or an event's field
            # (<dt>Dates</dt><dd>12 mars 2026</dd>): no publication
            continue
        # a line that is only a date, under the headline (the end of the text may announce
        # events); folding ASCII text adds no digit, so such a line without one holds no date
        found = _date_line(line, order, updated) if digits[index] or not line.isascii() else None
        if found:
            return found
        if year is not None:
            # "2 juin" or a dateline "BRUSSELS, June 3 (Wire) -", the year filed in the URL
            found = yearless_date(line, year)
            if found:
                return found
    return _byline_date(lines[: page.zone_head], digits, order, _fact_values(page))


def _nearest_first(page: Page) -> Iterator[int]:
    """The indices of the zone's lines around the headline, nearest it first: the headline and
    the lines under it, then those before it, walking back. A date line above the headline is
    the article's only when none is printed under it: above, a teaser of another article (a
    "Most read" promo, a ticker) in the same column comes first in reading order."""
    behind = page.zone_behind
    yield from range(behind, page.zone_head)
    yield from range(min(behind, page.zone_head) - 1, -1, -1)


def _url_date(page: Page) -> dt.date | None:
    """The full date the page's URL path writes, if any: a path without a digit writes none (most
    do not: the month-name pattern is not run over them)."""
    path = urlsplit(page.url).path
    return date_in_url(path) if has_digit(path) else None


def _url_year(page: Page) -> int | None:
    """The year the page's URL path files it under, if any (none without a digit)."""
    path = urlsplit(page.url).path
    return year_in_url(path) if has_digit(path) else None


def _shown_date(page: Page) -> dt.date | None:
    """The publication day the page prints by its headline, else a full date in its URL."""
    return _from_text(page, "published") or _url_date(page)


#: htmldate reads at most this much of a page: its extensive search takes seconds per megabyte
#: (35 s on a 6 MB page), and a publication date sits near the top
HTMLDATE_MAX_CHARS = 512 * 1024
#: Scripts hold app data (a paywall's "expires", a cache's "cacheUntil"): their dates count only
#: under date keys, read by our script layer; htmldate sees the rest of the raw page.
_SCRIPTS = "//script[not(contains(@type, 'ld+json'))]"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


#: Any year a date could have: a page without one holds no date htmldate could find (its URL
#: was read already), and the search costs tens of milliseconds even on a small page. The
#: "not after a digit" test comes after "19"/"20" (three digits back: the two just read are
#: digits), not before it: a pattern that opens with a lookbehind runs it at every character,
#: one that opens with a literal skips ahead to the next "1" or "2" (5x faster on a page).
_ANY_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
#: An XML namespace declaration (xmlns="http://www.w3.org/1999/xhtml", an inline SVG's
#: xmlns:xlink="http://www.w3.org/1999/xlink", xmlns:fb="http://www.facebook.com/2008/fbml"):
#: its name identifies a vocabulary of the markup, and the year in it is no date the page
#: writes. htmldate reads none of these as a day either: it skips a year after "w3.org" (its
#: last-resort year pattern), and a lone year elsewhere is 1 January, which is refused below
#: unless the page writes that day. A page whose only years are namespace names is thus a page
#: without a year, as above. (XHTML writes `xmlns` in lower case; any other spelling counts as
#: a year, and htmldate runs.)
_NAMESPACE = re.compile(r"""xmlns(?::[-\w.]+)?\s*=\s*(?:"[^"<>]*"|'[^'<>]*')""")
#: A year is looked up this many characters back for the `xmlns` whose name may hold it: a
#: namespace name is a short URI; a year further from its `xmlns` counts as a year (htmldate
#: runs, as it would without this test).
_NAMESPACE_REACH = 200


def _holds_year(html: str) -> bool:
    """True when the first `HTMLDATE_MAX_CHARS` of `html` write a year a date could have, outside
    namespace names (an XHTML page's or an inline SVG's declarations)."""
    if html.find("19", 0, HTMLDATE_MAX_CHARS) < 0 and html.find("20", 0, HTMLDATE_MAX_CHARS) < 0:
        # every year the pattern reads opens with one of them: two C-speed scans tell most small
        # pages (no year, no "200px") apart, where the pattern tries every "1" and "2" in Python's
        # regex engine (about 5 us a kilobyte)
        return False
    at = 0
    while found := _ANY_YEAR.search(html, at, HTMLDATE_MAX_CHARS):
        start = found.start()
        xmlns = html.rfind("xmlns", max(0, start - _NAMESPACE_REACH), start)
        declaration = _NAMESPACE.match(html, xmlns) if xmlns >= 0 else None
        if declaration is None or declaration.end() < found.end():
            return True
        at = declaration.end()
    return False


def _from_htmldate(page: Page, html: str) -> dt.date | None:
    # `isspace`, not `strip`: no copy of the page
    if not html or html.isspace() or not _holds_year(html):
        return None
    try:
        # a str with an XML declaration is refused by lxml: the declaration says nothing here
        text = _XML_DECLARATION.sub("", html[:HTMLDATE_MAX_CHARS], count=1)
        tree = lxml_html.fromstring(text)
        for script in tree.xpath(_SCRIPTS):
            script.drop_tree()
        value = find_date(tree, url=page.url, original_date=True, extensive_search=True)
    except (
        etree.LxmlError,
        ValueError,
        TypeError,
        LookupError,
    ) as exc:  # lxml rejects some documents
        log.debug("htmldate gave up: %s", exc)
        return None
    if not value:
        return None
    day = dt.date.fromisoformat(value)
    if day.month == 1 and day.day == 1 and not _states_new_year(html, day.year):
        return None  # htmldate completes a lone year ("© 2023") to 1 January: a year is no day
    return day


def _states_new_year(html: str, year: int) -> bool:
    """True when the page writes 1 January of `year` as a full date somewhere."""
    text = html[:HTMLDATE_MAX_CHARS]
    folded = fold(text)  # what `iter_dates` reads (fold remembers it: it is not done twice)
    ascii_digits = folded.isascii() or not _OTHER_DIGIT.search(folded)
    if ascii_digits and not _new_year_forms(year).search(folded):
        return False
    return any(value == dt.date(year, 1, 1) for _, value in iter_dates(text))


#: A digit other than 0-9 (Arabic-Indic, Devanagari...): the date pattern reads any script's
#: digits, `_new_year_forms` spells the ASCII ones only.
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


@lru_cache(maxsize=8)
def _new_year_forms(year: int) -> re.Pattern[str]:
    """Each form in which the date pattern of `iter_dates` can write 1 January of `year` (ISO,
    day-month-year digits, "1 janvier 2024", "January 1, 2024"), without its boundaries and
    lookarounds: a folded text of ASCII digits it does not match holds no such date. It opens
    with a digit or a letter, not a lookbehind, so it skims a page where the date pattern,
    which tries its lookbehind at every character, took ~11 ms on 64 KB (a data URI's base64):
    this takes ~1 ms."""
    day = "0?1"
    # a year of four digits; a two-digit one, or four digits under 100 ("0024"), is 20xx
    short = f"{year % 100:02d}" if 2000 <= year < 2100 else None
    four = f"{year}|00{short}" if short else str(year)
    some = f"{four}|{short}" if short else four
    january = "|".join(
        re.escape(name)
        for name in sorted((n for n, m in vocabulary().months.items() if m == 1), key=len)[::-1]
    )
    # the forms that open with the day ("1", "01") are looked for from its "1", once for both
    return re.compile(
        rf"(?:{four})[-/.]{day}[-/.]{day}"
        rf"|1(?:\s?[./-]\s?{day}\s?[./-]\s?(?:{some})"
        rf"|(?:er|e|de|ste|st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{january})\.?,?\s+(?:{four}))"
        rf"|(?:{january})\.?\s+{day}(?:st|nd|rd|th)?,?\s+(?:{four})"
    )


def _stamp_day(
    page: Page, stamp: Stamp, kind: str = "published", *, own: dt.date | None = None
) -> dt.date:
    """The day of a `kind` ("published" or "modified") metadata stamp: in the site's zone, or as
    written; a UTC stamp (or one in another offset than the site's zone) one day away from the
    day the page prints for that kind gives the printed day (a late-evening article or update,
    stamped in UTC or abroad). `own`: the day the stamp's
    element prints itself (a `<time>`'s text), which is the printed day when given."""
    zone = page.config.time_zone
    day = stamp.day_in(zone)
    if not stamp.is_foreign(zone):
        return day
    printed = stamp_day(
        stamp,
        zone,
        own
        or _printed_day(page, kind)
        or _same_moment_time(page, stamp)
        or (_yearless_day(page, day) if kind == "published" else None),
    )
    if printed != day or kind != "published" or zone is not None:
        return printed
    return _local_twin(page, stamp) or day


def _printed_day(page: Page, kind: str) -> dt.date | None:
    """The day the page prints by its headline for `kind`: a publication day (or a full date in
    the URL), or the day after an "Updated" label."""
    return _shown_date(page) if kind == "published" else _from_text(page, "modified")


def _yearless_day(page: Page, near: dt.date) -> dt.date | None:
    """The day a date printed without its year by the headline gives ("NEW YORK, March 5 (Wire
    Desk) - …" opening the text, a "5 mars" line), in the year that puts it nearest `near` (a
    foreign stamp's day), when no URL files the page under a year: the wire's local day beside a
    UTC stamp of the next morning. Lines of an "Updated" label (or of another label's value)
    say nothing of the publication; the nearest line under the headline is read first, then a
    dateline whose place is no capitals ("Monterrey (México), 5 mar (EFE).- …") opening the
    text's first paragraph."""
    lines = zone_lines(page)
    digits = zone_digits(page)
    order = month_first(page)
    for index in _nearest_first(page):
        line = lines[index]
        if (
            not digits[index]
            or bare_label_at(line, "modified") is not None
            or _after_update_label(lines, digits, index, order)
            or _after_other_label(lines, digits, index)
        ):
            continue
        days = [
            day
            for year in (near.year - 1, near.year, near.year + 1)
            if (day := yearless_date(line, year)) is not None
        ]
        if days:
            return min(days, key=lambda day: abs((day - near).days))
    # a dateline whose place is no capitals ("Monterrey (México), 5 mar (EFE).- …")
    first = next((b for b in page.blocks[:4] if len(b.text) >= _MIN_PARAGRAPH), None)
    if first is None or first.is_heading:
        return None
    opening = first.text[: _MAX_PLACE + 30]
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        found = yearless_opening(opening, year)
        # the date's position is in the folded text (Hangul folds longer): read the place there
        if found is not None and _dateline_place(fold(opening), found[0]):
            days.append(found[1])
    return min(days, key=lambda day: abs((day - near).days), default=None)


def _same_moment_time(page: Page, stamp: Stamp) -> dt.date | None:
    """The day the article's own `<time>` stating the same moment as a metadata `stamp` prints
    ("<time datetime='2026-03-04T01:30:00Z'>Tue, Mar 3, 2026, 8:30 PM</time>" beside
    article:published_time of that moment): the site's local day, wherever the `<time>` sits (a
    meta column beside the text, a line after it), not only by the headline."""
    order = month_first(page)
    for tag in _article_times(page):
        raw = tag.get("datetime")
        own = parse_stamp(raw) if isinstance(raw, str) else None
        if own is not None and own.has_offset and own.moment == stamp.moment:
            return printed_day(tag.get_text(" "), stamp.day, order)
    return None


#: Publication meta tags read for the same moment written with the site's own offset.
_TWIN_META = PUBLISHED_META[:8]


def _local_twin(page: Page, stamp: Stamp) -> dt.date | None:
    """The day of the same moment as a UTC `stamp` written elsewhere with a local offset (JSON-LD
    "2017-02-24T01:18:13Z" beside article:published_time "2017-02-23T17:18:13-08:00"): the
    site's own offset gives the day its readers saw."""
    signals = page.signals
    for raw in (
        signals.jsonld_value("datePublished", "dateCreated"),
        *(signals.first_meta(name) for name in _TWIN_META),
    ):
        twin = parse_stamp(raw) if raw else None
        if twin is not None and twin.has_offset and not twin.is_utc and twin.moment == stamp.moment:
            return twin.day
    return None


def _meta_stamp(page: Page, names: tuple[str, ...]) -> Stamp | None:
    meta = page.signals.meta
    if meta.keys().isdisjoint(names):
        return None  # most pages name none of them: no stamp, told by one set test
    order = month_first(page)
    for name in names:
        if name not in meta:
            continue  # most of the names on any page: no value, hence no stamp
        stamp = parse_stamp(page.signals.first_meta(name), month_first=order)
        if stamp:
            return stamp
    return None


def _time_day(page: Page, times: list[Tag], kind: str | None) -> dt.date | None:
    order = month_first(page)
    for tag in times:
        if _time_kind(tag) == kind and (stamp := _stamp_of(tag, order)):
            own = (
                printed_day(tag.get_text(" "), stamp.day, order)
                if stamp.is_foreign(page.config.time_zone)
                else None
            )
            return _stamp_day(page, stamp, kind or "published", own=own)
    return None


def _script_stamp(
    page: Page, title: str | None, keys: tuple[str, ...], post_keys: tuple[str, ...]
) -> Stamp | None:
    """A date in script data under a date key: on the state object whose title is the headline
    (where a post's own `date` counts too), else in inline scripts."""
    signals = page.signals
    return parse_stamp(state_date(signals.app_state, title, keys + post_keys)) or parse_stamp(
        script_date(signals.scripts, keys)
    )


def extract_published(
    page: Page,
    html: str,
    self_card_date: dt.date | None,
    *,
    title: str | None = None,
    modified: dt.date | None = None,
) -> FoundDate:
    """The publication day; other articles' cards and sidebars are never evidence for it.

    `modified`: the modification day already found; a page that shows only an "Updated" date has
    no publication date, so the htmldate fallback may not return that day.
    """
    signals = page.signals
    vocab = vocabulary()
    stamp = parse_stamp(
        signals.jsonld_value("datePublished", "dateCreated", "uploadDate"),
        month_first=month_first(page),
    )
    if stamp:
        return _stamp_day(page, stamp), "jsonld"
    stamp = _meta_stamp(page, PUBLISHED_META)
    if stamp:
        return _stamp_day(page, stamp), "meta"
    times = _article_times(page)
    for kind in ("published", None):
        value = _time_day(page, times, kind)
        if value:
            return value, "html"
    order = month_first(page)
    # a labelled date by the headline ("Posted on June 3, 2025") beats a date class elsewhere
    digits = zone_digits(page)
    head = page.zone_head if zone_has_label(page, "published") else 0
    for index, line in enumerate(zone_lines(page)[:head]):
        # `labelled_date` finds nothing in a line without a digit: most lines
        value = labelled_date(line, "published", month_first=order) if digits[index] else None
        if value:
            return value, "text"
    for tag in page.matched("date"):
        if _beside_article(page, tag):
            continue
        text = normalize_text(tag.get_text(" "))
        value = labelled_date(text, "published", month_first=order) or parse_date_text(
            _before_update_label(text, order), month_first=order
        )
        if value:
            return value, "profile"
    value = _from_text(page, "published")
    if value:
        return value, "text"
    # a page that shows an "Updated" date by its headline and no publication date has none: a
    # generic meta date (a template's render or import date) loses to the date shown, and
    # htmldate, which reads that meta tag too, is not asked (DECISIONS: dates)
    updated_only = _shows_update(page, times)
    stamp = None if updated_only else _meta_stamp(page, WEAK_META)
    if stamp:
        return _stamp_day(page, stamp), "meta"
    stamp = _script_stamp(page, title, vocab.published_keys, vocab.post_published_keys)
    if stamp:
        return _stamp_day(page, stamp), "state"
    if self_card_date:
        return self_card_date, "card"
    value = _url_date(page)
    if value:
        return value, "url"
    value = _fact_table_date(page, order)
    if value:
        return value, "text"
    if updated_only:
        return None
    value = _from_htmldate(page, html)
    # htmldate reads the whole page: a day only a card of another article shows (a "Recent
    # posts" widget) or a `<time>` beside the article (a comment's, a teaser's) is that
    # other text's, and the day an "Updated" label shows is no publication
    walked: dict[str, list[NavigableString]] = {}  # the two tests read the same strings
    if (
        value
        and value != modified
        and not _foreign_day(page, value, times, order, title, walked)
        and not _event_day(page, value, order, walked)
    ):
        return value, "htmldate"
    return None


def _shows_update(page: Page, times: list[Tag]) -> bool:
    """True when the page shows an "Updated" date by its headline: the article's `<time>` of
    that kind, or a date after an "Updated" label in the lines around the headline."""
    return (
        _time_day(page, times, "modified") is not None or _from_text(page, "modified") is not None
    )


def _event_day(
    page: Page, day: dt.date, order: bool, walked: dict[str, list[NavigableString]]
) -> bool:
    """True when the page writes `day` only as an event's: a day of a range ("Du 12 au 16 mars
    2026"), the value of a fact that is no publication ("<dt>Dates</dt>", "Deadline: 20 février
    2026"); never alone. htmldate reads such a day as the page's date. `walked`: as for
    `_year_strings`."""
    event = False
    fields = _fact_values(page)
    for string in _year_strings(page.soup, f"{day.year % 100:02d}", walked):
        parent = string.parent
        if not isinstance(parent, Tag):
            continue
        text = normalize_text(parent.get_text(" "))
        ranges = range_spans(text)
        if any(day in (first, last) for _, _, first, last in ranges):
            event = True
        for start, end, value in date_spans(text, month_first=order):
            if value != day:
                continue
            if (
                in_range(ranges, start, end)
                or _foreign_label(text, start)
                or normalize_text(string) in fields
            ):
                event = True
            else:
                return False  # the day written alone: maybe the article's
    return event


def _fact_values(page: Page) -> frozenset[str]:
    """The lines of the values of the page's facts that are no date of the page (<dt>Dates</dt>
    <dd>12-16 mars 2026</dd>; <th>Registration deadline</th><td>…</td>): an event's fields,
    not the article's date. Read once per page."""
    if page.fact_values is None:
        lines: set[str] = set()
        for name in page.signals.fact_names:
            label = normalize_text(name.get_text(" "))
            if not label or _label_kind(label) is not None:
                continue  # a publication or modification fact, or an empty cell
            cell = name.find_next_sibling(True)
            if cell is None or _FACT_CELLS.get(cell.name) != name.name:
                continue
            lines.update(normalize_lines(cell.get_text("\n")))
        page.fact_values = frozenset(lines)
    return page.fact_values


def _foreign_day(
    page: Page,
    day: dt.date,
    article_times: list[Tag],
    order: bool,
    title: str | None,
    walked: dict[str, list[NavigableString]],
) -> bool:
    """True when `day` is another text's than the article's: a card's, that of a `<time>` of
    another text (in a comment, a teaser list, the site's frame), or a day written in a
    comment's or a widget's text that neither the article's own lines, nor its own card (the
    unit naming its `title`), nor any other string of the page outside those texts (a blog's
    `date-header` above the post), nor the article's own `<time>`s write: a comment of the
    article's own day leaves it. `walked`: as for `_year_strings`."""
    if any(card.published(order) == day for card in page.cards):
        return True
    kept = {id(tag) for tag in article_times}
    own = False  # the article's `<time>`s or strings outside other texts give `day`
    for tag in page.signals.times:
        stamp = _stamp_of(tag, order)
        if stamp is None or stamp.day != day:
            continue
        # another text's: a `<time>` merely outside the article's scope (a blog post's footer
        # stamp) may still be the article's own
        if id(tag) not in kept and (
            _beside_article(page, tag) or _in_repeated_unit(tag) or _in_teaser_link(tag)
        ):
            return True
        own = True
    if own:
        return False
    # every written date ends with its year's last two digits ("2024", "24"): an ASCII string
    # without them cannot write `day` (a string in another script may fold into digits)
    year_tail = f"{day.year % 100:02d}"
    beside = False
    names: dict[int, bool] = {}  # whether a unit's text names the title, read once per unit
    for string in _year_strings(page.soup, year_tail, walked):
        parent = string.parent
        if not isinstance(parent, Tag) or all(
            value != day for _, value in iter_dates(string, month_first=order)
        ):
            continue
        if not _beside_article(page, parent) or _names_title(parent, title, names):
            return False  # the article's text, or a line of the page outside any other text
        beside = True
    if not beside:
        return False
    lines = [*zone_lines(page), *(line for block in page.blocks for line in block.lines)]
    # (folding an ASCII line adds no digit: one without the year's two digits writes no `day`)
    return all(
        value != day
        for line in lines
        if year_tail in line or not line.isascii()
        for _, value in iter_dates(line, month_first=order)
    )


def _year_strings(
    soup: Tag, year_tail: str, walked: dict[str, list[NavigableString]]
) -> list[NavigableString]:
    """The plain text nodes of `soup` (no comment, script or style text) that may write a date of
    a year ending in `year_tail` ("24"), in document order: an ASCII one holding those two
    digits, any other holding a digit (in another script, it may fold into digits). The nodes
    of `soup.strings`, by one loop over the parse's `next_element` chain: bs4's walk stacks two
    generators and a type test per node, 2x slower on a page of 100,000 nodes. `walked` keeps
    the lists found by year tail: the tests of htmldate's day walk the whole page once. Callers
    read the list, never change it."""
    found = walked.get(year_tail)
    if found is not None:
        return found
    found = walked[year_tail] = []
    node = soup.contents[0] if soup.contents else None  # the document's own link is unset
    while node is not None:
        if type(node) is NavigableString and (
            year_tail in node if node.isascii() else has_digit(node)
        ):
            found.append(node)
        node = node.next_element
    return found


#: The cells of a table of facts about the page, the fact's name in the first, its value in
#: the second (<dt>Published:</dt><dd>2017-08-15</dd>; <th>Veröffentlicht</th><td>…</td>).
#: (the first cells are `structured.FACT_NAME_CELLS`, which the page's signals list)
_FACT_CELLS = {"dd": "dt", "td": "th"}


def _fact_table_date(page: Page, order: bool) -> dt.date | None:
    """The date of a publication fact in a table of facts about the page, wherever it sits (a
    press office's info box in the sidebar, a work's stats above its title): <th>Veröffentlicht
    am</th><td>12.03.2024</td>. Not a comment's or a teaser's (one of several sibling units)."""
    for name in page.signals.fact_names:
        if _label_kind(normalize_text(name.get_text(" "))) != "published":
            continue
        cell = name.find_next_sibling(True)
        if cell is None or _FACT_CELLS.get(cell.name) != name.name or page.in_related(cell):
            continue
        value = parse_date_text(cell.get_text(" "), month_first=order)
        if value:
            return value
    return None


def _names_title(tag: Tag, title: str | None, seen: dict[int, bool]) -> bool:
    """True when the unit around `tag` (a few elements up) names `title`: the article's own
    card in a list of teasers. `seen` remembers each unit's answer (by `id`): the strings of
    one list share their units, whose text is read once (a list of n teasers would read the
    list's text n times)."""
    if not title:
        return False
    wanted = fold(title)
    unit: Tag | None = tag
    for _ in range(_UNIT_DEPTH):
        if unit is None or unit.name in ("body", "html"):
            return False
        named = seen.get(id(unit))
        if named is None:
            named = seen[id(unit)] = wanted in fold(unit.get_text(" "))
        if named:
            return True
        unit = unit.parent
    return False


def _beside_article(page: Page, tag: Tag) -> bool:
    """True inside a comment, a widget, a list of other articles or the site's frame."""
    return page.in_related(tag) or page.in_site_chrome(tag) or in_furniture(tag, page.config)


def check_published(page: Page, found: FoundDate) -> None:
    """Warn when the page prints a publication date other than the one its metadata gives."""
    if found is None or found[1] not in ("jsonld", "meta", "html"):
        return
    shown = _from_text(page, "published")
    if shown is not None and shown != found[0]:
        page.warnings.append(
            f"published {found[0].isoformat()} ({found[1]}) but the page shows {shown.isoformat()}"
        )


def _is_publication(page: Page, stamp: Stamp) -> bool:
    """True when a modification `stamp` is the publication stamp itself (a CMS fills
    `dateModified` with `datePublished` until an edit): the same instant, however written."""
    order = month_first(page)
    published = parse_stamp(
        page.signals.jsonld_value("datePublished", "dateCreated", "uploadDate"), month_first=order
    ) or _meta_stamp(page, PUBLISHED_META)
    if published is None or stamp.moment is None or published.moment is None:
        return False  # a day alone is no instant: an edit on the publication day stays one
    if stamp.has_offset and published.has_offset:
        return stamp.moment == published.moment
    return stamp == published


#: A modification day at most this much earlier than the publication day is kept: the two may be
#: read in different zones (a UTC stamp's day beside the local day the page prints for the
#: publication, a day ahead on a site east of UTC), the modification in fact the later moment.
_ZONE_SLACK = dt.timedelta(days=1)


def modified_after(
    page: Page, modified: FoundDate, published: FoundDate, *, title: str | None = None
) -> FoundDate:
    """`modified` (`extract_modified`'s), unless its day is earlier than the publication day
    (beyond `_ZONE_SLACK`): a modification never precedes publication, so such a day (a server's
    stale `Last-Modified` copied into a meta tag, a template's import date, a post written before
    it was scheduled) dates something else, whatever its source. The next source's day on or
    after publication is the modification then (an "Updated" line under the headline), else
    there is none."""
    if modified is None or published is None or modified[0] >= published[0] - _ZONE_SLACK:
        return modified
    floor = published[0] - _ZONE_SLACK
    later = next((found for found in _modified_days(page, title) if found[0] >= floor), None)
    page.warnings.append(
        f"modified {modified[0].isoformat()} ({modified[1]}) precedes published "
        f"{published[0].isoformat()}: "
        + (f"{later[0].isoformat()} ({later[1]}) taken instead" if later else "dropped")
    )
    return later


def extract_modified(page: Page, *, title: str | None = None) -> FoundDate:
    """The last-modification day, when the page states one."""
    return next(_modified_days(page, title), None)


def _modified_days(page: Page, title: str | None) -> Iterator[tuple[dt.date, str]]:
    """The modification days the page states, by source, the strongest first (read lazily)."""
    signals = page.signals
    vocab = vocabulary()
    stamp = parse_stamp(signals.jsonld_value("dateModified"), month_first=month_first(page))
    if stamp and not _is_publication(page, stamp):
        yield _stamp_day(page, stamp, "modified"), "jsonld"
    stamp = _meta_stamp(page, MODIFIED_META)
    if stamp and not _is_publication(page, stamp):
        yield _stamp_day(page, stamp, "modified"), "meta"
    value = _time_day(page, _article_times(page), "modified")
    if value:
        yield value, "html"
    value = _from_text(page, "modified")
    if value:
        yield value, "text"
    stamp = _script_stamp(page, title, vocab.modified_keys, vocab.post_modified_keys)
    if stamp and stamp != _script_stamp(
        page, title, vocab.published_keys, vocab.post_published_keys
    ):
        # (the same stamp under both keys: the CMS fills the update with the publication)
        yield _stamp_day(page, stamp, "modified"), "state"
