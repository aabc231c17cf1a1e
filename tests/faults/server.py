"""A socket-level fault-injecting HTTP server on 127.0.0.x that wraps any fixture-site handler.

`FaultServer(handler, FaultPlan(rate=0.2, seed=7))` serves `handler` (for instance
`crawl.site.FixtureSite.handle`) over raw sockets and, per request, draws from a seeded RNG
whether to misbehave and how: 500/502/503, 429 with Retry-After, a connection reset, a stall
past the client's read timeout, a truncated body, a wrong Content-Length, a body in another
charset than the declared one, a redirect loop, or a 20 MB body. `force(path, fault)` makes the
next request of a path fail a given way (the gzip bomb is only served that way). Every request
is logged with the fault it got; the server stops by itself after `lifetime` seconds.
"""

from __future__ import annotations

import enum
import random
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Self
from urllib.parse import parse_qs, urlencode, urlsplit

from crawl.site import Request, Response

Handler = Callable[[Request], Response]


class Fault(enum.Enum):
    """How one answer misbehaves."""

    NONE = "none"
    HTTP_500 = "500"
    HTTP_502 = "502"
    HTTP_503 = "503"
    HTTP_429 = "429"
    RESET = "reset"
    STALL = "stall"
    TRUNCATE = "truncate"
    WRONG_LENGTH = "wrong-length"
    CHARSET = "charset"
    REDIRECT_LOOP = "redirect-loop"
    HUGE_BODY = "huge-body"
    GZIP_BOMB = "gzip-bomb"
    #: slowloris: the status line and headers, one byte per `trickle_seconds`
    TRICKLE_HEAD = "trickle-head"
    #: the headers at once, then a body with a Content-Length, one byte per `trickle_seconds`
    TRICKLE_BODY = "trickle-body"
    #: the headers at once, then a chunked body, one one-byte chunk per `trickle_seconds`
    TRICKLE_CHUNKED = "trickle-chunked"


#: Faults served only when forced (`FaultServer.force`), never drawn at random.
FORCED_ONLY = (
    Fault.GZIP_BOMB,
    Fault.TRICKLE_HEAD,
    Fault.TRICKLE_BODY,
    Fault.TRICKLE_CHUNKED,
)
#: The faults drawn at random.
RANDOM_FAULTS: tuple[Fault, ...] = tuple(
    f for f in Fault if f is not Fault.NONE and f not in FORCED_ONLY
)
#: Query parameter marking the hops of a redirect loop.
LOOP_PARAM = "hubloop"


@dataclass(frozen=True)
class FaultPlan:
    """Which requests fail and how; the same seed and request order give the same faults."""

    rate: float = 0.2
    seed: int = 0
    kinds: tuple[Fault, ...] = RANDOM_FAULTS
    #: a path never faults more than this many requests in a row (None: independent draws)
    max_streak: int | None = None
    #: paths never faulted (robots.txt by default: its failures change the rules, not the pages)
    spared: tuple[str, ...] = ("/robots.txt",)
    stall_seconds: float = 2.0
    retry_after: str = "1"
    huge_bytes: int = 20 * 1024 * 1024
    bomb_bytes: int = 200 * 1024 * 1024
    #: seconds between two bytes of a trickled answer
    trickle_seconds: float = 1.0
    #: the server shuts itself down after this many seconds
    lifetime: float = 600.0


@dataclass
class Served:
    """One request as the fault server saw it."""

    path: str
    fault: Fault
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)


