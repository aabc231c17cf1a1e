"""One small function per identity field (url, title, lang, translations, sector): value and layer, or None."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from itertools import islice
from urllib.parse import urlsplit

from bs4 import NavigableString, Tag

from scraper.counters import is_counter_line
from scraper.dates import has_digit, iter_dates, label_at
from scraper.dates import vocabulary as date_vocabulary
from scraper.extract.blocks import is_boilerplate
from scraper.extract.cards import url_key
from scraper.extract.labels import strip_label
from scraper.extract.lang import (
    CONTRADICT_CHARS,
    CONTRADICT_PROBABILITY,
    MIN_PROBABILITY,
    identify,
    lang_from_url,
    short_lang,
)
from scraper.extract.names import is_full_name
from scraper.extract.page import Page
from scraper.extract.published import zone_lines
from scraper.extract.selectors import class_string
from scraper.extract.title import line_of, names_the_site
from scraper.extract.treewalk import (
    all_strings_in,
    is_at_or_inside,
    links_in,
    previous_tag,
    previous_tags,
    tags_below,
    text_longer_than,
)
from scraper.linkrules import is_article_link, listed_item_url
from scraper.text import fold, normalize_text
from scraper.urls import host_of, resolve_href

Found = tuple[str, str] | None  # (value, layer)
#: A sector is a short label: longer text after "Secteur :" is a sentence, not one.
MAX_SECTOR_CHARS = 60
_DIGIT = re.compile(r"\d")
#: (a dot, bullet or bar needs no spaces: a kicker's items are often spans set apart by CSS alone,
#: "Interview·Food & drinks·9 July 2026", as the cards' `_PIECES` reads them)
_PIECES = re.compile(r"\s+[·|•–—]\s+|\s*[·|•]\s*")


def _has_separator(line: str) -> bool:
    """True when `line` holds a character `_PIECES` splits on (only "|" is ASCII)."""
    return "|" in line or (not line.isascii() and any(c in line for c in "·•–—"))


def _home_page(url: str) -> bool:
    return urlsplit(url).path in ("", "/") and not urlsplit(url).query


def extract_url(page: Page) -> Found:
    """rel=canonical, else og:url, when on the same site as the given URL."""
    own = host_of(page.url).removeprefix("www.")
    for value, layer in (
        (page.signals.canonical, "html"),
        (page.signals.first_meta("og:url"), "meta"),
    ):
        if not value:
            continue
        absolute = resolve_href(page.base, value)
        if absolute is None or not absolute.startswith(("http://", "https://")):
            continue
        if _home_page(absolute) and not _home_page(page.url):
            page.warnings.append(
                f"canonical URL {absolute} is the site's home page; kept the page URL"
            )
            continue
        if not own or host_of(absolute).removeprefix("www.") == own:
            return absolute, layer
        page.warnings.append(f"canonical URL {absolute} is on another site; kept the page URL")
    return None


def _declared_lang(page: Page) -> tuple[str, str] | None:
    signals = page.signals
    allowed = page.config.languages
    for value, layer in (
        (signals.html_lang, "html"),
        (signals.first_meta("og:locale", "content-language", "language", "dc.language"), "meta"),
        (signals.jsonld_value("inLanguage"), "jsonld"),
    ):
        if value:
            code = short_lang(value)
            if code and (not allowed or code in allowed):
                return code, layer
            expected = f"one of {', '.join(allowed)}" if allowed else "an ISO 639-1 code"
            page.warnings.append(f"declared language {value!r} is not {expected}; ignored")
    return None


def extract_lang(page: Page, sample: str) -> Found:
    """The language: what the page declares (`<html lang>`, meta, JSON-LD, its own hreflang, a
    URL segment), unless the identifier reads a long text as another language with near
    certainty; with nothing declared, the identifier's verdict above `MIN_PROBABILITY`."""
    allowed = page.config.languages
    declared = _declared_lang(page)
    if declared is None:
        own = fold(page.url)
        for code, href in page.signals.hreflang:
            short = short_lang(code)
            if (
                fold(resolve_href(page.base, href) or "") == own
                and short
                and (not allowed or short in allowed)
            ):
                declared = short, "html"
                break
    if declared is None:
        from_url = lang_from_url(page.url)
        if from_url and (not allowed or from_url in allowed):
            declared = from_url, "url"
    if declared and len(sample) < CONTRADICT_CHARS:
        return declared  # too little text to contradict a declaration: no need to ask
    spoken = identify(sample, allowed or None)
    sure = (
        spoken
        if spoken and spoken[1] >= CONTRADICT_PROBABILITY and len(sample) >= CONTRADICT_CHARS
        else None
    )
    if declared:
        if sure and sure[0] != declared[0]:
            page.warnings.append(
                f"page declares language {declared[0]!r} ({declared[1]}) but its text reads as "
                f"{sure[0]!r}; kept {sure[0]!r}"
            )
            return sure[0], "text"
        return declared
    if spoken and spoken[1] >= MIN_PROBABILITY:
        return spoken[0], "text"
    return None


