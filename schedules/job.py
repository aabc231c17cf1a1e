"""The crawl job: lock the archive, discover, fetch what changed, extract, store, record the run.

`run_crawl(options)` is the library entry point the CLI, cron and tests call; it never prints or
exits, and returns a `RunReport` whose `exit_code` the CLI passes on (`schedules.exits`: 0, 1, 2
for a start URL answering 404/410, 3, 69 when no request was served, 130/143 when
interrupted). Configuration errors raise `ProfileError` / `ArchiveURLError`; a held lock raises
`LockedError`; any other error is recorded in the run row (exit 70) and raised.

A crawl belongs to one site (`resolve_site`): it plans, re-checks and retries only that site's
articles, under that site's lock, so several sites share one archive. Its article pages go through
a pipeline (`schedules.pipeline`): fetching threads behind one per-host gate, extraction
processes for a large crawl, records stored in batches.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from schedules.exits import (
    EXIT_FAILURES,
    EXIT_NOTHING_FOUND,
    EXIT_OK,
    EXIT_SOFTWARE,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    SIGNAL_BASE,
)
from schedules.extraction import Extract, PageReader, with_profile
from schedules.lock import crawl_lock
from schedules.pipeline import (
    MAX_AHEAD,
    MAX_FETCH_THREADS,
    POOL_MIN_PAGES,
    Fetched,
    Pipeline,
    Settled,
    extraction_processes,
    prepare_extraction,
)
from schedules.plan import (
    BROKEN_LINK_RETRIES,
    SKEW,
    PlannedFetch,
    broken_link_due,
    broken_link_spent,
    plan_fetches,
)
from schedules.resume import ResumingFetcher, prior_counts
from schedules.sources import REPROBE_AFTER, Discoverer, Discovery, SourceExchange, SourceMemory
from schedules.suspect import suspect_reason
from schedules.wording import plural
from scraper import EXTRACTOR_VERSION
from scraper.discover import CrawlProfile, RecheckPolicy, crawl_profile
from scraper.errors import (
    ContentTypeError,
    DisallowedError,
    FetchError,
    PermanentFetchError,
    ProfileError,
    RunDeadlineError,
    ScraperError,
)
from scraper.extract import extract_article
from scraper.fetch import (
    FetchConfig,
    Fetcher,
    HostGate,
    RetryPolicy,
    Timeouts,
    default_user_agent,
)
from scraper.guard import private_origins
from scraper.models import Article, Capture
from scraper.sites import (
    BASE_PROFILE,
    DEFAULT_PROFILE,
    SiteProfile,
    load_profile,
    profile_from_text,
    site_for_url,
)
from scraper.urls import canonical_url, host_of, is_allowed_host
from storage.archive import (
    StoreFailure,
    StoreStatus,
    finish_run,
    known_articles,
    log_fetch,
    mark_gone,
    mark_seen,
    record_capture,
    record_site,
    start_run,
    store_records,
)
from storage.batch import RecordToStore
from storage.db import (
    check_reachable,
    check_writable,
    ensure_schema,
    open_engine,
    transaction,
    writer_engine,
)
from storage.forget import Forgotten, forgotten
from storage.readonly import open_without_writing
from storage.resume import run_answers, take_over_run
from storage.schema import FetchRow, RunRow
from storage.sources import (
    ABSENT,
    BROKEN,
    LinkFailures,
    cached_source,
    link_failures,
    log_source,
    recently_absent,
)
from storage.suspects import current_shape, log_suspect, suspected_before

log = logging.getLogger("hubarchive.crawl")
#: The note a crawl's unplanned error carries once its run row records it (`hubarchive runs`
#: shows it); an error the archive could not record (a corrupt file) carries none.
RUN_RECORDED = "recorded in the run row"

#: Outcomes of earlier runs whose start time bounds "modified since" questions.
_COMPLETED = ("ok", "failures")
#: An article page whose last fetch failed is tried again by every run for this long.
RETRY_FAILED_FOR = dt.timedelta(days=7)
#: Requests to one host in flight at once at most (`--concurrency`, `[crawl] concurrency`): more
#: would be a load on a site no polite crawler imposes.
MAX_CONCURRENCY = 16
Progress = Callable[[str, int, int], None]


class _ExtractionFailed(ScraperError):
    """The extractor raised on a page (the message is its exception's); logged as a failed fetch."""


@dataclass(frozen=True)
class CrawlOptions:
    """What one crawl does; every field has the scheduled job's default."""

    db_url: str
    #: a bundled profile key or a TOML path; None: chosen from the start URL's host (`resolve_site`)
    profile: str | None = None
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
    #: seconds the whole run may take (`--max-runtime`); None: unbounded
    max_runtime: float | None = None
    #: the User-Agent sent (flag or environment); None: the profile's, else `hubarchive/VERSION`
    user_agent: str | None = None
    #: where site owners reach the operator (URL or e-mail) in the default User-Agent
    contact: str | None = None
    #: requests to one host in flight at once (`--concurrency`), only with a delay of 0 (and no
    #: robots.txt Crawl-delay); None: the profile's `[crawl] concurrency`, else 1
    concurrency: int | None = None
    #: extraction processes; None: the machine's cores for a large crawl (`POOL_MIN_PAGES`),
    #: none for a small one; 0: pages are read in the crawl's own process
    extract_processes: int | None = None
    #: the site's key in the archive when it is not the profile's (`hubarchive sites add KEY`)
    site_key: str | None = None
    #: the profile's TOML text, as the archive keeps it (workers); wins over `profile`
    profile_text: str | None = None
    #: record into this run, begun by a worker (maybe one that died): its row is reused and no
    #: URL it already fetched is fetched again (`schedules.resume`)
    continue_run: int | None = None


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
    #: why the run ended as it did, when not ok ("site unreachable: none of 4 requests was
    #: answered (…); check the network, DNS and the start URL"): the run log's message
    message: str | None = None

    @property
    def seconds(self) -> float:
        return (self.finished_at - self.started_at).total_seconds()

    def summary(self) -> str:
        """One line for cron mail and logs."""
        c = self.counts
        return (
            f"crawl {self.outcome}: {c.discovered} discovered, {c.fetched} fetched "
            f"({c.not_modified} not modified), {c.new} new, {c.changed} changed, "
            f"{c.unchanged} unchanged, {c.gone} gone, {c.failed} failed, {c.skipped} skipped, "
            f"{plural(c.listing_pages, 'listing page')}, {plural(self.requests, 'request')}, "
            f"{plural(self.bytes, 'byte')} in {self.seconds:.1f}s"
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
            "message": self.message,
        }


def _none_of(requests: int, done: str) -> str:
    """ "none of 4 requests was answered", "the only request was not answered" (it said "none of
    1 requests")."""
    if requests == 1:
        return f"the only request was not {done}"
    return f"none of {requests} requests was {done}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ResolvedSite:
    """The site a crawl is for: its key in the archive, and the profile it is crawled with."""

    key: str
    profile: SiteProfile
    #: how the profile was chosen, for the run's args (`--profile` value or `by host`)
    profile_name: str


def resolve_site(options: CrawlOptions) -> ResolvedSite:
    """The site of a crawl (DECISIONS.md): `--profile` when given; with `--start-url` alone, the
    bundled profile whose hosts hold the URL's host, else a site keyed by the start URL's origin
    (`http://host:port`) crawled with the generic base profile; else the default profile.

    Raises `ProfileError` for a profile that cannot be loaded.
    """
    if options.profile_text is not None:  # a registered site: its stored profile and key
        profile = profile_from_text(
            options.profile_text,
            f"stored profile of site {options.site_key or '?'}",
            strict=False,
        )
        return ResolvedSite(options.site_key or profile.key, profile, profile.key)
    if options.profile is not None:
        profile = load_profile(options.profile)
        return ResolvedSite(profile.key, profile, options.profile)
    if options.start_urls:
        key, owner = site_for_url(options.start_urls[0])
        if owner is not None:
            return ResolvedSite(key, owner, key)
        return ResolvedSite(key, load_profile(BASE_PROFILE), BASE_PROFILE)
    profile = load_profile(DEFAULT_PROFILE)
    return ResolvedSite(profile.key, profile, DEFAULT_PROFILE)


def user_agent_for(options: CrawlOptions, profile: SiteProfile) -> str:
    """The User-Agent (DECISIONS.md precedence: flag > environment > profile > default); the
    CLI has already merged the flag and the environment into `options`."""
    if options.user_agent:
        return options.user_agent
    configured = profile.crawl.get("user_agent")
    if isinstance(configured, str) and configured.strip():
        return configured.strip()
    contact = options.contact or profile.crawl.get("contact")
    return default_user_agent(contact if isinstance(contact, str) and contact.strip() else None)


def concurrency_for(options: CrawlOptions, profile: SiteProfile) -> int:
    """Requests to one host in flight at once: `--concurrency`, else the profile's `[crawl]
    concurrency`, else 1. It applies only with a delay of 0 (see `scraper.fetch.HostLimiter`).

    Raises `ProfileError` for a profile value that is not a whole number from 1 to
    `MAX_CONCURRENCY`."""
    if options.concurrency is not None:
        return max(1, min(MAX_CONCURRENCY, options.concurrency))
    value = profile.crawl.get("concurrency", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CONCURRENCY:
        raise ProfileError(
            f"{profile.source or profile.key}: [crawl] concurrency must be a whole number from "
            f"1 to {MAX_CONCURRENCY}, not {value!r}"
        )
    return value


def run_crawl(
    options: CrawlOptions,
    *,
    should_stop: Callable[[], int | None] = lambda: None,
    progress: Progress | None = None,
    extract: Extract = extract_article,
    gate: HostGate | None = None,
) -> RunReport:
    """Crawl once into the archive at `options.db_url` (see the module docstring).

    `should_stop()` returns a signal number to stop the run (asked before each page, from the
    fetching threads too: it must be cheap and thread-safe); `gate` is
    where every request waits for its turn at its host (`scraper.fetch.HostGate`; default: an
    in-process `HostLimiter` of `concurrency_for(options, profile)` requests per host with
    `options.delay` between them): a gate shared by several crawls keeps them polite together.
    """
    site = resolve_site(options)
    concurrency_for(options, site.profile)  # a bad profile value fails before the lock is taken
    extract = with_profile(extract, site.profile)
    crawl = crawl_profile(site.profile, start_urls=list(options.start_urls) or None)
    if options.recheck is not None:
        crawl = _with_recheck(crawl, options.recheck)
    # the schema of a new archive is created under the lock: crawls started together by cron
    # must not race to migrate it (the losers exit 75, not with a migration error)
    if options.dry_run:  # writes nothing: no archive file, no schema, no run row
        with open_without_writing(options.db_url) as engine:
            return _Crawl(engine, options, crawl, site, should_stop, progress, extract, gate).run()
    check_writable(options.db_url)
    engine = open_engine(options.db_url, migrate=False)
    try:
        check_reachable(engine)  # a server that is down: one line, before any lock or run row
        with crawl_lock(engine, site.key):
            ensure_schema(engine)
            writer = writer_engine(engine)  # other sites may crawl into the archive meanwhile
            return _Crawl(writer, options, crawl, site, should_stop, progress, extract, gate).run()
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
        site: ResolvedSite,
        should_stop: Callable[[], int | None],
        progress: Progress | None,
        extract: Extract,
        gate: HostGate | None = None,
    ) -> None:
        self.engine = engine
        self.options = options
        self.crawl = crawl
        self.resolved = site
        self.site = site.key
        self.should_stop = should_stop
        self.progress = progress or (lambda phase, done, total: None)
        self.extract = extract
        self.counts = Counts()
        self.started_at = _now()
        self.run_id: int | None = None
        #: discover everything (not only what changed) because the last crawl missed a source
        self.deep = False
        self.pages = 0
        #: article pages settled (stored, logged or failed) by the pipeline
        self.settled = 0
        #: broken links (never archived, 404/410) that failed in this run
        self.broken_now = 0
        #: discovery sources (sitemap, feed, wp-json) that answered 404/410: served answers, but
        #: not the site serving anything (an outage keeps its 404 pages), so not counted as such
        self.absent_answers = 0
        self.warnings: list[str] = []
        #: the extraction processes' server was started during discovery (`prepare_extraction`)
        self.extraction_prepared = False
        #: URLs this run fetched already (a continued run: before it was taken over)
        self.already_fetched: frozenset[str] = frozenset()
        fetcher_type = Fetcher if options.continue_run is None else ResumingFetcher
        self.fetcher = fetcher_type(
            FetchConfig(
                allowed_hosts=crawl.hosts,
                timeouts=options.timeouts,
                retry=options.retry,
                delay=options.delay,
                respect_robots=options.respect_robots,
                private_hosts=private_origins(crawl.all_start_urls()),
                allow_private=crawl.allow_private,
                max_runtime=options.max_runtime,
                user_agent=user_agent_for(options, site.profile),
                per_host_concurrency=concurrency_for(options, site.profile),
            ),
            gate=gate,
        )
        #: what `hubarchive forget` took out of the archive: never fetched again
        self.forgotten = Forgotten()
        #: never-archived URLs that answered 404/410, by URL (the broken-link schedule)
        self.link_failures: dict[str, LinkFailures] = {}

    # -- the run

    def run(self) -> RunReport:
        with self.fetcher:
            since = None
            with transaction(self.engine) as session:
                if self.options.continue_run is not None and not self.options.dry_run:
                    self._continue(session, self.options.continue_run)
                known = known_articles(session, site=self.site)
                retry_since = self.started_at - RETRY_FAILED_FOR
                # a start URL is a listing (its run's discovery source), never an article page
                # to retry: a failed one is asked again by a run that starts from it
                listings = _start_urls_since(session, since=retry_since)
                listings.update(self.crawl.all_start_urls())
                failed = [
                    url
                    for url in _failed_lately(session, since=retry_since)
                    if is_allowed_host(url, self.crawl.hosts) and url not in listings
                ]
                self.forgotten = forgotten(session, self.site)
                self.link_failures = {
                    url: f
                    for url, f in link_failures(session).items()
                    if is_allowed_host(url, self.crawl.hosts)
                }
                if not self.options.dry_run:
                    since = _close_stale_runs_and_since(session, self.site, keep=self.run_id)
                    if _sources_failed_last_run(session, self.crawl, self.site, self.run_id):
                        # articles behind a listing or API page it missed may still be unknown
                        log.info("the last crawl missed a discovery source: walking everything")
                        since, self.deep = None, True
                    record_site(
                        session,
                        self.site,
                        profile_text=self.options.profile_text
                        or _profile_text(self.resolved.profile),
                        base_url=self.crawl.all_start_urls()[0],
                    )
                if not self.options.dry_run and self.run_id is None:
                    self.run_id = start_run(
                        session,
                        started_at=self.started_at,
                        args=_args(self.options, self.resolved),
                        pid=os.getpid(),
                        host=socket.gethostname(),
                        site=self.site,
                    )
            try:
                return self._run(known, since, failed)
            except RunDeadlineError as exc:
                log.warning("%s: the run stops here, the rest is for the next run", exc)
                return self._finish("interrupted", EXIT_SOFTWARE, str(exc))
            except KeyboardInterrupt:  # a second SIGINT/SIGTERM: stop now, the article rolled back
                return self._finish("interrupted", 130, "interrupted during an article")
            except BaseException as exc:
                try:
                    self._finish("error", EXIT_SOFTWARE, f"{type(exc).__name__}: {exc}")
                except Exception:  # the archive itself failed (disk full, locked): keep the cause
                    log.debug("could not record the end of the run", exc_info=True)
                else:
                    exc.add_note(RUN_RECORDED)
                raise

    def _run(
        self, known: dict[str, Any], since: dt.datetime | None, failed: list[str]
    ) -> RunReport:
        self.progress("discovering", 0, 0)
        discoverer = Discoverer(
            self.fetcher,
            self.crawl,
            known,
            self._log_source,
            since=since,
            full=self.options.full or self.deep,
            budget=lambda: self._may_discover(discoverer.result, known),
            memory=SourceMemory(cached=self._cached_source, absent=self._recently_absent),
            conditional=since is not None and not (self.options.full or self.deep),
        )
        discovery = discoverer.run()
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
            if url not in planned
            and url not in self.link_failures
            and self.crawl.may_be_article(url)
        ]
        plan = [p for p in self._broken_links_due(plan) if not self.forgotten.covers(p.url)]
        # a continued run: what the worker it was taken over from fetched is not fetched again
        plan = [p for p in plan if p.url not in self.already_fetched]
        if self.options.dry_run:
            # what discovery alone tells: the exit code the crawl itself would give for it
            verdict = self._unreachable() or self._discovery_verdict(discovery)
            if verdict is not None:
                return self._report(verdict[0], verdict[1], plan, verdict[2])
            return self._report("dry-run", EXIT_OK, plan)
        if self._no_start_answered(discovery):
            # the configuration names no listing that exists (a typo, a section moved): a
            # run to fix, not to go on with; re-checking every archived article against it
            # would only cost the site requests (and tombstones if a whole section went)
            verdict = self._discovery_verdict(discovery)
            assert verdict is not None
            return self._finish(*verdict)
        budget = (
            len(plan) if self.options.max_pages is None else self.options.max_pages - self.pages
        )
        if len(plan) > budget:
            self.warnings.append(
                f"--max-pages reached: {len(plan) - max(0, budget)} pages left for the next run"
            )
            log.warning("%s", self.warnings[-1])
            plan = plan[: max(0, budget)]
        self.pages += len(plan)
        signum = self._fetch_all(plan)
        if signum:
            return self._finish(
                "interrupted",
                SIGNAL_BASE + signum,
                f"interrupted by signal {signum} after {self.settled} of {len(plan)}",
            )
        self.progress("fetching", len(plan), len(plan))
        verdict = self._unreachable() or self._discovery_verdict(discovery)
        if verdict is not None:
            return self._finish(*verdict)
        if self.counts.failed:
            return self._finish(
                "failures", EXIT_FAILURES, "; ".join([self._failed_message(), *self.warnings])
            )
        return self._finish("ok", EXIT_OK, "; ".join(self.warnings) or None)

    def _unreachable(self) -> tuple[str, int, str] | None:
        """(outcome, exit code, message) when requests were sent and none was served: no answer
        at all (DNS, connect, TLS), or only server errors and timeouts (the site is down; exit 1
        would read as success to systemd and cron, run after run). A robots.txt still served while
        every page request fails (a static file before a dead application) keeps the site down;
        a run that asked for robots.txt alone (every start URL disallowed) is not down. Nor do the
        404s of discovery sources (a guessed /sitemap.xml, /feed/, wp-json) count as served: they
        say the source does not exist, not that the site works, and the archive remembers them
        (not asked again for 30 days), so the verdict would depend on the archive's memory."""
        stats = self.fetcher.stats
        if not stats.requests or stats.pages_served > self.absent_answers:
            return None
        if stats.page_requests <= self.absent_answers and stats.robots_served:
            return None  # robots.txt refused every start URL: a rule, not an outage
        if stats.answered:
            why = (
                f"site down: {_none_of(stats.requests, 'served')}, every answer a "
                f"server error or too slow ({stats.last_error or 'no answer'}"
                + (
                    f"; {plural(self.absent_answers, 'discovery source')} answered 404"
                    if self.absent_answers
                    else ""
                )
                + "); tried again next run"
            )
        else:
            why = (
                f"site unreachable: {_none_of(stats.requests, 'answered')} "
                f"({stats.last_error or 'no answer'}); check the network, DNS and the start URL"
            )
        return "unreachable", EXIT_UNREACHABLE, why

    def _no_start_answered(self, discovery: Discovery) -> bool:
        """True when every start URL answered 404/410 or may not be fetched (robots.txt): the run
        stops after discovery (exit 2) without fetching an article. With one start listing gone
        among others that answer, the crawl goes on with what those found and exits 2 at the end."""
        starts = set(self.crawl.all_start_urls())
        return bool(starts) and starts <= set(discovery.missing_starts) | set(
            discovery.disallowed_starts
        )

    def _discovery_verdict(self, discovery: Discovery) -> tuple[str, int, str] | None:
        """(outcome, exit code, message) when discovery alone decides the run: a start URL
        answering 404/410 or disallowed by robots.txt (configuration, 2), a listing holding no
        article (3)."""
        if discovery.missing_starts or discovery.disallowed_starts:
            return "config-error", EXIT_USAGE, "; ".join(self.warnings)
        if discovery.empty_listings:
            return "nothing-found", EXIT_NOTHING_FOUND, "; ".join(self.warnings)
        return None

    def _failed_message(self) -> str:
        broken = self.broken_now
        message = f"{plural(self.counts.failed, 'page')} failed (retried next run)"
        if broken:
            message += (
                f", {broken} of them {'a broken link' if broken == 1 else 'broken links'} "
                "answering 404/410 or no page (retried after "
                "1, 2, 4 and 8 days, then dropped: hubarchive runs --failed)"
            )
        return message

    def _broken_links_due(self, plan: list[PlannedFetch]) -> list[PlannedFetch]:
        """Drop the broken links not due a retry yet (and those past their last retry)."""
        kept = []
        for item in plan:
            history = self.link_failures.get(item.url)
            if item.known is None and history is not None:
                if history.dropped or not broken_link_due(
                    history.failures, history.last, now=self.started_at
                ):
                    log.info("broken link %s: not due a retry yet", item.url)
                    continue
                item = PlannedFetch(item.url, "broken-link-retry", None)
            kept.append(item)
        return kept

    def _cached_source(self, url: str) -> Any:
        with transaction(self.engine) as session:
            return cached_source(session, url)

    def _recently_absent(self, prefix: str) -> bool:
        with transaction(self.engine) as session:
            return recently_absent(session, prefix, since=self.started_at - REPROBE_AFTER)

    def _may_discover(self, found: Discovery, known: dict[str, Any]) -> bool:
        """Discovery goes on while no signal asked to stop and the page budget lasts. Once it
        has found enough new articles for extraction processes, their server starts meanwhile."""
        if not self.extraction_prepared and not self.options.dry_run:
            new = sum(1 for url in found.sightings if url not in known)
            if new >= POOL_MIN_PAGES or (
                self.options.full and len(found.sightings) >= POOL_MIN_PAGES
            ):
                self.extraction_prepared = True
                prepare_extraction(self.options.extract_processes)
        return not self.should_stop() and self._take_page()

    def _take_page(self) -> bool:
        if self.options.max_pages is not None and self.pages >= self.options.max_pages:
            return False
        self.pages += 1
        return True

    def _warn_about(self, discovery: Discovery) -> None:
        stops = self._no_start_answered(discovery)
        for url, status in discovery.missing_starts.items():
            self.warnings.append(
                f"start URL {url} answered {status}: check --start-url or [crawl] start_urls "
                f"of the site profile {self.resolved.profile_name!r} (a configuration error: "
                + (
                    "exit 2; no start URL answered, so no article was fetched)"
                    if stops
                    else "exit 2, it was exit 3 before)"
                )
            )
        for url, why in discovery.disallowed_starts.items():
            # no retry can fetch it: a configuration error, not a failure of the run
            self.warnings.append(
                f"start URL {url} cannot be crawled: {why}; check --start-url or [crawl] "
                f"start_urls of the site profile {self.resolved.profile_name!r} (a configuration "
                "error, not retried: exit 2"
                + ("; no start URL could be fetched, so no article was fetched)" if stops else ")")
            )
        for url, why in discovery.empty_listings.items():
            self.warnings.append(
                f"listing {url} {why}; has the site changed? Check [crawl] in "
                f"the site profile {self.resolved.profile_name!r} or --start-url."
            )
        # a site without patterns of its own (the generic base) is read by the generic rule
        # by design; a profile whose patterns matched nothing may be out of date: say so
        for url in discovery.generic_listings if self.crawl.article_patterns else ():
            self.warnings.append(
                f"listing {url}: the site profile {self.resolved.profile_name!r} article_patterns "
                "matched no link; the generic rule (repeated cards, article-like URLs) chose "
                "the articles"
            )
        self.warnings.extend(discovery.warnings)
        for message in discovery.failed_sources:
            if message.startswith("listing "):
                self.counts.failed += 1
            self.warnings.append(message)
        for message in self.warnings:
            log.warning("%s", message)

    def _continue(self, session: Any, run_id: int) -> None:
        """Record into run `run_id` (`CrawlOptions.continue_run`): what it fetched is answered
        from the archive or skipped, its article counts carry over."""
        self.started_at = take_over_run(session, run_id)
        self.run_id = run_id
        answers = run_answers(session, run_id)
        self.already_fetched = frozenset(answers)
        prior = prior_counts(answers, self.crawl.may_be_article)
        for name, value in prior.counts.items():
            setattr(self.counts, name, getattr(self.counts, name) + value)
        self.counts.failed += prior.failed
        if isinstance(self.fetcher, ResumingFetcher):
            self.fetcher.answers = answers
            self.fetcher.on_robots = self._log_robots
        if answers:
            log.info(
                "run %d continued: %d URLs fetched before are not fetched again",
                run_id,
                len(answers),
            )

    def _log_robots(self, url: str, capture: Capture | None, error: FetchError | None) -> None:
        """Keep robots.txt in the run's log (a worker taking the run over reads it there)."""
        with transaction(self.engine) as session:
            if capture is not None:
                record_capture(session, capture, run_id=self.run_id, outcome="robots")
            else:
                log_fetch(
                    session,
                    url,
                    fetched_at=_now(),
                    status=getattr(error, "status", None),
                    run_id=self.run_id,
                    outcome="robots",
                    error=str(error),
                )

    # -- the articles: a pipeline (fetching threads, extraction processes, batches)

    def _fetch_all(self, plan: list[PlannedFetch]) -> int | None:
        """Fetch, read and store the planned pages (`schedules.pipeline`); the signal number when
        a signal stopped the run."""
        if not plan:
            return None
        reader = PageReader(self.extract, self.crawl if self.crawl.generic_fallback else None)
        hosts = {host_of(item.url) for item in plan}
        per_host = self.fetcher.config.per_host_concurrency if self.options.delay <= 0 else 1
        threads = max(1, min(MAX_FETCH_THREADS, per_host * len(hosts), len(plan)))
        pipeline = Pipeline(
            plan,
            fetchers=[self.fetcher.sibling() for _ in range(threads)],
            fetch=self._fetch_page,
            reader=reader,
            store=self._store_batch,
            should_stop=self.should_stop,
            processes=extraction_processes(self.options.extract_processes, len(plan), reader),
            progress=lambda settled: self.progress("fetching", settled, len(plan)),
            # a run a worker may take over stores each page before fetching the next, so a
            # worker killed mid-run leaves every answer in the run's log and its successor
            # fetches nothing twice (only the one request in flight, as a retry)
            max_ahead=1 if self.options.continue_run is not None else MAX_AHEAD,
        )
        try:
            return pipeline.run()
        finally:
            self.settled = pipeline.settled

    def _fetch_page(self, fetcher: Fetcher, item: PlannedFetch) -> Fetched:
        """One planned page through one fetching thread's fetcher (no archive access here)."""
        left = fetcher.time_left()
        if left is not None and left <= 0:
            raise RunDeadlineError(f"--max-runtime of {self.options.max_runtime:g} s reached")
        url = item.url
        if not fetcher.robots_for(url).allows(url):
            return Fetched(item, disallowed=True)
        etag = item.known.etag if item.known else None
        last_modified = item.known.last_modified if item.known else None
        try:
            return Fetched(item, fetcher.fetch(url, etag=etag, last_modified=last_modified))
        except FetchError as exc:
            return Fetched(item, error=exc)

    def _store_batch(self, batch: list[Settled]) -> None:
        """Settle a batch of pages: failures and tombstones first (rare, one transaction each),
        then 304s, skipped pages, suspects and records in one write transaction."""
        ready: list[Settled] = []
        for page in batch:
            fetched = page.fetched
            url = fetched.item.url
            if fetched.disallowed:
                ready.append(page)
                continue
            self.counts.fetched += 1
            exc = fetched.error
            if isinstance(exc, PermanentFetchError) and exc.status in (404, 410):
                if isinstance(exc, DisallowedError):
                    self._failed(url, exc)
                else:
                    self._gone(url, exc)
            elif isinstance(exc, ContentTypeError) and fetched.item.known is None:
                self._not_a_page(url, exc)
            elif isinstance(exc, Exception):
                self._failed(url, exc)
            elif page.reading is not None and page.reading.article is None:
                log.error("extraction failed for %s\n%s", url, page.reading.trace or "")
                self._failed(url, _ExtractionFailed(page.reading.error), capture=fetched.capture)
            else:
                ready.append(page)
        if not ready:
            return
        records: list[RecordToStore] = []
        with transaction(self.engine) as session:
            for page in ready:
                self._settle(session, page, records)
            results = store_records(
                session,
                records,
                run_id=self.run_id,
                extractor_version=EXTRACTOR_VERSION,
                site=self.site,
            )
        for record, result in zip(records, results, strict=True):
            if isinstance(result, StoreFailure):
                # the capture's own text may be what cannot be stored: the failure is logged bare
                self._failed(record.article.url, result.error)
                continue
            status = result.status
            if status is StoreStatus.NEW:
                self.counts.new += 1
            elif status is StoreStatus.CHANGED:
                self.counts.changed += 1
            else:
                self.counts.unchanged += 1
            log.info("%s %s", status.value, record.article.url)

    def _settle(self, session: Session, page: Settled, records: list[RecordToStore]) -> None:
        """One page of a batch within its transaction; a record to store goes to `records`."""
        fetched = page.fetched
        url = fetched.item.url
        capture = fetched.capture
        if fetched.disallowed:
            self.counts.skipped += 1
            self._log(
                url, None, outcome="skipped", error="disallowed by robots.txt", session=session
            )
            return
        assert capture is not None
        if capture.status == 304:
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
        assert page.reading is not None and page.reading.article is not None
        article = page.reading.article
        if page.reading.listing:
            # the generic rule took a listing (a tag or archive page) for an article: not a version
            self.counts.skipped += 1
            self._log(
                url,
                capture,
                outcome="skipped",
                error="a listing of cards, not an article",
                session=session,
            )
            log.info("skipped %s: a listing of cards, not an article", url)
            return
        if self._refused_as_suspect(session, fetched.item, article, capture):
            return
        records.append(RecordToStore(article, capture.fetched_at, capture))

    def _refused_as_suspect(
        self, session: Session, item: PlannedFetch, article: Article, capture: Capture
    ) -> bool:
        """Log a suspect 200 as a failed fetch (see `schedules.suspect`); False to store it."""
        # a URL the archive did not hold when the run was planned has no current version
        shape = current_shape(session, item.url) if item.known is not None else None
        reason = suspect_reason(article, capture, shape)
        if reason is None or suspected_before(session, item.url, capture.body):
            return False
        log_suspect(session, capture, reason, run_id=self.run_id)
        self.counts.failed += 1
        log.warning("failed: %s: suspect 200, not versioned: %s", item.url, reason)
        return True

    def _gone(self, url: str, exc: PermanentFetchError) -> None:
        history = self.link_failures.get(url)
        failures = (history.failures if history else 0) + 1
        spent = broken_link_spent(failures)
        with transaction(self.engine) as session:
            result = mark_gone(session, url, seen_at=_now(), run_id=self.run_id)
            outcome = "gone" if result else (BROKEN if spent else "failed")
            log_fetch(
                session,
                url,
                fetched_at=_now(),
                status=exc.status,
                run_id=self.run_id,
                outcome=outcome,
                error=str(exc),
            )
        if result is None:
            self._broken_link(url, exc, f"answered {exc.status}", failures, spent)
        elif result.status is StoreStatus.GONE:
            self.counts.gone += 1
            log.info("gone %s", url)
        else:
            self.counts.unchanged += 1  # gone before this run: still gone, no change
            log.info("still gone %s", url)

    def _not_a_page(self, url: str, exc: ContentTypeError) -> None:
        """A linked URL never archived that answers no page (a PDF, an image): a broken link,
        retried as one (1, 2, 4, 8 days) and then dropped, not a failure of every run."""
        history = self.link_failures.get(url)
        failures = (history.failures if history else 0) + 1
        spent = broken_link_spent(failures)
        self._log(url, None, outcome=BROKEN if spent else "failed", error=str(exc), status=200)
        self._broken_link(url, exc, f"is {exc.media}, not a page", failures, spent)

    def _broken_link(self, url: str, exc: Exception, what: str, failures: int, spent: bool) -> None:
        """Count and say a broken link's failure, or report it once and drop it when `spent`."""
        if spent:
            self.warnings.append(
                f"broken link {url} {what} {failures} times: dropped from the "
                "retries (hubarchive runs --failed lists it)"
            )
            log.warning("%s", self.warnings[-1])
            return
        self.counts.failed += 1
        self.broken_now += 1
        log.warning(
            "failed: %s (a broken link: linked from the site, never archived; failure %d of at most %d)",
            exc,
            failures,
            len(BROKEN_LINK_RETRIES) + 1,
        )

    def _failed(self, url: str, exc: Exception, *, capture: Capture | None = None) -> None:
        self.counts.failed += 1
        log.warning("failed: %s", exc)
        self._log(
            url, capture, outcome="failed", error=str(exc), status=getattr(exc, "status", None)
        )

    def _log_source(self, exchange: SourceExchange) -> None:
        if exchange.outcome == "absent" and getattr(exchange.error, "status", None) in (404, 410):
            self.absent_answers += 1
        if exchange.url in self.already_fetched:
            return  # answered from this run's own log: logged once, when it was fetched
        error = exchange.error
        if exchange.outcome == "listing" and exchange.capture is not None:
            if not self.options.dry_run:
                with transaction(self.engine) as session:
                    log_source(session, exchange.capture, run_id=self.run_id, body=exchange.body)
            return
        if isinstance(error, DisallowedError):
            self._log(exchange.url, None, outcome="skipped", error=str(error))
            return
        self._log(
            exchange.url,
            None,
            outcome=ABSENT if exchange.outcome == "absent" else "failed",
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
        session: Session | None = None,
    ) -> None:
        if self.options.dry_run:
            return
        if session is None:
            with transaction(self.engine) as own:
                self._log(url, capture, outcome=outcome, error=error, status=status, session=own)
            return
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
        self,
        outcome: str,
        exit_code: int,
        plan: list[PlannedFetch] | None = None,
        message: str | None = None,
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
            message=message,
        )

    def _finish(self, outcome: str, exit_code: int, message: str | None) -> RunReport:
        report = self._report(outcome, exit_code, message=message)
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


