"""`hubarchive runs`: the monitoring view of the crawls, reparses and imports an archive recorded.

Apart from `crawl_cmd` so that reading the runs imports no crawler nor extractor.
"""

from __future__ import annotations

from typing import Any

import click

from schedules.cli.common import archive_engine, db_option, echo_json, json_option, limit_option
from schedules.runs import dropped_links, recent_runs
from storage.db import transaction


def register(group: click.Group) -> None:
    """Add `runs` to the `hubarchive` group."""

    @group.command("runs")
    @db_option
    @json_option
    @limit_option(10)
    @click.option(
        "--failed",
        is_flag=True,
        help="List the broken links dropped from the retries (404/410 after 1, 2, 4, 8 days).",
    )
    def runs(db_url: str, as_json: bool, limit: int, failed: bool) -> None:
        """Show the last runs (crawls, reparses, imports) with their outcome and counts.

        A run whose process is gone without recording its end shows as interrupted.

        \b
        Example:
          hubarchive runs --limit 5
          hubarchive runs --json | jq '.[0].outcome'
          hubarchive runs --failed
        """
        with archive_engine(db_url, migrate=False) as engine, transaction(engine) as session:
            rows = (
                dropped_links(session, limit=limit) if failed else recent_runs(session, limit=limit)
            )
        if as_json:
            echo_json(rows)
            return
        if failed:
            if not rows:
                click.echo("no broken link was dropped from the retries")
            for row in rows:
                click.echo(
                    f"{row['url']}  {row['failures']} failures, last {row['last_tried']:%Y-%m-%d}"
                )
            return
        if not rows:
            click.echo("no runs recorded in this archive yet")
        for row in rows:
            click.echo(_run_line(row))


def _run_line(row: dict[str, Any]) -> str:
    """One run as text: id, kind, site, start, duration, outcome, exit code, the counts that are
    not zero; its message (why it failed, its warnings) on an indented line below."""
    counts = row["counts"]
    started = row["started_at"].strftime("%Y-%m-%d %H:%M:%S") if row["started_at"] else "?"
    seconds = ""
    if row["finished_at"] and row["started_at"]:
        seconds = f" {(row['finished_at'] - row['started_at']).total_seconds():.0f}s"
    shown = " ".join(f"{k}={v}" for k, v in counts.items() if v and k not in ("bytes",))
    line = (
        f"#{row['id']} {row['kind']}{' ' + row['site'] if row.get('site') else ''} "
        f"{started}{seconds} {row['outcome']}"
        f" exit={row['exit_code'] if row['exit_code'] is not None else '-'} {shown}"
    ).rstrip()
    message = " ".join(str(row.get("message") or "").split())
    return f"{line}\n    {message}" if message else line
