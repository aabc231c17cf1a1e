"""Safe writes of export files: temporary files created exclusively beside their target, and
renamed over it only when it is absent or a regular file.

An export folder (or the folder of a WARC file) may hold things placed there by someone else: a
symlink named like a temporary file or like `datapackage.json`, or a device (`/dev/full`).
Writing through any of them would overwrite a file elsewhere, or replace a device node. So each
temporary file gets a fresh random name, created with O_EXCL (and O_NOFOLLOW): it is a new
regular file or the call fails; a target that exists and is not a regular file is refused; and a
failed export removes its temporary files, leaving no `.part` behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Any

from storage.errors import ExportError

#: Permissions of an export file before the umask (those of a file `open()` creates).
_FILE_MODE = 0o666


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(target: Path) -> None:
    """Raise `ExportError` when `target` exists and is not a regular file (a symlink, a
    device, a folder, a pipe): an export never writes through or over one."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"cannot check {target}: {exc.strerror}") from exc
    if not stat.S_ISREG(mode):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise ExportError(
            f"{target} is {kind}: refusing to write over it; remove it or choose another name"
        )


class SafeFiles:
    """Temporary files in one folder, each renamed to its target name by `commit`, or removed
    by `discard`. Use as a context manager: an exception discards them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: dict[str, tuple[Path, IO[Any]]] = {}

    def open(self, name: str, mode: str = "w", **kwargs: Any) -> IO[Any]:
        """A new temporary file that becomes `folder/name` on `commit`; `mode` 'w' or 'wb'."""
        check_target(self.folder / name)
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.folder)
        except OSError as exc:
            raise ExportError(f"cannot create a file in {self.folder}: {exc.strerror}") from exc
        os.fchmod(fd, _FILE_MODE & ~_umask())  # mkstemp's 0600 would hide the export
        handle = os.fdopen(fd, mode, **kwargs)
        self._pending[name] = (Path(temp), handle)
        return handle

    def commit(self) -> None:
        """Close every file and rename each over its target (checked again just before)."""
        for name, (temp, handle) in list(self._pending.items()):
            handle.close()
            check_target(self.folder / name)
            os.replace(temp, self.folder / name)
            del self._pending[name]

    def discard(self) -> None:
        """Close and remove every temporary file not yet committed."""
        for temp, handle in self._pending.values():
            try:
                handle.close()
            except OSError:
                pass
            temp.unlink(missing_ok=True)
        self._pending.clear()

    def __enter__(self) -> SafeFiles:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is not None:
            self.discard()
