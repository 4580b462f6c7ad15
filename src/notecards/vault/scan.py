"""One walk of a vault's folder tree per build, with one set of skip rules, that
discovery, link resolution, media lookup and the build's input fingerprint all read.

A folder is entered unless it is hidden (`.obsidian/`, `.trash/`, `.git/`) or
`node_modules/`; a symlinked folder only while it stays inside the root, and only once,
so a link loop cannot hang the walk. Every file of an entered folder is listed (media
lookup and the fingerprint need them all); the notes are the Markdown files among them
whose names are not hidden (a link may name one that is not a regular file, and hear
why it cannot be read; discovery takes regular files only). Paths stay text: a vault
has thousands of files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from notecards.safe_read import inside

NOTE_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({".obsidian", ".trash", ".git", "node_modules"})

OUTSIDE_LINK = "symlink to a file outside the vault or in a hidden folder: skipped"


def is_note_name(name: str) -> bool:
    return name.lower().endswith(NOTE_SUFFIXES) and not name.startswith(".")


def is_skipped_folder(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


class ScannedFile(NamedTuple):
    rel: str  # POSIX path relative to the scanned root
    path: str  # the path as walked (the root's real path, then the names under it)
    linked: bool  # reached through a symlink: the file itself or a folder above it
    symlink: bool  # the file itself is a symlink
    regular: bool  # a regular file (after symlinks), not a device, FIFO or broken link


class VaultScan:
    """Every file under `root` in walk order: a folder's files, then its subfolders
    (sorted by name), the order media lookup by file name has always tried them in."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.files: list[ScannedFile] = list(_walk(self.root, "", self.root, False, set()))

    @cached_property
    def notes(self) -> list[str]:
        """The notes' paths relative to the root (every note a link may name)."""
        return [f.rel for f in self.files if is_note_name(f.rel.rsplit("/", 1)[-1])]

    @cached_property
    def by_name(self) -> dict[str, list[Path]]:
        """Every file by its case-folded name: where `![[name.png]]` may be."""
        index: dict[str, list[Path]] = {}
        for scanned in self.files:
            name = scanned.rel.rsplit("/", 1)[-1]
            index.setdefault(name.casefold(), []).append(Path(scanned.path))
        return index

    def names(self) -> list[str]:
        """Every file's path relative to the root (a media lookup changes only when a
        file appears or goes)."""
        return [f.rel for f in self.files]

    def notes_in(
        self, folder: Path, problems: list[tuple[str, int, str]]
    ) -> list[tuple[str, str]] | None:
        """(path relative to `folder`, path) of each note under `folder`, or None when
        the scan did not enter `folder` (a hidden folder given by name). A note that is a
        symlink leading out of `folder` or into a hidden folder goes to `problems`; a
        note reached through a symlinked folder leading out of `folder` is not there."""
        base = folder.resolve()
        try:
            parts = base.relative_to(self.root).parts
        except ValueError:
            return None
        if any(is_skipped_folder(part) for part in parts):
            return None
        prefix = "".join(f"{part}/" for part in parts)
        found = []
        for scanned in self.files:
            rel = scanned.rel
            if not rel.startswith(prefix) or not is_note_name(rel.rsplit("/", 1)[-1]):
                continue
            if not scanned.regular:
                continue
            if scanned.symlink and not inside(Path(scanned.path).resolve(), base):
                problems.append((scanned.path, 1, OUTSIDE_LINK))
                continue
            if prefix and scanned.linked and not _folder_inside(scanned.path, base):
                continue
            found.append((rel[len(prefix) :], scanned.path))
        return found


def _folder_inside(path: str, base: Path) -> bool:
    try:
        return Path(path).parent.resolve().is_relative_to(base)
    except (OSError, RuntimeError):
        return False


def _walk(
    folder: Path, prefix: str, root: Path, linked: bool, seen: set[Path]
) -> Iterator[ScannedFile]:
    """The files under `folder`, whose path relative to `root` is `prefix`."""
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return
    if real in seen or not real.is_relative_to(root):
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=True):
                if not is_skipped_folder(entry.name):
                    folders.append(entry)
            else:
                symlink, regular = entry.is_symlink(), entry.is_file(follow_symlinks=True)
                yield ScannedFile(
                    prefix + entry.name, entry.path, linked or symlink, symlink, regular
                )
        except (OSError, RuntimeError):
            continue
    for entry in folders:
        try:
            through_link = linked or entry.is_symlink()
        except OSError:
            continue
        yield from _walk(Path(entry.path), f"{prefix}{entry.name}/", root, through_link, seen)


# ---------------------------------------------------------------- one scan per build

_kept: dict[Path, VaultScan] | None = None


@contextmanager
def one_scan_per_vault() -> Iterator[None]:
    """Within it, `scan_vault` walks each vault once and gives every later step the
    same scan (one build); outside it, each call walks afresh, as files change between
    builds (`watch`)."""
    global _kept
    outer = _kept
    _kept = {} if outer is None else outer
    try:
        yield
    finally:
        _kept = outer


def scan_vault(root: Path) -> VaultScan:
    """The scan of the vault at `root`: the one this build made, or a new one."""
    root = root.resolve()
    if _kept is None:
        return VaultScan(root)
    if root not in _kept:
        _kept[root] = VaultScan(root)
    return _kept[root]
