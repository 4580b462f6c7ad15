"""The vault's own settings: `.notecards.toml` at the vault root (docs/settings.md).

What a vault wants once instead of on every command line: the language of its notes,
the name of its top deck, which extractors and kinds run, how sure a mined card must be,
which folders and tags are skipped or personal (personal notes give the cards written
in them, never mined ones), whether prose is mined at all, and which other tools' card
syntaxes are read. Front matter overrides it per note (`lang`, `notecards: {mine: …,
skip: […]}`); command-line options override both (`--no-mine`, `--mine`).

A broken file, an unknown key or a value of the wrong type is reported as
`path:line: message`; the rest of the file still applies.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any

from notecards.switches import SYNTAX_EXTRACTORS, NoteSwitches
from notecards.vault.plugin_settings import template_folders

SETTINGS_FILE = ".notecards.toml"
LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class VaultSettings:
    language: str = ""
    deck_root: str = ""
    min_confidence: float | None = None
    mine: bool = True
    only: tuple[str, ...] = ()  # extractors; empty: all
    skip: tuple[str, ...] = ()  # extractors or kinds
    skip_folders: tuple[str, ...] = ()
    personal_folders: tuple[str, ...] = ()
    skip_tags: tuple[str, ...] = ()
    personal_tags: tuple[str, ...] = ()
    syntax: tuple[tuple[str, bool], ...] = ()  # (syntax, on)
    problems: tuple[tuple[int, str], ...] = field(default=(), compare=False)  # (line, message)

    def switches(
        self,
        note_path: str,
        tags: Iterable[str],
        meta: Mapping[str, Any],
        cli_mine: bool | None = None,
    ) -> NoteSwitches:
        """This note's switches: the settings, then its front matter, then the command
        line, each overriding the one before."""
        tags = [t.casefold() for t in tags]
        if _in_folders(note_path, self.skip_folders) or _has_tag(tags, self.skip_tags):
            return NoteSwitches(enabled=False)
        personal = _in_folders(note_path, self.personal_folders) or _has_tag(
            tags, self.personal_tags
        )
        mine = self.mine and not personal
        config = meta.get("notecards")
        if isinstance(config, Mapping) and isinstance(config.get("mine"), bool):
            mine = config["mine"]
        if cli_mine is not None:
            mine = cli_mine
        skip = set(self.skip)
        if self.only:
            skip |= {name for name in _ALL_EXTRACTORS if name not in self.only}
        skip |= {SYNTAX_EXTRACTORS[name] for name, on in self.syntax if not on}
        has_lang = bool(meta.get("lang") or meta.get("language"))
        return NoteSwitches(True, mine, frozenset(skip), "" if has_lang else self.language)


def _in_folders(note_path: str, folders: tuple[str, ...]) -> bool:
    """A note inside one of `folders` (paths or globs, relative to the vault root)."""
    parent = note_path.rsplit("/", 1)[0] if "/" in note_path else ""
    for folder in folders:
        folder = folder.strip("/")
        if parent == folder or parent.startswith(folder + "/") or fnmatchcase(parent, folder):
            return True
    return False


def _has_tag(tags: list[str], wanted: tuple[str, ...]) -> bool:
    return any(t == w or t.startswith(w + "/") for w in wanted for t in tags)


# ---------------------------------------------------------------- reading the file

_ALL_EXTRACTORS = (
    "obsidian_to_anki", "flashcards_obsidian", "explicit", "anki_cloze", "http_messages",
    "procedures", "definitions", "properties", "enumerations", "headings",
)  # fmt: skip
_TOP = {"language", "deck_root", "min_confidence", "mine"}
_TABLES = {
    "extractors": {"only", "skip"},
    "folders": {"skip", "personal"},
    "tags": {"skip", "personal"},
    "syntax": set(SYNTAX_EXTRACTORS),
}
_TOML_LINE = re.compile(r"at line (\d+)")


def load_settings(root: Path | str) -> VaultSettings:
    """The settings of the vault at `root` (the defaults when it has no file)."""
    path = Path(root) / SETTINGS_FILE
    try:
        info = path.stat()
    except OSError:
        settings = VaultSettings()
    else:
        settings = _load(str(path), info.st_mtime_ns, info.st_size)
    templates = template_folders(root)  # Obsidian's templates: no study material
    if not templates:
        return settings
    return replace(settings, personal_folders=(*settings.personal_folders, *templates))


def fingerprint(root: Path | str) -> str:
    """What of the settings file changes cards (its time and size), for cache keys."""
    try:
        info = (Path(root) / SETTINGS_FILE).stat()
    except OSError:
        return ""
    return f"{info.st_mtime_ns}:{info.st_size}"


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> VaultSettings:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return VaultSettings(problems=((1, f"cannot read: {error}"),))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        message = _TOML_LINE.sub("", str(error)).replace("()", "").strip(" (")
        return VaultSettings(problems=((int(found.group(1)) if found else 1, message),))
    return _parse(data, text)


def _line_of(text: str, key: str, table: str = "") -> int:
    """The line a key is written on (1 when it cannot be found)."""
    lines = text.split("\n")
    start = 0
    if table:
        header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
        if not key:
            return start + 1
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number in range(start, len(lines)):
        if pattern.match(lines[number]):
            return number + 1
    return start + 1


def _parse(data: dict[str, Any], text: str) -> VaultSettings:
    problems: list[tuple[int, str]] = []
    values: dict[str, Any] = {}

    def bad(key: str, message: str, table: str = "") -> None:
        name = f"{table}.{key}" if table else key
        problems.append((_line_of(text, key, table), f"{name}: {message}"))

    for key, value in data.items():
        if key in _TABLES:
            if not isinstance(value, dict):
                bad(key, "expected a table ([" + key + "])")
            continue
        if key not in _TOP:
            bad(key, f"unknown key (known: {', '.join(sorted(_TOP | set(_TABLES)))})")
        elif key == "language":
            if value in LANGUAGES:
                values["language"] = value
            else:
                bad(key, f"expected one of {', '.join(LANGUAGES)}, got {value!r}")
        elif key == "deck_root":
            if isinstance(value, str) and value.strip() and "::" not in value:
                values["deck_root"] = value.strip()
            else:
                bad(key, "expected a deck name (text without '::')")
        elif key == "min_confidence":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
                values["min_confidence"] = float(value)
            else:
                bad(key, f"expected a number from 0 to 1, got {value!r}")
        elif key == "mine":
            if isinstance(value, bool):
                values["mine"] = value
            else:
                bad(key, f"expected true or false, got {value!r}")
    for table, keys in _TABLES.items():
        section = data.get(table)
        if not isinstance(section, dict):
            continue
        for key, value in section.items():
            if key not in keys:
                bad(key, f"unknown key (known: {', '.join(sorted(keys))})", table)
            elif table == "syntax":
                if isinstance(value, bool):
                    values.setdefault("syntax", []).append((key, value))
                else:
                    bad(key, f"expected true or false, got {value!r}", table)
            elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                bad(key, "expected a list of strings", table)
            else:
                items = tuple(v.strip().lstrip("#").casefold() if table == "tags" else v.strip()
                              for v in value if v.strip())  # fmt: skip
                if table == "extractors" and key == "only":
                    unknown = [v for v in items if v not in _ALL_EXTRACTORS]
                    if unknown:
                        bad(key, f"unknown extractor {unknown[0]!r}", table)
                        items = tuple(v for v in items if v in _ALL_EXTRACTORS)
                name = {"extractors": "", "folders": "_folders", "tags": "_tags"}[table]
                values[key + name if name else key] = items
    if "syntax" in values:
        values["syntax"] = tuple(values["syntax"])
    return VaultSettings(**values, problems=tuple(problems))
