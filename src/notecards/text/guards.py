"""Guards every mined card passes: what makes a card useless whatever rule found it.

A rule can be sure of a sentence's shape and still make a card no student would keep:
a question that leans on a word whose referent is elsewhere ("What does it return?",
"Что делают эти три вещи?"), an answer that only points on ("one of the following"),
an answer cut in the middle of a phrase, or markup left in the text. These checks read
the words of the note's language pack; the registry runs them on every mined card.
"""

from __future__ import annotations

import re

from notecards.lang import LanguagePack

# markup a plain side must never show: emphasis or link brackets left over, a pair of
# brackets or quotes emptied by removing what was inside, highlight marks. Every
# alternative starts with its own character (the lookbehinds come after it), so the
# regex engine skips to those characters instead of trying each alternative everywhere.
_RESIDUE = re.compile(r"\*\*|__|\[\[|\]\]|==(?<![\w=]==)(?=\S)|\(\s+\)|«\s*»|“\s*”|\"\s*\"|``")
# pictographs a note uses as markers (📂, 🎩, ⬅️) and Obsidian block ids ("text ^tautology")
_MARKERS = re.compile("[\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f]|\\^(?<=\\s\\^)[\\w-]+$")
_WORD = re.compile(r"[\w-]+")
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def residue(text: str) -> bool:
    """Markup residue, or brackets and quotes that do not pair up."""
    if _RESIDUE.search(text) or _MARKERS.search(text):
        return True
    if text.count('"') % 2:
        return True
    return any(text.count(a) != text.count(b) for a, b in _PAIRS)


def dangling(front: str, pack: LanguagePack) -> bool:
    """A question that leans on a referent it does not name ("эти три вещи", "it")."""
    words = [w.lower() for w in _WORD.findall(front)]
    if any(w in pack.demonstratives for w in words):
        return True
    # only the first letter is lowered: "What is IT governance?" names its subject
    text = front[:1].lower() + front[1:]
    return any(p.search(text) for p in pack.dangling_patterns)


def points_on(back: str, pack: LanguagePack) -> bool:
    """An answer that only points at what comes next ("одним из следующих", "the following")."""
    lowered = back.lower()
    return any(phrase in lowered for phrase in pack.pointers)


def cut_short(answer: str, pack: LanguagePack) -> bool:
    """An answer that ends on a word that cannot end a phrase ("совмещает в себе", "and")."""
    text = answer.rstrip()
    if text.endswith((",", ":", "—", "–", "-")):
        return True
    words = _WORD.findall(text)
    return bool(words) and words[-1].lower() in pack.unfinished_endings


def keep_mined(front: str, back: str, pack: LanguagePack) -> str:
    """Why a mined card is dropped ("" when it passes): the guards in the order they bite."""
    if residue(front) or residue(back):
        return "markup residue"
    if dangling(front, pack):
        return "dangling reference"
    if points_on(back, pack):
        return "answer points elsewhere"
    if cut_short(back, pack):
        return "answer cut short"
    return ""
