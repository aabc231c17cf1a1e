"""Pages per second of `extract_article` over the fixture pages, beside bare parses, as ratios.

Run: .venv/bin/python bench/extract.py [--rounds N]
Prints throughput of lxml.html.fromstring, BeautifulSoup(html, "lxml") and extract_article over
the same pages, and the cost of a full record relative to the bare BeautifulSoup parse (the target
is about 1.4x). Nothing is asserted: the machine is shared, read the ratios.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
from bs4 import BeautifulSoup

from scraper.extract import extract_article
from scraper.extract.decode import decode_html

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def _pages() -> list[tuple[bytes, str]]:
    paths = sorted(FIXTURES.glob("pages/*.html")) + sorted(FIXTURES.glob("seed/*.html"))
    return [(p.read_bytes(), f"https://hub.brussels/fr/blog/{p.stem}/") for p in paths]


def _rate(label: str, pages: list[tuple[bytes, str]], work: Callable[[bytes, str], object],
          rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for html, url in pages:
            work(html, url)
        best = min(best, time.perf_counter() - start)
    rate = len(pages) / best
    print(f"{label:<28} {rate:9.1f} pages/s   ({best * 1000 / len(pages):6.2f} ms/page, best of {rounds})")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages = _pages()
    size = sum(len(h) for h, _ in pages)
    print(f"{len(pages)} fixture pages, {size / 1024:.0f} KiB in all\n")
    extract_article(*pages[0])  # warm the profile cache and imports

    lxml_rate = _rate("lxml.html.fromstring", pages, lambda h, u: lxml.html.fromstring(h), args.rounds)
    bs_rate = _rate("BeautifulSoup(html, 'lxml')", pages,
                    lambda h, u: BeautifulSoup(decode_html(h)[0], "lxml"), args.rounds)
    full_rate = _rate("extract_article", pages, lambda h, u: extract_article(h, u), args.rounds)
    print()
    print(f"full record / bare BeautifulSoup parse: {bs_rate / full_rate:5.2f}x the time (target ~1.4x)")
    print(f"full record / bare lxml parse:          {lxml_rate / full_rate:5.2f}x the time")

    big = _realistic_page()
    one = [(big, "https://hub.brussels/fr/news/le-reve-americain-existe-encore/")]
    print(f"\na page the size of a real hub.brussels article ({len(big) / 1024:.0f} KiB: mega-menu,"
          " inline scripts, 24 cards):")
    bs_big = _rate("BeautifulSoup(html, 'lxml')", one,
                   lambda h, u: BeautifulSoup(decode_html(h)[0], "lxml"), args.rounds)
    full_big = _rate("extract_article", one, lambda h, u: extract_article(h, u), args.rounds)
    print(f"full record / bare BeautifulSoup parse: {bs_big / full_big:5.2f}x the time")


def _realistic_page() -> bytes:
    """The seed page with the furniture real pages carry: a mega-menu, inline scripts, more cards."""
    seed = (FIXTURES / "seed" / "le-reve-americain.html").read_bytes()
    menu = b"".join(b'<li class="menu-item menu-item-type-post_type"><a href="/fr/page-%d/">'
                    b"Rubrique %d</a><ul class=\"sub-menu\"><li><a href=\"/fr/page-%d/a/\">Sous-page"
                    b"</a></li></ul></li>" % (i, i, i) for i in range(250))
    script = b"<script>var hubConfig = " + b'{"k": "value", "n": 12345},' * 1500 + b"{};</script>"
    cards = b"".join(b'<article class="news-card"><a href="/fr/news/n-%d/"><img alt="Article %d" '
                     b'src="/img/%d.jpg"></a><span class="card-sector">Tourisme</span><h3><a '
                     b'href="/fr/news/n-%d/">Article %d</a></h3><p>Publi\xc3\xa9 le 01/09/2025</p>'
                     b"</article>" % (i, i, i, i, i) for i in range(21))
    page = seed.replace(b'<ul id="primary-menu" class="menu">', b'<ul id="primary-menu" class="menu">' + menu)
    page = page.replace(b"</head>", script + b"</head>")
    return page.replace(b'<div class="news-grid">', b'<div class="news-grid">' + cards)


if __name__ == "__main__":
    main()
