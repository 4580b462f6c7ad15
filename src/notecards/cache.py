"""The per-note cache: an unchanged note is not parsed again.

One file per note under the user cache folder (platformdirs, so `XDG_CACHE_HOME` is
honoured), named by a key that hashes everything the note's cards depend on: the note's
bytes, its path and modification time, the deck and options it is built with, the
notecards version, the cache schema and a fingerprint of the installed notecards code
(so a developer's edit to an extractor is never served stale cards). What a note
depends on outside itself (embedded notes, media lookups) is stored in the entry and
checked by the pipeline before an entry is trusted.

Entries are written to a temporary file and renamed into place; each carries a digest
of its payload, so a torn, truncated or foreign file is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import secrets
from functools import cache
from pathlib import Path
from typing import Any

from notecards import __version__

SCHEMA = 2  # 2: cards and their Anki notes pickled inside the entry
_MAGIC = b"NCC1"
_DIGEST = 16


def digest(*parts: object) -> str:
    """A short stable hash of strings, bytes and numbers."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def code_fingerprint() -> str:
    """Version, schema and the size/mtime of every module of the installed package."""
    package = Path(__file__).resolve().parent
    stats = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".css"):
            info = path.stat()
            stats.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return digest(__version__, SCHEMA, *stats)


def default_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("notecards", appauthor=False)


class NoteCache:
    """Pickled values by key on disk; `folder=None` is a cache that never hits."""

    def __init__(self, folder: Path | None):
        self.folder = folder / f"notes-v{SCHEMA}" if folder is not None else None
        self._base = str(self.folder) if self.folder is not None else ""
        self._folders: set[str] = set()  # key folders known to exist
        self._token = secrets.token_hex(4)  # in temporary names, with the process id
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls, enabled: bool = True) -> NoteCache:
        return cls(default_cache_dir() if enabled else None)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / key

    def _name(self, key: str) -> str:
        """`_path` as text: a run looks up 10,000 keys."""
        return os.path.join(self._base, key[:2], key)

    def get_bytes(self, key: str) -> bytes | None:
        """The stored payload, or None when missing, unreadable or corrupt."""
        if self.folder is None:
            return None
        try:
            with open(self._name(key), "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        head, body = blob[: len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST :]
        if head[: len(_MAGIC)] != _MAGIC or head[len(_MAGIC) :] != _body_digest(body):
            self.discard(key)
            return None
        return body

    def get(self, key: str) -> Any | None:
        body = self.get_bytes(key)
        if body is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(body)
        except Exception:  # a payload from another Python or a renamed class: a miss
            self.discard(key)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put_bytes(self, key: str, body: bytes) -> None:
        """Store atomically; a cache that cannot be written is silently skipped."""
        if self.folder is None:
            return
        folder = os.path.join(self._base, key[:2])
        target = os.path.join(folder, key)
        temp = os.path.join(folder, f".{key}.{os.getpid()}.{self._token}.tmp")
        try:
            if folder not in self._folders:  # a cold build writes 10,000 entries
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            with open(temp, "wb") as handle:
                handle.write(_MAGIC + _body_digest(body) + body)
            os.replace(temp, target)
        except OSError:
            self._folders.discard(folder)
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def put(self, key: str, value: Any) -> bytes:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.put_bytes(key, body)
        return body

    def discard(self, key: str) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):
                self._path(key).unlink()


def _body_digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_DIGEST).digest()
