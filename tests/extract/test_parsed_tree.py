"""The parsed-tree entry point (`parse_html` + `extract_parsed`, what the crawl uses to parse a
page once for extraction and its listing check) gives the record `extract_article` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extract import extract_article, extract_parsed, parse_html
from scraper.sites import load_profile

PAGES = sorted((Path(__file__).parents[1] / "fixtures" / "pages").glob("*.html"))


@pytest.mark.parametrize("path", PAGES[::6], ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", [None, "windows-1252"])
def test_the_parsed_tree_gives_the_record_of_the_html(path: Path, encoding: str | None) -> None:
    html = path.read_bytes()
    url = f"https://example.org/{path.stem}/"
    profile = load_profile("base")
    expected = extract_article(html, url, encoding=encoding, profile=profile).to_dict()
    got = extract_parsed(parse_html(html, encoding=encoding), url, profile=profile).to_dict()
    assert got == expected, {k: (expected[k], got[k]) for k in expected if expected[k] != got[k]}


def test_extraction_leaves_the_tree_as_it_was() -> None:
    """Another reader of the same tree (the listing check) sees the page, not what extraction
    made of it."""
    parsed = parse_html(PAGES[0].read_bytes())
    before = str(parsed.soup)
    extract_parsed(parsed, "https://example.org/a-page/")
    assert str(parsed.soup) == before
