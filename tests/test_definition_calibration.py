"""What a strict reader drops, kept under the threshold: vague, circular, math and cut
answers, reverses that do not single out one term (extractors/definitions.py)."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE
from notecards.text.terms import is_term


def _cards(text: str, lang: str = "en", name: str = "Networks.md"):
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c for c in extract_definitions(note, ExtractContext(note))}


def _kept(text: str, lang: str = "en", name: str = "Networks.md") -> set[str]:
    cards = _cards(text, lang, name)
    return {f for f, c in cards.items() if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def test_a_vague_answer_is_not_a_definition():
    assert not _kept("A **router** is one of the devices in the network.\n")
    assert not _kept("The **handshake** is the default method.\n")
    assert not _kept("**Маршрутизатор** — это один из узлов сети.\n", "ru", "Сети.md")
    assert _kept("A **router** is a device that forwards packets between networks.\n")


def test_a_circular_answer_goes_under_the_threshold():
    kept = _kept("The **height of a tree** is the height of its root node in the drawing.\n")
    assert not any("height" in front for front in kept)


def test_math_in_the_answer_goes_under_the_threshold():
    kept = _kept("The **prior** is the probability $P(A)$ before any evidence is seen.\n")
    assert not kept


def test_an_answer_cut_at_a_comma_goes_under_the_threshold():
    long_tail = ", ".join(["and then one more clause about something else entirely"] * 5)
    cards = _cards(f"A **switch** is a device that joins hosts of one network{long_tail}.\n")
    switch = next(c for f, c in cards.items() if "switch" in f)
    assert switch.confidence < DEFAULT_MIN_CONFIDENCE


def test_a_table_row_gives_no_reverse():
    table = (
        "| Term | Definition |\n|---|---|\n"
        "| Latency | the time one packet takes to travel from sender to receiver |\n"
    )
    cards = _cards(table)
    assert cards and all(c.kind == "definition" for c in cards.values())


def test_a_reverse_needs_a_description_that_singles_out_the_term():
    short = _cards("A **hub** is a simple network device.\n")
    assert all(c.kind != "term" for c in short.values())
    long = _cards(
        "A **hub** is a device that repeats every frame it receives to all of its ports.\n"
    )
    reverse = [c for c in long.values() if c.kind == "term"]
    assert reverse and reverse[0].confidence >= DEFAULT_MIN_CONFIDENCE


def test_determiners_that_point_elsewhere_do_not_start_a_term():
    assert not is_term("Our solution")
    assert not is_term("Another significant issue")
    assert is_term("Solution space")


def test_a_generic_term_the_note_does_not_mark_is_an_aside():
    aside = _cards("The purpose is a thing that a person can have in the world.\n")
    assert all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in aside.values())
    marked = _kept("The **purpose** is a thing that a person can have in the world.\n")
    assert "Networks: what is the purpose?" in marked
    in_section = _kept("## Goodput\n\nGoodput is the measure of usable data sent per second.\n")
    assert "Networks: what is Goodput?" in in_section


def test_a_bold_label_is_kept_only_when_it_names_code_an_acronym_or_the_subject():
    label = _cards("**ПРЕДУПРЕЖДЕНИЕ**: агенты обрабатывают атрибут домена по-разному.\n", "ru")
    assert all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in label.values())
    assert _kept("**NaN**: числовое значение «не число» в JavaScript.\n", "ru")
    assert _kept("**MTU**: the largest frame payload a link accepts.\n")


def test_a_term_of_cut_code_or_an_expression_gives_nothing():
    cards = _cards("`NonNullable<T` — это тип без null и undefined.\n", "ru")
    assert all(c.confidence == 0.0 for c in cards.values())


def test_a_numbered_label_is_not_a_term():
    assert not _kept("**Scenario #2**: the attacker replays the stolen token at night.\n")
    assert not _kept("**9.34(d)**: the program frees the block it allocated before.\n")
    assert not _kept("**Пример 3** — это запрос к серверу без заголовка Host.\n", "ru", "Сети.md")
    assert _kept("**HTTP/2** is a binary protocol that multiplexes streams over one connection.\n")