class FaultServer:
    """Serve `handler` on `host` (a free port), misbehaving as `plan` says; a context manager."""

    def __init__(
        self, handler: Handler, plan: FaultPlan = FaultPlan(), *, host: str = "127.0.0.1"
    ) -> None:
        self.handler = handler
        self.plan = plan
        self.log: list[Served] = []
        self._rng = random.Random(plan.seed)
        self._lock = threading.Lock()
        self._forced: dict[str, list[Fault]] = {}
        self._streaks: dict[str, int] = {}
        self._holds: dict[str, tuple[threading.Event, threading.Event]] = {}
        self.on_request: Callable[[Served], None] = lambda served: None
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._serve_connection(self.request)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer((host, 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._timer = threading.Timer(plan.lifetime, self.stop)
        self._timer.daemon = True
        self._stopped = threading.Event()

    # -- control

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FaultServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._timer.cancel()
        for _, release in self._holds.values():
            release.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def force(self, path: str, fault: Fault, *, times: int = 1) -> None:
        """The next `times` requests of `path` (its route, without the query) get `fault`."""
        if fault is Fault.GZIP_BOMB:
            _bomb(self.plan.bomb_bytes)  # built now, so serving it does not look like a stall
        with self._lock:
            self._forced.setdefault(path, []).extend([fault] * times)

    def calm(self) -> None:
        """No more random faults from now on (forced ones still apply)."""
        self.plan = replace(self.plan, rate=0.0)

    def hold(self, path: str) -> tuple[threading.Event, threading.Event]:
        """Requests of `path` wait until `release` is set (or the server stops); `reached` is set
        when one arrives. Returns (reached, release)."""
        reached, release = threading.Event(), threading.Event()
        with self._lock:
            self._holds[path] = (reached, release)
        return reached, release

    def faulted(self, fault: Fault | None = None) -> list[Served]:
        """Logged requests that got `fault` (any fault when None)."""
        with self._lock:
            return [
                s
                for s in self.log
                if s.fault is not Fault.NONE and (fault is None or s.fault is fault)
            ]

    # -- choosing

    def _choose(self, route: str, query: str) -> Fault:
        with self._lock:
            forced = self._forced.get(route)
            if forced:
                self._streaks[route] = self._streaks.get(route, 0) + 1
                return forced.pop(0)
            if LOOP_PARAM in parse_qs(query):
                return Fault.REDIRECT_LOOP  # inside a loop every hop redirects again
            draw, kind = self._rng.random(), self._rng.choice(self.plan.kinds)
            if route in self.plan.spared:
                return Fault.NONE
            streak = self._streaks.get(route, 0)
            if draw >= self.plan.rate or (
                self.plan.max_streak is not None and streak >= self.plan.max_streak
            ):
                self._streaks[route] = 0
                return Fault.NONE
            self._streaks[route] = streak + 1
            return kind

    # -- serving

    def _serve_connection(self, sock: socket.socket) -> None:
        sock.settimeout(5.0)
        reader = sock.makefile("rb")
        try:
            while not self._stopped.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                if not self._answer(sock, request):
                    return
        except OSError:
            return  # the client went away (reset, timeout, closed pool): nothing to do
        finally:
            reader.close()

    def _answer(self, sock: socket.socket, request: Request) -> bool:
        """Send one answer; False when the connection must be closed afterwards."""
        parts = urlsplit(request.path)
        hold = self._holds.get(parts.path)
        if hold is not None:
            hold[0].set()
            hold[1].wait(timeout=self.plan.lifetime)
        fault = self._choose(parts.path, parts.query)
        response = self.handler(request) if fault is not Fault.REDIRECT_LOOP else None
        if fault is Fault.CHARSET and not _recodable(response):
            fault = Fault.HTTP_500
        served = Served(request.path, fault, None)
        with self._lock:
            self.log.append(served)  # in arrival order (a stalled answer ends after later ones)
        self.on_request(served)
        return self._send(sock, request, response, served)

    def _send(
        self, sock: socket.socket, request: Request, response: Response | None, served: Served
    ) -> bool:
        fault, plan = served.fault, self.plan
        if fault in (Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503, Fault.HTTP_429):
            extra = {"Retry-After": plan.retry_after} if fault is Fault.HTTP_429 else {}
            response = Response(int(fault.value), b"fault injected", extra)
        elif fault is Fault.REDIRECT_LOOP:
            response = Response(302, b"", {"Location": _next_hop(request.path)})
        elif fault is Fault.RESET:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()  # closing with SO_LINGER 0 sends an RST
            return False
        elif fault is Fault.STALL:
            self._stopped.wait(plan.stall_seconds)
            return False
        elif fault is Fault.HUGE_BODY:
            return self._send_huge(sock, served)
        elif fault in (Fault.TRICKLE_HEAD, Fault.TRICKLE_BODY, Fault.TRICKLE_CHUNKED):
            assert response is not None
            return self._trickle(sock, response, served)
        elif fault is Fault.GZIP_BOMB:
            response = Response(
                200,
                _bomb(plan.bomb_bytes),
                {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
            )
        assert response is not None
        body = response.body
        headers = dict(response.headers)
        if fault is Fault.CHARSET:
            with self._lock:
                latin_header = self._rng.random() < 0.5
            if latin_header:  # utf-8 bytes, declared iso-8859-1 (a server default)
                headers["Content-Type"] = "text/html; charset=iso-8859-1"
            else:  # windows-1252 bytes, declared utf-8 (header and meta)
                body = body.decode("utf-8").encode("windows-1252", errors="xmlcharrefreplace")
        length = len(body)
        if fault is Fault.TRUNCATE:
            body = body[: len(body) // 2]
        elif fault is Fault.WRONG_LENGTH:
            length = len(body) + 1024
        served.status = response.status
        served.headers = headers
        closing = fault in (Fault.TRUNCATE, Fault.WRONG_LENGTH)
        sock.sendall(_head(response.status, headers, length, close=closing) + body)
        return not closing

    def _trickle(self, sock: socket.socket, response: Response, served: Served) -> bool:
        """Send `response` one byte at a time (headers, body or chunks, as the fault says),
        until it is all sent, the client goes away or the server stops."""
        served.status = response.status
        fault, body = served.fault, response.body
        chunked = fault is Fault.TRICKLE_CHUNKED
        headers = dict(response.headers)
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        head = _head(response.status, headers, None if chunked else len(body), close=True)
        if chunked:
            head = head.replace(b"Connection: close", b"Connection: keep-alive")
        slow = head if fault is Fault.TRICKLE_HEAD else b""
        fast = b"" if fault is Fault.TRICKLE_HEAD else head
        if fault is Fault.TRICKLE_HEAD:
            pieces = [slow[i : i + 1] for i in range(len(slow))] + [body]
        elif chunked:
            pieces = [b"1\r\n" + body[i : i + 1] + b"\r\n" for i in range(len(body))]
            pieces.append(b"0\r\n\r\n")
        else:
            pieces = [body[i : i + 1] for i in range(len(body))]
        if fast:
            sock.sendall(fast)
        for piece in pieces:
            if self._stopped.wait(self.plan.trickle_seconds):
                break
            sock.sendall(piece)
        return False

    def _send_huge(self, sock: socket.socket, served: Served) -> bool:
        """A 20 MB page, with its length declared or (drawn at random) left to the close."""
        size = self.plan.huge_bytes
        with self._lock:
            declared = self._rng.random() < 0.5
        served.status = 200
        headers = {"Content-Type": "text/html; charset=utf-8"}
        sock.sendall(_head(200, headers, size if declared else None, close=True))
        chunk = b"<p>" + b"x" * 65_532 + b"</p>"
        sent = 0
        while sent < size and not self._stopped.is_set():
            piece = chunk[: size - sent]
            sock.sendall(piece)
            sent += len(piece)
        return False


def _read_request(reader: BinaryIO) -> Request | None:
    line = reader.readline(65_536)
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = reader.readline(65_536)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return Request(method, path, headers)


def _head(status: int, headers: dict[str, str], length: int | None, *, close: bool) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Whatever')}"]
    lines += [f"{k}: {v}" for k, v in headers.items() if k.lower() != "content-length"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines.append(f"Connection: {'close' if close or length is None else 'keep-alive'}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def _recodable(response: Response | None) -> bool:
    """A 200 HTML page in utf-8 with characters windows-1252 writes differently."""
    if response is None or response.status != 200:
        return False
    if "html" not in response.headers.get("Content-Type", ""):
        return False
    try:
        return response.body.decode("utf-8") != response.body.decode("ascii", errors="ignore")
    except UnicodeDecodeError:
        return False


def _next_hop(path: str) -> str:
    parts = urlsplit(path)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query[LOOP_PARAM] = str(int(query.get(LOOP_PARAM, "0")) + 1)
    return f"{parts.path}?{urlencode(query)}"


_BOMBS: dict[int, bytes] = {}
_BOMB_LOCK = threading.Lock()


def _bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (about a thousandth of the size), built once per size."""
    with _BOMB_LOCK:
        if size not in _BOMBS:
            compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            block = bytes(1024 * 1024)
            parts = [compressor.compress(block) for _ in range(size // len(block))]
            parts.append(compressor.flush())
            _BOMBS[size] = b"".join(parts)
        return _BOMBS[size]


def wait_for(condition: Callable[[], bool], *, timeout: float = 60.0) -> bool:
    """Poll `condition` until it holds or `timeout` passes; returns whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()
