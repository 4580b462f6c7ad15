"""Stable identities (docs/identity.md).

A card id hashes what a card *is about* (the note's identity, kind, anchor), never its
answer, so an edited answer updates the same Anki note and keeps its review history.
The note's identity survives what people do to vaults: it is the note's own stable id
(front matter `notecards-id`, `id` or `uid`), else its file name without the folder,
so moving a note or renaming a folder keeps every card; the folder path is added only
where two notes of the vault share a file name.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from posixpath import basename
from typing import Any

# front matter keys that hold a note's own stable id, the most specific first
STABLE_ID_KEYS = ("notecards-id", "id", "uid")
STABLE_ID_PREFIX = "id:"  # keeps a stable id apart from any file name


def stable_note_id(meta: Mapping[str, Any]) -> str:
    """The note's own id from its front matter ('' when it has none): a string or a
    number (Zettelkasten ids such as 202401311200), never a list, a mapping or a flag."""
    for key in STABLE_ID_KEYS:
        value = meta.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            continue
        text = unicodedata.normalize("NFC", str(value)).strip()
        if text:
            return text
    return ""


def _name_key(note_path: str) -> str:
    """How two file names are compared: case and Unicode form folded (macOS writes
    NFD names, and Obsidian treats `Note.md` and `note.md` as one note)."""
    return unicodedata.normalize("NFC", basename(note_path)).casefold()


def shared_names(note_paths: Iterable[str]) -> frozenset[str]:
    """The file names (as `_name_key`) that more than one note of the vault has."""
    seen: set[str] = set()
    shared: set[str] = set()
    for path in note_paths:
        key = _name_key(path)
        (shared if key in seen else seen).add(key)
    return frozenset(shared)


def note_identity(
    note_path: str, meta: Mapping[str, Any] | None = None, shared: Collection[str] = ()
) -> str:
    """What a note's card ids hash: `id:<stable id>`, else its file name, else (when
    another note of the vault has the same name) its path in the vault."""
    own = stable_note_id(meta or {})
    if own:
        return STABLE_ID_PREFIX + own
    path = unicodedata.normalize("NFC", note_path)
    return path if _name_key(path) in shared else basename(path)


def normalize_anchor(text: str) -> str:
    """Fold the differences that do not change what a question asks: Unicode form,
    case, `ё`, and runs of whitespace (`str.split` splits where regex `\\s+` would)."""
    if text.isascii():  # NFC and casefolding change nothing else in ASCII
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).digest()


def card_id(note_path: str, kind: str, anchor: str) -> str:
    """16 hex characters; the same on every machine for the same note identity (see
    `note_identity`), kind and anchor."""
    return normal_card_id(note_path, kind, normalize_anchor(anchor))


def normal_card_id(note_path: str, kind: str, normal: str) -> str:
    """`card_id` of an anchor already normalized (for callers that remember them)."""
    return _digest(note_path, kind, normal)[:8].hex()


def card_id_start(note_path: str, kind: str) -> hashlib._Hash:
    """The hash of `normal_card_id` begun with the note path and kind, which every card
    of one kind in a note shares: `card_id_from` copies it for each card."""
    return hashlib.blake2b(f"{note_path}\x1f{kind}\x1f".encode(), digest_size=16)


def card_id_from(start: hashlib._Hash, normal: str) -> str:
    """`normal_card_id(note_path, kind, normal)` of the `card_id_start` of its first two."""
    hasher = start.copy()
    hasher.update(normal.encode("utf-8"))
    return hasher.digest()[:8].hex()


# `_digest("guid", group)` begun: the hash of a GUID's fixed start, copied for each one
_GUID_START = hashlib.blake2b(b"guid\x1f", digest_size=16)


def anki_guid(group: str) -> str:
    """The Anki note GUID: derived from the card group id, so rebuilds update in place."""
    hasher = _GUID_START.copy()
    hasher.update(group.encode("utf-8"))
    return "nc" + hasher.digest()[:9].hex()


def anki_object_id(namespace: str, name: str) -> int:
    """A fixed deck or note-type id derived from its name.

    Anki ids are millisecond timestamps in practice; keep ours in the same 2**30..2**41
    range so they never collide with Anki's default deck (1) or look odd to add-ons.
    """
    value = int.from_bytes(_digest(namespace, name)[:8], "big")
    return (1 << 30) + value % ((1 << 41) - (1 << 30))


def content_hash(data: bytes) -> str:
    """What a file's bytes are, for the cache and for an embedded note's dependency."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