def extract_translations(page: Page, lang: str | None, url: str) -> dict[str, str]:
    """hreflang alternates in the other languages: {lang: absolute url}; then a language switch
    set as plain links ("FR", "Nederlands") to an article of the site."""
    found: dict[str, str] = {}
    for code, href in page.signals.hreflang:
        short = short_lang(code)
        absolute = resolve_href(page.base, href)
        if (
            absolute
            and short
            and short != lang
            and short not in found
            and fold(absolute) != fold(url)
        ):
            found[short] = absolute
    names = page.config.language_names
    for link in page.signals.links:
        text = link.string  # a switch's link holds its one word; longer links skip the lookup
        declared = link.get("lang")
        if text is None and declared is not None:
            text = normalize_text(link.get_text(" "))  # "<a lang='fr'> <span>Français</span></a>"
        short = names.get(fold(text.strip())) if text and len(text) <= MAX_SWITCH_CHARS else None
        if short is None or short == lang or short in found:
            continue
        absolute = resolve_href(page.base, str(link["href"]))
        if not absolute or fold(absolute) == fold(url):
            continue
        # a switch to the other language's home page, or a link in the text, is no translation
        if is_article_link(absolute, url, page.config.hosts) or (
            _declares(declared, short) and _other_version(absolute, url, page.config.hosts)
        ):
            found[short] = absolute
    _select_translations(page, lang, url, found)
    return found


def _declares(declared: object, short: str) -> bool:
    """True when a link's `lang` attribute declares the language its text names ("<a lang='fr'
    href=…>Français</a>"): the link states the page's version in that language, as an hreflang
    alternate does."""
    return isinstance(declared, str) and short_lang(declared) == short


def _other_version(absolute: str, url: str, hosts: frozenset[str]) -> bool:
    """True when `absolute`, linked as the page's version in another language, is on the same site
    (the page's host, with or without `www.`, or one of the profile's `hosts`) and is not a home
    page ("/", "/fr/"): the rules of hreflang alternates, whatever the URL's shape (a
    translation's path may differ in depth from the page's: "/fr/actualites/economie/…" beside
    "/nl/nieuws/…")."""
    host = host_of(absolute).removeprefix("www.")
    if host != host_of(url).removeprefix("www.") and host not in {
        h.removeprefix("www.") for h in hosts
    }:
        return False
    parts = urlsplit(absolute)
    rest = parts.path.strip("/")
    return bool(parts.query) or not (rest == "" or ("/" not in rest and lang_from_url(absolute)))


def _select_translations(page: Page, lang: str | None, url: str, found: dict[str, str]) -> None:
    """A language switch written as a `<select>` whose options hold the other languages' URLs
    (`<option value="https://…/nl/…">Nederlands</option>`, no link, no hreflang): the code is the
    option's `lang`, else its text's language name, else the URL's first path segment when it
    is one ("/nl/…"). Only an option that leads to an article of the site counts (the other
    language's home page is no translation). Adds to `found`."""
    names = page.config.language_names
    codes = set(names.values())
    for option in page.signals.options:
        value = str(option.get("value") or "").strip()
        if "/" not in value:
            continue  # "fr", "2": a form's value, not a URL
        absolute = resolve_href(page.base, value)
        if not absolute or fold(absolute) == fold(url):
            continue
        text = normalize_text(option.get_text(" "))
        segment = urlsplit(absolute).path.strip("/").split("/")[0].lower()
        short = (
            short_lang(str(option.get("lang") or ""))
            or (names.get(fold(text)) if len(text) <= MAX_SWITCH_CHARS else None)
            or (segment if segment in codes else None)
        )
        if (
            short
            and short != lang
            and short not in found
            and is_article_link(absolute, url, page.config.hosts)
        ):
            found[short] = absolute


#: A language switch's link text is a code or a language's name ("Nederlands", padded).
MAX_SWITCH_CHARS = 24


def extract_sector(page: Page) -> Found:
    """The category label as displayed, and the layer it came from ("jsonld", "meta", "profile",
    "html", "text"): JSON-LD articleSection, article:section meta, then the profile's selectors,
    the page's labelled facts, section links and lines by the headline, the breadcrumb. A stated
    section (JSON-LD, meta) the profile's sector mapping does not know ("news") gives way to a
    known label the page shows; None when nothing names one."""
    labels = page.config.sector_labels
    stated: Found = None
    value = page.signals.jsonld_value("articleSection")
    if value:
        stated = strip_label(value, labels), "jsonld"
    elif value := page.signals.first_meta("article:section"):
        stated = strip_label(value, labels), "meta"
    sectors = page.config.sectors
    if stated is None or not sectors or fold(stated[0]) in sectors:
        return stated or _shown_sector(page)
    # a stated section the profile's sector mapping does not know ("news": the site's section
    # of the URL) gives way to a sector label the page shows that the mapping knows
    shown = _shown_sector(page)
    return shown if shown is not None and fold(shown[0]) in sectors else stated


