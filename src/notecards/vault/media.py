"""The vault: the folder a note belongs to, and the only place media may come from.

Obsidian resolves an embed relative to the note first, then from the vault root, then
by file name anywhere in the vault. Whatever a note says (`../`, absolute paths,
percent-encoding, symlinks out), only a regular file with a media suffix whose real
path lies inside the vault root, outside its hidden folders (`.obsidian/`, `.git/`, and
`.ssh/` when someone makes their home folder a vault), is ever returned. Nothing is
opened to decide: `os.stat` tells a FIFO or a device from a file without reading it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from notecards.media_refs import MEDIA_SUFFIXES, SCRIPT_SCHEMES, MediaLookup, is_remote
from notecards.vault.scan import VaultScan

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_DRIVE = re.compile("[A-Za-z]:")


def find_vault_root(path: Path) -> Path:
    """The nearest folder above `path` holding `.obsidian/`, else the folder itself."""
    start = path if path.is_dir() else path.parent
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".obsidian").is_dir():
            return folder
    return start


@dataclass
class Vault:
    """One run's view of the vault folder: the file-name index and media lookups are
    made once and kept, as files are not expected to change while notes are read."""

    root: Path
    _by_name: dict[str, list[Path]] | None = field(default=None, repr=False)
    # (target, note folder) → lookup: the reader's warnings and the renderer ask alike
    _resolved: dict[tuple[str, str], MediaLookup] = field(default_factory=dict, repr=False)
    # candidate path → its real path when it is a regular file inside the root (else
    # None) and whether a deck may carry it; notes that embed the same file share the
    # candidates found by file name
    _files: dict[Path, tuple[Path | None, bool]] = field(default_factory=dict, repr=False)
    scan: VaultScan | None = field(default=None, repr=False)  # the build's one walk

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    @property
    def name(self) -> str:
        return self.root.name or "Vault"

    def relpath(self, path: Path) -> str:
        """POSIX path relative to the root (the note's identity in card ids)."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.name

    def contains(self, path: Path) -> bool:
        """True for a regular file whose real path is inside the vault root."""
        return self._real_file(path) is not None

    def _real_file(self, path: Path) -> Path | None:
        """The real path of `path` when it is a regular file inside the vault root."""
        try:
            os.stat(path)  # one call settles the usual case, a path that is not there
            real = path.resolve(strict=True)
            mode = os.stat(real).st_mode
        except (OSError, RuntimeError, ValueError):
            return None
        return real if stat.S_ISREG(mode) and real.is_relative_to(self.root) else None

    def _candidate_file(self, path: Path) -> tuple[Path | None, bool]:
        """`_real_file` and `media_allowed` of it, kept per path for the run (see the
        class docstring)."""
        found = self._files.get(path)
        if found is None:
            real = self._real_file(path)
            found = self._files[path] = (real, real is not None and self.media_allowed(real))
        return found

    def media_allowed(self, real: Path) -> bool:
        """A media file outside hidden folders: what a deck may carry from the vault."""
        if real.suffix.lower() not in MEDIA_SUFFIXES:
            return False
        try:
            parts = real.relative_to(self.root).parts
        except ValueError:
            return False
        return not any(part.startswith(".") for part in parts)

    def _name_index(self) -> dict[str, list[Path]]:
        if self._by_name is None:
            self._by_name = (self.scan or VaultScan(self.root)).by_name
        return self._by_name

    def resolve_media(self, target: str, note_path: Path) -> MediaLookup:
        """Find the file an embed or image link names, or say why there is none.

        Only the note's folder matters, so the answer is kept per (target, folder):
        each lookup costs several `stat` calls. The folder is keyed by its text, which
        names the same folder as `note_path.parent` and is cheaper to hash."""
        key = (target, os.path.dirname(note_path))
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve_media(target, note_path.parent)
        return found

    def _resolve_media(self, target: str, folder: Path) -> MediaLookup:
        raw = unquote(target.strip()).replace("\\", "/")
        raw = raw.split("#", 1)[0].split("?", 1)[0].strip()
        refused = _refusal(raw, target)
        if refused:
            return MediaLookup(None, refused)
        candidates = [folder / raw, self.root / raw]
        candidates += self._name_index().get(raw.rsplit("/", 1)[-1].casefold(), [])
        hidden = False
        for candidate in candidates:
            real, allowed = self._candidate_file(candidate)
            if allowed:
                return MediaLookup(real)
            hidden = hidden or real is not None
        if hidden:
            return MediaLookup(None, f"not a media file, or in a hidden folder: refused: {target}")
        if any(_exists_outside(c, self.root) for c in candidates[:2]):
            return MediaLookup(None, f"file outside the vault refused: {target}")
        for candidate in candidates[:2]:
            why = _not_a_file(candidate)
            if why:
                return MediaLookup(None, f"{why} refused: {target}")
        return MediaLookup(None, f"embedded file not found: {target}")


def _refusal(raw: str, target: str) -> str:
    """Why a link (already percent-decoded) can never name a file of the vault; '' if
    it may."""
    if not raw:
        return "empty link"
    if _CONTROL.search(raw):
        return f"control character in file name refused: {target!r}"
    if (raw.startswith("/") and not raw.startswith("//")) or _DRIVE.match(raw):
        return f"absolute path refused: {target}"
    if raw.lower().startswith("file:"):
        return f"file: URL refused (only files inside the vault are embedded): {target}"
    if is_remote(raw) and not raw.lower().startswith(SCRIPT_SCHEMES):
        return f"remote file not embedded: {target}"
    scheme = _SCHEME.match(raw)
    if scheme:
        return f"{scheme.group(0)} URL refused: {target}"
    return ""


def _not_a_file(path: Path) -> str:
    """What a path that exists but is no regular file is (never opening it)."""
    try:
        path.resolve(strict=True)
        mode = os.stat(path).st_mode
    except RuntimeError:
        return "symlink loop"
    except OSError as error:
        return "symlink loop" if error.errno == errno.ELOOP else ""
    except ValueError:
        return ""
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device file"
    if stat.S_ISSOCK(mode):
        return "socket"
    return ""


def _exists_outside(path: Path, root: Path) -> bool:
    try:
        return path.exists() and not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):
        return False
