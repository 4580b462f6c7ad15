"""Card kinds are declared once (notecards/kinds.py): every kind an extractor makes is
there, with the note type its cards are written as, and the quiz asks by the table."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLE_VAULT
from notecards.build.pipeline import BuildOptions, collect
from notecards.extractors import EXTRACTORS
from notecards.kinds import KINDS, kind_of
from notecards.model import Card
from notecards.quiz.modes import mode_for


def _card(kind: str, number: int, back: str = "a longer answer than a typed one") -> Card:
    return Card(
        id=f"{kind}{number}", kind=kind, extractor="e", note="n.md", line=number,
        front=f"front {number}", back=f"{back} {number}", deck="D", tags=(), lang="en",
        source="N", items=("one", "two") if kind == "sequence" else (),
    )  # fmt: skip


def test_every_kind_an_extractor_registers_is_declared():
    registered = {kind for extractor in EXTRACTORS for kind in extractor.kinds}
    assert registered, "the registry declares the kinds it makes"
    assert registered - set(KINDS) == set()


def test_every_card_made_has_a_declared_kind_and_its_note_type():
    result = collect([SAMPLE_VAULT, FIXTURES / "explicit"], BuildOptions(cache=False))
    assert len({card.kind for card in result.cards}) >= 8
    for card in result.cards:
        assert card.kind in KINDS, card
        assert card.model == KINDS[card.kind].note_type, card


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_mixed_mode_asks_each_kind_as_declared(kind: str):
    pool = [_card(kind, number) for number in range(5)]
    expected = {"order": "order", "choice": "choice", "members": "flip", "back": "flip"}
    assert mode_for(pool[0], "mixed", pool) == expected[KINDS[kind].quiz]


def test_an_unknown_kind_is_asked_as_a_plain_card():
    assert kind_of("made-up").quiz == "back" and kind_of("made-up").family == ""


def test_the_quiz_asks_as_it_did_before_kinds_were_declared():
    by_mode = {
        mode: {k.name for k in KINDS.values() if k.quiz == mode}
        for mode in ("order", "choice", "members")
    }
    assert by_mode == {
        "order": {"sequence"},
        "choice": {"definition", "term", "http-request-line", "http-status", "http-header"},
        "members": {"enumeration"},
    }
