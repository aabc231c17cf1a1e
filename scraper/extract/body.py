"""The standfirst (lead) and the article text (body) from the content blocks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import NavigableString, PageElement, Tag

from scraper import lexicon
from scraper.counters import MAX_COUNTER_LINE, is_counter_line
from scraper.dates import bare_label_at, has_digit, label_at, labelled_date, parse_date_text
from scraper.extract.blockkind import (
    MAX_CAPTION_CHARS,
    MAX_CREDIT_CHARS,
    TEXT_HOLDERS,
    caption_credit,
    figure_line_beside_caption,
    image_credit,
    inline_credit,
    is_caption,
    is_number_only,
    wholly_emphasised,
)
from scraper.extract.blocks import BLOCK_TAGS, HEADINGS, MAX_SPARSE_DENSITY, Block
from scraper.extract.cards import relative_date
from scraper.extract.config import ExtractConfig
from scraper.extract.contacts import AUTHOR_CREDIT, BYLINE, EMAIL, POSTCODE, phones_in
from scraper.extract.page import Page
from scraper.extract.treewalk import (
    all_links_in,
    first_child_tag,
    first_named,
    first_stripped_string,
    inside_any,
    is_inside,
    next_tags,
    previous_tags,
    tags_below,
    tags_named,
    text_length,
    text_longer_than,
)
from scraper.text import NOT_ALNUM, fold, normalize_text
from scraper.urls import host_of, resolve_href

Found = tuple[str, str] | None
_MIN_LEAD = 40
#: A label cell of a definition list or table is a word or two ("Date de publication").
_LABEL_CELL = 30
#: A block with more of its text in links than this is a menu, a tag list or a list of other
#: articles, not running text. High on purpose: an article's own lists of links (release notes,
#: a list of tools) run to 0.5-0.7, and on the devset 0.5 cost more recall than it won precision.
MAX_LINK_DENSITY = 0.8
#: A byline that gives the author's role ("By Jane Doe, Senior Technologist, Privacy Project")
#: runs to this many characters; it names the author first, then a comma, and never ends like a
#: sentence. Longer lines are text, whatever their first word.
MAX_BYLINE_WITH_ROLE = 160
#: The author's name before the role's comma: a few words.
MAX_BYLINE_NAME = 40


def is_copyright_line(text: str) -> bool:
    """A line of the site's own ("© 2026 Le Courrier", "Tous droits réservés"): its footer."""
    folded = fold(text[:40])
    return "©" in text or "tous droits" in folded or "all rights" in folded


#: A postcode and the town after it ("1000 Bruxelles", "B-1050 Ixelles", "NL 2511 Den Haag"): a
#: site's address line. A four-digit number alone is no address: it is most often a year
#: ("hub.brussels organise en 2026 une mission…" is a sentence of the text, not the site's line).
_POSTAL_TOWN = re.compile(rf"(?:{POSTCODE.pattern})\s+[A-ZÀ-ÖØ-Þ][^\W\d_]", re.UNICODE)


def mark_site_furniture(page: Page) -> None:
    """Blocks that are the site's own identity line ("hub.brussels · info@… · +32 …") get the
    role "site": a page without a footer element still keeps them out of the article."""
    for block in page.blocks:
        if block.role is not None or len(block.text) > 300:
            continue
        # a "©" in a figure's caption credits its photo: the caption is the article's
        copyright_line = is_copyright_line(block.text) and not is_caption(block)
        # an identity line's address holds an "@", its phone number or postcode a digit: most
        # lines hold neither, and the site's name is not looked for in them
        identity_line = (
            ("@" in block.text or has_digit(block.text))
            and page.names_site(block.text[:40])
            and bool(
                EMAIL.search(block.text)
                or phones_in(block.text, page.phone_regions)
                or _POSTAL_TOWN.search(block.text)
            )
        )
        if copyright_line or identity_line:
            block.role = "site"


#: A teaser is a linked title and a line or two of summary: at most this many blocks after its
#: title and this many characters (`page.CARD_MAX_CHARS`) in all.
MAX_TEASER_BLOCKS = 3
MAX_TEASER_CHARS = 400


def mark_teaser_lists(page: Page) -> None:
    """Two or more teasers in a row (a linked title, then at most `MAX_TEASER_BLOCKS` short
    lines) are a list of other articles ("Recommended for you"), with the heading just above
    them: they get the role "related". An article's own subheadings link nowhere. The label
    above any list of other articles goes with it."""
    blocks = page.blocks
    titles = [i for i, b in enumerate(blocks) if b.role is None and b.is_linked_title]
    run: list[tuple[int, int]] = []  # (title, end) of consecutive teasers
    for at, index in enumerate(titles):
        end = titles[at + 1] if at + 1 < len(titles) else len(blocks)
        body = blocks[index + 1 : end]
        teaser = (
            len(body) <= MAX_TEASER_BLOCKS
            and sum(len(b.text) for b in body) <= MAX_TEASER_CHARS
            and not any(b.is_heading or b.role is not None for b in body)
        )
        if teaser and (not run or run[-1][1] == index):
            run.append((index, end))
            continue
        _mark_run(blocks, run, page.url)
        run = [(index, end)] if teaser else []
    _mark_run(blocks, run, page.url)
    _mark_list_labels(blocks)


def _roundup(blocks: list[Block], run: list[tuple[int, int]], page_url: str) -> bool:
    """True when the run of teasers is the text's own roundup of the web ("<a
    href=https://one.example/…>…</a>", then a paragraph on it; the next title on another site):
    every title links off the page's site, each to a site of its own, and every title and
    summary is a child of one element, the text's, written flat as its subheadings and
    paragraphs. A list of the site's other articles links on the site, a partner's list
    ("Recommended for you") links to that one partner, and a list sets each teaser in a card of
    its own most often (`<li>`, `<article>`, a `<div>`)."""
    own = _site_host(page_url)
    hosts: set[str] = set()
    parent = None
    for title, end in run:
        linked = {_site_host(urljoin(page_url, h)) for h in blocks[title].hrefs}
        if not linked or linked & hosts or linked & {"", own}:
            return False
        hosts |= linked
        for block in blocks[title:end]:
            element = block.element
            if element is None or (parent is not None and element.parent is not parent):
                return False
            parent = element.parent
    return True


def _site_host(url: str) -> str:
    """The host of `url`, lowercased, without a leading `www.`."""
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


#: Lines between a list's label and its first card that are links ("View all posts"), at most.
_LABEL_GAP = 2


def _mark_list_labels(blocks: list[Block]) -> None:
    """The label just above a list of other articles ("More to explore", "Most popular": a
    heading or a line of a few words, then at most `_LABEL_GAP` link lines) is the list's."""
    for index, block in enumerate(blocks):
        if block.role != "related" or (index and blocks[index - 1].role == "related"):
            continue
        at = index - 1
        while at >= 0 and index - at <= _LABEL_GAP and blocks[at].role is None:
            if blocks[at].link_density <= MAX_LINK_DENSITY:
                break
            at -= 1
        label = blocks[at] if at >= 0 else None
        if (
            label is not None
            and label.role is None
            and (label.is_heading or _words_upto(label.text, MAX_CLOSING_WORDS))
            and not label.text.endswith((".", "!", "?", ":"))
        ):
            for block in blocks[at:index]:
                block.role = "related"


def _mark_run(blocks: list[Block], run: list[tuple[int, int]], page_url: str) -> None:
    if len(run) < 2 or _roundup(blocks, run, page_url):
        return
    first = run[0][0]
    if first > 0 and blocks[first - 1].is_heading and blocks[first - 1].role is None:
        first -= 1  # the list's own heading ("Recommended for you")
    for block in blocks[first : run[-1][1]]:
        if block.role is None:
            block.role = "related"


def _byline_with_role(text: str) -> bool:
    """A byline keyword, a capitalised name, a comma, the role ("By Jane Doe, Senior Technologist,
    Privacy Project"), no closing punctuation ("By Monday, the firm had agreed." is a sentence)."""
    found = BYLINE.match(text)
    if found is None or not text[found.end() - 1].isupper() or text.endswith((".", "!", "?")):
        return False
    comma = text.find(",", found.end())
    return 0 < comma <= MAX_BYLINE_NAME and " " in text[found.end() - 1 : comma]


#: Dashes and bullets an ad slot's label is set between ("- Advertisement -").
_LABEL_DASHES = " -–—·•"


@lru_cache(maxsize=1)
def _ad_labels() -> frozenset[str]:
    """The vocabulary's `ad_labels`, folded."""
    return frozenset(lexicon.words("ad_labels"))


def is_ad_label(block: Block) -> bool:
    """An ad slot's label on a line of its own ("Advertisement", "— Publicité —"): page
    furniture wherever it stands, between two paragraphs of the text or two interview turns."""
    text = block.text
    return (
        len(text) <= MAX_LABEL_CHARS
        and not block.is_heading
        and fold(text).strip(_LABEL_DASHES) in _ad_labels()
    )


#: A sponsor box is a label and a short promotion: a line or two and a link ("Gesponsert / Jetzt
#: die Weinreise buchen … Mehr erfahren"); a box holding more text is the article's.
MAX_SPONSOR_BOX_CHARS = 400
#: How far above a block its sponsor box may stand (`<div class=sponsor><div><p>…`): a few
#: wrappers, never the text's container.
SPONSOR_CLIMB = 2


def in_sponsor_box(block: Block, heads: dict[int, bool] | None = None) -> bool:
    """True when `block` stands in a labelled sponsor box: an element (`SPONSOR_CLIMB` levels
    up at most) whose first line is an ad label of its own ("Sponsored", "Anzeige",
    "Sponsorisé"), holding a link and little text (`MAX_SPONSOR_BOX_CHARS`): the label and the
    promotion it heads are an advertisement, between two interview turns or in a newsletter's
    text alike. The label itself is `is_ad_label`'s. `heads` remembers, by `id()`, whether an
    element's first line is such a label (`Page.ad_label_heads`): the blocks of a box share
    the elements above them."""
    node = block.element
    for _ in range(SPONSOR_CLIMB + 1):
        if node is None or node.name in TEXT_HOLDERS:
            return False
        labelled = None if heads is None else heads.get(id(node))
        if labelled is None:
            first = first_stripped_string(node)
            labelled = first is not None and fold(first).strip(_LABEL_DASHES) in _ad_labels()
            if heads is not None:
                heads[id(node)] = labelled
        if labelled:
            return (
                node is not block.element
                and not text_longer_than(node, MAX_SPONSOR_BOX_CHARS)
                and next(all_links_in(node), None) is not None
            )
        node = node.parent
    return False


#: A translations notice ("Cette page est aussi disponible en : Nederlands, English") is one line;
#: a paragraph of the text that links to another language's page runs longer.
MAX_NOTICE_CHARS = 120
#: A language's segment opening a URL's path ("/nl/", "/fr-be/").
_LANGUAGE_SEGMENT = re.compile(r"[a-z]{2}(?:-[a-z]{2})?", re.IGNORECASE)


def _path_language(url: str) -> str | None:
    """The language segment opening `url`'s path, lowercased ("/nl/news/x/" -> "nl"), or None."""
    first = urlsplit(url).path.strip("/").split("/", 1)[0]
    return first.lower() if _LANGUAGE_SEGMENT.fullmatch(first) else None


def _translations_notice(block: Block, page: Page) -> bool:
    """A line whose every link goes to this page's own site in another language (a path opening
    with another language segment than the page's, or a `hreflang` of another language): the
    notice naming the page's translations, furniture. At most `MAX_NOTICE_CHARS` characters."""
    if not block.hrefs or len(block.text) > MAX_NOTICE_CHARS or block.element is None:
        return False
    own = _path_language(page.url)
    host = urlsplit(page.url).netloc.lower()
    if own is None:
        return False
    for anchor in all_links_in(block.element):
        href = urljoin(page.url, str(anchor["href"]))
        if urlsplit(href).netloc.lower() != host:
            return False
        hreflang = str(anchor.get("hreflang") or "").lower() or None
        language = hreflang or _path_language(href)
        if language is None or language.split("-")[0] == own.split("-")[0]:
            return False
    return True


def is_metadata(block: Block, page: Page, known: set[str]) -> bool:
    """A line of page metadata rather than text: the headline, the sector, a byline with the date,
    a breadcrumb, a counter, a translations notice. Preformatted text (code, a shell session) is never one."""
    if block.tag == "pre":
        return False  # "$ hg log > out.txt" is a shell line, not a breadcrumb
    text = block.text
    size = len(text)  # (every kind of line below is asked at a length)
    if len(block.lines) > 1 and size <= _LONGEST_META_ROW and _meta_lines(block, page, known):
        return True  # "October 27, 2025" / "6:15 AM GMT+1" / "Updated 2 hours ago": a meta row
    longest_label = max(page.config.longest_sector, *map(len, known), 0)
    if size > longest_label and size > _LONGEST_META_LINE:
        # most of the text's paragraphs: too long for every kind of line below but a counter
        # of digits alone (`is_number_only`), each of the others asked for nothing
        return is_number_only(block)
    # folding never shortens normalised text: a block longer than every label cannot be one
    if size <= longest_label:
        folded = fold(text)
        if folded in known or folded in page.config.sectors:
            return True
    if size <= MAX_LABELLED_DATE_LINE and (
        labelled_date(text, "published") or labelled_date(text, "modified")
    ):
        return True
    if size <= 40 and parse_date_text(text):
        return True
    if size <= MAX_META_PIECE and (_time_text(block, page) or _relative_date_line(block, page)):
        return True  # "3 dagen geleden", "il y a 2 jours": the date, written relative to now
    if size <= 60 and BYLINE.match(text):
        return True
    if size <= MAX_BYLINE_WITH_ROLE and _byline_with_role(text):
        return True
    if (
        size <= MAX_BYLINE_WITH_ROLE
        and AUTHOR_CREDIT.match(text)
        and any(h.lower().startswith("mailto:") for h in block.hrefs)
    ):
        return True  # "By Erin Cunningham March 18 … Follow @…": the author's address links it
    if block.tag in ("dt", "th") and size <= _LABEL_CELL and not text.endswith((".", "?", "!")):
        return True  # a label cell ("Secteur", "Date") of a definition list or a table
    if is_ad_label(block) or in_sponsor_box(block, page.ad_label_heads):
        return True  # "Advertisement", "Publicité": an ad slot's label, the sponsor box it heads
    if (_maybe_digits(text) and is_counter_line(text)) or is_number_only(block):
        return True  # "1 284 vues · 3 min de lecture", a share bar's "42": furniture
    if size <= MAX_CREDIT_CHARS and (  # a credit is short: walk up to a figure only then
        caption_credit(block) == text or image_credit(block) or figure_line_beside_caption(block)
    ):
        return True  # a photo credit on a line of its own under the caption or the image
    if _translations_notice(block, page):
        return True  # "Aussi disponible en : Nederlands, English": links to its other languages
    if _brand_line(block, page, known):
        return True  # "Tech Ledger", "Tech Ledger Newsroom", "Source: Tech Ledger"
    if block.quoted and _post_attribution(block, page):
        return True  # "— hub.brussels (@hubbrussels) June 1, 2026": an embedded post's signature
    if size <= MAX_META_LINE and _meta_line(text):
        return True  # "Circulaire economie | Donderdag 21 mei 2026": labels around a date
    if size <= MAX_DATED_BYLINE_LINE and _dated_byline_line(text):
        return True  # "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger (avec …)"
    if _CRUMB_MARK.search(text) is None:
        return False  # no separator a trail of crumbs or a path needs (most lines)
    return _breadcrumb_line(block) or (
        size <= 80
        and any(sep in text for sep in (" > ", " › ", " » ", " / "))
        and not text.endswith((".", "?", "!"))
        and not is_caption(block)  # "The tram. Photo: J. Doe / Belga": a credit's agency
        and not _unlinked_subheading(block)
    )


