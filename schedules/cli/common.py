"""Options and output helpers shared by every command (written once, as decorators)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from sqlalchemy import Engine

from storage.db import open_engine
from storage.errors import StorageError

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


def json_option(func: F) -> F:
    """`--json`: machine-readable output instead of the human table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def limit_option(default: int = 20) -> Callable[[F], F]:
    """`--limit N` for read commands."""

    def decorate(func: F) -> F:
        return click.option(
            "--limit",
            type=click.IntRange(min=1),
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


@contextmanager
def archive_engine(db_url: str, *, migrate: bool = True, create: bool = False) -> Iterator[Engine]:
    """The archive's engine for one command, disposed after; storage errors become messages.

    Only commands that write a new archive (`create`) may start one where no SQLite file exists.
    """
    try:
        engine = open_engine(db_url, migrate=migrate, create=create)
        try:
            yield engine
        finally:
            engine.dispose()
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
