"""Benchmark the archive: store N synthetic records (with pages) three times, print rates and sizes.

Passes: all NEW, then all UNCHANGED (same pages), then 1% CHANGED. Each record goes through
`store_record` with its capture, one transaction per --batch records, as the crawler would.
Prints records per second per pass, and archive bytes per article (raw pages included) on a
fresh SQLite file and on a fresh PostgreSQL database (created and dropped here).

    .venv/bin/python bench/archive.py                      # 10,000 records, SQLite + local PG
    .venv/bin/python bench/archive.py -n 2000 --no-pg
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from scraper.models import Article, Capture, Contact, QAPair, RelatedCard
from storage.archive import store_record
from storage.db import open_engine, transaction
from storage.schema import RawPage

WORDS = [
    "entreprise",
    "bruxelles",
    "export",
    "innovation",
    "start-up",
    "financement",
    "accompagnement",
    "région",
    "marché",
    "international",
    "croissance",
    "digital",
    "économie",
    "circulaire",
    "emploi",
    "talent",
    "projet",
    "réseau",
    "conseil",
    "stratégie",
    "investissement",
    "durable",
    "technologie",
    "partenaire",
]
T0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_record(i: int, *, edition: int = 0) -> Article:
    """Article `i`: ~3 kB of text, two Q&A pairs, a contact, six related cards; `edition` edits the lead."""
    rng = random.Random(i)
    lang = ("fr", "nl", "en")[i % 3]
    article = Article(
        url=f"https://hub.brussels/{lang}/blog/article-{i}/",
        lang=lang,
        title=_sentence(rng, 8),
        published=dt.date(2020, 1, 1) + dt.timedelta(days=i % 1800),
        sector="Digital",
        sector_key="digital",
        lead=_sentence(rng, 30) + (f" (mise à jour {edition})" if edition else ""),
        body="\n\n".join(_sentence(rng, 60) for _ in range(6)),
        qa=[QAPair(_sentence(rng, 8) + " ?", _sentence(rng, 50), "E.G.") for _ in range(2)],
        contacts=[
            Contact(
                name="Eric Gaspard",
                role="Conseiller",
                phones=["+3228004000"],
                emails=[f"contact{i}@hub.brussels"],
            )
        ],
        related=[
            RelatedCard(_sentence(rng, 6), f"https://hub.brussels/{lang}/blog/article-{j}/")
            for j in range(i + 1, i + 7)
        ],
        translations={},
    )
    return article


def make_page(article: Article) -> bytes:
    """A page of about 35 kB: the record's text inside repetitive site chrome, like a real page."""
    chrome = "".join(
        f'<li class="menu-item"><a href="/{article.lang}/page-{k}/">{WORDS[k % len(WORDS)]}'
        f"</a></li>"
        for k in range(300)
    )
    qa = "".join(f"<h3>{q.question}</h3><p>{q.answer}</p>" for q in article.qa)
    return (
        f"<!doctype html><html lang='{article.lang}'><head><title>{article.title}</title></head>"
        f"<body><nav><ul>{chrome}</ul></nav><main><h1>{article.title}</h1><p>{article.lead}</p>"
        f"<div>{article.body}</div>{qa}</main><footer>{chrome}</footer></body></html>"
    ).encode()


def run_pass(
    engine: Engine, n: int, *, day: int, changed: set[int], batch: int
) -> tuple[float, float, dict[str, int]]:
    """Store records 0..n-1 (editions bumped for `changed`): (wall seconds, CPU seconds, counts).

    Records and pages of a batch are built before its clock starts: only the archive is timed.
    """
    counts: dict[str, int] = {}
    when = T0 + dt.timedelta(days=day)
    seconds = cpu = 0.0
    for start in range(0, n, batch):
        work = []
        for i in range(start, min(n, start + batch)):
            article = make_record(i, edition=day if i in changed else 0)
            work.append(
                (
                    article,
                    Capture(
                        url=article.url,
                        status=200,
                        body=make_page(article),
                        fetched_at=when,
                        headers={
                            "Content-Type": "text/html; charset=UTF-8",
                            "ETag": f'"{i}-{day if i in changed else 0}"',
                        },
                    ),
                )
            )
        started, cpu_started = time.perf_counter(), time.process_time()
        with transaction(engine) as session:
            for article, capture in work:
                result = store_record(
                    session, article, seen_at=when, capture=capture, extractor_version="bench"
                )
                counts[result.status.value] = counts.get(result.status.value, 0) + 1
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    return seconds, cpu, counts


def archive_bytes(engine: Engine, path: Path | None) -> int:
    if path is not None:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.stat().st_size
    with engine.connect() as connection:
        return int(
            connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        )


def bench(
    name: str, url: str, n: int, *, changed_share: float, batch: int, path: Path | None
) -> None:
    engine = open_engine(url)
    try:
        empty = archive_bytes(engine, path)
        changed = set(random.Random(7).sample(range(n), max(1, int(n * changed_share))))
        print(f"\n{name}: {n} records, batches of {batch}")
        first_rate = None
        for label, day, edits in (
            ("new", 0, set()),
            ("unchanged", 1, set()),
            (f"{changed_share:.0%} changed", 2, changed),
        ):
            seconds, cpu, counts = run_pass(engine, n, day=day, changed=edits, batch=batch)
            rate = n / seconds
            first_rate = first_rate or rate
            size = archive_bytes(engine, path) - empty
            print(
                f"  pass {label:<12} {rate:6.0f} records/s ({rate / first_rate:4.2f}x pass 1), "
                f"{cpu / n * 1000:5.2f} ms CPU/record in Python, {size / n:6.0f} bytes/article  "
                f"{counts}"
            )
        with transaction(engine) as session:
            raw, packed = session.execute(
                select(func.sum(RawPage.size), func.sum(func.length(RawPage.body_z)))
            ).one()
        print(
            f"  raw pages: {raw / n:.0f} bytes/article as fetched, {packed / n:.0f} stored "
            f"(compression {raw / packed:.1f}x)"
        )
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=10_000, help="records per pass")
    parser.add_argument("--batch", type=int, default=500, help="records per transaction")
    parser.add_argument("--changed", type=float, default=0.01, help="share changed in pass 3")
    parser.add_argument(
        "--pg",
        default="postgresql://postgres@127.0.0.1:5432",
        help="PostgreSQL server URL (a database is created and dropped)",
    )
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        bench("SQLite", str(path), args.n, changed_share=args.changed, batch=args.batch, path=path)
    if args.no_pg:
        return
    import psycopg

    server = args.pg.replace("postgresql+psycopg://", "postgresql://").rstrip("/")
    name = f"hubarchive_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        bench(
            "PostgreSQL",
            f"{server}/{name}",
            args.n,
            changed_share=args.changed,
            batch=args.batch,
            path=None,
        )
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
