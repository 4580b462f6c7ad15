"""Scratch files that name their owner, so a later build can remove what a killed one
left behind.

A build keeps its staged rows in `notecards-<pid>-*` folders in the temporary folder,
and writes each package to `.<name>.<pid>-<random>.tmp` beside it before the rename.
Normally they go when the build ends (Ctrl-C, SIGTERM and errors included); SIGKILL or
a power cut leaves them. `sweep` removes those whose owner is dead and which have not
been touched for `STALE_SECONDS` (the age guards against a pid seen from another pid
namespace, such as a container sharing the temporary folder).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "notecards-"
STALE_SECONDS = 15 * 60
_FOLDER = re.compile(rf"{PREFIX}(\d+)-")
_TEMP_FILE = re.compile(r"\..+\.(\d+)-[0-9a-f]+\.tmp")


def scratch_folder() -> Path:
    """A new, private scratch folder that names this process."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def temp_name(name: str, token: str) -> str:
    """The name of a package's temporary file beside it (see `atomic.atomic_output`)."""
    return f".{name}.{os.getpid()}-{token}.tmp"


def sweep(output_folders: list[Path], now: float | None = None) -> list[Path]:
    """Remove stale scratch folders of notecards in the temporary folder and stale
    temporary packages in `output_folders`; returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    places = [(Path(tempfile.gettempdir()), _FOLDER), *((f, _TEMP_FILE) for f in output_folders)]
    for folder, pattern in places:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            found = pattern.match(entry.name)
            path = Path(entry.path)
            if found and _stale(path, int(found.group(1)), now) and _remove(path):
                removed.append(path)
    return removed


def _stale(path: Path, pid: int, now: float) -> bool:
    if pid == os.getpid() or _alive(pid):
        return False
    return now - _last_touched(path) > STALE_SECONDS


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there: never judged dead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's live process, or a pid we cannot ask about
    return True


def _last_touched(path: Path) -> float:
    """The newest mtime of `path` and, for a folder, of what it holds directly (a
    build writes into its stage file, not the folder)."""
    try:
        newest = path.lstat().st_mtime
        if path.is_dir() and not path.is_symlink():
            for entry in os.scandir(path):
                newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    except OSError:
        return time.time()  # cannot tell: not stale
    return newest


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        return False
    return True
