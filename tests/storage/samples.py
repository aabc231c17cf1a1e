"""Records and captures built by hand for the archive tests (the extractor is not needed here)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from scraper.models import Article, Capture, Contact, QAPair, RelatedCard

T0 = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)


def day(n: int) -> dt.datetime:
    """T0 plus `n` days: the capture dates of the tests."""
    return T0 + dt.timedelta(days=n)


def make_article(
    url: str = "https://hub.brussels/fr/blog/silicon-valley/", **changes: Any
) -> Article:
    """A complete record like the seed article's; `changes` override fields."""
    fields: dict[str, Any] = {
        "lang": "fr",
        "title": "Prêt.e pour la Silicon Valley ?",
        "published": dt.date(2025, 2, 20),
        "sector": "Digital",
        "sector_key": "digital",
        "lead": "Eric Gaspard accompagne les start-ups bruxelloises vers la Silicon Valley.",
        "body": "Premier paragraphe.\n\nDeuxième paragraphe, plus long que le premier.",
        "qa": [
            QAPair("Pourquoi la Silicon Valley ?", "Parce que tout y commence.", "Eric Gaspard"),
            QAPair("Combien d'entreprises ?", "Douze cette année.", "E.G."),
        ],
        "contacts": [
            Contact(
                name="Eric Gaspard",
                role="Conseiller",
                phones=["+3228004000"],
                emails=["eric@hub.brussels"],
            )
        ],
        "related": [
            RelatedCard(
                "Autre nouvelle",
                "https://hub.brussels/fr/blog/autre/",
                "Export",
                dt.date(2025, 1, 5),
            )
        ],
        "translations": {"nl": "https://hub.brussels/nl/blog/silicon-valley/"},
        "sources": {"title": "jsonld"},
    }
    fields.update(changes)
    return Article(url=url, **fields)


def make_capture(
    url: str,
    body: bytes,
    when: dt.datetime,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Capture:
    """An HTTP exchange as the crawler would hand it over."""
    return Capture(
        url=url,
        status=status,
        body=body,
        fetched_at=when,
        headers=headers if headers is not None else {"Content-Type": "text/html; charset=utf-8"},
        request_headers={"User-Agent": "hubarchive-test"},
        elapsed_ms=12,
    )


_RECORD = re.compile(rb'<script type="application/json" id="record">(.*?)</script>', re.DOTALL)


def page_of(article: Article, *, chrome: str = "") -> bytes:
    """An HTML page carrying `article` for `fake_extract`; `chrome` is page noise outside the record."""
    record = json.dumps(article.to_dict(), ensure_ascii=False)
    return (
        f"<html><head><title>{article.title}</title></head><body>{chrome}"
        f'<script type="application/json" id="record">{record}</script></body></html>'
    ).encode()


def fake_extract(html: bytes, url: str, *, encoding: str | None = None) -> Article:
    """A stand-in for `scraper.extract.extract_article`: reads the record `page_of` embedded."""
    found = _RECORD.search(html)
    if found is None:
        raise ValueError(f"no record in the page of {url}")
    return Article.from_dict({**json.loads(found.group(1).decode(encoding or "utf-8")), "url": url})


def rerun_migrations(engine: Any, since: str) -> None:
    """Downgrade the archive to revision `since`, then upgrade it to head again (what an archive
    created before the later revisions goes through)."""
    from alembic import command
    from alembic.config import Config

    from storage.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, since)
        command.upgrade(config, "head")
        connection.commit()


ROOT = Path(__file__).resolve().parents[2]
#: The exit status of a process killed by `die_while_storing` (not a Python error's 1).
CRASH_STATUS = 9


def die_while_storing(
    db_url: str, imports: str, store: str, *, at: str = "INSERT INTO CONTACTS"
) -> int:
    """Run `store` (Python, inside `with transaction(engine) as session:`) in a fresh process on
    the archive at `db_url`, and kill that process (no rollback, no cleanup) when it sends a
    statement starting with `at`: a real crash mid-store. `imports` are the script's imports.
    Returns the process's exit status (`CRASH_STATUS` when it died there)."""
    body = textwrap.indent(textwrap.dedent(store).strip(), "    ")
    script = (
        "import os\n"
        "from sqlalchemy import event\n"
        "from storage.db import open_engine, transaction\n"
        f"{textwrap.dedent(imports).strip()}\n\n"
        f"engine = open_engine({db_url!r})\n\n"
        "def die(_conn, _cursor, statement, *_args):\n"
        f"    if statement.lstrip().upper().startswith({at.upper()!r}):\n"
        f"        os._exit({CRASH_STATUS})\n\n"
        'event.listen(engine, "before_cursor_execute", die)\n'
        "with transaction(engine) as session:\n"
        f"{body}\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    assert done.returncode == CRASH_STATUS, done.stderr.decode()
    return done.returncode
