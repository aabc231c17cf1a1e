"""The web view in headless chromium: search and facets, a timeline, a diff, the stored hostile
page (no script runs, no request leaves 127.0.0.1), the statistics charts."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.changes.sites import NEW_BODY

from .browser import Browser, browser, require_chromium, serving
from .conftest import HOSTILE_PAGE, HOSTILE_URL, Archive


@pytest.fixture
def view(sqlite_archive: Archive) -> Iterator[tuple[Browser, str, Archive]]:
    require_chromium()
    with serving(sqlite_archive.app) as base_url, browser() as seen:
        yield seen, base_url, sqlite_archive


def test_search_and_facets(view: tuple[Browser, str, Archive]) -> None:
    seen, base, _ = view
    page = seen.page
    page.goto(f"{base}/search")
    page.fill("input[name=q]", "Mission")
    page.click("button[type=submit]")
    assert page.inner_text("#total").startswith("5 of 5")
    page.click("ul[data-facet=lang] a:text-is('en')")
    assert page.inner_text("#total").startswith("2 of 2")
    assert page.locator(".hit").count() == 2
    assert seen.outside(base) == []


def test_timeline_and_diff(view: tuple[Browser, str, Archive]) -> None:
    seen, base, archive = view
    page = seen.page
    page.goto(f"{base}/article?{urlencode({'url': archive.history.gone_url})}")
    kinds = page.locator(".timeline li").evaluate_all("items => items.map(i => i.className)")
    assert kinds == ["content", "gone"]
    page.goto(f"{base}/article?{urlencode({'url': archive.history.edited_url})}")
    page.click("form.compare button")
    inserted = page.locator(".diff .row.ins")
    assert NEW_BODY in inserted.first.inner_text()
    green = inserted.first.evaluate("e => getComputedStyle(e).backgroundColor")
    red = page.locator(".diff .row.del").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert green == "rgb(220, 245, 220)" and red == "rgb(253, 226, 226)"
    assert seen.outside(base) == []


def test_hostile_stored_page_runs_nothing_and_loads_nothing(
    view: tuple[Browser, str, Archive],
) -> None:
    seen, base, _ = view
    page = seen.page
    page.goto(f"{base}/article?{urlencode({'url': HOSTILE_URL})}")
    frame = page.frame_locator("iframe.raw")
    assert "Texte ordinaire" in frame.locator("body").inner_text()
    page.wait_for_timeout(500)  # a meta refresh or a late script would have acted by now
    assert page.title().startswith("Page hostile")
    assert "PWNED" not in page.inner_text("body")
    page.goto(f"{base}/raw?{urlencode({'url': HOSTILE_URL})}")
    page.wait_for_timeout(500)
    assert page.url.startswith(f"{base}/raw?")  # no refresh took the browser elsewhere
    assert page.title() == "stored page"
    assert page.evaluate("document.querySelectorAll('script, iframe, [onerror]').length") == 0
    assert seen.outside(base) == []


def test_the_hostile_page_would_run_without_the_view(
    view: tuple[Browser, str, Archive],
) -> None:
    """The control: the same bytes opened bare do run their script (so the test above can fail)."""
    seen, _, _ = view
    seen.page.route("http://127.0.0.2*/**", lambda route: route.abort())
    seen.page.set_content(HOSTILE_PAGE.replace('<meta http-equiv="refresh"', "<meta"))
    assert "PWNED" in seen.page.title()


def test_statistics_charts_are_drawn(view: tuple[Browser, str, Archive]) -> None:
    seen, base, _ = view
    page = seen.page
    page.goto(f"{base}/stats")
    for name in ("month", "sector", "lang"):
        chart = page.locator(f"#chart-{name} svg")
        assert chart.is_visible()
        assert chart.locator("rect.rect").count() > 0, name
    assert seen.outside(base) == []
