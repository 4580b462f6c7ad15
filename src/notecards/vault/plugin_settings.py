"""Settings other tools keep in the vault, where they change what their card syntax is.

Obsidian plugins store their settings in `.obsidian/plugins/<id>/data.json`. A vault
written for a plugin whose markers were changed there (another begin marker, a
flashcard tag of its own) means what the plugin reads, so the extractors for that
syntax read the same file. Each file is read once per process and again only when it
changes; a broken one is reported (`path:line: message`) and the defaults apply.
`fingerprint` is part of every note's cache key: changing a file rebuilds the cards.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

OBSIDIAN_TO_ANKI = ".obsidian/plugins/obsidian-to-anki-plugin/data.json"
SPACED_REPETITION = ".obsidian/plugins/obsidian-spaced-repetition/data.json"
FLASHCARDS = ".obsidian/plugins/flashcards-obsidian/data.json"
CORE_TEMPLATES = ".obsidian/templates.json"  # Obsidian's own Templates plugin
TEMPLATER = ".obsidian/plugins/templater-obsidian/data.json"
PLUGIN_FILES = (OBSIDIAN_TO_ANKI, SPACED_REPETITION, FLASHCARDS, CORE_TEMPLATES, TEMPLATER)


@dataclass(frozen=True)
class PluginFile:
    """One plugin's settings as read: the JSON object, and what was wrong with it."""

    data: dict[str, Any] = field(default_factory=dict)
    problem: str = ""  # "path:line: message", '' when it read well or is not there


def _stat_key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def read_plugin_file(root: Path | str, relpath: str) -> PluginFile:
    """The settings file `relpath` of the vault at `root` (empty when there is none)."""
    path = Path(root) / relpath
    return _read(str(path), _stat_key(path))


@lru_cache(maxsize=32)
def _read(path: str, stat: tuple[int, int] | None) -> PluginFile:
    if stat is None:
        return PluginFile()
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return PluginFile(problem=f"{path}:{error.lineno}: not valid JSON: {error.msg}")
    except (OSError, UnicodeDecodeError) as error:
        return PluginFile(problem=f"{path}:1: cannot read: {error}")
    if not isinstance(data, dict):
        return PluginFile(problem=f"{path}:1: expected a JSON object")
    return PluginFile(data)


def fingerprint(root: Path | str) -> str:
    """A digest of the plugin settings files of the vault (their size and time), for
    the cache keys of notes: a changed file means changed cards."""
    parts = [f"{rel}:{_stat_key(Path(root) / rel)}" for rel in PLUGIN_FILES]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()


def section(data: dict[str, Any], key: str) -> dict[str, Any]:
    """`data[key]` when it is a JSON object, else an empty one."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def text_setting(data: dict[str, Any], key: str, default: str) -> str:
    """A string setting; the default when it is missing, empty or of another type."""
    value = data.get(key)
    return value if isinstance(value, str) and value.strip() else default


def flag_setting(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key)
    return value if isinstance(value, bool) else default


def template_folders(root: Path | str) -> tuple[str, ...]:
    """The folders the vault keeps its templates in (Obsidian's Templates plugin,
    `folder`; Templater, `templates_folder`), relative to the root and spelled as on disk:
    a template ("{{title}}", empty Key Concepts sections, a list of the vault's CSS
    classes) is no study material, so the vault settings treat these folders as personal."""
    found = (
        text_setting(read_plugin_file(root, CORE_TEMPLATES).data, "folder", ""),
        text_setting(read_plugin_file(root, TEMPLATER).data, "templates_folder", ""),
    )
    folders = (_on_disk(Path(root), f.strip().strip("/")) for f in found if f.strip("/ "))
    return tuple(dict.fromkeys(f for f in folders if f))


def _on_disk(root: Path, folder: str) -> str:
    """`folder` as the disk spells it ("Templates" set, "templates" on disk: Obsidian on
    macOS and Windows finds it either way); '' when there is no such folder."""
    here, parts = root, []
    for part in folder.split("/"):
        if (here / part).is_dir():
            name = part
        else:
            try:
                name = next(
                    e.name
                    for e in here.iterdir()
                    if e.is_dir() and e.name.casefold() == part.casefold()
                )
            except (StopIteration, OSError):
                return ""
        here, parts = here / name, [*parts, name]
    return "/".join(parts)


def problems(root: Path | str) -> list[tuple[str, int, str]]:
    """(path, line, message) of each plugin settings file of the vault that cannot be
    read; its plugin's syntax is then read with the defaults."""
    found = []
    for rel in PLUGIN_FILES:
        problem = read_plugin_file(root, rel).problem
        if problem:
            where, _, message = problem.partition(": ")
            path, _, line = where.rpartition(":")
            found.append((path, int(line) if line.isdigit() else 1, message))
    return found
