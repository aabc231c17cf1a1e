"""What changed, where people look: `hubarchive changes`, `feed`, `raw`, `stats` and `serve`."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from sqlalchemy.orm import Session

from schedules.cli.common import (
    DAY,
    LANG,
    F,
    UsageError,
    db_option,
    echo_json,
    json_option,
    limit_option,
    storage_problem,
)
from schedules.feeds import DEFAULT_VIEW_URL, FeedRequest, render_feed
from scraper.sites import profile_hosts
from scraper.urls import canonical_url
from storage.captures import stored_page
from storage.changes import DEFAULT_LIMIT, ArticleChange, ChangeQuery, list_changes
from storage.db import transaction
from storage.errors import NotFoundError, StorageError
from storage.readonly import open_read_only
from storage.stats import BY, archive_stats


@contextmanager
def read_session(db_url: str) -> Iterator[Session]:
    """A session on an existing archive opened read-only; storage errors become one-line messages."""
    try:
        engine = open_read_only(db_url)
        try:
            with transaction(engine) as session:
                yield session
        finally:
            engine.dispose()
    except StorageError as exc:
        raise storage_problem(exc) from exc


def _utc_day(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None else None


def change_options(func: F) -> F:
    """The options that choose changes, shared by `changes` and `feed`."""
    options = [
        click.option(
            "--run",
            "run_id",
            type=click.IntRange(min=1),
            metavar="N",
            help="What run N found (see `hubarchive runs`).",
        ),
        click.option(
            "--since",
            type=DAY,
            metavar="YYYY-MM-DD",
            help="What runs started on or after this day (UTC) found.",
        ),
        click.option(
            "--captured-since",
            type=DAY,
            metavar="YYYY-MM-DD",
            help="Versions captured on or after this day (WARC imports: capture date).",
        ),
        click.option(
            "--site", metavar="KEY", help="Only this site: its key (`sites list`) or a URL on it."
        ),
        click.option("--sector", metavar="LABEL|KEY", help="Only this sector, by label or key."),
        click.option(
            "--lang",
            type=LANG,
            metavar="CODE",
            help="Only articles in this language: an ISO 639-1 code (fr, nl, en).",
        ),
        click.option(
            "--include-reparse",
            is_flag=True,
            help="Also versions made by `hubarchive reparse` (left out by default).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def change_query(options: dict[str, Any], limit: int = DEFAULT_LIMIT) -> ChangeQuery:
    """The `ChangeQuery` of the options `change_options` parsed."""
    try:
        return ChangeQuery(
            run_id=options.get("run_id"),
            since=_utc_day(options.get("since")),
            captured_since=_utc_day(options.get("captured_since")),
            site=options.get("site"),
            sector=options.get("sector"),
            lang=options.get("lang"),
            include_reparse=bool(options.get("include_reparse")),
            limit=limit,
        )
    except StorageError as exc:
        raise storage_problem(exc) from exc


def render_change(change: ArticleChange) -> str:
    """A few lines per change for people: kind, title, URL, then each field's short diff."""
    head = f"{change.kind.upper():<8} {change.title or '(no title)'}"
    lines = [
        click.style(head, bold=True),
        f"         {change.url} (v{change.version}"
        + (f" from v{change.from_version}" if change.from_version else "")
        + f", run {change.run_id or '—'}, {change.seen_at:%Y-%m-%d %H:%M} UTC)",
    ]
    for diff in change.diff:
        lines.append(f"         {diff.field}:")
        for line in diff.lines:
            colour = "red" if line.op == "-" else "green"
            lines.append(click.style(f"           {line.op} {line.text}", fg=colour))
        if diff.truncated:
            lines.append("           …")
    return "\n".join(lines)


