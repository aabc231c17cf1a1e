"""The processes below a process, read from Linux's /proc (tests and bench/crawl.py)."""

from __future__ import annotations

from pathlib import Path


def proc_stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name (state, parent pid, …); [] when the
    process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return text[text.rindex(")") + 2 :].split()


def running(pid: int) -> bool:
    """True when the process is there and no zombie."""
    fields = proc_stat(pid)
    return bool(fields) and fields[0] != "Z"


def descendants(root: int, *, leave_out: int | None = None) -> list[int]:
    """Running processes below `root`, `leave_out`'s branch left out."""
    parent_of: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        fields = proc_stat(int(entry.name))
        if fields and fields[0] != "Z":
            parent_of[int(entry.name)] = int(fields[1])
    found: list[int] = []
    todo = [root]
    while todo:
        parent = todo.pop()
        kids = [pid for pid, p in parent_of.items() if p == parent and pid != leave_out]
        found += kids
        todo += kids
    return found
