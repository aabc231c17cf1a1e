"""How long the `hubarchive` command line takes to start, in two source trees side by side.

Each figure is the best of `--rounds` runs (the machine may be shared: the best run is the one
least disturbed), the trees taking turns within a round. For each command: wall time, CPU time
of the child process (user + system, from its rusage), and, from one more run, how many modules
it loaded and whether it loaded the extractor (`scraper.extract`). The first row is
`python -X importtime -c "import schedules.cli"`: the cumulative import time the interpreter
reports for the package. Prints ratios (after / before); never asserts.

    git worktree add --detach /tmp/before integ17
    python bench/cli_start.py /tmp/before . [--rounds 5]

Read commands run against an empty archive made in a temporary folder by each tree's own
`hubarchive db upgrade`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Run after each timed command (once, untimed): what the process loaded.
_PROBE = r"""
import atexit, sys
def _report():
    import schedules
    print("PROBE", len(sys.modules), int("scraper.extract" in sys.modules), schedules.__file__,
          file=sys.stderr)
atexit.register(_report)
sys.argv[0] = "hubarchive"
from schedules.cli import main
main()
"""


@dataclass
class Figures:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    modules: int = 0
    extractor: bool = False
    exit_code: int = 0


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)
    env.pop("HUBARCHIVE_DB", None)
    env["COLUMNS"] = "100"
    return env


def _run(tree: Path, argv: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of one child process, and its exit code."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv,
        cwd=tree,
        env=_env(tree),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, child.returncode


def _import_time(tree: Path) -> float:
    """Seconds `import schedules.cli` takes, as `-X importtime` reports it (cumulative)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import schedules.cli"],
        cwd=tree,
        env=_env(tree),
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"\|\s*(\d+)\s*\|\s*schedules\.cli\s*$", done.stderr, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{tree}: no importtime line for schedules.cli")
    return int(match.group(1)) / 1e6


def _probe(tree: Path, args: list[str], figures: Figures) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=tree,
        env=_env(tree),
        capture_output=True,
        text=True,
    )
    line = [row for row in done.stderr.splitlines() if row.startswith("PROBE ")][-1]
    _, count, extractor, where = line.split(" ", 3)
    if not Path(where).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"{tree}: the probe imported schedules from {where}")
    figures.modules, figures.extractor, figures.exit_code = (
        int(count),
        extractor == "1",
        done.returncode,
    )


def _ratio(after: float, before: float) -> str:
    return f"{after / before:.2f}" if before else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "before", type=Path, help="source tree before (e.g. a worktree of the base)"
    )
    parser.add_argument("after", type=Path, help="source tree after (e.g. .)")
    parser.add_argument("--rounds", type=int, default=5, help="runs per figure (best kept)")
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": options.after.resolve()}

    with tempfile.TemporaryDirectory(prefix="cli_start_") as folder:
        dbs = {label: f"sqlite:///{folder}/{label}.db" for label in trees}
        for label, tree in trees.items():
            subprocess.run(
                [sys.executable, "-m", "schedules.cli", "db", "upgrade", "--db", dbs[label]],
                cwd=tree,
                env=_env(tree),
                check=True,
                capture_output=True,
            )
        commands: dict[str, list[str]] = {
            "--help": ["--help"],
            "--version": ["--version"],
            "search x": ["search", "x", "--db", "{db}"],
            "runs": ["runs", "--db", "{db}"],
            "show URL": ["show", "https://example.org/a", "--db", "{db}"],
            "crawl --help": ["crawl", "--help"],
        }
        results: dict[tuple[str, str], Figures] = {}
        imports: dict[str, list[float]] = {label: [] for label in trees}
        for _ in range(options.rounds):
            for label, tree in trees.items():
                imports[label].append(_import_time(tree))
            for name, args in commands.items():
                for label, tree in trees.items():
                    argv = [a.replace("{db}", dbs[label]) for a in args]
                    wall, cpu, _ = _run(tree, [sys.executable, "-m", "schedules.cli", *argv])
                    figures = results.setdefault((name, label), Figures())
                    figures.wall.append(wall)
                    figures.cpu.append(cpu)
        for name, args in commands.items():
            for label, tree in trees.items():
                argv = [a.replace("{db}", dbs[label]) for a in args]
                _probe(tree, argv, results[(name, label)])

    load = os.getloadavg()[0]
    print(f"best of {options.rounds}; load average {load:.1f}")
    print(f"before {trees['before']}\nafter  {trees['after']}\n")
    head = (
        f"{'':28} {'wall before':>11} {'after':>7} {'ratio':>6}   "
        f"{'CPU before':>10} {'after':>7} {'ratio':>6}   {'modules':>13}  extractor  exit"
    )
    print(head)
    before, after = min(imports["before"]), min(imports["after"])
    print(
        f"{'import schedules.cli (-X)':28} {before:11.3f} {after:7.3f} {_ratio(after, before):>6}"
    )
    for name in commands:
        b, a = results[(name, "before")], results[(name, "after")]
        print(
            f"{'hubarchive ' + name:28} {min(b.wall):11.3f} {min(a.wall):7.3f} "
            f"{_ratio(min(a.wall), min(b.wall)):>6}   {min(b.cpu):10.3f} {min(a.cpu):7.3f} "
            f"{_ratio(min(a.cpu), min(b.cpu)):>6}   {b.modules:>6} → {a.modules:<5} "
            f"{'yes' if b.extractor else 'no':>4} → {'yes' if a.extractor else 'no':<4} "
            f"{b.exit_code} → {a.exit_code}"
        )


if __name__ == "__main__":
    main()
