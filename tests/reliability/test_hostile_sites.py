"""Issue 12, end to end: sites the crawler does not control cannot crash it, hang it, grow it
without bound, or put damaged pages into the archive (findings 2 to 12; the scope findings are
in test_scope.py). Every crawl runs under a generous hang guard; no test measures time.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from click.testing import CliRunner
from crawl.site import FixtureSite, Request, Response
from faults.crawling import RETRY, TIMEOUTS, options
from faults.expect import archive_state, problems, runs
from faults.server import Fault, FaultPlan, FaultServer
from sqlalchemy import select

from schedules.cli import main
from schedules.job import RunReport, run_crawl
from scraper.fetch import Timeouts
from scraper.sitemaps import MAX_ENTRIES, parse_sitemap
from storage.db import open_engine, transaction
from storage.schema import FetchRow, VersionRow

T = TypeVar("T")
#: Seconds after which a crawl that has not returned counts as hung (never a timing assert:
#: a healthy run takes a fraction of it even on a loaded machine).
HANG_GUARD = 300.0


def within_guard(work: Callable[[], T], seconds: float = HANG_GUARD) -> T:
    """Run `work` in a thread; fail the test (instead of hanging the suite) if it never returns."""
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # handed to the test's thread
            error.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after the {seconds:.0f} s hang guard")
    if error:
        raise error[0]
    return result[0]


def serve(site: FixtureSite, **plan: Any) -> FaultServer:
    server = FaultServer(site.handle, FaultPlan(rate=0.0, lifetime=600, **plan))
    site.base_url = server.base_url
    return server


def crawl(db_url: str, server: FaultServer, **changes: Any) -> RunReport:
    return within_guard(lambda: run_crawl(options(db_url, server.base_url, **changes)))


def fetch_rows(db_url: str) -> list[FetchRow]:
    engine = open_engine(db_url, migrate=False)
    try:
        with transaction(engine) as session:
            return list(session.scalars(select(FetchRow).order_by(FetchRow.id)))
    finally:
        engine.dispose()


# -- finding 3: one character kills every run


def test_a_lone_surrogate_in_json_ld_or_an_api_link_does_not_stop_the_crawl(
    db_url: str,
) -> None:
    site = FixtureSite(8, per_page=4)
    bad = site.articles[1]
    jsonld = '{"@type": "NewsArticle", "headline": "Bad \\udfff headline", "author": "\\ud800"}'

    def handle(request: Request) -> Response:
        response = site.handle(request)
        body = response.body
        if request.route == bad.path:
            body = body.replace(
                b"<head>", f'<head><script type="application/ld+json">{jsonld}</script>'.encode()
            )
        elif request.route == "/wp-json/wp/v2/posts" and response.status == 200:
            posts = json.loads(body) + [{"link": "http://127.0.0.1/\\udfff"}]
            body = json.dumps(posts).replace("\\\\udfff", "\\udfff").encode()
        return Response(response.status, body, response.headers)

    with serve(site) as server:
        server.handler = handle
        report = crawl(db_url, server, full=True)
    assert report.outcome in ("ok", "failures"), report.summary()
    assert [r.outcome for r in runs(db_url)] == [report.outcome]
    found = problems(site, archive_state(db_url, site))
    assert all(str(bad.path) in p for p in found), found
    with transaction(open_engine(db_url, migrate=False)) as session:
        titles = list(session.scalars(select(VersionRow.title)))
    assert all("\ud800" not in t and "\udfff" not in t for t in titles if t)


def test_an_article_storage_refuses_fails_alone_and_the_run_goes_on(db_url: str) -> None:
    from scraper.extract import extract_article

    site = FixtureSite(6, per_page=4)
    bad = site.articles[3]  # (article 2 is the one robots.txt disallows)

    def extract(body: bytes, url: str, *, encoding: str | None = None) -> Any:
        article = extract_article(body, url, encoding=encoding)
        if url.endswith(bad.path):
            article.body = (article.body or "") + " NUL \x00 here"  # past the normaliser
        return article

    with serve(site) as server:
        report = within_guard(
            lambda: run_crawl(options(db_url, server.base_url, full=True), extract=extract)
        )
    assert report.exit_code == 1 and report.counts.failed == 1, report.summary()
    failed = [r for r in fetch_rows(db_url) if r.outcome == "failed"]
    assert [r.url for r in failed] == [f"{site.base_url}{bad.path}"]
    assert "NUL" in (failed[0].error or "")
    assert problems(site, archive_state(db_url, site)) == [
        f"{site.base_url}{bad.path} is missing from the archive"
    ]


# -- finding 4: unbounded discovery


def _chain_handler(site: FixtureSite, kind: str):  # type: ignore[no-untyped-def]
    """Sitemaps without end: a chain of indexes each naming the next, or one index naming
    600 sitemaps; robots.txt declares it."""

    def handle(request: Request) -> Response:
        route = request.route
        xml = {"Content-Type": "application/xml"}
        if route == "/robots.txt":
            response = site.handle(request)
            start = "/chain-0.xml" if kind == "chain" else "/fan.xml"
            return Response(200, response.body + f"Sitemap: {site.base_url}{start}\n".encode())
        if route.startswith("/chain-"):
            n = int(route[len("/chain-") : -len(".xml")])
            loc = f"{site.base_url}/chain-{n + 1}.xml"
            body = f"<sitemapindex><sitemap><loc>{loc}</loc></sitemap></sitemapindex>"
            return Response(200, body.encode(), xml)
        if route == "/fan.xml":
            locs = "".join(
                f"<sitemap><loc>{site.base_url}/fan-{i}.xml</loc></sitemap>" for i in range(600)
            )
            return Response(200, f"<sitemapindex>{locs}</sitemapindex>".encode(), xml)
        if route.startswith("/fan-"):
            return Response(200, b"<urlset></urlset>", xml)
        return site.handle(request)

    return handle


@pytest.mark.parametrize("kind", ["chain", "fan-out"])
def test_sitemap_chains_and_fan_outs_stop_at_their_bounds_with_a_warning(
    sqlite_url: str, kind: str
) -> None:
    site = FixtureSite(6, per_page=4, wp_json=False, sitemaps=False)
    with serve(site) as server:
        server.handler = _chain_handler(site, kind)
        report = crawl(sqlite_url, server, full=True)
    paths = [s.path for s in server.log]
    if kind == "chain":
        assert sum(p.startswith("/chain-") for p in paths) == 3, "depth 2: one nested index"
        assert any("nested deeper than 2" in w for w in report.warnings), report.warnings
    else:
        sitemaps = sum(p.startswith(("/fan", "/sitemap")) for p in paths)
        assert sitemaps == 500, "500 sitemap files per run (the site's own /sitemap.xml too)"
        assert any("500 sitemap files" in w for w in report.warnings), report.warnings
    assert report.exit_code == 0, report.summary()
    assert problems(site, archive_state(sqlite_url, site)) == [], "the listings still ran"
    assert "sitemap" in (runs(sqlite_url)[0].message or ""), "the warning is the run's"


def test_a_sitemap_holds_at_most_50000_urls() -> None:
    locs = "".join(f"<url><loc>http://127.0.0.1/p/{i}</loc></url>" for i in range(MAX_ENTRIES + 1))
    sitemap = parse_sitemap(f"<urlset>{locs}</urlset>".encode(), "http://127.0.0.1/s.xml")
    assert sitemap.truncated and len(sitemap.pages) == MAX_ENTRIES


def test_hitting_the_listing_bound_is_a_warning(sqlite_url: str, tmp_path: Any) -> None:
    profile = tmp_path / "bounded.toml"
    profile.write_text(
        '[site]\nkey = "bounded"\nhosts = ["127.0.0.1"]\n'
        '[crawl]\narticle_patterns = ["/article-"]\nmax_listing_pages = 1\n'
        'start_urls = { fr = ["http://127.0.0.1/fr/news/"] }\n'
    )
    site = FixtureSite(12, per_page=2, wp_json=False)
    with serve(site) as server:
        report = crawl(sqlite_url, server, full=True, profile=str(profile))
    assert any("bound of 1 listing page;" in w for w in report.warnings), report.warnings


# -- finding 5: no deadline


@pytest.mark.parametrize(
    "fault", [Fault.TRICKLE_HEAD, Fault.TRICKLE_BODY, Fault.TRICKLE_CHUNKED], ids=lambda f: f.value
)
def test_a_trickling_answer_is_abandoned_at_the_whole_response_deadline(
    sqlite_url: str, fault: Fault
) -> None:
    site = FixtureSite(6, per_page=4)
    slow = site.articles[1]
    with serve(site, trickle_seconds=0.2) as server:
        server.force(slow.path, fault, times=10)
        # each byte arrives well within the read timeout; only the whole-response deadline trips
        report = crawl(sqlite_url, server, full=True, timeouts=Timeouts(1, read=10, total=2))
    assert report.exit_code == 1 and report.counts.failed == 1, report.summary()
    failed = [r for r in fetch_rows(sqlite_url) if r.outcome == "failed"]
    assert [r.url for r in failed] == [f"{site.base_url}{slow.path}"]
    assert "whole-response deadline" in (failed[0].error or "")
    assert len(server.faulted(fault)) == 1, "a missed deadline is retried next run, not now"
    assert problems(site, archive_state(sqlite_url, site)) == [
        f"{site.base_url}{slow.path} is missing from the archive"
    ]


def test_a_trickling_robots_txt_does_not_stall_the_crawl(sqlite_url: str) -> None:
    site = FixtureSite(3)
    with serve(site, trickle_seconds=0.2) as server:
        server.force("/robots.txt", Fault.TRICKLE_HEAD, times=10)
        report = crawl(sqlite_url, server, timeouts=Timeouts(1, read=10, total=2))
    # its only request never completed: the site served nothing, it is down (69), not "some
    # pages failed" (1, which systemd counts as success)
    assert (report.outcome, report.exit_code) == ("unreachable", 69), report.summary()
    assert any("robots.txt" in w for w in report.warnings), report.warnings


def test_max_runtime_ends_the_run_with_exit_70_recorded_interrupted(sqlite_url: str) -> None:
    site = FixtureSite(9, per_page=4)
    with serve(site) as server:
        # one request a second by politeness: nine articles cannot fit in two seconds
        report = crawl(sqlite_url, server, delay=1.0, max_runtime=2.0)
    assert report.exit_code == 70, report.summary()
    (run,) = runs(sqlite_url)
    assert (run.outcome, run.exit_code) == ("interrupted", 70)
    assert "--max-runtime" in (run.message or "")


def test_the_cli_passes_max_runtime_and_exits_70(sqlite_url: str) -> None:
    site = FixtureSite(9, per_page=4)
    with serve(site) as server:
        args = ["crawl", "--db", sqlite_url, "--delay", "1", "--max-runtime", "2"]
        args += ["--start-url", f"{server.base_url}/fr/news/"]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 70, result.output


# -- finding 6: damaged 200s become versions

ERROR_PAGE = (
    b"<html><head><title>Service temporarily unavailable</title></head><body>"
    b"<h1>Service temporarily unavailable</h1><p>Please try again later.</p></body></html>"
)


def test_suspect_200s_are_failed_fetches_and_the_current_version_stays(db_url: str) -> None:
    site = FixtureSite(6, per_page=4)
    broken, empty = site.articles[0], site.articles[1]
    serving = {"damaged": False}

    def handle(request: Request) -> Response:
        response = site.handle(request)
        if serving["damaged"] and request.route == broken.path:
            return Response(200, ERROR_PAGE, {"Content-Type": "text/html; charset=utf-8"})
        if serving["damaged"] and request.route == empty.path:
            return Response(200, b"", {"Content-Type": "text/html; charset=utf-8"})
        return response

    with serve(site) as server:
        server.handler = handle
        assert crawl(db_url, server, full=True).exit_code == 0
        serving["damaged"] = True
        second = crawl(db_url, server, full=True)
        assert second.exit_code == 1 and second.counts.failed == 2, second.summary()
        assert problems(site, archive_state(db_url, site)) == [], "the good versions stay"
        reasons = {r.url: r.error for r in fetch_rows(db_url) if r.outcome == "failed"}
        assert set(reasons) == {f"{site.base_url}{a.path}" for a in (broken, empty)}
        assert all((e or "").startswith("suspect 200: ") for e in reasons.values()), reasons
        serving["damaged"] = False
        third = crawl(db_url, server, full=True)
        assert third.exit_code == 0 and third.counts.changed == 0, third.summary()
        serving["damaged"] = True
        crawl(db_url, server, full=True)
        fifth = crawl(db_url, server, full=True)
        sixth = crawl(db_url, server, full=True)
    # the same suspect content twice in a row is versioned (the site really changed), and then
    # stays unchanged: no run alternates between a failed fetch and "unchanged"
    assert fifth.counts.changed == 2, "the same suspect content twice in a row is versioned"
    assert sixth.counts.changed == 0 and sixth.counts.failed == 0, sixth.summary()


# -- finding 8: SQLite writers


def test_a_crawl_waits_for_another_writer_instead_of_failing(sqlite_url: str) -> None:
    import sqlite3

    site = FixtureSite(6, per_page=4)
    path = sqlite_url.removeprefix("sqlite:///")
    open_engine(sqlite_url).dispose()  # an archive, so only the writer lock is contended
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO sites (key) VALUES ('held')")
    release = threading.Timer(2.0, holder.execute, args=("COMMIT",))
    release.start()
    try:
        with serve(site) as server:
            report = crawl(sqlite_url, server, full=True)
    finally:
        release.join()
        holder.close()
    assert report.exit_code == 0, report.summary()
    assert problems(site, archive_state(sqlite_url, site)) == []


def test_a_writer_locked_out_past_the_busy_timeout_says_so_in_one_line_and_exits_70(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setattr("storage.db.SQLITE_BUSY_TIMEOUT_S", 1)
    site = FixtureSite(3)
    path = sqlite_url.removeprefix("sqlite:///")
    open_engine(sqlite_url).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with serve(site) as server:
            args = ["crawl", "--db", sqlite_url, "--delay", "0"]
            args += ["--start-url", f"{server.base_url}/fr/news/"]
            result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 70, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "locked" in lines[0], result.stderr


# -- finding 10: the generic listing rule, linear in page size


def _nested_listing(n: int) -> str:
    """`n` links, each inside the element holding the next (the worst shape for per-link
    ancestor walks)."""
    links = "".join(
        f'<div class="c"><a href="/news/item-{i}-x/">Item {i} title</a>' for i in range(n)
    )
    return f"<html><body><main>{links}{'</div>' * n}</main></body></html>"


def _calls(work: Callable[[], object]) -> int:
    """How many Python and C function calls `work` makes (deterministic, unlike time)."""
    import sys

    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_the_generic_listing_rule_is_linear_in_page_size() -> None:
    from scraper.discover import crawl_profile, parse_listing
    from scraper.sites import load_profile

    crawl = crawl_profile(load_profile("hub_brussels"), start_urls=["http://127.0.0.1:8000/news/"])
    found: dict[int, int] = {}

    def parse(n: int) -> None:
        page = parse_listing(_nested_listing(n), "http://127.0.0.1:8000/news/", crawl)
        assert page.generic and len(page.sightings) == n
        found[n] = len(page.sightings)

    small, large = _calls(lambda: parse(200)), _calls(lambda: parse(800))
    assert large < 5 * small, f"4× the page cost {large / small:.1f}× the calls (quadratic: 16×)"


# -- finding 11: read commands never migrate


@pytest.mark.parametrize("command", [["search", "x"], ["runs"], ["export", "--format", "jsonl"]])
def test_read_commands_on_an_empty_database_create_nothing(
    db_url: str, command: list[str], tmp_path: Any
) -> None:
    from sqlalchemy import inspect

    if db_url.startswith("sqlite"):
        (tmp_path / "archive.db").touch()
    if command[0] == "export":
        command = [*command, "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(main, [*command, "--db", db_url], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "not an archive" in result.output
    engine = open_engine(db_url, migrate=False)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_a_read_command_on_an_older_archive_asks_for_db_upgrade(db_url: str) -> None:
    from storage.db import current_revision, upgrade

    engine = open_engine(db_url, migrate=False)
    try:
        upgrade(engine, "0002")
        result = CliRunner().invoke(main, ["runs", "--db", db_url], catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert "older schema revision" in result.output and "db upgrade" in result.output
        assert current_revision(engine) == "0002", "the read command migrated nothing"
    finally:
        engine.dispose()


# -- finding 12: messages, not tracebacks


@pytest.fixture
def archive(sqlite_url: str) -> str:
    open_engine(sqlite_url).dispose()
    return sqlite_url


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["search", "x", "--as-of", "9999-12-31"], 0, "No article matches"),
        (["show", "http://127.0.0.1/a/", "--version", "99999999999999999999"], 2, "range"),
        (["search", "x", "--limit", "99999999999999999999"], 2, "range"),
        (["crawl", "--timeout", "inf"], 2, "range"),
        (["crawl", "--read-timeout", "nan"], 2, "--read-timeout"),
        (["crawl", "--max-runtime", "1e400"], 2, "range"),
        (["crawl", "--recent-days", "99999999999"], 2, "range"),
        (["history", "http://[::1/x"], 2, "not an http(s) URL"),
    ],
)
def test_bad_values_are_one_line_messages(
    archive: str, args: list[str], code: int, says: str
) -> None:
    result = CliRunner().invoke(main, [*args, "--db", archive], catch_exceptions=False)
    assert result.exit_code == code, result.output
    assert says in result.output


@pytest.mark.parametrize("value", ['"many"', "-3", "true", "[1]"])
def test_a_profile_value_of_the_wrong_type_exits_2(archive: str, tmp_path: Any, value: str) -> None:
    profile = tmp_path / "site.toml"
    profile.write_text(
        '[site]\nkey = "t"\nhosts = ["127.0.0.1:9"]\n'
        '[crawl]\narticle_patterns = ["/news/"]\nstart_urls = { en = ["http://127.0.0.1:9/"] }\n'
        f"max_listing_pages = {value}\n"
    )
    args = ["crawl", "--profile", str(profile), "--db", archive]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "max_listing_pages" in result.output


@pytest.mark.parametrize("target", ["junk", "/dev/null"])
def test_db_pointing_at_something_not_sqlite_is_a_message(tmp_path: Any, target: str) -> None:
    if target == "junk":
        path = tmp_path / "junk.db"
        path.write_bytes(b"not a database at all, " * 100)
        target = str(path)
    for args in (["runs"], ["search", "x"], ["crawl", "--start-url", "http://127.0.0.1:9/"]):
        result = CliRunner().invoke(main, [*args, "--db", target], catch_exceptions=False)
        assert result.exit_code == 2, (args, result.output)
        assert "not" in result.output and "Traceback" not in result.output


def test_extract_of_an_endless_file_stops_at_the_page_limit() -> None:
    result = CliRunner().invoke(main, ["extract", "/dev/zero"], catch_exceptions=False)
    assert result.exit_code == 1 and "larger than" in result.output


def test_a_nul_in_a_title_is_removed_not_replaced() -> None:
    from scraper.extract import extract_article

    page = b"<html><head><title>Caf\x00e</title></head><body><h1>Caf\x00e news</h1><p>Body.</p></body></html>"
    title = extract_article(page, "http://127.0.0.1/news/cafe/").title or ""
    assert "\x00" not in title and "\ufffd" not in title and "Cafe" in title


# keep the fault server's short timeouts in view for readers of these tests
assert TIMEOUTS.read < 1 and RETRY.attempts == 3
