"""Benchmark of `hubarchive worker`: throughput with 1, 2 and 4 worker processes on 8 sites, in
one run, side by side.

Eight fixture sites (tests/crawl/site.py) are served on eight loopback hosts (127.0.0.1 …
127.0.0.8, one port each, so that the per-host delay of one site does not hold up another); for
each number of workers a fresh PostgreSQL archive gets the 8 sites (`hubarchive sites add`), then
N `hubarchive worker --once` processes crawl them all and exit. Printed per N: wall time and
articles archived per second (start-up of the processes included), the same over the crawling
window (first to last request as the servers saw them: what long-lived workers sustain), the
ratios to the first N, requests per second, and the CPU seconds the workers spent per article
(less noisy than wall time on a shared machine). Asserts nothing.

    python bench/workers.py                      # 8 sites of 30 articles, delay 0.5 s
    python bench/workers.py --articles 60 --delay 0.25 --workers 1 2 4 8
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from bench.access import scratch_archive
from storage.db import open_engine, transaction
from storage.schema import ArticleRow
from tests.crawl.site import FixtureSite
from tests.workers.sites import ROOT, TimedSite, add_site

#: number of sites crawled by every configuration
SITES = 8


def archived(db_url: str) -> int:
    engine = open_engine(db_url, migrate=False)
    try:
        with transaction(engine) as session:
            return int(session.scalar(select(func.count(ArticleRow.id))) or 0)
    finally:
        engine.dispose()


def crawl_with(workers: int, sites: list[TimedSite], delay: float) -> dict[str, float]:
    """Register the sites in a fresh archive, run `workers` workers until none is due."""
    for site in sites:
        site.arrivals.clear()
    with tempfile.TemporaryDirectory() as work, scratch_archive(Path(work), pg=True) as db_url:
        for number, site in enumerate(sites):
            add_site(db_url, f"site-{number}", site, delay=delay)
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "schedules.cli", "worker", "--once", "--db", db_url],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        codes = [p.wait() for p in processes]
        seconds = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        articles = archived(db_url)
    times = [t for site in sites for t in site.times()]
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {
        "seconds": seconds,
        "articles": articles,
        "requests": len(times),
        # from the first request to the last, as the servers saw them: without the workers'
        # start-up (imports, the language model), which a long-lived worker pays once
        "crawling": max(times) - min(times),
        "cpu": cpu,
        "worst_exit": max(codes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30, help="articles per site")
    parser.add_argument(
        "--delay", type=float, default=0.5, help="seconds between requests to a host"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    sites = [
        TimedSite(FixtureSite(args.articles, per_page=10)).start(f"127.0.0.{n + 1}")
        for n in range(SITES)
    ]
    try:
        results = {n: crawl_with(n, sites, args.delay) for n in args.workers}
    finally:
        for site in sites:
            site.stop()
    base = results[args.workers[0]]
    base_rate = base["articles"] / base["seconds"]
    print(
        f"{SITES} sites x {args.articles} articles, delay {args.delay:g} s per host, "
        f"{os.cpu_count()} CPUs (load {os.getloadavg()[0]:.1f})"
    )
    base_crawling = base["articles"] / base["crawling"]
    print(
        "workers  wall s  articles  articles/s  vs first | crawling s  articles/s  vs first"
        "  requests/s | CPU s/article  exit"
    )
    for n, r in results.items():
        rate, crawling = r["articles"] / r["seconds"], r["articles"] / r["crawling"]
        print(
            f"{n:7d}  {r['seconds']:6.1f}  {r['articles']:8.0f}  {rate:10.2f}  "
            f"{rate / base_rate:7.2f}x | {r['crawling']:10.1f}  {crawling:10.2f}  "
            f"{crawling / base_crawling:7.2f}x  {r['requests'] / r['crawling']:10.1f} | "
            f"{r['cpu'] / max(r['articles'], 1):13.3f}  {r['worst_exit']:4.0f}"
        )


if __name__ == "__main__":
    main()
