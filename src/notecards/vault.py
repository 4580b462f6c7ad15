"""The vault: the folder a note belongs to, and the only place media may come from.

Obsidian resolves an embed relative to the note first, then from the vault root, then
by file name anywhere in the vault. Whatever a note says (`../`, absolute paths,
percent-encoding, symlinks out), only a regular file whose real path lies inside the
vault root is ever returned.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

MEDIA_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .svg .webp .bmp .avif .ico .mp3 .wav .ogg .m4a .flac .mp4 .webm .ogv"
    .split()
)
_REMOTE_SCHEMES = ("http:", "https:", "ftp:", "data:", "file:", "javascript:", "vbscript:")


def is_remote(target: str) -> bool:
    return target.strip().lower().startswith(_REMOTE_SCHEMES) or target.startswith("//")


def find_vault_root(path: Path) -> Path:
    """The nearest folder above `path` holding `.obsidian/`, else the folder itself."""
    start = path if path.is_dir() else path.parent
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".obsidian").is_dir():
            return folder
    return start


@dataclass(frozen=True, slots=True)
class MediaLookup:
    path: Path | None
    reason: str = ""  # why nothing was found, for the warning


def media_name(relpath: str) -> str:
    """A name inside the package that is stable and cannot collide: two `image.png` in
    different folders are different files."""
    pure = PurePosixPath(relpath)
    digest = hashlib.blake2b(relpath.encode("utf-8"), digest_size=4).hexdigest()
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in pure.stem)[:60]
    return f"{stem}-{digest}{pure.suffix.lower()}"


@dataclass
class Vault:
    root: Path
    _by_name: dict[str, list[Path]] | None = field(default=None, repr=False)

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
        try:
            real = path.resolve(strict=True)
            mode = os.stat(real).st_mode
        except (OSError, RuntimeError, ValueError):
            return False
        return stat.S_ISREG(mode) and real.is_relative_to(self.root)

    def _name_index(self) -> dict[str, list[Path]]:
        if self._by_name is None:
            index: dict[str, list[Path]] = {}
            for folder, dirs, files in os.walk(self.root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    index.setdefault(name.casefold(), []).append(Path(folder) / name)
            self._by_name = index
        return self._by_name

    def resolve_media(self, target: str, note_path: Path) -> MediaLookup:
        """Find the file an embed or image link names, or say why there is none."""
        raw = unquote(target.strip()).replace("\\", "/")
        raw = raw.split("#", 1)[0].split("?", 1)[0].strip()
        if not raw:
            return MediaLookup(None, "empty link")
        if is_remote(raw):
            return MediaLookup(None, f"remote file not embedded: {target}")
        if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
            return MediaLookup(None, f"absolute path refused: {target}")
        candidates = [note_path.parent / raw, self.root / raw]
        if "/" not in raw:
            candidates += self._name_index().get(raw.casefold(), [])
        else:
            candidates += self._name_index().get(raw.rsplit("/", 1)[-1].casefold(), [])
        for candidate in candidates:
            if self.contains(candidate):
                return MediaLookup(candidate.resolve())
        if any(_exists_outside(c, self.root) for c in candidates[:2]):
            return MediaLookup(None, f"file outside the vault refused: {target}")
        return MediaLookup(None, f"embedded file not found: {target}")


def _exists_outside(path: Path, root: Path) -> bool:
    try:
        return path.exists() and not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):
        return False
