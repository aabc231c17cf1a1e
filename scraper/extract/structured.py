"""The cheap, reliable layer: JSON-LD (Yoast `@graph` included), meta tags, `<link>`s, read in one pass."""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

from scraper.dates import parse_epoch
from scraper.extract.appstate import STATE_SCRIPT_IDS, read_state
from scraper.extract.selectors import Matches, SelectorIndex, match_fallbacks
from scraper.text import normalize_text

log = logging.getLogger(__name__)

#: JSON-LD types that describe the article itself, preferred in this order.
ARTICLE_TYPES = (
    "NewsArticle",
    "BlogPosting",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "TechArticle",
    "Report",
    "ScholarlyArticle",
    "PressRelease",
    "Blog",
    # schema.org's other kinds of Article a news or forum page describes itself with
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "SocialMediaPosting",
)
PAGE_TYPES = ("WebPage", "ItemPage", "AboutPage")
#: Keys under which JSON-LD nests the nodes we look for (a WebPage's mainEntity is the article).
NESTING_KEYS = ("@graph", "mainEntity", "mainEntityOfPage", "hasPart")
#: The tags this pass keeps; everything else is read later from the content.
HEAD_TAGS = frozenset(("html", "title", "meta", "link", "script", "time", "h1", "base"))
SUBHEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
#: The cells that name a fact in a table of facts about the page (<dt>Published:</dt>,
#: <th>Veröffentlicht</th>), listed for `published._fact_table_date`.
FACT_NAME_CELLS = frozenset(("dt", "th"))


#: Elements that set a line in a larger or bolder face.
EMPHASIS_TAGS = frozenset(("font", "b", "strong", "big"))
#: Elements whose `style` may set a larger or bolder face.
_STYLED = frozenset(("span", "div"))


