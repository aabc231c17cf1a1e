"""The `hubarchive` command line: each command parses its options, calls one library function, formats.

Commands live in one module per area and are registered here; library code never prints or exits.
"""

from __future__ import annotations

from typing import Any

import click
from sqlalchemy.exc import DatabaseError, OperationalError

from schedules.cli import (
    archive_cmds,
    crawl_cmd,
    extract_cmd,
    read_cmds,
    view_cmds,
    worker_cmds,
)
from schedules.cli.common import storage_problem
from schedules.exits import EXIT_SOFTWARE, EXIT_USAGE
from scraper import __version__
from storage.errors import StorageError


class _Commands(click.Group):
    """The command group, with the last safety net: an error no command expected is one line
    for a person (exit 70), a damaged archive file is named as such (exit 2), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OperationalError as exc:
            click.echo(f"hubarchive: {crawl_cmd.describe_failure(exc, recorded=False)}", err=True)
            # a read-only archive is a configuration error (the exit-code table), not a crash
            ctx.exit(EXIT_USAGE if _read_only(exc) else EXIT_SOFTWARE)
        except DatabaseError as exc:
            reason = str(exc.orig).strip() if exc.orig is not None else str(exc)
            click.echo(
                f"hubarchive: the archive is damaged or not an archive ({reason}): "
                "run `hubarchive db check`, restore it from a backup",
                err=True,
            )
            ctx.exit(EXIT_USAGE)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except StorageError as exc:  # the exit code its kind calls for (a read-only archive: 2)
            raise storage_problem(exc) from exc
        except Exception as exc:
            click.echo(f"hubarchive: {crawl_cmd.describe_failure(exc, recorded=False)}", err=True)
            ctx.exit(EXIT_SOFTWARE)


def _read_only(exc: OperationalError) -> bool:
    """SQLite refused to write: the archive's file (or its folder) is read-only for this user."""
    return "readonly database" in str(exc.orig or exc).lower()


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="hubarchive")
def main() -> None:
    """hubarchive: crawl, extract and archive news articles with a versioned, queryable history.

    \b
    Example:
      hubarchive crawl                 # the scheduled job (archive: ./hubarchive.db)
      hubarchive search "Silicon Valley" --lang fr
    """


for _module in (extract_cmd, archive_cmds, crawl_cmd, read_cmds, view_cmds, worker_cmds):
    _module.register(main)