#: A clock time on a line of its own ("6:15 AM GMT+1", "06:15", "14h30 CET"): the hour the
#: date beside it was written at, read only among a meta row's other lines (`_meta_lines`).
_CLOCK_LINE = re.compile(
    r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*[a-z]{2,4})?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


def _meta_lines(block: Block, page: Page, known: set[str]) -> bool:
    """Every line of `block` is metadata on its own (`is_metadata` asked of each), a clock time
    beside them (never alone: "10:00" / "12:00" may be a timetable's): a row of spans read as
    lines (a date, a time, "Updated 2 hours ago"), whose glued text is none."""
    lines = [line for line in block.lines if not _CLOCK_LINE.fullmatch(line)]
    return bool(lines) and all(
        is_metadata(replace(block, lines=[line]), page, known) for line in lines
    )


def _maybe_digits(text: str) -> bool:
    """False when `text` is plain ASCII without a digit: folding it only lowers its case, so no
    counter (a number and a word) can be read from it, without folding it to ask."""
    return not text.isascii() or has_digit(text)


def _unlinked_subheading(block: Block) -> bool:
    """A subheading of the text (`<h2>`-`<h6>`) that links nowhere: "Add-ons / Web Extensions",
    "Input / Output" title a section of the text. A trail of crumbs links its crumbs
    (`_breadcrumb_line`); the headline (`<h1>`) is read apart."""
    return block.tag in HEADINGS and block.tag != "h1" and not block.hrefs


#: A site's name is a word or two; squashed (no spaces nor dots), shorter than this it is a
#: common word too ("hub"), not a brand a line can be recognised by.
MIN_BRAND_CHARS = 5
_BRAND_LABEL = re.compile(r"^[^:]{1,20}:\s*")


def site_brands(page: Page, known: set[str]) -> frozenset[str]:
    """The site's names, squashed ("techledger"): the profile's, `og:site_name`, the pieces of
    the `<title>` that are not the headline, and the page's host without its `www.` and its
    last label ("techledger.example" -> "techledger")."""
    meta = page.signals.first_meta("og:site_name", "application-name")
    return _squashed_brands(
        page.config.site_names, meta, page.signals.title_tag, page.url, frozenset(known)
    )


@lru_cache(maxsize=8)
def _squashed_brands(
    site_names: tuple[str, ...],
    meta: str | None,
    title: str | None,
    url: str,
    known: frozenset[str],
) -> frozenset[str]:
    """`site_brands` from what it reads of the page: every short line of a page asks for them
    (`_brand_line`), folding and splitting the same names each time."""
    names = set(site_names)
    if meta:
        names.add(meta)
    if title:
        names.update(p for p in _TITLE_SEPARATOR.split(title) if fold(p).strip() not in known)
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    names.update((host, host.rpartition(".")[0]))
    squashed = (brand_of(n) for n in names)
    return frozenset(n for n in squashed if len(n) >= MIN_BRAND_CHARS)


def brand_of(name: str) -> str:
    """`name` squashed as `site_brands` holds the site's names ("Trade Flanders" ->
    "tradeflanders")."""
    return "".join(_WORD.findall(fold(name)))


def _brand_line(block: Block, page: Page, known: set[str]) -> bool:
    """A line of its own naming the site (`MAX_LABEL_CHARS`, no sentence, no heading): its name,
    perhaps after a label ("Source: …") or before one word ("… Newsroom", "… staff"): the
    site's brand, not the article's text. The interviewer's label ("hub.brussels" on a line
    over each question: the profile's `question_labels`, or a line repeated `MIN_LABEL_REPEATS`
    times) marks turns and stays."""
    text = block.text
    if block.is_heading or len(text) > MAX_LABEL_CHARS or text.endswith((".", "!", "?")):
        return False
    # the site's name first: most short lines name no brand, and end here
    words = _WORD.findall(fold(_BRAND_LABEL.sub("", text)))
    if not words:
        return False
    brands = site_brands(page, known)
    if "".join(words) not in brands and "".join(words[:-1]) not in brands:
        return False
    if fold(text).rstrip(" :") in {fold(q) for q in page.config.question_labels}:
        return False  # the interviewer's label on a line of its own ("hub.brussels"): a turn's
    # a line the text repeats is a label of its turns (the interviewer's name over each
    # question), not the brand line written once
    return sum(1 for b in page.blocks if b.text == text) < MIN_LABEL_REPEATS


#: An embedded post's attribution ("— Name (@handle) June 1, 2026") is a name, a handle and a
#: date; a quoted paragraph of text runs longer.
MAX_POST_ATTRIBUTION = 160
#: A social handle: "@" after no word character (an e-mail address has its user before it).
_HANDLE = re.compile(r"(?<![\w.@])@\w[\w.]*")


def _post_attribution(block: Block, page: Page) -> bool:
    """The signature line of a post embedded as a quote (a tweet, a toot): a dash, the author's
    name and @handle, and a link out of the site to the post itself. It is the embed's
    furniture, where the post's own text above it is what the article quotes."""
    text = block.text
    if len(text) > MAX_POST_ATTRIBUTION or text[:1] not in "—–-" or not _HANDLE.search(text):
        return False
    own = urlsplit(page.url).netloc
    return any(urlsplit(urljoin(page.url, h)).netloc not in ("", own) for h in block.hrefs)


def _time_text(block: Block, page: Page) -> bool:
    """The block is the text of a `<time>` element, however it is written ("3 dagen geleden",
    "Updated"): the page's date, not text. A page without a `<time>` (its signals list every
    one) has none to walk each block's elements for."""
    element = block.element
    if element is None or not any(t.name == "time" for t in page.signals.times):
        return False
    time = element if element.name == "time" else first_named(element, "time")
    return time is not None and " ".join(time.get_text(" ").split()) == block.text


#: A relative date on a line of its own is a few words ("2 days ago", "Il y a 3 heures").
MAX_RELATIVE_WORDS = 4


def _relative_date_line(block: Block, page: Page) -> bool:
    """A line that is a relative date alone (a phrase of the vocabulary's `relative_dates`, a few
    words, no sentence): "Twenty years ago, the firm…" runs on, "Hier." closes a sentence."""
    text = block.text
    return (
        not block.is_heading  # a section headed "Today" is the text's
        and not text.endswith((".", "!", "?", ":"))
        and _words_upto(text, MAX_RELATIVE_WORDS)
        and relative_date(text, page.config)
    )


_CRUMB_SEPARATOR = re.compile(r"\s+[>›»/]\s+")
#: The characters every `_CRUMB_SEPARATOR` holds: a line with none of them is one crumb.
_CRUMB_MARK = re.compile("[>›»/]")
#: A breadcrumb trail ends at the current page's title, a headline's length at most.
MAX_BREADCRUMB = 240


def _breadcrumb_line(block: Block) -> bool:
    """A trail of links set apart by separators ("Home › Nieuws › …") ending at the current page,
    unlinked: every crumb but the last is a link, whatever the length of the page's title."""
    text = block.text
    if len(text) > MAX_BREADCRUMB or text.endswith((".", "?", "!")):
        return False
    crumbs = _CRUMB_SEPARATOR.split(text)
    linked = sum(len(c) for c in crumbs[:-1])
    return len(crumbs) >= 2 and len(block.hrefs) >= len(crumbs) - 1 and block.link_chars >= linked


#: A meta line ("Sector | date | 3 min") is a few short pieces: at most this many characters
#: in all, each piece at most `MAX_META_PIECE` (a sector label, a date written out in words).
MAX_META_LINE = 120
MAX_META_PIECE = 40
#: A line holding a labelled date ("Publié le …", "Veröffentlicht am …") is metadata up to this
#: length: a label, a weekday, a date written out, a time and its zone ("Zuletzt aktualisiert am
#: Mittwoch, 13. September 2026, 10:15 Uhr MESZ", 68 characters) with room for a byline beside
#: them; as a piece of a meta line (`_meta_piece`) it opens with its label.
MAX_LABELLED_DATE_LINE = 120
_META_SEPARATOR = re.compile(r"\s+[|·•–—]\s+|\s*[|·•]\s*")
#: The characters every `_META_SEPARATOR` holds: a line with none of them is one piece.
_META_MARK = re.compile("[|·•–—]")


def _has_meta_mark(text: str) -> bool:
    """True when `text` holds a character a `_META_SEPARATOR` needs: a line without one (most
    lines) splits into one piece, no meta line, without a regex split of it."""
    return _META_MARK.search(text) is not None


def _meta_line(text: str) -> bool:
    """Short pieces set apart by bars, bullets or dashes, one of them a date and none of them a
    sentence: the metadata under a headline, not its first paragraph."""
    if not _has_meta_mark(text):
        return False
    pieces = [p.strip() for p in _META_SEPARATOR.split(text)]
    if len(pieces) < 2 or not all(map(_meta_piece, pieces)):
        return False
    return any(parse_date_text(p) for p in pieces)


def _meta_piece(piece: str) -> bool:
    """A piece of a meta line that would be metadata on a line of its own: a short label or date
    (a sector, "13 mai 2026": `MAX_META_PIECE`, no sentence's end), a labelled date opening
    with its label, as long as a date line may be ("Veröffentlicht am 13. Mai 2026, 00:30 Uhr",
    "Gepubliceerd op 13 mei 2026 om 00.30 uur": `MAX_LABELLED_DATE_LINE`), or a counter, its
    unit abbreviated or not ("Lesezeit: 4 Min.", "Leestijd 4 min")."""
    if not piece:
        return False
    if len(piece) <= MAX_META_PIECE and not piece.endswith((".", "?", "!")):
        return True
    if len(piece) <= MAX_LABELLED_DATE_LINE and 0 in (
        label_at(piece, "published"),
        label_at(piece, "modified"),
    ):
        return True
    return is_counter_line(piece)


#: A meta line naming the authors ("Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger
#: (avec Damien Leloup et Morgane Tual)") is a meta line and a byline with roles in one.
MAX_DATED_BYLINE_LINE = MAX_META_LINE + MAX_BYLINE_WITH_ROLE
#: The longest line any kind of `is_metadata` but a label of `known` or a bare number may be:
#: the most of the lengths each kind is asked at (a kind added there adds its length here;
#: `MAX_LABEL_CHARS`, an ad label's and a brand line's, defined further on, is below these).
_LONGEST_META_LINE = max(
    MAX_LABELLED_DATE_LINE,
    MAX_META_PIECE,
    MAX_BYLINE_WITH_ROLE,
    _LABEL_CELL,
    MAX_COUNTER_LINE,
    MAX_CREDIT_CHARS,
    MAX_NOTICE_CHARS,
    MAX_POST_ATTRIBUTION,
    MAX_META_LINE,
    MAX_DATED_BYLINE_LINE,
    MAX_BREADCRUMB,
)
#: A meta row is a few short pieces (a date, a time, a relative date, a byline): a block of
#: lines longer than two of the longest meta lines holds text, and is not split to be asked.
_LONGEST_META_ROW = 2 * _LONGEST_META_LINE


def _dated_byline_line(text: str) -> bool:
    """Short pieces set apart by bars, bullets or dashes, one of them the author credit ("Par
    …", "By …", "Door …": up to `MAX_BYLINE_WITH_ROLE` characters, several names and their roles)
    and another a date, none of them a sentence: the byline and date line under a headline. A
    sentence cut by dashes has no credit piece nor a piece that is a date alone."""
    if not _has_meta_mark(text):
        return False
    pieces = [p.strip() for p in _META_SEPARATOR.split(text)]
    credits = [p for p in pieces if AUTHOR_CREDIT.match(p) and not parse_date_text(p)]
    if len(pieces) < 2 or len(credits) != 1 or len(credits[0]) > MAX_BYLINE_WITH_ROLE:
        return False
    others = [p for p in pieces if p is not credits[0]]
    if credits[0].endswith((".", "?", "!")) or not all(map(_meta_piece, others)):
        return False
    return any(parse_date_text(p) for p in others)


def _lead_block(page: Page, known: set[str]) -> tuple[list[Block], str] | None:
    marked = [b for b in page.blocks if b.role == "lead"]
    if marked:
        return marked, "profile"
    at, first = next(
        (
            (at, b)
            for at, b in enumerate(page.blocks)
            if not b.is_heading
            and b.role is None
            and len(b.text) >= _MIN_LEAD
            and b.link_density <= MAX_LINK_DENSITY  # a line of links (topics) is no standfirst
            and not is_metadata(b, page, known)
            and not _repeats_headline(b.text, known)
            and not _site_title_piece(b.text, page, known)
            and not is_caption(b)
            and not _undecoded(b)
        ),
        (0, None),
    )
    dek = _dek_block(page, known, first)
    if dek is not None:
        return [dek], "html"
    if (
        first is None
        or first.text.endswith("?")
        or _opens_with_bold_question(first)
        or first.tag in ("blockquote", "li")
        or _answers_a_question(page.blocks, at)
        or _DATELINE.match(first.text)
    ):
        return None  # an interview's first turn is no standfirst
    description = page.signals.first_meta("description", "og:description", "twitter:description")
    if description:
        probe = fold(description).rstrip(".… ")[:80]
        if probe and fold(first.text).startswith(probe):
            return [first], "meta"
    return [first], "text"


#: A dateline opening a story's first paragraph ("CHICAGO — ", "BRUSSELS (Belga) – ",
#: "SAN FRANCISCO, Calif. - "): the place in capitals, an agency in brackets, a dash. A
#: standfirst is written apart from the story and never carries one: the paragraph is the text's.
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{2,40}(?:,\s*[A-ZÀ-Þ][\w.]{1,20}(?:\s[\w.]{1,20})?)?"
    r"(?:\s*\([^()]{1,40}\))?\s*[—–-]\s+\S"
)


#: An interview is a series of turns: this many questions set apart on lines of their own; one
#: question heading over the text ("Why now?") is the text's first section.
MIN_ASKED_LINES = 2
#: A question on a line of its own is a sentence or two; a paragraph ending with "?" runs longer.
MAX_ASKED_CHARS = 200


def _asks(block: Block) -> bool:
    return block.role is None and len(block.text) <= MAX_ASKED_CHARS and block.text.endswith("?")