def _shown_sector(page: Page) -> Found:
    """The sector the page shows: the profile's selectors, facts, section links and lines by
    the headline, then the breadcrumb trail."""
    labels = page.config.sector_labels
    fields = _labels(page, "sector")
    # a badge named by a sector label ("Secteur : Santé") beats the others; one named by
    # another label ("Pays : Japon") is another field of the page, never its sector
    found = [t for t, named in fields if named] or [t for t, named in fields if named is None]
    # a label the sector mapping knows beats a generic tag; broad hints count only when known
    sectors = page.config.sectors
    known = [t for t in found if fold(t) in sectors]
    if not any(named for _, named in fields) and not known:
        # the hints come after the selectors' labels: a known label among those wins whatever
        # the hints hold, and with no mapping no hint is known (a page matches hundreds), but
        # one a sector label names ("Sector: Food" on a badge)
        hinted = _labels(page, "sector_hints", known_only=True)
        known = [t for t, named in hinted if named] or [t for t, named in hinted if sectors]
    if known or found:
        return (known or found)[0], "profile"
    value = _fact_sector(page) or _section_link(page) or _byline_sector(page) or _label_line(page)
    if value:
        return value, "html"
    # a line near the headline: "Secteur : X", or exactly a label of the sector mapping
    # ("Gepubliceerd op 02.06.2025 | Sector: Gezondheid & zorg": one piece of a meta line),
    # or, above the headline, exactly the label the page's cards of other articles wear (a
    # site's own label the mapping does not know yet; an author's name under it is no sector)
    lines = zone_lines(page)
    card_labels = {fold(c.sector) for c in page.cards if c.sector}
    # where the headline stands among the lines matters only for a card's label (`above`): a
    # page whose cards wear none (most) does not read the headline's text for it
    headline = page.headline_element() if card_labels else None
    headline_text = fold(normalize_text(headline.get_text(" "))) if headline is not None else None
    # folding an ASCII zone line keeps its length (every zone line is `normalize_lines` output:
    # the walk's, the headline's, a block's): one of another length than the headline's folded
    # text is not it, and is not folded to tell
    above = (
        next(
            (
                i
                for i, line in enumerate(lines)
                if (len(line) == len(headline_text) or not line.isascii())
                and fold(line) == headline_text
            ),
            0,
        )
        if headline_text
        else 0
    )
    # a known label or a card's is at most this long, folded
    longest = max(page.config.longest_sector, *map(len, card_labels), 0)
    for at, line in enumerate(lines):
        # most lines hold no separator and no colon: substring tests spare the regexes
        if ":" not in line and "|" not in line and line.isascii():
            # no label, one piece (only "|" splits an ASCII line), folded as long
            if len(line) <= longest:
                folded = fold(line)
                if folded in sectors or (at < above and folded in card_labels):
                    return line.strip(), "text"
            continue
        pieces = _PIECES.split(line) if _has_separator(line) else [line]
        for piece in pieces:
            if ":" not in piece:
                continue  # `strip_label` takes a label off only before a colon
            value = strip_label(piece, labels)
            if value != piece and len(value) <= MAX_SECTOR_CHARS:
                return value, "text"
        for piece in pieces:
            folded = fold(piece)
            if folded in sectors or (at < above and folded in card_labels):
                return piece.strip(), "text"
    return _breadcrumb_sector(page)


#: A list of facts pairs a name cell with its value cell: `<dt>`/`<dd>`, `<th>`/`<td>`.
_FACT_VALUE_CELLS = {"dt": "dd", "th": "td"}


def _fact_sector(page: Page) -> str | None:
    """The value of the fact a sector label names in a list of facts about the article (a
    mission's key facts: "<dt>Dates</dt><dd>…</dd><dt>Secteur</dt><dd>Santé</dd>", or a table's
    "<th>Sector</th><td>…"), wherever it sits in the article, whether or not the sector mapping
    knows it; not in the site's frame, another article's card or a list of other articles."""
    labels = page.config.sector_labels
    for name in page.signals.fact_names:
        if fold(normalize_text(name.get_text(" ")).rstrip(" :")) not in labels:
            continue
        cell = name.find_next_sibling(True)
        if cell is None or _FACT_VALUE_CELLS.get(name.name) != cell.name:
            continue
        value = normalize_text(cell.get_text(" "))
        if not value or len(value) > MAX_SECTOR_CHARS:
            continue
        if page.in_related(cell) or page.in_card(cell):
            continue
        if page.in_site_chrome(cell) and not page.in_page_header(cell):
            continue
        return value
    return None


def _breadcrumb_sector(page: Page) -> Found:
    """The last crumb of the breadcrumb trail that the sector mapping knows ("Home › Nieuws ›
    Bouw › headline")."""
    for trail in page.matched("breadcrumb"):
        crumbs = [normalize_text(a.get_text(" ")) for a in trail.find_all(["a", "span", "li"])]
        known = [c for c in crumbs if fold(c) in page.config.sectors]
        if known:
            return known[-1], "profile"
    return None


