"""File names made from note titles, safe on every OS.

Titles hold anything: `/`, `:`, `?`, `CON`, 300 characters, trailing dots, newlines,
right-to-left overrides that make `gpj.exe` read as `exe.jpg`. Output names must work on
Windows, macOS and Linux alike, and two titles that map to one name must not overwrite
each other (`unique_names`).
"""

from __future__ import annotations

import re
import unicodedata

_RESERVED_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
# Bidirectional controls and zero-width characters: invisible, and used to disguise names.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul", "conin$", "conout$",
    *(f"com{i}" for i in (*"123456789", "¹", "²", "³")),
    *(f"lpt{i}" for i in (*"123456789", "¹", "²", "³")),
}  # fmt: skip
MAX_STEM_BYTES = 200  # leaves room for ` (n)` and suffixes within the usual 255 bytes


def safe_stem(name: str, fallback: str = "deck") -> str:
    """A file name stem from any title: reserved and invisible characters → `_` or
    nothing, no leading or trailing dots or spaces, no Windows device names (with or
    without an extension), at most MAX_STEM_BYTES bytes of UTF-8."""
    text = unicodedata.normalize("NFC", name)
    text = " ".join(_INVISIBLE.sub("", text).split())
    text = _RESERVED_CHARS.sub("_", text).strip(" .")
    if not text:
        text = fallback
    if text.split(".")[0].rstrip(" ").lower() in _WINDOWS_RESERVED:
        text = f"_{text}"
    encoded = text.encode("utf-8")[:MAX_STEM_BYTES]
    return encoded.decode("utf-8", errors="ignore").rstrip(" .") or fallback


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """File names for the stems, numbered where two would collide (case-insensitively
    and after Unicode normalization, as on Windows and macOS)."""
    used: set[str] = set()
    names = []
    for stem in stems:
        candidate = f"{stem}{suffix}"
        number = 2
        while _key(candidate) in used:
            candidate = f"{stem} ({number}){suffix}"
            number += 1
        used.add(_key(candidate))
        names.append(candidate)
    return names


def _key(name: str) -> str:
    """What two names must differ in to be two files on every file system."""
    return unicodedata.normalize("NFC", name).casefold()
