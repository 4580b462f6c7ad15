"""Every kind of card, declared once: its name, how the quiz asks it in mixed mode, the
Anki note type it is written as, and the family of cards that give each other away.
The extractors' registry, the quiz and the tests read this table instead of spelling
kinds out; a new kind of card starts here (docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from notecards.model import NoteType

# how `quiz --mode mixed` asks a card of the kind:
#   "order"   put the steps in order (a sequence of two or more items)
#   "members" type the members when there are few and short ones, else flip
#   "choice"  pick the answer among others of the kind when there are three
#   "back"    type a short back, flip a long one
QuizMode = Literal["order", "members", "choice", "back"]


@dataclass(frozen=True)
class CardKind:
    name: str
    quiz: QuizMode = "back"
    note_type: NoteType = "basic"
    family: str = ""  # cards of one family and place give each other away in a session


KINDS: dict[str, CardKind] = {
    kind.name: kind
    for kind in (
        # written by the user, in any card syntax
        CardKind("basic"),
        CardKind("reversed", note_type="reversed"),
        CardKind("cloze", note_type="cloze"),
        # mined from prose
        CardKind("definition", quiz="choice", family="definition"),
        CardKind("term", quiz="choice", family="definition"),
        CardKind("step", family="procedure"),
        CardKind("sequence", quiz="order", family="procedure"),
        CardKind("enumeration", quiz="members"),
        CardKind("question"),
        CardKind("heading"),
        CardKind("purpose"),
        CardKind("why"),
        CardKind("task"),
        CardKind("code"),  # how a named thing is used, installed or called: code to recall
        CardKind("rule"),
        CardKind("property"),
        CardKind("comparison"),
        CardKind("pros"),
        CardKind("cons"),
        CardKind("http-request-line", quiz="choice"),
        CardKind("http-status", quiz="choice"),
        CardKind("http-header", quiz="choice"),
    )
}

_OTHER = CardKind("")  # a kind this version does not know (a card read from an .apkg)


def kind_of(name: str) -> CardKind:
    """The declaration of the kind `name` (a plain card's for an unknown one)."""
    return KINDS.get(name, _OTHER)
