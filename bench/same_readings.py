"""Do two source trees read pages alike? Every page of the bench's generated site (articles and
listings), of tests/fixtures and of a devset folder is read by each tree's `PageReader` (the
generic rule and the hub profile, listing check on), and the readings (full record, listing
verdict) are compared. Prints counts and the first differences; never asserts.

    git worktree add /tmp/before integration   # or: git archive integration | tar -x -C /tmp/before
    python bench/same_readings.py /tmp/before . [--devset ../shared/devsets/readability]

`before` may also be the JSON file a former run wrote with `--save FILE` (its own readings of
`after`), so that a series of speed edits is checked against one reading of the base tree.
Devset pages are also read under the host name `bench/extract.py` gives them, twice (the second
time under a URL fragment): what the extractor remembers between pages must not change a record.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

_DUMP = r"""
import glob, json, os, sys
root, fixtures, devset = sys.argv[1:4]
sys.path.insert(0, root)
from tests.crawl.site import FixtureSite, LISTINGS, Request
from schedules.extraction import PageReader, with_profile
from scraper.discover import crawl_profile
from scraper.extract import extract_article
from scraper.sites import load_profile

def pages():
    site = FixtureSite(60, per_page=12, days_apart=1, disallowed_article=False)
    site.base_url = "http://127.0.0.1:8765"
    paths = [a.path for a in site.articles]
    paths += [p + q for p in LISTINGS.values() for q in ("", "?page=2", "page/2/", "?p=2")]
    for path in paths:
        r = site.handle(Request("GET", path, {}))
        if r.status == 200:
            yield r.body, site.base_url + path, r.headers.get("Content-Type")
    for f in sorted(glob.glob(f"{fixtures}/**/*.html", recursive=True)):
        yield open(f, "rb").read(), f"https://example.org/{os.path.relpath(f, fixtures)}/", None
    if devset:
        for f in sorted(glob.glob(f"{devset}/*/source.html")):
            yield open(f, "rb").read(), f"https://example.org/{f.split('/')[-2]}/", None
        for f in sorted(glob.glob(f"{devset}/*/source.html")):
            url = f"https://{f.split('/')[-2]}.devset.example/article/"
            yield open(f, "rb").read(), url, None
            yield open(f, "rb").read(), url + "#again", None

out, readers = {}, {}
for body, url, content_type in pages():
    origin = "/".join(url.split("/", 3)[:3]) + "/"
    for name in ("base", "hub_brussels"):
        if (name, origin) not in readers:
            profile = load_profile(name)
            crawl = crawl_profile(profile, start_urls=[origin + "start/"])
            readers[name, origin] = PageReader(with_profile(extract_article, profile), crawl)
        r = readers[name, origin].read(body, url, content_type)
        out[f"{name} {url}"] = {
            "listing": r.listing, "error": r.error,
            "record": r.article.to_dict() if r.article else None,
        }
json.dump(out, sys.stdout, default=str)
"""


def _readings(tree: Path, fixtures: Path, devset: str) -> dict[str, dict[str, object]]:
    if tree.is_file():  # saved by an earlier run's --save
        saved: dict[str, dict[str, object]] = json.loads(tree.read_text())
        return saved
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(tree.resolve()), str(fixtures), devset],
        capture_output=True,
        text=True,
        check=True,
    )
    readings: dict[str, dict[str, object]] = json.loads(done.stdout)
    return readings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--devset", default="", help="a folder of <case>/source.html pages")
    parser.add_argument("--save", type=Path, help="write the readings of `after` to this file")
    args = parser.parse_args()
    fixtures = (Path(__file__).resolve().parents[1] / "tests" / "fixtures").resolve()
    a = _readings(args.before, fixtures, args.devset)
    b = _readings(args.after, fixtures, args.devset)
    if args.save:
        args.save.write_text(json.dumps(b))
    differ = [key for key in a if a[key] != b.get(key)]
    print(
        f"{len(a)} readings: {len(differ)} differ; listings {sum(bool(v['listing']) for v in a.values())}"
        f" -> {sum(bool(v['listing']) for v in b.values())}"
    )
    for key in differ[:10]:
        print(key, {k: (a[key][k], b[key].get(k)) for k in a[key] if a[key][k] != b[key].get(k)})


if __name__ == "__main__":
    main()
