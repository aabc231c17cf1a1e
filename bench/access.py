"""Benchmark of the reading side: search latency, export throughput and memory, synthetic archive.

Builds archives of N synthetic articles with two versions each (default 5,000, 25,000 and 100,000
articles: 10k, 50k and 200k versions), and on each prints p50 / p95 / p99 of a mix of searches per
query kind (words drawn by their frequency, the 1 % most common apart, phrases, prefixes, OR,
every filter, `--as-of`); on the largest, for each export format the versions per second (wall,
and per CPU second of the export process plus, on PostgreSQL, its server backend: on a shared
machine wall time mostly measures the queue for a core) and the peak resident memory of the export
process (the library's `export_archive` in a child process, measured with os.wait4), once over a
tenth of the archive and once over all of it: flat memory means the two peaks are close. Prints
figures, asserts nothing.

Fast path (documented): rows are built with `storage.rows` (`version_values`, `qa_values`,
`contact_values`, `content_hash`), the helpers `store_records` uses, and inserted in executemany
batches of 1,000 articles, without the lookups of `store_records`; the search index is then built
in one pass (`storage.search.rebuild_index`, the SQL a store runs for its versions).

    python bench/access.py                          # SQLite, 10k, 50k and 200k versions
    python bench/access.py --articles 20000         # one size
    python bench/access.py --pg                     # PostgreSQL on 127.0.0.1:5432 (scratch databases)
    python bench/access.py --archive sqlite:///big.db --no-exports   # an archive built before
    python bench/access.py --cache /var/tmp/hubarchive-bench --no-exports   # build once, reuse

With `--cache DIR` each size is built once and kept (SQLite: `DIR/access-N.db`; PostgreSQL: the
database `hubarchive_bench_N`), then reused by later runs of this script and of `bench/serve.py`
(an archive at an older revision is migrated when opened).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from scraper.models import Article, Contact, QAPair
from storage import search_ddl
from storage.db import open_engine, transaction, upgrade
from storage.export import export_archive
from storage.rows import (
    changed_fields,
    contact_values,
    content_hash,
    qa_values,
    version_values,
)
from storage.schema import ArticleRow, ContactRow, QARow, VersionRow
from storage.search import rebuild_index, search
from storage.selection import Filters

PG_SERVER = os.environ.get("HUBARCHIVE_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
LANGS = ("fr", "nl", "en")
SECTORS = (
    ("Digital", "digital"),
    ("Santé & soins", "health"),
    ("Multisecteurs", "multisector"),
    ("Commerce", "retail"),
    ("Industrie", "industry"),
)
SPEAKERS = ("Eric Gabrys", "Anne Dupont", "Jan Peeters", "Sara Janssens", None)


def vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyzéè"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]


def synthetic(n: int, rng: random.Random, words: list[str], weights: list[float]) -> Article:
    def text(count: int) -> str:
        # Zipf-like: some words are everywhere, most are rare
        return " ".join(rng.choices(words, cum_weights=weights, k=count))

    sector, key = SECTORS[n % len(SECTORS)]
    qa = [
        QAPair(question=text(12) + " ?", answer=text(60), speaker=rng.choice(SPEAKERS))
        for _ in range(rng.choice((0, 0, 2, 4)))
    ]
    return Article(
        url=f"https://hub.brussels/{LANGS[n % 3]}/blog/article-{n}/",
        lang=LANGS[n % 3],
        title=text(8).capitalize(),
        published=dt.date(2020, 1, 1) + dt.timedelta(days=n % 2000),
        sector=sector,
        sector_key=key,
        lead=text(40),
        body="\n\n".join(text(80) for _ in range(4)),
        qa=qa,
        contacts=[
            Contact(
                name=rng.choice(SPEAKERS[:4]),
                role="Office",
                phones=["+3225480000"],
                emails=["info@hub.brussels"],
            )
        ]
        if n % 4 == 0
        else [],
        sources={"title": "jsonld", "body": "html"},
    )


def _run_sql(db_url: str, statements: tuple[str, ...]) -> None:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        for statement in statements:
            session.execute(text(statement))
    engine.dispose()


def index_in_one_pass(db_url: str) -> float:
    """Rebuild the search index from all versions and recreate its triggers; returns seconds."""
    start = time.perf_counter()
    engine = open_engine(db_url)
    with transaction(engine) as session:
        rebuild_index(session)
        for statement in search_ddl.trigger_statements(engine.dialect.name):
            session.execute(text(statement))
    # fresh statistics, and on PostgreSQL the visibility map as autovacuum would leave it (off
    # on some servers: index-only scans then read every heap page)
    maintenance = "VACUUM (ANALYZE)" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(maintenance)
    advance_sequences(engine)
    engine.dispose()
    return time.perf_counter() - start


def advance_sequences(engine: Engine) -> None:
    """On PostgreSQL, move each id sequence past the ids `build` wrote itself, so that records
    stored later (`bench/archive.py --into`) get fresh ids; SQLite needs nothing."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for row in (ArticleRow, VersionRow, QARow, ContactRow):
            table = row.__tablename__
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" GREATEST((SELECT max(id) FROM {table}), 1))"
            )


