"""Dump the full record (`extract_article(...).to_dict()`, sources and warnings included) of every
page of a source tree to a folder, one JSON file per reading, so that two trees can be compared
with `diff -r`: a speed change must leave every file alike.

    git worktree add /tmp/before main
    python bench/same_records.py /tmp/before /tmp/records-before [--devset ../shared/devsets/readability]
    python bench/same_records.py . /tmp/records-after [--devset ../shared/devsets/readability]
    diff -r /tmp/records-before /tmp/records-after

Pages: tests/fixtures/**/*.html and bench/heldout_trial/*.html of the tree, and each devset page
(`<case>/source.html`) under the host name `bench/extract.py` gives it. Each page is read with the
bundled profiles `hub_brussels` (the default) and `base`; devset pages once more under a URL
fragment, after the other pages of the run, so that what the extractor remembers between pages
(per-site and per-URL caches) is part of what is compared.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_DUMP = r"""
import glob, json, os, sys, logging
root, out, devset = sys.argv[1:4]
sys.path.insert(0, root)
logging.disable(logging.WARNING)
from scraper.extract import extract_article
from scraper.sites import load_profile

def pages():
    for folder in ("tests/fixtures", "bench/heldout_trial"):
        for f in sorted(glob.glob(f"{root}/{folder}/**/*.html", recursive=True)):
            rel = os.path.relpath(f, root)
            yield rel, open(f, "rb").read(), f"https://example.org/{os.path.relpath(f, f'{root}/{folder}')}/"
    if devset:
        cases = sorted(glob.glob(f"{devset}/*/source.html"))
        for suffix in ("", "#again"):
            for f in cases:
                name = f.split("/")[-2]
                url = f"https://{name}.devset.example/article/" + suffix
                yield f"devset/{name}{suffix.replace('#', '.')}", open(f, "rb").read(), url

profiles = {name: load_profile(name) for name in ("hub_brussels", "base")}
for key, body, url in pages():
    for name, profile in profiles.items():
        record = extract_article(body, url, profile=profile).to_dict()
        path = os.path.join(out, name, key.replace("/", "__") + ".json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=1, default=str)
            fh.write("\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path, help="the source tree whose extractor reads the pages")
    parser.add_argument("out", type=Path, help="folder to write the records to (made if missing)")
    parser.add_argument("--devset", default="", help="a folder of <case>/source.html pages")
    args = parser.parse_args()
    if not (args.tree / "scraper" / "extract").is_dir():
        raise SystemExit(f"{args.tree} is not a hubarchive source tree (no scraper/extract)")
    args.out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", _DUMP, str(args.tree.resolve()), str(args.out), args.devset],
        check=True,
    )
    print(f"{sum(1 for _ in args.out.rglob('*.json'))} records in {args.out}")


if __name__ == "__main__":
    main()
