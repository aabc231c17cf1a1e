"""The article phase of a crawl as a pipeline: fetching, extracting and storing overlap.

Fetching threads (each with its own `Fetcher.sibling()`, all behind the fetcher's one `HostGate`,
which alone enforces the per-host delay and concurrency) take the planned pages in order; the
pages they fetch are read by a `PageReader`, in a pool of extraction processes for a large crawl
(`POOL_MIN_PAGES`) or in this process for a small one; what was read is stored in batches whose
size adapts so that one write transaction lasts about `TARGET_BATCH_S`.

The order in which pages are stored may differ from the plan's: each URL is fetched once per run,
so the archive a pipelined run leaves is the one a sequential run leaves.

Stopping (DECISIONS.md): once `should_stop()` names a signal (it is asked by the fetching threads
before each page, and by the pipeline's loop), no new page is fetched; the requests
in flight finish (the current article, as a page-at-a-time crawl finished it), what was fetched is
read, all of it is stored as one last batch, and `run` returns the signal number. A reached
`--max-runtime` (`RunDeadlineError` from a fetch) or an unexpected error of a fetching thread
stops at once: what was already read is stored, extraction not yet done is cancelled, requests in
flight are abandoned (their threads are daemons), and the error is raised. A second signal
(`KeyboardInterrupt`) stops at once without storing.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import queue
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

from schedules.extraction import PageReader, PageReading, read_many_here, start_reading
from schedules.plan import PlannedFetch
from scraper.errors import FetchError
from scraper.fetch import Fetcher
from scraper.models import Capture

log = logging.getLogger("hubarchive.crawl")

#: A crawl with fewer pages to fetch reads them in its own process: starting extraction processes
#: (about 0.7 s each: Python, lxml and the extractor imported) costs more than they save below
#: this (about 10 ms of extraction per page, shared among the cores).
POOL_MIN_PAGES = 200
#: The duration one batch's write transaction aims at: DECISIONS.md allows about a second at
#: most, so that another crawl writing into the same SQLite file gets its turn; half leaves room
#: for a slow disk.
TARGET_BATCH_S = 0.5
#: The first batch's size, before any has been timed; and the bounds of the adapted size.
FIRST_BATCH = 20
MIN_BATCH = 1
MAX_BATCH = 100
#: A batch is stored once its oldest page has waited this long, however small: on a slow site
#: (a delay of seconds) the archive keeps up with the crawl.
MAX_BATCH_WAIT_S = 2.0
#: Pages fetched and not yet stored, at most: two batches, one being read while the other is
#: stored. It bounds memory (pages are held in full until stored) and what a stop drops (pages
#: fetched but not yet read are fetched again by the next run).
MAX_AHEAD = 2 * MAX_BATCH
#: Fetching threads at most, whatever the hosts and their concurrency.
MAX_FETCH_THREADS = 16
#: How often the pipeline looks at `should_stop` while nothing else happens (seconds).
POLL_S = 0.1
#: Pages sent to an extraction process in one task, at most: each task costs a round of
#: pickling, pipe writes and wake-ups in both processes and the pool's threads, about as much
#: CPU as reading a small page; a few pages per task spread that cost.
PAGES_PER_TASK = 8
#: A task is sent once its first page has waited this long, however few pages it holds: on a
#: slow site (one page a second) each page is read as soon as it arrives, nearly.
TASK_WAIT_S = 0.02


@dataclass
class Fetched:
    """What a fetching thread made of one planned page: a capture (200 or 304), the error it
    raised (a `FetchError`; a `RunDeadlineError` or an unexpected error stop the pipeline), or
    `disallowed` when robots.txt forbids it (nothing was requested)."""

    item: PlannedFetch
    capture: Capture | None = None
    error: BaseException | None = None
    disallowed: bool = False


@dataclass
class Settled:
    """A page ready to be stored: its fetch, and for a 200 what extraction read in it."""

    fetched: Fetched
    reading: PageReading | None = None


#: `fetch(fetcher, item) -> Fetched`: one page through one thread's fetcher.
FetchPage = Callable[[Fetcher, PlannedFetch], Fetched]
#: `store(batch)`: one batch, in one write transaction.
StoreBatch = Callable[[list[Settled]], None]


class BatchSizer:
    """The size of the next batch: scaled by how long the last one took against `target` seconds
    (at most doubled per batch, so one fast batch of cheap pages does not make a huge one)."""

    def __init__(self, target: float = TARGET_BATCH_S, first: int = FIRST_BATCH) -> None:
        self.target = target
        self.size = first

    def took(self, pages: int, seconds: float) -> None:
        if pages <= 0:
            return
        wanted = pages * self.target / max(seconds, 1e-3)
        self.size = int(max(MIN_BATCH, min(MAX_BATCH, 2 * pages, wanted)))


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def extraction_processes(requested: int | None, pages: int, reader: PageReader) -> int:
    """How many extraction processes a crawl of `pages` pages uses: `requested` when given (0:
    none, pages are read in the crawl's process); else the machine's cores when the crawl is
    large (`POOL_MIN_PAGES`), there is more than one core and `reader` can be sent to another
    process (a test's stand-in extractor may not), else none."""
    if requested is not None:
        wanted = requested
    elif pages < POOL_MIN_PAGES or cores() < 2:
        return 0
    else:
        wanted = cores()
    if wanted <= 0:
        return 0
    try:
        pickle.dumps(reader)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        log.debug("the extractor stays in this process (it cannot be sent to another): %s", exc)
        return 0
    return wanted


#: What the extraction forkserver imports before it forks any process (`extraction_context`).
PRELOAD = "schedules.extraction_preload"


def extraction_context() -> BaseContext:
    """The start method of the extraction processes: a forkserver where the platform has one,
    which imports the extractor and warms it up once (`PRELOAD`), then forks each process from
    that state in milliseconds (spawning one costs a second or more of CPU: Python, lxml, the
    extractor and the language models); else spawn. Never fork: the crawl has threads (fetching,
    the pool's own) whose locks a forked child could inherit held.

    The server is started with the first pool and serves every later one of this process (a
    worker's runs, a bench's); it ends with the process. Besides `PRELOAD` it imports the modules
    the main script imported: multiprocessing runs the script again in each process it starts,
    which is then cheap."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*_main_imports(), PRELOAD])
    return context


def prepare_extraction(requested: int | None) -> None:
    """Start the extraction forkserver now, in the background, for a crawl that will read its
    pages in extraction processes (`requested` as `extraction_processes` takes it): its
    imports and warm-up then overlap discovery instead of holding the first page up."""
    if requested == 0 or (requested is None and cores() < 2):
        return
    context = extraction_context()
    if context.get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _main_imports() -> list[str]:
    """The modules the main script's names come from (its imports), as far as they are loaded."""
    main = sys.modules.get("__main__")
    names = set()
    for value in vars(main).values() if main is not None else ():
        if isinstance(value, types.ModuleType):
            name = value.__name__
        elif isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
            name = value.__module__
        else:
            continue
        if name != "__main__" and name in sys.modules:
            names.add(name)
    return sorted(names)


class _Extraction:
    """Pages read in extraction processes (started on the first page), or here when `processes`
    is 0; each reading is handed to `deliver` (from a pool thread for the processes).

    Pages for the processes are sent in tasks of up to `PAGES_PER_TASK`: `submit` holds a page
    back until the task is full, `due()` says when the held pages must go anyway, and `send()`
    sends them."""

    def __init__(
        self, reader: PageReader, processes: int, deliver: Callable[[Settled], None]
    ) -> None:
        self.reader = reader
        self.processes = processes
        self.deliver = deliver
        self.pool: ProcessPoolExecutor | None = None
        self._alive: Connection | None = None
        self._held: list[Fetched] = []
        self._held_since = 0.0

    def submit(self, fetched: Fetched) -> None:
        capture = fetched.capture
        assert capture is not None
        if self._pool() is None:
            self.deliver(Settled(fetched, self._read(capture)))
            return
        if not self._held:
            self._held_since = time.monotonic()
        self._held.append(fetched)
        if len(self._held) >= PAGES_PER_TASK:
            self.send()

    def due(self) -> float | None:
        """Seconds until the held pages must be sent (≤ 0: now); None when none is held."""
        if not self._held:
            return None
        return self._held_since + TASK_WAIT_S - time.monotonic()

    def send(self) -> None:
        """Send the held pages to the processes as one task."""
        task, self._held = self._held, []
        if not task:
            return
        pool = self._pool()
        try:
            if pool is None:
                raise RuntimeError("no extraction processes")
            future = pool.submit(read_many_here, [_page(fetched) for fetched in task])
        except (BrokenProcessPool, RuntimeError) as exc:
            self._lost(exc)
            for fetched in task:
                assert fetched.capture is not None
                self.deliver(Settled(fetched, self._read(fetched.capture)))
            return
        future.add_done_callback(lambda done: self._settle(task, done))

    def _read(self, capture: Capture) -> PageReading:
        return self.reader.read(capture.body, capture.url, capture.content_type)

    def _settle(self, task: list[Fetched], future: Future[list[PageReading]]) -> None:
        if future.cancelled():
            readings: list[PageReading | None] = [None] * len(task)
        elif (error := future.exception()) is not None:
            # the process died under these pages (killed, out of memory, a crash in a C
            # library): they fail, and are tried again by the next run
            lost = PageReading(None, f"extraction process lost: {error}")
            readings = [lost] * len(task)
        else:
            readings = list(future.result())
        for fetched, reading in zip(task, readings, strict=True):
            self.deliver(Settled(fetched, reading))

    def _pool(self) -> ProcessPoolExecutor | None:
        if self.processes and self.pool is None:
            context = extraction_context()
            # the crawl alone holds the writing end: its end (however it ends) ends the processes
            alive, self._alive = context.Pipe(duplex=False)
            self.pool = ProcessPoolExecutor(
                self.processes,
                mp_context=context,
                initializer=start_reading,
                initargs=(self.reader, alive),
            )
        return self.pool

    def _lost(self, exc: BaseException) -> None:
        log.warning("extraction processes lost (%s): pages are read in the crawl's process", exc)
        self.close(wait=False)
        self.processes = 0

    def close(self, *, wait: bool) -> None:
        self._held = []  # fetched, never read: fetched again by the next run
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)
        alive, self._alive = self._alive, None
        if alive is not None and wait:
            alive.close()  # else left to the garbage collector: the processes may still be busy


def _page(fetched: Fetched) -> tuple[bytes, str, str | None]:
    """What an extraction process is sent of a fetched page: body, URL, Content-Type."""
    capture = fetched.capture
    assert capture is not None
    return capture.body, capture.url, capture.content_type


_THREAD_DONE = object()


class Pipeline:
    """One run of the article phase; `run()` once. See the module docstring."""

    def __init__(
        self,
        plan: Sequence[PlannedFetch],
        *,
        fetchers: Sequence[Fetcher],
        fetch: FetchPage,
        reader: PageReader,
        store: StoreBatch,
        should_stop: Callable[[], int | None],
        processes: int = 0,
        progress: Callable[[int], None] = lambda settled: None,
        max_ahead: int = MAX_AHEAD,
    ) -> None:
        self.fetchers = list(fetchers)
        self.fetch = fetch
        self.store = store
        self.should_stop = should_stop
        self.progress = progress
        self.events: queue.Queue[object] = queue.Queue()
        self.extraction = _Extraction(reader, processes, self.events.put)
        self.sizer = BatchSizer()
        self.settled = 0
        self._todo: Iterator[PlannedFetch] = iter(plan)
        self._todo_lock = threading.Lock()
        #: pages fetched and not yet stored, at most (1: each page is stored before the next
        #: is fetched, for a run another worker may take over: see `schedules.job`)
        self.max_ahead = max(1, max_ahead)
        self._room = threading.Semaphore(self.max_ahead)
        self._stopping = threading.Event()

    # -- fetching threads

    def _fetching(self, fetcher: Fetcher) -> None:
        try:
            while not self._stopping.is_set():
                if not self._room.acquire(timeout=POLL_S):
                    continue
                # the signal is seen here too: fetching may run ahead of the pipeline's own loop
                if self._stopping.is_set() or self.should_stop():
                    break
                with self._todo_lock:
                    item = next(self._todo, None)
                if item is None:
                    break
                try:
                    result = self.fetch(fetcher, item)
                except BaseException as exc:  # noqa: BLE001 - handed to the pipeline, raised there
                    result = Fetched(item, error=exc)
                self.events.put(result)
        finally:
            self.events.put(_THREAD_DONE)

    # -- the pipeline

    def run(self) -> int | None:
        """Fetch, read and store every planned page; the signal number when stopped by one."""
        threads = [
            threading.Thread(target=self._fetching, args=(f,), name=f"fetch-{i}", daemon=True)
            for i, f in enumerate(self.fetchers)
        ]
        for thread in threads:
            thread.start()
        fetching, reading = len(threads), 0
        pending: list[Settled] = []
        oldest = 0.0  # when the oldest page of `pending` became ready

        def ready(page: Settled) -> None:
            nonlocal oldest
            if not pending:
                oldest = time.monotonic()
            pending.append(page)

        stopped: int | None = None
        try:
            while fetching or reading or pending:
                if stopped is None:
                    stopped = self.should_stop() or None
                    if stopped is not None:
                        self._stopping.set()  # no new page; what is in flight finishes
                held = self.extraction.due()
                if held is not None and (held <= 0 or not fetching or stopped is not None):
                    self.extraction.send()
                    held = None
                due = (
                    oldest + MAX_BATCH_WAIT_S - time.monotonic()
                    if pending and stopped is None
                    else POLL_S
                )
                if held is not None:
                    due = min(due, max(held, 0.001))
                try:
                    event = self.events.get(timeout=min(POLL_S, due)) if due > 0 else None
                except queue.Empty:
                    event = None
                if event is _THREAD_DONE:
                    fetching -= 1
                elif isinstance(event, Settled):
                    reading -= 1
                    ready(event)
                elif isinstance(event, Fetched):
                    if event.error is not None and not isinstance(event.error, FetchError):
                        self._halt(pending)  # --max-runtime reached, or a bug: keep what was read
                        raise event.error
                    if event.capture is not None and event.capture.status == 200:
                        reading += 1
                        self.extraction.submit(event)
                    else:
                        ready(Settled(event))
                if pending and (
                    not (fetching or reading)
                    or stopped is None
                    and (
                        len(pending) >= min(self.sizer.size, self.max_ahead)
                        or time.monotonic() - oldest >= MAX_BATCH_WAIT_S
                    )
                ):
                    self._store(pending)
                    pending = []
            self.extraction.close(wait=True)  # idle: the processes end at once
            return stopped
        finally:
            self._stopping.set()
            self.extraction.close(wait=False)
            for fetcher in self.fetchers:
                fetcher.close()

    def _store(self, batch: list[Settled]) -> None:
        started = time.monotonic()
        self.store(batch)
        self.sizer.took(len(batch), time.monotonic() - started)
        self.settled += len(batch)
        self._room.release(len(batch))
        self.progress(self.settled)

    def _halt(self, pending: list[Settled]) -> None:
        """Stop fetching and extracting at once; store what was already read (one batch)."""
        self._stopping.set()
        self.extraction.close(wait=False)
        while True:
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                break
            if isinstance(event, Settled) and event.reading is not None:
                pending.append(event)
        if pending:
            self._store(pending)
            pending.clear()
