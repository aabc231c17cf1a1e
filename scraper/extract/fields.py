"""One small function per identity field (url, title, lang, translations, sector): value and layer, or None."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

from scraper.extract.blocks import is_boilerplate
from scraper.extract.lang import lang_from_text, lang_from_url, short_lang
from scraper.extract.page import Page
from scraper.extract.published import zone_lines
from scraper.extract.zone import visible_lines
from scraper.text import fold, normalize_text
from scraper.urls import host_of

Found = tuple[str, str] | None  # (value, layer)
_SECTOR_LABEL = re.compile(
    r"^(?:secteurs?|sectoren|sectors?|secteur d'activit[ée]|th[èe]mes?|thema'?s?|themes?|"
    r"cat[ée]gor(?:ie|y|ies)|rubriek|rubrique)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_PIECES = re.compile(r"\s+[·|•–—]\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·•:»]{1,2}\s+")


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
        absolute = urljoin(page.base, value)
        if not absolute.startswith(("http://", "https://")):
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


def clean_title(value: str | None, page: Page) -> str | None:
    """A `<title>`/og:title without the site name ("Le rêve … - hub.brussels" -> "Le rêve …")."""
    if not value:
        return None
    names = _site_names(page)
    parts = _TITLE_SEPARATORS.split(value)
    flags = [fold(p) in names or fold(p).removeprefix("www.") in names for p in parts]
    if all(flags):
        return None
    if not any(flags):
        return normalize_text(value)
    first, last = flags.index(False), len(flags) - flags[::-1].index(False)
    if not any(flags[first:last]):
        # the site name only at the ends: the headline keeps its own separators ("Export : …")
        cuts = [0, *(i for m in _TITLE_SEPARATORS.finditer(value) for i in m.span()), len(value)]
        return normalize_text(value[cuts[2 * first] : cuts[2 * last - 1]])
    return normalize_text(
        " - ".join(p for p, is_site in zip(parts, flags, strict=True) if not is_site)
    )


def _headline_elements(page: Page) -> list[tuple[Tag, str]]:
    found = [(tag, "profile") for tag in page.matched("title")]
    found += [(tag, "html") for tag in page.signals.h1s]
    return [
        (tag, layer)
        for tag, layer in found
        if (not page.in_site_chrome(tag) or page.in_page_header(tag))
        and not page.in_related(tag)
        and not _is_logo(tag, page)
    ]


def _is_logo(tag: Tag, page: Page) -> bool:
    """An `<h1>` that is only a link to the home page: the site's name, not a headline."""
    link = tag.find("a")
    if not isinstance(link, Tag):
        return False
    href = link.get("href")
    if not isinstance(href, str) or normalize_text(link.get_text()) != normalize_text(
        tag.get_text()
    ):
        return False
    path = urlsplit(urljoin(page.base, href)).path.strip("/")
    return path == "" or short_lang(path) == path


def extract_title(page: Page) -> Found:
    """The headline: the article's h1 when it exists (confirmed by JSON-LD or meta when they agree),
    else JSON-LD headline, og:title, `<title>` without the site name."""
    signals = page.signals
    structured = [
        (signals.jsonld_value("headline", "name"), "jsonld"),
        (clean_title(signals.first_meta("og:title", "twitter:title"), page), "meta"),
        (clean_title(signals.title_tag, page), "html"),
    ]
    site_names = _site_names(page)
    scope = page.article_scope()
    ranked: list[tuple[bool, str, str]] = []
    for tag, layer in _headline_elements(page):
        text = _visible(tag, page)
        if text and fold(text) not in site_names and len(text) <= 400:
            inside = scope is not None and (scope is tag or scope in tag.parents)
            ranked.append((not inside, text, layer))
    # an h1 inside the article beats a logo or banner h1 elsewhere
    headlines = [(text, layer) for _, text, layer in sorted(ranked, key=lambda h: h[0])]
    subheadings = [
        (_visible(h, page), "html")
        for h in page.signals.headings[:8]
        if h.name == "h2" and not page.in_site_chrome(h) and not page.in_related(h)
    ]
    # the headline the structured data names, even in an <h2> under a banner <h1>
    # (metadata meant for the article, JSON-LD and og:title, before a <title> that may be the site's)
    for value, source in structured:
        for text, _layer in headlines + subheadings:
            if value and fold(value) == fold(text):
                return text, source
    for text, _layer in headlines:
        for value, source in structured:
            if value and _close(fold(value), fold(text)):
                return text, source
    longer = next(((v, src) for v, src in structured if v and len(v.split()) >= 4), None)
    if headlines and longer and len(headlines[0][0].split()) <= 2:
        # a one- or two-word h1 ("Actua", "News") that no metadata confirms is a banner
        page.warnings.append(
            f"h1 {headlines[0][0]!r} looks like a banner; headline from {longer[1]}"
        )
        return longer[0], longer[1]
    if headlines:
        return headlines[0]
    only_title_tag = [(v, src) for v, src in structured if v]
    if (
        subheadings
        and subheadings[0][0]
        and len(only_title_tag) == 1
        and only_title_tag[0][1] == "html"
        and len(only_title_tag[0][0].split()) <= 2
    ):
        # no <h1>, no metadata, a <title> naming a section ("Actualités"): the first <h2> it is
        page.warnings.append(
            f"<title> {only_title_tag[0][0]!r} names a section; the first <h2> is the headline"
        )
        return subheadings[0]
    for value, source in structured:
        if value:
            return value, source
    if subheadings and subheadings[0][0]:
        # an old template without <h1> nor metadata: its first <h2> is the headline
        page.warnings.append(
            "no <h1> and no title metadata; the first <h2> is taken as the headline"
        )
        return subheadings[0]
    return None


