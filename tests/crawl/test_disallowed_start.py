"""A start URL the crawler may never fetch (robots.txt disallows it) is a configuration error:
exit 2 with one line saying so, not a failed page retried next run (exit 1). A broken sitemap
is one warning line, not two."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schedules.cli import main

from .site import DISALLOWED_PREFIX, FixtureSite, Response, serve_site

FAST = ["--delay", "0", "--retries", "1", "--retry-wait", "0", "--timeout", "2"]


def _crawl(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["crawl", "--db", db, *FAST, *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_start_url_disallowed_by_robots_exits_2_and_says_so(tmp_path: Path) -> None:
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    db = str(tmp_path / "a.db")
    with serve_site(site) as server:
        start = f"{server.base_url}{DISALLOWED_PREFIX}listing/"
        code, out, err = _crawl(db, "--start-url", start, "--json")
    assert code == 2, (out, err)
    report = json.loads(out)
    assert (report["outcome"], report["exit_code"]) == ("config-error", 2)
    assert report["counts"]["failed"] == 0
    lines = [line for line in err.splitlines() if start in line]
    assert len(lines) == 1, err
    assert "disallowed by robots.txt" in lines[0] and "--start-url" in lines[0]
    assert "retried next run" not in err + out
    # the crawler never asked for the listing it may not fetch
    assert site.requested(DISALLOWED_PREFIX) == []


def test_a_disallowed_start_among_allowed_ones_crawls_them_and_exits_2(tmp_path: Path) -> None:
    site = FixtureSite(3, wp_json=False, sitemaps=False, feeds=False)
    with serve_site(site) as server:
        code, out, err = _crawl(
            str(tmp_path / "a.db"),
            "--start-url",
            f"{server.base_url}/fr/news/",
            "--start-url",
            f"{server.base_url}{DISALLOWED_PREFIX}listing/",
        )
    assert code == 2, (out, err)
    assert "disallowed by robots.txt" in err and "no article was fetched" not in err
    assert "crawl config-error" in out and "0 failed" in out
    assert [r.path for r in site.log if "/article-" in r.path] != []


def test_a_broken_sitemap_is_one_warning_line(tmp_path: Path) -> None:
    site = FixtureSite(3, wp_json=False, sitemaps=True, feeds=False)
    broken = Response(200, b"<urlset><url><loc>x</urlset>", {"Content-Type": "application/xml"})
    site._faults["/sitemap.xml"] = [broken] * 10
    with serve_site(site) as server:
        code, out, err = _crawl(
            str(tmp_path / "a.db"), "--start-url", f"{server.base_url}/fr/news/"
        )
    lines = [line for line in err.splitlines() if "not well-formed XML" in line]
    assert len(lines) == 1, err
    assert "sitemap" in lines[0] and "/sitemap.xml" in lines[0]
