"""Crawl cost: a 1,000-article fixture site crawled fresh, again unchanged, then with 10 changes.

Prints pages/second of the first run, and the requests, bytes and seconds of the second and third
runs as ratios of the first. Never asserts; the machine is shared, so read the ratios, not the
seconds. Usage: python bench/crawl.py [--articles 1000] [--changed 10] [--no-wp-json | --bare]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schedules.job import CrawlOptions, RunReport, run_crawl
from tests.crawl.othersite import SHAPES, OtherSite
from tests.crawl.site import LISTINGS, FixtureSite, SiteServer, serve_site


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
    site = FixtureSite(
        args.articles,
        per_page=args.per_page,
        days_apart=1,
        wp_json=not (args.no_wp_json or args.bare),
        sitemaps=not args.bare,
        feeds=not args.bare,
        disallowed_article=False,
    )
    with tempfile.TemporaryDirectory() as folder, serve_site(site) as server:
        options = CrawlOptions(
            db_url=f"sqlite:///{folder}/bench.db",
            delay=0,
            start_urls=tuple(f"{server.base_url}{p}" for p in LISTINGS.values()),
        )
        first = run_crawl(options)
        second = run_crawl(options)
        step = max(1, args.articles // max(1, args.changed))
        for index in range(0, args.articles, step)[: args.changed]:
            site.change_article(index)
        third = run_crawl(options)
    source = (
        "listings only (no sitemap, feed or API)"
        if args.bare
        else "listings+sitemaps+feed"
        if args.no_wp_json
        else "wp-json+listings"
    )
    print(f"{args.articles} articles, {source}, --delay 0, SQLite")
    print(
        f"first run: {first.counts.fetched + first.counts.listing_pages} pages in "
        f"{first.seconds:.1f} s = {(first.counts.fetched + first.counts.listing_pages) / first.seconds:.1f} "
        f"pages/s ({first.counts.new} articles archived)"
    )
    print(_line("first", first, first))
    print(_line("unchanged", second, first))
    print(_line(f"{args.changed} changed", third, first))
    print(
        f"unchanged re-crawl: {second.requests / first.requests:.2%} of the first crawl's "
        f"requests, {second.bytes / first.bytes:.2%} of its bytes, "
        f"{second.counts.new + second.counts.changed} new versions"
    )


if __name__ == "__main__":
    main()