def _visible(tag: Tag, page: Page) -> str:
    """A heading's text as a reader sees it ("Article : " for screen readers left out)."""
    return " ".join(visible_lines(tag, page.config)) or normalize_text(tag.get_text(" "))


def _close(a: str, b: str) -> bool:
    """One title is the other with a prefix or suffix (a subtitle, a truncation)."""
    short, long = sorted((a.rstrip(" .…"), b.rstrip(" .…")), key=len)
    return len(short) >= 20 and (long.startswith(short) or long.endswith(short))


def _site_names(page: Page) -> set[str]:
    names = set(page.config.site_names)
    site = page.signals.first_meta("og:site_name", "application-name")
    if site:
        names.add(fold(site))
    host = host_of(page.url).removeprefix("www.")
    if host:
        names.update({fold(host), fold(host.split(".")[0])})
    return names


def _declared_lang(page: Page) -> tuple[str, str] | None:
    signals = page.signals
    for value, layer in (
        (signals.html_lang, "html"),
        (signals.first_meta("og:locale", "content-language", "language", "dc.language"), "meta"),
        (signals.jsonld_value("inLanguage"), "jsonld"),
    ):
        if value:
            code = short_lang(value)
            if code:
                return code, layer
            page.warnings.append(f"declared language {value!r} is not one of fr, nl, en; ignored")
    return None


def extract_lang(page: Page, sample: str) -> Found:
    """The language: the text's own verdict wins over a template's declaration when they disagree."""
    declared = _declared_lang(page)
    spoken = lang_from_text(sample)
    if declared and spoken and declared[0] != spoken:
        page.warnings.append(
            f"page declares language {declared[0]!r} but its text reads as {spoken!r}; kept {spoken!r}"
        )
        return spoken, "text"
    if declared:
        return declared
    own = fold(page.url)
    for code, href in page.signals.hreflang:
        if fold(urljoin(page.base, href)) == own and short_lang(code):
            return short_lang(code) or "", "html"
    from_url = lang_from_url(page.url)
    if from_url and spoken and spoken != from_url:
        # a URL segment is a template's choice too: an English text under /nl/ is English
        page.warnings.append(
            f"URL says language {from_url!r} but the text reads as {spoken!r}; kept {spoken!r}"
        )
        return spoken, "text"
    if from_url:
        return from_url, "url"
    # nothing declared: a short text is enough evidence when it is unambiguous
    spoken = spoken or lang_from_text(sample, min_votes=3)
    if spoken:
        return spoken, "text"
    return None


def extract_translations(page: Page, lang: str | None, url: str) -> dict[str, str]:
    """hreflang alternates in the other languages: {lang: absolute url}."""
    found: dict[str, str] = {}
    for code, href in page.signals.hreflang:
        short = short_lang(code)
        absolute = urljoin(page.base, href)
        if short and short != lang and short not in found and fold(absolute) != fold(url):
            found[short] = absolute
    return found


def extract_sector(page: Page) -> Found:
    """The category label: JSON-LD articleSection, article:section meta, then the profile's selectors."""
    value = page.signals.jsonld_value("articleSection")
    if value:
        return value, "jsonld"
    value = page.signals.first_meta("article:section")
    if value:
        return value, "meta"
    labels = _labels(page, "sector")
    # a label the sector mapping knows beats a generic tag; broad hints count only when known
    known = [t for t in labels + _labels(page, "sector_hints") if fold(t) in page.config.sectors]
    if known or labels:
        return (known or labels)[0], "profile"
    # a line near the headline: "Secteur : X", or exactly a label of the sector mapping
    # ("Gepubliceerd op 02.06.2025 | Sector: Gezondheid & zorg": one piece of a meta line)
    for line in zone_lines(page):
        pieces = _PIECES.split(line)
        for piece in pieces:
            labelled = _SECTOR_LABEL.match(piece)
            if labelled and len(labelled.group(1)) <= 60:
                return labelled.group(1).strip(), "text"
        for piece in pieces:
            if fold(piece) in page.config.sectors:
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
        text = normalize_text(tag.get_text(" "))
        if text and len(text) <= 60:
            labels.append(text)
    return labels
