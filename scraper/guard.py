"""The last line of the scope check, at the socket: which origins and addresses a connection may
reach, and the deadline that bounds a whole response.

`Fetcher` checks each URL against the allowed origins before any connection (no DNS lookup for a
host that is not allowed). This module checks again where it cannot be fooled by a URL parser:
every new connection's (scheme, host, port) must be an allowed origin, the host is resolved here
(once), and an address that is private, loopback, link-local or otherwise not public is refused
unless the host is one the run may reach privately (a start URL on such an address, or
`allow_private`). The socket then connects to the checked address, so a second DNS answer cannot
swap it (DNS rebinding).

`ConnectionGuard.deadline(seconds)` arms a `Watchdog` for one exchange: when it fires, the socket is
shut down, which ends any blocked read at once (a server sending one byte a second never trips a
per-read timeout). The fetcher then sees `guard.expired` and reports a deadline, not a reset. One
watchdog thread serves every guard of a crawl (a fetcher and its siblings), instead of a timer
thread started and cancelled for each request.
"""

from __future__ import annotations

import heapq
import ipaddress
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.timeout import _DEFAULT_TIMEOUT

from scraper.urls import origin_allowed, origin_key, parse_url


class RefusedConnection(Exception):
    """Raised by the guarded connection when an origin or address is out of scope (not an
    `OSError`, so no HTTP layer mistakes it for a network failure and retries it)."""


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local,
    multicast, reserved or unspecified; IPv4-mapped IPv6 judged as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


#: Seconds the watchdog thread waits with nothing armed before it ends (started again by the
#: next exchange): long enough to outlast the pause between two requests of a busy crawl, so the
#: thread is not restarted for each one; short enough that an idle process holds no thread.
WATCHDOG_LINGER_S = 2.0


class Watchdog:
    """Calls each armed callback once its time comes, unless it was disarmed first; one daemon
    thread for all of them, started on demand and ended after `WATCHDOG_LINGER_S` idle.

    A callback runs under the watchdog's lock: once `disarm` returns, it has run or never will
    (the next exchange of the same guard cannot be expired by the previous one's deadline)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._wake = threading.Condition()
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._armed: set[int] = set()
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, fire: Callable[[], None]) -> int:
        """Call `fire` in `seconds` (from the watchdog's thread); the id to `disarm` it with."""
        with self._wake:
            key = next(self._ids)
            when = self._clock() + max(0.0, seconds)
            sooner = not self._heap or when < self._heap[0][0]
            heapq.heappush(self._heap, (when, key, fire))
            self._armed.add(key)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="deadlines", daemon=True)
                self._thread.start()
            elif sooner:
                self._wake.notify()
            return key

    def disarm(self, key: int) -> None:
        with self._wake:
            self._armed.discard(key)
            heap = self._heap
            while heap and heap[0][1] not in self._armed:  # cancelled ones at the top go now
                heapq.heappop(heap)

    def _watch(self) -> None:
        with self._wake:
            while True:
                heap = self._heap
                if not heap:
                    if not self._wake.wait(WATCHDOG_LINGER_S) and not self._heap:
                        self._thread = None
                        return
                    continue
                when, key, fire = heap[0]
                if key not in self._armed:
                    heapq.heappop(heap)
                    continue
                left = when - self._clock()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(heap)
                self._armed.discard(key)
                fire()


