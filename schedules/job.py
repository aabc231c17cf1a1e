"""The crawl job: lock the archive, discover, fetch what changed, extract, store, record the run.

`run_crawl(options)` is the library entry point the CLI, cron and tests call; it never prints or
exits, and returns a `RunReport` whose `exit_code` the CLI passes on (0, 1, 3, 130/143 when
interrupted). Configuration errors raise `ProfileError` / `ArchiveURLError`; a held lock raises
`LockedError`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from schedules.extraction import Extract, charset_of, with_profile
from schedules.lock import crawl_lock
from schedules.plan import SKEW, PlannedFetch, plan_fetches
from schedules.sources import Discoverer, Discovery
from scraper import EXTRACTOR_VERSION
from scraper.discover import CrawlProfile, RecheckPolicy, crawl_profile
from scraper.errors import DisallowedError, FetchError, PermanentFetchError
from scraper.extract import extract_article
from scraper.fetch import FetchConfig, Fetcher, RetryPolicy, Timeouts
from scraper.models import Capture
from scraper.sites import DEFAULT_PROFILE, load_profile
from storage.archive import (
    StoreStatus,
    finish_run,
    known_articles,
    log_fetch,
    mark_gone,
    mark_seen,
    start_run,
    store_record,
)
from storage.db import ensure_schema, open_engine, transaction
from storage.schema import FetchRow, RunRow

log = logging.getLogger("hubarchive.crawl")

EXIT_OK, EXIT_FAILURES, EXIT_NOTHING_FOUND = 0, 1, 3
#: Outcomes of earlier runs whose start time bounds "modified since" questions.
_COMPLETED = ("ok", "failures")
#: An article page whose last fetch failed is tried again by every run for this long.
RETRY_FAILED_FOR = dt.timedelta(days=7)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CrawlOptions:
    """What one crawl does; every field has the scheduled job's default."""

    db_url: str
    profile: str = DEFAULT_PROFILE
    start_urls: tuple[str, ...] = ()
    full: bool = False
    #: at most this many pages (listing, sitemap, feed and article pages together)
    max_pages: int | None = None
    dry_run: bool = False
    delay: float = 1.0
    timeouts: Timeouts = field(default_factory=Timeouts)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    recheck: RecheckPolicy | None = None
    respect_robots: bool = True


@dataclass
class Counts:
    """The counts a run row keeps (names as the `runs` table documents them)."""

    listing_pages: int = 0
    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    gone: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass
class RunReport:
    """How a crawl went: outcome, exit code, counts, what it would fetch (dry run), warnings."""

    run_id: int | None
    outcome: str
    exit_code: int
    counts: Counts
    started_at: dt.datetime
    finished_at: dt.datetime
    requests: int = 0
    bytes: int = 0
    planned: list[PlannedFetch] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return (self.finished_at - self.started_at).total_seconds()

    def summary(self) -> str:
        """One line for cron mail and logs."""
        c = self.counts
        return (
            f"crawl {self.outcome}: {c.discovered} discovered, {c.fetched} fetched "
            f"({c.not_modified} not modified), {c.new} new, {c.changed} changed, "
            f"{c.unchanged} unchanged, {c.gone} gone, {c.failed} failed, "
            f"{c.listing_pages} listing pages, {self.requests} requests, "
            f"{self.bytes} bytes in {self.seconds:.1f}s"
            + (f" (run {self.run_id})" if self.run_id else "")
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "outcome": self.outcome,
            "exit_code": self.exit_code,
            "counts": asdict(self.counts),
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "requests": self.requests,
            "bytes": self.bytes,
            "warnings": list(self.warnings),
            "planned": [{"url": p.url, "reason": p.reason} for p in self.planned],
        }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def run_crawl(
    options: CrawlOptions,
    *,
    should_stop: Callable[[], int | None] = lambda: None,
    progress: Progress | None = None,
    extract: Extract = extract_article,
) -> RunReport:
    """Crawl once into the archive at `options.db_url` (see the module docstring)."""
    profile = load_profile(options.profile)
    extract = with_profile(extract, profile)
    crawl = crawl_profile(profile, start_urls=list(options.start_urls) or None)
    if options.recheck is not None:
        crawl = _with_recheck(crawl, options.recheck)
    # the schema of a new archive is created under the lock: crawls started together by cron
    # must not race to migrate it (the losers exit 75, not with a migration error)
    engine = open_engine(options.db_url, migrate=False)
    try:
        if options.dry_run:
            ensure_schema(engine)
            return _Crawl(engine, options, crawl, profile.key, should_stop, progress, extract).run()
        with crawl_lock(engine):
            ensure_schema(engine)
            return _Crawl(engine, options, crawl, profile.key, should_stop, progress, extract).run()
    finally:
        engine.dispose()


