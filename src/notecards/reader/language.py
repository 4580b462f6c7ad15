"""Which language a note is written in, so cards ask in that language.

The product supports Russian and English questions; telling them apart needs only the
script, so counting Cyrillic against Latin letters is exact where a statistical
detector guesses (and costs nothing at start-up).
"""

from __future__ import annotations

import re

SUPPORTED = ("ru", "en")
_ALIASES = {"rus": "ru", "russian": "ru", "русский": "ru", "eng": "en", "english": "en"}
# Runs of Russian letters (А-я and Ё/ё) and of Latin letters: matched in C, one match
# per word rather than one Python step per character.
_CYRILLIC_RUNS = re.compile("[ЁА-яё]+")
_LATIN_RUNS = re.compile("[A-Za-z]+")


def normalize_lang(value: object) -> str | None:
    """`ru`, `ru-RU`, `Russian` → `ru`; None for what is not a language we ask in."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code.split("-")[0])
    return code if code in SUPPORTED else None


def detect_language(text: str) -> str:
    """`ru` when at least a quarter of the letters are Cyrillic, else `en`."""
    head = text[:20000]
    cyrillic = sum(map(len, _CYRILLIC_RUNS.findall(head)))
    latin = sum(map(len, _LATIN_RUNS.findall(head)))
    total = cyrillic + latin
    return "ru" if total and cyrillic / total >= 0.25 else "en"
