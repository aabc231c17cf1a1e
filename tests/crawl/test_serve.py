"""The README's one-command demo: serve the fixture site and crawl it into a fresh archive."""

from __future__ import annotations

from pathlib import Path

from .conftest import archived
from .serve import main


def test_demo_serves_and_crawls_into_a_fresh_archive(tmp_path: Path) -> None:
    archive = tmp_path / "demo.db"
    assert main(["--articles", "6", "--crawl-into", str(archive)]) == 0
    urls = archived(f"sqlite:///{archive}")
    assert len(urls) == 5, "six articles, one of them behind robots.txt"
    assert {url.split("/")[3] for url in urls} == {"fr", "nl", "en"}
