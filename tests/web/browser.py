"""A real headless browser on the web view: Debian's /usr/bin/chromium driven by Playwright, every
request the pages make counted from the browser's own request events."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"


def require_chromium() -> None:
    """Skip (with the reason) when chromium or Playwright is missing; in CI, fail instead."""
    problem = None
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        problem = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright is not installed (pip install -e '.[test]')"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests need chromium in CI: {problem}")
        pytest.skip(problem)


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """`app` on a real server at 127.0.0.1 (a free port) for the block; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Browser:
    """A page of headless chromium with the URL of every request any of its frames made."""

    page: Any
    requests: list[str] = field(default_factory=list)

    def outside(self, base_url: str) -> list[str]:
        """Requests that went anywhere but the view (data: URLs never leave the browser)."""
        return [u for u in self.requests if not u.startswith((base_url, "data:", "about:"))]


@contextmanager
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
            args=["--no-sandbox"],  # root in CI containers; the page sandbox is what is tested
        )
        try:
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            seen = Browser(page)
            page.on("request", lambda req: seen.requests.append(req.url))
            yield seen
        finally:
            chromium.close()
