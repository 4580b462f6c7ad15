"""The one way notecards reads a file of a vault: a regular file, of bounded size.

A vault is someone else's folder. A FIFO named `note.md` (or `.notecardsignore`) makes
a plain `open().read()` wait for ever, and a symlink to `/dev/zero` reads until memory
runs out. So every read of a note, an embedded note, an ignore file or a knowledge file
goes through `read_regular`: `os.stat` refuses what is not a regular file or is too
large before anything is opened, then the file is opened without blocking
(`O_NONBLOCK`) and checked again on the descriptor (a swap in between is caught), and
never more than `limit + 1` bytes are read (a file that grows while read is cut).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MiB = 1024 * 1024


class Refused(OSError):
    """A path that is not something notecards reads (a FIFO, a device, a huge file);
    its message says why, ready for `path:line: message`."""


def read_regular(path: str | os.PathLike[str], limit: int) -> tuple[bytes, int]:
    """The bytes and whole-second mtime of a regular file of at most `limit` bytes.

    Raises `Refused` for what is not a regular file or is larger than `limit`, and
    `OSError` (or `ValueError` for a NUL in the name) when it cannot be read."""
    _check(os.stat(path), limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check(info, limit)
        # Ask for the size it has (reading `limit + 1` at once would allocate `limit`
        # bytes for every file) and one byte more; a file that grew since is read on.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise Refused(too_large(len(data), limit))
    return data, int(info.st_mtime)


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """At most the first `size` bytes of a regular file of any size (front matter)."""
    _check(os.stat(path), None)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        _check(os.fstat(handle.fileno()), None)
        return handle.read(size)


def read_regular_text(path: str | os.PathLike[str], limit: int, encoding: str = "utf-8") -> str:
    """`read_regular`, decoded (undecodable bytes become U+FFFD)."""
    data, _ = read_regular(path, limit)
    return data.decode(encoding, errors="replace")


def _check(info: os.stat_result, limit: int | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not a regular file (a device, FIFO or socket): skipped")
    if limit is not None and info.st_size > limit:
        raise Refused(too_large(info.st_size, limit))


def too_large(size: int, limit: int) -> str:
    if limit >= MiB:
        return f"file of {size // MiB} MiB is too large (limit {limit // MiB} MiB): skipped"
    return f"file of {size:,} bytes is too large (limit {limit:,} bytes): skipped"


def describe(error: Exception) -> str:
    """What a failed `read_regular` says to the user."""
    if isinstance(error, Refused):
        return str(error)
    if isinstance(error, OSError):
        return f"cannot read file: {error.strerror or error}"
    return f"cannot read file: {error}"


def inside(real: Path, root: Path) -> bool:
    """True when the real path `real` is inside `root` and in none of its hidden
    folders (`.git/`, `.obsidian/`, `.ssh/` of a home folder made a vault)."""
    try:
        parts = real.relative_to(root).parts
    except ValueError:
        return False
    return not any(part.startswith(".") for part in parts)