def _labels(page: Page, role: str, *, known_only: bool = False) -> list[tuple[str, bool | None]]:
    """The labels of the elements the profile's `role` selectors match, outside the page's
    frame, other articles' cards and teasers, each with whether a label names it: True for a
    sector label ("Secteur : Santé"), False for another one ("Pays : Japon"), None for none;
    `known_only`: only those the sector mapping knows or a sector label names."""
    labels: list[tuple[str, bool | None]] = []
    tags = page.matched(role)
    if not tags:
        return labels  # no element to read (most pages, for most roles): no walk up the headline
    headline = page.headline_element()
    above_headline = {id(p) for p in headline.parents} if headline is not None else None
    for tag in tags:
        if known_only:
            # the label first: a broad hint selector matches many elements and few hold a
            # known label, while the tests below walk ancestors and links (they only look)
            strings = _strings_upto(tag, MAX_BADGE_ROW_CHARS)
            if strings is None:
                continue  # a block of text or a teaser, no badge
            text, named = _field_value(tag, page.config.sector_labels, strings)
            if not (named or fold(text) in page.config.sectors) or not _own_label(
                page, tag, above_headline
            ):
                continue
        else:
            if not _own_label(page, tag, above_headline):
                continue
            text, named = _field_value(tag, page.config.sector_labels)
        if text and len(text) <= MAX_SECTOR_CHARS:
            labels.append((text, named))
    return labels


#: A row of badges ("Pays : Japon · Secteur : Santé") is short: a broad hint selector matching a
#: longer element has matched a text or a teaser, not read for a label.
MAX_BADGE_ROW_CHARS = 160
#: A field's label before its colon is a word or a few ("Pays", "Land van herkomst"); a longer
#: head is a sentence's ("Le secteur se porte bien : …"), no label.
MAX_FIELD_LABEL_WORDS = 3


#: A label element holds this many links at most (a sector, "Économie, Europe"): one holding
#: more is a menu or a list of sections (`<nav class="rubriques">`), not the article's label.
MAX_LABEL_LINKS = 2


def _own_label(page: Page, tag: Tag, above_headline: set[int] | None) -> bool:
    """True when a label element is the page's own: not a menu (a `<nav>`, more than
    `MAX_LABEL_LINKS` links), not in its frame (unless in the page's header), a list of other
    articles, furniture, a card or teaser of another article."""
    if tag.name == "nav" or len(links_in(tag, MAX_LABEL_LINKS + 1)) > MAX_LABEL_LINKS:
        return False
    if _listed_links(tag):
        return False  # a widget listing the site's categories, one per item: no label
    if page.in_related(tag) or (
        page.in_site_chrome(tag) and not page.in_page_header(tag) and not _entry_footer(page, tag)
    ):
        return False
    if is_boilerplate(tag, page.config) or page.in_card(tag) or _teaser_title(page, tag):
        return False
    return above_headline is None or not _in_other_article(page, tag, above_headline)


def _listed_links(tag: Tag) -> bool:
    """True when the links of `tag` sit in list items of their own, more than one ("<ul><li><a>
    Logistique</a></li><li><a>Énergie</a></li>": a sidebar's categories widget)."""
    items = [li for li in tag.find_all("li", limit=3) if links_in(li, 1)]
    return len(items) > 1


def _entry_footer(page: Page, tag: Tag) -> bool:
    """True when the `<footer>` holding `tag` is the entry's own (WordPress's `<footer
    class=entry-footer>` closing a post without `<article>`): it sits inside the element around
    the article's headline and text (`Page.article_scope`), below the `<body>`'s own level."""
    footer = next((p for p in tag.parents if p.name == "footer"), None)
    if footer is None or any(p.name in ("nav", "aside") for p in tag.parents):
        return False
    scope = page.article_scope()
    return scope is not None and scope.name not in _STOP_SCOPES and is_at_or_inside(footer, scope)


_STOP_SCOPES = frozenset(("body", "html", "[document]"))


def _teaser_title(page: Page, tag: Tag) -> bool:
    """True when `tag`, outside the article (its `<main>`, `<article>` or the element holding
    its headline and text), is a link to another article of the site (a sidebar module's item,
    "<a class=mod-articles-category-title href=…/124-piscine>"): that article's title, never
    this one's sector, whatever class it wears. Inside the article, such a link by the headline
    is its section's page, which URLs alone do not tell from an article's."""
    scope = page.article_scope()
    if scope is None or is_at_or_inside(tag, scope):
        return False
    parent = tag.parent
    # the tag itself as a link, or the one link it holds
    links = page.other_article_links(parent) if tag.name == "a" and isinstance(parent, Tag) else []
    links = [a for a in links if a is tag] or page.other_article_links(tag)
    text = normalize_text(tag.get_text(" "))
    return any(normalize_text(a.get_text(" ")) == text for a in links)


def _strings_upto(tag: Tag, limit: int) -> list[str] | None:
    """The strings of `tag` (`tag.strings`), or None when they run past `limit` characters
    (`text_longer_than`: the count stops there): one walk for both."""
    found: list[str] = []
    total = 0
    for string in tag.strings:
        total += len(string)
        if total > limit:
            return None
        found.append(string)
    return found


