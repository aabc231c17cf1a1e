"""Long scenarios shared by the soak tests and the bench scripts: kills, incremental soak runs."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from dataclasses import dataclass, field

from crawl.site import FixtureSite

from faults.crawling import finish, options, spawn_crawl
from faults.expect import archive_state, expected_urls, integrity_problems, problems
from faults.server import FaultServer, wait_for
from schedules.job import RunReport, run_crawl


def kill_at_random_moments(
    db_url: str, server: FaultServer, kills: int, seed: int, *, within: int
) -> list[str]:
    """Start and SIGKILL `kills` crawls, each after a random 1..`within` requests plus up to
    50 ms; returns what went wrong (an early exit, integrity problems after a kill)."""
    rng = random.Random(seed)
    found: list[str] = []
    for n in range(kills):
        target = len(server.log) + rng.randint(1, within)
        crawl = spawn_crawl(db_url, server.base_url)

        def reached(target: int = target, crawl: subprocess.Popen[str] = crawl) -> bool:
            return len(server.log) >= target or crawl.poll() is not None

        wait_for(reached, timeout=120)
        time.sleep(rng.uniform(0, 0.05))
        crawl.send_signal(signal.SIGKILL)
        code, _, err = finish(crawl)
        if code not in (-signal.SIGKILL, 0, 1):
            found.append(f"kill {n}: crawl exited {code} before the kill: {err[-500:]}")
        found += [f"after kill {n}: {p}" for p in integrity_problems(db_url)]
    return found


@dataclass
class SoakResult:
    """The runs of a soak, the revisions each article went through, and what the archive got wrong."""

    reports: list[RunReport] = field(default_factory=list)
    history: dict[int, list[int]] = field(default_factory=dict)
    changes: int = 0
    problems: list[str] = field(default_factory=list)


def incremental_soak(
    db_url: str,
    site: FixtureSite,
    server: FaultServer,
    *,
    runs: int = 10,
    changes_per_run: int = 8,
    seed: int = 0,
) -> SoakResult:
    """`runs` back-to-back incremental crawls; before each run but the first and the last, a few
    articles change (never one changed just before the previous run, so a run that failed it can
    still catch up before it changes again) and the "more news" cards of every page move."""
    rng = random.Random(seed)
    result = SoakResult()
    fetchable = {a.index for a in expected_urls(site).values()}
    result.history = {i: [0] for i in fetchable}
    recently: set[int] = set()
    for run in range(runs):
        if 0 < run < runs - 1:
            chosen = rng.sample(sorted(fetchable - recently), changes_per_run)
            for index in chosen:
                result.history[index].append(site.change_article(index).revision)
            result.changes += len(chosen)
            recently = set(chosen)
            if run % 3 == 0:
                site.change_related()  # content of no article moves: no new version
        else:
            recently = set()
        result.reports.append(run_crawl(options(db_url, server.base_url)))
    result.problems = problems(site, archive_state(db_url, site), result.history)
    result.problems += integrity_problems(db_url)
    return result
