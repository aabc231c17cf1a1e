"""The `hubarchive` command line: each command parses its options, calls one library function, formats.

Commands live in one module per area, imported only when one of its commands runs (or shows its
own help): `hubarchive --help`, `search` or `runs` never import the crawler and the extractor.
Library code never prints or exits.
"""

from __future__ import annotations

import importlib
from typing import Any, NoReturn

import click

from schedules.exits import EXIT_INTERRUPTED, EXIT_SOFTWARE, EXIT_USAGE
from scraper import __version__

#: Every command: the module of this package whose `register(group)` adds it (with the other
#: commands of its area), and its one-line help as `hubarchive --help` lists it, kept here so
#: that the listing imports no command's module. tests/test_cli_lazy.py checks both against the
#: commands themselves: a command added to a module must be added here too.
COMMANDS: dict[str, tuple[str, str]] = {
    "changes": (
        "view_cmds",
        "New, changed, gone and revived articles, newest run first, with short field diffs.",
    ),
    "crawl": (
        "crawl_cmd",
        "Crawl the site once: discover, fetch what is new or changed, archive it, record the run.",
    ),
    "db": ("archive_cmds", "The archive's database: schema migrations and integrity."),
    "diff": (
        "archive_cmds",
        "Field-level diff between two versions of the article at URL (text diffs for long text).",
    ),
    "export": (
        "read_cmds",
        "Export the archive for analysis, with a datapackage.json describing every column.",
    ),
    "extract": (
        "extract_cmd",
        "Print the record the extractor produces from a saved HTML PAGE (`-`: standard input).",
    ),
    "feed": (
        "view_cmds",
        "Write an Atom feed (RFC 4287) of the newest changes, each entry with its field diff.",
    ),
    "forget": (
        "archive_cmds",
        "Remove articles archived by mistake (a listing, a legal page) with their versions, "
        "fetches and raw pages; the site's crawls skip them until `forget --undo`.",
    ),
    "history": (
        "archive_cmds",
        "Every version of the article at URL: when seen, content hash, fields changed, tombstones.",
    ),
    "raw": (
        "view_cmds",
        "Print the stored page of an article version exactly as it was captured (bytes).",
    ),
    "reparse": (
        "archive_cmds",
        "Re-run the current extractor over stored pages (no network); version what changed.",
    ),
    "runs": (
        "runs_cmd",
        "Show the last runs (crawls, reparses, imports) with their outcome and counts.",
    ),
    "search": (
        "read_cmds",
        "Full-text search over title, lead, body, Q&A and contacts, best matches first.",
    ),
    "serve": (
        "view_cmds",
        "Serve the read-only web view: search, articles, diffs, stored pages, changes, statistics.",
    ),
    "show": (
        "read_cmds",
        "One archived article, readable: metadata, interview, contacts, translations, provenance.",
    ),
    "sites": (
        "worker_cmds",
        "The sites workers crawl on a schedule, kept in the archive with their profile.",
    ),
    "stats": (
        "view_cmds",
        "Articles and changes per month, sector or language: the counts of the web view's charts.",
    ),
    "warc": (
        "archive_cmds",
        "Exchange captures with other web-archiving tools as WARC files (ISO 28500).",
    ),
    "worker": (
        "worker_cmds",
        "Crawl the archive's scheduled sites, with other workers on this or other machines.",
    ),
}

#: what a command interrupted by Ctrl-C says (exit 130) when it had no run to record
INTERRUPTED = "hubarchive: interrupted (Ctrl-C): stopped before finishing, exit 130"


class _Commands(click.Group):
    """The command group, loading each command's module on demand (click's "lazily loading
    subcommands"), with the last safety net: an error no command expected is one line for a
    person (exit 70), a damaged archive file is named as such (exit 2), never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(f"{__name__}.{COMMANDS[cmd_name][0]}")
            module.register(self)  # adds every command of the module
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's, with "Did you mean …?" drawn from every command, loaded or not (click
        suggests among the loaded ones only: none, before the first command is looked up)."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's own listing, with a stand-in carrying the one-line help of `COMMANDS` for
        each command whose module is not loaded."""
        listing = {
            name: self.commands[name]
            if name in self.commands
            else click.Command(name, help=COMMANDS[name][1])
            for name in self.list_commands(ctx)
        }
        click.Group(self.name, commands=listing).format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            # Ctrl-C before a command's own signal handling runs (importing its module, loading a
            # profile, opening the archive) or in a command without one: click's standalone mode
            # would print "Aborted!" and exit 1; the exit-code table says 130, in one line
            click.echo("", err=True)  # closes the terminal's ^C echo
            click.echo(INTERRUPTED, err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            _last_resort(ctx, exc)


def _last_resort(ctx: click.Context, exc: Exception) -> NoReturn:
    """One line on stderr and the exit code for an exception no command handled."""
    # imported here, not at the top: `hubarchive --help` need not load SQLAlchemy and the
    # storage layer (a command that failed on the archive has imported them already)
    from sqlalchemy.exc import DatabaseError, OperationalError

    from schedules.cli.common import describe_failure, storage_problem
    from storage.errors import StorageError

    if isinstance(exc, OperationalError):
        click.echo(f"hubarchive: {describe_failure(exc, recorded=False)}", err=True)
        # a read-only archive is a configuration error (the exit-code table), not a crash
        ctx.exit(EXIT_USAGE if _read_only(exc) else EXIT_SOFTWARE)
    if isinstance(exc, DatabaseError):
        reason = str(exc.orig).strip() if exc.orig is not None else str(exc)
        click.echo(
            f"hubarchive: the archive is damaged or not an archive ({reason}): "
            "run `hubarchive db check`, restore it from a backup",
            err=True,
        )
        ctx.exit(EXIT_USAGE)
    if isinstance(exc, StorageError):  # the exit code its kind calls for (a read-only archive: 2)
        raise storage_problem(exc) from exc
    click.echo(f"hubarchive: {describe_failure(exc, recorded=False)}", err=True)
    ctx.exit(EXIT_SOFTWARE)


def _read_only(exc: Exception) -> bool:
    """SQLite refused to write: the archive's file (or its folder) is read-only for this user."""
    return "readonly database" in str(getattr(exc, "orig", None) or exc).lower()


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
