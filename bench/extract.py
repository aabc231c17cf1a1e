"""Pages per second of `extract_article` over the fixture pages, beside bare parses, as ratios.

Run: .venv/bin/python bench/extract.py [--rounds N] [--devset DIR]
Prints throughput of lxml.html.fromstring, BeautifulSoup(html, "lxml") and extract_article over
the same pages, and the cost of a full record relative to the bare BeautifulSoup parse (the target
is about 1.4x). Nothing is asserted: the machine is shared, read the ratios.

With `--devset DIR` (a folder of page folders holding `source.html`, such as
../shared/devsets/readability) it measures real pages instead: for each page the CPU time
(`time.process_time`, not wall time: the machine is noisy) of the full record and of a bare
`BeautifulSoup(html, "lxml")` parse, best of the rounds, and prints the median of the per-page
ratios over all pages and over the small ones (target: 1.4x, small pages 2x).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


#: A page under this many bytes is "small": fixed per-page costs weigh most there.
SMALL_PAGE_BYTES = 50 * 1024


def _cpu(work: Callable[[], object], rounds: int) -> float:
    """The least CPU time of `rounds` runs of `work`."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def devset_ratios(folder: Path, rounds: int) -> None:
    """Median per-page CPU-time ratio of the full record to a bare BeautifulSoup(lxml) parse."""
    pages = sorted(p / "source.html" for p in folder.iterdir() if (p / "source.html").exists())
    if not pages:
        raise SystemExit(f"{folder} holds no page folder with a source.html")
    logging.disable(logging.WARNING)
    ratios: list[tuple[float, int, str]] = []
    for path in pages:
        raw = path.read_bytes()
        url = f"https://{path.parent.name}.devset.example/article/"
        extract_article(raw, url)  # warm caches once per page, as a crawl would be warm
        soup = _cpu(lambda raw=raw: BeautifulSoup(decode_html(raw)[0], "lxml"), rounds)
        full = _cpu(lambda raw=raw, url=url: extract_article(raw, url), rounds)
        ratios.append((full / max(soup, 1e-6), len(raw), path.parent.name))
    small = [r for r, size, _ in ratios if size < SMALL_PAGE_BYTES]
    every = [r for r, _, _ in ratios]
    print(f"{len(pages)} pages of {folder}, CPU time, best of {rounds} per page")
    print(f"full record / bare BeautifulSoup parse, median over all pages: {median(every):5.2f}x")
    if small:
        print(
            f"  over the {len(small)} pages under {SMALL_PAGE_BYTES // 1024} KiB:"
            f"            {median(small):5.2f}x"
        )
    print("  slowest pages:", ", ".join(f"{n} {r:.2f}x" for r, _, n in sorted(ratios)[-5:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--devset", type=Path, help="real pages: folder of page folders")
    args = parser.parse_args()
    if args.devset:
        devset_ratios(args.devset, args.rounds)
        return
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
