"""An archive in a folder this user cannot write (another user's, a read-only share): SQLite must
create the archive's -shm file to read a WAL archive, so every command that opens it says so in
one line and exits 2 (it said "attempt to write a readonly database (check --db and the database
server)" and exited 70, the code of a crash); `db upgrade` cannot create its lock file there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules.cli import main

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


@pytest.fixture
def locked_folder() -> Iterator[Path]:
    """A folder holding an archive, neither writable by the user who runs the command."""
    folder = Path(tempfile.mkdtemp(prefix="hubarchive-ro-"))
    try:
        result = CliRunner().invoke(main, ["db", "upgrade", "--db", str(folder / "a.db")])
        assert result.exit_code == 0, result.output
        folder.chmod(0o755)
        (folder / "a.db").chmod(0o644)
        for extra in folder.glob("a.db*"):
            if extra.name != "a.db":
                extra.unlink()
        folder.chmod(0o555)
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_another_user(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *(["-c", code] if code else ["-m", "schedules.cli"]), *args]
    if os.geteuid() == 0:  # root writes anywhere: ask as an ordinary user would
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot act as an ordinary user")
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
        _skip_unless_readable_by_nobody(command[:4])
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ}
    )


def _skip_unless_readable_by_nobody(as_nobody: list[str]) -> None:
    """Skip (saying why) when the ordinary user cannot import the project: a clone in root's
    own 0700 folder. `.ci/run` opens its clone's folder to other users so that CI runs this."""
    probe = subprocess.run(
        [*as_nobody, sys.executable, "-c", "import schedules.cli"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if probe.returncode != 0:
        pytest.skip(f"user {NOBODY} cannot read this clone ({ROOT}): move it out of a 0700 folder")


@pytest.mark.parametrize(
    "command",
    [
        ["search", "Bruxelles"],
        ["export", "--format", "csv", "--out", "{tmp}"],
        ["runs"],
        ["history", "https://example.org/a/"],
        ["db", "upgrade"],  # its lock file cannot be created: exit 70, "recorded in runs"
    ],
    ids=["search", "export", "runs", "history", "db-upgrade"],
)
def test_a_read_command_on_an_archive_in_a_read_only_folder_says_why_exit_2(
    locked_folder: Path, command: list[str]
) -> None:
    out = Path(tempfile.mkdtemp(prefix="hubarchive-out-"))
    out.chmod(0o777)
    try:
        args = [a.replace("{tmp}", str(out / "x")) for a in command]
        done = _as_another_user(*args, "--db", str(locked_folder / "a.db"))
    finally:
        shutil.rmtree(out)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "writable" in done.stderr and str(locked_folder) in done.stderr
    assert "recorded in hubarchive runs" not in done.stderr


#: SQLite builds that cannot create the -shm file answer "unable to open database file"
#: (SQLITE_CANTOPEN) where 3.40 says "attempt to write a readonly database": the same archive, the
#: same folder, the same answer is due (it was exit 70 "unable to open database file")
_CANTOPEN_BUILD = """
import sqlite3, sys


def cantopen(exc):
    if "readonly" in str(exc):
        return sqlite3.OperationalError("unable to open database file")
    return exc


class Cursor(sqlite3.Cursor):
    def execute(self, *args):
        try:
            return super().execute(*args)
        except sqlite3.OperationalError as exc:
            raise cantopen(exc) from None

    def fetchone(self):
        try:
            return super().fetchone()
        except sqlite3.OperationalError as exc:
            raise cantopen(exc) from None


class Connection(sqlite3.Connection):
    def cursor(self, factory=Cursor):
        return super().cursor(factory)

    def execute(self, *args):
        return self.cursor().execute(*args)


real = sqlite3.connect
sqlite3.connect = sqlite3.dbapi2.connect = lambda *args, **kwargs: real(
    *args, factory=Connection, **kwargs
)
from schedules.cli import main
sys.argv = ["hubarchive", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    "command",
    [["search", "Bruxelles"], ["runs"], ["history", "https://example.org/a/"]],
    ids=["search", "runs", "history"],
)
def test_unable_to_open_in_a_read_only_folder_says_why_exit_2(
    locked_folder: Path, command: list[str]
) -> None:
    done = _as_another_user(*command, "--db", str(locked_folder / "a.db"), code=_CANTOPEN_BUILD)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "writable" in done.stderr and str(locked_folder) in done.stderr


@pytest.fixture
def read_only_archive() -> Iterator[Path]:
    """An archive file this user cannot write, in a folder it can (a copy kept read-only)."""
    folder = Path(tempfile.mkdtemp(prefix="hubarchive-rofile-"))
    try:
        result = CliRunner().invoke(main, ["db", "upgrade", "--db", str(folder / "a.db")])
        assert result.exit_code == 0, result.output
        for extra in folder.glob("a.db*"):
            if extra.name != "a.db":
                extra.unlink()
        folder.chmod(0o777)
        (folder / "a.db").chmod(0o444)
        yield folder / "a.db"
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    "command",
    [
        ["reparse"],
        ["forget", "https://example.org/a/", "--undo"],
        ["sites", "add", "shop", "--profile", "base", "--start-url", "https://shop.example/"],
    ],
    ids=["reparse", "forget-undo", "sites-add"],
)
def test_a_writer_on_a_read_only_archive_file_is_a_configuration_error_exit_2(
    read_only_archive: Path, command: list[str]
) -> None:
    """The exit-code table says a read-only archive is 2 (a configuration error, alerted on);
    these writers said "the archive is read-only" but exited 70, the code of a crash."""
    done = _as_another_user(*command, "--db", str(read_only_archive))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "read-only" in done.stderr
