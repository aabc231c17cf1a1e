"""Benchmark the archive: store N synthetic records (with pages) three times, print rates and sizes.

Passes: all NEW, then all UNCHANGED (same pages), then 1% CHANGED. Records go through
`store_records` with their captures, one batch and one transaction per --batch records, as the
crawler would. The same passes through the one-record path (`store_record`, one SAVEPOINT per
record) run in the same process over the first --one-record records, in a second archive, and
each batch rate is printed with its ratio to that. Prints records per second per pass, CPU time
per record (this process's, and the PostgreSQL backend's when the server runs on this machine:
under load, wall rates mostly measure the wait for a core), and archive bytes per article (raw
pages included) on a fresh SQLite file and on a fresh PostgreSQL database (created and dropped
here). `-n 10000 -n 100000` measures both sizes (no slowdown with size
beyond log n is the goal); 100,000 takes a while on a shared machine.

    .venv/bin/python bench/archive.py                      # 10,000 records, SQLite + local PG
    .venv/bin/python bench/archive.py -n 10000 -n 100000   # both sizes
    .venv/bin/python bench/archive.py -n 2000 --no-pg
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from access import _server_cpu as server_cpu  # noqa: E402  (the backend's CPU time, from /proc)

from scraper.models import Article, Capture, Contact, QAPair, RelatedCard  # noqa: E402
from storage.archive import RecordToStore, StoreFailure, store_record, store_records  # noqa: E402
from storage.db import open_engine, transaction  # noqa: E402
from storage.schema import RawPage  # noqa: E402

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
    # one `choices` call: drawing word by word made building the records most of a run's time
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


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


@functools.cache
def _chrome(lang: str | None) -> str:
    """The site's menu, the same on every page of a language."""
    return "".join(
        f'<li class="menu-item"><a href="/{lang}/page-{k}/">{WORDS[k % len(WORDS)]}</a></li>'
        for k in range(300)
    )


def make_page(article: Article) -> bytes:
    """A page of about 35 kB: the record's text inside repetitive site chrome, like a real page."""
    chrome = _chrome(article.lang)
    qa = "".join(f"<h3>{q.question}</h3><p>{q.answer}</p>" for q in article.qa)
    return (
        f"<!doctype html><html lang='{article.lang}'><head><title>{article.title}</title></head>"
        f"<body><nav><ul>{chrome}</ul></nav><main><h1>{article.title}</h1><p>{article.lead}</p>"
        f"<div>{article.body}</div>{qa}</main><footer>{chrome}</footer></body></html>"
    ).encode()


def run_pass(
    engine: Engine,
    n: int,
    *,
    day: int,
    changed: set[int],
    batch: int,
    one_record: bool = False,
    first: int = 0,
) -> tuple[float, float, float, dict[str, int]]:
    """Store records first..first+n-1 (editions bumped for `changed`): (wall seconds, CPU seconds of this
    process, CPU seconds of the PostgreSQL backend when it runs on this machine, counts).

    Records and pages of a batch are built before its clock starts: only the archive is timed.
    `one_record` stores them through `store_record`, one at a time, instead of `store_records`.
    """
    counts: dict[str, int] = {}
    when = T0 + dt.timedelta(days=day)
    seconds = cpu = server = 0.0
    for start in range(first, first + n, batch):
        work = []
        for i in range(start, min(first + n, start + batch)):
            article = make_record(i, edition=day if i in changed else 0)
            capture = Capture(
                url=article.url,
                status=200,
                body=make_page(article),
                fetched_at=when,
                headers={
                    "Content-Type": "text/html; charset=UTF-8",
                    "ETag": f'"{i}-{day if i in changed else 0}"',
                },
            )
            work.append(RecordToStore(article, when, capture))
        with transaction(engine) as session:
            backend = _backend(session)  # before the clocks: one statement per batch
            server_started = server_cpu(backend)
            started, cpu_started = time.perf_counter(), time.process_time()
            if one_record:
                statuses = [
                    store_record(
                        session,
                        r.article,
                        seen_at=when,
                        capture=r.capture,
                        extractor_version="bench",
                    ).status.value
                    for r in work
                ]
            else:
                statuses = [
                    "failed" if isinstance(r, StoreFailure) else r.status.value
                    for r in store_records(session, work, extractor_version="bench")
                ]
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        server += server_cpu(backend) - server_started
        for status in statuses:
            counts[status] = counts.get(status, 0) + 1
    return seconds, cpu, server, counts


#: First record number stored by `--into`: above any number an archive built by these benches holds.
INTO_FIRST = 10_000_000


