"""Title, language, date and body F1 of our extractor beside trafilatura and htmldate, on real pages.

Run: .venv/bin/pip install -e '.[bench]' &&
     .venv/bin/python bench/devset.py --devset ../shared/devsets/readability [--misses FIELD]

A development set is a folder of page folders, each with `source.html` (the page as saved),
`expected-metadata.json` (`title`, `lang`, `publishedTime`: what another project states) and
`expected.html` (the article body as that project extracts it); Mozilla Readability's test pages
have that shape. Every page is read by `extract_article`, by trafilatura (`extract_metadata` and
`extract`) and by htmldate (`find_date`, `original_date=True`) in the same run, from the same
decoded text and the same URL. The pages named in `bench/heldout13.txt` are the frozen held-out part
(chosen at random before the rules of issue 13 changed, never read to write a rule): their figures
are printed apart. Nothing is asserted.

Scores: title, exact after folding (case, accents, whitespace); "title (headline)", the same or
equal to the stated title once a piece before its first or after its last site separator
(`|`, `–`, `—`, ` - `, `_`, `·`, `[…]`; at most `MAX_SITE_PIECES`) is cut off: Readability states
`<title>` with the site name ("Mozilla - Wikipedia"), which the headline leaves out (both tools are
scored alike); language, the primary subtag of
the stated `lang`; date, the calendar day of `publishedTime` as written; body, the F1 of the
word multisets of our lead + body (or trafilatura's text) against the text of `expected.html`.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from scraper.extract import extract_article
from scraper.extract.decode import decode_html
from scraper.sites import generic_profile
from scraper.text import fold

HELDOUT = Path(__file__).resolve().parent / "heldout13.txt"
FIELDS = ("title", "lang", "published", "body")
#: Site-name pieces a stated `<title>` may lose to equal the headline ("… – Firefox Nightly News",
#: "…_科技_腾讯网": a section and a site): more would let a title's own clauses go.
MAX_SITE_PIECES = 2
_SITE_SEPARATOR = re.compile(r"\s+[|–—·-]\s+|\s*_\s*|\s+(?=\[[^\]]*\]$)")
TOOLS = ("ours", "trafilatura", "htmldate")
_WORD = re.compile(r"\w+", re.UNICODE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: The devset's sites are unknown to the bundled profiles: they are read as an unknown site is.
GENERIC = generic_profile()


@dataclass
class Expected:
    """What the development set states about one page (None: it says nothing)."""

    title: str | None
    lang: str | None
    published: str | None
    body: str | None


@dataclass
class Tally:
    """Right answers and F1 sums per (tool, field)."""

    right: Counter[tuple[str, str]] = field(default_factory=Counter)
    asked: Counter[str] = field(default_factory=Counter)
    f1: dict[str, list[float]] = field(default_factory=dict)
    precision: dict[str, list[float]] = field(default_factory=dict)
    recall: dict[str, list[float]] = field(default_factory=dict)


def heldout_names() -> set[str]:
    """The page folders frozen out of rule writing."""
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def page_url(name: str) -> str:
    """The devset pages come without their address: each gets one on a host of its own."""
    return f"https://{name}.devset.example/article/"


def read_expected(folder: Path) -> Expected:
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    body_path = folder / "expected.html"
    body = None
    if body_path.exists():
        # the files are UTF-8 without a charset declaration: bytes would be read as Latin-1,
        # and every word with an accent or a curly quote would miss
        body = lxml.html.fromstring(body_path.read_text(encoding="utf-8")).text_content()
    lang = meta.get("lang")
    stamp = meta.get("publishedTime")
    day = _DAY.match(stamp) if isinstance(stamp, str) else None
    return Expected(
        title=meta.get("title") or None,
        lang=lang.split("-")[0].lower() if isinstance(lang, str) and lang else None,
        published=day.group(0) if day else None,
        body=body,
    )


def _words(text: str | None) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text or ""))


def body_scores(found: str | None, expected: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the words of `found` against those of `expected`."""
    got, want = _words(found), _words(expected)
    common = sum((got & want).values())
    if not got or not want or not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def ours(text: str, url: str) -> dict[str, Any]:
    record = extract_article(text, url, profile=GENERIC).to_dict()
    body = "\n\n".join(x for x in (record.get("lead"), record.get("body")) if x)
    return {
        "title": record.get("title"),
        "lang": record.get("lang"),
        "published": record.get("published"),
        "body": body or None,
    }


def trafilatura_reader(text: str, url: str) -> dict[str, Any]:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(text, default_url=url)
    body = trafilatura.extract(text, url=url, include_comments=False, include_tables=True)
    return {
        "title": meta.title if meta else None,
        "published": meta.date if meta else None,
        "body": body,
    }


def htmldate_reader(text: str, url: str) -> dict[str, Any]:
    from htmldate import find_date

    try:
        return {"published": find_date(text, url=url, original_date=True)}
    except (ValueError, TypeError):
        return {"published": None}


READERS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "ours": ours,
    "trafilatura": trafilatura_reader,
    "htmldate": htmldate_reader,
}


