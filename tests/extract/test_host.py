"""`host_of` (the page's host, asked once per page by the extractor) reads ada's parse through
its `parse_url` function: the host must be the one `parse_url(url).hostname` gives, for any
URL, and '' where that gives none."""

from __future__ import annotations

import random

import pytest

from scraper.urls import host_of, parse_url


def _host_through_the_url_object(url: str) -> str:
    parsed = parse_url(url)
    return parsed.hostname.rstrip(".") if parsed is not None else ""


ODD_URLS = [
    "https://www.Example.ORG./a",
    "http://[::1]:8080/x",
    "https://bücher.example/",
    " https://x.org/ ",
    "https://user:pw@host.org/",
    "HTTPS://EXAMPLE.org",
    "ftp://x.org/",
    "mailto:a@b.c",
    "javascript:alert(1)",
    "https://",
    "//x.org/a",
    "https://a b.org/",
    "https://x.org:99999/",
    "https://x.org/\ud800",
    "",
    "   ",
]


@pytest.mark.parametrize("url", ODD_URLS)
def test_the_host_is_the_url_objects(url: str) -> None:
    assert host_of.__wrapped__(url) == _host_through_the_url_object(url)


def test_the_host_of_random_urls_is_the_url_objects() -> None:
    rng = random.Random(17)
    alphabet = "ab.:/[]%@ -_\\?#xn1Üé\u3000"
    for _ in range(3000):
        scheme = rng.choice(["http://", "https://", "", "ftp://", "//"])
        url = scheme + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 15)))
        assert host_of.__wrapped__(url) == _host_through_the_url_object(url), url
    assert host_of("https://www.example.org/a") == "www.example.org"
