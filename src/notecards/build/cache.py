"""The per-note cache: an unchanged note is not parsed again.

Entries live in one SQLite file under the user cache folder (platformdirs, so
`XDG_CACHE_HOME` is honoured), keyed by a hash of everything the note's cards depend on:
the note's bytes, its path and modification time, the deck and options it is built
with, the notecards version, the cache schema and a fingerprint of the installed
notecards code (so a developer's edit to an extractor is never served stale cards).
What a note depends on outside itself (embedded notes, media lookups) is stored in the
entry and checked by the pipeline before an entry is trusted.

One database rather than one file per note: a cold build of 10,000 notes made 10,000
files (and as many renames), which cost its workers about 1.5 s of kernel time; a
worker now stores each batch of results in one transaction (`put_many`). Each entry
carries a digest of its payload, so a damaged entry is a miss, and a database that
cannot be read at all is deleted and started again: the cache never causes an error.
Writes skip `fsync` (a cache loses nothing that a rebuild cannot make again).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from notecards import __version__

SCHEMA = 3  # 3: entries in one SQLite file (2: one file per entry)
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


@cache
def code_fingerprint() -> str:
    """Version, schema and the size/mtime of every module of the installed package."""
    package = Path(__file__).resolve().parent.parent
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
    """Pickled values by key on disk; `folder=None` is a cache that never hits.

    Each process opens its own connection, when it first needs one: a connection made
    before a `fork` is never used by the child (SQLite forbids it)."""

    def __init__(self, folder: Path | None):
        self.folder = folder / f"notes-v{SCHEMA}" if folder is not None else None
        self._db: sqlite3.Connection | None = None
        self._pid = 0  # the process `_db` belongs to

    @classmethod
    def default(cls, enabled: bool = True) -> NoteCache:
        return cls(default_cache_dir() if enabled else None)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    @property
    def path(self) -> Path | None:
        """The database file."""
        return self.folder / "notes.db" if self.folder is not None else None

    def get_bytes(self, key: str) -> bytes | None:
        """The stored payload, or None when missing, unreadable or corrupt."""
        found = self._run(lambda db: db.execute(_SELECT, (key,)).fetchone())
        if not found:
            return None
        blob = found[0]
        head, body = blob[: len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST :]
        if head[: len(_MAGIC)] != _MAGIC or head[len(_MAGIC) :] != _body_digest(body):
            self.discard(key)
            return None
        return body

    def get(self, key: str) -> Any | None:
        body = self.get_bytes(key)
        if body is None:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # a payload from another Python or a renamed class: a miss
            self.discard(key)
            return None

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store payloads by key, in one transaction; a cache that cannot be written is
        silently skipped."""
        rows = [(key, _MAGIC + _body_digest(body) + body) for key, body in items]
        if rows:
            self._run(lambda db: _write(db, _INSERT, rows))

    def discard(self, key: str) -> None:
        self._run(lambda db: _write(db, _DELETE, [(key,)]))

    def __getstate__(self) -> dict[str, Any]:
        """A spawned worker gets the cache without this process's connection."""
        return {**self.__dict__, "_db": None, "_pid": 0}

    def close(self) -> None:
        """Close this process's connection (before forking workers, say)."""
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _run(self, query):
        """`query(connection)`, or None when the cache is off or fails; a database that
        is not one (damaged, or some other file) is deleted and made again, once."""
        if self.folder is None:
            return None
        for attempt in (1, 2):
            try:
                return query(self._connection())
            except sqlite3.DatabaseError as error:
                if attempt == 2 or not _is_damage(error):
                    break
                self._start_again()
            except (sqlite3.Error, OSError):
                break
        return None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            assert self.folder is not None and self.path is not None
            if not self.folder.exists():
                _remove_older_schemas(self.folder.parent)
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous = OFF")
                db.execute(_CREATE)
            except BaseException:
                db.close()
                raise
            self._db, self._pid = db, os.getpid()
        return self._db

    def _start_again(self) -> None:
        self.close()
        assert self.path is not None
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")


_CREATE = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, body BLOB NOT NULL)"
_SELECT = "SELECT body FROM entries WHERE key = ?"
_INSERT = "INSERT OR REPLACE INTO entries VALUES (?, ?)"
_DELETE = "DELETE FROM entries WHERE key = ?"


def _remove_older_schemas(parent: Path) -> None:
    """Delete the caches of earlier schemas (`notes-v2` held one file per note): nothing
    reads them again, and they can hold hundreds of megabytes."""
    for number in range(1, SCHEMA):
        shutil.rmtree(parent / f"notes-v{number}", ignore_errors=True)


def _write(db: sqlite3.Connection, statement: str, rows: list[tuple]) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(statement, rows)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    """A file that is no database or a damaged one, as opposed to a busy or full one."""
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in str(error)


def _body_digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_DIGEST).digest()