def _answers_a_question(blocks: list[Block], at: int) -> bool:
    """True when `blocks[at]` comes right after a line of its own that asks (`<h3>Why
    Mexico?</h3>`, "<p><span>Q</span>Why Mexico?</p>") and more such lines follow
    (`MIN_ASKED_LINES`): the answer of an interview's first turn, not a standfirst."""
    if at == 0 or not _asks(blocks[at - 1]):
        return False
    return 1 + sum(map(_asks, blocks[at + 1 :])) >= MIN_ASKED_LINES


def _opens_with_bold_question(block: Block) -> bool:
    """True for a paragraph opening with a bold question that its answer follows ("<b>Why
    Mexico?</b> Because …"): an interview's turn set in one paragraph."""
    label = block.label or ""
    return not block.bold and label.endswith("?") and block.text.startswith(label)


#: A dek is a sentence, a section heading a few words ("Why now?"): a heading shorter than the
#: shortest lead is no standfirst; one longer than this is a paragraph set in a heading's style.
MAX_DEK_CHARS = 300
_DEK_TAGS = frozenset(("h2", "h3", "h4"))


def _is_dek(tag: str, text: str) -> bool:
    """A heading's text written as a standfirst: a subheading tag, a sentence's length, no
    question (an interview's first question, a section's "Why Poland?")."""
    return tag in _DEK_TAGS and _MIN_LEAD <= len(text) <= MAX_DEK_CHARS and not text.endswith("?")


def _dek_block(page: Page, known: set[str], first: Block | None) -> Block | None:
    """A dek written as a heading: the first heading of the text after the headline, before its
    first paragraph, and no section heading of the text (`_opens_sections`)."""
    blocks = page.blocks
    for at, block in enumerate(blocks):
        if block is first:
            return None
        if not block.is_heading or fold(block.text) in known:
            continue
        if (
            block.role is None
            and _is_dek(block.tag, block.text)
            and block.link_density <= MAX_LINK_DENSITY  # a story's linked title: no dek
            and not is_metadata(block, page, known)
            and not _repeats_headline(block.text, known)
            and not _opens_sections(page, known, blocks, at)
            and _right_under_headline(block.element)
        ):
            return block
        return None
    return None


def _opens_sections(page: Page, known: set[str], blocks: list[Block], at: int) -> bool:
    """True when the heading `blocks[at]` is the first of the text's sections: headings of its
    rank come after it in the same container (its siblings, or those of the section wrappers
    they open) and the text follows it at once. A dek stands apart: in the headline's box while
    the sections divide the text's own container, or before the date line or byline."""
    block = blocks[at]
    if block.element is None:
        return False
    parents = {id(node.parent) for node in _opened_wrappers(block.element)}
    later = [
        i
        for i in range(at + 1, len(blocks))
        if blocks[i].tag == block.tag
        and (element := blocks[i].element) is not None
        and any(id(node.parent) in parents for node in _opened_wrappers(element))
    ]
    if not later:
        return False  # the only one of its rank, or the text's sections in a container of their own

    def dated(i: int) -> bool:  # a date line or byline right under the heading
        return i + 1 < len(blocks) and is_metadata(blocks[i + 1], page, known)

    # a dek stands before the date line; headings each over their own date line are a series of
    # stories (a weekly edition's), as sections are
    return not dated(at) or any(dated(i) for i in later)


def _opened_wrappers(element: Tag) -> list[Tag]:
    """`element` and the wrappers it opens (`<section><h2>…`), up to `DEK_CLIMB` levels: what
    stands beside the other sections of a text."""
    found = [element]
    node = element
    for _ in range(DEK_CLIMB):
        parent = node.parent
        if parent is None or first_child_tag(parent) is not node:
            break
        found.append(parent)
        node = parent
    return found


#: Elements between the headline and a dek: a date line, a byline.
DEK_REACH = 3
#: Levels climbed from a dek opening the text's container (`<div class="text"><h4>…`) to the
#: element beside the headline: the rich-text field and its wrapper or two.
DEK_CLIMB = 3


def _right_under_headline(element: Tag | None) -> bool:
    """True when an `<h1>` (or the element holding it) is among the few elements just before
    `element`, or before the container `element` opens (a dek first in the rich text, under the
    headline outside it): a heading elsewhere (a page whose headline is an `<h2>`) is no dek."""
    node = element
    for _ in range(DEK_CLIMB + 1):
        if node is None:
            return False
        if any(
            sibling.name == "h1" or first_named(sibling, "h1") is not None
            for sibling in previous_tags(node, DEK_REACH)
        ):
            return True
        parent = node.parent
        if parent is None or parent.name in ("body", "html", "[document]"):
            return False
        if first_child_tag(parent) is not node:
            return False  # not the container's opening: text comes before it
        node = parent
    return False


#: Ancestors of a heading searched for the site's home link: its own container only (a site
#: bar's `<div><a href="/"><img></a><h1>…</h1></div>`); the one around an article's head may
#: hold a breadcrumb opening with "Home".
_SITE_BAR_DEPTH = 1


def _home_link(href: str, page: Page) -> bool:
    """True for a link to the site's home page ("/", "https://host/")."""
    return _home_href(href, page.url)


@lru_cache(maxsize=4096)  # a page's headings share their parent's links: each is judged once
def _home_href(href: str, page_url: str) -> bool:
    """`_home_link` of `href` on the page at `page_url`."""
    if _below_root(href):
        return False
    href = href.strip()
    parts = urlsplit(urljoin(page_url, href))
    return parts.path in ("", "/") and not parts.query and parts.netloc == urlsplit(page_url).netloc


@lru_cache(maxsize=4096)  # the site's menu links, the same on each of its pages: judged once
def _below_root(href: str) -> bool:
    """True when `href` has a path of its own with no dot segment: it resolves below the site's
    root, whatever page it is read on."""
    path = urlsplit(href.strip()).path
    return bool(path) and path != "/" and "." not in path


def _in_site_bar(tag: Tag, page: Page) -> bool:
    """A heading beside the site's home link (the logo) is the site's name or slogan set in a
    bar above every page, not the article's headline. A breadcrumb trail's first crumb links
    home too ("Startseite › Lokales"): a trail beside the headline leaves it the article's."""
    for parent in islice(tag.parents, _SITE_BAR_DEPTH):
        if parent.name in ("body", "html", "article", "main"):
            return False
        for link in tags_named(parent, ("a",)):
            href = link.get("href")
            if (
                href is not None
                and _home_link(str(href), page)
                and not _in_trail(link, parent, page)
            ):
                return True
    return False


def _in_trail(link: Tag, within: Tag, page: Page) -> bool:
    """True when `link` is a crumb of a breadcrumb trail (`Page.is_breadcrumb`) inside `within`."""
    for parent in link.parents:
        if parent is within:
            return False
        if parent.name in ("nav", "ol", "ul") and page.is_breadcrumb(parent):
            return True
    return False


def _site_title_piece(text: str, page: Page, known: set[str]) -> bool:
    """True when `text` opens with a piece of the `<title>` that is not the headline (the site's
    name or slogan: "Le Soleil – Le journal qui vous ressemble")."""
    title = page.signals.title_tag
    if not title:
        return False
    folded = fold(text)
    for piece in _TITLE_SEPARATOR.split(title):
        probe = fold(piece).strip()
        if len(probe) >= _MIN_TITLE_PIECE and probe not in known and folded.startswith(probe):
            return True
    return False


_TITLE_SEPARATOR = re.compile(r"\s+[|–—·:-]\s+|\s*[|·]\s*")
#: A piece of the `<title>` shorter than this is a word or two that a lead may well open with.
_MIN_TITLE_PIECE = 12


def _repeats_headline(text: str, known: set[str]) -> bool:
    """A line ending with the headline (a kicker glued before it, a repeat in bold) and not like
    a sentence: the headline again, not the standfirst."""
    folded = fold(text)
    return not text.endswith((".", "!", "?", "…")) and any(
        len(k) >= _MIN_TITLE_PIECE and folded.endswith(k) for k in known
    )


def _headline_element(page: Page, title: str | None) -> Tag | None:
    """The element printing the headline the title chose: an `<h1>` outside the site bar whose
    text is `title`, else a subheading whose text is (the `<h2>` headline under a slogan `<h1>`
    in the site bar), else the line `extract_title` kept (`Page.headline`), else the first `<h1>`
    outside the site's frame."""
    h1s = [h for h in page.signals.h1s if not _in_site_bar(h, page)]
    wanted = fold(title) if title else None
    if wanted is not None:
        named = next((h for h in h1s if fold(normalize_text(h.get_text(" "))) == wanted), None)
        named = named or next(
            (
                h
                for h in page.signals.headings
                if fold(normalize_text(h.get_text(" "))) == wanted
                and not page.in_site_chrome(h)
                and not page.in_related(h)
            ),
            None,
        )
        if named is not None:
            return named
    if page.headline is not None:
        return page.headline
    return next((h for h in h1s if not page.in_site_chrome(h)), None)


def _heading_outside(page: Page, root: Tag) -> bool:
    """True when an element `_headline_element` may answer (an `<h1>`, a subheading, the line
    `extract_title` kept) lies outside `root`: when none does, the headline is inside it, without
    reading each heading's text to tell which it is."""
    candidates = [*page.signals.h1s, *page.signals.headings]
    if page.headline is not None:
        candidates.append(page.headline)
    return any(not any(p is root for p in c.parents) for c in candidates)


def _under_headline(page: Page, known: set[str], title: str | None) -> str | None:
    """The paragraph right under the headline, when the headline sits outside the text container
    (a news site's `<p class="article__desc">`). A heading in the site bar is no headline."""
    root = page.root
    if root is None or not _heading_outside(page, root):
        return None  # whichever the headline is, it is in the text's container (most pages)
    headline = _headline_element(page, title)
    if headline is None:
        return None
    if any(p is root for p in headline.parents):
        return None
    # the next four elements after it (`find_next_siblings(limit=4)`, without bs4's matcher)
    for sibling in islice(_after_headline(headline), 4):
        if isinstance(sibling, Tag) and _photo_box(sibling):
            continue  # the photo under the header, its caption and credit: never the standfirst
        if isinstance(sibling, Tag) and sibling.name in _DEK_TAGS:
            text = normalize_text(sibling.get_text(" "))
            if _is_dek(sibling.name, text) and not _repeats_headline(text, known):
                return text  # a dek heading under a headline outside the text container
            break
        if sibling.name in ("ul", "ol") and _sparse(sibling, normalize_text(sibling.get_text(" "))):
            continue  # the headline's tags or categories, a word or two per item
        if (
            not isinstance(sibling, Tag)
            or sibling.name not in ("p", "div")
            or root is sibling
            or any(p is sibling for p in root.parents)
        ):
            break
        text = normalize_text(sibling.get_text(" "))
        if _sparse(sibling, text) or _short_lines(sibling):
            # the header's bar: source, date and buttons, a few characters per element; a
            # poster's profile box ("kaybee<br>Beiträge: 87<br>Registriert: …")
            continue
        probe = Block(tag="p", lines=[text])
        if (
            len(text) >= _MIN_LEAD
            and not is_metadata(probe, page, known)
            and not BYLINE.match(text)
            and not _site_title_piece(text, page, known)
        ):
            return text
    return None


def _short_lines(element: Tag) -> bool:
    """True when `element` breaks its text into lines (`<br>`) each shorter than a standfirst
    (`_MIN_LEAD`): a box of facts (a poster's name, post count and sign-up date; an address), where
    a standfirst is a sentence or a few on one line."""
    lines = [""]
    for node in element.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                lines.append("")
        elif type(node) is NavigableString:
            lines[-1] += node
    texts = [t for t in map(normalize_text, lines) if t]
    return len(texts) > 1 and max(map(len, texts)) < _MIN_LEAD


def _photo_box(element: Tag) -> bool:
    """A figure, or a box holding a picture and at most a caption's text (`MAX_CAPTION_CHARS`,
    its credit included) and no heading."""
    return element.name == "figure" or (
        first_named(element, "img") is not None
        and next(tags_named(element, HEADINGS), None) is None
        and text_length(element) <= MAX_CAPTION_CHARS
    )


def _headline_box(headline: Tag) -> Tag:
    """The headline, or the wrapper it closes (`<header><h1>…</h1></header><h2>dek</h2>`, up to
    `DEK_CLIMB` levels, never the article or the page): what a dek follows."""
    box = headline
    for _ in range(DEK_CLIMB):
        parent = box.parent
        if (
            next(next_tags(box), None) is not None  # `find_next_sibling()`
            or parent is None
            or parent.name in ("body", "html", "article", "main", "[document]")
        ):
            break
        box = parent
    return box


def _after_headline(headline: Tag) -> Iterator[Tag]:
    """The elements after the headline's box (`_headline_box`), then, when its wrapper holds no
    more, after the wrapper's, up to `DEK_CLIMB` levels, never past the article or the page: a
    title block's description set after the box of the headline and its category chips
    (`<div class="quarto-title"><h1>…<div class="quarto-categories">…</div></div>
    <div><div class="description">…`)."""
    box = _headline_box(headline)
    for _ in range(DEK_CLIMB + 1):
        yield from next_tags(box)
        parent = box.parent
        if parent is None or parent.name in ("body", "html", "article", "main", "[document]"):
            return
        box = parent


def _sparse(element: Tag, text: str) -> bool:
    """True when `element` spends an element per `MAX_SPARSE_DENSITY` characters of its `text`
    or more: a bar of pieces (a source, a date, a row of share buttons in a list) where a
    standfirst is a sentence or a few in one element, its links and emphasis a few more."""
    elements = 1 + sum(1 for _ in tags_below(element))
    return len(text) < MAX_SPARSE_DENSITY * elements


#: Nodes looked at backwards from the text container for the standfirst's last word: markup
#: between a cell and the row before it (closing tags, whitespace, a spacer) is a few nodes.
STANDFIRST_REACH = 40
#: A standfirst sits beside the text, in its container or a few levels up (the row before the
#: text's cell in a table layout: cell, row, table); a line further away (a sidebar's last line
#: in the page's outer table) is another part of the page.
STANDFIRST_DEPTH = 4
#: A standfirst is a sentence or three; a longer emphasised block is a text set in italics.
MAX_STANDFIRST = 600
_NOT_READ = frozenset(("script", "style", "noscript", "template"))
_SET_APART = frozenset(("figcaption", "figure", "blockquote", "a", "nav", "footer", "aside"))


def _text_opening(page: Page) -> Block | None:
    """The container's first block with no role: the paragraph a standfirst set before the
    container would precede (a container opening with its headline or a date line holds its
    standfirst too, and is left to `_lead_block`)."""
    return next((b for b in page.blocks if b.role is None and not is_caption(b)), None)


def _previous_element(tag: Tag) -> Tag | None:
    """The element sibling right before `tag` (text between them is whitespace or nothing)."""
    for node in tag.previous_siblings:
        if isinstance(node, Tag):
            return node
        if type(node) is NavigableString and node.strip():
            return None
    return None


