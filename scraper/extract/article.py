"""The recipe: decode, parse once, then fill the record field by field, cheapest layer first."""

from __future__ import annotations

import gc
import logging
import re
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import partial

from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning

from scraper.extract.blocks import (
    LOST_SHARE,
    MIN_DOMINANT_TEXT,
    Block,
    consent_banners,
    content_blocks,
    dominant_block,
    find_content_root,
    with_paragraphs_beside,
)
from scraper.extract.body import (
    extract_body,
    extract_lead,
    mark_site_furniture,
    mark_teaser_lists,
    site_brands,
)
from scraper.extract.cards import find_cards, url_key
from scraper.extract.config import config_for
from scraper.extract.contact_blocks import (
    BIO_WORDS,
    MAX_CONTACT_CHARS,
    author_names,
    contact_containers,
    describes_a_person,
    in_article_footer,
    is_author_box,
)
from scraper.extract.contacts import SENTENCE_WORDS, contact_runs, contacts_from_blocks
from scraper.extract.decode import decode_html
from scraper.extract.fields import (
    extract_lang,
    extract_sector,
    extract_translations,
    extract_url,
)
from scraper.extract.lang import short_lang
from scraper.extract.page import Page, resolve_base
from scraper.extract.published import (
    check_published,
    extract_modified,
    extract_published,
    modified_after,
    month_first,
)
from scraper.extract.qa import extract_qa
from scraper.extract.structured import read_signals
from scraper.extract.title import extract_title
from scraper.extract.tree import ParsedTree, parse_tree
from scraper.extract.treewalk import first_named, inside_any, text_longer_than
from scraper.models import Article, RelatedCard
from scraper.sites import SiteProfile
from scraper.text import fold, normalize_lines, scrub
from scraper.urls import host_of

log = logging.getLogger(__name__)

# every page is read as HTML on purpose (an XHTML page, or an XML declaration before <html>, is
# still a web page): bs4's advice to use an XML parser would only reach a user's stderr
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)


def _parse(text: str) -> ParsedTree:
    return parse_tree(text)  # a function of this module: bench/extract.py --stages times it


class _CollectorPaused:
    """Python's cycle collector off while a page is parsed and read, back on after (when it was
    on: a caller that turned it off keeps it off). While a tree grows, every few hundred new
    objects make the collector walk the young ones, and now and then every object of the
    process: a third of the CPU time of a parse. Reading a page frees nothing the collector
    could reclaim (the tree lives until the record is made); `extract_article` then unlinks
    the tree (`_release`) so that reference counting frees it, and a tree a caller keeps is
    collected in one walk after. Another thread reading a page at the same time
    may see the collector back on before it is done: it is then only slower.

    A class rather than a `contextmanager` generator: entered three times per page (the
    record, the parse, the reading), a generator's set-up was a fixed cost of a few
    microseconds each."""

    __slots__ = ("paused",)

    def __enter__(self) -> None:
        self.paused = gc.isenabled()
        if self.paused:
            gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.paused:
            gc.enable()


def _roles(root: Tag, page: Page, contacts: list[Tag]) -> dict[int, tuple[str, Tag]]:
    roles: dict[int, tuple[str, Tag]] = {
        id(tag): ("related", tag)
        for tag in page.related_sections
        if tag is not root and not any(p is tag for p in root.parents)
    }
    roles.update({id(tag): ("contact", tag) for tag in contacts})
    # a cookie banner opening the page is the site's furniture, never the lead nor the body
    roles.update({id(tag): ("site", tag) for tag in page.consent_banners})
    for tag in page.standfirsts(root):
        # a teaser's excerpt in a card (a related list's, or a card that is all one link to
        # its page) is not this page's lead
        if (
            not page.in_related(tag)
            and tag.find_parent("a") is None
            and not inside_any(tag, contacts)
        ):
            roles.setdefault(id(tag), ("lead", tag))
    return roles


