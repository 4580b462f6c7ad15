"""Language packs: every language asks the same questions, and note text is never a template."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from notecards.lang import PACKS, fill, pack_for


def test_every_pack_has_every_question_of_the_others():
    names = [set(pack.questions) - {k for k in pack.questions if ".howto." in k}
             for pack in PACKS.values()]  # fmt: skip
    assert all(n == names[0] for n in names)


def test_no_pack_for_a_language_notecards_does_not_ask_in():
    assert pack_for("ru") is PACKS["ru"] and pack_for("cs") is None


@given(st.text(max_size=40))
def test_note_text_is_inserted_as_it_is(value: str):
    assert fill("What is {h}?", h=value) == f"What is {value}?"
    assert PACKS["ru"].ask("heading.what", h=value) == f"Что такое {value}?"


def test_braces_and_percent_signs_in_a_value_are_not_read_again():
    value = "{h} {0} %s %(name)s {{x}} \\N{BULLET}"
    assert fill("{a} and {b}", a=value, b="B") == f"{value} and B"
    assert fill("{a} {unknown}", a="x") == "x {unknown}"
