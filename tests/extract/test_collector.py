"""`extract_article` pauses Python's cycle collector while it reads a page and leaves it as it
found it: on when it was on (even when the reading fails), off when the caller turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import scraper.extract.article as article
from scraper.extract import extract_article

PAGE = (
    b"<html><body><h1>Titre</h1><p>Un paragraphe assez long pour faire un texte.</p></body></html>"
)


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_while_a_page_is_read_and_on_after(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    read = article._extract

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article, "_extract", spy)
    record = extract_article(PAGE, "https://example.org/a/")
    assert record.title == "Titre"
    assert seen == [False]
    assert gc.isenabled()


def test_a_failing_read_leaves_the_collector_on(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(article, "_extract", fail)
    with pytest.raises(RuntimeError):
        extract_article(PAGE, "https://example.org/a/")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        extract_article(PAGE, "https://example.org/a/")
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