def _read_page(parsed: ParsedHtml, url: str, profile: SiteProfile | None) -> Page:
    config = config_for(profile)
    soup = parsed.soup
    signals, matches = read_signals(soup, config.index, parsed.elements)
    cards, sections = find_cards(
        signals.links,
        matches.in_selector_order("related"),
        signals.headings,
        config,
        resolve_base(url, signals.base_href),
        url,
        signals.h1s,
    )
    # the first <body>, from the parse's list of elements when it made one (no walk)
    elements = parsed.elements
    if elements is None:
        body = first_named(soup, "body")
    else:
        body = next((tag for tag in elements if tag.name == "body"), None)
    dominant = dominant_block(body or soup)
    root, from_profile, holder = find_content_root(
        soup, matches.grouped("content"), signals.paragraphs, dominant, body
    )
    page = Page(
        dominant=dominant,
        url=url,
        soup=soup,
        config=config,
        signals=signals,
        root=root,
        root_from_profile=from_profile,
        blocks=[],
        cards=cards,
        related_sections=sections,
        matches=matches,
        warnings=list(signals.warnings),
        text=parsed.text,
        at_strings=parsed.at_strings,
        slash_strings=parsed.slash_strings,
        channel_strings=parsed.channel_strings,
    )
    page.contact_containers = contact_containers(page)
    page.consent_banners = consent_banners(body, signals.h1s[0] if signals.h1s else None)
    if root is not None:
        roles = _roles(root, page, page.contact_containers)
        page.blocks = content_blocks(root, config, roles, holder=holder)
        mark_site_furniture(page)
        mark_teaser_lists(page)
        if root.name in ("body", "[document]"):
            page.warnings.append("no article container found; read the whole page")
    return page


