"""What the tests of hand-written pages in unseen templates share (`test_hub_unseen_templates_*`):
reading a page beside its expected record, neutral edits, the invariance check, and a small
hub-like page for the sibling tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.extract.reading import read


def page_names(folder: Path) -> list[str]:
    """The names of the pages in `folder` that have an expected record, sorted."""
    return sorted(p.name.removesuffix(".expected.json") for p in folder.glob("*.expected.json"))


def load_page(folder: Path, name: str) -> tuple[str, dict[str, Any]]:
    """(html, expected record) of `folder/<name>.html` and `<name>.expected.json`."""
    html = (folder / f"{name}.html").read_text(encoding="utf-8")
    expected: dict[str, Any] = json.loads(
        (folder / f"{name}.expected.json").read_text(encoding="utf-8")
    )
    return html, expected


def edit(html: str, old: str, new: str) -> str:
    """`html` with its one occurrence of `old` replaced by `new` (an edit that finds nothing, or
    more than one place, fails the test: it would prove nothing)."""
    assert html.count(old) == 1, old
    return html.replace(old, new)


def reindent(html: str, inline: str = "span|a") -> str:
    """`html` with one element a line, indented with a tab, CRLF line ends; the `inline`
    elements (a regex alternation of tag names) are left as they are."""
    return re.sub(rf"><(?!/?(?:{inline})\b)", ">\n\t  <", html).replace("\n", "\r\n")


def assert_same_record(html: str, edited: str, url: str) -> None:
    """The neutral edit `edited` of `html` gives the same record: its content and its related
    cards."""
    base = read(html, url)
    changed = read(edited, url)
    assert changed.content_dict() == base.content_dict()
    assert [c.to_dict() for c in changed.related] == [c.to_dict() for c in base.related]


def small_hub_page(lang: str, head: str, main: str) -> str:
    """A small hub.brussels-like page: `head` inside `<head>`, `main` inside `<main>`, with the
    site's header, menu and footer around it."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>hub.brussels</title>'
        f"{head}</head><body><header><a href='/{lang}/'>hub.brussels</a><nav><ul>"
        f"<li><a href='/{lang}/news/'>News</a></li><li><a href='/{lang}/agenda/'>Agenda</a></li>"
        f"</ul></nav></header><main>{main}</main><footer><p>hub.brussels · Chaussée de Charleroi"
        " 110, 1060 Bruxelles · +32 2 800 40 00</p></footer></body></html>"
    )
