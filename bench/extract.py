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


Work = Callable[[bytes, str], object]
SOUP = "BeautifulSoup(html, 'lxml')"


def _compare(
    pages: list[tuple[bytes, str]], contenders: dict[str, Work], rounds: int
) -> dict[str, float]:
    """Pages/s of each contender, best of `rounds`; rounds interleave the contenders so that load
    from other processes on a shared machine falls on all of them alike."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for label, work in contenders.items():
            start = time.perf_counter()
            for html, url in pages:
                work(html, url)
            best[label] = min(best[label], time.perf_counter() - start)
    rates = {label: len(pages) / seconds for label, seconds in best.items()}
    for label, rate in rates.items():
        print(f"{label:<28} {rate:9.1f} pages/s   ({1000 / rate:7.2f} ms/page, best of {rounds})")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pages = _pages()
    size = sum(len(h) for h, _ in pages)
    print(f"{len(pages)} fixture pages, {size / 1024:.0f} KiB in all\n")
    extract_article(*pages[0])  # warm the profile cache and imports
    contenders: dict[str, Work] = {
        "lxml.html.fromstring": lambda h, u: lxml.html.fromstring(h),
        SOUP: lambda h, u: BeautifulSoup(decode_html(h)[0], "lxml"),
        "extract_article": lambda h, u: extract_article(h, u),
    }
    rates = _compare(pages, contenders, args.rounds)
    full, soup, bare = rates["extract_article"], rates[SOUP], rates["lxml.html.fromstring"]
    print(f"\nfull record / bare BeautifulSoup parse: {soup / full:5.2f}x the time (target ~1.4x)")
    print(f"full record / bare lxml parse:          {bare / full:5.2f}x the time")

    big = _realistic_page()
    print(
        f"\na page the size of a real hub.brussels article ({len(big) / 1024:.0f} KiB: mega-menu,"
        " inline scripts, 24 cards):"
    )
    rates = _compare(
        [(big, "https://hub.brussels/fr/news/le-reve-americain-existe-encore/")],
        contenders,
        args.rounds,
    )
    ratio = rates[SOUP] / rates["extract_article"]
    print(f"full record / bare BeautifulSoup parse: {ratio:5.2f}x the time")


def _realistic_page() -> bytes:
    """The seed page with the furniture real pages carry: a mega-menu, inline scripts, more cards."""
    seed = (FIXTURES / "seed" / "le-reve-americain.html").read_bytes()
    menu = b"".join(
        b'<li class="menu-item menu-item-type-post_type"><a href="/fr/page-%d/">'
        b'Rubrique %d</a><ul class="sub-menu"><li><a href="/fr/page-%d/a/">Sous-page'
        b"</a></li></ul></li>" % (i, i, i)
        for i in range(250)
    )
    script = b"<script>var hubConfig = " + b'{"k": "value", "n": 12345},' * 1500 + b"{};</script>"
    cards = b"".join(
        b'<article class="news-card"><a href="/fr/news/n-%d/"><img alt="Article %d" '
        b'src="/img/%d.jpg"></a><span class="card-sector">Tourisme</span><h3><a '
        b'href="/fr/news/n-%d/">Article %d</a></h3><p>Publi\xc3\xa9 le 01/09/2025</p>'
        b"</article>" % (i, i, i, i, i)
        for i in range(21)
    )
    page = seed.replace(
        b'<ul id="primary-menu" class="menu">', b'<ul id="primary-menu" class="menu">' + menu
    )
    page = page.replace(b"</head>", script + b"</head>")
    return page.replace(b'<div class="news-grid">', b'<div class="news-grid">' + cards)


if __name__ == "__main__":
    main()