def build(db_url: str, articles: int, batch: int = 1000) -> float:
    """Store `articles` records with two versions each; returns versions per second."""
    rng = random.Random(42)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    engine = open_engine(db_url)
    first = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    second = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    start = time.perf_counter()
    for offset in range(0, articles, batch):
        rows: dict[type, list[dict[str, Any]]] = {
            ArticleRow: [],
            VersionRow: [],
            QARow: [],
            ContactRow: [],
        }
        for n in range(offset, min(offset + batch, articles)):
            v1 = synthetic(n, rng, words, weights)
            v2 = Article(**{**v1.__dict__, "body": v1.body + " " + words[n % len(words)]})
            rows[ArticleRow].append(
                {
                    "id": n + 1,
                    "url": v1.url,
                    "lang": v1.lang,
                    "first_seen": first,
                    "last_seen": second,
                    "last_changed": second,
                    "status": "live",
                    "current_version": 2,
                    "content_hash": content_hash(v2),
                }
            )
            previous: dict[str, Any] = {}
            for seq, record, seen in ((1, v1, first), (2, v2, second)):
                version_id = 2 * n + seq
                rows[VersionRow].append(
                    {
                        "id": version_id,
                        "article_id": n + 1,
                        "seq": seq,
                        "seen_at": seen,
                        "content_hash": content_hash(record),
                        "extractor_version": "1",
                        "changed_fields": changed_fields(previous, record.content_dict()),
                        **version_values(record),
                    }
                )
                rows[QARow] += qa_values(record, version_id)
                rows[ContactRow] += contact_values(record, version_id)
                previous = record.content_dict()
        with transaction(engine) as session:
            for table, values in rows.items():
                if values:
                    session.execute(insert(table), values)
        print(f"\r  built {min(offset + batch, articles):>7}/{articles}", end="", file=sys.stderr)
    print(file=sys.stderr)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return 2 * articles / elapsed


#: Queries timed per kind.
QUERIES_PER_KIND = 20