def _with_recheck(crawl: CrawlProfile, policy: RecheckPolicy) -> CrawlProfile:
    return replace(crawl, recheck=policy)


class _Crawl:
    """One run's state: the fetcher, the counts, the run row."""

    def __init__(
        self,
        engine: Engine,
        options: CrawlOptions,
        crawl: CrawlProfile,
        site: str,
        should_stop: Callable[[], int | None],
        progress: Progress | None,
        extract: Extract,
    ) -> None:
        self.engine = engine
        self.options = options
        self.crawl = crawl
        self.site = site
        self.should_stop = should_stop
        self.progress = progress or (lambda phase, done, total: None)
        self.extract = extract
        self.counts = Counts()
        self.started_at = _now()
        self.run_id: int | None = None
        #: discover everything (not only what changed) because the last crawl missed a source
        self.deep = False
        self.pages = 0
        self.warnings: list[str] = []
        self.fetcher = Fetcher(
            FetchConfig(
                allowed_hosts=crawl.hosts,
                timeouts=options.timeouts,
                retry=options.retry,
                delay=options.delay,
                respect_robots=options.respect_robots,
            )
        )

    # -- the run

    def run(self) -> RunReport:
        with self.fetcher:
            since = None
            with transaction(self.engine) as session:
                known = known_articles(session)
                failed = _failed_lately(session, since=self.started_at - RETRY_FAILED_FOR)
                if not self.options.dry_run:
                    since = _close_stale_runs_and_since(session)
                    if _sources_failed_last_run(session, self.crawl):
                        # articles behind a listing or API page it missed may still be unknown
                        log.info("the last crawl missed a discovery source: walking everything")
                        since, self.deep = None, True
                    self.run_id = start_run(
                        session,
                        started_at=self.started_at,
                        args=_args(self.options),
                        pid=os.getpid(),
                        host=socket.gethostname(),
                    )
            try:
                return self._run(known, since, failed)
            except KeyboardInterrupt:  # a second SIGINT/SIGTERM: stop now, the article rolled back
                return self._finish("interrupted", 130, "interrupted during an article")
            except BaseException as exc:
                self._finish("error", 1, f"{type(exc).__name__}: {exc}")
                raise

    def _run(
        self, known: dict[str, Any], since: dt.datetime | None, failed: list[str]
    ) -> RunReport:
        self.progress("discovering", 0, 0)
        discovery = Discoverer(
            self.fetcher,
            self.crawl,
            known,
            self._log_source,
            since=since,
            full=self.options.full or self.deep,
            budget=self._may_discover,
        ).run()
        self.counts.listing_pages = discovery.listing_pages
        self.counts.discovered = len(discovery.sightings)
        self._warn_about(discovery)
        plan = plan_fetches(
            discovery.sightings,
            known,
            now=self.started_at,
            policy=self.crawl.recheck,
            full=self.options.full,
        )
        # a page that failed is tried again next run, even where discovery no longer reaches it
        planned = {item.url for item in plan}
        plan += [
            PlannedFetch(url, "failed-before", known.get(url))
            for url in failed
            if url not in planned and self.crawl.may_be_article(url)
        ]
        if self.options.dry_run:
            return self._report("dry-run", EXIT_OK, plan)
        for done, item in enumerate(plan):
            signum = self.should_stop()
            if signum:
                return self._finish(
                    "interrupted",
                    128 + signum,
                    f"interrupted by signal {signum} after {done} of {len(plan)}",
                )
            if not self._take_page():
                self.warnings.append(
                    f"--max-pages reached: {len(plan) - done} pages left for the next run"
                )
                log.warning("%s", self.warnings[-1])
                break
            self.progress("fetching", done, len(plan))
            self._fetch_article(item)
        self.progress("fetching", len(plan), len(plan))
        if discovery.empty_listings:
            return self._finish("nothing-found", EXIT_NOTHING_FOUND, "; ".join(self.warnings))
        if self.counts.failed:
            return self._finish("failures", EXIT_FAILURES, f"{self.counts.failed} pages failed")
        return self._finish("ok", EXIT_OK, "; ".join(self.warnings) or None)

    def _may_discover(self) -> bool:
        """Discovery goes on while no signal asked to stop and the page budget lasts."""
        return not self.should_stop() and self._take_page()

    def _take_page(self) -> bool:
        if self.options.max_pages is not None and self.pages >= self.options.max_pages:
            return False
        self.pages += 1
        return True

    def _warn_about(self, discovery: Discovery) -> None:
        for url, why in discovery.empty_listings.items():
            self.warnings.append(
                f"listing {url} {why}; has the site changed? Check [crawl] in "
                f"the site profile {self.options.profile!r} or --start-url."
            )
        for url in discovery.generic_listings:
            self.warnings.append(
                f"listing {url}: the site profile {self.options.profile!r} article_patterns "
                "matched no link; the generic rule (repeated cards, article-like URLs) chose "
                "the articles"
            )
        for message in discovery.failed_sources:
            if message.startswith("listing "):
                self.counts.failed += 1
            self.warnings.append(message)
        for message in self.warnings:
            log.warning("%s", message)

    # -- one article

    def _fetch_article(self, item: PlannedFetch) -> None:
        url = item.url
        if not self.fetcher.robots_for(url).allows(url):
            self.counts.skipped += 1
            self._log(url, None, outcome="skipped", error="disallowed by robots.txt")
            return
        etag = item.known.etag if item.known else None
        last_modified = item.known.last_modified if item.known else None
        self.counts.fetched += 1
        try:
            capture = self.fetcher.fetch(url, etag=etag, last_modified=last_modified)
        except PermanentFetchError as exc:
            if exc.status in (404, 410) and not isinstance(exc, DisallowedError):
                self._gone(url, exc)
            else:
                self._failed(url, exc)
            return
        except FetchError as exc:
            self._failed(url, exc)
            return
        if capture.status == 304:
            with transaction(self.engine) as session:
                mark_seen(session, url, seen_at=capture.fetched_at)
                log_fetch(
                    session,
                    url,
                    fetched_at=capture.fetched_at,
                    capture=capture,
                    run_id=self.run_id,
                    outcome="not-modified",
                )
            self.counts.not_modified += 1
            return
        self._store(url, capture)

    def _store(self, url: str, capture: Capture) -> None:
        try:
            article = self.extract(capture.body, url, encoding=charset_of(capture.content_type))
        except Exception as exc:  # extraction of a hostile page is the one fragile step
            log.exception("extraction failed for %s", url)
            self._failed(url, exc, capture=capture)
            return
        article.url = url
        with transaction(self.engine) as session:
            result = store_record(
                session,
                article,
                seen_at=capture.fetched_at,
                capture=capture,
                run_id=self.run_id,
                extractor_version=EXTRACTOR_VERSION,
                site=self.site,
            )
        status = result.status
        if status is StoreStatus.NEW:
            self.counts.new += 1
        elif status is StoreStatus.CHANGED:
            self.counts.changed += 1
        else:
            self.counts.unchanged += 1
        log.info("%s %s", status.value, url)

    def _gone(self, url: str, exc: PermanentFetchError) -> None:
        with transaction(self.engine) as session:
            result = mark_gone(session, url, seen_at=_now(), run_id=self.run_id)
            log_fetch(
                session,
                url,
                fetched_at=_now(),
                status=exc.status,
                run_id=self.run_id,
                outcome="gone" if result else "failed",
                error=str(exc),
            )
        if result is None:
            self.counts.failed += 1
            log.warning("failed: %s (linked from the site, never archived)", exc)
        else:
            self.counts.gone += 1
            log.info("gone %s", url)

    def _failed(self, url: str, exc: Exception, *, capture: Capture | None = None) -> None:
        self.counts.failed += 1
        log.warning("failed: %s", exc)
        self._log(
            url, capture, outcome="failed", error=str(exc), status=getattr(exc, "status", None)
        )

    def _log_source(self, url: str, capture: Capture | None, error: FetchError | None) -> None:
        if isinstance(error, DisallowedError):
            self._log(url, None, outcome="skipped", error=str(error))
        else:
            self._log(
                url,
                capture,
                outcome="listing" if error is None else "failed",
                error=str(error) if error else None,
                status=getattr(error, "status", None),
            )

    def _log(
        self,
        url: str,
        capture: Capture | None,
        *,
        outcome: str,
        error: str | None = None,
        status: int | None = None,
    ) -> None:
        if self.options.dry_run:
            return
        with transaction(self.engine) as session:
            log_fetch(
                session,
                url,
                fetched_at=capture.fetched_at if capture else _now(),
                capture=capture,
                status=status,
                run_id=self.run_id,
                outcome=outcome,
                error=error,
            )

    # -- the end

    def _report(
        self, outcome: str, exit_code: int, plan: list[PlannedFetch] | None = None
    ) -> RunReport:
        return RunReport(
            run_id=self.run_id,
            outcome=outcome,
            exit_code=exit_code,
            counts=self.counts,
            started_at=self.started_at,
            finished_at=_now(),
            requests=self.fetcher.stats.requests,
            bytes=self.fetcher.stats.bytes,
            planned=list(plan or []),
            warnings=list(self.warnings),
        )

    def _finish(self, outcome: str, exit_code: int, message: str | None) -> RunReport:
        report = self._report(outcome, exit_code)
        if self.run_id is not None:
            counts = {**asdict(self.counts), "requests": report.requests, "bytes": report.bytes}
            with transaction(self.engine) as session:
                finish_run(
                    session,
                    self.run_id,
                    outcome=outcome,
                    finished_at=report.finished_at,
                    counts=counts,
                    exit_code=exit_code,
                    message=message,
                )
        return report


