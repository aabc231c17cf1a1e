"""`hubarchive` loads a command's module only when that command runs: `--help` lists every
command from the one-line helps kept in `schedules.cli.COMMANDS`, which must be the commands'
own, and the read commands never import the crawler or the extractor."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys

import click
import pytest

import schedules.cli
from schedules.cli import COMMANDS

#: Wider than any one-line help, so that `get_short_help_str` returns it whole.
WHOLE = 10_000


def registered() -> dict[str, tuple[str, click.Command]]:
    """Every command the modules of schedules/cli register, by name: (module, command), from a
    fresh group (not `main`, which loads them on demand)."""
    found: dict[str, tuple[str, click.Command]] = {}
    for info in pkgutil.iter_modules(schedules.cli.__path__):
        if info.name.startswith("_"):  # __main__ runs the command line
            continue
        module = importlib.import_module(f"schedules.cli.{info.name}")
        if not hasattr(module, "register"):
            continue
        group = click.Group()
        module.register(group)
        for name, command in group.commands.items():
            assert name not in found, f"{name} is registered by {found[name][0]} and {info.name}"
            found[name] = (info.name, command)
    return found


def _fresh(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`code` in a new interpreter (nothing imported yet), its output captured."""
    env = {k: v for k, v in os.environ.items() if k != "HUBARCHIVE_DB"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_every_registered_command_is_listed_with_its_module_and_its_own_help() -> None:
    commands = registered()
    assert sorted(COMMANDS) == sorted(commands), "schedules.cli.COMMANDS and the modules differ"
    for name, (module, command) in commands.items():
        assert COMMANDS[name][0] == module, f"{name} is registered by {module}"
        assert COMMANDS[name][1] == command.get_short_help_str(WHOLE), f"{name}: help drifted"


_HELP = """
import json, sys
import click, click.formatting
from schedules.cli import main
click.formatting.FORCED_WIDTH = int(sys.argv[2])
if sys.argv[1] == "loaded":  # every command's module imported first: their own short helps
    for name in main.list_commands(click.Context(main)):
        assert main.get_command(click.Context(main), name) is not None
code = main(["--help"], prog_name="hubarchive", standalone_mode=False)
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("schedules.cli.", "sqlalchemy")))))
"""


@pytest.mark.parametrize("width", [100, 60])
def test_help_lists_every_command_as_the_loaded_commands_would(width: int) -> None:
    lazy = _fresh(_HELP, "lazy", str(width))
    assert lazy.returncode == 0, lazy.stderr
    help_text, _, loaded = lazy.stdout.rstrip().rpartition("\n")
    assert json.loads(loaded) == [], "`hubarchive --help` imported a command's module"
    for name in COMMANDS:
        assert f"\n  {name} " in help_text
    eager = _fresh(_HELP, "loaded", str(width))
    assert eager.returncode == 0, eager.stderr
    eager_text, _, loaded = eager.stdout.rstrip().rpartition("\n")
    assert "schedules.cli.crawl_cmd" in json.loads(loaded)
    assert help_text == eager_text


_LOADS = """
import json, sys
import click
from schedules.cli import main
assert main.get_command(click.Context(main), sys.argv[1]) is not None
heavy = ("scraper.extract", "schedules.job", "scraper.discover", "flask")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


@pytest.mark.parametrize("command", ["search", "runs", "history", "changes"])
def test_read_commands_import_neither_the_crawler_nor_the_extractor(command: str) -> None:
    """One read command of each module that holds some: the whole module is imported."""
    done = _fresh(_LOADS, command)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"{command} imports them"


def test_a_command_still_runs_through_python_dash_m(tmp_path: object) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "schedules.cli", "runs", "--db", f"sqlite:///{tmp_path}/none.db"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "no archive at" in done.stderr, done.stderr


def test_a_mistyped_command_gets_the_nearest_commands_suggested() -> None:
    """In a fresh process, before any command is loaded, a typo still gets click's "Did you
    mean" among all the commands (lazy loading had left it none to choose from)."""
    for typo, suggestion in (("serch", "'search'"), ("crwal", "'crawl'"), ("exprot", "'export'")):
        done = subprocess.run(
            [sys.executable, "-m", "schedules.cli", typo],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2
        assert f"No such command '{typo}'" in done.stderr and suggestion in done.stderr, done.stderr
