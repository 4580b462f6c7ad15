"""Which language a note is written in, so cards ask in that language.

The product supports Russian and English questions; telling them apart needs only the
script, so counting Cyrillic against Latin letters is exact where a statistical
detector guesses (and costs nothing at start-up).
"""

from __future__ import annotations

import re
import string

SUPPORTED = ("ru", "en")
_ALIASES = {"rus": "ru", "russian": "ru", "русский": "ru", "eng": "en", "english": "en"}
# Letters are counted in the text's UTF-8 bytes, where C does the work without making
# a string per word: an ASCII letter is one byte that occurs in nothing else, and every
# character from U+0400 to U+047F starts with byte D0 or D1, which only starts those.
# The few of that block that are not Russian letters (А-я, Ё, ё) are counted apart.
_LATIN_BYTES = string.ascii_letters.encode()
_CYRILLIC_LEADS = (b"\xd0", b"\xd1")
_NOT_RUSSIAN = re.compile("[\u0400\u0402-\u040f\u0450\u0452-\u047f]")


def normalize_lang(value: object) -> str | None:
    """`ru`, `ru-RU`, `Russian` → `ru`; None for what is not a language we ask in."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code.split("-")[0])
    return code if code in SUPPORTED else None


def detect_language(text: str) -> str:
    """`ru` when at least a quarter of the letters are Cyrillic, else `en`."""
    cyrillic, latin = letter_counts(text[:20000])
    total = cyrillic + latin
    return "ru" if total and cyrillic / total >= 0.25 else "en"


def letter_counts(text: str) -> tuple[int, int]:
    """How many Russian letters (А-я, Ё, ё) and Latin letters (A-Z, a-z) `text` holds."""
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data) - len(data.translate(None, _LATIN_BYTES))
    if len(data) == len(text):  # ASCII only
        return 0, latin
    block = sum(map(data.count, _CYRILLIC_LEADS))
    return block - len(_NOT_RUSSIAN.findall(text)), latin
