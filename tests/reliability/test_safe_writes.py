"""Issue 12, finding 7: exports never write through a symlink, over a device, or leave a `.part`.

An export folder may hold what someone else placed there: links named like the export's files,
or like a temporary file. The export writes only regular files it created itself.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules.cli import main
from scraper.models import Article
from storage.archive import store_record
from storage.db import open_engine, transaction


@pytest.fixture
def archive(db_url: str) -> str:
    engine = open_engine(db_url)
    try:
        with transaction(engine) as session:
            store_record(
                session,
                Article(url="http://127.0.0.1/news/a/", title="A title", body="A body."),
                seen_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
    finally:
        engine.dispose()
    return db_url


def export(archive: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--db", archive], catch_exceptions=False)
    return result.exit_code, result.output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_symlinked_datapackage_json_is_refused_and_its_target_untouched(
    archive: str, tmp_path: Path
) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("keep me")
    (out / "datapackage.json").symlink_to(victim)
    code, said = export(archive, "export", "--format", "jsonl", "--out", str(out))
    assert code != 0 and "symbolic link" in said, said
    assert victim.read_text() == "keep me"
    assert leftovers(out) == [], "a failed export leaves no .part"


def test_pre_placed_part_symlinks_are_never_written_through(archive: str, tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("keep me")
    for name in (".articles.jsonl.part", ".datapackage.json.part", "articles.jsonl.part"):
        (out / name).symlink_to(victim)
    code, said = export(archive, "export", "--format", "jsonl", "--out", str(out))
    assert code == 0, said
    assert victim.read_text() == "keep me"
    written = [p for p in out.iterdir() if not p.is_symlink()]
    assert sorted(p.name for p in written) == ["articles.jsonl", "datapackage.json"]


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_warc_export_refuses_a_target_that_is_not_a_regular_file(
    archive: str, tmp_path: Path, kind: str
) -> None:
    target, victim = tmp_path / "out.warc.gz", tmp_path / "victim.txt"
    victim.write_text("keep me")
    if kind == "symlink":
        target.symlink_to(victim)
    else:
        os.mkfifo(target)  # a device would do the same: not a regular file
    code, said = export(archive, "warc", "export", str(target))
    assert code != 0 and "refusing" in said, said
    assert victim.read_text() == "keep me"
    assert target.is_symlink() if kind == "symlink" else target.is_fifo()
    assert leftovers(tmp_path) == []


def test_a_failed_warc_export_leaves_neither_the_file_nor_a_part(
    archive: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(session: object, out: object, **kwargs: object) -> None:
        out.write(b"half a record")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("schedules.cli.archive_cmds.export_warc", broken)
    folder = tmp_path / "warcs"
    folder.mkdir()
    code, said = export(archive, "warc", "export", str(folder / "out.warc.gz"))
    assert code == 1 and "No space left" in said, said
    assert sorted(p.name for p in folder.iterdir()) == []