def query_mix(rng: random.Random, words: list[str]) -> list[tuple[str, str, Filters]]:
    """(kind, query, filters) of a realistic mix: words drawn by their frequency in the archive
    (Zipf, as `synthetic` writes them), the 1 % most common apart, phrases, prefixes, OR, every
    filter and `--as-of`."""
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    top = words[: len(words) // 100]  # the 1 % most common words: in most documents

    def drawn() -> str:
        return rng.choices(words, cum_weights=weights, k=1)[0]

    def rare() -> str:
        return words[rng.randint(len(words) // 5, len(words) - 1)]

    makers: dict[str, Any] = {
        "common word (top 1 %)": lambda: (rng.choice(top), Filters()),
        "word by frequency": lambda: (drawn(), Filters()),
        "rare word": lambda: (rare(), Filters()),
        "two words": lambda: (f"{drawn()} {drawn()}", Filters()),
        "phrase of two common words": lambda: (f'"{rng.choice(top)} {rng.choice(top)}"', Filters()),
        "prefix": lambda: (drawn()[:3] + "*", Filters()),
        "OR, -word, lang": lambda: (f"{drawn()} OR {rare()} -{rare()}", Filters(lang="fr")),
        "word + sector + dates": lambda: (
            drawn(),
            Filters(
                sector="digital",
                published_from=dt.date(2021, 1, 1),
                published_to=dt.date(2023, 12, 31),
            ),
        ),
        "word + speaker + has-qa": lambda: (drawn(), Filters(speaker="Gabrys", has_qa=True)),
        "word + status live": lambda: (drawn(), Filters(status="live")),
        "word + as-of + sector": lambda: (
            drawn(),
            Filters(as_of=dt.date(2025, 3, 1), sector="health"),
        ),
    }
    return [(kind, *make()) for _ in range(QUERIES_PER_KIND) for kind, make in makers.items()]


def _server_cpu(pid: int | None) -> float:
    """CPU seconds the PostgreSQL backend `pid` has run (Linux schedstat, nanoseconds), 0 when
    unknown (another host, no /proc)."""
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def time_searches(db_url: str) -> dict[str, list[tuple[float, float]]]:
    """(wall seconds, CPU seconds) of each search of the mix, by kind.

    CPU time is the search's own cost, whatever else the machine runs (wall time includes
    waiting for a core): this process's, plus on PostgreSQL that of its server backend when the
    server runs on this machine (read from /proc).
    """
    mix = query_mix(random.Random(7), vocabulary(random.Random(42)))
    engine = open_engine(db_url)
    timings: dict[str, list[tuple[float, float]]] = {}
    with engine.connect() as connection:  # one pooled connection: the same backend throughout
        backend = (
            None
            if engine.dialect.name == "sqlite"
            else connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        )
    with transaction(engine) as session:
        search(session, mix[0][1], mix[0][2], limit=20)  # warm the connection and the cache
    for kind, query, filters in mix:
        with transaction(engine) as session:
            start, cpu = time.perf_counter(), time.process_time() + _server_cpu(backend)
            search(session, query, filters, limit=20)
            timings.setdefault(kind, []).append(
                (
                    time.perf_counter() - start,
                    time.process_time() + _server_cpu(backend) - cpu,
                )
            )
    engine.dispose()
    return timings


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values` (`share` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def print_searches(timings: dict[str, list[tuple[float, float]]]) -> None:
    every = [t for values in timings.values() for t in values]
    print(
        f"search, {QUERIES_PER_KIND} queries per kind, ms:  "
        "wall p50      p95      p99 | CPU p50      p95      p99"
    )
    for kind, values in [*timings.items(), ("all kinds", every)]:
        cells = [
            percentile([v[column] for v in values], q) * 1000
            for column in (0, 1)
            for q in (0.5, 0.95, 0.99)
        ]
        print(
            f"  {kind:<32} "
            + " ".join(f"{c:8.1f}" for c in cells[:3])
            + " |"
            + " ".join(f"{c:8.1f}" for c in cells[3:])
        )


def export_child(db_url: str, fmt: str, out: str, limit: int) -> None:
    """Run in a child process: one export through the library; prints the versions written and
    the CPU seconds its PostgreSQL backend ran (0 on SQLite)."""
    engine = open_engine(db_url)
    with transaction(engine) as session:
        backend = (
            None
            if engine.dialect.name == "sqlite"
            else session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        )
        server = _server_cpu(backend)
        report = export_archive(session, Path(out), fmt, all_versions=True, limit=limit or None)
        server = _server_cpu(backend) - server
    engine.dispose()
    print(report.versions, server)


def export_run(
    db_url: str, fmt: str, out: Path, limit: int | None
) -> tuple[float, float, int, float]:
    """(seconds, peak RSS MiB, versions, CPU seconds) of one export, run in its own process.

    CPU seconds are the child's own (user + system) plus, on PostgreSQL, its server backend's
    (read from /proc when the server runs on this machine): on a loaded machine the wall time
    includes waiting for a core, the CPU time does not."""
    args = [
        sys.executable,
        __file__,
        "--export-child",
        fmt,
        str(out),
        "--db",
        db_url,
        "--limit",
        str(limit or 0),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    if status != 0:
        errors = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"export {fmt} failed: {errors}")
    versions, server = output.split()[-2:]
    cpu = usage.ru_utime + usage.ru_stime + float(server)
    return elapsed, usage.ru_maxrss / 1024, int(versions), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        action="append",
        help="archive size in articles, two versions each (repeatable; default 5,000, 25,000 "
        "and 100,000: 10k, 50k and 200k versions)",
    )
    parser.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument(
        "--archive", help="measure this archive (built earlier by this script) instead of building"
    )
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="keep each archive built (SQLite files in DIR, PostgreSQL databases "
        "hubarchive_bench_N) and reuse it in later runs",
    )
    parser.add_argument(
        "--pg-prefix",
        default="hubarchive_bench",
        metavar="NAME",
        help="name prefix of the kept PostgreSQL databases (NAME_N; default hubarchive_bench), "
        "so that people sharing a server keep apart",
    )
    parser.add_argument("--no-searches", action="store_true", help="exports only")
    parser.add_argument("--no-exports", action="store_true", help="searches only")
    parser.add_argument(
        "--export-child", nargs=2, metavar=("FORMAT", "DIR"), help=argparse.SUPPRESS
    )
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child(args.db, args.export_child[0], args.export_child[1], args.limit)
        return
    sizes = args.articles or [5_000, 25_000, 100_000]
    with tempfile.TemporaryDirectory(prefix="hubarchive-bench-") as folder:
        work = Path(folder)
        if args.archive:
            measure(args.archive, work, args, exports=not args.no_exports)
            return
        for articles in sizes:
            exports = articles == max(sizes) and not args.no_exports
            if args.cache:
                db_url = cached_archive(Path(args.cache), args.pg, articles, args.pg_prefix)
                measure(db_url, work, args, exports=exports)
                continue
            with scratch_archive(work, args.pg) as db_url:
                build_and_index(db_url, articles)
                measure(db_url, work, args, exports=exports)


def _versions(db_url: str) -> int:
    engine = open_engine(db_url, migrate=False)
    upgrade(engine)  # an archive kept by an older revision of hubarchive
    with transaction(engine) as session:
        versions = session.scalar(select(func.count()).select_from(VersionRow)) or 0
    engine.dispose()
    return versions


def cached_archive(folder: Path, pg: bool, articles: int, prefix: str = "hubarchive_bench") -> str:
    """The URL of the kept archive of `articles` articles, built first when missing or partial."""
    if not pg:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"access-{articles}.db"
        db_url = f"sqlite:///{path}"
        if path.exists() and _versions(db_url) == 2 * articles:
            return db_url
        path.unlink(missing_ok=True)
        build_and_index(db_url, articles)
        return db_url
    import psycopg

    name = f"{prefix}_{articles}"
    db_url = f"postgresql+psycopg://{PG_SERVER.split('://', 1)[1]}/{name}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        known = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if known and _versions(db_url) == 2 * articles:
        return db_url
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    build_and_index(db_url, articles)
    return db_url


@contextmanager
def scratch_archive(work: Path, pg: bool) -> Iterator[str]:
    """A fresh archive URL: a SQLite file under `work`, or a PostgreSQL database dropped after."""
    if not pg:
        path = work / f"archive-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    import psycopg

    name = f"hubarchive_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{PG_SERVER.split('://', 1)[1]}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_and_index(db_url: str, articles: int) -> None:
    dialect = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    _run_sql(db_url, search_ddl.drop_trigger_statements(dialect))
    rate = build(db_url, articles)
    seconds = index_in_one_pass(db_url)
    print(
        f"build {articles:,} articles (fast path): {rate:,.0f} versions/s; "
        f"search index in one pass: {seconds:.0f} s ({2 * articles / seconds:,.0f} versions/s)"
    )


def measure(db_url: str, work: Path, args: argparse.Namespace, *, exports: bool) -> None:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        versions = session.scalar(select(func.count()).select_from(VersionRow)) or 0
    engine.dispose()
    print(f"\nhubarchive access bench: {versions:,} versions, {db_url.split(':', 1)[0]}")
    if db_url.startswith("sqlite"):
        size = Path(db_url.split(":///", 1)[1]).stat().st_size
        print(f"archive size: {size / 2**20:,.0f} MiB")
    if not args.no_searches:
        print_searches(time_searches(db_url))
    if not exports:
        return
    for fmt in ("jsonl", "csv", "parquet"):
        small = export_run(db_url, fmt, work / f"{fmt}-small", limit=max(1, versions // 10))
        full = export_run(db_url, fmt, work / fmt, limit=None)
        print(
            f"export {fmt:<8}: {full[2] / full[0]:,.0f} versions/s over {full[2]:,} versions "
            f"(CPU {full[2] / full[3]:,.0f} /s; over 10 %: {small[2] / small[0]:,.0f} /s, "
            f"CPU {small[2] / small[3]:,.0f} /s); peak RSS {full[1]:.0f} MiB "
            f"(vs {small[1]:.0f} MiB over {small[2]:,} versions)"
        )


if __name__ == "__main__":
    main()
