"""Which language a note is written in, so cards ask in that language.

The product supports Russian and English questions; telling them apart needs only the
script, so counting Cyrillic against Latin letters is exact where a statistical
detector guesses (and costs nothing at start-up).
"""

from __future__ import annotations

SUPPORTED = ("ru", "en")
_ALIASES = {"rus": "ru", "russian": "ru", "русский": "ru", "eng": "en", "english": "en"}


def normalize_lang(value: object) -> str | None:
    """`ru`, `ru-RU`, `Russian` → `ru`; None for what is not a language we ask in."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code.split("-")[0])
    return code if code in SUPPORTED else None


def detect_language(text: str) -> str:
    """`ru` when at least a quarter of the letters are Cyrillic, else `en`."""
    cyrillic = latin = 0
    for char in text[:20000]:
        if "а" <= char.lower() <= "я" or char in "ёЁ":
            cyrillic += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    total = cyrillic + latin
    return "ru" if total and cyrillic / total >= 0.25 else "en"
