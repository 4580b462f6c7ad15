"""Atomic file writing: a reader sees the old file or the new one, never half of one.

The new content goes to a temporary file in the target's folder (same file system, so
`os.replace` is an atomic rename), is flushed to disk, and only then replaces the
target. On any exception, KeyboardInterrupt included, the temporary file is removed
and the previous file stays untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from notecards.exporters.scratch import temp_name


def _create_temp(folder: Path, name: str) -> Path:
    """A fresh, hidden, empty file next to the target, created with the usual umask."""
    while True:
        candidate = folder / temp_name(name, secrets.token_hex(4))  # names its owner
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `path` atomically.

    The folder is created if needed. The caller may write the temporary file in any way
    (open it, hand it to zipfile or sqlite); it exists and is empty on entry.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _create_temp(target.parent, target.name)
    try:
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(target.parent)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    with atomic_output(path) as temp:
        temp.write_bytes(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically; newlines are written as given."""
    atomic_write_bytes(path, text.encode(encoding))
