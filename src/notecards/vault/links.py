"""Obsidian's link resolution: which note `[[Name]]`, `[[Folder/Name]]` or `[[Alias]]`
points to, from an index of every note of the vault built once per run.

Obsidian writes links with the shortest path that is unique in the vault, and reads
them case-insensitively. So a target is tried, in order, as: a path relative to the
linking note's folder, a path from the vault root, the tail of a longer path
(`Sub/Name` matches `A/Sub/Name.md`), and for a bare name, any note with that file
name; only when no file matches, as an alias from a note's front matter. When several
notes match (the same name in two folders), the one in the linking note's folder wins,
else the shallowest path, then the first in path order, as Obsidian does; the result
says it was ambiguous so the caller can warn.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from notecards.vault.scan import NOTE_SUFFIXES


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where a link points: `path` (vault-relative) or None, and every candidate when
    the name was ambiguous."""

    path: str | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _stem_path(rel: str) -> str:
    """`A/B.md` → `a/b`: the form links are compared in."""
    lower = rel.casefold()
    for suffix in NOTE_SUFFIXES:
        if lower.endswith(suffix):
            return lower[: -len(suffix)]
    return lower


def normalize_target(target: str) -> str:
    """A link target as written → the case-folded path it names, without `.md`."""
    text = target.strip().replace("\\", "/")
    while text.startswith("/"):
        text = text[1:]
    return _stem_path(text)


def _depth_key(rel: str) -> tuple[int, str]:
    return rel.count("/"), rel


class NoteIndex:
    """Every note of a vault by path, by file name and by alias."""

    def __init__(self, notes: Iterable[str], aliases: Mapping[str, Sequence[str]] | None = None):
        self._by_path: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}
        self._by_alias: dict[str, list[str]] = {}
        for rel in sorted(notes):
            key = _stem_path(rel)
            self._by_path.setdefault(key, rel)
            self._by_name.setdefault(key.rsplit("/", 1)[-1], []).append(rel)
        for rel, names in sorted((aliases or {}).items()):
            for alias in names:
                self._by_alias.setdefault(" ".join(alias.split()).casefold(), []).append(rel)

    def __len__(self) -> int:
        return len(self._by_path)

    def __contains__(self, rel: str) -> bool:
        return _stem_path(rel) in self._by_path

    def resolve(self, target: str, source: str = "") -> Resolution:
        """The note `target` names when written in the note at `source` (vault-relative)."""
        wanted = normalize_target(target)
        if not wanted:  # `[[#Heading]]`: a heading of the note itself
            return Resolution(source or None, (source,) if source else ())
        folder = posixpath.dirname(source)
        if "/" in wanted or wanted.startswith("."):
            relative = posixpath.normpath(posixpath.join(folder.casefold(), wanted))
            for key in (relative, wanted):
                if key in self._by_path:
                    return Resolution(self._by_path[key], (self._by_path[key],))
            tail = "/" + wanted.lstrip("./")
            name = wanted.rsplit("/", 1)[-1]
            found = [r for r in self._by_name.get(name, ()) if _stem_path(r).endswith(tail)]
        else:
            found = list(self._by_name.get(wanted, ()))
        if not found:
            found = list(self._by_alias.get(" ".join(target.split()).casefold(), ()))
        if not found:
            return Resolution(None)
        return Resolution(self._choose(found, folder), tuple(sorted(found)))

    @staticmethod
    def _choose(found: list[str], folder: str) -> str:
        local = [r for r in found if posixpath.dirname(r) == folder]
        return min(local or found, key=_depth_key)
