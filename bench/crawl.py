"""Crawl cost: a 1,000-article fixture site crawled fresh, again unchanged, then with 10 changes.

The site is served by a process of its own (as a real site would be: the crawl does not share its
interpreter with the server). In the same run, a Scrapy spider (h1 only, 8 concurrent requests,
robots.txt obeyed) walks the same site first, for scale: its pages/s and hubarchive's first crawl
(full extraction and archiving, `--delay 0 --concurrency 8`) are printed side by side, then the
requests, bytes and seconds of the second and third runs as ratios of the first. Never asserts;
the machine is shared, so read the ratios, not the seconds.

    python bench/crawl.py [--articles 1000] [--changed 10] [--concurrency 8] [--no-scrapy]
    python bench/crawl.py --profile hub_brussels   # the site's profile: no generic listing check
    python bench/crawl.py --no-wp-json | --bare | --shape blog
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schedules.job import CrawlOptions, RunReport, run_crawl
from tests.crawl.othersite import SHAPES, OtherSite
from tests.crawl.processes import descendants, proc_stat
from tests.crawl.site import LISTINGS, FixtureSite, SiteServer, serve_site

#: Scrapy's side: the spider the issue measured against (h1 only, 8 concurrent requests).
SCRAPY_CONCURRENCY = 8
_SPIDER = """
import json, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess

class H1(scrapy.Spider):
    name = "h1"
    start_urls = json.loads(sys.argv[1])

    def parse(self, response):
        cards = response.css(".cards a::attr(href)").getall()
        if cards or response.css(".cards"):
            for href in cards:
                yield response.follow(href, self.parse)
            nexts = response.css('link[rel="next"]::attr(href), nav.pagination a::attr(href)')
            for href in nexts.getall():
                yield response.follow(href, self.parse)
        else:
            yield {"h1": response.css("h1::text").get()}

process = CrawlerProcess(settings={
    "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": int(sys.argv[2]), "CONCURRENT_REQUESTS_PER_DOMAIN": int(sys.argv[2]),
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "USER_AGENT": "bench-scrapy",
})
crawler = process.create_crawler(H1)
process.crawl(crawler)
process.start()
stats = crawler.stats.get_stats()
seconds = (stats["finish_time"] - stats["start_time"]).total_seconds()
print(json.dumps({"pages": stats.get("response_received_count", 0), "seconds": seconds,
                  "items": stats.get("item_scraped_count", 0)}))
