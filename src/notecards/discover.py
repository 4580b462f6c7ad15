"""Which files of a folder are notes: Markdown files, minus what Obsidian and the user
keep out (`.obsidian/`, `.trash/`, hidden folders, `.notecardsignore` in gitignore
syntax), then what `--include`/`--exclude` globs say. Symlinks are followed only while
they stay inside the root, and a folder is entered once, so a link loop cannot hang the
walk.

Globs use gitignore syntax against the path relative to the folder given
(`Drafts/`, `**/*.excalidraw.md`, `Web/**`): the same rules users already write in
`.notecardsignore`, so there is one syntax to learn.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

NOTE_SUFFIXES = (".md", ".markdown")
IGNORE_FILE = ".notecardsignore"
_ALWAYS_SKIPPED = {".obsidian", ".trash", ".git", "node_modules"}


def _ignore_spec(root: Path):
    try:
        lines = (root / IGNORE_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines)


def _spec(patterns: Sequence[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def _is_note(name: str) -> bool:
    return name.lower().endswith(NOTE_SUFFIXES) and not name.startswith(".")


def discover(root: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Path]:
    """The notes under `root` (a file or a folder), sorted by their path in the root.

    A file given directly is always a note: the user named it.
    """
    if root.is_file():
        return [root]
    base = root.resolve()
    ignored, wanted, unwanted = _ignore_spec(base), _spec(include), _spec(exclude)
    found: list[tuple[str, str]] = []
    for rel, path in _walk(base, "", base, set()):
        if ignored is not None and ignored.match_file(rel):
            continue
        if wanted is not None and not wanted.match_file(rel):
            continue
        if unwanted is not None and unwanted.match_file(rel):
            continue
        found.append((rel, path))
    found.sort()
    return [Path(path) for _, path in found]


def _walk(folder: Path, prefix: str, root: Path, seen: set[Path]) -> Iterator[tuple[str, str]]:
    """(path relative to `root` in POSIX form, path) of each note under `folder`, whose
    relative path is `prefix`; kept as text, since a vault has thousands of notes."""
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
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name in _ALWAYS_SKIPPED:
            continue
        try:
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(Path(entry.path), f"{prefix}{name}/", root, seen)
            elif (
                entry.is_file(follow_symlinks=True)
                and _is_note(name)
                and (not entry.is_symlink() or Path(entry.path).resolve().is_relative_to(root))
            ):
                yield prefix + name, entry.path
        except (OSError, RuntimeError):
            continue