@dataclass
class ConnectionGuard:
    """What one fetcher's connections may reach, and the deadline of its current exchange
    (armed on `watchdog`, which the guards of one crawl share)."""

    allowed_hosts: frozenset[str]
    #: origin keys (as `allowed_hosts`) that may resolve to private addresses
    private_ok: frozenset[str] = frozenset()
    allow_private: bool = False
    watchdog: Watchdog = field(default_factory=Watchdog)
    expired: bool = False
    _current: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- scope

    def addresses(self, scheme: str, host: str, port: int) -> list[tuple[Any, ...]]:
        """The resolved addresses a connection to (`scheme`, `host`, `port`) may use, in order;
        raises `RefusedConnection` when the origin or every address is out of scope."""
        if not origin_allowed(scheme, host, port, self.allowed_hosts):
            raise RefusedConnection(f"{scheme}://{host}:{port} is not an allowed origin")
        infos = socket.getaddrinfo(host.strip("[]"), port, 0, socket.SOCK_STREAM)
        private_ok = self.allow_private or origin_key(scheme, host, port) in self.private_ok
        usable = [i for i in infos if private_ok or is_public_address(str(i[4][0]))]
        if not usable:
            found = ", ".join(sorted({str(i[4][0]) for i in infos}))
            raise RefusedConnection(
                f"{host} resolves to a private or reserved address ({found}); refused "
                "(set allow_private = true in the profile's [crawl] for an intranet site)"
            )
        return usable

    # -- the deadline of one exchange

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Within the block, the exchange's socket is shut down after `seconds`."""
        self.expired = False
        key = self.watchdog.arm(seconds, self._expire)
        try:
            yield
        finally:
            self.watchdog.disarm(key)
            with self._lock:
                self._current = None

    def attach(self, sock: socket.socket | None) -> None:
        """The socket now carrying the exchange: the one to shut down at the deadline (held
        here, since a connection hands its socket over to a response that closes it)."""
        if sock is None:
            return
        with self._lock:
            self._current = sock
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._current is not None:
                _shutdown(self._current)


def _shutdown(sock: socket.socket) -> None:
    try:
        # the plain socket's shutdown: an SSL socket's own would tear down its state under the
        # reading thread; this only makes the blocked read return
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def private_origins(urls: list[str] | tuple[str, ...]) -> frozenset[str]:
    """Origin keys of `urls` whose host is (or resolves to) a private, loopback or link-local
    address: a start URL on such a host makes its own origin reachable (a local or intranet
    site), and no other. A host that does not resolve counts as public."""
    found = set()
    for url in urls:
        parsed = parse_url(url)
        if parsed is None:
            continue
        port = int(parsed.port or (443 if parsed.protocol == "https:" else 80))
        try:
            infos = socket.getaddrinfo(parsed.hostname.strip("[]"), port, 0, socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            continue
        if any(not is_public_address(str(info[4][0])) for info in infos):
            found.add(origin_key(parsed.protocol, parsed.hostname, parsed.port or None))
    return frozenset(found)


class _GuardedMixin:
    """`_new_conn` through the guard; every request attaches the connection to the watchdog."""

    guard: ConnectionGuard
    scheme_name = "http"
    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any

    def _new_conn(self) -> socket.socket:
        try:
            infos = self.guard.addresses(self.scheme_name, self.host, self.port)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc  # type: ignore[arg-type]
        last: OSError | None = None
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            try:
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                if self.timeout is not _DEFAULT_TIMEOUT:
                    sock.settimeout(self.timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect(address)
            except TimeoutError as exc:
                sock.close()
                raise ConnectTimeoutError(
                    self, f"connection to {self.host} timed out (timeout={self.timeout})"
                ) from exc
            except OSError as exc:
                sock.close()
                last = exc
                continue
            self.guard.attach(sock)
            return sock
        raise NewConnectionError(self, f"failed to establish a new connection: {last}")  # type: ignore[arg-type]

    sock: socket.socket | None

    def request(self, *args: Any, **kwargs: Any) -> None:
        self.guard.attach(self.sock)  # a kept-alive connection (a new one attaches on connect)
        super().request(*args, **kwargs)  # type: ignore[misc]


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose every connection goes through `guard`."""

    def __init__(self, guard: ConnectionGuard, **kwargs: Any) -> None:
        self.guard = guard
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        plain = type(
            "GuardedHTTPConnection",
            (_GuardedMixin, HTTPConnection),
            {"guard": self.guard, "scheme_name": "http"},
        )
        tls = type(
            "GuardedHTTPSConnection",
            (_GuardedMixin, HTTPSConnection),
            {"guard": self.guard, "scheme_name": "https"},
        )
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": plain}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": tls}),
        }
