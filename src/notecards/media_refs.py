"""What a media reference is, without touching the disk: the suffixes a deck may carry,
which links are remote, the name a file gets inside a package, and the answer to a
lookup. The reader and the renderer only ask (through `MediaResolver`); the vault layer
(vault/media.py) answers, so parsing a note never imports the vault."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

MEDIA_SUFFIXES = frozenset(
    {
        *(".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif", ".ico"),
        *(".mp3", ".wav", ".ogg", ".m4a", ".flac", ".mp4", ".webm", ".ogv"),
    }
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_REMOTE_SCHEMES = ("http:", "https:", "ftp:", "data:", "file:", *SCRIPT_SCHEMES)


def is_remote(target: str) -> bool:
    """A URL (any scheme notes use, `file:` included) or a protocol-relative `//host`."""
    text = target.strip()
    return text.lower().startswith(_REMOTE_SCHEMES) or text.startswith(("//", "\\\\"))


def is_fetched(target: str) -> bool:
    """A URL an image may load from when `--allow-remote` is given (decided later)."""
    return is_remote(target) and not target.strip().lower().startswith(("file:", *SCRIPT_SCHEMES))


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


class MediaResolver(Protocol):
    """Where the files a note names are: what the reader and the renderer are given
    (a `vault.media.Vault` in a build)."""

    root: Path

    def relpath(self, path: Path) -> str: ...

    def resolve_media(self, target: str, note_path: Path) -> MediaLookup: ...
