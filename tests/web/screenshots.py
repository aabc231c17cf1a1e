"""Screenshots of the web view's main pages for the README: `python -m tests.web.screenshots docs/`.

Builds the web tests' archive (two crawls of the fixture site, three changes, a hostile page) in
a temporary folder, serves it on 127.0.0.1 and photographs each page with headless chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from schedules.web import create_app
from tests.changes.conftest import crawl_twice

from .browser import browser, serving
from .conftest import HOSTILE_URL, store_hostile_page


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for history in crawl_twice(f"sqlite:///{tmp}/archive.db"):
            store_hostile_page(history.db_url)
            app = create_app(history.db_url)
            pages = {
                "search": "/search?q=Mission",
                "article": f"/article?{urlencode({'url': history.edited_url})}",
                "diff": f"/diff?{urlencode({'url': history.edited_url, 'from': 1, 'to': 2})}",
                "raw": f"/article?{urlencode({'url': HOSTILE_URL})}",
                "changes": "/changes",
                "stats": "/stats",
            }
            with serving(app) as base, browser() as seen:
                for name, path in pages.items():
                    seen.page.goto(base + path)
                    target = out / f"screenshot-{name}.png"
                    seen.page.screenshot(path=str(target), full_page=name != "stats")
                    print(target)
                outside = seen.outside(base)
                if outside:
                    raise SystemExit(f"requests left the view: {outside}")
            app.config["ENGINE"].dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