def _args(options: CrawlOptions) -> dict[str, Any]:
    return {
        "profile": options.profile,
        "start_urls": list(options.start_urls),
        "full": options.full,
        "max_pages": options.max_pages,
        "delay": options.delay,
    }


def _failed_lately(session: Any, *, since: dt.datetime) -> list[str]:
    """URLs whose latest fetch (after `since`) failed, oldest failure first."""
    latest = (
        select(func.max(FetchRow.id).label("id"))
        .where(FetchRow.fetched_at >= since)
        .group_by(FetchRow.url)
        .subquery()
    )
    return list(
        session.scalars(
            select(FetchRow.url)
            .join(latest, latest.c.id == FetchRow.id)
            .where(FetchRow.outcome == "failed")
            .order_by(FetchRow.id)
        )
    )


def _sources_failed_last_run(session: Any, crawl: CrawlProfile) -> bool:
    """True when the last crawl could not fetch a discovery source (listing, API or sitemap page)."""
    last = session.scalar(select(func.max(RunRow.id)).where(RunRow.kind == "crawl"))
    if last is None:
        return False
    failed = session.scalars(
        select(FetchRow.url).where(FetchRow.run_id == last, FetchRow.outcome == "failed")
    )
    return any(not crawl.may_be_article(url) for url in failed)


def _close_stale_runs_and_since(session: Any) -> dt.datetime | None:
    """Under the lock no other crawl runs: "running" rows are crashed runs, marked interrupted.
    Returns the start of the last completed crawl, minus the clock-skew allowance."""
    session.execute(
        update(RunRow)
        .where(RunRow.kind == "crawl", RunRow.outcome == "running")
        .values(outcome="interrupted", message="the process ended without recording its end")
    )
    last: dt.datetime | None = session.scalar(
        select(RunRow.started_at)
        .where(RunRow.kind == "crawl", RunRow.outcome.in_(_COMPLETED))
        .order_by(RunRow.started_at.desc())
        .limit(1)
    )
    if last is None:
        return None
    return (last if last.tzinfo else last.replace(tzinfo=dt.UTC)) - SKEW
