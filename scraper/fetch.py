"""HTTP fetching, the only code that touches the network: politeness, robots.txt, retries, limits.

One `Fetcher` owns one `requests.Session`. `Fetcher.fetch` returns a `Capture` (status 200, or 304
for a conditional GET that matched) or raises: `TransientFetchError` after the retries are spent
(`DeadlineError`, not retried within the run, when an answer does not complete within
`Timeouts.total`), `PermanentFetchError` for 4xx / wrong content type / too large,
`DisallowedError` for robots.txt, a URL or redirect outside the allowed origins or a private
address. It never returns None. Past `FetchConfig.max_runtime` it raises `RunDeadlineError`.

Politeness lives in one place, the `HostGate` a fetcher is given (default: an in-process
`HostLimiter`): every request, robots.txt and redirects and retries included, waits for its turn
there (`wait_turn`) and hands it back when its answer is read (`done`). One `Fetcher` makes one
request at a time; a pipelined crawl fetches in several threads, each with its own `sibling()`
fetcher sharing the gate, the robots.txt rules, the counts and the run's deadline.

Scope: a URL is checked against the allowed origins (`scraper.urls`) before anything touches the
network, each redirect target before it is followed, and every connection again at the socket
(`scraper.guard`), where the host is resolved once and private addresses are refused. The request
line is exactly the URL's WHATWG serialisation.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, Self

import requests
import urllib3
from requests.cookies import extract_cookies_to_jar
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from scraper import __version__
from scraper.errors import (
    ContentTypeError,
    DeadlineError,
    DisallowedError,
    FetchError,
    PermanentFetchError,
    RunDeadlineError,
    TransientFetchError,
)
from scraper.guard import ConnectionGuard, GuardedAdapter, RefusedConnection, Watchdog
from scraper.models import Capture
from scraper.robots import RobotsCache, RobotsRules, allow_all, parse_robots, unavailable
from scraper.sightings import parse_timestamp
from scraper.urls import canonical_url, host_of, is_allowed_host, parse_url

CONTACT_URL = "https://github.com/hubarchive/hubarchive"
HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
XML_TYPES: tuple[str, ...] = (
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/x-gzip",
    "application/gzip",
    "application/octet-stream",
)
JSON_TYPES: tuple[str, ...] = ("application/json",)
TEXT_TYPES: tuple[str, ...] = ("text/plain",)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


def default_user_agent(contact: str | None = None) -> str:
    """`hubarchive/<version> (+contact)`: who we are and where a site owner writes to (the
    operator's `contact` URL or address when given, else the project's page)."""
    return f"hubarchive/{__version__} (+{contact or CONTACT_URL})"


def product_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched on (RFC 9309): `hubarchive` of
    `hubarchive/0.1 (+https://…)`, `Mozilla` of a browser-like string."""
    token = user_agent.strip().split("/", 1)[0].split(None, 1)
    return token[0] if token else user_agent


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection, between bytes of the answer (`read`), and for the whole
    answer, headers and body, of one request (`total`: a trickling server cannot stall a run)."""

    connect: float = 5.0
    read: float = 20.0
    total: float = 60.0

    def as_tuple(self) -> tuple[float, float]:
        return (self.connect, self.read)


@dataclass(frozen=True)
class RetryPolicy:
    """How transient failures are retried: bounded attempts, exponential backoff with jitter."""

    attempts: int = 4
    initial_wait: float = 1.0
    max_wait: float = 30.0
    jitter: float = 1.0
    #: a Retry-After longer than this is cut to it (a server asking for an hour must not stall a run)
    retry_after_cap: float = 120.0


@dataclass(frozen=True)
class FetchConfig:
    """Everything a `Fetcher` needs, passed in (no module-level state)."""

    allowed_hosts: frozenset[str]
    user_agent: str = field(default_factory=default_user_agent)
    timeouts: Timeouts = Timeouts()
    retry: RetryPolicy = RetryPolicy()
    #: politeness: seconds between two requests to one host (robots.txt Crawl-delay may raise it)
    delay: float = 1.0
    #: a Crawl-delay above this is cut to it
    max_crawl_delay: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True
    #: origin keys (as `allowed_hosts`) that may resolve to private or loopback addresses: the
    #: start URLs' own, when they are such addresses (a local or intranet site)
    private_hosts: frozenset[str] = frozenset()
    #: any allowed host may resolve to a private address (the profile's `allow_private`)
    allow_private: bool = False
    #: seconds this fetcher may work in all (`--max-runtime`); None: no bound
    max_runtime: float | None = None
    #: requests to one host in flight at once, when `delay` (and robots.txt Crawl-delay) is 0;
    #: any delay means one at a time (the delay runs from the end of the previous answer)
    per_host_concurrency: int = 1


class HostGate(Protocol):
    """Where per-host politeness is enforced: the pause between requests and how many are in flight.

    `Fetcher` calls `wait_turn(host, delay)` before every request (robots.txt, redirects and
    retries included) and `done(host)` exactly once after it, when the answer is read or the
    request failed. `host` is the host name (`scraper.urls.host_of`: no port, so sites on several
    ports of one machine share its politeness); `delay` is seconds,
    the run's `--delay` raised by the host's robots.txt Crawl-delay. `wait_turn` blocks until the
    request may start and may raise (e.g. `RunDeadlineError` when the wait outlasts the run);
    then `done` is not called. An implementation shared by several processes (a worker pool on
    one archive) keeps the same contract across them; `HostLimiter` is the in-process one.
    """

    def wait_turn(self, host: str, delay: float) -> None: ...

    def done(self, host: str) -> None: ...


class HostLimiter:
    """The in-process `HostGate`: per host, at most `concurrency` requests in flight when the
    delay is 0; with a delay, one at a time and each starting `delay` seconds after the previous
    answer ended. Thread-safe; `sleep` and `clock` as the fetcher's (tests freeze them)."""

    def __init__(
        self,
        concurrency: int = 1,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.concurrency = max(1, concurrency)
        self._sleep = sleep
        self._clock = clock
        self._turns = threading.Condition()
        self._in_flight: dict[str, int] = {}
        self._last_done: dict[str, float] = {}

    def wait_turn(self, host: str, delay: float) -> None:
        """Block until a request to `host` may start (see the class docstring)."""
        limit = self.concurrency if delay <= 0 else 1
        with self._turns:
            while self._in_flight.get(host, 0) >= limit:
                self._turns.wait()
            self._in_flight[host] = self._in_flight.get(host, 0) + 1
            last = self._last_done.get(host)
            wait = 0.0 if last is None or delay <= 0 else last + delay - self._clock()
        if wait > 0:
            try:
                self._sleep(wait)
            except BaseException:
                self._release(host, ended=False)
                raise

    def done(self, host: str) -> None:
        """The request to `host` has ended: the next one's delay runs from now."""
        self._release(host, ended=True)

    def _release(self, host: str, *, ended: bool) -> None:
        with self._turns:
            self._in_flight[host] = max(0, self._in_flight.get(host, 0) - 1)
            if ended:
                self._last_done[host] = self._clock()
            self._turns.notify_all()


def network_reason(exc: requests.RequestException) -> str:
    """One short line for a failed connection, naming what a person can act on (DNS, refused,
    timed out, TLS) instead of urllib3's nested reprs: e.g. "ConnectionError: DNS: the name
    news.example does not resolve"."""
    cause: object = exc.args[0] if exc.args else exc
    cause = getattr(cause, "reason", cause)  # urllib3's MaxRetryError wraps the real cause
    name = type(exc).__name__
    if isinstance(cause, urllib3.exceptions.NameResolutionError):
        return f"{name}: DNS: the name {cause.conn.host} does not resolve"
    if isinstance(exc, requests.ConnectTimeout):
        return f"{name}: connecting timed out"
    if isinstance(exc, requests.exceptions.SSLError):
        return f"{name}: TLS handshake failed ({_first_line(cause)})"
    if isinstance(exc, requests.Timeout):
        return f"{name}: the answer took too long (--read-timeout)"
    if isinstance(cause, urllib3.exceptions.NewConnectionError):
        errno_text = _first_line(cause).rsplit("] ", 1)[-1]  # "[Errno 111] Connection refused"
        return f"{name}: {cause.conn.host}:{cause.conn.port}: {errno_text}"
    return f"{name}: {_first_line(cause)}"


def _innermost(exc: BaseException) -> object:
    """The cause at the bottom of requests' and urllib3's wrapping (`('Received response with
    content-encoding: gzip, but failed to decode it.', error('Error -3 …'))` → `Error -3 …`)."""
    cause: object = exc
    while isinstance(cause, BaseException) and cause.args:
        inner = cause.args[-1]
        if isinstance(inner, str):
            break
        cause = inner
    return cause


def _message(exc: BaseException) -> object:
    """The first message down requests' and urllib3's wrapping (`('Connection broken:
    IncompleteRead(…)', IncompleteRead(…))` → `Connection broken: IncompleteRead(…)`)."""
    cause: object = exc
    while isinstance(cause, BaseException) and cause.args:
        if isinstance(cause.args[0], str):
            return cause.args[0]
        cause = cause.args[0]
    return cause


def _first_line(value: object) -> str:
    """`value` as at most one line of `MAX_REASON_CHARS`."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"


#: a network error's text kept in warnings and run rows: urllib3's reprs run to 400 characters
MAX_REASON_CHARS = 160


@dataclass
class FetchStats:
    """What the network cost: HTTP requests sent (retries and redirects included) and body bytes.

    Shared by a fetcher and its siblings: counted through `add` (thread-safe)."""

    requests: int = 0
    bytes: int = 0
    #: requests that reached the server: an HTTP answer, whatever its status, or a connection
    #: that then timed out (none at all: the site is unreachable: DNS, connect, TLS)
    answered: int = 0
    #: answers the site served: any status but a server error (5xx) or 429 (none at all while
    #: some were answered: the site is down, every answer an error page or too slow)
    served: int = 0
    #: of those, requests and served answers for robots.txt: a site whose pages all fail while a
    #: static robots.txt still answers (a proxy in front of a dead application) is down
    robots_requests: int = 0
    robots_served: int = 0
    #: the last network error, for the message of an unreachable site
    last_error: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(
        self,
        *,
        requests: int = 0,
        bytes: int = 0,
        answered: int = 0,
        served: int = 0,
        robots: bool = False,
    ) -> None:
        with self._lock:
            self.requests += requests
            self.bytes += bytes
            self.answered += answered
            self.served += served
            if robots:
                self.robots_requests += requests
                self.robots_served += served

    @property
    def page_requests(self) -> int:
        """Requests for anything but robots.txt."""
        return self.requests - self.robots_requests

    @property
    def pages_served(self) -> int:
        """Answers served for anything but robots.txt."""
        return self.served - self.robots_served


class Fetcher:
    """A polite HTTP client for one crawl: one session, per-host delay, robots.txt, retries.

    `gate` enforces the per-host delay and concurrency (default: a `HostLimiter` of
    `config.per_host_concurrency`); pass a shared one to keep several fetchers polite together.
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        gate: HostGate | None = None,
    ) -> None:
        self.config = config
        #: the whole-response deadlines of this fetcher and its siblings: one thread for all
        self.watchdog = Watchdog()
        self.guard = self._new_guard()
        self.session = self._guarded(session or requests.Session())
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._ends = None if config.max_runtime is None else clock() + config.max_runtime
        self.gate: HostGate = gate or HostLimiter(
            config.per_host_concurrency, sleep=self._sleep_within_runtime, clock=clock
        )
        self._robots = RobotsCache(load=self._load_robots)

    def _new_guard(self) -> ConnectionGuard:
        return ConnectionGuard(
            self.config.allowed_hosts,
            private_ok=self.config.private_hosts,
            allow_private=self.config.allow_private,
            watchdog=self.watchdog,
        )

    def _guarded(self, session: requests.Session) -> requests.Session:
        session.headers["User-Agent"] = self.config.user_agent
        # proxies from the environment would hide the peer from the guard
        session.trust_env = False
        adapter = GuardedAdapter(self.guard)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def sibling(self) -> Fetcher:
        """A fetcher for another thread: its own session and connection guard (one exchange at
        a time each), this one's config, gate, sleep and clock, robots.txt rules, counts and run
        deadline (the robots.txt of a host not seen yet is fetched through this fetcher, which
        must then be idle)."""
        twin = copy.copy(self)
        twin.guard = twin._new_guard()
        twin.session = twin._guarded(requests.Session())
        return twin

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def robots_for(self, url: str) -> RobotsRules:
        """The robots.txt rules of `url`'s host (fetched once per crawl)."""
        if not self.config.respect_robots:
            return allow_all(product_token(self.config.user_agent))
        return self._robots.rules_for(url)

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] = HTML_TYPES,
        max_bytes: int | None = None,
    ) -> Capture:
        """GET `url` (conditionally when validators are given), retrying transient failures;
        at most `max_bytes` of body (default `FetchConfig.max_bytes`)."""
        self._check_allowed(url)
        request_headers: dict[str, str] = {}
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        limit = self.config.max_bytes if max_bytes is None else max_bytes
        result: Capture = self._retrying()(self._follow, url, request_headers, accept, limit)
        return result

    def _retrying(self) -> Retrying:
        """Transient failures retried with backoff; a missed deadline waits for the next run."""
        return Retrying(
            stop=stop_after_attempt(max(1, self.config.retry.attempts)),
            wait=self._wait,
            retry=retry_if_exception(_worth_retrying),
            sleep=self._sleep_within_runtime,
            reraise=True,
        )

    # -- one attempt: the request and the manual redirects within the allowed hosts

    def _follow(
        self, url: str, request_headers: dict[str, str], accept: tuple[str, ...], limit: int
    ) -> Capture:
        current = url
        for _ in range(self.config.max_redirects + 1):
            with self._turn(current), self._exchange(current):
                response, started = self._get(current, request_headers)
                if response.status_code not in _REDIRECTS:
                    return self._capture(
                        url, current, response, started, request_headers, accept, limit
                    )
            location = response.headers.get("Location")
            response.close()
            if not location:
                raise PermanentFetchError(
                    url,
                    f"redirect {response.status_code} without Location",
                    status=response.status_code,
                )
            current = self._redirect_target(url, current, location)
            self._check_allowed(current, redirected_from=url)
        raise PermanentFetchError(url, f"more than {self.config.max_redirects} redirects")

    def _redirect_target(self, url: str, current: str, location: str) -> str:
        """The canonical URL a `Location` header names, resolved against `current`. The header
        reaches us decoded as latin-1; raw UTF-8 bytes in it are read as UTF-8, as browsers do."""
        try:
            location = location.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        target = canonical_url(location, current)
        if target is None:
            raise PermanentFetchError(url, f"redirect to {location!r}, which is not a usable URL")
        return target

    @contextmanager
    def _exchange(self, url: str) -> Iterator[None]:
        """One request and its answer within the whole-response deadline (and the run's):
        a missed deadline becomes `DeadlineError` or `RunDeadlineError`, whatever broke."""
        seconds = self.config.timeouts.total
        remaining = self._remaining()
        run_bound = remaining is not None and remaining < seconds
        if remaining is not None:
            if remaining <= 0:
                raise RunDeadlineError(self._runtime_message())
            seconds = min(seconds, remaining)
        with self.guard.deadline(seconds):
            try:
                yield
            except FetchError:
                if not self.guard.expired:
                    raise
                if run_bound:
                    raise RunDeadlineError(self._runtime_message()) from None
                self.stats.add(answered=1)  # the server is there, only too slow
                self.stats.last_error = (
                    f"no complete answer within {self.config.timeouts.total:g} s (--timeout)"
                )
                raise DeadlineError(
                    url,
                    f"no complete answer within {self.config.timeouts.total:g} s "
                    "(the whole-response deadline, --timeout); tried again next run",
                ) from None

    def time_left(self) -> float | None:
        """Seconds left of `max_runtime` (None without one); ≤ 0 once it is reached."""
        return self._remaining()

    def _remaining(self) -> float | None:
        return None if self._ends is None else self._ends - self._clock()

    def _runtime_message(self) -> str:
        return f"--max-runtime of {self.config.max_runtime:g} s reached"

    def _sleep_within_runtime(self, seconds: float) -> None:
        remaining = self._remaining()
        if remaining is not None and seconds >= remaining:
            raise RunDeadlineError(self._runtime_message())
        self._sleep(seconds)

    def _get(
        self, url: str, headers: dict[str, str], *, robots: bool = False
    ) -> tuple[requests.Response, float]:
        started = self._clock()
        self.stats.add(requests=1, robots=robots)
        try:
            prepared = self.session.prepare_request(requests.Request("GET", url, headers=headers))
            prepared.url = url  # exactly the checked serialisation, not a re-quoted one
            # the adapter, not `Session.send`: that one parses a redirect's Location with
            # urllib.parse even when it will not follow it (and raises on a broken one)
            response = self.session.get_adapter(url).send(
                prepared, stream=True, timeout=self.config.timeouts.as_tuple(), proxies={}
            )
            extract_cookies_to_jar(self.session.cookies, prepared, response.raw)
        except RefusedConnection as exc:
            raise DisallowedError(url, str(exc)) from exc
        except ValueError as exc:  # requests cannot write it (a "[" in its user info…)
            raise PermanentFetchError(url, f"not a URL the client can request: {exc}") from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            self.stats.last_error = network_reason(exc)
            if isinstance(exc, requests.Timeout) and not isinstance(exc, requests.ConnectTimeout):
                self.stats.add(answered=1)  # connected, then too slow: the site is there
            raise TransientFetchError(url, self.stats.last_error) from exc
        except requests.RequestException as exc:
            self.stats.last_error = f"{type(exc).__name__}: {exc}"
            raise PermanentFetchError(url, f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            self.stats.last_error = f"HTTP {response.status_code}"
            self.stats.add(answered=1)
        else:
            self.stats.add(answered=1, served=1, robots=robots)
        return response, started

    def _capture(
        self,
        url: str,
        final_url: str,
        response: requests.Response,
        started: float,
        request_headers: dict[str, str],
        accept: tuple[str, ...],
        limit: int,
    ) -> Capture:
        status = response.status_code
        headers = dict(response.headers)
        if status == 304:
            response.close()
            body = b""
        elif status == 429 or status >= 500:
            response.close()
            raise TransientFetchError(
                url,
                f"HTTP {status}",
                status=status,
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        elif status != 200:
            response.close()
            raise PermanentFetchError(url, f"HTTP {status}", status=status)
        else:
            _check_content_type(url, response.headers.get("Content-Type"), accept)
            body = self._read_body(url, response, limit)
        return Capture(
            url=url,
            status=status,
            body=body,
            fetched_at=dt.datetime.now(dt.UTC),
            final_url=final_url,
            headers=headers,
            request_headers=dict(request_headers),
            elapsed_ms=int((self._clock() - started) * 1000),
        )

    def _read_body(self, url: str, response: requests.Response, limit: int) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            response.close()
            raise PermanentFetchError(
                url, f"body of {declared} bytes is over the {limit}-byte limit"
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise PermanentFetchError(url, f"body is over the {limit}-byte limit")
                chunks.append(chunk)
        except requests.exceptions.ContentDecodingError as exc:
            # before OSError, which it subclasses: the same bytes come back if asked again
            coding = response.headers.get("Content-Encoding", "?")
            raise PermanentFetchError(
                url,
                f"body does not decode as its Content-Encoding {coding} says: "
                f"{_first_line(_innermost(exc))}",
            ) from exc
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
            OSError,
        ) as exc:
            # ChunkedEncodingError: the connection broke before the declared length arrived
            raise TransientFetchError(
                url, f"body interrupted: {_first_line(_message(exc))}"
            ) from exc
        finally:
            response.close()
            self.stats.add(bytes=size)
        return b"".join(chunks)

    # -- rules: allowed hosts, robots.txt, politeness, backoff

    def _check_allowed(self, url: str, *, redirected_from: str | None = None) -> None:
        if parse_url(url) is None:
            raise DisallowedError(redirected_from or url, f"{url!r} is not a usable http(s) URL")
        if not is_allowed_host(url, self.config.allowed_hosts):
            where = f"redirect to {url}" if redirected_from else url
            raise DisallowedError(
                redirected_from or url,
                f"{where} is outside the allowed hosts "
                f"({', '.join(sorted(self.config.allowed_hosts))}); not followed",
            )
        rules = self.robots_for(url)
        if rules.unavailable:
            raise TransientFetchError(redirected_from or url, rules.unavailable)
        if not rules.allows(url):
            raise DisallowedError(redirected_from or url, f"robots.txt disallows {url}")

    def delay_for(self, url: str) -> float:
        """Seconds between two requests to `url`'s host: the configured delay, raised by the
        host's robots.txt Crawl-delay once known (capped by `max_crawl_delay`)."""
        delay = self.config.delay
        rules = self._robots.peek(url) if self.config.respect_robots else None
        if rules is not None:
            crawl_delay = rules.crawl_delay
            if crawl_delay:
                delay = max(delay, min(crawl_delay, self.config.max_crawl_delay))
        return delay

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """One request's turn at the gate: waited for before, handed back after (see `HostGate`)."""
        host = host_of(url)
        self.gate.wait_turn(host, self.delay_for(url))
        try:
            yield
        finally:
            self.gate.done(host)

    def _wait(self, state: RetryCallState) -> float:
        policy = self.config.retry
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, TransientFetchError) and exc.retry_after is not None:
            return min(exc.retry_after, policy.retry_after_cap)
        backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.jitter
        )
        return float(backoff(state))

    def _load_robots(self, robots: str) -> RobotsRules:
        agent = product_token(self.config.user_agent)
        try:
            capture = self._retrying()(self._robots_once, robots)
        except TransientFetchError as exc:
            return unavailable(agent, f"robots.txt unreachable ({exc}); host skipped this run")
        except FetchError:
            return allow_all(agent)
        # utf-8-sig: a byte-order mark would otherwise glue itself to the first "User-agent" line
        # and drop the first group of rules (RFC 9309 robots.txt is UTF-8)
        return parse_robots(capture.body.decode("utf-8-sig", errors="replace"), agent)

    def _robots_once(self, robots: str) -> Capture:
        """One attempt at robots.txt, following redirects within the allowed hosts (RFC 9309);
        a 4xx or an off-site redirect raises `PermanentFetchError` (then: no rules, allow all)."""
        current = robots
        for _ in range(self.config.max_redirects + 1):
            with self._turn(current), self._exchange(current):
                response, started = self._get(current, {}, robots=True)
                location = response.headers.get("Location")
                if not (response.status_code in _REDIRECTS and location):
                    if 300 <= response.status_code < 500:
                        response.close()
                        raise PermanentFetchError(robots, f"HTTP {response.status_code}")
                    return self._capture(
                        robots, current, response, started, {}, (), self.config.max_bytes
                    )
            response.close()
            current = self._redirect_target(robots, current, location)
            if not is_allowed_host(current, self.config.allowed_hosts):
                raise PermanentFetchError(robots, f"redirects off-site to {current}")
        raise PermanentFetchError(robots, f"more than {self.config.max_redirects} redirects")


def _worth_retrying(exc: BaseException) -> bool:
    return isinstance(exc, TransientFetchError) and not isinstance(exc, DeadlineError)


def _check_content_type(url: str, value: str | None, accept: tuple[str, ...]) -> None:
    """Refuse a body whose declared media type is not one we can read (no header: accepted)."""
    if not value or not accept:
        return
    media = value.split(";", 1)[0].strip().lower()
    if media not in accept and not (media.endswith("+xml") and "application/xml" in accept):
        raise ContentTypeError(url, media, accept)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))  # delta-seconds (fractions accepted, leniently)
    except ValueError:
        pass
    when = parse_timestamp(value)
    return None if when is None else max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