def _field_value(
    tag: Tag, labels: Collection[str], strings: list[str] | None = None
) -> tuple[str, bool | None]:
    """The text of a labelled field without its label: the label as its own element
    ("<div class=field__label>Secteur</div><div>Commerce</div>", "<dt>Sector</dt><dd>…",
    "<strong>Sector:</strong> <a>…</a>") or written before a colon ("Rubrique : Commerce"); in a
    row of labelled badges ("Pays : Japon · Secteur : Santé"), the one a sector label names.
    With it, whether a label names the field: True for a sector label, False for another one
    ("Pays : Japon": another field of the page), None for none. `strings`: `tag.strings`, when
    read already (stripped here as `tag.stripped_strings` strips them)."""
    stripped = tag.stripped_strings if strings is None else (s.strip() for s in strings)
    strings = [s for s in map(normalize_text, stripped) if s]
    if not strings:
        return "", None
    first = strings[0]
    if fold(first.rstrip(" :")) in labels and len(strings) > 1:
        return normalize_text(" ".join(strings[1:]).lstrip(": ")), True
    text = normalize_text(" ".join(strings))
    if ":" not in text:
        return text, None  # no label written before a value
    named = _named_piece(strings, labels)
    if named is not None:
        return named, True
    value = strip_label(text, labels)
    if value != text:
        return value, True
    head = text.partition(":")[0].split()
    return text, (False if 0 < len(head) <= MAX_FIELD_LABEL_WORDS else None)


def _named_piece(strings: list[str], labels: Collection[str]) -> str | None:
    """The value a sector label names among the badges of one row, each a string of its own or
    a piece between separators: "Secteur : Santé", or "Secteur :" then the value's string."""
    pieces = [p for string in strings for p in _PIECES.split(string) if p.strip(" ·|•–—,")]
    for at, piece in enumerate(pieces):
        head, colon, value = piece.partition(":")
        if not colon or fold(head) not in labels:
            continue
        value = value.strip()
        if not value and at + 1 < len(pieces) and ":" not in pieces[at + 1]:
            value = pieces[at + 1].strip()
        if value:
            return value
    return None


def _in_other_article(page: Page, tag: Tag, above_headline: set[int]) -> bool:
    """True when, between `tag` and the element it shares with the headline (`above_headline`:
    the ids of its ancestors), an element holds a link to another article of the site: the
    label is that article's teaser's (a rail the card finder did not take for one), never the
    page's. The hero's tag links and the article's own fields share their container with the
    headline without such a link."""
    around_tag = {id(p) for p in tag.parents}
    for parent in tag.parents:
        if id(parent) in above_headline or parent.name in ("article", "main", "body"):
            return False  # the article's own container: its links (a previous post) are its own
        for link in page.other_article_links(parent):
            # by identity: bs4 compares tags by their markup, a walk of both subtrees
            if link is not tag and id(link) not in around_tag and not _within(link, tag, parent):
                return True
    return False


def _within(node: Tag, container: Tag, stop: Tag) -> bool:
    """True when `container` holds `node` (looked for up to `stop`, which holds both)."""
    for parent in node.parents:
        if parent is container:
            return True
        if parent is stop:
            return False
    return False


#: Elements before the headline looked at for its section link (a kicker line, a date line).
SECTION_LINK_REACH = 3


def _section_link(page: Page) -> str | None:
    """A news section's link just above the headline ("<a class=section>Économie</a>" then
    `<h1>`): a short link alone in its element, leading to the section that holds the article
    (its path opens the article's) or classed as the section. A kicker of plain text, a place
    or an article link is no section. Below the headline, only a pill link beside the date of
    the meta row ("<time>12 March 2026</time> · <a class=pill>Economy</a>") is the section's."""
    headline = page.headline_element()
    if headline is None:
        return None
    if not page.signals.links and not page.matched("sector") and not page.matched("sector_hints"):
        # `_section_in` returns a link's text (an `<a>` with an href: every one is among the
        # page's `links`) or a chip's (an element the sector or sector-hint selectors match,
        # a subset of what they match on the page): a page with neither has no section link,
        # before the headline or after it (most small pages), and no element is looked at
        return None
    article_path = urlsplit(page.url).path
    anchor = headline
    while previous_tag(anchor) is None and isinstance(anchor.parent, Tag):
        anchor = anchor.parent  # the headline opens its wrapper: look before the wrapper
    for before in previous_tags(anchor, SECTION_LINK_REACH):
        text = _section_in(page, before, article_path, dated_only=False)
        if text:
            return text
    anchor = headline
    while next(_elements_after(anchor), None) is None and isinstance(anchor.parent, Tag):
        anchor = anchor.parent  # the headline closes its wrapper: look after the wrapper
    for after in islice(_elements_after(anchor), SECTION_LINK_REACH):
        if text_longer_than(after, MAX_META_ROW_CHARS):
            continue  # the text, a teaser: no meta row (and not read whole for one)
        if not _may_hold_date(after):
            continue  # a pill counts only beside a date, and every date holds a digit
        text = _section_in(page, after, article_path, dated_only=True)
        if text:
            return text
    return None


#: A meta row under the headline (a pill, a date and its time, a reading time) is short.
MAX_META_ROW_CHARS = 160


