"""A/B of the search in one run: `storage/search.py` at a git revision against this tree's.

Loads the file as it stands at `--base` (default `main`) beside the tree's own module, then times
the query mix of `bench/access.py` on an archive built by it, the two searches alternating query
by query (so that the load of a shared machine falls on both alike); prints p50 / p95 of CPU
(this process, plus the PostgreSQL backend's when the server runs on this machine) and wall p95
per query kind, and the ratio of the p95s. Asserts nothing. Only search.py is the base's (the
rest of the package is the tree's), and the base must read the same schema (no migration
between the two).

    python bench/search_ab.py sqlite:////var/tmp/hubarchive-bench/access-100000.db
    python bench/search_ab.py --base HEAD~3 postgresql+psycopg://postgres@127.0.0.1/hubarchive_bench_25000
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).parent))

import access  # noqa: E402  (bench/access.py: the query mix, CPU of the backend, percentiles)

import storage.search as tree_search  # noqa: E402
from storage.db import open_engine, transaction  # noqa: E402


def base_module(revision: str, folder: Path) -> ModuleType:
    """storage/search.py at `revision`, imported as the module `search_base`."""
    source = subprocess.run(
        ["git", "show", f"{revision}:storage/search.py"],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
    ).stdout
    path = folder / "search_base.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("search_base", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["search_base"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", help="archive URL (built by bench/access.py)")
    parser.add_argument("--base", default="main", help="git revision of the base (default main)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-ab-") as folder:
        sides = {"base": base_module(args.base, Path(folder)), "tree": tree_search}
        mix = access.query_mix(random.Random(7), access.vocabulary(random.Random(42)))
        engine = open_engine(args.archive)
        backend = None
        if engine.dialect.name != "sqlite":
            with engine.connect() as connection:
                backend = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        timings: dict[str, dict[str, list[tuple[float, float]]]] = {name: {} for name in sides}
        for module in sides.values():  # warm the connection and the caches
            with transaction(engine) as session:
                module.search(session, mix[0][1], mix[0][2], limit=20)
        for n, (kind, query, filters) in enumerate(mix):
            order = list(sides.items()) if n % 2 else list(sides.items())[::-1]
            for name, module in order:
                with transaction(engine) as session:
                    start = time.perf_counter()
                    cpu = time.process_time() + access._server_cpu(backend)
                    module.search(session, query, filters, limit=20)
                    timings[name].setdefault(kind, []).append(
                        (
                            time.perf_counter() - start,
                            time.process_time() + access._server_cpu(backend) - cpu,
                        )
                    )
        engine.dispose()
    print(f"search A/B, {engine.dialect.name}, base {args.base} -> this tree, ms")
    kinds = [*timings["tree"], "all kinds"]
    for by_kind in timings.values():
        by_kind["all kinds"] = [t for values in list(by_kind.values()) for t in values]
    for kind in kinds:
        cells = {
            name: (
                access.percentile([t[1] for t in timings[name][kind]], 0.5) * 1000,
                access.percentile([t[1] for t in timings[name][kind]], 0.95) * 1000,
                access.percentile([t[0] for t in timings[name][kind]], 0.95) * 1000,
            )
            for name in sides
        }
        (b50, b95, bwall), (t50, t95, twall) = cells["base"], cells["tree"]
        print(
            f"  {kind:<28} CPU p50 {b50:7.1f} -> {t50:7.1f}  p95 {b95:7.1f} -> {t95:7.1f}"
            f" ({t95 / b95:4.2f}x)  wall p95 {bwall:7.1f} -> {twall:7.1f}"
        )


if __name__ == "__main__":
    main()
