"""Soak: 10 back-to-back incremental crawls over a faulty site whose articles change between
runs, then 20 SIGKILLs of `hubarchive crawl` at random moments followed by one clean run.
Prints one line per run, whether the archive's history equals the changes made, and the kill
results. Never asserts.

Usage: python bench/soak.py [--articles 300] [--runs 10] [--changes 8] [--rate 0.2]
       [--kills 20] [--db URL-of-an-empty-archive] [--kill-db URL-of-another-empty-archive]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from faults.crawling import faulty_site, finish, spawn_crawl
from faults.expect import archive_state, integrity_problems, problems
from faults.scenarios import incremental_soak, kill_at_random_moments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--db", help="an empty archive (default: a temporary SQLite file)")
    parser.add_argument("--kill-db", help="another empty archive for the kills")
    args = parser.parse_args()
    logging.getLogger("hubarchive").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{tmp}/soak.db"
        started = time.perf_counter()
        with faulty_site(args.articles, rate=args.rate, seed=args.seed, max_streak=1) as (
            site,
            server,
        ):
            result = incremental_soak(
                db_url, site, server, runs=args.runs, changes_per_run=args.changes, seed=args.seed
            )
            for n, report in enumerate(result.reports, 1):
                print(f"run {n:>2}: exit {report.exit_code} {report.summary()}")
            print(
                f"{len(server.log)} requests, {len(server.faulted())} faulty; "
                f"{result.changes} changes made; {time.perf_counter() - started:.0f} s"
            )
        print(
            "history equals the changes: "
            + (
                "yes"
                if not result.problems
                else f"NO, {len(result.problems)} problems, e.g. {result.problems[0]}"
            )
        )

        kill_url = args.kill_db or f"sqlite:///{tmp}/kills.db"
        started = time.perf_counter()
        with faulty_site(60, rate=0.1, seed=args.seed, max_streak=1) as (site, server):
            found = kill_at_random_moments(kill_url, server, args.kills, args.seed, within=90)
            server.calm()
            code, _, _ = finish(spawn_crawl(kill_url, server.base_url), timeout=600)
            found += problems(site, archive_state(kill_url, site)) + integrity_problems(kill_url)
        print(
            f"{args.kills} SIGKILLs, then one run: exit {code}, "
            + (
                "archive whole and complete"
                if not found
                else f"{len(found)} problems, e.g. {found[0]}"
            )
            + f"; {time.perf_counter() - started:.0f} s"
        )


if __name__ == "__main__":
    main()