def _may_hold_date(row: Tag) -> bool:
    """False when no string of `row` (comments included: `_beside_date` reads them all) can
    write a date: an ASCII one without a digit. One written in another script is read as
    maybe dated (folded, it may give a digit). Most elements after a headline are paragraphs
    without one: no links, chips nor pieces are looked for there."""
    for node in row.descendants:
        if isinstance(node, NavigableString) and (not node.isascii() or has_digit(node)):
            return True
    return False


def _section_in(page: Page, before: Tag, article_path: str, *, dated_only: bool) -> str | None:
    """The section label of the element `before` by the headline (see `_section_link`);
    `dated_only`: only a pill link beside a date counts (the meta row under the headline)."""
    links = [before] if before.name == "a" else links_in(before, 2)
    if not links:
        return _row_chip(page, before)
    if len(links) != 1 or not links[0].get("href"):
        return None
    link = links[0]
    text = normalize_text(link.get_text(" "))
    if not text or len(text) > MAX_SECTOR_CHARS or _DIGIT.search(text) or _site_own(page, text):
        return None
    # a line of several things (a byline) holds no section label, but for a date: a pill
    # link in the date line by the headline is the section's, wherever its path leads
    dated = normalize_text(before.get_text(" ")) != text
    if dated and (not _beside_date(before, link) or _names_author(before, link)):
        return None
    if dated_only and (not dated or is_full_name(text) or len(text.split()) > MAX_LABEL_WORDS):
        return None  # under the headline: a pill beside the date, not the author's name
    url = resolve_href(page.base, str(link["href"]))
    if (
        url is None
        or url_key(url) == url_key(page.url)  # a skip link ("#main"), the page itself
        or is_article_link(url, page.url, page.config.hosts)
    ):
        return None
    path = urlsplit(url).path.rstrip("/")
    if len(path.rpartition("/")[2]) <= 2:
        return None  # the home page, a language's home ("/nl"): no section
    classes = f"{class_string(link)} {class_string(before)}".lower()
    if dated or (path and article_path.startswith(f"{path}/")) or "section" in classes:
        return text
    return None


def _row_chip(page: Page, row: Tag) -> str | None:
    """The label of a chip without a link in the meta row by the headline ("<span
    class=chip>Numérique</span> · <time>12 mars 2026</time>"): the one element of the row beside
    the printed date (and separators, counters) that the profile's sector or sector-hint
    selectors match (a chip, a badge, a pill), whether or not the sector mapping knows its
    text. A loose word of the row (a place before the date) or a person (the author) is none."""
    # the chips first: most rows hold none (then the row's text is not counted)
    chips = {id(t) for role in ("sector", "sector_hints") for t in page.matched(role, row)}
    chips.discard(id(row))
    if not chips or text_longer_than(row, MAX_META_ROW_CHARS):
        return None
    chip = next(
        (
            t
            for t in row.descendants
            if isinstance(t, Tag) and id(t) in chips and t.get_text().strip()
        ),
        None,
    )
    if chip is None or _names_author(row, chip) or not _beside_date(row, chip):
        return None
    text, named = _field_value(chip, page.config.sector_labels)
    if named is False:
        return None  # a field another label names ("Bron: Belga", "Lieu : Tokyo")
    if (
        not text
        or len(text) > MAX_SECTOR_CHARS
        or len(text.split()) > MAX_LABEL_WORDS
        or _DIGIT.search(text)
        or is_full_name(text)
        or _site_own(page, text)
        or page.in_related(row)
        or page.in_card(row)
    ):
        return None
    return text


def _site_own(page: Page, text: str) -> bool:
    """True when `text` is, or opens with, a name the site goes by (its profile, `og:site_name`,
    its `<title>`'s site part, its logo, its host written out): a shop's or a blog's own name
    above its headline ("Maison Verte", "Maison Verte Journal") is no section of it."""
    words = text.split()
    return any(names_the_site(page, " ".join(words[:k])) for k in range(len(words), 0, -1))


#: What marks a byline in HTML: `rel="author"` (the HTML standard's link type), microdata's
#: `itemprop="author"`, and the hAtom/common class names of the byline or the author's link.
_AUTHOR_MARKS = ("author", "byline")


def _names_author(line: Tag, link: Tag) -> bool:
    """True when `link` (in the date `line` by the headline) is the author's: a byline's date
    line ("<a rel=author>Jan Peeters</a> · 12 March 2026") holds a person, not a section."""
    marks = " ".join(
        (
            class_string(line),
            class_string(link),
            " ".join(link.get_attribute_list("rel")),
            str(link.get("itemprop") or ""),
            str(line.get("itemprop") or ""),
        )
    ).lower()
    return any(mark in marks for mark in _AUTHOR_MARKS)


#: A date written in full with its time ("12 septembre 2026, 10:30") is this long at most.
MAX_DATE_PIECE = 30
#: What sets a meta line's pieces apart ("Finance · 12 March 2026").
_PIECE_MARKS = " ·|•–—-,/"


