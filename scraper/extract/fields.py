"""One small function per identity field (url, title, lang, translations, sector): value and layer, or None."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scraper.extract.blocks import is_boilerplate
from scraper.extract.labels import strip_label
from scraper.extract.lang import (
    CONTRADICT_CHARS,
    CONTRADICT_PROBABILITY,
    MIN_PROBABILITY,
    identify,
    lang_from_url,
    short_lang,
)
from scraper.extract.page import Page
from scraper.extract.published import zone_lines
from scraper.linkrules import is_article_link
from scraper.text import fold, normalize_text
from scraper.urls import host_of, resolve_href

Found = tuple[str, str] | None  # (value, layer)
#: A sector is a short label: longer text after "Secteur :" is a sentence, not one.
MAX_SECTOR_CHARS = 60
_PIECES = re.compile(r"\s+[·|•–—]\s+")


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
        short = names.get(fold(text.strip())) if text and len(text) <= MAX_SWITCH_CHARS else None
        if short is None or short == lang or short in found:
            continue
        absolute = resolve_href(page.base, str(link["href"]))
        # a switch to the other language's home page, or a link in the text, is no translation
        if (
            absolute
            and fold(absolute) != fold(url)
            and is_article_link(absolute, url, page.config.hosts)
        ):
            found[short] = absolute
    return found


#: A language switch's link text is a code or a language's name ("Nederlands", padded).
MAX_SWITCH_CHARS = 24


def extract_sector(page: Page) -> Found:
    """The category label: JSON-LD articleSection, article:section meta, then the profile's selectors."""
    labels = page.config.sector_labels
    value = page.signals.jsonld_value("articleSection")
    if value:
        return strip_label(value, labels), "jsonld"
    value = page.signals.first_meta("article:section")
    if value:
        return strip_label(value, labels), "meta"
    found = _labels(page, "sector")
    # a label the sector mapping knows beats a generic tag; broad hints count only when known
    known = [t for t in found + _labels(page, "sector_hints") if fold(t) in page.config.sectors]
    if known or found:
        return (known or found)[0], "profile"
    # a line near the headline: "Secteur : X", or exactly a label of the sector mapping
    # ("Gepubliceerd op 02.06.2025 | Sector: Gezondheid & zorg": one piece of a meta line),
    # or, above the headline, exactly the label the page's cards of other articles wear (a
    # site's own label the mapping does not know yet; an author's name under it is no sector)
    lines = zone_lines(page)
    card_labels = {fold(c.sector) for c in page.cards if c.sector}
    h1 = fold(normalize_text(page.signals.h1s[0].get_text(" "))) if page.signals.h1s else None
    above = next((i for i, line in enumerate(lines) if h1 and fold(line) == h1), 0)
    for at, line in enumerate(lines):
        # most lines hold no separator and no colon: substring tests spare the regexes
        pieces = _PIECES.split(line) if _has_separator(line) else [line]
        for piece in pieces:
            value = strip_label(piece, labels)
            if value != piece and len(value) <= MAX_SECTOR_CHARS:
                return value, "text"
        for piece in pieces:
            folded = fold(piece)
            if folded in page.config.sectors or (at < above and folded in card_labels):
                return piece.strip(), "text"
    return _breadcrumb_sector(page)


def _breadcrumb_sector(page: Page) -> Found:
    """The last crumb of the breadcrumb trail that the sector mapping knows ("Home › Nieuws ›
    Bouw › headline")."""
    for trail in page.matched("breadcrumb"):
        crumbs = [normalize_text(a.get_text(" ")) for a in trail.find_all(["a", "span", "li"])]
        known = [c for c in crumbs if fold(c) in page.config.sectors]
        if known:
            return known[-1], "profile"
    return None


def _labels(page: Page, role: str) -> list[str]:
    labels = []
    for tag in page.matched(role):
        chrome = page.in_site_chrome(tag) and not page.in_page_header(tag)
        if page.in_related(tag) or chrome or is_boilerplate(tag, page.config) or page.in_card(tag):
            continue
        text = strip_label(normalize_text(tag.get_text(" ")), page.config.sector_labels)
        if text and len(text) <= MAX_SECTOR_CHARS:
            labels.append(text)
    return labels
