"""Crawling through faults: a clean crawl of a fixture site, then the same site with a share of
faulty requests, run after run until the archive is exactly right. Prints the runs needed and the
requests and seconds of the faulty runs as ratios of the clean crawl. Never asserts.

Usage: python bench/faults.py [--articles 500] [--rate 0.2] [--seed 1] [--streak 1|0]
       [--db postgresql+psycopg://postgres@127.0.0.1:5432/some_empty_db]
`--streak 1`: a page that faulted answers its next request; `--streak 0`: independent draws.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from faults.crawling import faulty_site, options
from faults.expect import archive_state, problems
from faults.server import Fault

from schedules.job import RunReport, run_crawl


def _line(name: str, report: RunReport, clean: RunReport, faulty: int) -> str:
    c = report.counts
    return (
        f"{name:<8} {report.requests:>6} req ({faulty:>4} faulty) {report.seconds:>7.1f} s | "
        f"x{report.requests / clean.requests:.2f} req x{report.seconds / clean.seconds:.2f} "
        f"time | new {c.new} changed {c.changed} 304 {c.not_modified} failed {c.failed} "
        f"exit {report.exit_code}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--streak", type=int, default=1, help="0: no limit")
    parser.add_argument("--max-runs", type=int, default=6)
    parser.add_argument("--db", help="an empty archive (default: a temporary SQLite file)")
    args = parser.parse_args()
    logging.getLogger("hubarchive").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory() as tmp:
        with faulty_site(args.articles, rate=0.0) as (_, server):
            clean = run_crawl(options(f"sqlite:///{tmp}/clean.db", server.base_url))
        print(
            f"clean    {clean.requests:>6} req {clean.seconds:>7.1f} s "
            f"({args.articles / clean.seconds:.1f} articles/s)"
        )
        db_url = args.db or f"sqlite:///{tmp}/faulty.db"
        with faulty_site(
            args.articles, rate=args.rate, seed=args.seed, max_streak=args.streak or None
        ) as (site, server):
            found: list[str] = ["not crawled yet"]
            runs = 0
            while found and runs < args.max_runs:
                mark = len(server.log)
                report = run_crawl(options(db_url, server.base_url))
                runs += 1
                faulty = sum(s.fault is not Fault.NONE for s in server.log[mark:])
                print(_line(f"run {runs}", report, clean, faulty))
                found = problems(site, archive_state(db_url, site))
            kinds = Counter(s.fault.value for s in server.log if "hubloop=" not in s.path)
    drawn = sum(kinds.values())
    print(
        f"faults drawn: {1 - kinds['none'] / drawn:.1%} of {drawn} requests: "
        + ", ".join(f"{k} {n}" for k, n in kinds.most_common() if k != "none")
    )
    print(
        f"archive exactly right after {runs} run(s)"
        if not found
        else f"still {len(found)} problems after {runs} runs, e.g. {found[0]}"
    )


if __name__ == "__main__":
    main()
