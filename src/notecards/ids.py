"""Stable identities, per DESIGN.md "Identity".

A card id hashes what a card *is about* (note path, kind, anchor), never its answer,
so an edited answer updates the same Anki note and keeps its review history.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_anchor(text: str) -> str:
    """Fold the differences that do not change what a question asks."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return _SPACES.sub(" ", text).strip()


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).digest()


def card_id(note_path: str, kind: str, anchor: str) -> str:
    """16 hex characters; the same on every machine for the same note, kind and anchor."""
    return _digest(note_path, kind, normalize_anchor(anchor)).hex()[:16]


def anki_guid(group: str) -> str:
    """The Anki note GUID: derived from the card group id, so rebuilds update in place."""
    return "nc" + _digest("guid", group).hex()[:18]


def anki_object_id(namespace: str, name: str) -> int:
    """A fixed deck or note-type id derived from its name.

    Anki ids are millisecond timestamps in practice; keep ours in the same 2**30..2**41
    range so they never collide with Anki's default deck (1) or look odd to add-ons.
    """
    value = int.from_bytes(_digest(namespace, name)[:8], "big")
    return (1 << 30) + value % ((1 << 41) - (1 << 30))
