"""The fetcher against a local server: identity, limits, retries, Retry-After, robots.txt, politeness."""

from __future__ import annotations

import email.utils
import socket
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scraper import __version__
from scraper.errors import (
    DeadlineError,
    DisallowedError,
    PermanentFetchError,
    TransientFetchError,
)
from scraper.fetch import FetchConfig, Fetcher, RetryPolicy, Timeouts, parse_retry_after

HTML = {"Content-Type": "text/html; charset=utf-8"}


def fetcher(
    server: HTTPServer | int, *, sleeps: list[float] | None = None, **changes: object
) -> Fetcher:
    """A fetcher allowed on the local server's origin (its port: other ports are other origins)."""
    port = server if isinstance(server, int) else server.port
    local = frozenset({f"localhost:{port}", f"127.0.0.1:{port}"})
    config = FetchConfig(
        allowed_hosts=local,
        private_hosts=local,
        delay=0,
        retry=RetryPolicy(
            attempts=3, initial_wait=0.01, max_wait=0.02, jitter=0.0, retry_after_cap=5.0
        ),
    )
    config = replace(config, **changes)  # type: ignore[arg-type]
    recorded = sleeps if sleeps is not None else []
    return Fetcher(config, sleep=recorded.append, clock=lambda: 1000.0)


def no_robots(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)


def requests_to(httpserver: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == path)