def _args(options: CrawlOptions, site: ResolvedSite) -> dict[str, Any]:
    return {
        "site": site.key,
        "profile": site.profile_name,
        "start_urls": list(options.start_urls),
        "full": options.full,
        "max_pages": options.max_pages,
        "delay": options.delay,
        "max_runtime": options.max_runtime,
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


def _start_urls_since(session: Any, *, since: dt.datetime) -> set[str]:
    """The `--start-url`s of the crawls started since `since` (as given and canonical)."""
    found: set[str] = set()
    for args in session.scalars(
        select(RunRow.args).where(RunRow.kind == "crawl", RunRow.started_at >= since)
    ):
        for url in (args or {}).get("start_urls") or []:
            found.add(url)
            found.add(canonical_url(url) or url)
    return found


def _profile_text(profile: SiteProfile) -> str | None:
    """The text of the profile file (kept in the archive's `sites` row)."""
    try:
        return Path(profile.source).read_text(encoding="utf-8") if profile.source else None
    except OSError:
        return None


def _sources_failed_last_run(
    session: Any, crawl: CrawlProfile, site: str, current: int | None = None
) -> bool:
    """True when the site's last crawl (before the `current` one, when it is recorded already)
    could not fetch a discovery source (listing, API or sitemap page; a source that does not
    exist is no failure)."""
    query = select(func.max(RunRow.id)).where(RunRow.kind == "crawl", RunRow.site == site)
    if current is not None:
        query = query.where(RunRow.id < current)
    last = session.scalar(query)
    if last is None:
        return False
    failed = session.scalars(
        select(FetchRow.url).where(FetchRow.run_id == last, FetchRow.outcome == "failed")
    )
    return any(not crawl.may_be_article(url) for url in failed)


def _close_stale_runs_and_since(
    session: Any, site: str, *, keep: int | None = None
) -> dt.datetime | None:
    """Under the site's lock no other crawl of it runs: its "running" rows (but `keep`, the run
    this crawl continues) are crashed runs, marked interrupted. Returns the start of the site's
    last completed crawl, minus the clock-skew allowance."""
    stale = update(RunRow).where(
        RunRow.kind == "crawl", RunRow.outcome == "running", RunRow.site == site
    )
    if keep is not None:
        stale = stale.where(RunRow.id != keep)
    session.execute(
        stale.values(outcome="interrupted", message="the process ended without recording its end")
    )
    last: dt.datetime | None = session.scalar(
        select(RunRow.started_at)
        .where(RunRow.kind == "crawl", RunRow.outcome.in_(_COMPLETED), RunRow.site == site)
        .order_by(RunRow.started_at.desc())
        .limit(1)
    )
    if last is None:
        return None
    return (last if last.tzinfo else last.replace(tzinfo=dt.UTC)) - SKEW
