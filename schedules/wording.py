"""Counts in sentences: "1 paragraph", "2 paragraphs" (the CLI, the web view, run messages)."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` and the noun that agrees with it: plural(1, "page") is "1 page", plural(2, "page")
    "2 pages"; `many` for an irregular plural."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
