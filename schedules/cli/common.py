"""Options and output helpers shared by every command (written once, as decorators)."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from sqlalchemy import Engine

from schedules.exits import EXIT_SOFTWARE, EXIT_USAGE
from schedules.languages import is_language_code
from scraper.urls import canonical_url
from storage.db import open_engine, read_only, require_archive
from storage.errors import (
    ArchiveBusyError,
    ArchiveMissingError,
    ArchiveUnavailableError,
    ArchiveUnreachableError,
    ArchiveURLError,
    ExportError,
    NotAnArchiveError,
    QueryError,
    SchemaVersionError,
    StorageError,
)

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "sqlite:///hubarchive.db"


class Day(click.ParamType):
    """A day on the command line, `YYYY-MM-DD`, as a naive midnight datetime; a date that does
    not exist (`2026-02-30`) is refused as "no such day", a malformed one with the format."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{text!r} is not a day: write it YYYY-MM-DD (e.g. 2025-06-30)", param, ctx)
        try:
            return dt.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            self.fail(f"{text!r}: no such day", param, ctx)


#: A day on the command line (`--since`, `--from`, `--as-of` …).
DAY = Day()
#: A count or version number on the command line: ≥ 1 and within a database integer (a larger
#: one is a typo, and would overflow the SQL parameter).
WHOLE_NUMBER = click.IntRange(min=1, max=2**31 - 1)


class Seconds(click.FloatRange):
    """A duration in seconds within [`min`, `max`]; `nan` and `inf` are refused like any value
    out of range (a float range alone lets `nan` through)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number of seconds", param, ctx)
        return number


#: A number of days on the command line (a century at most: a date must stay a date).
DAYS = click.IntRange(min=0, max=36_500)


class LanguageCode(click.ParamType):
    """A language on the command line (`--lang`): an ISO 639-1 code, the two letters the archive
    stores (`fr`, `nl`, `en`), read in any case. A value that is no such code (`xx`, `fr-BE`,
    `french`) is a typo to report, not a filter that quietly matches nothing; a real code that
    no article has just finds nothing."""

    name = "CODE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        code = str(value).strip().lower()
        if not is_language_code(code):
            self.fail(
                f"{value!r} is not a language code: give an ISO 639-1 two-letter lower-case "
                "code (e.g. fr, nl, en)",
                param,
                ctx,
            )
        return code


#: A language on the command line (`--lang` of search, export, changes, feed).
LANG = LanguageCode()


class UsageError(click.ClickException):
    """A usage or configuration error the person can fix (exit code 2, as click's own)."""

    exit_code = 2


def db_option(func: F) -> F:
    """`--db URL` (or $HUBARCHIVE_DB); a bare file path means a SQLite file."""
    return click.option(
        "--db",
        "db_url",
        envvar="HUBARCHIVE_DB",
        default=DEFAULT_DB,
        show_default=True,
        metavar="URL",
        help="Archive URL (sqlite:///file.db, postgresql+psycopg://…) or a SQLite file path; "
        "env HUBARCHIVE_DB.",
    )(func)


def identity_options(func: F) -> F:
    """`--user-agent` and `--contact` (or their environment variables), as every command that
    fetches takes them: the crawl and the worker."""
    func = click.option(
        "--contact",
        envvar="HUBARCHIVE_CONTACT",
        metavar="URL|EMAIL",
        help="Where site owners reach you, put in the default User-Agent (env HUBARCHIVE_CONTACT).",
    )(func)
    return click.option(
        "--user-agent",
        envvar="HUBARCHIVE_USER_AGENT",
        metavar="TEXT",
        help="User-Agent of every request (env HUBARCHIVE_USER_AGENT; default: the profile's, "
        "else hubarchive/VERSION (+contact)); robots.txt is matched on its product token.",
    )(func)


def json_option(func: F) -> F:
    """`--json`: machine-readable output instead of the human table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def limit_option(default: int = 20) -> Callable[[F], F]:
    """`--limit N` for read commands."""

    def decorate(func: F) -> F:
        return click.option(
            "--limit",
            type=WHOLE_NUMBER,
            default=default,
            show_default=True,
            help="At most this many rows.",
        )(func)

    return decorate


def echo_json(data: Any) -> None:
    """Print `data` as indented UTF-8 JSON (dates and other objects via str)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def is_terminal() -> bool:
    return sys.stderr.isatty()


class _ArchiveUsageProblem(click.ClickException):
    exit_code = EXIT_USAGE


class _ArchiveBusyProblem(click.ClickException):
    exit_code = EXIT_SOFTWARE


def storage_problem(exc: StorageError) -> click.ClickException:
    """A storage error as one line on stderr, with the exit code its kind calls for: 2 for
    not an archive, an older revision, a bad --db, a read-only archive the command cannot use,
    a query that cannot be read or an export target that cannot be written; 70 for an archive locked too long or a database server that
    cannot be reached."""
    if isinstance(exc, ArchiveBusyError | ArchiveUnreachableError):
        return _ArchiveBusyProblem(str(exc))
    if isinstance(
        exc,
        NotAnArchiveError
        | SchemaVersionError
        | ArchiveURLError
        | ArchiveMissingError
        | QueryError
        | ArchiveUnavailableError  # a read-only archive the command cannot use
        | ExportError,  # an output folder or file that cannot be used, as `feed --out`'s
    ):
        return _ArchiveUsageProblem(str(exc))
    return click.ClickException(str(exc))


def describe_failure(exc: BaseException, *, recorded: bool = True) -> str:
    """One line for a person about an error nobody planned for: what, and what to do
    (`recorded`: the run row holds it, so `hubarchive runs` shows it)."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    lowered = first.lower()
    if "disk is full" in lowered or "no space left" in lowered:
        return f"the disk is full ({first}); free space and run again"
    if "database is locked" in lowered:
        return f"the archive stayed locked past the busy timeout ({first}); run again later"
    if "readonly" in lowered or "read-only" in lowered:
        return f"the archive is read-only ({first}); check its file and folder permissions"
    where = " (recorded in hubarchive runs)" if recorded else ""
    return f"the run could not complete: {type(exc).__name__}: {first}{where}"


def url_argument(url: str) -> str:
    """The canonical form of a URL given on the command line; `UsageError` when it is not an
    http(s) URL."""
    canonical = canonical_url(url)
    if canonical is None:
        raise UsageError(f"{url!r} is not an http(s) URL")
    return canonical


@contextmanager
def archive_engine(
    db_url: str, *, migrate: bool = False, create: bool = False, write: bool = False
) -> Iterator[Engine]:
    """The archive's engine for one command, disposed after; storage errors become messages.

    A command that only reads (neither `migrate` nor `create`) never creates or migrates a
    schema: a database that is not an archive, or an archive at an older revision, exits 2
    with a message; its SQLite transactions take no write lock unless it says it will `write`
    to an existing archive (`forget`). Writers that may bring the schema up to date pass
    `migrate`; only commands that write a new archive (`create`) may start one where no SQLite
    file exists.
    """
    try:
        engine = open_engine(db_url, migrate=migrate, create=create)
        try:
            if not migrate and not create:
                require_archive(engine)
                yield engine if write else read_only(engine)
            else:
                yield engine
        finally:
            engine.dispose()
    except StorageError as exc:
        raise storage_problem(exc) from exc