def _beside_date(line: Tag, link: Tag) -> bool:
    """True when the text of `line` outside `link` is a date and separators alone (a pill link
    beside a plain-text date, "<a class=pill>Finance</a> · 12 March 2026"): each string of it
    is a date (under its label or day name, "Gepubliceerd op 12 maart 2026"), a counter ("3 min
    leestijd", furniture of the same row) or a separator; a byline's name ("By Jan Peeters ·
    12 March") is none of these. One date at least."""
    dated = False
    for string in line.find_all(string=True):
        if any(p is link for p in string.parents):
            continue
        piece = normalize_text(string).strip(_PIECE_MARKS)
        if not piece:
            continue
        if _only_date(piece):
            dated = True
        elif not is_counter_line(piece):
            return False
    return dated


def _only_date(piece: str) -> bool:
    """True when `piece` is a date and its time at most, opened by nothing, a date label
    ("Publié le", "Updated:") or a day's name ("Donderdag", "jeu.")."""
    folded = fold(piece)
    at = next(iter_dates(folded), (None, None))[0]
    if at is None:
        return False
    if at and label_at(folded, "published") != 0 and label_at(folded, "modified") != 0:
        if fold(folded[:at]).strip(" ,.") not in date_vocabulary().weekdays:
            return False  # a name, a place or a word before the date: a byline, a sentence
    return len(piece) - at <= MAX_DATE_PIECE


def _elements_after(node: Tag) -> Iterator[Tag]:
    """The elements after `node` among its siblings, nearest first."""
    sibling = node.next_sibling
    while sibling is not None:
        if isinstance(sibling, Tag):
            yield sibling
        sibling = sibling.next_sibling


#: An entry's meta line ("Posted by Ana Ribeiro in Mines at 09:12 | Comments (3)", "Publicado
#: em 03/06/2026 às 10:42 | Economia") is a line: longer text around a link is a paragraph.
MAX_BYLINE_CHARS = 200
#: Links looked at in the article for its meta line: a post's own links come first, a long
#: article's further links are its text's.
BYLINE_LINKS_LOOKED_AT = 60
#: A clock time in a meta line ("à 10:24", "at 09:12", "10h42"): a post's stamp, as a date is.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?!\d)")
#: Paths of a site's pages that are no section: a tag's, an author's, a feed, comments.
_NO_SECTION_PATH = re.compile(r"/(tags?|authors?|feed|comments?|users?)(/|$|\.)", re.IGNORECASE)
#: Inline elements a meta line's pieces are set in: the line is the first block above them.
_INLINE = frozenset(("a", "span", "abbr", "time", "strong", "b", "em", "i", "small", "font"))


def _byline_sector(page: Page) -> str | None:
    """The category the entry's meta line names as a link ("Posted by Ana Ribeiro in <a>Mines</a>
    at 09:12", "Geplaatst door … op 3 juni 2026 in <a>Economie</a>", "Publicado em 03/06/2026 |
    <a href=/economia>Economia</a>"), under the headline or after the text: in the article's
    own container, a short line holding a date, a clock time or the author's mark, and a short
    link there to a page of the site that is no article, no tag or author page (rel=tag: a tag
    is no sector), no comments link and not the site's name."""
    if not page.signals.links:
        return None  # no `<a href>` in the page (every one is among its `links`): none in scope
    scope = page.article_scope()
    if scope is None or scope.name in _STOP_SCOPES:
        return None
    own = None
    for link in _links_below(page, scope, BYLINE_LINKS_LOOKED_AT):
        rel = link.get_attribute_list("rel")
        if ("tag" in rel and "category" not in rel) or "author" in rel:
            continue
        text = normalize_text(link.get_text(" "))
        if (
            not text
            or len(text) > MAX_SECTOR_CHARS
            or len(text.split()) > MAX_LABEL_WORDS
            or _DIGIT.search(text)
            or fold(text).startswith(page.config.link_phrases)
            or is_full_name(text)
        ):
            continue
        # a short line first (most links of an article sit in its running text), then the
        # address, then the line's date or author mark, then where the line stands; every
        # test must hold, in any order
        line = link.parent
        while isinstance(line, Tag) and line.name in _INLINE:
            line = line.parent
        if not isinstance(line, Tag) or text_longer_than(line, MAX_BYLINE_CHARS):
            continue
        url = resolve_href(page.base, str(link["href"]))
        if own is None:
            own = url_key(page.url)
        if url is None or url_key(url) == own or _home_page(url):
            continue
        item = listed_item_url(url)
        if (
            host_of(url) != host_of(page.url)
            or _NO_SECTION_PATH.search(urlsplit(item).path)
            or len(urlsplit(item).path.rstrip("/").rpartition("/")[2]) <= 2
            or is_article_link(url, page.url, page.config.hosts)
        ):
            continue
        if not _stamped_line(line, link):
            continue
        if page.in_related(line) or page.in_card(line) or _names_author(line, link):
            continue
        if _site_own(page, text):
            continue
        return text
    return None


