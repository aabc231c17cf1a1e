"""Run the extractor over the hostile corpus in this process and print one JSON line per page.

Run by `test_hostile_pages.py` as a subprocess, so a hang is cut by `signal.alarm`, memory is the
process's own peak RSS (C allocations of lxml included), and a crash cannot take pytest down.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
import time
from pathlib import Path

# the tests' folder (for `reliability.…`) and the repository (for `tests.…`)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.hostile_pages import CORPUS, DECOY
from scraper.extract import extract_article


def _ring(signum: int, frame: object) -> None:
    raise TimeoutError("still running after the guard")


def main(guard: int, names: list[str]) -> None:
    signal.signal(signal.SIGALRM, _ring)
    for name in names:
        page = CORPUS[name]()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result: dict[str, object] = {"name": name, "bytes": len(page)}
        signal.alarm(guard)
        try:
            article = extract_article(
                page, "https://hub.brussels/fr/news/hostile/", encoding="utf-8"
            )
        except BaseException as exc:  # noqa: BLE001 (the point: report whatever escapes)
            result["error"] = f"{type(exc).__name__}: {exc}"[:500]
        else:
            parts = [article.title, article.lead, article.body]
            parts += [f"{q.question} {q.answer} {q.speaker}" for q in article.qa]
            parts += [f"{c.name} {' '.join(c.emails)}" for c in article.contacts]
            text = " ".join(p for p in parts if p)
            result.update(
                title=article.title,
                nul="\x00" in text,
                decoy=DECOY.split(":")[1][:20] in text or "decoy@" in text,
            )
        finally:
            signal.alarm(0)
        result["seconds"] = round(time.perf_counter() - started, 3)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result["peak_rss_mib"] = after // 1024
        result["rss_growth_mib"] = (after - before) // 1024
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:] or sorted(CORPUS))
