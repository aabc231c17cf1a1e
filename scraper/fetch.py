"""HTTP fetching, the only code that touches the network: politeness, robots.txt, retries, limits.

One `Fetcher` owns one `requests.Session`. `Fetcher.fetch` returns a `Capture` (status 200, or 304
for a conditional GET that matched) or raises: `TransientFetchError` after the retries are spent,
`PermanentFetchError` for 4xx / wrong content type / too large, `DisallowedError` for robots.txt or
an off-site redirect. It never returns None.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urljoin

import requests
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from scraper import __version__
from scraper.errors import DisallowedError, FetchError, PermanentFetchError, TransientFetchError
from scraper.models import Capture
from scraper.robots import RobotsCache, RobotsRules, allow_all, parse_robots, unavailable
from scraper.sightings import parse_timestamp
from scraper.urls import host_of, is_allowed_host

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
    """Seconds to wait for a connection and between bytes of the answer."""

    connect: float = 5.0
    read: float = 20.0

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


@dataclass
class FetchStats:
    """What the network cost: HTTP requests sent (retries and redirects included) and body bytes."""

    requests: int = 0
    bytes: int = 0
    #: requests that got an HTTP answer, whatever its status (none at all: the site is unreachable)
    answered: int = 0
    #: the last network error, for the message of an unreachable site
    last_error: str | None = None


class Fetcher:
    """A polite HTTP client for one crawl: one session, per-host delay, robots.txt, retries."""

    def __init__(
        self,
        config: FetchConfig,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._robots = RobotsCache(load=self._load_robots)

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
    ) -> Capture:
        """GET `url` (conditionally when validators are given), retrying transient failures."""
        self._check_allowed(url)
        request_headers: dict[str, str] = {}
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        retrying = Retrying(
            stop=stop_after_attempt(max(1, self.config.retry.attempts)),
            wait=self._wait,
            retry=retry_if_exception_type(TransientFetchError),
            sleep=self._sleep,
            reraise=True,
        )
        result: Capture = retrying(self._follow, url, request_headers, accept)
        return result

    # -- one attempt: the request and the manual redirects within the allowed hosts

    def _follow(
        self, url: str, request_headers: dict[str, str], accept: tuple[str, ...]
    ) -> Capture:
        current = url
        for _ in range(self.config.max_redirects + 1):
            response, started = self._get(current, request_headers)
            if response.status_code not in _REDIRECTS:
                return self._capture(url, current, response, started, request_headers, accept)
            location = response.headers.get("Location")
            response.close()
            if not location:
                raise PermanentFetchError(
                    url,
                    f"redirect {response.status_code} without Location",
                    status=response.status_code,
                )
            current = urljoin(current, location)
            self._check_allowed(current, redirected_from=url)
        raise PermanentFetchError(url, f"more than {self.config.max_redirects} redirects")

    def _get(self, url: str, headers: dict[str, str]) -> tuple[requests.Response, float]:
        self._be_polite(url)
        started = self._clock()
        self.stats.requests += 1
        try:
            response = self.session.get(
                url,
                headers=headers,
                timeout=self.config.timeouts.as_tuple(),
                allow_redirects=False,
                stream=True,
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            self.stats.last_error = f"{type(exc).__name__}: {exc}"
            raise TransientFetchError(url, f"{type(exc).__name__}: {exc}") from exc
        except requests.RequestException as exc:
            self.stats.last_error = f"{type(exc).__name__}: {exc}"
            raise PermanentFetchError(url, f"{type(exc).__name__}: {exc}") from exc
        finally:
            self._last_request[host_of(url)] = self._clock()
        self.stats.answered += 1
        return response, started

    def _capture(
        self,
        url: str,
        final_url: str,
        response: requests.Response,
        started: float,
        request_headers: dict[str, str],
        accept: tuple[str, ...],
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
            body = self._read_body(url, response)
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

    def _read_body(self, url: str, response: requests.Response) -> bytes:
        limit = self.config.max_bytes
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
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as exc:
            # ChunkedEncodingError: the connection broke before the declared length arrived
            raise TransientFetchError(url, f"body interrupted: {exc}") from exc
        except requests.exceptions.ContentDecodingError as exc:
            raise PermanentFetchError(url, f"body does not decode: {exc}") from exc
        finally:
            response.close()
            self.stats.bytes += size
        return b"".join(chunks)

    # -- rules: allowed hosts, robots.txt, politeness, backoff

    def _check_allowed(self, url: str, *, redirected_from: str | None = None) -> None:
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

    def _be_polite(self, url: str) -> None:
        host = host_of(url)
        delay = self.config.delay
        rules = self._robots.peek(url) if self.config.respect_robots else None
        if rules is not None:
            crawl_delay = rules.crawl_delay
            if crawl_delay:
                delay = max(delay, min(crawl_delay, self.config.max_crawl_delay))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

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
            retrying = Retrying(
                stop=stop_after_attempt(max(1, self.config.retry.attempts)),
                wait=self._wait,
                retry=retry_if_exception_type(TransientFetchError),
                sleep=self._sleep,
                reraise=True,
            )
            capture = retrying(self._robots_once, robots)
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
            response, started = self._get(current, {})
            location = response.headers.get("Location")
            if response.status_code in _REDIRECTS and location:
                response.close()
                current = urljoin(current, location)
                if not is_allowed_host(current, self.config.allowed_hosts):
                    raise PermanentFetchError(robots, f"redirects off-site to {current}")
                continue
            if 300 <= response.status_code < 500:
                response.close()
                raise PermanentFetchError(robots, f"HTTP {response.status_code}")
            return self._capture(robots, current, response, started, {}, ())
        raise PermanentFetchError(robots, f"more than {self.config.max_redirects} redirects")


def _check_content_type(url: str, value: str | None, accept: tuple[str, ...]) -> None:
    """Refuse a body whose declared media type is not one we can read (no header: accepted)."""
    if not value or not accept:
        return
    media = value.split(";", 1)[0].strip().lower()
    if media not in accept and not (media.endswith("+xml") and "application/xml" in accept):
        raise PermanentFetchError(url, f"content type {media!r} is not one of {', '.join(accept)}")


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
