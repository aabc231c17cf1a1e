"""Contacts, related cards and Q&A pairs on the frozen held-out split, as precision and recall;
then the cost of the card search on pages of 1,000 and 2,000 linked-heading cards, as a ratio.

Run: .venv/bin/python bench/structure.py [--split tests/fixtures/heldout10] [--verbose]
The split's files are checked against bench/heldout10.sha256 first (a page edited after the split
was frozen is refused). Nothing is asserted: read the figures.

Matching, per page:
- a contact is right when its name matches an expected one (folded; one may hold the other, for
  a title such as "Dr.") and its emails and phones are exactly the expected ones;
- a related card is right when its URL is an expected one (trailing slash ignored); sector and
  date are scored apart, over the cards found right that expect them;
- a Q&A pair is right when its question is the expected one, its answer starts like the expected
  one and its speaker is the expected one (all folded).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from scraper.extract import extract_article
from scraper.text import fold

ROOT = Path(__file__).resolve().parent.parent
SPLIT = ROOT / "tests" / "fixtures" / "heldout10"
HASHES = ROOT / "bench" / "heldout10.sha256"
#: Characters of the expected answer a found answer must start with (answers may run on).
ANSWER_PREFIX = 40


def check_frozen(split: Path, hashes: Path) -> list[str]:
    """Names of the split's pages; exits when a listed file is missing or changed."""
    names = []
    for line in hashes.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        path = split / name.strip().lstrip("*")
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            sys.exit(f"held-out file {path} is missing or changed since the split was frozen")
        if path.suffix == ".html":
            names.append(path.stem)
    return names


def _key(url: str) -> str:
    return url.rstrip("/")


def _same_name(a: str | None, b: str | None) -> bool:
    fa, fb = fold(a or ""), fold(b or "")
    return bool(fa and fb) and (fa in fb or fb in fa)


class Score:
    """True positives, found and expected counts of one kind."""

    def __init__(self) -> None:
        self.tp = self.found = self.expected = 0

    def add(self, tp: int, found: int, expected: int) -> None:
        self.tp, self.found, self.expected = (
            self.tp + tp,
            self.found + found,
            self.expected + expected,
        )

    def line(self, label: str) -> str:
        p = self.tp / self.found if self.found else 1.0
        r = self.tp / self.expected if self.expected else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{label:<14} P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}"
            f"   ({self.tp} right of {self.found} found, {self.expected} expected)"
        )


def _match(found: list[dict[str, Any]], expected: list[dict[str, Any]], same: Any) -> int:
    left = list(found)
    tp = 0
    for e in expected:
        hit = next((f for f in left if same(f, e)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
    return tp


def _contact_ok(f: dict[str, Any], e: dict[str, Any]) -> bool:
    return (
        _same_name(f.get("name"), e.get("name"))
        and sorted(f.get("emails") or []) == sorted(e.get("emails") or [])
        and sorted(f.get("phones") or []) == sorted(e.get("phones") or [])
    )


def _qa_ok(f: dict[str, Any], e: dict[str, Any]) -> bool:
    return (
        fold(f.get("question") or "") == fold(e["question"])
        and fold(f.get("answer") or "").startswith(fold(e["answer"])[:ANSWER_PREFIX])
        and fold(f.get("speaker") or "") == fold(e.get("speaker") or "")
    )


def score_split(split: Path, names: list[str], verbose: bool) -> None:
    contacts, related, qa = Score(), Score(), Score()
    sector_ok = sector_n = date_ok = date_n = 0
    for name in names:
        expected = json.loads((split / f"{name}.expected.json").read_text(encoding="utf-8"))
        record = extract_article((split / f"{name}.html").read_bytes(), expected["_url"]).to_dict()
        c_tp = _match(record["contacts"], expected["contacts"], _contact_ok)
        contacts.add(c_tp, len(record["contacts"]), len(expected["contacts"]))
        found = {_key(c["url"]): c for c in record["related"]}
        want = {_key(c["url"]): c for c in expected["related"]}
        related.add(len(found.keys() & want.keys()), len(found), len(want))
        for key in found.keys() & want.keys():
            if "sector" in want[key]:
                sector_n += 1
                sector_ok += found[key].get("sector") == want[key]["sector"]
            if "published" in want[key]:
                date_n += 1
                date_ok += found[key].get("published") == want[key]["published"]
        q_tp = _match(record["qa"], expected["qa"], _qa_ok)
        qa.add(q_tp, len(record["qa"]), len(expected["qa"]))
        if verbose and (
            c_tp != len(expected["contacts"]) or c_tp != len(record["contacts"])
            or found.keys() != want.keys()
            or q_tp != len(expected["qa"]) or q_tp != len(record["qa"])
        ):  # fmt: skip
            print(f"--- {name}")
            print("  contacts:", json.dumps(record["contacts"], ensure_ascii=False))
            print("  related: ", sorted(found.keys() ^ want.keys()))
            print("  qa:      ", json.dumps(record["qa"], ensure_ascii=False)[:600])
    print(f"{len(names)} held-out pages\n")
    print(contacts.line("contacts"))
    print(related.line("related cards"))
    print(qa.line("Q&A pairs"))
    print(f"related card sector right {sector_ok}/{sector_n}, date right {date_ok}/{date_n}")


def card_page(n: int, *, heading: bool = True) -> str:
    """A page with an article and a strip of `n` linked-heading cards after it (under a "More
    news" heading, or with none: found by structure alone)."""
    cards = "".join(
        f'<div class="c"><h3><a href="/fr/news/article-numero-{i}/">Article numéro {i}</a></h3>'
        f"<span>0{1 + i % 9}/03/2025</span></div>"
        for i in range(n)
    )
    return (
        '<html lang="fr"><head><title>Un titre</title></head><body><article><h1>Un titre</h1>'
        "<p>Un paragraphe de texte de l'article, assez long pour être le corps du texte.</p>"
        f"</article><section>{'<h2>Plus d’actualités</h2>' if heading else ''}{cards}</section>"
        "</body></html>"
    )


def time_cards(rounds: int) -> None:
    """Best of `rounds` per size; the rounds interleave the sizes, so that load from other
    processes on a shared machine falls on both alike."""
    url = "https://hub.brussels/fr/news/un-titre/"
    for heading in (True, False):
        pages = {n: card_page(n, heading=heading) for n in (1000, 2000)}
        best = dict.fromkeys(pages, float("inf"))
        for _ in range(rounds):
            for n, html in pages.items():
                best[n] = min(best[n], _timed(html, url))
        shape = "under a heading" if heading else "no heading"
        print(
            f"cards {shape}: 1,000 {best[1000]:5.2f} s, 2,000 {best[2000]:5.2f} s (best of"
            f" {rounds}): {best[2000] / best[1000]:4.2f}x (linear is ~2x; target <= 2.5x)"
        )


def _timed(html: str, url: str) -> float:
    gc.collect()  # each run starts with the same heap: the previous page's tree is not traversed
    start = time.perf_counter()
    extract_article(html, url)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, default=SPLIT)
    parser.add_argument("--hashes", type=Path, default=HASHES)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    names = check_frozen(args.split, args.hashes)
    score_split(args.split, names, args.verbose)
    if not args.no_timing:
        print()
        time_cards(args.rounds)


if __name__ == "__main__":
    main()
