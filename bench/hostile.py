"""Hostile sites, timed: how long the crawler spends on a slowloris server, a sitemap chain, a
sitemap fan-out, a run with --max-runtime, and a listing of 20,000 nested links. Each bound is
printed beside what it is measured against (the deadline, the bound). Never asserts.

Usage: python bench/hostile.py [--trickle 1.0] [--timeout 5] [--nested 20000]
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

from bs4 import BeautifulSoup
from crawl.site import FixtureSite, Request, Response
from faults.crawling import options
from faults.server import Fault, FaultPlan, FaultServer

from schedules.job import run_crawl
from schedules.sources import SITEMAP_MAX_DEPTH, SITEMAP_MAX_FILES
from scraper.discover import crawl_profile, parse_listing
from scraper.errors import FetchError
from scraper.fetch import FetchConfig, Fetcher, RetryPolicy, Timeouts
from scraper.sites import load_profile
from scraper.urls import allowed_hosts_of


def slowloris(trickle: float, deadline: float) -> None:
    """Each trickle fault against one fetch: seconds until it is abandoned."""
    site = FixtureSite(4)  # (article 2 is the one robots.txt disallows)
    with FaultServer(site.handle, FaultPlan(rate=0.0, trickle_seconds=trickle)) as server:
        site.base_url = server.base_url
        local = allowed_hosts_of([server.base_url])
        config = FetchConfig(
            allowed_hosts=local,
            private_hosts=local,
            delay=0,
            retry=RetryPolicy(attempts=4),
            timeouts=Timeouts(connect=2, read=4 * trickle + 10, total=deadline),
        )
        for fault, path in [
            (Fault.TRICKLE_HEAD, site.articles[0].path),
            (Fault.TRICKLE_BODY, site.articles[1].path),
            (Fault.TRICKLE_CHUNKED, site.articles[3].path),
            (Fault.TRICKLE_HEAD, "/robots.txt"),
        ]:
            server.force(path, fault, times=10)
            with Fetcher(config) as fetcher:
                started = time.monotonic()
                try:
                    if path == "/robots.txt":
                        rules = fetcher.robots_for(server.base_url + "/")
                        outcome = rules.unavailable or "read"
                    else:
                        fetcher.fetch(server.base_url + path)
                        outcome = "fetched"
                except FetchError as exc:
                    outcome = type(exc).__name__
                spent = time.monotonic() - started
            what = "robots.txt" if path == "/robots.txt" else fault.value
            print(
                f"slowloris {what:<16} 1 byte / {trickle:g} s: abandoned after {spent:5.1f} s, "
                f"deadline {deadline:g} s (x{spent / deadline:.2f}), requests "
                f"{fetcher.stats.requests}, {outcome[:60]}"
            )


def sitemaps(kind: str) -> None:
    """A chain of sitemap indexes without end, or one index naming 2,000 sitemaps."""
    site = FixtureSite(6, per_page=4, wp_json=False, sitemaps=False)

    def handle(request: Request) -> Response:
        xml = {"Content-Type": "application/xml"}
        route = request.route
        if route == "/robots.txt":
            start = "/chain-0.xml" if kind == "chain" else "/fan.xml"
            body = site.handle(request).body + f"Sitemap: {site.base_url}{start}\n".encode()
            return Response(200, body, {"Content-Type": "text/plain"})
        if route.startswith("/chain-"):
            n = int(route[len("/chain-") : -len(".xml")])
            loc = f"{site.base_url}/chain-{n + 1}.xml"
            return Response(
                200,
                f"<sitemapindex><sitemap><loc>{loc}</loc></sitemap></sitemapindex>".encode(),
                xml,
            )
        if route == "/fan.xml":
            locs = "".join(
                f"<sitemap><loc>{site.base_url}/fan-{i}.xml</loc></sitemap>" for i in range(2000)
            )
            return Response(200, f"<sitemapindex>{locs}</sitemapindex>".encode(), xml)
        if route.startswith("/fan-"):
            return Response(200, b"<urlset></urlset>", xml)
        return site.handle(request)

    with tempfile.TemporaryDirectory() as tmp, FaultServer(handle, FaultPlan(rate=0.0)) as server:
        site.base_url = server.base_url
        report = run_crawl(options(f"sqlite:///{tmp}/a.db", server.base_url, full=True))
    files = sum(s.path.startswith(("/chain", "/fan", "/sitemap")) for s in server.log)
    bound = f"depth {SITEMAP_MAX_DEPTH}" if kind == "chain" else f"{SITEMAP_MAX_FILES} files"
    print(
        f"sitemap {kind:<8} abandoned after {files} sitemap files ({bound}) in "
        f"{report.seconds:.1f} s; run {report.outcome}, {report.counts.new} articles archived, "
        f"warning: {next((w for w in report.warnings if 'sitemap' in w), '-')[:70]}"
    )


def max_runtime(seconds: float) -> None:
    site = FixtureSite(30, per_page=10)
    with (
        tempfile.TemporaryDirectory() as tmp,
        FaultServer(site.handle, FaultPlan(rate=0.0)) as server,
    ):
        site.base_url = server.base_url
        started = time.monotonic()
        report = run_crawl(
            options(f"sqlite:///{tmp}/a.db", server.base_url, delay=1.0, max_runtime=seconds)
        )
        spent = time.monotonic() - started
    print(
        f"--max-runtime {seconds:g} s: the run ended after {spent:.1f} s (x{spent / seconds:.2f}), "
        f"exit {report.exit_code}, outcome {report.outcome}"
    )


def nested_listing(n: int) -> None:
    links = "".join(
        f'<div class="c"><a href="/news/item-{i}-x/">Item {i} title</a>' for i in range(n)
    )
    page = f"<html><body><main>{links}{'</div>' * n}</main></body></html>"
    crawl = crawl_profile(load_profile("hub_brussels"), start_urls=["http://127.0.0.1:8000/news/"])
    started = time.perf_counter()
    BeautifulSoup(page, "lxml")
    bare = time.perf_counter() - started
    started = time.perf_counter()
    found = parse_listing(page, "http://127.0.0.1:8000/news/", crawl)
    spent = time.perf_counter() - started
    print(
        f"listing of {n} nested links ({len(page) / 1024:.0f} KB): {spent:.1f} s, "
        f"x{spent / bare:.1f} a bare BeautifulSoup parse; {len(found.sightings)} articles"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trickle", type=float, default=1.0, help="seconds between two bytes")
    parser.add_argument("--timeout", type=float, default=5.0, help="whole-response deadline")
    parser.add_argument("--max-runtime", type=float, default=5.0)
    parser.add_argument("--nested", type=int, default=20_000)
    args = parser.parse_args()
    logging.getLogger("hubarchive").setLevel(logging.CRITICAL)
    slowloris(args.trickle, args.timeout)
    sitemaps("chain")
    sitemaps("fan-out")
    max_runtime(args.max_runtime)
    nested_listing(args.nested // 4)
    nested_listing(args.nested)


if __name__ == "__main__":
    main()