def _picture_box(element: Tag) -> bool:
    """A box holding a picture and at most its caption (`MAX_CAPTION_CHARS`), no paragraph or
    heading: the opening photo between a standfirst and the text's container."""
    return (
        first_named(element, "img") is not None
        and first_named(element, "p") is None
        and next(tags_named(element, HEADINGS), None) is None
        and text_length(element) <= MAX_CAPTION_CHARS
    )


def _boxed_before(element: Tag, root: Tag) -> bool:
    """`element` is set apart in a box of its own right before the text container: the box (the
    element, or the `<div>` holding it alone) is the container's previous sibling
    (`<div class="article-summary"><p>…</p></div><div class="article-body">`), the way a CMS
    stores a summary field apart from the body field."""
    box = element if element.parent is root.parent else element.parent
    if box is None or box.parent is not root.parent or _previous_element(root) is not box:
        return False
    return box is element or sum(1 for c in box.children if isinstance(c, Tag)) == 1


def _emphasised_standfirst(page: Page, known: set[str]) -> str | None:
    """The standfirst set apart before the text container: the block holding the last words
    before it is in a box of its own right before the container (`_boxed_before`) or wholly in
    italics or bold (`<td><i>…</i></td>` in the row above the text's cell,
    `<p><em>…</em></p>` above the text's `<div>`), a sentence or a few, near the container, and
    no caption, quote, link or metadata. A page without semantic markup marks its standfirst
    this way, where a newer one gives it a class (`page.standfirsts`)."""
    root = page.root
    if root is None or root.name in ("body", "html", "[document]"):
        return None
    start = root  # the text's container, or the opening pictures right before it
    while (before := _previous_element(start)) is not None and _picture_box(before):
        start = before
    last = None
    for count, node in enumerate(start.previous_elements):
        if count >= STANDFIRST_REACH:
            return None
        # a plain string (no comment, no CDATA) outside a script: the last words before the text
        if (
            type(node) is NavigableString
            and node.strip()
            and node.parent is not None
            and node.parent.name not in _NOT_READ
        ):
            last = node
            break
    if last is None:
        return None
    element = last.parent
    while element is not None and element.name not in BLOCK_TAGS:
        if element.name in _SET_APART:
            return None
        element = element.parent
    if element is None or any(p is element for p in root.parents):
        return None  # the container's own leading words, not a block before it
    near = {id(p) for p in list(root.parents)[:STANDFIRST_DEPTH]}
    if not any(id(p) in near for p in element.parents) or element.name in _SET_APART:
        return None
    text = normalize_text(element.get_text(" "))
    probe = Block(tag="p", lines=[text])
    if (
        not _MIN_LEAD <= len(text) <= MAX_STANDFIRST
        or not text.rstrip(' »”"').endswith((".", "!", "…"))
        or first_named(element, "a") is not None
        or not (wholly_emphasised(element) or _boxed_before(element, start))
        or is_metadata(probe, page, known)
        or _repeats_headline(text, known)
        or page.in_site_chrome(element)
        or page.in_related(element)
    ):
        return None
    return text


#: A paragraph of running text links a few words at most; a teaser's blurb or a link line more.
MAX_TEXT_LINK_DENSITY = 0.5


def _running_text(block: Block) -> bool:
    """A paragraph of the text itself: a `<p>` or a bare `<div>` line of `MIN_TEXT_PARAGRAPH`
    characters or more, outside a quote, a caption or a box with a role."""
    return (
        block.role is None
        and block.tag in ("p", "div")
        and len(block.text) >= MIN_TEXT_PARAGRAPH
        and block.link_density <= MAX_TEXT_LINK_DENSITY
        and not block.quoted
        and not is_caption(block)
    )


def _opening_standfirst(blocks: list[Block], known: set[str]) -> list[Block]:
    """The blocks a lead selector marked that open the text. A standfirst comes before the text
    it introduces: a marked block after a paragraph of running text is the text's own (a
    subheading of class `subtitle`, an `intro` box further down); it loses the role and is read
    as the text is. A teaser box marked whole (`<div class="detail-header">` with an
    `intro-headline`, the standfirst and the picture's `subtitle`) gives its standfirst alone:
    the headline again and the picture's caption or credit lose the role (`_not_standfirst`)."""
    marked: list[Block] = []
    if not any(b.role == "lead" for b in blocks):
        return marked  # no selector marked a lead (most pages): no paragraph to ask about
    text_started = False
    for block in blocks:
        if block.role == "lead" and (
            text_started
            or _not_standfirst(block, known)
            or (marked and _text_paragraph_marked(blocks, block, marked[0]))
        ):
            block.role = None
        elif block.role == "lead":
            marked.append(block)
        elif not text_started and _running_text(block):
            text_started = True  # (once started, no later paragraph needs asking)
    return marked


def _not_standfirst(block: Block, known: set[str]) -> bool:
    """A block a lead selector marked that is no standfirst: the headline (a heading holding it,
    a line repeating it) or a picture's caption or credit."""
    return (
        fold(block.text) in known
        or _holds_headline(block, known)
        or _repeats_headline(block.text, known)
        or is_caption(block)
        or image_credit(block)
    )


def _text_paragraph_marked(blocks: list[Block], block: Block, first: Block) -> bool:
    """`block` is a paragraph of the text a lead selector matched on its own (`<p class="intro">`,
    `<div class="lead-paragraph"><p>…`) after a standfirst in another element: a long `<p>`, the
    only block of the matched element, beside long paragraphs nobody marked (their parent is
    the matched element's). The standfirst came first; this is the text's first paragraph, set
    in larger type."""
    box = block.container
    if (
        box is None
        or box is first.container
        or block.tag != "p"
        or len(block.text) < MIN_TEXT_PARAGRAPH
        or sum(1 for b in blocks if b.container is box) != 1
    ):
        return False
    parent = box.parent
    return any(
        b.role is None
        and b.tag == "p"
        and len(b.text) >= MIN_TEXT_PARAGRAPH
        and b.element is not None
        and b.element.parent is parent
        for b in blocks
    )


def _follows(tag: Tag, root: Tag) -> bool:
    """True when `tag` comes after the whole of `root` in the page (a rail's box, a footer):
    the children of their nearest common ancestor holding each are compared."""
    held = {id(root), *(id(p) for p in root.parents)}
    node: Tag = tag
    while node.parent is not None and id(node.parent) not in held:
        node = node.parent
    common = node.parent
    if common is None or common is root or id(node) in held:
        return False  # inside the root, or holding it
    side: Tag = root
    while side.parent is not None and side.parent is not common:
        side = side.parent
    return common.index(node) > common.index(side)


def extract_lead(page: Page, known: set[str], *, title: str | None = None) -> Found:
    """The standfirst: a profile-marked element (inside the text or around the headline), else the
    first paragraph of the text (confirmed by the meta description when it repeats it).
    `title`: the headline found, whose element the lines under the headline are read from."""
    marked = _opening_standfirst(page.blocks, known)
    scope = page.article_scope()
    if not marked and scope is not None:
        for tag in page.standfirsts(scope):
            if page.in_related(tag) or (page.root is not None and is_inside(tag, page.root)):
                continue
            if page.root is not None and _follows(tag, page.root):
                continue  # a rail's box after the text ("games-intro"): no standfirst
            if any(p.name == "a" for p in tag.parents):  # `find_parent("a")`, by hand
                continue  # another page's excerpt on a card that links to it
            if inside_any(tag, page.contact_containers):
                continue  # a contact card's role line ("contact-intro"): the person's
            text = normalize_text(tag.get_text(" "))
            if len(text) >= _MIN_LEAD:
                return text, "profile"
    if not marked:
        under = _under_headline(page, known, title)
        if under:
            return under, "html"
    found = _lead_block(page, known)
    if found is not None and found[1] in ("text", "meta") and found[0][0] is _text_opening(page):
        emphasised = _emphasised_standfirst(page, known)
        if emphasised:
            return emphasised, "html"  # the text's first paragraph stays in the body
    if found is None:
        return None
    blocks, layer = found
    for block in blocks:
        block.role = "lead"
    return "\n\n".join(b.text for b in blocks), layer


#: A sign-off closing the text ("Thank you!", "Merci !", "Bedankt.") is a few words on a line of
#: its own; a sentence of the text, even a short one, runs longer.
MAX_CLOSING_WORDS = 3
_CLOSING_TAGS = frozenset(("p", "center"))
_WORD = re.compile(r"\w+")


def _words_upto(text: str, most: int) -> bool:
    """`len(_WORD.findall(text)) <= most`, reading no further than the word past `most`: a
    paragraph of the text is asked whether it is a line of a few words, and is not."""
    return sum(1 for _ in islice(_WORD.finditer(text), most + 1)) <= most


def _closing_line(block: Block) -> bool:
    """A paragraph of a few words after the last one of the text: a sign-off, not text (a list
    item or a table cell, short by nature, is never one)."""
    return block.tag in _CLOSING_TAGS and _words_upto(block.text, MAX_CLOSING_WORDS)


#: A thank-you signing off after the text ("Merci pour cet entretien !", "Thank you for reading!",
#: "Bedankt voor het gesprek, Lies en Pieter!") is one short sentence; a paragraph opening with
#: thanks that runs longer ("Thanks to the support of the Region, the 40 firms…") is the text's.
MAX_THANKS_WORDS = 8
#: A sentence ending inside the line: a second sentence follows, so the line says more than thanks.
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+\S")


#: What a decoder writes for bytes it could not read (U+FFFD).
_REPLACEMENT = "\ufffd"


def _undecoded(block: Block) -> bool:
    """A block of replacement characters with no word between them (bytes the page's encoding
    could not read, decoded leniently): nothing a reader can read, no text."""
    return _REPLACEMENT in block.text and _WORD.search(block.text) is None


def _thanks_sign_off(kept: list[Block], config: ExtractConfig) -> bool:
    """True when the text's last kept line is a thank-you on its own (`MAX_THANKS_WORDS`, one
    sentence, no link) opening with the language's thanks (vocabulary `closing_thanks`): the
    interviewer or the site signing off after the text, not its content. A thank-you right
    after a line that asks ("Un dernier mot ?") answers it: an interview's last answer, kept."""
    block = kept[-1]
    if block.tag not in _CLOSING_TAGS or block.link_chars or len(kept) < 2:
        return False
    text = block.text
    if not _words_upto(text, MAX_THANKS_WORDS) or _SENTENCE_INSIDE.search(text):
        return False
    if kept[-2].text.rstrip(' »”"').endswith("?"):
        return False
    folded = fold(text)
    return any(re.match(rf"{re.escape(cue)}\b", folded) for cue in config.closing_thanks)


def _before_contacts(blocks: list[Block], block: Block) -> bool:
    """True when the article's contact section follows `block` (only its heading between): the
    line is the text's last, left last by the contacts going, not a sign-off after the text."""
    at = next((i for i, b in enumerate(blocks) if b is block), len(blocks))
    for after in blocks[at + 1 :]:
        if after.role == "contact":
            return True
        if not after.is_heading:
            return False
    return False


def _column_header(blocks: list[Block], at: int) -> bool:
    """A header cell beside another header cell: the header row of a data table ("Symptom |
    Cause") is the table's, where a label cell followed by its value ("Secteur | Tech") is
    metadata."""
    return blocks[at].tag == "th" and any(
        0 <= i < len(blocks) and blocks[i].tag == "th" for i in (at - 1, at + 1)
    )


def _without_empty_sections(blocks: list[Block], kept: list[Block]) -> list[Block]:
    """`kept` without the headings whose section (the blocks up to the next heading of the same
    or a higher rank) had blocks and keeps none of them: the label of a list of links ("See
    also", "Tags") or of a widget the body left out is no part of the text. A heading over
    headings only (a group title, a gallery's captions) stays; the lead counts as text."""
    kept_ids = {id(b) for b in kept}
    empty: set[int] = set()
    # read backwards: per rank, whether text was kept / left out since the last heading of
    # that rank or a higher one
    has_text = [False] * 7
    left_out = [False] * 7
    for block in reversed(blocks):
        if not block.is_heading:
            if id(block) in kept_ids or block.role == "lead":
                has_text = [True] * 7
            else:
                left_out = [True] * 7
            continue
        rank = int(block.tag[1])
        if left_out[rank] and not has_text[rank]:
            empty.add(id(block))
        for lower in range(rank, 7):
            has_text[lower] = left_out[lower] = False
    return [b for b in kept if id(b) not in empty]


#: A box of links to other pages offers a choice: at least this many links (a heading over one
#: link, "Download the report", labels that link).
MIN_BOX_LINKS = 2


def _without_link_box_headings(blocks: list[Block], kept: list[Block]) -> list[Block]:
    """`kept` without the titles whose next blocks, up to the next kept one, are all left out
    and either link lists (`MAX_LINK_DENSITY`) or contact blocks: the title of a box of links
    to other pages ("Pour aller plus loin", "Nuttige links") or of the contacts ("Your
    contacts") set between two paragraphs of the text goes with what it labels. A title is a
    heading, or a short line of its own (`_title_line`: "<p><strong>Liens utiles</strong></p>").
    A section heading of the text has its own paragraph next."""
    kept_ids = {id(b) for b in kept}
    dropped: set[int] = set()
    for at, block in enumerate(blocks):
        if id(block) not in kept_ids or not (block.is_heading or _title_line(block)):
            continue
        if _labels_left_out_box(blocks, at, kept_ids):
            dropped.add(id(block))
    return [b for b in kept if id(b) not in dropped] if dropped else kept


def _title_line(block: Block) -> bool:
    """A short line of its own (`MAX_LABEL_CHARS`, no sentence, no link) that may title what
    follows it."""
    return (
        block.tag in ("p", "div")
        and len(block.text) <= MAX_LABEL_CHARS
        and not block.hrefs
        and not block.text.endswith((".", "!", "?"))
    )


def _labels_left_out_box(blocks: list[Block], at: int, kept_ids: set[int]) -> bool:
    """True when the blocks after `blocks[at]`, up to the next kept one, are all left out and
    are link lists with at least `MIN_BOX_LINKS` links between them, or contacts."""
    links = 0
    contacts = False
    for after in blocks[at + 1 :]:
        if id(after) in kept_ids:
            break
        if after.role == "contact":  # the contact's own heading (its name) included
            contacts = True
        elif after.is_heading or after.role == "lead":
            break
        elif after.link_density <= MAX_LINK_DENSITY:
            return False
        else:
            links += len(after.hrefs)
    return contacts or links >= MIN_BOX_LINKS


#: A heading sits in a wrapper of its own (`<header><h3>…</h3></header>`) inside the box it
#: labels: climbing more levels than this from it reaches the page's columns, not its box.
MAX_LABEL_CLIMB = 3


