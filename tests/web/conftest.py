"""The web view's archive: two crawls of the fixture site with three changes between them, plus
one hostile stored page; served by the Flask test client or a real server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from flask import Flask

from schedules.web import create_app
from scraper.extract import extract_article
from scraper.models import Capture
from storage.archive import store_record
from storage.db import open_engine, transaction
from tests.changes.conftest import History, crawl_twice

HOSTILE_URL = "http://127.0.0.1:9/fr/news/hostile-page/"
#: where the hostile page tries to send the browser and its requests (nothing listens there)
ELSEWHERE = "http://127.0.0.2:9"
HOSTILE_PAGE = f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Page hostile - hub.brussels</title>
<meta http-equiv="refresh" content="0;url={ELSEWHERE}/refreshed">
<link rel="stylesheet" href="{ELSEWHERE}/style.css">
<script>parent.document.title = "PWNED"; top.document.body.innerHTML = "PWNED";
  fetch("{ELSEWHERE}/fetched");</script>
</head><body>
<article class="post"><h1 class="entry-title">Page hostile</h1>
<div class="entry-content">
<p class="lead"><strong>Une page qui essaie de lancer du script dans la vue.</strong></p>
<p>Texte ordinaire de la page, assez long pour être un article de plus de quelques mots.</p>
<img src="{ELSEWHERE}/pixel.png" onerror="parent.document.title='PWNED-onerror'">
<iframe src="{ELSEWHERE}/frame"></iframe>
<a href="javascript:parent.document.title='PWNED-link'">lien</a>
<svg onload="parent.document.title='PWNED-svg'"><circle r="4"/></svg>
</div></article>
<script>document.write('<img src="{ELSEWHERE}/written.png">')</script>
</body></html>"""


def store_hostile_page(db_url: str) -> None:
    """Archive HOSTILE_PAGE as a captured article (the way a crawl would keep it)."""
    body = HOSTILE_PAGE.encode("utf-8")
    article = extract_article(body, HOSTILE_URL)
    engine = open_engine(db_url, migrate=False)
    try:
        with transaction(engine) as session:
            now = dt.datetime.now(dt.UTC)
            capture = Capture(
                url=HOSTILE_URL,
                status=200,
                body=body,
                fetched_at=now,
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
            store_record(session, article, seen_at=now, capture=capture)
    finally:
        engine.dispose()


@dataclass
class Archive:
    history: History
    app: Flask

    @property
    def db_url(self) -> str:
        return self.history.db_url


def _archive(db_url: str) -> Iterator[Archive]:
    for history in crawl_twice(db_url):
        store_hostile_page(db_url)
        app = create_app(db_url, view_url="http://view.test")
        try:
            yield Archive(history, app)
        finally:
            app.config["ENGINE"].dispose()


@pytest.fixture
def archive(db_url: str) -> Iterator[Archive]:
    """The view's archive on SQLite and on PostgreSQL."""
    yield from _archive(db_url)


@pytest.fixture
def sqlite_archive(sqlite_url: str) -> Iterator[Archive]:
    yield from _archive(sqlite_url)