def test_identifies_itself_and_returns_the_page(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/a").respond_with_data("<p>hi</p>", headers=HTML)
    capture = fetcher(httpserver).fetch(httpserver.url_for("/a"))
    agent = next(r.headers["User-Agent"] for r, _ in httpserver.log if r.path == "/a")
    assert agent.startswith(f"hubarchive/{__version__} (+http")
    assert (capture.status, capture.body) == (200, b"<p>hi</p>")
    assert capture.final_url == httpserver.url_for("/a")


def test_404_is_permanent_and_not_retried(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(PermanentFetchError) as caught:
        fetcher(httpserver).fetch(httpserver.url_for("/gone"))
    assert caught.value.status == 404
    assert requests_to(httpserver, "/gone") == 1


def test_5xx_is_retried_a_bounded_number_of_times(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    sleeps: list[float] = []
    with pytest.raises(TransientFetchError) as caught:
        fetcher(httpserver, sleeps=sleeps).fetch(httpserver.url_for("/down"))
    assert caught.value.status == 503
    assert requests_to(httpserver, "/down") == 3
    assert len(sleeps) == 2 and all(0 < s <= 0.02 for s in sleeps)


def test_retry_after_date_is_honoured_and_capped(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    httpserver.expect_oneshot_request("/slow").respond_with_data(
        "", status=429, headers={"Retry-After": later}
    )
    httpserver.expect_oneshot_request("/slow").respond_with_data("ok", headers=HTML)
    sleeps: list[float] = []
    capture = fetcher(httpserver, sleeps=sleeps).fetch(httpserver.url_for("/slow"))
    assert capture.status == 200 and sleeps == [5.0]
    assert parse_retry_after("7") == 7.0 and parse_retry_after("soon") is None


def test_body_limit_and_content_type_are_enforced(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/big").respond_with_data("x" * 5000, headers=HTML)
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG", content_type="image/png")
    small = fetcher(httpserver, max_bytes=1000)
    with pytest.raises(PermanentFetchError, match="limit"):
        small.fetch(httpserver.url_for("/big"))
    with pytest.raises(PermanentFetchError, match="image/png"):
        small.fetch(httpserver.url_for("/img"))


def test_a_body_that_lies_about_its_encoding_fails_once_in_one_plain_line(
    httpserver: HTTPServer,
) -> None:
    """`Content-Encoding: gzip` (or deflate) on a plain body is the server's bug: asking again
    gets the same bytes, so it is not retried in the run, and it is said without Python reprs."""
    no_robots(httpserver)
    page = b"<html><body><p>plain, not gzip</p></body></html>"
    for path, coding in (("/gz", "gzip"), ("/deflate", "deflate")):
        httpserver.expect_request(path).respond_with_data(
            page, headers={**HTML, "Content-Encoding": coding}
        )
        with pytest.raises(PermanentFetchError) as caught:
            fetcher(httpserver).fetch(httpserver.url_for(path))
        message = str(caught.value)
        assert f"Content-Encoding {coding}" in message, message
        assert "error(" not in message and "('" not in message, message
        assert "\n" not in message
        assert requests_to(httpserver, path) == 1


def test_a_body_cut_short_is_said_in_one_plain_line() -> None:
    """A server that closes the connection before the declared Content-Length: transient (the
    next try may get it all), said as urllib3's message, without its tuple of reprs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        def serve() -> None:
            for _ in range(2):  # each attempt gets half the page
                conn, _ = listener.accept()
                with conn:
                    conn.recv(65536)
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        b"Content-Length: 400\r\nConnection: close\r\n\r\n" + b"x" * 200
                    )

        server = threading.Thread(target=serve, daemon=True)
        server.start()
        client = fetcher(port, sleeps=[], respect_robots=False, retry=RetryPolicy(attempts=2))
        with pytest.raises(TransientFetchError) as caught:
            client.fetch(f"http://127.0.0.1:{port}/cut")
        server.join(5)
    message = str(caught.value)
    assert "body interrupted: Connection broken" in message, message
    assert "200 bytes read, 200 more expected" in message, message
    assert "('" not in message and message.count("IncompleteRead") == 1, message


def test_read_timeout_is_transient(httpserver: HTTPServer) -> None:
    no_robots(httpserver)

    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late", headers=HTML)

    httpserver.expect_request("/late").respond_with_handler(slow)
    quick = fetcher(
        httpserver, timeouts=Timeouts(connect=1, read=0.1), retry=RetryPolicy(attempts=1)
    )
    with pytest.raises(TransientFetchError, match="Timeout"):
        quick.fetch(httpserver.url_for("/late"))


def test_deadlines_of_many_requests_share_one_thread_and_never_cut_the_next(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crawl of many pages does not start a thread per request for its whole-response
    deadlines; a deadline that fired on one answer does not cut the next one short."""
    no_robots(httpserver)
    answered = threading.Event()

    def slow(request: Request) -> Response:
        time.sleep(1.0)
        answered.set()  # the server answers one request at a time: the next waits for this
        return Response("late", headers=HTML)

    httpserver.expect_request("/late").respond_with_handler(slow)
    httpserver.expect_request("/page").respond_with_data("<p>hi</p>", headers=HTML)
    started: list[str] = []
    start = threading.Thread.start
    here = threading.current_thread()

    def counting_start(thread: threading.Thread) -> None:
        if threading.current_thread() is here:  # the server's own threads are not counted
            started.append(thread.name)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", counting_start)
    client = fetcher(httpserver)
    twin = client.sibling()
    for _ in range(15):
        assert client.fetch(httpserver.url_for("/page")).status == 200
        assert twin.fetch(httpserver.url_for("/page")).status == 200
    assert len(started) <= 1, started

    quick = fetcher(httpserver, timeouts=Timeouts(total=0.3), retry=RetryPolicy(attempts=1))
    assert quick.fetch(httpserver.url_for("/page")).status == 200
    with pytest.raises(DeadlineError):
        quick.fetch(httpserver.url_for("/late"))
    assert answered.wait(10)
    assert quick.fetch(httpserver.url_for("/page")).body == b"<p>hi</p>"


def test_robots_disallow_and_crawl_delay(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n", content_type="text/plain"
    )
    httpserver.expect_request("/public").respond_with_data("ok", headers=HTML)
    sleeps: list[float] = []
    polite = fetcher(httpserver, sleeps=sleeps)
    with pytest.raises(DisallowedError):
        polite.fetch(httpserver.url_for("/private/x"))
    polite.fetch(httpserver.url_for("/public"))
    assert requests_to(httpserver, "/private/x") == 0
    assert sleeps == [2.0], "the Crawl-delay separates robots.txt and the page (frozen clock)"


def test_unreachable_robots_txt_keeps_the_host_off_limits(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=500)
    with pytest.raises(TransientFetchError, match="robots.txt"):
        fetcher(httpserver).fetch(httpserver.url_for("/page"))
    assert requests_to(httpserver, "/page") == 0


def test_redirect_off_the_allowed_hosts_is_refused(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": "http://example.org/elsewhere"}
    )
    with pytest.raises(DisallowedError, match="example.org"):
        fetcher(httpserver).fetch(httpserver.url_for("/moved"))


def test_conditional_get_304_has_no_body(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/same", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    capture = fetcher(httpserver).fetch(httpserver.url_for("/same"), etag='"v1"')
    assert (capture.status, capture.body) == (304, b"")
    assert capture.request_headers == {"If-None-Match": '"v1"'}


def test_connection_refused_is_transient_and_retried() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    with pytest.raises(TransientFetchError, match="ConnectionError"):
        fetcher(port, sleeps=sleeps, respect_robots=False).fetch(f"http://127.0.0.1:{port}/x")
    assert len(sleeps) == 2, "three attempts, two waits"


def test_a_network_failure_is_said_in_one_short_line_a_person_can_act_on() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TransientFetchError) as refused:
        fetcher(port, sleeps=[], respect_robots=False).fetch(f"http://127.0.0.1:{port}/x")
    with pytest.raises(TransientFetchError) as unknown:
        fetcher(
            port,
            sleeps=[],
            respect_robots=False,
            allowed_hosts=frozenset({"news.unreachable.invalid"}),
        ).fetch("http://news.unreachable.invalid/x")
    assert f"127.0.0.1:{port}: Connection refused" in str(refused.value)
    assert "DNS: the name news.unreachable.invalid does not resolve" in str(unknown.value)
    for error in (refused.value, unknown.value):
        assert "\n" not in str(error) and "urllib3" not in str(error)
        assert len(str(error)) < 250, str(error)


def test_robots_txt_behind_a_redirect_is_still_obeyed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=301, headers={"Location": "/real-robots.txt"}
    )
    httpserver.expect_request("/real-robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    with pytest.raises(DisallowedError):
        fetcher(httpserver).fetch(httpserver.url_for("/private/page"))
    assert requests_to(httpserver, "/private/page") == 0