class _Boxes:
    """The page's blocks and the elements around them, for the rules that climb from a block to
    its box and ask which blocks that box holds (box labels, promo, sign-up and byline boxes).
    Those rules ask it of every block, several levels up, and of boxes holding hundreds of
    blocks: walking each neighbour's parents for each question made `extract_body` quadratic.
    Here each block's ancestors are read once, each box's run of blocks is found once, and what
    a box holds (a form, a field to fill in) is searched once. `source`: the page's HTML, as
    parsed (`Page.text`; None: not known)."""

    def __init__(self, blocks: list[Block], root: Tag | None, source: str | None = None) -> None:
        self.blocks = blocks
        self.root = root
        self.source = source
        self._entry_tags: bool | None = None
        self._ancestors: list[frozenset[int] | None] = [None] * len(blocks)
        self._runs: dict[int, tuple[int, int]] = {}  # id(box) -> the blocks inside it
        self._forms: dict[int, bool] = {}
        self._asks: dict[int, bool] = {}

    def inside(self, at: int, box: Tag) -> bool:
        """True when `box` is an element around (never the element of) `blocks[at]`."""
        ancestors = self._ancestors[at]
        if ancestors is None:
            ancestors = _ancestor_ids(self.blocks[at].element, self.root)
            self._ancestors[at] = ancestors
        return id(box) in ancestors

    def run(self, at: int, box: Tag) -> tuple[int, int]:
        """The range (start, end) of the blocks next to `blocks[at]` inside `box`, with it. A
        block inside `box` shares its run with every other block of the run: it is found once."""
        inside = self.inside(at, box)
        if inside:
            known = self._runs.get(id(box))
            if known is not None and known[0] <= at < known[1]:
                return known
        start = at
        while start > 0 and self.inside(start - 1, box):
            start -= 1
        end = at + 1
        while end < len(self.blocks) and self.inside(end, box):
            end += 1
        if inside:
            self._runs[id(box)] = (start, end)
        return start, end

    def holds_form(self, box: Tag) -> bool:
        """`_holds_form(box)`, searched once per box."""
        found = self._forms.get(id(box))
        if found is None:
            found = self._forms[id(box)] = _holds_form(box)
        return found

    def asks_input(self, box: Tag) -> bool:
        """`_asks_input(box)`, searched once per box."""
        found = self._asks.get(id(box))
        if found is None:
            found = self._asks[id(box)] = _asks_input(box)
        return found

    def may_ask_input(self) -> bool:
        """False when the page's source writes no tag of an entry control (`_ENTRY_TAG`): the
        parser makes an element only of a tag written in the source, so no box can hold one
        (most pages). Searched once, when a box is first asked about; True when the source is
        not known."""
        if self._entry_tags is None:
            self._entry_tags = self.source is None or _ENTRY_TAG.search(self.source) is not None
        return self._entry_tags


def _ancestor_ids(element: Tag | None, root: Tag | None) -> frozenset[int]:
    """The `id()`s of the elements around `element` below `root` (its `.parents`, followed by
    hand: the generator costs more than the walk, and this runs for every block). A box is never
    the text's container nor above it (the climb stops there), so the walk stops there too."""
    ids = []
    parent = element.parent if element is not None else None
    while parent is not None and parent is not root:
        ids.append(id(parent))
        parent = parent.parent
    return frozenset(ids)


def _box_label(boxes: _Boxes, at: int, kept: set[int]) -> bool:
    """True when `blocks[at]` (a heading) labels a box the body left out: the nearest element
    around it holding other blocks too (at most `MAX_LABEL_CLIMB` levels up, never the text's
    container) holds no kept one, or holds only it and a form (a newsletter box)."""
    blocks = boxes.blocks
    element = blocks[at].element
    box = element.parent if element is not None else None
    for _ in range(MAX_LABEL_CLIMB):
        if box is None or box is boxes.root or box.name in ("body", "html", "article", "main"):
            return False
        start, end = boxes.run(at, box)
        for near in range(start, end):
            if near != at and (id(blocks[near]) in kept or blocks[near].role == "lead"):
                return False
        if end - start > 1 or boxes.holds_form(box):
            return True  # a sign-up box: its heading, and a form the body never reads
        box = box.parent
    return False


def _without_box_labels(boxes: _Boxes, kept: list[Block]) -> list[Block]:
    """`kept` without the headings of a box whose other blocks the body all left out: the title
    of a list of other articles ("Other People Are Reading", "Les plus lus") boxed with its
    links in the middle of the text is the list's, not a section of the text (whose heading
    has the text's paragraphs after it, in the same container)."""
    blocks = boxes.blocks
    kept_ids = {id(b) for b in kept}
    headings = [at for at, b in enumerate(blocks) if b.is_heading and id(b) in kept_ids]
    dropped = {id(blocks[at]) for at in headings if _box_label(boxes, at, kept_ids)}
    return [b for b in kept if id(b) not in dropped] if dropped else kept


#: A control's or a slot's label ("Advertisement", "View Photos", "Caption", "Wait 1 second to
#: continue.") is a short line: a few words, at most this many characters.
MAX_LABEL_CHARS = 40
#: The same label on this many bare lines is a component's, repeated with each instance (an ad
#: slot, a gallery's controls, a teaser's source): a line of the text is written once.
MIN_LABEL_REPEATS = 2


def _repeated_labels(blocks: list[Block]) -> set[str]:
    """Short lines of bare `<div>`s that recur: the label of each instance of a component. A
    line in a `<p>` (a dialogue's "No answer.", said twice) is text; list items and cells are
    data."""
    lines = [b.text for b in blocks if b.tag == "div" and len(b.text) <= MAX_LABEL_CHARS]
    if len(lines) < MIN_LABEL_REPEATS:
        return set()  # too few to repeat (most pages), without counting them
    counts = Counter(lines)
    return {text for text, count in counts.items() if count >= MIN_LABEL_REPEATS}


#: A paragraph of running text: a `<p>` of at least this many characters (two sentences; a
#: caption, a label or a byline is shorter).
MIN_TEXT_PARAGRAPH = 100
#: A text written in `<p>` paragraphs has at least this many of them; below it (a text in bare
#: divs, a short note) the page's own markup says nothing of where the text ends.
MIN_TEXT_PARAGRAPHS = 3


def _signature(element: Tag | None) -> tuple[str, str] | None:
    """An element's kind: its tag and class (the text's containers share one)."""
    if element is None:
        return None
    classes = element.attrs.get("class")  # (`Tag.get`, without its call: asked of every box)
    return element.name, " ".join(classes) if isinstance(classes, list) else str(classes or "")


def _part_key(box: Tag) -> tuple[tuple[str, str] | None, int]:
    """A part of the text as its kind (`_signature`) and the element holding it."""
    return _signature(box), id(box.parent)


def _without_boxes_beside(
    paragraphs: list[tuple[int, Tag]], kind: tuple[str, str] | None
) -> list[tuple[int, Tag]]:
    """`paragraphs` without those of the boxes of `kind` after the text's parts (the boxes of
    that kind in the element holding most of them) that sit outside that element, in one of its
    ancestors."""
    ours = [(at, box) for at, box in paragraphs if _signature(box) == kind and box.parent]
    if not ours:
        return paragraphs
    holder_id = Counter(id(box.parent) for _, box in ours).most_common(1)[0][0]
    holder = next(box.parent for _, box in ours if id(box.parent) == holder_id)
    end = max(at for at, box in ours if box.parent is holder)
    above = {id(a) for a in holder.parents} if holder is not None else set()
    return [
        (at, box)
        for at, box in paragraphs
        if at < end or _signature(box) != kind or box.parent is None or id(box.parent) not in above
    ]


def _after_the_text(blocks: list[Block], kept: list[Block]) -> list[Block]:
    """`kept` without the bare `<div>` and `<p>` lines after the last paragraph of a text written
    in `<p>` paragraphs (the lead counts), held in another element than that paragraph's: what
    follows the text in a box of its own (the author's bio, a call to action, a rating widget,
    category lines, the print edition's note, a feedback link) is another kind of block, not the
    text's last line. The text is the paragraphs of its container's kind (tag and class: a text
    split in `story-body` parts by ads is one text); a `<p>` in another part of that kind, beside
    one of the text's parts or in the same place of the unit after one's, past article content
    only (`_Run`: a CMS's rows, an interview's row between two of the text's), stays (a box of
    that kind elsewhere, the author's box under the article, is another box).
    A `<div>` beside the paragraphs (an editor's stray line) stays, and so do lists, tables,
    quotes and code after the text."""
    paragraphs = [
        (at, b.element.parent)
        for at, b in enumerate(blocks)
        if b.tag == "p"
        and b.role in (None, "lead")
        and len(b.text) >= MIN_TEXT_PARAGRAPH
        and b.element is not None
        and b.element.parent is not None
    ]
    if len(paragraphs) < MIN_TEXT_PARAGRAPHS:
        return kept
    unquoted = [p for p in paragraphs if not blocks[p[0]].quoted] or paragraphs
    text_kind = Counter(_signature(parent) for _, parent in unquoted).most_common(1)[0][0]
    # a box of the text's kind after the text, beside the element holding the text's parts
    # (the author's bio boxed like them, under the article), holds no part of the text
    unquoted = _without_boxes_beside(unquoted, text_kind)
    paragraphs = [p for p in paragraphs if p in unquoted or blocks[p[0]].quoted]
    last, parent = max((p for p in paragraphs if _signature(p[1]) == text_kind), key=lambda p: p[0])
    # every kind of box that held a paragraph of the text (an interview's answers, its sections),
    # but entries of a thread after it (comments, reviews: `_thread_kinds`)
    text_kinds = {_signature(parent) for _, parent in unquoted} - _thread_kinds(
        blocks, unquoted, last
    )
    text_kinds -= _note_kinds(blocks, unquoted, last, parent)
    # a part of the text sits beside another part, or in the same place of the unit after (a
    # CMS's row after row), past article content only (`_Run`): a box of the same kind elsewhere
    # (an author's bio boxed like the text's parts, under the article) is another box
    beside = {id(box.parent) for _, box in unquoted if box.parent is not None}
    run = _Run(blocks, kept, [box for _, box in unquoted])

    def text_part(box: Tag | None, kinds: Collection[tuple[str, str] | None]) -> bool:
        return (
            box is not None
            and _signature(box) in kinds
            and (id(box.parent) in beside or run.follows_the_text(box))
        )

    own = {id(parent), *(id(p) for p in parent.parents)}  # its loose lines ("<body>Text<p>…")
    # the text resumes at a later <p> of its own container (a closing line, short or long): the
    # <p>s of other boxes before it (an interview's answers, a box of dates) are inside the text
    resumes = max(
        (
            at
            for at, b in enumerate(blocks[last + 1 :], last + 1)
            if b.tag == "p"
            and b.element is not None
            and b.element.parent is not None
            and (b.element.parent is parent or text_part(b.element.parent, (text_kind,)))
        ),
        default=last,
    )
    sections = _closing_sections(blocks, last)
    after = {
        id(b)
        for at, b in enumerate(blocks[last + 1 :], last + 1)
        if b.element is not None
        and b.element.parent is not parent
        and id(b.element) not in own
        and not b.quoted
        and id(b) not in sections
        and not _linked_note(b)
        and (
            b.tag == "div"
            or (b.tag == "p" and at > resumes and not text_part(b.element.parent, text_kinds))
        )
    }
    return [b for b in kept if id(b) not in after]


class _Run:
    """Whether a box of the kind of the text's parts (`parts`: the boxes holding its paragraphs)
    follows one of them in a unit repeated after the text's: a CMS writes a text in rows, each a
    component holding a text field, and sets an interview, a figure or a quote in rows of their
    own between them; the text's closing line is the text field of the row after. The blocks
    under each element are found once, when a box asks."""

    def __init__(self, blocks: list[Block], kept: list[Block], parts: list[Tag]) -> None:
        self.blocks = blocks
        self.kept = {id(b) for b in kept}
        self.parts = parts
        self._under: dict[int, list[Block]] | None = None
        self._content: dict[int, bool | None] = {}
        self._follows: dict[int, bool] = {}

    def under(self, element: Tag) -> list[Block]:
        """The blocks read from `element` or from elements inside it."""
        if self._under is None:
            self._under = {}
            for block in self.blocks:
                node = block.element
                while node is not None:
                    self._under.setdefault(id(node), []).append(block)
                    node = node.parent
        return self._under.get(id(element), [])

    def follows_the_text(self, box: Tag) -> bool:
        """True when `box` lies where a part of the text of its kind lies in an element before
        one of `box`'s own or its ancestors' (`_same_place`: the row before), the elements
        between them all article content or nothing read (`content`)."""
        if id(box) not in self._follows:
            self._follows[id(box)] = self._follows_the_text(box)
        return self._follows[id(box)]

    def _follows_the_text(self, box: Tag) -> bool:
        kind = _signature(box)
        ours = [part for part in self.parts if _signature(part) == kind and part is not box]
        node: Tag | None = box
        while node is not None and node.parent is not None:
            for sibling in node.previous_siblings:
                if not isinstance(sibling, Tag):
                    continue
                if any(_same_place(part, box, node, sibling) for part in ours):
                    return True
                if self.content(sibling, ours) is False:
                    return False
            node = node.parent
        return False

    def content(self, element: Tag, ours: list[Tag]) -> bool | None:
        """True when `element` is article content: blocks the body keeps (a figure's credit
        aside), one of them the text's (a running paragraph, a quote, a picture's caption: an
        interview's answers, a figure, a quote box). False when it is furniture (a share bar,
        a newsletter box, cards of other articles: blocks left out or text read as none; an
        author's box: short lines only) or holds a part of the text in another place (the
        text's own box, higher up). None when nothing is shown in it (a picture, an ad slot
        and its label)."""
        if id(element) in self._content:
            return self._content[id(element)]
        read = self.under(element)
        inside = [b for b in read if not is_ad_label(b)]
        found: bool | None
        if not inside:
            # a picture, an ad slot and its label: nothing to read; a bar of links or buttons
            # shows text the body reads no block from
            found = None if read or not _unread_text(element) else False
        elif any(part is element or any(a is element for a in part.parents) for part in ours):
            found = False
        else:
            found = all(
                id(b) in self.kept or is_caption(b) or image_credit(b) for b in inside
            ) and any(_article_block(b) for b in inside)
        self._content[id(element)] = found
        return found


def _unread_text(element: Tag) -> bool:
    """True when `element` shows text (outside scripts and styles) other than an ad slot's
    label (`is_ad_label`)."""
    return any(
        string.strip()
        and not (string.parent is not None and string.parent.name in _NOT_READ)
        and fold(string).strip().strip(_LABEL_DASHES) not in _ad_labels()
        for string in element.strings
    )


def _article_block(block: Block) -> bool:
    """A block of an article's text: a running paragraph, a quote, a picture's caption."""
    return (
        (block.tag == "p" and len(block.text) >= MIN_TEXT_PARAGRAPH)
        or block.quoted
        or is_caption(block)
    )


