"""Case-insensitive searches without `re.IGNORECASE`, for the prose extractors' cues.

A pattern compiled with `re.IGNORECASE` is tried at every offset of the text (the
engine cannot skip ahead to a character a match may start with), which makes it
several times slower than the same pattern, in lower case, searched in the text's
lower case. `fold` makes that lower case once per sentence (`Flat.lowered`), with the
few letters that `re.IGNORECASE` reads as another letter than their lower case is (the
Turkish dotted and dotless i, the long s, old forms of Cyrillic letters) turned into
that letter, so both searches find the same matches at the same offsets.
"""

from __future__ import annotations

import re

# The letters whose `re.IGNORECASE` match is not their `str.lower()`, and the letter
# they match (checked over all of Unicode by tests/test_cues.py).
_ODD = {
    "\u0130": "i",  # İ (its lower case is two characters)
    "\u0131": "i",  # ı
    "\u017f": "s",  # ſ
    "\u1c80": "в",
    "\u1c81": "д",
    "\u1c82": "о",
    "\u1c83": "с",
    "\u1c84": "т",
    "\u1c85": "т",
    "\u1c86": "ъ",
    "\u1c87": "ѣ",
    "\u1c88": "ꙋ",
}
_ODD_CASE = re.compile(f"[{''.join(_ODD)}]")
_ODD_TABLE = str.maketrans(_ODD)
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def fold(text: str) -> str:
    """`text` as `caseless` patterns read it: in lower case, offsets unchanged."""
    if not text.isascii() and _ODD_CASE.search(text) is not None:
        text = text.translate(_ODD_TABLE)
    return text.lower()


def caseless(pattern: str) -> re.Pattern[str]:
    """`pattern`, to search `fold(text)` for what `re.IGNORECASE` finds in `text`.

    The matches are at the same offsets, but their text is folded: read what a match
    covers from the original text, by its offsets. `pattern` is written in lower case,
    with Latin and Russian letters only (so `\\S`, `\\W` and `\\D` cannot be used).
    """
    if pattern != pattern.lower() or not LETTERS.issuperset(filter(str.isalpha, pattern)):
        raise ValueError(f"not a lower-case Latin or Russian pattern: {pattern!r}")
    return re.compile(pattern)
