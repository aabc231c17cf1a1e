"""Title, date and language accuracy of our extractor beside htmldate and trafilatura, over the fixtures.

Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/compare_generic.py [--misses]
Every fixture page whose expectation asserts a title, a publication date or a language is read by
`extract_article`, by htmldate's `find_date` (with `original_date=True`, and with the defaults) and
by trafilatura's `extract_metadata`; each gets the same decoded text and URL. Prints how many pages
each tool gets right per field; `--misses` lists what each tool got wrong. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from htmldate import find_date

from scraper.extract import extract_article
from scraper.extract.decode import decode_html
from scraper.extract.lang import short_lang
from scraper.text import fold

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
FIELDS = ("title", "published", "lang")
#: (tool, field) -> how it reads one page: (decoded text, url) -> value or None
Reader = Callable[[str, str], Any]


def _ours(text: str, url: str) -> dict[str, Any]:
    record = extract_article(text, url).to_dict()
    return {field: record.get(field) for field in FIELDS}


def _htmldate(original: bool) -> Callable[[str, str], dict[str, Any]]:
    def read(text: str, url: str) -> dict[str, Any]:
        try:
            value = find_date(text, url=url, original_date=original)
        except (ValueError, TypeError):
            value = None
        return {"published": value}

    return read


def _trafilatura(text: str, url: str) -> dict[str, Any]:
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(text, default_url=url)
    if meta is None:
        return {}
    found = {"title": meta.title, "published": meta.date}
    language = getattr(meta, "language", None)  # trafilatura 2 leaves it empty in extract_metadata
    if language:
        found["lang"] = short_lang(language)
    return found


TOOLS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "ours (extract_article)": _ours,
    "htmldate original_date=True": _htmldate(True),
    "htmldate default": _htmldate(False),
    "trafilatura extract_metadata": _trafilatura,
}


def _same(field: str, want: Any, got: Any) -> bool:
    if field == "title":
        return got is not None and fold(str(got)) == fold(str(want))
    return got == want


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list each tool's wrong answers")
    parser.add_argument("names", nargs="*", help="fixture names (default: every page)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # malformed JSON-LD and friends are expected here
    cases = []
    for path in sorted(PAGES.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        asserted = {f: expected[f] for f in FIELDS if f in expected}
        if asserted and (not args.names or path.name.removesuffix(".expected.json") in args.names):
            name = path.name.removesuffix(".expected.json")
            raw = (PAGES / f"{name}.html").read_bytes()
            text, _ = decode_html(raw, expected.get("_encoding"))
            cases.append((name, text, expected["_url"], asserted))
    right = {tool: dict.fromkeys(FIELDS, 0) for tool in TOOLS}
    asked = {tool: dict.fromkeys(FIELDS, 0) for tool in TOOLS}
    misses: list[str] = []
    for name, text, url, asserted in cases:
        for tool, read in TOOLS.items():
            got = read(text, url)
            for field, want in asserted.items():
                if field not in got:
                    continue  # the tool does not read this field
                asked[tool][field] += 1
                if _same(field, want, got[field]):
                    right[tool][field] += 1
                else:
                    misses.append(f"{tool:<30} {name:<52} {field}: {got[field]!r} (want {want!r})")
    print(f"{len(cases)} fixture pages asserting {', '.join(FIELDS)}\n")
    print(f"{'tool':<30}" + "".join(f"{field:>16}" for field in FIELDS))
    for tool in TOOLS:
        cells = [
            f"{right[tool][f]:>3}/{asked[tool][f]:<3} {100 * right[tool][f] / asked[tool][f]:4.0f}%"
            if asked[tool][f]
            else f"{'-':>13}"
            for f in FIELDS
        ]
        print(f"{tool:<30}" + "".join(f"{cell:>16}" for cell in cells))
    if args.misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