def _same_place(part: Tag, box: Tag, unit: Tag, other: Tag) -> bool:
    """True when `part` lies in `other` where `box` lies in `unit`: as many levels down, through
    elements of the same kinds (`_signature`), `other` of `unit`'s kind (a row's component's
    text field, in the row before)."""
    mine: Tag | None = box
    theirs: Tag | None = part
    while mine is not None and theirs is not None:
        if _signature(mine) != _signature(theirs):
            return False
        if mine is unit:
            return theirs is other
        mine, theirs = mine.parent, theirs.parent
    return False


#: A thread after the text (comments, readers' reviews) has at least this many entries.
MIN_THREAD_ENTRIES = 2
#: Levels from a line of an entry up to the entry (its header's box, the header, the entry).
ENTRY_DEPTH = 3
_DIGITS = re.compile(r"\d")


def _thread_kinds(
    blocks: list[Block], paragraphs: list[tuple[int, Tag]], last: int
) -> set[tuple[str, str] | None]:
    """The kinds (`_signature`) of the boxes holding paragraphs only after the text's last one
    (`blocks[last]`), as entries of a thread: at least `MIN_THREAD_ENTRIES` sibling boxes of
    that kind, each holding its paragraphs and a short line of its own with a figure in it, no
    heading (a comment's or a review's author and date, "Bob · 3 hours ago"), those lines
    differing by more than their figures (numbered steps: "Step 1", "Step 2"). The text's own
    closing list holds its items alone; an FAQ's entries are headed by their questions."""
    by_kind: dict[tuple[str, str] | None, list[tuple[int, Tag]]] = {}
    for at, box in paragraphs:
        by_kind.setdefault(_signature(box), []).append((at, box))
    found: set[tuple[str, str] | None] = set()
    for kind, held in by_kind.items():
        boxes = {id(box): box for _, box in held}
        if (
            min(at for at, _ in held) <= last
            or len(boxes) < MIN_THREAD_ENTRIES
            or len({id(box.parent) for box in boxes.values()}) != 1  # siblings
        ):
            continue
        dated: dict[int, str] = {}
        for block in blocks[last + 1 :]:
            entry = _entry_of(block.element, boxes)
            if entry is None:
                continue
            if block.is_heading:
                dated.pop(entry, None)
                boxes.pop(entry)
            elif (
                block.tag != "p"
                and len(block.text) <= MAX_BYLINE_WITH_ROLE
                and _DIGITS.search(block.text)
                and entry not in dated
            ):
                dated[entry] = _DIGITS.sub("", block.text)
        # each entry signed by someone else: numbered steps ("Step 1", "Step 2") differ by their
        # figures alone
        if (
            len(dated) >= MIN_THREAD_ENTRIES
            and dated.keys() == boxes.keys()
            and len(set(dated.values())) > 1
        ):
            found.add(kind)
    return found


def _note_kinds(
    blocks: list[Block], paragraphs: list[tuple[int, Tag]], last: int, parent: Tag
) -> set[tuple[str, str] | None]:
    """The kinds (`_signature`) of the boxes holding one paragraph after the text's last one
    (`blocks[last]`, in `parent`) and no other, sharing no class with the text's box: a note on
    the text in a box of its own (the print edition's, a disclaimer, the author's line). A part
    of the text split by an ad slot shares its box's class ("story-body story-body-3"); a
    closing section's paragraph follows its heading (a block-list CMS boxes each apart)."""
    if all(at <= last for at, _ in paragraphs):
        return set()  # no paragraph after the text's last (most pages): no box to count for
    # every paragraph counts here, short or long (a closing list's items)
    counts = Counter(
        _signature(b.element.parent)
        for b in blocks
        if b.tag == "p" and b.element is not None and b.element.parent is not None
    )
    own = set(_classes(parent))
    return {
        _signature(box)
        for at, box in paragraphs
        if at > last
        and counts[_signature(box)] == 1
        and not own & set(_classes(box))
        and not blocks[at - 1].is_heading  # a closing section, in boxes of its own
    }


def _classes(element: Tag) -> list[str]:
    classes = element.get("class")
    return classes if isinstance(classes, list) else str(classes or "").split()


def _entry_of(element: Tag | None, boxes: dict[int, Tag]) -> int | None:
    """The `id()` of the box of `boxes` that `element` is or lies in, `ENTRY_DEPTH` levels up
    at most."""
    for _ in range(ENTRY_DEPTH + 1):
        if element is None:
            return None
        if id(element) in boxes:
            return id(element)
        element = element.parent
    return None


#: A bar of controls after the text ("Réagir · Ajouter à vos sélections", "Back to top") names a
#: verb or two per control; a note after the text, linked back to its call, writes a sentence.
MAX_CONTROL_WORDS = 6
_SENTENCE_ENDS = (".", "!", "?", "…", ":")


#: A client-side route written after the hash ("#/portal/signup", "#!/login": a blog platform's
#: sign-up and account views) opens another view of the site, not a place in the page.
_HASH_ROUTES = ("#/", "#!")


def _into_the_page(href: str) -> bool:
    """True for a link to a place in the page itself ("#ref1", "#comments"), not a route."""
    return href.startswith("#") and len(href) > 1 and not href.startswith(_HASH_ROUTES)


def _linked_note(block: Block) -> bool:
    """A note after the text linked back to its call in the text (`<a href="#ref1">1</a> …`),
    in its line or opening the box its line sits in (`_note_box`): the text's own, wherever it
    sits. A line of the page's own controls linked into the page (`_page_controls`) is none."""
    if any(_into_the_page(h) for h in block.hrefs):
        return not _page_controls(block)
    return _note_box(block.element)


#: A note's box opens with its back link one or two levels above the note's text (Substack:
#: `<div class=footnote><a href=#anchor-1>1</a><div><p>…`); higher up is the text's container.
NOTE_CLIMB = 2


def _note_box(element: Tag | None) -> bool:
    """True when a box around `element` (`NOTE_CLIMB` levels up at most) opens with a link into
    the page whose text is a note's number or an arrow ("1", "[2]", "↩"), no word: a note's
    back link to its call in the text."""
    box = element.parent if element is not None else None
    for _ in range(NOTE_CLIMB):
        if box is None:
            return False
        first = first_child_tag(box)
        if first is not None and first is not element and first.name in ("a", "sup"):
            link = first if first.name == "a" else first_named(first, "a")
            href = str(link.get("href", "")) if isinstance(link, Tag) else ""
            label = first.get_text().strip()
            if (
                href.startswith("#")
                and len(href) > 1
                and label
                and not any(c.isalpha() for c in label)
            ):
                return True
        element, box = box, box.parent
    return False


def _page_controls(block: Block) -> bool:
    """A short line (`MAX_CONTROL_WORDS`, no sentence) whose links into the page itself are all
    words ("<a href='#reactions'>Réagir</a> Ajouter à vos sélections", "Back to top"): buttons
    to the comments or the top, not text. A note's back link is a number or an arrow ("1",
    "↩"), and a note writes more than a few words."""
    if not block.hrefs:
        return False  # no link at all (most lines): none into the page itself, asked below
    text = block.text
    if block.element is None or block.is_heading or block.tag in _DATA_LINES:
        return False  # a table of contents' entry, a heading linked to itself: the text's
    if not any(h.startswith("#") and len(h) > 1 for h in block.hrefs):
        return False
    if text.endswith(_SENTENCE_ENDS) or not _words_upto(text, MAX_CONTROL_WORDS):
        return False
    inner = [a for a in all_links_in(block.element) if str(a.get("href", "")).startswith("#")]
    return bool(inner) and all(any(c.isalpha() for c in a.get_text()) for a in inner)


_FORM_CONTROLS = frozenset(("form", "input", "button", "select", "textarea"))
_HEADINGS_AND_FORMS = HEADINGS | _FORM_CONTROLS


def _holds_form(box: Tag) -> bool:
    """True when `box` holds a form or its controls (a sign-up box, a search box)."""
    return next(tags_named(box, _FORM_CONTROLS), None) is not None


def _section_holds_form(heading: Tag) -> bool:
    """True when a form or its controls sit in `heading`'s section: its next siblings up to the
    next heading, or up to a box opened by a heading of its own (a sign-up box after a closing
    section, in the text's container, is that box's section, not the closing one's)."""
    # lazily (`find_next_siblings` lists every sibling to the end, for every heading)
    for sibling in heading.next_siblings:
        if not isinstance(sibling, Tag):
            continue
        if sibling.name in HEADINGS:
            return False
        if sibling.name in ("form", "input", "button", "select", "textarea"):
            return True
        holds = _heading_or_form(sibling)
        if holds == "heading":
            return False  # another box, with its own heading: its form is its own
        if holds == "form":
            return True
    return False


def _heading_or_form(box: Tag) -> str | None:
    """ "heading" when `box` holds a heading, else "form" when it holds a form or its controls,
    else None: one walk of the box, where asking each in turn walked a box without a heading
    twice (the siblings of a closing section run to the page's end in a flat text)."""
    holds = None
    for tag in tags_named(box, _HEADINGS_AND_FORMS):
        if tag.name in HEADINGS:
            return "heading"
        holds = "form"
    return holds


def _closing_sections(blocks: list[Block], last: int) -> set[int]:
    """The `id()`s of the `<p>`s after `blocks[last]` that run a section of the text written
    after it ("Next steps", "En pratique"): each follows a heading in the same element, with
    only `<p>`s of that element between them, and that heading's section holds no form (a
    sign-up box's heading and blurb are the box's; `_section_holds_form`). A box's other lines (a bio, a call to action) have no
    heading of their own beside them."""
    found: set[int] = set()
    heading: Tag | None = None  # the parent of the heading opening the current section
    for block in blocks[last + 1 :]:
        element = block.element
        box = element.parent if element is not None else None
        if block.is_heading:
            signs_up = element is None or _section_holds_form(element)
            heading = box if box is not None and not signs_up else None
        elif block.tag == "p" and box is not None and box is heading:
            found.add(id(block))
        else:
            heading = None
    return found


def _without_credit(block: Block) -> str:
    """The block's text, without the photo credit closing it when it is a figure's caption (an
    element of its own, or "Photo: …", "© …" after the caption's last sentence)."""
    text = block.text
    credit = caption_credit(block)
    if credit and text.endswith(credit) and len(credit) < len(text):
        return text[: -len(credit)].rstrip()
    if ("©" in text or ":" in text) and is_caption(block):
        found = inline_credit().search(text)
        if found:
            return text[: found.start()].rstrip()
    return text


#: A kicker or a type label over the headline ("Interview", "Mission économique", "Persbericht")
#: names a section or a kind in a few words; a line of the text before the headline runs longer.
MAX_KICKER_WORDS = 4


def _kicker(blocks: list[Block], page: Page, known: set[str]) -> int | None:
    """The `id()` of the kicker: the line nearest the headline, just before it (the dated or
    bylined lines of the header passed over), a few words and no sentence, whether a paragraph
    or a heading of lower rank (`<h5 class="overline">Interview</h5>` over the `<h1>`). It is
    the header's furniture, not the text's opening."""
    headline = next(
        (at for at, b in enumerate(blocks) if b.tag == "h1" and fold(b.text) in known), None
    )
    at = (headline or 0) - 1
    while at >= 0 and blocks[at].role is None and is_metadata(blocks[at], page, known):
        at -= 1
    if at < 0 or blocks[at].role is not None or blocks[at].tag == "h1":
        return None
    text = blocks[at].text
    if not _words_upto(text, MAX_KICKER_WORDS) or text.endswith((".", "!", "?", ":")):
        return None
    return id(blocks[at])


def _holds_headline(block: Block, known: set[str]) -> bool:
    """A heading holding the headline with more around it (a kicker glued before it, "Interview
    Mission en Pologne"): the headline element, whose text is never the body's, any part of it."""
    if not block.is_heading:
        return False
    folded = fold(block.text)
    return any(len(k) >= _MIN_TITLE_PIECE and k in folded for k in known)


def _key_fact(blocks: list[Block], at: int, page: Page, known: set[str]) -> bool:
    """A term of a definition list followed by a value of the text ("Participants" then "14
    companies"): a key fact of the article, where a term whose value is metadata ("Date" then a
    date, "Secteur" then a sector) is the page's metadata."""
    value = blocks[at + 1] if at + 1 < len(blocks) else None
    return (
        blocks[at].tag == "dt"
        and value is not None
        and value.tag == "dd"
        and value.role is None
        and value.link_density <= MAX_LINK_DENSITY  # "From: <a>Ministry</a>": the page's own
        and not is_metadata(value, page, known)
    )


#: A fact's label before its date ("Matchmaking day", "Clôture des inscriptions") is a few words;
#: a sentence with a colon in it runs longer.
MAX_FACT_LABEL = 40
_DATED_FACT = re.compile(
    rf"(?P<label>[^\W\d_][^:\d]{{0,{MAX_FACT_LABEL - 1}}}?)\s*:\s*(?P<value>.+)"
)


def _dated_fact(block: Block) -> bool:
    """A line of the text giving a date under a label of its own ("Matchmaking day: 23 June
    2026" in a callout box): a key fact of the article (an event's day, a deadline). The page's
    metadata labels its date as a publication or an update ("Published: …", "Date : …",
    `bare_label_at`) or prints it bare; only lines after the text's first paragraph are asked."""
    if block.is_heading or block.role is not None:
        return False
    found = _DATED_FACT.fullmatch(block.text)
    if found is None or parse_date_text(found.group("value")) is None:
        return False
    label = found.group("label")
    return bare_label_at(label, "published") is None and bare_label_at(label, "modified") is None


#: The cells of a table row or a definition list: a label cell and its value, side by side.
_CELLS = frozenset(("td", "th", "dt", "dd"))


def _date_label_cell(blocks: list[Block], at: int) -> bool:
    """A table's or definition list's label cell whose value, the next cell, is the page's
    date it labels ("Mis à jour le" then "20/05/2026": `labelled_date` of the two read as one
    line): the metadata row's label, its date already left out."""
    block = blocks[at]
    value = blocks[at + 1] if at + 1 < len(blocks) else None
    if value is None or block.tag not in _CELLS or value.tag not in _CELLS:
        return False
    if len(block.text) > _LABEL_CELL or not has_digit(value.text):
        return False
    line = f"{block.text} {value.text}"
    return bool(labelled_date(line, "published") or labelled_date(line, "modified"))


def _label_term(block: Block) -> bool:
    """A definition list's term that labels its value ("Dates"), not a question it answers."""
    return (
        block.tag == "dt"
        and len(block.text) <= _LABEL_CELL
        and not block.text.endswith((".", "?", "!"))
    )


def _with_terms(kept: list[Block]) -> list[str]:
    """The kept blocks' texts, a definition list's term joined to its value ("Dates: 12–15 May")."""
    texts: list[str] = []
    for at, block in enumerate(kept):
        if at and block.tag == "dd" and _label_term(kept[at - 1]):
            texts[-1] = f"{kept[at - 1].text.rstrip(' :')}: {_without_credit(block)}"
        else:
            texts.append(_without_credit(block))
    return texts