@click.command("changes")
@change_options
@db_option
@json_option
@limit_option(DEFAULT_LIMIT)
def changes_cmd(db_url: str, as_json: bool, limit: int, **options: Any) -> None:
    """New, changed, gone and revived articles, newest run first, with short field diffs.

    With no option: what the last run found.

    \b
    Examples:
      hubarchive changes
      hubarchive changes --since 2026-11-01 --sector tech --json
      hubarchive changes --run 42 --lang nl
    """
    query = change_query(options, limit)
    with read_session(db_url) as session:
        changes = list_changes(session, query, profile_hosts)
    if as_json:
        echo_json({"count": len(changes), "changes": [c.to_dict() for c in changes]})
        return
    if not changes:
        click.echo("No changes found.")
        return
    click.echo("\n".join(render_change(change) for change in changes))


def view_url_option(func: F) -> F:
    """`--view-url URL`: where `hubarchive serve` answers, for the links in feeds and messages."""
    return click.option(
        "--view-url",
        envvar="HUBARCHIVE_VIEW_URL",
        default=DEFAULT_VIEW_URL,
        show_default=True,
        metavar="URL",
        help="Base URL of the web view the links point to; env HUBARCHIVE_VIEW_URL.",
    )(func)


@click.command("feed")
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),  # a str: "nodir/" must stay a folder's name, not a file's
    default="-",
    show_default=True,
    help="File to write (- : standard output).",
)
@click.option("--search", "q", metavar="QUERY", help="Changes of the articles matching QUERY.")
@click.option("--url", metavar="URL", help="The history of one article.")
@click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only what run N found (default: the newest changes of every run).",
)
@click.option(
    "--since",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="Only what runs started on or after this day found.",
)
@click.option(
    "--site", metavar="KEY", help="Only this site: its key (`sites list`) or a URL on it."
)
@click.option("--sector", metavar="LABEL|KEY", help="Only this sector, by label or key.")
@click.option(
    "--lang",
    type=LANG,
    metavar="CODE",
    help="Only articles in this language: an ISO 639-1 code (fr, nl, en).",
)
@click.option("--include-reparse", is_flag=True, help="Also versions made by `hubarchive reparse`.")
@view_url_option
@db_option
def feed_cmd(out_file: str, view_url: str, db_url: str, **options: Any) -> None:
    """Write an Atom feed (RFC 4287) of the newest changes, each entry with its field diff.

    The web view serves the same feeds under /feeds/ (all, site, sector, lang, search, article).

    \b
    Examples:
      hubarchive feed --out changes.atom
      hubarchive feed --sector tech --out tech.atom --view-url https://archive.example.org
      hubarchive feed --search "Silicon Valley" --lang fr --out sv.atom
    """
    request = FeedRequest(
        site=options.get("site"),
        sector=options.get("sector"),
        lang=options.get("lang"),
        q=options.get("q"),
        url=options.get("url"),
        run_id=options.get("run_id"),
        since=_utc_day(options.get("since")),
        include_reparse=bool(options.get("include_reparse")),
    )
    with read_session(db_url) as session:
        try:
            document = render_feed(session, request, view_url=view_url)
        except StorageError as exc:
            raise storage_problem(exc) from exc
    if out_file == "-":
        click.echo(document.decode("utf-8"), nl=False)
        return
    write_atomically(out_file, document)
    click.echo(f"Wrote {out_file}", err=True)


def write_atomically(target: str, data: bytes) -> None:
    """Write `data` to the file `target` through a temporary file in the same folder, renamed
    when complete, with the mode a new file gets (0644 under umask 022, as exports: a web server
    may serve it). `UsageError` (exit 2) for a target that names no file or cannot be written."""
    if not target.strip() or target.endswith(("/", os.sep)):
        raise UsageError(f"--out {target!r} names no file: give a file name (e.g. changes.atom)")
    path = Path(target)
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist: create it first")
    umask = os.umask(0)
    os.umask(umask)
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


