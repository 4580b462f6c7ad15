"""File names made from note titles, safe on every OS.

Titles hold anything: `/`, `:`, `?`, `CON`, 300 characters, trailing dots. Output names
must work on Windows, macOS and Linux alike, and two titles that map to one name must
not overwrite each other (`unique_names`).
"""

from __future__ import annotations

import re
import unicodedata

_RESERVED_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
MAX_STEM_BYTES = 200  # leaves room for suffixes within the usual 255-byte limit


def safe_stem(name: str, fallback: str = "deck") -> str:
    """A file name stem from any title: reserved characters → `_`, no trailing dots or
    spaces, no Windows device names, at most MAX_STEM_BYTES bytes of UTF-8."""
    text = unicodedata.normalize("NFC", name)
    text = _RESERVED_CHARS.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if not text:
        text = fallback
    if text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text = f"_{text}"
    encoded = text.encode("utf-8")[:MAX_STEM_BYTES]
    return encoded.decode("utf-8", errors="ignore").rstrip(" .") or fallback


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """File names for the stems, numbered where two would collide (case-insensitively,
    as on Windows and macOS)."""
    used: set[str] = set()
    names = []
    for stem in stems:
        candidate = f"{stem}{suffix}"
        number = 2
        while candidate.casefold() in used:
            candidate = f"{stem} ({number}){suffix}"
            number += 1
        used.add(candidate.casefold())
        names.append(candidate)
    return names