@dataclass
class PageResult:
    """One page's outcome: per (tool, field) right or wrong, per tool the body scores."""

    name: str
    right: dict[tuple[str, str], bool] = field(default_factory=dict)
    body: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)


#: the fields each other tool states (trafilatura leaves the language empty in its metadata)
SUPPORTED = {
    "ours": FIELDS,
    "trafilatura": ("title", "published", "body"),
    "htmldate": ("published",),
}


def _headline_variants(title: str) -> set[str]:
    """`title` folded, and with up to `MAX_SITE_PIECES` pieces cut off either end at a site
    separator."""
    variants = {fold(title)}
    edge = [title]
    for _ in range(MAX_SITE_PIECES):
        cut: list[str] = []
        for value in edge:
            pieces = _SITE_SEPARATOR.split(value)
            if len(pieces) > 1:
                cut += [_SITE_SEPARATOR.split(value, maxsplit=1)[1], value[: _last_cut(value)]]
        variants.update(fold(v) for v in cut if v.strip())
        edge = cut
    return variants


def _last_cut(value: str) -> int:
    return [m.start() for m in _SITE_SEPARATOR.finditer(value)][-1]


def read_page(folder: Path) -> PageResult:
    """Every tool's reading of one page folder, scored."""
    expected = read_expected(folder)
    text, _ = decode_html((folder / "source.html").read_bytes(), None)
    url = page_url(folder.name)
    result = PageResult(folder.name)
    for tool in TOOLS:
        found = READERS[tool](text, url)
        for name in ("title", "lang", "published"):
            want = getattr(expected, name)
            if want is None or name not in SUPPORTED[tool]:
                continue
            got = found.get(name)
            ok = got is not None and (
                fold(str(got)) == fold(want) if name == "title" else str(got) == want
            )
            result.right[(tool, name)] = ok
            if name == "title" and want:
                result.right[(tool, "title (headline)")] = got is not None and fold(
                    str(got)
                ) in _headline_variants(want)
            if not ok and tool == "ours":
                result.misses.append((name, want, got))
        if expected.body is not None and "body" in SUPPORTED[tool]:
            result.body[tool] = body_scores(found.get("body"), expected.body)
    p, r, f = result.body.get("ours", (1.0, 1.0, 1.0))
    if f < 0.8:
        result.misses.append(("body", "", f"F1 {f:.2f} (P {p:.2f} R {r:.2f})"))
    return result


def tally(results: list[PageResult]) -> Tally:
    total = Tally()
    for result in results:
        for (tool, name), ok in result.right.items():
            total.right[(tool, name)] += ok
            if tool == "ours":
                total.asked[name] += 1
        if "ours" in result.body:
            total.asked["body"] += 1
        for tool, (p, r, f) in result.body.items():
            total.precision.setdefault(tool, []).append(p)
            total.recall.setdefault(tool, []).append(r)
            total.f1.setdefault(tool, []).append(f)
    return total


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def report(label: str, total: Tally) -> None:
    print(f"\n{label}")
    print(f"{'field':<17} {'pages':>5} " + " ".join(f"{t:>12}" for t in TOOLS))
    for name in ("title", "title (headline)", "lang", "published"):
        asked = total.asked[name.split()[0]]
        cells = [
            f"{100 * total.right[(tool, name)] / asked:11.1f}%"
            if asked and name.split()[0] in SUPPORTED[tool]
            else f"{'-':>12}"
            for tool in TOOLS
        ]
        print(f"{name:<17} {asked:>5} " + " ".join(cells))
    asked = total.asked["body"]
    for metric, values in (
        ("body F1", total.f1),
        ("body P", total.precision),
        ("body R", total.recall),
    ):
        cells = [f"{_mean(values[t]):12.3f}" if t in values else f"{'-':>12}" for t in TOOLS]
        print(f"{metric:<17} {asked:>5} " + " ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, required=True, help="folder of page folders")
    parser.add_argument("--misses", choices=FIELDS, help="list our misses on this field")
    parser.add_argument(
        "--part", choices=("all", "dev", "heldout"), default="all", help="which pages to read"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # malformed pages log; the figures are the output
    folders = sorted(p for p in args.devset.iterdir() if (p / "source.html").exists())
    if not folders:
        parser.error(f"{args.devset} holds no page folder with a source.html")
    held = heldout_names()
    if args.part == "dev":
        folders = [f for f in folders if f.name not in held]
    elif args.part == "heldout":
        folders = [f for f in folders if f.name in held]
    results = [read_page(folder) for folder in folders]
    report(f"all {len(results)} pages of {args.devset}", tally(results))
    held_results = [r for r in results if r.name in held]
    if args.part == "all" and held_results:
        report(
            f"held-out part ({len(held_results)} pages, bench/heldout13.txt)", tally(held_results)
        )
    if args.misses:
        print(f"\nour misses on {args.misses} (held-out pages not shown):")
        for result in results:
            for name, want, got in result.misses:
                if name == args.misses and result.name not in held:
                    print(f"  {result.name}: expected {want!r} got {got!r}")


if __name__ == "__main__":
    main()