def _backend(session: Any) -> int | None:
    """The process id of the PostgreSQL backend serving `session` (None on SQLite, whose work
    is this process's own CPU time)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def archive_bytes(engine: Engine, path: Path | None) -> int:
    if path is not None:
        # outside any transaction (a checkpoint inside one is "locked"): the raw connection runs
        # in autocommit, the archive's BEGIN IMMEDIATE hook is not involved
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        return path.stat().st_size
    with engine.connect() as connection:
        return int(
            connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        )


PASSES = ("new", "unchanged", "changed")


def bench(
    name: str,
    url: str,
    n: int,
    *,
    changed_share: float,
    batch: int,
    path: Path | None,
    one_record: dict[str, float] | None = None,
    first: int = 0,
) -> dict[str, float]:
    """Run the three passes over `n` records; returns records/s per pass.

    With `one_record` (rates of the one-record path), prints each rate's ratio to it.
    """
    engine = open_engine(url)
    rates: dict[str, float] = {}
    try:
        empty = archive_bytes(engine, path)
        changed = set(
            random.Random(7).sample(range(first, first + n), max(1, int(n * changed_share)))
        )
        path_name = "store_records" if one_record is not None else "store_record (one-record)"
        print(f"\n{name}: {n:,} records through {path_name}, batches of {batch}")
        for label, day, edits in zip(PASSES, (0, 1, 2), (set(), set(), changed), strict=True):
            seconds, cpu, server, counts = run_pass(
                engine,
                n,
                day=day,
                changed=edits,
                batch=batch,
                one_record=one_record is None and not first,
                first=first,
            )
            rates[label] = rate = n / seconds
            size = archive_bytes(engine, path) - empty
            ratio = f" ({rate / one_record[label]:5.1f}x one-record)" if one_record else ""
            shown = f"{changed_share:.0%} changed" if label == "changed" else label
            print(
                f"  pass {shown:<12} {rate:7,.0f} records/s{ratio}, "
                f"{cpu / n * 1000:5.2f} ms CPU/record in Python"
                + (f" + {server / n * 1000:5.2f} in the server" if server else "")
                + f", {size / n:6.0f} bytes/article  "
                f"{counts}"
            )
        if first:
            return rates  # the archive's other pages would count in the line below
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
    return rates


def both_paths(name: str, make_url: Any, args: argparse.Namespace) -> None:
    """The one-record baseline over --one-record records, then store_records at each size."""
    with make_url() as (url, path):
        baseline = bench(
            name, url, args.one_record, changed_share=args.changed, batch=args.batch, path=path
        )
    for n in args.n or [10_000]:
        with make_url() as (url, path):
            bench(
                name,
                url,
                n,
                changed_share=args.changed,
                batch=args.batch,
                path=path,
                one_record=baseline,
            )


@contextmanager
def sqlite_archive() -> Iterator[tuple[str, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        yield str(path), path


def _sqlite_path(url: str) -> Path | None:
    """The file of a SQLite archive URL (or plain path), None for a server's."""
    if "://" not in url:
        return Path(url)
    parsed = make_url(url)
    return (
        Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None
    )


def pg_archive(server: str) -> Any:
    @contextmanager
    def make() -> Iterator[tuple[str, None]]:
        import psycopg

        name = f"hubarchive_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{server}/{name}", None
        finally:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return make


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "-n", type=int, action="append", help="records per pass (repeatable; default 10,000)"
    )
    parser.add_argument("--batch", type=int, default=500, help="records per batch and transaction")
    parser.add_argument(
        "--one-record", type=int, default=2000, help="records of the one-record baseline"
    )
    parser.add_argument("--changed", type=float, default=0.01, help="share changed in pass 3")
    parser.add_argument(
        "--pg",
        default="postgresql://postgres@127.0.0.1:5432",
        help="PostgreSQL server URL (a database is created and dropped)",
    )
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument(
        "--into",
        metavar="URL",
        help="store the -n records (batches only, numbered from 10,000,000 so that they are new)"
        " into this existing archive instead, e.g. one `bench/access.py --cache` kept at"
        " 1,000,000 versions: the store rates at that size",
    )
    args = parser.parse_args()
    if args.into:
        for n in args.n or [10_000]:
            bench(
                "existing archive",
                args.into,
                n,
                changed_share=args.changed,
                batch=args.batch,
                path=_sqlite_path(args.into),
                one_record={},
                first=INTO_FIRST,
            )
        return
    if not args.no_sqlite:
        both_paths("SQLite", sqlite_archive, args)
    if not args.no_pg:
        server = args.pg.replace("postgresql+psycopg://", "postgresql://").rstrip("/")
        both_paths("PostgreSQL", pg_archive(server), args)


if __name__ == "__main__":
    main()