def _links_below(page: Page, scope: Tag, limit: int) -> list[Tag]:
    """The first `limit` `<a href>` below `scope` (as `links_in(scope, limit)`), without a walk
    of all of `scope`'s nodes (a long article's text) up to its last link: the walk stops at
    its first link, and the others follow it in the page's list of links (every `<a href>`, in
    document order), one run (the nodes below `scope` are one run of the document) that ends
    at the first link not below `scope` (its ancestors climbed until one known to be below
    `scope` or not: the links of one paragraph or list share theirs)."""
    first = links_in(scope, 1)
    if not first:
        return first
    links = page.signals.links
    start = next((at for at, link in enumerate(links) if link is first[0]), None)
    if start is None:
        return links_in(scope, limit)  # a link the list lacks (none, in a page as parsed)
    inside: dict[int, bool] = {id(scope): True}
    found: list[Tag] = []
    for link in islice(links, start, None):
        climbed: list[int] = []
        node = link.parent
        known = None
        while node is not None:
            known = inside.get(id(node))
            if known is not None:
                break
            climbed.append(id(node))
            node = node.parent
        for at in climbed:
            inside[at] = bool(known)
        if not known:
            break  # past `scope`: no further link is below it
        found.append(link)
        if len(found) >= limit:
            break
    return found


def _stamped_line(line: Tag, link: Tag) -> bool:
    """True when the text of `line` outside `link` holds a date or a clock time, or `line`
    holds the author's mark (`rel=author`, an author or byline class): an entry's meta line.
    Both a date and a clock time hold a digit (folded: ASCII text folds to ASCII, without a
    new digit), and the author's mark is an element's other than the link: a line of the link
    alone, or of plain ASCII words, is searched for no date."""
    inside = {id(node) for node in link.descendants}
    rest = " ".join(s for s in all_strings_in(line) if id(s) not in inside)
    if (not rest.isascii() or has_digit(rest)) and (
        _CLOCK.search(rest) or next(iter_dates(fold(rest)), None) is not None
    ):
        return True
    for tag in tags_below(line):
        if tag is link:
            continue
        marks = f"{class_string(tag)} {' '.join(tag.get_attribute_list('rel'))}".lower()
        if any(mark in marks for mark in _AUTHOR_MARKS):
            return True
    return False


#: Text nodes looked back through from the headline for the line just before it (whitespace
#: and empty wrappers between them are a few nodes; a label further up is another block's).
LABEL_LINE_REACH = 12
#: A section label is a name of a few words ("Mobiliteit", "Vie économique").
MAX_LABEL_WORDS = 4
#: Characters that join a breadcrumb's crumbs or a meta line's pieces: such a line is no label.
_LINE_JOINERS = frozenset("›»>|/·•–—:")


def _label_line(page: Page) -> str | None:
    """A section label printed as a line of its own just before the headline in reading order
    (`<font size=2>Mobiliteit</font><br><font size=5><b>Headline</b></font>` in a table layout,
    `<div>Économie</div><h1>`): short, no digit (a date), not the site's name, not a breadcrumb
    or a meta line, set in a `<font>` or an element with no class (a classed kicker is the
    profile's to name), and not a link to an article or the home page."""
    anchor = page.headline_element()
    if anchor is None:
        return None
    string = None
    for reach, node in enumerate(anchor.previous_elements):
        if reach >= LABEL_LINE_REACH:
            return None
        if type(node) is NavigableString and node.strip():
            string = node
            break
    if string is None:
        return None
    # what the text alone tells first (most lines before a headline are a date line, a
    # breadcrumb or a sentence): then no climb to the line's element
    text = normalize_text(string)
    if (
        len(text) > MAX_SECTOR_CHARS
        or len(text.split()) > MAX_LABEL_WORDS
        or _DIGIT.search(text)
        or not _LINE_JOINERS.isdisjoint(text)
        or text.endswith((".", "!", "?", "…"))
    ):
        return None
    line = line_of(string)
    if line is None or page.in_site_chrome(line[0]) or page.in_related(line[0]):
        return None
    if _menu_item(string):
        return None
    if names_the_site(page, text):
        return None
    # the line's element and those below it, then its nearest link around it: plain walks
    # (as `find_all(True)` and `find_parent("a")`)
    for element in (line[0], *(d for d in line[0].descendants if isinstance(d, Tag))):
        if element.name != "font" and element.get("class"):
            return None
        if element.name == "a" and _links_away(page, element):
            return None
    link = next((p for p in line[0].parents if p.name == "a"), None)
    return None if link is not None and _links_away(page, link) else text


def _menu_item(string: NavigableString) -> bool:
    """True when `string` is a link's text in one item of a list of links (the site's menu
    before the headline: "<ul><li><a>Economia</a></li><li><a>Desporto</a></li></ul>")."""
    item = next((p for p in string.parents if p.name == "li"), None)
    if item is None or string.find_parent("a") is None or not isinstance(item.parent, Tag):
        return False
    return sum(1 for li in item.parent.find_all("li", recursive=False) if links_in(li, 1)) > 1


def _links_away(page: Page, link: Tag) -> bool:
    """True for a link to an article of the site or to its home page: no section's link."""
    href = link.get("href")
    url = resolve_href(page.base, href) if isinstance(href, str) else None
    if url is None:
        return False
    path = urlsplit(url).path.rstrip("/")
    return len(path.rpartition("/")[2]) <= 2 or is_article_link(url, page.url, page.config.hosts)