def _text_list_items(blocks: list[Block]) -> set[int]:
    """The `id()`s of the items of the text's own lists, however much of them is link text
    (release notes, each linking its bug): a list most of whose items are not link lists
    (`MAX_LINK_DENSITY`) and whose other items run to `MAX_LABEL_CHARS` characters on average
    (sentences, where a menu's labels are a word or two), and a list nested in an item of one.
    A menu's, a tag list's or a related list's items are links for the most part."""
    lists: dict[int, tuple[Tag, list[Block]]] = {}
    for block in blocks:
        element = block.element
        if block.tag == "li" and block.role is None and element is not None and element.parent:
            lists.setdefault(id(element.parent), (element.parent, []))[1].append(block)
    text_lists: set[int] = set()
    # in the order of the page: a list comes before the lists nested in its items
    for key, (element, items) in lists.items():
        prose = [b for b in items if b.link_density <= MAX_LINK_DENSITY]
        outer = _outer_list(element)
        if (
            2 * len(prose) > len(items)
            and sum(len(b.text) for b in prose) >= MAX_LABEL_CHARS * len(prose)
        ) or (outer is not None and id(outer) in text_lists):
            text_lists.add(key)
    return {id(b) for key in text_lists for b in lists[key][1]}


def _running_paragraph(
    block: Block | None, parent: Tag | None, *, any_parent: bool = False
) -> bool:
    """A `<p>` of running text (`MIN_TEXT_PARAGRAPH`) read from a child of `parent` (of any
    element with `any_parent`)."""
    return (
        block is not None
        and block.tag == "p"
        and block.role is None
        and len(block.text) >= MIN_TEXT_PARAGRAPH
        and block.element is not None
        and (any_parent or block.element.parent is parent)
    )


def _links_between_paragraphs(blocks: list[Block]) -> set[int]:
    """The `id()`s of the link paragraphs the text sets between two of its own paragraphs
    ("[Read: …]", "Lire aussi : …"): a `<p>` that is mostly a link, with a paragraph of running
    text of the same container before and after it (other link paragraphs between them). A
    list of other articles comes after the text, or in a box of its own."""
    found: set[int] = set()
    before: Block | None = None
    waiting: list[Block] = []  # link paragraphs since the last block that is no link list
    for block in blocks:
        # (no link text, no density to work out: most blocks)
        if block.link_chars and block.link_density > MAX_LINK_DENSITY:
            if block.tag == "p" and block.role is None and block.element is not None:
                waiting.append(block)
            continue
        for link in waiting:
            parent = link.element.parent if link.element is not None else None
            if _running_paragraph(before, parent) and _running_paragraph(block, parent):
                found.add(id(link))
        before, waiting = block, []
    return found


def _outer_list(element: Tag) -> Tag | None:
    """The list holding the list item `element` is nested in, if any."""
    for parent in element.parents:
        if parent.name == "li":
            return parent.parent
        if parent.name in ("body", "html", "article", "main"):
            return None
    return None


#: Boxes whose line may be a label and its links (a tag list, a "Lesen Sie auch" teaser): the
#: text's paragraphs, list items, cells and quotes are read by their own rules.
_LINE_BOXES = frozenset(("div", "section", "header", "footer", "figure", "address", "center"))
#: A line of links under a label has at least this share of its text in its links (a tag list,
#: "Lees meer over tram haven mobiliteit"); a sentence with a link in it has much less.
MIN_LABELLED_LINKS = 0.5


def _labelled_links(block: Block) -> bool:
    """A line of a box (no paragraph, list item or quote) that is a short label and links, at
    least `MIN_LABELLED_LINKS` of it: a tag list ("Etiquetas tranvía puerto"), a teaser's label
    and title ("Lesen Sie auch Busfahrer beenden …"). Its words outside links are a label's
    (`MAX_LABEL_CHARS`), where a sentence holding a link runs longer."""
    text = block.text
    return (
        block.tag in _LINE_BOXES
        and not block.quoted
        and bool(block.hrefs)
        and block.link_chars >= MIN_LABELLED_LINKS * len(text)
        and len(text) - block.link_chars <= MAX_LABEL_CHARS
    )


#: The lines that may label a box of links: a box's line, or a list's first item ("TAGS");
#: a table's cells and a definition list's terms are data.
_LABEL_LINES = _LINE_BOXES | {"li"}


def _link_box_label(boxes: _Boxes, at: int, kept: set[int]) -> bool:
    """True when `blocks[at]`, a short line (`MAX_LABEL_CHARS`, no sentence), labels a box of
    links the body left out ("TAGS" over a tag list, "Read more" over a teaser): the nearest
    element around it holding other blocks too (at most `MAX_LABEL_CLIMB` levels up, never the
    text's container) holds no kept one, and its others are all link lists."""
    blocks = boxes.blocks
    block = blocks[at]
    text = block.text
    if (
        block.tag not in _LABEL_LINES
        or len(text) > MAX_LABEL_CHARS
        or text.endswith((".", "!", "?"))
        or any(c.isdigit() for c in text)  # a date or a count: the metadata rules' to judge
    ):
        return False
    for _, start, end in _boxes_around(boxes, at):
        others = blocks[start:at] + blocks[at + 1 : end]
        if any(id(b) in kept or b.role == "lead" for b in others):
            return False
        if others:
            return all(b.link_density > MAX_LINK_DENSITY for b in others)
    return False


#: A post's closing line of links names several pages ("Filed under: <a>Transport</a>, <a>City</a>
#: | <a>Permalink</a>"); a closing sentence pointing to one page ("The report: <a>…</a>") is the
#: text's.
MIN_CLOSING_LINKS = 2


def _closing_links(block: Block, last_text: int, at: int) -> bool:
    """A `<p>` after the text's last running paragraph (`last_text`) that is a short label and
    several links (`MIN_CLOSING_LINKS`, `_labelled_links`' shares): a post's categories, tags,
    permalink and comment count, written as a paragraph of its own; never a sentence. Between
    two paragraphs of the text such a line is the text's own link (`_links_between_paragraphs`)."""
    text = block.text
    return (
        at > last_text
        and block.tag == "p"
        and not block.quoted
        and len(block.hrefs) >= MIN_CLOSING_LINKS
        and block.link_chars >= MIN_LABELLED_LINKS * len(text)
        and len(text) - block.link_chars <= MAX_LABEL_CHARS
        # a sentence closes with its stop ("Read the report on <a>…</a> and <a>…</a>."): the
        # text's own pointer to its sources, not a line of labels and links
        and not text.endswith((".", "!", "?"))
    )


#: What may stand between the links of a tag line ("a, b | c · d"): separators, no words.
_TAG_SEPARATORS = re.compile(r"[\s,;|/·•–—-]*")
#: A separator between two tags is a few characters (", ", " | ", " · ").
MAX_TAG_SEPARATOR_CHARS = 3


def _tag_line(block: Block, url: str) -> bool:
    """A paragraph that is a label closed by a colon and several links (`MIN_CLOSING_LINKS`) to
    pages of the site itself (`url`'s host), with only separators between them: "Mots-clés :
    <a>tram</a>, <a>Liège</a>", "Tags: …", "Schlagwörter: …". A post's tags, wherever the
    template sets the line (above the text, or before a closing note): never a sentence of the
    text, which has words between its links, nor its sources ("Sources : <a>BNB</a>,
    <a>Statbel</a>"), which link to other sites."""
    element = block.element
    text = block.text
    if (
        element is None
        or block.tag != "p"
        or block.quoted
        or len(block.hrefs) < MIN_CLOSING_LINKS
        or len(text) - block.link_chars
        > MAX_LABEL_CHARS + len(block.hrefs) * MAX_TAG_SEPARATOR_CHARS
    ):
        return False
    label: list[str] = []
    linked = False
    for string in element.strings:
        in_link = any(p.name == "a" for p in _parents_upto(string, element))
        if not linked and not in_link:
            label.append(str(string))
        elif in_link:
            if not linked:
                head = "".join(label).strip()
                if not head.endswith(":") or not head[:-1].strip() or len(head) > MAX_LABEL_CHARS:
                    return False
            linked = True
        elif not _TAG_SEPARATORS.fullmatch(str(string)):
            return False  # a word between the links: a sentence naming pages, not a tag line
    host = host_of(url)
    return linked and all(host_of(resolve_href(url, h) or "") == host for h in block.hrefs)


def _parents_upto(node: PageElement, top: Tag) -> Iterator[Tag]:
    """The elements above `node`, up to `top` (excluded)."""
    parent = node.parent
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parent


def _without_link_box_labels(boxes: _Boxes, kept: list[Block], url: str) -> list[Block]:
    """`kept` without the lines of a label and links (`_labelled_links`, `_closing_links`,
    `_tag_line`: `url` is the page's) and
    the short labels of a box of links the body left out (`_link_box_label`): a tag list, a
    teaser box."""
    kept_ids = {id(b) for b in kept}
    last_text = len(boxes.blocks)
    # where the text's running paragraphs end matters to a line of several links only
    # (`_closing_links`): most pages keep none, and the paragraphs are not asked
    if any(len(b.hrefs) >= MIN_CLOSING_LINKS for b in kept):
        last_text = max(
            (
                at
                for at, b in enumerate(boxes.blocks)
                if _running_paragraph(b, None, any_parent=True)
            ),
            default=len(boxes.blocks),
        )
    dropped = {
        id(b)
        for at, b in enumerate(boxes.blocks)
        if id(b) in kept_ids
        and not b.is_heading
        and (
            _labelled_links(b)
            or _closing_links(b, last_text, at)
            or _tag_line(b, url)
            or _link_box_label(boxes, at, kept_ids)
        )
    }
    return [b for b in kept if id(b) not in dropped] if dropped else kept


def _slot_labels(blocks: list[Block]) -> set[int]:
    """The `id()`s of the slot labels set between two blocks of the text: a line of one word
    (letters only, dashes around it allowed: "Publicidad", "- Pubblicità -"), not bold, in a box
    of its own (a `<div>`, no paragraph, list item or heading), with a running paragraph of the
    text (`MIN_TEXT_PARAGRAPH`) right before it and a paragraph or a heading right after: an ad
    slot's label, in any language. A subheading is a heading or bold; a line of the text is a
    sentence."""
    found: set[int] = set()
    for at in range(1, len(blocks) - 1):
        block = blocks[at]
        word = block.text.strip(_LABEL_DASHES)
        if (
            block.tag not in _LINE_BOXES
            or block.bold
            or block.role is not None
            or not word.isalpha()
            or len(word) > MAX_LABEL_CHARS
        ):
            continue
        before, after = blocks[at - 1], blocks[at + 1]
        if (
            before.tag == "p"
            and len(before.text) >= MIN_TEXT_PARAGRAPH
            and (after.tag == "p" or after.is_heading)
            and after.role is None
        ):
            found.add(id(block))
    return found


#: Lines of a list, a table or a definition list: data, never a promo box's.
_DATA_LINES = frozenset(("li", "td", "th", "dt", "dd"))
#: A promo box (a newsletter's, a subscription's, a donation appeal) is a title, a blurb of a
#: paragraph or two and its button: at most this many blocks; a section of the text runs longer.
MAX_PROMO_BLOCKS = 4


def _button_line(block: Block) -> bool:
    """A line that is one link of a few words (`MAX_CLOSING_WORDS`): a button ("Support us",
    "S'abonner", "Sign up")."""
    return (
        len(block.hrefs) == 1  # first: most lines link nowhere, or to several pages
        and not block.is_heading
        and block.link_density > MAX_LINK_DENSITY
        and _words_upto(block.text, MAX_CLOSING_WORDS)
    )


#: A share line's words outside its links are a label ("Partager :", "Share this article:");
#: a line of the text linking to other sites says more.
MAX_SHARE_LABEL = MAX_LABEL_CHARS
#: A share line offers two channels at least (a network and e-mail, or a copy link).
MIN_SHARE_LINKS = 2


def _carries_page(text: str, page_url: str) -> bool:
    """`text` (a link's query, an e-mail's body) holds the page's own address."""
    own = urlsplit(page_url)
    return bool(own.path.strip("/")) and f"{own.netloc}{own.path}".rstrip("/") in unquote(text)


def _share_mail(href: str, page_url: str) -> bool:
    """An e-mail to write about the page ("mailto:?subject=…&body=<its address>"): no one to
    write to, or the page's address in it. An e-mail to a person is a contact."""
    address, _, rest = href[len("mailto:") :].partition("?")
    return not address.strip() or _carries_page(rest, page_url)


def _share_target(anchor: Tag, page: Page, host: str) -> bool:
    """A link of a share bar: an icon (no words), an e-mail about the page (`_share_mail`), a
    control of the page ("#", a script: copy the link), or another site's address carrying
    this page's address (a network's share endpoint: "…/sharer.php?u=https%3A%2F%2F…")."""
    href = str(anchor.get("href") or "").strip()
    if not anchor.get_text(strip=True) or href.lower().startswith(("javascript:", "#")):
        return True
    if href.lower().startswith("mailto:"):
        return _share_mail(href, page.url)
    parts = urlsplit(urljoin(page.url, href))
    if parts.netloc.lower() in ("", host):
        return False
    return _carries_page(f"{parts.query} {parts.fragment}", page.url)


def _leaves_page(href: str, page: Page, host: str) -> bool:
    """A share target taking the page elsewhere: another site, or an e-mail about it."""
    if href.lower().startswith("mailto:"):
        return _share_mail(href, page.url)
    return urlsplit(urljoin(page.url, href)).netloc.lower() not in ("", host)


def _share_bar(element: Tag, page: Page) -> bool:
    """An element of links to share the page (`MIN_SHARE_LINKS` or more) and a label at most
    (`MAX_SHARE_LABEL`): every link a share target (`_share_target`), one at least leaving
    the page (`_leaves_page`). A sentence linking to its sources names them; a line of e-mail
    addresses names people."""
    anchors = list(all_links_in(element))  # `find_all("a", href=True)`, without bs4's matcher
    if len(anchors) < MIN_SHARE_LINKS:
        return False
    host = urlsplit(page.url).netloc.lower()
    if not all(_share_target(a, page, host) for a in anchors):
        return False
    linked = sum(len(normalize_text(a.get_text(" "))) for a in anchors)
    if len(normalize_text(element.get_text(" "))) - linked > MAX_SHARE_LABEL:
        return False
    return any(_leaves_page(str(a["href"]).strip(), page, host) for a in anchors)


def _share_line(block: Block, page: Page) -> bool:
    """A share bar's line (`_share_bar`), or its label on a line of its own right before it
    ("<p>Delen:</p><p><a …><img alt=Facebook></a>…</p>")."""
    element = block.element
    if element is None or block.is_heading:
        return False
    # words of its own beyond a label: neither a bar (its element holds these words too) nor a
    # bar's label; most of the text's paragraphs stop here, their element's links unwalked
    if len(block.text) - block.link_chars > MAX_SHARE_LABEL:
        return False
    if _share_bar(element, page):
        return True
    if block.hrefs or len(block.text) > MAX_SHARE_LABEL:
        return False
    after = next(next_tags(element), None)  # `find_next_sibling()`, without bs4's matcher
    return after is not None and _share_bar(after, page)


