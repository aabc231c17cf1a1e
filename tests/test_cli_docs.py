"""Every command and subcommand of `hubarchive --help` is named in the README as `hubarchive <name>`."""

from __future__ import annotations

import re
from pathlib import Path

import click

from schedules.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def command_names(group: click.Group, prefix: str = "") -> list[str]:
    """'crawl', 'db', 'db upgrade', … : every visible command path below `group`."""
    names: list[str] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)  # the main group loads its commands on demand
        if command is None or command.hidden:
            continue
        path = f"{prefix}{name}"
        names.append(path)
        if isinstance(command, click.Group):
            names += command_names(command, path + " ")
    return names


def test_the_walk_finds_commands_and_subcommands() -> None:
    names = command_names(main)
    assert {"crawl", "search", "db upgrade", "db check", "warc export", "warc import"} <= set(names)


def test_every_command_is_named_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [
        name
        for name in command_names(main)
        if not re.search(rf"hubarchive {re.escape(name)}(?![\w-])", readme)
    ]
    assert missing == [], f"README.md never names: {', '.join('hubarchive ' + m for m in missing)}"
