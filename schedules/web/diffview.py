"""A version diff laid out for the page: rows of unchanged, removed and added text per field."""

from __future__ import annotations

import difflib
from typing import Any

from storage.diff import STRUCTURED_FIELDS, VersionDiff


def _text_rows(old: Any, new: Any) -> list[dict[str, str]]:
    """Line rows of two values: "same", "del" or "ins" each (scalars: one del, one ins)."""
    before = [] if old is None else str(old).split("\n")
    after = [] if new is None else str(new).split("\n")
    rows: list[dict[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            rows += [{"op": "same", "text": line} for line in before[a0:a1]]
            continue
        rows += [{"op": "del", "text": line} for line in before[a0:a1]]
        rows += [{"op": "ins", "text": line} for line in after[b0:b1]]
    return rows


def _item_text(item: dict[str, Any] | None) -> str:
    if not item:
        return ""
    return " · ".join(
        f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
        for k, v in item.items()
        if v not in (None, [], "")
    )


def diff_rows(diff: VersionDiff) -> list[dict[str, Any]]:
    """Per changed field: its name and rows (`op` same/del/ins/chg, `text`, for Q&A and contacts
    the item's position and the keys that changed)."""
    fields: list[dict[str, Any]] = []
    for change in diff.changes:
        if change.field in STRUCTURED_FIELDS:
            rows = []
            for item in change.items:
                if item.change == "removed":
                    rows.append({"op": "del", "text": _item_text(item.old)})
                elif item.change == "added":
                    rows.append({"op": "ins", "text": _item_text(item.new)})
                else:
                    rows.append({"op": "del", "text": _item_text(item.old)})
                    rows.append(
                        {
                            "op": "ins",
                            "text": _item_text(item.new),
                            "changed_keys": ", ".join(item.fields),
                        }
                    )
        else:
            rows = _text_rows(change.old, change.new)
        fields.append({"field": change.field, "rows": rows})
    return fields
