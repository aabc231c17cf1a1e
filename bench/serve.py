"""Benchmark of the web view: p95 of the search page and the article page, synthetic archive.

Builds the synthetic archive of `bench/access.py` (N articles with two versions each, default
100,000 / 200,000, fast path), then requests pages through the Flask application in process (no
network: the time is the view's and the archive's): 50 search pages (the searches of
`bench/access.py`, each with its facets and counts) and 50 article pages of random articles.
Prints median and 95th percentile of each (and of 5 statistics and changes pages); asserts
nothing.

    python bench/serve.py                    # SQLite, 100,000 articles
    python bench/serve.py --articles 20000   # smaller
    python bench/serve.py --pg               # PostgreSQL on 127.0.0.1:5432 (a scratch database)
    python bench/serve.py --cache /var/tmp/hubarchive-bench   # the archive bench/access.py kept
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from access import PG_SERVER, _run_sql, build, cached_archive, index_in_one_pass, vocabulary
from sqlalchemy import select

from schedules.web import create_app
from storage import search_ddl
from storage.schema import ArticleRow

REQUESTS = 50


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[int(0.95 * (len(ordered) - 1))]


def _timed(client: object, paths: list[str]) -> list[float]:
    timings = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        timings.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    return timings


def run(db_url: str, articles: int, *, built: bool = False) -> None:
    """Build the archive at `db_url` (unless `built`), then time its pages."""
    engine = db_url.split(":", 1)[0]
    print(f"hubarchive serve bench: {articles} articles, {2 * articles} versions, {engine}")
    if not built:
        dialect = "sqlite" if db_url.startswith("sqlite") else "postgresql"
        _run_sql(db_url, search_ddl.drop_trigger_statements(dialect))
        rate = build(db_url, articles)
        index_in_one_pass(db_url)
        print(f"built at {rate:,.0f} versions/s")
    rng = random.Random(7)
    words = vocabulary(random.Random(42))
    searches = []
    for i in range(REQUESTS):
        a, b = words[rng.randint(0, 300)], words[rng.randint(0, 3000)]
        params = [
            {"q": a},
            {"q": f"{a} {b}"},
            {"q": f'"{a} {b}"'},
            {"q": f"{b} OR {a}", "lang": "fr"},
            {"q": a, "sector": "digital"},
        ][i % 5]
        searches.append("/search?" + urlencode(params))
    app = create_app(db_url)
    client = app.test_client()
    picks = [rng.randrange(articles) + 1 for _ in range(REQUESTS)]
    with app.config["ENGINE"].connect() as connection:
        rows = connection.execute(
            select(ArticleRow.id, ArticleRow.url).where(ArticleRow.id.in_(picks))
        )
        found = dict(rows.all())
    articles_paths = ["/article?" + urlencode({"url": found[p]}) for p in picks if p in found]
    _timed(client, searches[:3] + articles_paths[:3])  # warm caches, as a running server has
    pages = (
        ("search page", searches),
        ("article page", articles_paths),
        ("stats page", ["/stats"] * 5),
        ("changes page", ["/changes"] * 5),
    )
    for name, paths in pages:
        timings = _timed(client, paths)
        print(
            f"{name} x{len(timings)}: median {statistics.median(timings) * 1000:.1f} ms, "
            f"p95 {_p95(timings) * 1000:.1f} ms"
        )
    app.config["ENGINE"].dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="the archive kept by bench/access.py --cache DIR (built there first when missing)",
    )
    args = parser.parse_args()
    if args.cache:
        run(cached_archive(Path(args.cache), args.pg, args.articles), args.articles, built=True)
        return
    with tempfile.TemporaryDirectory(prefix="hubarchive-bench-") as folder:
        if args.pg:
            import psycopg

            name = f"hubarchive_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            db_url = f"postgresql+psycopg://{PG_SERVER.split('://', 1)[1]}/{name}"
        else:
            db_url = f"sqlite:///{Path(folder) / 'archive.db'}"
        try:
            run(db_url, args.articles)
        finally:
            if args.pg:
                with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