@dataclass
class PageSignals:
    """What the page says about itself in markup meant for machines."""

    html_lang: str | None = None
    base_href: str | None = None
    title_tag: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    hreflang: list[tuple[str, str]] = field(default_factory=list)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    times: list[Tag] = field(default_factory=list)
    h1s: list[Tag] = field(default_factory=list)
    headings: list[Tag] = field(default_factory=list)
    asides: list[Tag] = field(default_factory=list)
    paragraphs: list[Tag] = field(default_factory=list)
    #: every `<a href>`, in document order
    links: list[Tag] = field(default_factory=list)
    #: every `<option value>` (a language `<select>` may name the other languages' URLs)
    options: list[Tag] = field(default_factory=list)
    #: `<font>`, `<b>`, `<strong>`, `<big>` and styled `<span>`s and `<div>`s, in document order:
    #: where a page without headings sets its headline
    emphasised: list[Tag] = field(default_factory=list)
    #: the `FACT_NAME_CELLS` (`<dt>`, `<th>`), in document order
    fact_names: list[Tag] = field(default_factory=list)
    #: a JavaScript framework's page state (`__NEXT_DATA__`), parsed
    app_state: list[Any] = field(default_factory=list)
    #: the text of the other inline scripts that name a date key (`"createdAt": "2024-…"`)
    scripts: list[str] = field(default_factory=list)
    #: document order of the `<time>`s, date elements and headings (`id(tag)` -> index)
    position: dict[int, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty value among meta `names` (name, property or itemprop), normalised."""
        for name in names:
            for value in self.meta.get(name, ()):
                text = normalize_text(value)
                if text:
                    return text
        return None

    def article_node(self) -> dict[str, Any] | None:
        """The JSON-LD node describing the article (an Article type, else the WebPage)."""
        for wanted in (ARTICLE_TYPES, PAGE_TYPES):
            for node in self.jsonld:
                types = node.get("@type")
                names = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t in wanted for t in names):
                    return node
        return None

    def jsonld_value(self, *keys: str) -> str | None:
        """The first string value among `keys` of the article node (the WebPage as a fallback)."""
        node = self.article_node()
        if node is None:
            return None
        for key in keys:
            text = _as_text(node.get(key))
            if text:
                return text
        return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return normalize_text(value) or None
    if isinstance(value, list):
        for item in value:
            text = _as_text(item)
            if text:
                return text
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("@id") or value.get("url"))
    return None


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    """Collect every typed object of a JSON-LD document (lists and `@graph` unrolled)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        for key in NESTING_KEYS:
            if key in data:
                _flatten(data[key], out, depth + 1)


#: What old CMSs wrap JSON-LD in: `<!-- … -->`, `//<![CDATA[ … //]]>`, `/*<![CDATA[*/ … /*]]>*/`.
_JSON_WRAPPERS = re.compile(
    r"^\s*(?://|/\*)?\s*(?:<!--|<!\[CDATA\[)\s*(?:\*/)?|"
    r"(?://|/\*)?\s*(?:-->|\]\]>)\s*(?:\*/)?\s*$"
)


def _read_jsonld(script: Tag, signals: PageSignals) -> None:
    raw = script.string or script.get_text()
    if not raw or not raw.strip():
        return
    text = _JSON_WRAPPERS.sub("", raw).strip()
    if text.startswith("{&quot;") or text.startswith("[{&quot;"):
        text = html.unescape(text)  # a CMS that escaped the JSON as if it were HTML text
    try:
        # the first JSON value; what a template leaves after it (";", a second comment) is not JSON-LD
        data, _end = json.JSONDecoder(strict=False).raw_decode(text)
    except Exception as exc:  # noqa: BLE001 -- JSON-LD in the wild is often malformed; the page must still extract
        log.warning("malformed JSON-LD ignored: %s", exc)
        signals.warnings.append(f"malformed JSON-LD ignored ({type(exc).__name__})")
        return
    _flatten(data, signals.jsonld)


#: Microdata properties that date the article, on any element (`<span itemprop=datePublished>`).
DATE_PROPS = frozenset(("datepublished", "datemodified", "datecreated"))
#: hAtom/h-entry classes of a date element: `<abbr class="published" title="2025-03-14T09:30">`.
DATE_CLASSES = frozenset(("published", "updated", "dt-published", "dt-updated"))
#: Data attributes in which a page states an element's moment as a Unix timestamp, its text
#: being relative ("3 hours ago", "il y a 3 heures") once a script has run.
EPOCH_ATTRS = ("data-timestamp", "data-time", "data-utime", "data-epoch")
#: The same names as a set: a C-level test of an element's attributes skips the ~all elements
#: that have none of them (a generator per element was a tenth of `read_signals`).
_EPOCH_ATTR_SET = frozenset(EPOCH_ATTRS)


def _is_epoch_element(tag: Tag) -> bool:
    """True when `tag` states its moment as a Unix timestamp in one of `EPOCH_ATTRS`."""
    attrs = tag.attrs
    return any(name in attrs and parse_epoch(str(attrs[name])) for name in EPOCH_ATTRS)


def _is_date_element(tag: Tag) -> bool:
    attrs = tag.attrs
    prop = attrs.get("itemprop")
    if isinstance(prop, str) and prop.lower() in DATE_PROPS:
        return True
    classes = attrs.get("class")
    return (
        tag.name == "abbr"
        and isinstance(classes, str)
        and "title" in attrs
        and not DATE_CLASSES.isdisjoint(classes.lower().split())
    )


#: A cheap test for script text worth reading for dates: a quoted key, a colon, a quoted year.
_DATE_KEY_HINT = re.compile(r'"\s*:\s*"(?:19|20)\d\d-')


def _may_name_date_key(script: str) -> bool:
    """`_DATE_KEY_HINT` found in `script`: its quoted year looked for first, by substring (two
    C-speed scans), as most scripts hold none; the pattern, which tries every quote of a
    script's JSON, runs on the others."""
    return ('"19' in script or '"20' in script) and _DATE_KEY_HINT.search(script) is not None


def read_signals(
    soup: BeautifulSoup, index: SelectorIndex, elements: list[Tag] | None = None
) -> tuple[PageSignals, Matches]:
    """One pass over the whole tree: machine-readable signals, and the elements the profile's
    selectors match (by role). `elements`: the tree's elements in document order, when the parse
    listed them (saves a walk), else `soup.find_all(True)`."""
    signals = PageSignals()
    matches = Matches()
    position = signals.position
    if elements is None:
        elements = soup.find_all(True)
    index.match_all(elements, matches)
    for order, tag in enumerate(elements):
        name = tag.name
        if name not in HEAD_TAGS:
            attrs = tag.attrs
            if name in SUBHEADINGS:
                position[id(tag)] = order
                signals.headings.append(tag)
            elif name == "p":
                signals.paragraphs.append(tag)
            elif name == "aside":
                signals.asides.append(tag)
            elif name == "a" and isinstance(attrs.get("href"), str):
                signals.links.append(tag)
                if "hreflang" in attrs:
                    signals.hreflang.append(
                        (str(tag["hreflang"]).strip(), str(tag["href"]).strip())
                    )
            elif name == "option" and "value" in attrs:
                signals.options.append(tag)
            elif (("itemprop" in attrs or name == "abbr") and _is_date_element(tag)) or (
                not _EPOCH_ATTR_SET.isdisjoint(attrs) and _is_epoch_element(tag)
            ):
                # (`_is_date_element` needs an itemprop, or an <abbr>: most elements have neither)
                position[id(tag)] = order
                signals.times.append(tag)  # read like a <time>: its attribute, else its text
            if name in EMPHASIS_TAGS or (name in _STYLED and "style" in attrs):
                signals.emphasised.append(tag)
            elif name in FACT_NAME_CELLS:
                signals.fact_names.append(tag)
            continue
        if name == "meta":
            key = (
                tag.get("property")
                or tag.get("name")
                or tag.get("itemprop")
                or tag.get("http-equiv")
            )
            content = tag.get("content")
            if isinstance(key, str) and isinstance(content, str):
                signals.meta.setdefault(key.strip().lower(), []).append(content)
        elif name == "link":
            rel: object = tag.get("rel") or []
            rels = {str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())}
            href = tag.get("href")
            if not isinstance(href, str) or not href.strip():
                continue
            if "canonical" in rels and signals.canonical is None:
                signals.canonical = href.strip()
            elif "alternate" in rels and isinstance(tag.get("hreflang"), str):
                signals.hreflang.append((str(tag["hreflang"]).strip(), href.strip()))
        elif name == "script":
            kind = tag.get("type")
            if isinstance(kind, str) and "ld+json" in kind.lower():
                _read_jsonld(tag, signals)
            elif tag.get("id") in STATE_SCRIPT_IDS:
                state = read_state(tag.string or "")
                if state is not None:
                    signals.app_state.append(state)
            elif not tag.get("src"):
                text = tag.string
                if text and _may_name_date_key(text):
                    signals.scripts.append(str(text))
        elif name == "base":
            href = tag.get("href")
            if isinstance(href, str) and href.strip() and signals.base_href is None:
                signals.base_href = href.strip()
        elif name == "time":
            position[id(tag)] = order
            signals.times.append(tag)
        elif name == "h1":
            position[id(tag)] = order
            signals.h1s.append(tag)
        elif name == "title":
            if signals.title_tag is None:
                signals.title_tag = normalize_text(tag.get_text()) or None
        elif name == "html" and signals.html_lang is None:
            lang = tag.get("lang") or tag.get("xml:lang")
            if isinstance(lang, str) and lang.strip():
                signals.html_lang = lang.strip()
    matches.resolve()
    if index.fallback:
        match_fallbacks(soup, index, matches)
    return signals, matches
