"""The record dataclasses every layer shares: standard library only, no behaviour beyond (de)serialisation.

`scraper.extract` produces an `Article`; `storage` persists it; exports and the CLI read it back.
`Capture` is one HTTP exchange as the crawler saw it, handed to storage for provenance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from scraper.counters import without_counters

#: Fields of an `Article` that are the article's own content. A new archive version is written only
#: when one of these changes; `related`, `sources`, `warnings` and `url` are not content.
CONTENT_FIELDS: tuple[str, ...] = (
    "lang",
    "title",
    "published",
    "modified",
    "sector",
    "sector_key",
    "lead",
    "body",
    "qa",
    "contacts",
    "translations",
)

#: Names of the layers a field can come from, cheapest and most reliable first ("state": a
#: JavaScript framework's page state such as Next.js `__NEXT_DATA__`).
LAYERS: tuple[str, ...] = (
    "jsonld", "meta", "html", "profile", "card", "text", "htmldate", "url", "state"
)  # fmt: skip


def _date_to_str(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _flat_dict(record: QAPair | Contact) -> dict[str, Any]:
    """`dataclasses.asdict` of a record whose fields hold text, None or lists of text (`QAPair`,
    `Contact`), without its recursive deep copy: hashing and exports call this per version."""
    flat: dict[str, Any] = {}
    kind: type = type(record)
    for name in _field_names(kind):
        value = getattr(record, name)
        flat[name] = list(value) if isinstance(value, list) else value
    return flat


def _date_from_str(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


@dataclass
class QAPair:
    """One interview exchange: a question, its answer (paragraphs joined by a blank line), who answered."""

    question: str
    answer: str
    speaker: str | None = None


@dataclass
class Contact:
    """A contact block of the article: a person or office with address, phones (E.164) and emails."""

    name: str | None = None
    role: str | None = None
    address: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


@dataclass
class RelatedCard:
    """A card of another article shown on the page ("Plus de nouvelles…")."""

    title: str
    url: str | None = None
    sector: str | None = None
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "sector": self.sector,
            "published": _date_to_str(self.published),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelatedCard:
        return cls(
            title=data["title"],
            url=data.get("url"),
            sector=data.get("sector"),
            published=_date_from_str(data.get("published")),
        )


@dataclass
class Article:
    """The normalised record of one article page. Dates are `datetime.date`, text is NFC-normalised."""

    url: str
    lang: str | None = None
    title: str | None = None
    published: dt.date | None = None
    modified: dt.date | None = None
    sector: str | None = None
    sector_key: str | None = None
    lead: str | None = None
    body: str | None = None
    qa: list[QAPair] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    related: list[RelatedCard] = field(default_factory=list)
    translations: dict[str, str] = field(default_factory=dict)
    #: field name -> layer that produced it (one of LAYERS)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: dates as YYYY-MM-DD, nested records as dicts, keys in a stable order."""
        return {
            "url": self.url,
            "lang": self.lang,
            "title": self.title,
            "published": _date_to_str(self.published),
            "modified": _date_to_str(self.modified),
            "sector": self.sector,
            "sector_key": self.sector_key,
            "lead": self.lead,
            "body": self.body,
            "qa": [_flat_dict(q) for q in self.qa],
            "contacts": [_flat_dict(c) for c in self.contacts],
            "related": [r.to_dict() for r in self.related],
            "translations": dict(sorted(self.translations.items())),
            "sources": dict(sorted(self.sources.items())),
            "warnings": list(self.warnings),
        }

    def content_dict(self) -> dict[str, Any]:
        """The article's own content (CONTENT_FIELDS) as JSON-ready data: what versioning compares."""
        full = self.to_dict()
        return {name: full[name] for name in CONTENT_FIELDS}

    def hashed_content(self) -> dict[str, Any]:
        """`content_dict()` as the archive hashes it: a paragraph of counters (views, shares,
        comments, reading time) in the lead or body moves on every capture and is left out."""
        content = self.content_dict()
        for name in ("lead", "body"):
            content[name] = without_counters(content[name])
        return content

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild a record from `to_dict()` output (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        kwargs["published"] = _date_from_str(data.get("published"))
        kwargs["modified"] = _date_from_str(data.get("modified"))
        kwargs["qa"] = [QAPair(**q) for q in data.get("qa") or []]
        kwargs["contacts"] = [Contact(**c) for c in data.get("contacts") or []]
        kwargs["related"] = [RelatedCard.from_dict(r) for r in data.get("related") or []]
        kwargs["translations"] = dict(data.get("translations") or {})
        kwargs["sources"] = dict(data.get("sources") or {})
        kwargs["warnings"] = list(data.get("warnings") or [])
        return cls(**kwargs)


@dataclass
class Capture:
    """One HTTP exchange as fetched: what storage keeps as the raw page and provenance of a version.

    `headers` are the response headers; `fetched_at` is timezone-aware UTC.
    """

    url: str
    status: int
    body: bytes
    fetched_at: dt.datetime
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    request_headers: dict[str, str] = field(default_factory=dict)
    elapsed_ms: int | None = None

    @property
    def content_type(self) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == "content-type":
                return value
        return None

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lowered:
                return value
        return None
