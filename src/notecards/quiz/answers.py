"""Judging a typed answer: normalize, compare, and explain the difference.

Normalization folds what does not change an answer (case, spacing, punctuation,
`ё`/`е`, Unicode composition) so a user is never marked wrong for typing "Http" or
"ёж" as "еж". What is left is compared exactly, then with rapidfuzz's ratio to find
near misses (a typo, a missing letter) that a person would accept.

Short answers (up to 4 characters once normalized) and acronyms ("TCP", "RFC")
must match exactly: one letter there changes the answer, it is not a typo.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

NEAR_RATIO = 80.0  # at or above: a near miss, shown as a diff and offered to accept
AUTO_ACCEPT_RATIO = 92.0  # at or above: accepted without asking when input is scripted
SHORT_LENGTH = 4  # normalized answers this short must match exactly

_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ0-9][A-ZА-ЯЁ0-9./&-]*[A-ZА-ЯЁ0-9]$")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def normalize(text: str) -> str:
    """Fold case, spaces, punctuation, ё/е and Unicode composition.

    Symbols (`+`, `<`, `=`) are kept: "C++" and "C" are different answers.
    """
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    kept = "".join(_fold_char(ch) for ch in text)
    return _SPACES.sub(" ", kept).strip()


def _fold_char(ch: str) -> str:
    # punctuation and separators become spaces; "#" stays, so "C#" is not "C"
    return " " if ch != "#" and unicodedata.category(ch)[0] in "PZ" else ch


def is_acronym(text: str) -> bool:
    """Upper-case letters (and digits) only, like "TCP", "HTTP/2" or "СССР"."""
    text = text.strip()
    return bool(_ACRONYM.match(text)) and any(ch.isalpha() for ch in text)


def must_match_exactly(expected: str) -> bool:
    """Answers where one changed character is a different answer, not a typo."""
    return len(normalize(expected)) <= SHORT_LENGTH or is_acronym(expected)


class Verdict(Enum):
    RIGHT = "right"
    NEAR = "near"  # close enough to offer: the user (or the scripted rule) decides
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    ratio: float  # 0..100, rapidfuzz's normalized similarity of the normalized texts
    expected: str  # the accepted form that came closest, as written in the card

    @property
    def auto_accept(self) -> bool:
        """Whether a near miss is taken as right when nobody can be asked."""
        return self.verdict is Verdict.NEAR and self.ratio >= AUTO_ACCEPT_RATIO


def accepted_forms(expected: str) -> list[str]:
    """The back as written, and without parenthesized remarks ("GET (safe)" → "GET")."""
    forms = [expected.strip()]
    bare = _PARENTHESES.sub("", expected).strip()
    if bare and bare != forms[0]:
        forms.append(bare)
    return forms


def judge(given: str, expected: str) -> Judgement:
    """Compare a typed answer with the card's answer."""
    from rapidfuzz import fuzz

    best = Judgement(Verdict.WRONG, 0.0, expected.strip())
    wanted = normalize(given)
    for form in accepted_forms(expected):
        target = normalize(form)
        if wanted == target:
            return Judgement(Verdict.RIGHT, 100.0, form)
        ratio = float(fuzz.ratio(wanted, target)) if wanted else 0.0
        near = ratio >= NEAR_RATIO and not must_match_exactly(form)
        candidate = Judgement(Verdict.NEAR if near else Verdict.WRONG, ratio, form)
        if candidate.ratio > best.ratio:
            best = candidate
    return best


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of a diff: `same`, `missing` (in the answer, not typed), or `extra`."""

    kind: str
    text: str


def diff(given: str, expected: str) -> list[Piece]:
    """Character runs that turn what was typed into the answer, for a coloured display."""
    from rapidfuzz.distance import Levenshtein

    pieces: list[Piece] = []
    # align ignoring case (as judging does) when lower-casing keeps the lengths
    a, b = given.lower(), expected.lower()
    if len(a) != len(given) or len(b) != len(expected):
        a, b = given, expected
    for op in Levenshtein.opcodes(a, b):
        typed, wanted = given[op.src_start : op.src_end], expected[op.dest_start : op.dest_end]
        if op.tag == "equal":
            pieces.append(Piece("same", wanted))  # in the answer's own case
            continue
        if typed:
            pieces.append(Piece("extra", typed))
        if wanted:
            pieces.append(Piece("missing", wanted))
    return pieces


def diff_plain(given: str, expected: str) -> str:
    """The diff without colour: `[-typed-]` and `{+missing+}` markers, as wdiff does."""
    out = []
    for piece in diff(given, expected):
        if piece.kind == "same":
            out.append(piece.text)
        elif piece.kind == "extra":
            out.append(f"[-{piece.text}-]")
        else:
            out.append(f"{{+{piece.text}+}}")
    return "".join(out)


def split_members(text: str) -> list[str]:
    """A typed list of members: separated by commas, semicolons or new lines."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def judge_members(given: str, members: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Which members of a set were named (exactly or nearly) and which were missed."""
    typed = split_members(given)
    found: list[str] = []
    missed: list[str] = []
    for member in members:
        hit = next((t for t in typed if judge(t, member).verdict is not Verdict.WRONG), None)
        if hit is None:
            missed.append(member)
        else:
            typed.remove(hit)
            found.append(member)
    return found, missed
