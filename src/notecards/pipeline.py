"""discover → read → extract: from paths on disk to cards, with every problem kept.

Pelican-style stages: `discover` finds files, `reader.read_note` makes Notes,
`extractors.extract_cards` makes Cards; exporters and the quiz consume the result.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from notecards.discover import discover
from notecards.extractors import extract_cards
from notecards.model import Card, Note, Problem
from notecards.reader import read_note
from notecards.reader.metadata import meta_flag
from notecards.vault import Vault, find_vault_root


@dataclass(frozen=True, slots=True)
class BuildOptions:
    allow_remote: bool = False
    include_drafts: bool = False


@dataclass
class BuildResult:
    """What one input path (a note or a folder) gives."""

    root: Path
    single_note: bool
    notes: list[Note] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def deck_for(rel_in_root: str, root_name: str, single_note: bool, title: str) -> str:
    """DESIGN.md: one note → its title; a folder → `Root::Folder::Subfolder`."""
    if single_note:
        return _deck_part(title)
    parts = [root_name, *PurePosixPath(rel_in_root).parent.parts]
    return "::".join(_deck_part(p) for p in parts if p not in ("", "."))


def _deck_part(name: str) -> str:
    """`::` separates decks in Anki, so it may not appear inside one level's name."""
    cleaned = " ".join(name.replace("::", ":").split())
    return cleaned or "Notes"


def collect_one(path: Path, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Read and extract one note or one folder of notes."""
    single = path.is_file()
    result = BuildResult(root=path, single_note=single)
    if not path.exists():
        result.problems.append(Problem(display_path(path), 0, "no such file or folder", "error"))
        return result
    vault = Vault(find_vault_root(path))
    build_root = path.resolve() if not single else path.resolve().parent
    for note_path in discover(path):
        note, problems = read_note(note_path, vault)
        shown = display_path(note_path)
        result.problems += [replace(p, path=shown) for p in problems]
        if note is None:
            continue
        if meta_flag(dict(note.meta), "draft") and not options.include_drafts:
            continue
        try:
            rel_in_root = note_path.resolve().relative_to(build_root).as_posix()
        except ValueError:
            rel_in_root = note_path.name
        note = replace(note, deck=deck_for(rel_in_root, build_root.name, single, note.title))
        result.notes.append(note)
        result.cards += extract_cards(note, vault, note_path, allow_remote=options.allow_remote)
    return result


def collect(paths: Sequence[Path], options: BuildOptions = BuildOptions()) -> BuildResult:
    """Every card of every path, as one result (what `cards` and `quiz` need)."""
    results = [collect_one(Path(p), options) for p in paths]
    merged = BuildResult(root=Path(paths[0]) if paths else Path("."), single_note=False)
    for result in results:
        merged.notes += result.notes
        merged.cards += result.cards
        merged.problems += result.problems
    return merged
