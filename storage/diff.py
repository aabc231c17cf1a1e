"""Field-level diff between two versions of an article: which fields changed, and how."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scraper.models import CONTENT_FIELDS
from storage.errors import NotFoundError
from storage.history import get_article, get_version, previous_content_seq
from storage.rows import canonical_json, version_to_article
from storage.schema import ArticleRow, VersionRow

#: Text longer than this (or spanning lines) gets a unified diff instead of old/new values only.
LONG_TEXT = 80

#: Fields whose values are lists of records, compared item by item.
STRUCTURED_FIELDS = ("qa", "contacts")


@dataclass
class ItemChange:
    """One Q&A pair or contact added, removed or changed between two versions."""

    change: str
    old_position: int | None
    new_position: int | None
    fields: list[str]
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "old_position": self.old_position,
            "new_position": self.new_position,
            "fields": list(self.fields),
            "old": self.old,
            "new": self.new,
        }


@dataclass
class FieldChange:
    """A content field that differs: its old and new values, a text diff or item changes."""

    field: str
    old: Any
    new: Any
    text_diff: str | None = None
    # `dataclasses.field` spelled out: the attribute `field` above hides the bare name from mypy
    items: list[ItemChange] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "text_diff": self.text_diff,
            "items": [item.to_dict() for item in self.items],
        }


@dataclass
class VersionDiff:
    """The difference between versions `from_version` and `to_version` of the article at `url`."""

    url: str
    from_version: int
    to_version: int
    changes: list[FieldChange]

    @property
    def changed_fields(self) -> list[str]:
        return [change.field for change in self.changes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "from_version": self.from_version,
            "to_version": self.to_version,
            "changed_fields": self.changed_fields,
            "changes": [change.to_dict() for change in self.changes],
        }


def _text_diff(name: str, old: str | None, new: str | None, labels: tuple[str, str]) -> str | None:
    old_text, new_text = old or "", new or ""
    if max(len(old_text), len(new_text)) <= LONG_TEXT and "\n" not in old_text + new_text:
        return None
    lines = difflib.unified_diff(
        old_text.splitlines(),
        new_text.splitlines(),
        fromfile=f"{labels[0]}/{name}",
        tofile=f"{labels[1]}/{name}",
        lineterm="",
    )
    return "\n".join(lines)


def _item_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[ItemChange]:
    """Align two lists of records (equal items match), then name what differs in the rest."""
    matcher = difflib.SequenceMatcher(
        a=[canonical_json(item) for item in old],
        b=[canonical_json(item) for item in new],
        autojunk=False,
    )
    changes: list[ItemChange] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(a1 - a0, b1 - b0)
        for i in range(paired):
            before, after = old[a0 + i], new[b0 + i]
            keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
            changes.append(ItemChange("changed", a0 + i, b0 + i, keys, before, after))
        changes.extend(
            ItemChange("removed", i, None, [], old[i], None) for i in range(a0 + paired, a1)
        )
        changes.extend(
            ItemChange("added", None, i, [], None, new[i]) for i in range(b0 + paired, b1)
        )
    return changes


def diff_records(
    old: dict[str, Any], new: dict[str, Any], *, labels: tuple[str, str] = ("old", "new")
) -> list[FieldChange]:
    """The content fields that differ between two `Article.content_dict()`s, in CONTENT_FIELDS order."""
    changes: list[FieldChange] = []
    for name in CONTENT_FIELDS:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        change = FieldChange(name, before, after)
        if name in STRUCTURED_FIELDS:
            change.items = _item_changes(before or [], after or [])
        elif isinstance(before, str | None) and isinstance(after, str | None):
            change.text_diff = _text_diff(name, before, after, labels)
        changes.append(change)
    return changes


def diff_versions(
    session: Session, url: str, *, from_seq: int | None = None, to_seq: int | None = None
) -> VersionDiff:
    """Diff two content versions of the article at `url`.

    By default `to_seq` is the current version and `from_seq` the content version before it.
    Raises `NotFoundError` for an unknown URL or version, or when there is nothing to compare.
    """
    article = get_article(session, url)
    to_seq = article.current_version if to_seq is None else to_seq
    if from_seq is None:
        from_seq = previous_content_seq(session, article, to_seq)
        if from_seq is None:
            raise NotFoundError(_nothing_before(session, article, url, to_seq))
    old = version_to_article(get_version(session, article, from_seq), url).content_dict()
    new = version_to_article(get_version(session, article, to_seq), url).content_dict()
    changes = diff_records(old, new, labels=(f"v{from_seq}", f"v{to_seq}"))
    return VersionDiff(url=url, from_version=from_seq, to_version=to_seq, changes=changes)


def _nothing_before(session: Session, article: ArticleRow, url: str, to_seq: int) -> str:
    """Why version `to_seq` has nothing to be compared with; an article whose newest version
    is a tombstone says so (the tombstone is no content to diff, only a date)."""
    newest = session.scalar(
        select(VersionRow)
        .where(VersionRow.article_id == article.id)
        .order_by(VersionRow.seq.desc())
        .limit(1)
    )
    if (
        newest is not None
        and newest.kind == "gone"
        and newest.seq > to_seq == article.current_version
    ):
        return (
            f"{url} is gone: its latest version {newest.seq} is a tombstone (gone since "
            f"{newest.seen_at:%Y-%m-%d %H:%M} UTC); it has only one content version "
            f"(version {to_seq}): nothing to compare"
        )
    return f"{url} has no content version before version {to_seq}: nothing to compare yet"