"""


def _line(name: str, report: RunReport, first: RunReport) -> str:
    c = report.counts
    return (
        f"{name:<10} {report.requests:>6} req {report.bytes:>10} B {report.seconds:>7.2f} s | "
        f"x{report.requests / first.requests:.3f} req  x{report.bytes / first.bytes:.4f} bytes "
        f"x{report.seconds / first.seconds:.3f} time | fetched {c.fetched} "
        f"(304: {c.not_modified}) new {c.new} changed {c.changed} unchanged {c.unchanged}"
    )


def _other(args: argparse.Namespace) -> None:
    """The first and an unchanged crawl of a site of another shape (the generic rule)."""
    site = OtherSite(SHAPES[args.shape], n_articles=args.articles, per_page=args.per_page)
    with tempfile.TemporaryDirectory() as folder, SiteServer(site.handle) as server:
        options = CrawlOptions(
            db_url=f"sqlite:///{folder}/bench.db",
            delay=0,
            start_urls=(f"{server.base_url}{site.shape.listing}",),
        )
        first = run_crawl(options)
        second = run_crawl(options)
    print(f"{args.articles} articles, shape {args.shape!r} (generic rule), --delay 0, SQLite")
    print(_line("first", first, first))
    print(_line("unchanged", second, first))
    print(
        f"unchanged re-crawl: {second.requests / first.requests:.2%} of the first crawl's "
        f"requests, {second.bytes / first.bytes:.2%} of its bytes, "
        f"{second.counts.new + second.counts.changed} new versions"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--per-page", type=int, default=12)
    parser.add_argument(
        "--concurrency", type=int, default=8, help="hubarchive's requests in flight per host"
    )
    parser.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy spider")
    parser.add_argument(
        "--profile",
        help="crawl with this site profile (e.g. hub_brussels, whose article_patterns match the "
        "fixture site) instead of the generic rule, which also checks every page for a listing",
    )
    parser.add_argument(
        "--no-wp-json",
        action="store_true",
        help="a site without the WordPress API: sitemaps, feed and listings only",
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="a site without sitemap, feed or WordPress API: listings only (probes answer 404)",
    )
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        help="a site in markup not written for the profile (tests/crawl/othersite.py), crawled "
        "with the generic rule; no sitemap, feed or API",
    )
    args = parser.parse_args()
    if args.shape:
        _other(args)
        return
    logging.getLogger("hubarchive").setLevel(logging.ERROR)
    site_args = {
        "per_page": args.per_page,
        "days_apart": 1,
        "wp_json": not (args.no_wp_json or args.bare),
        "sitemaps": not args.bare,
        "feeds": not args.bare,
        "disallowed_article": False,
    }
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=_serve, args=(theirs, args.articles, site_args), daemon=True)
    server.start()
    base_url = ours.recv()
    start_urls = tuple(f"{base_url}{p}" for p in LISTINGS.values())
    try:
        scrapy = None if args.no_scrapy else _scrapy(start_urls, server.pid)
        with tempfile.TemporaryDirectory() as folder:
            options = CrawlOptions(
                db_url=f"sqlite:///{folder}/bench.db",
                delay=0,
                concurrency=args.concurrency,
                start_urls=start_urls,
                profile=args.profile,
            )
            cpu = _cpu_seconds(leave_out=server.pid)
            first = run_crawl(options)
            cpu = _cpu_seconds(leave_out=server.pid) - cpu
            second = run_crawl(options)
            step = max(1, args.articles // max(1, args.changed))
            for index in range(0, args.articles, step)[: args.changed]:
                ours.send(("change", index))
                ours.recv()
            third = run_crawl(options)
    finally:
        ours.send(("stop", 0))
        server.join(timeout=10)
    source = (
        "listings only (no sitemap, feed or API)"
        if args.bare
        else "listings+sitemaps+feed"
        if args.no_wp_json
        else "wp-json+listings"
    )
    pages = first.counts.fetched + first.counts.listing_pages
    rate = pages / first.seconds
    print(
        f"{args.articles} articles, {source}, --delay 0 --concurrency {args.concurrency}, SQLite, "
        f"profile {args.profile or 'generic (by host)'}, site served by another process"
    )
    if scrapy is not None:
        print(
            f"scrapy (h1 only, {SCRAPY_CONCURRENCY} concurrent): {scrapy['pages']:.0f} pages in "
            f"{scrapy['seconds']:.1f} s = {scrapy['pages'] / scrapy['seconds']:.1f} pages/s, "
            f"{1000 * scrapy['cpu'] / scrapy['pages']:.1f} ms CPU/page"
        )
    print(
        f"hubarchive first run: {pages} pages in {first.seconds:.1f} s = {rate:.1f} pages/s "
        f"({first.counts.new} articles archived, full extraction), "
        f"{1000 * cpu / pages:.1f} ms CPU/page (crawl and extraction processes)"
        + (f" = x{rate / (scrapy['pages'] / scrapy['seconds']):.2f} scrapy" if scrapy else "")
    )
    print(_line("first", first, first))
    print(_line("unchanged", second, first))
    print(_line(f"{args.changed} changed", third, first))
    print(
        f"unchanged re-crawl: {second.requests / first.requests:.2%} of the first crawl's "
        f"requests, {second.bytes / first.bytes:.2%} of its bytes, "
        f"{second.counts.new + second.counts.changed} new versions"
    )


def _serve(control: Connection, articles: int, site_args: dict[str, object]) -> None:
    """The site in a process of its own: sends its base URL, then obeys `("change", index)`
    (answering "ok") until `("stop", 0)`."""
    site = FixtureSite(articles, **site_args)  # type: ignore[arg-type]
    with serve_site(site) as server:
        control.send(server.base_url)
        while True:
            command, index = control.recv()
            if command == "stop":
                return
            site.change_article(index)
            control.send("ok")


def _cpu_seconds(*, leave_out: int | None = None) -> float:
    """CPU seconds of this process (all threads), of its children that have ended, and of its
    live descendants but `leave_out` (the site's server) and its own: the extraction forkserver
    lives on between crawls, and the processes it forks are its children, not this one's."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = time.process_time() + children.ru_utime + children.ru_stime
    return own + sum(_proc_cpu(pid) for pid in descendants(os.getpid(), leave_out=leave_out))


def _proc_cpu(pid: int) -> float:
    """User + system seconds of a live process and of its children it has reaped."""
    fields = proc_stat(pid)
    if not fields:
        return 0.0
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _scrapy(start_urls: tuple[str, ...], server: int | None) -> dict[str, float] | None:
    """Scrapy's crawl of the site (a process of its own: its reactor runs once per process);
    None with a note when Scrapy is not installed (`pip install scrapy`)."""
    try:
        import scrapy  # noqa: F401
    except ImportError:
        print("scrapy is not installed (pip install scrapy): no comparison")
        return None
    with tempfile.TemporaryDirectory() as folder:
        # a file, not `python -c`: Scrapy reads the source of the spider's callbacks
        spider = Path(folder, "h1_spider.py")
        spider.write_text(_SPIDER, encoding="utf-8")
        cpu = _cpu_seconds(leave_out=server)
        done = subprocess.run(
            [sys.executable, str(spider), json.dumps(list(start_urls)), str(SCRAPY_CONCURRENCY)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=True,
        )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["cpu"] = _cpu_seconds(leave_out=server) - cpu  # start-up included: an upper bound
    return result


if __name__ == "__main__":
    main()
