"""A site whose pages all fail is down (exit 69) whether or not the archive remembers its missing
discovery sources: the 404s of a guessed /sitemap.xml, /feed/ or wp-json say a source does not
exist, not that the site serves anything (an outage keeps its 404 pages), and they are asked only
once in 30 days, so counting them made the same dead site exit 1 on a fresh archive and 69 after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .test_site_down import _crawl, _last_run, _serve

#: the guessed discovery sources this site does not have (they answer 404)
_MISSING = ("/sitemap.xml", "/feed", "/wp-json", "/sitemap_index.xml")


@contextmanager
def _dead_site(status: int, *, stall: float = 0.0) -> Iterator[str]:
    """robots.txt served, the discovery probes 404, every other page `status` after `stall` s."""
    with _serve(status, stall=stall, robots="User-agent: *\nAllow: /\n", missing=_MISSING) as base:
        yield base


def test_a_dead_site_exits_69_on_a_fresh_archive_and_on_one_remembering_its_probes(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "a.db")
    with _dead_site(500) as base:
        first, out1, err1 = _crawl(db, f"{base}/e500/")
        second, out2, err2 = _crawl(db, f"{base}/e500/")
    assert (first, second) == (69, 69), (out1, err1, out2, err2)
    message = _last_run(db)["message"]
    assert "site down" in message and "HTTP 500" in message


def test_a_stalled_start_page_behind_missing_probes_exits_69(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with _dead_site(200, stall=3) as base:
        code, out, err = _crawl(db, f"{base}/news/", "--timeout", "1", "--read-timeout", "0.5")
    assert code == 69, (out, err)
    assert "too slow" in _last_run(db)["message"]


def test_a_robots_txt_refusing_the_start_url_behind_missing_probes_is_no_outage(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "a.db")
    robots = "User-agent: *\nDisallow: /news/\n"
    with _serve(502, robots=robots, missing=_MISSING) as base:
        code, out, err = _crawl(db, f"{base}/news/")
    assert code not in (0, 69), (out, err)
    assert "site down" not in _last_run(db)["message"] and "Traceback" not in err