def _contact_groups(page: Page, containers: list[Tag]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for tag in containers:
        if is_author_box(tag, page.phone_regions):
            continue
        group = content_blocks(tag, page.config, {id(tag): ("contact", tag)}, split_inline=True)
        # the post's own footer is the article's when it names a person: the organisation's
        # switchboard ("Contact us: +32 … · info@…"), printed under every post, names no one
        if in_article_footer(tag, page) and not any(
            c.name for c in contacts_from_blocks([group], page.phone_regions)
        ):
            continue
        groups.append(group)
    found = [g for g in groups if g] + contact_runs(page.blocks, page.phone_regions)
    authors = author_names(page) if found else set()
    # an author box (the byline's name beside an address, a bio box after the text) is no contact
    found = [g for g in found if not any(n in b.text for b in g for n in authors)]
    # nor a bio box naming no one its channels could be read with (its name in the bio sentence)
    return [
        g
        for g in found
        if not _nameless_bio(g, page)
        and not ((authors or not _marked_contact(g, page)) and _publication_desk(g, page))
    ]


def _marked_contact(group: list[Block], page: Page) -> bool:
    """True when the group sits in a block the profile's contact selectors mark (`.contact`)."""
    element = group[0].element if group else None
    marked = page.matched("contact")
    return element is not None and (
        any(element is m for m in marked) or inside_any(element, marked)
    )


def _publication_desk(group: list[Block], page: Page) -> bool:
    """True for a group whose addresses are all at the site's own domain and which names no
    person but the site ("Have a tip? Email tips@…", "Daily Ledger Newsroom · newsroom@…",
    "Contact the editor: …@…") on a site whose staff are no contacts of its articles (the
    profile's `staff_contacts`): the publication's own desk, not a contact the article gives
    about its subject. The caller asks it of a page that credits an author (a byline, a declared
    author: a publication's article) or of a group outside the blocks the profile marks as
    contacts; an unsigned page's marked contact box (a city's "Write to the project team:
    canal@…" in its `.contact`) stays its contact, and a person named beside an address of the
    site (an agency's project manager) stays a contact."""
    if page.config.staff_contacts:
        return False
    host = host_of(page.url).removeprefix("www.")
    contacts = contacts_from_blocks([group], page.phone_regions)
    if not host or not contacts:
        return False
    for contact in contacts:
        domains = [e.rpartition("@")[2] for e in contact.emails]
        if not domains or not all(
            d == host or d.endswith(f".{host}") or host.endswith(f".{d}") for d in domains
        ):
            return False
        if contact.name and not _names_site(contact.name, host, page):
            return False  # a person the article names with their address: its contact
    return True


def _names_site(name: str, host: str, page: Page) -> bool:
    """True when a contact's name is the site's ("Daily Ledger Newsroom" on dailyledger.com): a
    site name of the profile, or the host's first label spelled out in words."""
    spelled = fold(name).replace(" ", "").replace("-", "")
    return page.names_site(name) or spelled.startswith(host.split(".")[0].replace("-", ""))


def _contact_lines(groups: list[list[Block]], page: Page) -> frozenset[int]:
    """The blocks of the page's text a contact was read from (a run of a person's lines written
    without contact markup: `<dl><dt>Name</dt><dd>Role<br>+44 …<br>x@y</dd>`), by `id`: a
    contact container's own blocks already carry the role "contact". A sentence of the text
    naming a contact ("Pour en savoir plus, écrivez à Julie Martin : …, tél. 02 …") stays text."""
    ids = {id(b) for b in page.blocks}
    return frozenset(
        id(b)
        for g in groups
        if any(id(b) in ids for b in g)
        and not _said_in_sentences(g)
        and contacts_from_blocks([g], page.phone_regions)
        for b in g
        if not _sentence(b.text)
    )


def _said_in_sentences(group: list[Block]) -> bool:
    """True when every block of `group` but its headings is a sentence of the text: a section
    of running text naming a contact ("Meer informatie" then "Heeft u vragen? Neem contact op
    met Karin Mulder via …"), whose heading is the text's as well, no card's title."""
    return any(b.is_heading for b in group) and all(
        b.is_heading or _sentence(b.text) for b in group
    )


def _sentence(text: str) -> bool:
    return text.endswith((".", "!", "?")) and len(text.split()) >= SENTENCE_WORDS


def _nameless_bio(group: list[Block], page: Page) -> bool:
    """True for a group whose channels go with no name and which describes a person in a
    sentence of its own: an author's bio box ("Covers transport for the paper since 2019." then
    an e-mail address), not a contact of the article (DECISIONS: an author bio on a news site is
    no contact)."""
    if any(c.name for c in contacts_from_blocks([group], page.phone_regions)):
        return False
    lang = short_lang(page.signals.html_lang)
    if describes_a_person([line for b in group for line in b.lines], page.config, lang):
        return True
    # the channels' own line in a box whose other line is the bio: the box, while it stays a
    # box (the article around a contact line, its headline and text, is no bio box)
    element = group[0].element if group else None
    own = {line for b in group for line in b.lines}
    boxes = [element, *element.parents][: BIO_BOX_CLIMB + 1] if element is not None else []
    for box in boxes:
        if (
            text_longer_than(box, MAX_CONTACT_CHARS)
            or box is page.root
            or any(box is p for h1 in page.signals.h1s for p in h1.parents)
        ):
            break  # the article itself, not a box beside its text
        lines = [line for line in normalize_lines(box.get_text("\n")) if line not in own]
        if sum(len(line.split()) >= BIO_WORDS for line in lines) > MAX_BIO_LINES:
            break  # paragraphs of text around a contact line: the article's, no bio box
        if describes_a_person(lines, page.config, lang):
            return True
    return False


#: A bio box holds one paragraph about the person beside its channels.
MAX_BIO_LINES = 1


#: A bio box holds its channels' line one or two wrappers down (`<div class=bio><p>…</p><p><a
#: mailto>`, `<footer><div><p>…`).
BIO_BOX_CLIMB = 2


def extract_article(
    html: str | bytes, url: str, *, encoding: str | None = None, profile: SiteProfile | None = None
) -> Article:
    """The normalised record of one article page. Pure: no network, no clock; never raises on bad
    input (a field it cannot find is None, with a line in `warnings`).

    `encoding` is the charset of the HTTP Content-Type header, when known; `profile` defaults to
    the bundled hub.brussels profile.
    """
    with _CollectorPaused():
        parsed = parse_html(html, encoding=encoding)
        try:
            return extract_parsed(parsed, url, profile=profile)
        finally:
            _release(parsed)


def _release(parsed: ParsedHtml) -> None:
    """Unlink the tree of a page nobody else holds (`extract_article`'s own parse): every node
    links to its neighbours both ways, so only the cycle collector could free the tree, in a
    walk over all of it when it is turned back on (a tenth of a bare parse's time on a page of
    a few hundred KB). Emptied, each node is freed by reference counting as its last link goes.
    The record holds plain strings, never a node (`same_records.py` checks records are unchanged)."""
    if parsed.text_nodes is not None:  # every text node, as the parse listed them
        for string in parsed.text_nodes:
            string.__dict__.clear()
        for tag in parsed.elements or ():
            tag.__dict__.clear()
        return
    for tag in parsed.elements or ():
        for child in tag.contents:
            if type(child) is not Tag:
                child.__dict__.clear()
        tag.__dict__.clear()


@dataclass(frozen=True)
class ParsedHtml:
    """One page decoded and parsed once (`parse_html`), for `extract_parsed` and for other
    readers of the same page (the crawl's listing check): extraction reads the tree and never
    changes it."""

    #: the decoded page, NULs and lone surrogates removed
    text: str
    #: its tree (BeautifulSoup with lxml; `class` and `rel` kept as strings, not split)
    soup: BeautifulSoup
    #: what decoding had to guess or replace, or None
    decode_warning: str | None = None
    #: the elements of `soup` in document order, as the parse made them (None: walk the tree)
    elements: list[Tag] | None = None
    #: the plain text nodes of `soup` holding an "@", in document order (None: walk the tree)
    at_strings: list[NavigableString] | None = None
    #: the plain text nodes of `soup` holding a "/", in document order (None: walk the tree)
    slash_strings: list[NavigableString] | None = None
    #: the plain text nodes of `soup` holding an "@" or, short, a digit, in document order
    #: (None: walk the tree)
    channel_strings: list[NavigableString] | None = None
    #: the text nodes of `soup`, in document order (None: walk the tree)
    text_nodes: list[NavigableString] | None = None


def parse_html(html: str | bytes, *, encoding: str | None = None) -> ParsedHtml:
    """The page as `extract_article` reads it: decoded (`encoding` is the HTTP charset, when
    known), scrubbed and parsed. Never raises: a page lxml rejects is an empty tree."""
    with _CollectorPaused():
        text, decode_warning = decode_html(html or b"", encoding)
        text = scrub(text)
        tree = _parse(text)
        return ParsedHtml(
            text,
            tree.soup,
            decode_warning,
            tree.elements,
            tree.at_strings,
            tree.slash_strings,
            tree.channel_strings,
            tree.text_nodes,
        )


def extract_parsed(parsed: ParsedHtml, url: str, *, profile: SiteProfile | None = None) -> Article:
    """`extract_article` of a page already parsed by `parse_html`: the same record."""
    with _CollectorPaused():
        return _extract(parsed, url, profile)


def _extract(parsed: ParsedHtml, url: str, profile: SiteProfile | None) -> Article:
    text, decode_warning = parsed.text, parsed.decode_warning
    page = _read_page(parsed, url, profile)
    if decode_warning:
        page.warnings.insert(0, decode_warning)
    article = Article(url=url)
    sources = article.sources

    def put(name: str, found: tuple[object, str] | None) -> None:
        if found is None:
            return
        setattr(article, name, found[0])
        sources[name] = found[1]

    put("url", extract_url(page))
    put("title", extract_title(page))
    page.keep_titled_element(article.title)
    self_card = next(
        (
            c
            for c in page.cards
            if url_key(c.url) == url_key(article.url)
            or url_key(c.url) == url_key(url)
            or (article.title and fold(c.title) == fold(article.title))
        ),
        None,
    )
    put("sector", extract_sector(page))
    if article.sector is None and self_card is not None and self_card.sector:
        put("sector", (self_card.sector, "card"))
    known = {fold(x) for x in (article.title, article.sector) if x}
    put("lead", extract_lead(page, known, title=article.title))
    # the contacts before the body: the lines a contact is read from are not text as well
    groups = _contact_groups(page, page.contact_containers)
    article.contacts = contacts_from_blocks(groups, page.phone_regions)
    taken = _contact_lines(groups, page) if article.contacts else frozenset()
    # the byline's names, read (a walk of the whole page) once and only if a bio is in question:
    # `author_names` keeps them on the page (the contact groups may have read them already)
    authors = partial(author_names, page)
    put("body", extract_body(page, known, authors, taken, lead=article.lead))
    put("body", _lost_text(page, article, known, authors, taken))
    _text_not_lead(page, article, known, authors, taken)
    sample = " ".join(x for x in (article.title, article.lead, article.body) if x)
    put("lang", extract_lang(page, sample))
    article.translations = extract_translations(page, article.lang, article.url)
    if article.translations:
        sources["translations"] = "html"
    order = month_first(page)
    self_date = self_card.published(order) if self_card else None
    modified = extract_modified(page, title=article.title)
    published = extract_published(
        page, text, self_date, title=article.title, modified=modified[0] if modified else None
    )
    check_published(page, published)
    put("published", published)
    put("modified", modified_after(page, modified, published, title=article.title))
    if article.sector:
        article.sector_key = page.config.sectors.get(fold(article.sector))
        if article.sector_key:
            sources["sector_key"] = sources["sector"]
        elif page.config.sectors:  # a profile without a mapping has nothing to miss
            page.warnings.append(
                f"sector {article.sector!r} is not in the profile's sector mapping"
            )
    if article.contacts:
        sources["contacts"] = (
            "profile" if any(b.role == "contact" for g in groups for b in g) else "text"
        )
    names = [c.name for c in article.contacts if c.name]
    article.qa = extract_qa(
        page.blocks,
        page.config,
        extra_names=names,
        title=article.title,
        lead=article.lead,
        brands=site_brands(page, known),
        ad_label_heads=page.ad_label_heads,
    )
    if article.qa:
        sources["qa"] = "text"
    # the page in another language (a language switch set as links) is no related article
    translated = {fold(u) for u in article.translations.values()}
    article.related = [
        RelatedCard(title=c.title, url=c.url, sector=c.sector, published=c.published(order))
        for c in page.cards
        if c is not self_card and not (c.url and fold(c.url) in translated)
    ]
    if article.related:
        sources["related"] = "profile" if page.config.related else "text"
    _check(article, page)
    article.warnings = page.warnings
    return article


#: No class name is furniture: what the lost text is read again with (`_lost_text`).
_NO_NAMES = re.compile(r"(?!)")


def _lost_text(
    page: Page,
    article: Article,
    known: set[str],
    authors: Callable[[], Collection[str]],
    taken: Collection[int],
) -> tuple[str, str] | None:
    """The body read again when the lead and body hold less than `LOST_SHARE` of the text of the
    page's dominant block (`blocks.dominant_block`): the root or the body's filters lost the
    article, and a page that plainly holds an article never yields an empty body. Read again
    from the root when it holds the block, else from the block, with no class name taken for
    furniture (the text split over sections named `share-after`, `with-sidebar`): the frame,
    hidden elements and the body's structural filters still apply. None when nothing was lost,
    or when reading again gives no more text."""
    box, size = page.dominant
    found = len(article.lead or "") + len(article.body or "")
    if box is None or size < MIN_DOMINANT_TEXT or found >= LOST_SHARE * size:
        return None
    root = page.root
    if root is None or not (box is root or any(p is root for p in box.parents)):
        root = with_paragraphs_beside(box, size)
    config = replace(page.config, boilerplate=_NO_NAMES)
    blocks = content_blocks(root, config, _roles(root, page, page.contact_containers))
    there = replace(page, root=root, root_from_profile=False, blocks=blocks, config=config)
    mark_site_furniture(there)
    mark_teaser_lists(there)
    body = extract_body(there, known, authors, taken, lead=article.lead)
    if body is None or len(body[0]) <= len(article.body or ""):
        return None
    page.warnings.append(
        "the text was lost from the content root; read again without furniture names"
    )
    return body[0], "text"


def _text_not_lead(
    page: Page,
    article: Article,
    known: set[str],
    authors: Callable[[], Collection[str]],
    taken: Collection[int],
) -> None:
    """The text's first paragraph taken as the lead for want of a standfirst (layers `text`,
    `meta`) leaves no body: that paragraph is the text itself (a one-paragraph article), not a
    standfirst set apart from it. The body is read again with it, and the lead is none. A
    standfirst the page sets apart (a profile's selector, a dek under the headline) stays the
    lead even with no text after it."""
    if article.body is not None or article.sources.get("lead") not in ("text", "meta"):
        return
    opening = [b for b in page.blocks if b.role == "lead"]
    for block in opening:
        block.role = None
    body = extract_body(page, known, authors, taken)
    if body is None:
        for block in opening:
            block.role = "lead"
        return
    article.lead = None
    del article.sources["lead"]
    article.body, article.sources["body"] = body


def _check(article: Article, page: Page) -> None:
    """Say in words what is missing or where signals disagree (not `modified`: most pages never
    show one, so its absence says nothing about the template)."""
    for name in ("title", "lang", "published", "sector", "lead", "body"):
        if getattr(article, name) is None:
            page.warnings.append(f"no {name} found")
    seo = page.signals.title_tag
    if article.title and seo and fold(article.title) not in fold(seo):
        page.warnings.append(f"SEO <title> {seo!r} differs from the headline {article.title!r}")
    if article.published and article.modified and article.modified < article.published:
        page.warnings.append("modification date is earlier than the publication date")