@click.command("raw")
@click.argument("url")
@click.option(
    "--version",
    type=click.IntRange(min=1),
    metavar="N",
    help="This version's page instead of the current one's.",
)
@click.option(
    "--sanitized",
    is_flag=True,
    help="The web view's rendition (scripts and active content removed), not the bytes.",
)
@db_option
def raw_cmd(url: str, version: int | None, sanitized: bool, db_url: str) -> None:
    """Print the stored page of an article version exactly as it was captured (bytes).

    \b
    Examples:
      hubarchive raw https://hub.brussels/fr/blog/le-reve-americain-existe-encore/ > page.html
      hubarchive raw URL --version 1 --sanitized
    """
    with read_session(db_url) as session:
        try:
            page = stored_page(session, url, version)
        except NotFoundError:
            canonical = canonical_url(url)
            if canonical is None or canonical == url:
                raise
            page = stored_page(session, canonical, version)
    if sanitized:
        # imported here, not at the top: it loads the web view (Flask), which only `raw
        # --sanitized` and `serve` need, not `changes`, `stats` or `feed`
        from schedules.web.sanitize import sanitized_html

        data = sanitized_html(page).encode("utf-8")
    else:
        data = page.body
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@click.command("stats")
@click.option(
    "--by",
    type=click.Choice(BY),
    default="month",
    show_default=True,
    help="Break the counts down by month, sector or language.",
)
@db_option
@json_option
def stats_cmd(by: str, db_url: str, as_json: bool) -> None:
    """Articles and changes per month, sector or language: the counts of the web view's charts.

    \b
    Examples:
      hubarchive stats
      hubarchive stats --by sector --json
    """
    with read_session(db_url) as session:
        stats = archive_stats(session, by)
    if as_json:
        echo_json(stats.to_dict())
        return
    if not stats.rows:
        click.echo("The archive holds nothing yet.")
        return
    names = [k for k in stats.rows[0] if k != "key"]
    click.echo(f"{by:<24}" + "".join(f"{n:>10}" for n in names))
    for row in stats.rows:
        click.echo(f"{str(row['key'])[:24]:<24}" + "".join(f"{row[n]:>10}" for n in names))


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (anything but 127.0.0.1 exposes the archive).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
@view_url_option
@db_option
def serve_cmd(host: str, port: int, view_url: str, db_url: str) -> None:
    """Serve the read-only web view: search, articles, diffs, stored pages, changes, statistics.

    Every page is also JSON under /api/ (e.g. /api/search?q=…); Atom feeds under /feeds/.

    \b
    Examples:
      hubarchive serve                       # http://127.0.0.1:8080/
      hubarchive serve --db postgresql+psycopg://me@db/archive --port 8000
    """
    from werkzeug.serving import make_server

    from schedules.web import create_app

    try:
        app = create_app(db_url, view_url=None if view_url == DEFAULT_VIEW_URL else view_url)
    except StorageError as exc:
        raise storage_problem(exc) from exc
    said = io.StringIO()
    try:
        # werkzeug prints why it cannot bind (two lines) and exits: keep its reason, say one line
        with contextlib.redirect_stderr(said):
            server = make_server(host, port, app, threaded=True, request_handler=_request_handler())
    except (OSError, SystemExit) as exc:
        reason = next(iter(said.getvalue().strip().splitlines()), "")
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {reason or exc} (choose another --port or --host)"
        ) from None
    click.echo(
        f"hubarchive: serving the archive read-only on http://{host}:{server.port}/ (Ctrl-C stops)",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


#: an ANSI SGR sequence, as werkzeug colours a request line with
_ANSI_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def _request_handler() -> Any:
    """werkzeug's request handler, its request log coloured only on a terminal: in a log file
    or the journal (or with NO_COLOR set) the lines are plain text."""
    from werkzeug.serving import WSGIRequestHandler

    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")

    class RequestHandler(WSGIRequestHandler):
        def log(self, type: str, message: str, *args: Any) -> None:
            if not colour:
                args = tuple(_ANSI_STYLE.sub("", a) if isinstance(a, str) else a for a in args)
            super().log(type, message, *args)

    return RequestHandler


def register(group: click.Group) -> None:
    """Add this module's commands to the `hubarchive` group."""
    for command in (changes_cmd, feed_cmd, raw_cmd, stats_cmd, serve_cmd):
        group.add_command(command)
