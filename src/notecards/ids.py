"""Stable identities, per DESIGN.md "Identity".

A card id hashes what a card *is about* (note path, kind, anchor), never its answer,
so an edited answer updates the same Anki note and keeps its review history.
"""

from __future__ import annotations

import hashlib
import unicodedata


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
    """16 hex characters; the same on every machine for the same note, kind and anchor."""
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
