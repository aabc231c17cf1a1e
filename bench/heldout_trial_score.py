"""Field-by-field score of the extractor on a frozen held-out split of hand-written pages.

Run: python bench/heldout_trial_score.py [--split DIR] [--verbose]
`--split` defaults to bench/heldout_trial (6 hub-like pages); bench/heldout_v2 is the second split.
Each page's `<name>.expected.json` was written before the extractor was run on it. The page is read
with the profile its expected `url` picks (`profile_for_url`: hub.brussels, else the generic base),
as `hubarchive extract --url` does. Scalars must be equal; qa, contacts and related must be equal as
lists (fields the expectation gives); body is scored by `body_contains` / `body_excludes` snippets.
Nothing is asserted: read the figures.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from scraper.extract import extract_article
from scraper.sites import profile_for_url

SPLIT = Path(__file__).resolve().parent / "heldout_trial"
SCALARS = ("lang", "title", "published", "modified", "sector", "lead", "translations")
LISTS = ("qa", "contacts", "related")


def _project(items: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    return [{k: item.get(k) for k in keys} for item in items]


def score_page(html: Path, expected: dict[str, Any]) -> dict[str, tuple[bool, Any, Any]]:
    url = expected["url"]
    got = extract_article(html.read_bytes(), url, profile=profile_for_url(url)).to_dict()
    out: dict[str, tuple[bool, Any, Any]] = {}
    for name in SCALARS:
        out[name] = (got[name] == expected[name], expected[name], got[name])
    for name in LISTS:
        want = expected[name]
        keys = sorted({k for item in want for k in item}) or ["title"]
        have = _project(got[name], keys)
        out[name] = (have == want, want, have)
    body = got["body"] or ""
    missing = [s for s in expected["body_contains"] if s not in body]
    leaked = [s for s in expected["body_excludes"] if s in body]
    out["body"] = (not missing and not leaked, "", {"missing": missing, "leaked": leaked})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", type=Path, default=SPLIT, help="folder of <name>.html pages")
    parser.add_argument("--verbose", action="store_true", help="print each miss, expected and got")
    args = parser.parse_args()
    pages = sorted(args.split.glob("*.expected.json"))
    if not pages:
        parser.error(f"no <name>.expected.json in {args.split}")
    verbose = args.verbose
    total = right = 0
    per_field: Counter[str] = Counter()
    for exp_path in pages:
        name = exp_path.name.removesuffix(".expected.json")
        result = score_page(args.split / f"{name}.html", json.loads(exp_path.read_text("utf-8")))
        wrong = [field for field, (ok, _, _) in result.items() if not ok]
        per_field.update(field for field, (ok, _, _) in result.items() if ok)
        total += len(result)
        right += len(result) - len(wrong)
        print(f"{name}: {len(result) - len(wrong)}/{len(result)} wrong={wrong}")
        if verbose:
            for field in wrong:
                _, want, have = result[field]
                print(f"  {field}\n    want {json.dumps(want, ensure_ascii=False)}")
                print(f"    got  {json.dumps(have, ensure_ascii=False)}")
    fields = (*SCALARS, *LISTS, "body")
    print("per field: " + ", ".join(f"{f} {per_field[f]}/{len(pages)}" for f in fields))
    print(f"fields right: {right}/{total}")


if __name__ == "__main__":
    main()