def _boxes_around(boxes: _Boxes, at: int) -> Iterator[tuple[Tag, int, int]]:
    """Each element around `blocks[at]` with the range (start, end) of the blocks inside it,
    nearest first: its own element, then up to `MAX_LABEL_CLIMB` levels up, never the text's
    container or the page's frame."""
    box = boxes.blocks[at].element
    for _ in range(MAX_LABEL_CLIMB + 1):
        if box is None or box is boxes.root or box.name in ("body", "html", "article", "main"):
            return
        start, end = boxes.run(at, box)
        yield box, start, end
        box = box.parent


def _sign_up_boxes(boxes: _Boxes) -> set[int]:
    """The `id()`s of the blocks of a sign-up box: the nearest element around a title (a heading
    or a wholly bold line) that holds other blocks, at most `MAX_PROMO_BLOCKS` in all with the
    title first, no list or table lines, and a form or its controls ("The Morning / Get the
    news you need… / [email] [Sign up]"). A section of the text asks nothing to be filled in."""
    blocks = boxes.blocks
    found: set[int] = set()
    for at, block in enumerate(blocks):
        if not (block.is_heading or block.bold) or block.tag in _DATA_LINES:
            continue
        if not boxes.may_ask_input():
            return found  # no box of the page asks for input
        for box, start, end in _boxes_around(boxes, at):
            if end - start > MAX_PROMO_BLOCKS or start != at:
                break
            inside = blocks[start:end]
            if any(b.tag in _DATA_LINES for b in inside):
                break
            if len(inside) > 1:
                if boxes.asks_input(box):
                    found.update(id(b) for b in inside)
                break
    return found


#: `<input>` types a person fills in; a hidden field or a lone button asks nothing.
_NO_ENTRY_INPUTS = frozenset({"hidden", "button", "submit", "reset", "image"})
_ENTRY_CONTROLS = frozenset(("form", "input", "select", "textarea"))
#: The opening of an entry control's tag in a page's source, written in any case ("<input",
#: "<FORM"): its name spelled letter by letter in both cases, which the regex engine searches
#: faster than an `IGNORECASE` pattern, from one "<" to the next.
_ENTRY_TAG = re.compile(
    "<(?:"
    + "|".join("".join(f"[{c}{c.upper()}]" for c in name) for name in sorted(_ENTRY_CONTROLS))
    + ")"
)


def _asks_input(box: Tag) -> bool:
    """True when `box` holds something to fill in: a `<form>`, a text area, a choice list or an
    input a person types or ticks. A `<button>` alone (an accordion's toggle, a "show more") is
    no sign-up form: an interview's question may sit in one."""
    for control in tags_named(box, _ENTRY_CONTROLS):
        if (
            control.name != "input"
            or str(control.get("type", "text")).lower() not in _NO_ENTRY_INPUTS
        ):
            return True
    return False


def _promo_boxes(boxes: _Boxes) -> set[int]:
    """The `id()`s of the blocks of a promo box: the nearest element around a button line (at
    most `MAX_LABEL_CLIMB` levels up, never the text's container) that holds a title (a heading
    or a wholly bold line) before it, at most
    `MAX_PROMO_BLOCKS` blocks in all, and ends with that button ("Before you go… We have a small
    favour to ask… Support us"). A section of the text has no button of its own closing it."""
    blocks = boxes.blocks
    found = _sign_up_boxes(boxes)
    for at, block in enumerate(blocks):
        if not _button_line(block):
            continue
        for _, start, end in _boxes_around(boxes, at):
            if end - start > MAX_PROMO_BLOCKS:
                break  # a section of the text
            inside = blocks[start:end]
            if any(b.tag in _DATA_LINES for b in inside):
                break  # a section of the text, a list's or a table's items (a reference)
            if end == at + 1 and (
                any(b.is_heading or b.bold for b in inside[:-1])
                or _blurb_and_button(inside)
                or _call_to_action(blocks, start, end)
            ):
                found.update(id(b) for b in inside)
                break
    return found


#: A promo's blurb is a sentence or two ("Sign up for our morning newsletter and get…"); a
#: paragraph of the text runs longer.
MAX_BLURB_CHARS = 240


def _blurb_and_button(inside: list[Block]) -> bool:
    """A box of a blurb and a button to another page, nothing else (a newsletter's or an app's
    promo without a title: "Get the day's top stories in your inbox" / "Sign up"). A button
    into the page itself ("#more", a script) opens the rest of the text."""
    if len(inside) != 2:
        return False
    blurb, button = inside
    href = button.hrefs[0] if button.hrefs else ""
    return (
        blurb.tag in _BLURB_TAGS
        and not blurb.hrefs
        and len(blurb.text) <= MAX_BLURB_CHARS
        and (not href.startswith(("#", "javascript:")) or href.startswith(_HASH_ROUTES))
    )


_BLURB_TAGS = frozenset(("p", "div"))


def _call_to_action(blocks: list[Block], start: int, end: int) -> bool:
    """A box set apart between the text's paragraphs holding a few short unlinked lines (a
    title line and a sentence, `MAX_BLURB_CHARS` in all) and the button closing it
    ("Intéressé ?" / "Inscrivez-vous avant le 15 avril." / "S'inscrire"), while running text
    goes on outside the box: the text's own sections run longer, and a box holding all the
    text is no call to action beside it."""
    lines, button = blocks[start : end - 1], blocks[end - 1]
    href = button.hrefs[0] if button.hrefs else ""
    return (
        len(lines) >= 1
        and all(b.tag in _BLURB_TAGS and not b.hrefs and not b.quoted for b in lines)
        and sum(len(b.text) for b in lines) <= MAX_BLURB_CHARS
        and not href.startswith(("#", "javascript:"))
        and any(_running_text(b) for b in (*blocks[:start], *blocks[end:]))
    )


def _byline_boxes(boxes: _Boxes) -> set[int]:
    """The `id()`s of the lines boxed with a byline ("By Jane Miller" then "Transport
    correspondent, BBC News", "Follow"): the nearest element around the byline holding other
    blocks too (at most `MAX_LABEL_CLIMB` levels up, never the text's container), when every
    block in it is a short line (`MAX_BYLINE_WITH_ROLE`) and no sentence or heading: the
    author's name, role and channels. A box holding a sentence is the text's."""
    blocks = boxes.blocks
    found: set[int] = set()
    for at, block in enumerate(blocks):
        if len(block.text) > MAX_BYLINE_WITH_ROLE or not BYLINE.match(block.text):
            continue
        for _, start, end in _boxes_around(boxes, at):
            inside = blocks[start:end]
            if any(
                b.is_heading
                or b.tag in _DATA_LINES  # a table's column ("By changesets") is data
                or len(b.text) > MAX_BYLINE_WITH_ROLE
                or b.text.endswith((".", "!", "?"))
                for b in inside
            ):
                break
            if len(inside) > 1:
                found.update(id(b) for b in inside)
                break
    return found


#: An author's bio under the text is a sentence or two beside the author's channels ("Marie
#: Leroy couvre les transports. marie.leroy@…"); a paragraph of the text naming its author, a
#: quote of theirs, runs longer.
MAX_BIO_CHARS = 300


def _slug(text: str) -> str:
    """`text` as a web address writes it ("Marie Leroy" -> "marie-leroy")."""
    return NOT_ALNUM.sub("-", fold(text)).strip("-")


def _author_bio(block: Block, authors: Callable[[], Collection[str]]) -> bool:
    """A short paragraph (`MAX_BIO_CHARS`) naming the byline's author beside a channel of theirs:
    an e-mail address, or a link to their own page (its address writes the name:
    "/auteur/marie-leroy/"). Only the text's last blocks are asked: a bio closes the article."""
    text = block.text
    if block.tag != "p" or len(text) > MAX_BIO_CHARS:
        return False
    mail = any(h.lower().startswith("mailto:") for h in block.hrefs) or bool(
        "@" in text and EMAIL.search(text)
    )
    if not mail and not block.hrefs:
        return False  # no channel: a closing sentence of the text naming its author
    named = [n for n in authors() if n in text]
    if not named or mail:
        return bool(named)
    slugs = [_slug(n) for n in named]
    return any(s in _slug(urlsplit(h).path) for h in block.hrefs for s in slugs)


#: A line of the article's header (a label "Article réservé aux abonnés", a player's title and
#: duration, "Bekijk de transcriptie") is a few words; a line of the text opening it runs longer
#: or ends like a sentence.
MAX_HEADER_LINE = 60
_SENTENCE_END = (".", "?", "!", "…", ":", "»", "”", '"')


def _header_lines(blocks: list[Block], known: set[str]) -> set[int]:
    """The `id()`s of the short `<div>` and `<p>` lines between the headline and the text's
    opening (its first paragraph, the standfirst, a subheading or a list: what comes first) that
    sit in boxes of their own, outside the element holding that opening: the header's labels and
    the player set above the text, never a sentence (`MAX_HEADER_LINE`, no closing punctuation).
    A line inside the text's element opens the text and stays; a picture's caption is its own."""
    headline = next(
        (
            at
            for at, b in enumerate(blocks)
            if b.is_heading and (b.tag == "h1" or _holds_headline(b, known))
        ),
        None,
    )
    if headline is None:
        return set()
    first = next(
        (
            at
            for at in range(headline + 1, len(blocks))
            if _running_text(blocks[at])
            or blocks[at].role == "lead"
            or blocks[at].is_heading
            or blocks[at].tag not in _HEADER_LINE_TAGS
        ),
        None,
    )
    opening = blocks[first].element if first is not None else None
    holder = opening.parent if opening is not None else None
    if first is None or holder is None:
        return set()
    return {
        id(b)
        for b in blocks[headline + 1 : first]
        if b.role is None
        and len(b.text) <= MAX_HEADER_LINE
        and not b.text.endswith(_SENTENCE_END)
        and not is_caption(b)
        and b.element is not None
        and not any(p is holder for p in b.element.parents)
    }


def _banner_headings(page: Page, known: set[str]) -> set[int]:
    """The `id()`s of the headings above the headline that name the site (`site_brands`: a
    piece of the `<title>` that is not the headline, `og:site_name`, the host): the banner's
    `<h1>` over every page ("Springfield Gazette" over the `<h2>` headline), not the text's."""
    blocks = page.blocks
    headline = next(
        (
            at
            for at, b in enumerate(blocks)
            if b.is_heading and (fold(b.text) in known or _holds_headline(b, known))
        ),
        None,
    )
    if not headline:
        return set()  # no headline, or nothing above it
    brands = site_brands(page, known)
    return {
        id(b)
        for b in blocks[:headline]
        if b.is_heading and fold(b.text) not in known and brand_of(b.text) in brands
    }


#: The blocks a header line may be: a line of its own; a list, a table or a caption ends the
#: header (a list of ingredients, a figure) or is another kind's.
_HEADER_LINE_TAGS = frozenset(("div", "p"))


def _without_opening_captions(
    blocks: list[Block], kept: list[Block], lead: str | None = None
) -> list[Block]:
    """`kept` without the captions (and their credits) above the text's first paragraph: the
    header's photo says what it shows, the text has not begun (`<h1><img><p class=caption>…`).
    A caption after a paragraph of the text (the lead's, perhaps) stays, as the picture's place
    in the text; a standfirst set apart (the `lead`, outside the element of the text's first
    paragraph: a post header's excerpt above its photo) has not begun the text."""
    at = 0
    while at < len(kept) and (is_caption(kept[at]) or image_credit(kept[at])):
        at += 1
    if at == 0 or at == len(kept):
        return kept  # captions only: a photo page's text is its captions
    first = kept[0]
    text_element = kept[at].element
    text_parent = text_element.parent if text_element is not None else None
    for block in blocks:
        if block is first:
            return kept[at:]
        if block.tag == "p" and len(block.text) >= MIN_TEXT_PARAGRAPH and not is_caption(block):
            if (
                lead
                and block.text in lead.split("\n\n")  # one of the lead's paragraphs
                and block.element is not None
                and text_parent is not None
                and block.element.parent is not text_parent
            ):
                continue  # the standfirst set apart above the picture
            return kept  # the text began above the picture
    return kept


def extract_body(
    page: Page,
    known: set[str],
    authors: Callable[[], Collection[str]] = frozenset,
    contact_lines: Collection[int] = frozenset(),
    *,
    lead: str | None = None,
) -> Found:
    """The article text: paragraphs and subheadings separated by blank lines, without the lead,
    the headline, metadata lines, contact blocks (and `contact_lines`, the `id`s of the blocks
    a contact was read from), link lists, the author's bio (`authors`: the full names the byline
    gives, asked only when a short last paragraph could be one) and everything around the
    article. A block a lead selector marked stays unless `lead` (the lead chosen) holds its
    text: a paragraph the lead did not take is the text's."""
    blocks = page.blocks
    boxes = _Boxes(blocks, page.root, page.text)
    labels = _repeated_labels(blocks)
    kicker = _kicker(blocks, page, known)
    # the text's first paragraph: a dated fact after it is the text's (`_dated_fact`)
    opened = next((at for at, b in enumerate(blocks) if _running_text(b)), len(blocks))
    linked = _text_list_items(blocks) | _links_between_paragraphs(blocks)
    slots = _slot_labels(blocks) | _promo_boxes(boxes)
    slots |= _byline_boxes(boxes) | _header_lines(blocks, known) | _banner_headings(page, known)
    # (the look-ups in the sets first: every test is a pure predicate of the block, and
    # `is_metadata` is the dearest, asked only of blocks none of the others leaves out)
    kept = [
        b
        for at, b in enumerate(blocks)
        if (b.role is None or (b.role == "lead" and (not lead or b.text not in lead)))
        and id(b) not in slots
        and id(b) != kicker
        and id(b) not in contact_lines
        and b.text not in labels
        and not _undecoded(b)
        and (b.is_heading or b.link_density <= MAX_LINK_DENSITY or id(b) in linked)
        and not _holds_headline(b, known)
        and not _page_controls(b)
        and (
            not is_metadata(b, page, known)
            or _column_header(blocks, at)
            or _key_fact(blocks, at, page, known)
            or (at > opened and _dated_fact(b))
        )
        and not _share_line(b, page)
        and not _date_label_cell(blocks, at)
    ]
    kept = _without_empty_sections(blocks, _after_the_text(blocks, kept))
    kept = _without_box_labels(boxes, kept)
    kept = _without_link_box_headings(blocks, kept)
    kept = _without_link_box_labels(boxes, kept, page.url)
    kept = _without_opening_captions(blocks, kept, lead)
    while len(kept) > 1 and (
        (_closing_line(kept[-1]) and not _before_contacts(blocks, kept[-1]))
        or _thanks_sign_off(kept, page.config)
        or _author_bio(kept[-1], authors)
    ):
        kept.pop()
    if not kept:
        return None
    return "\n\n".join(_with_terms(kept)), "profile" if page.root_from_profile else "text"
