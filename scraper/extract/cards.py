"""Cards of other articles listed on the page ("Plus de nouvelles…"): title, URL, sector, date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

from scraper.dates import labelled_date, parse_date_text, parse_timestamp
from scraper.extract.config import ExtractConfig
from scraper.extract.selectors import select_in
from scraper.text import fold, normalize_lines, normalize_text

_HEADINGS = ["h2", "h3", "h4", "h5", "h6"]
_TITLE_TAGS = ["h2", "h3", "h4", "h5", "h6"]
_EMPHASIS = ["strong", "b"]
_TITLE_CLASS = re.compile("title|titre|heading")
_DATE_ONLY = re.compile(r"[\d\s./-]+|(?:\w+ )?\d{1,2}(?:er)? \w+\.? \d{4}")
_PIECES = re.compile(r"\s+[·|•–—-]\s+")


@dataclass
class Card:
    """One card as shown: the linked article's title, URL, sector label and date."""

    title: str
    url: str | None
    sector: str | None
    published_text: str
    timestamp: str | None = None

    def published(self) -> dt.date | None:
        """The card's date: its `<time datetime>`, else a labelled or bare date in its text."""
        return (
            parse_timestamp(self.timestamp)
            or labelled_date(self.published_text, "published")
            or parse_date_text(self.published_text)
        )


def url_key(url: str | None) -> str:
    """A loose identity for URLs: host without www, path without trailing slash, no query."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def related_sections(matched: list[Tag], headings: list[Tag], config: ExtractConfig) -> list[Tag]:
    """Containers of article cards: profile matches, else the parent of a "More news" heading."""
    sections = [s for s in matched if s.find("a", href=True)]
    if sections:
        return [s for s in sections if not any(s is not o and o in s.parents for o in sections)]
    found: list[Tag] = []
    for heading in headings:
        folded = fold(heading.get_text(" "))
        if not folded or not any(folded.startswith(p) for p in config.related_headings):
            continue
        section = heading.parent
        own = {id(a) for a in heading.find_all("a")}
        while isinstance(section, Tag) and not any(
            id(a) not in own for a in section.find_all("a", href=True)
        ):
            section = section.parent
        if isinstance(section, Tag) and section.name not in ("body", "html", "[document]"):
            found.append(section)
    for grid in _card_grids(headings):
        if not any(grid is f or f in grid.parents or grid in f.parents for f in found):
            found.append(grid)
    return found


def _card_grids(headings: list[Tag]) -> list[Tag]:
    """Runs of cards with no heading of their own: the nearest container of two or more links that
    each wrap a heading (a strip of newer articles above the article), holding little else."""
    linked: list[Tag] = []
    for heading in headings:
        if heading.name in ("h2", "h3", "h4"):
            link = next((p for p in heading.parents if p.name == "a"), None)
            if link is not None and link.get("href") and link not in linked:
                linked.append(link)
    if len(linked) < 2:
        return []
    grids: list[Tag] = []
    for link in linked:
        for parent in link.parents:
            if parent.name in ("body", "html", "[document]", "article", "main"):
                break
            inside = [other for other in linked if any(p is parent for p in other.parents)]
            if len(inside) < 2:
                continue
            card_text = sum(len(a.get_text()) for a in inside)
            if len(parent.get_text()) <= 1.5 * card_text + 200 and parent not in grids:
                grids.append(parent)
            break
    return grids


def _hrefs_below(section: Tag, links: list[Tag]) -> dict[int, set[str]]:
    """For every element between a link and `section`, the hrefs found below it (one climb per link)."""
    below: dict[int, set[str]] = {}
    for link in links:
        href = str(link["href"])
        for parent in link.parents:
            if parent is section:
                break
            below.setdefault(id(parent), set()).add(href)
    return below


def _card_element(link: Tag, section: Tag, href: str, below: dict[int, set[str]]) -> Tag:
    """The largest element around `link`, inside `section`, that links to nothing but `href`."""
    card = link
    while isinstance(card.parent, Tag) and card.parent is not section:
        if below.get(id(card.parent), set()) != {href}:
            break
        card = card.parent
    return card


def _card_title(card: Tag, config: ExtractConfig) -> str | None:
    for tag in card.find_all(_TITLE_TAGS):
        text = normalize_text(tag.get_text(" "))
        if text:
            return text
    for tag in card.find_all(class_=_TITLE_CLASS):
        text = normalize_text(tag.get_text(" "))
        if text:
            return text
    for tag in card.find_all(_EMPHASIS):
        text = normalize_text(tag.get_text(" "))
        if len(text) > 3 and fold(text) not in config.sectors and parse_date_text(text) is None:
            return text
    links = [card] if card.name == "a" else card.find_all("a")
    texts = [_own_text(a, config) for a in links] + [
        normalize_text(str(img.get("alt") or "")) for img in card.find_all("img")
    ]
    texts = [t for t in texts if len(t) > 3]
    return max(texts, key=len) if texts else None


def _own_text(link: Tag, config: ExtractConfig) -> str:
    """A link's text without the sector label and the date printed inside it."""
    pieces = []
    for string in link.find_all(string=True):
        parent = string.parent
        if isinstance(parent, Tag) and parent is not link and parent.name in ("time", "small"):
            continue
        text = normalize_text(str(string))
        if text and fold(text) not in config.sectors and not _DATE_ONLY.fullmatch(text):
            pieces.append(text)
    return normalize_text(" ".join(pieces))


def _card_sector(card: Tag, config: ExtractConfig, lines: list[str]) -> str | None:
    for tag in select_in(card, config.card_index):
        text = normalize_text(tag.get_text(" "))
        if text and len(text) < 60:
            return text
    for line in lines:
        for piece in _PIECES.split(line):
            if fold(piece) in config.sectors:
                return piece.strip()
    return None


def find_cards(
    matched: list[Tag], headings: list[Tag], config: ExtractConfig, base_url: str
) -> tuple[list[Card], list[Tag]]:
    """Every card in the related sections (deduplicated by URL), and the sections themselves."""
    sections = related_sections(matched, headings, config)
    cards: list[Card] = []
    seen: set[str] = set()
    for section in sections:
        links = section.find_all("a", href=True)
        below = _hrefs_below(section, links)
        for link in links:
            href = link["href"]
            if not isinstance(href, str) or href.startswith(
                ("#", "mailto:", "tel:", "javascript:")
            ):
                continue
            url = urljoin(base_url, href.strip())
            if url_key(url) in seen:
                continue
            card = _card_element(link, section, href, below)
            lines = normalize_lines(card.get_text("\n"))
            title = _card_title(card, config)
            if not title:
                continue
            seen.add(url_key(url))
            time = card.find("time", datetime=True)
            cards.append(
                Card(
                    title=title,
                    url=url,
                    sector=_card_sector(card, config, lines),
                    published_text="\n".join(lines),
                    timestamp=str(time["datetime"]) if time is not None else None,
                )
            )
    return cards, sections
