"""flashcards-obsidian's syntax (extractors/flashcards_obsidian.py), on notes written in
the form its README gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notecards.build.pipeline import BuildOptions, collect
from notecards.model import Card
from plugin_helpers import plugin_vault

FIXTURES = Path(__file__).resolve().parent / "notes" / "flashcards_obsidian"
DATA = ".obsidian/plugins/flashcards-obsidian/data.json"


def cards_of(path: Path) -> list[Card]:
    return collect([path], BuildOptions(cache=False)).cards


def vault(tmp_path: Path, notes: dict[str, str], data: dict | None = None) -> Path:
    return plugin_vault(tmp_path, notes, DATA, data)


def test_tags_headings_reversed_spaced_and_clozes() -> None:
    cards = cards_of(FIXTURES / "Networking.md")
    assert [(c.extractor, c.kind, c.ord, c.front, c.back) for c in cards] == [
        ("flashcards_obsidian", "basic", 0, "What does TCP guarantee?",
         "Ordered, reliable delivery of a byte stream."),
        ("flashcards_obsidian", "reversed", 0, "UDP",
         "A connectionless transport protocol without delivery guarantees."),
        ("flashcards_obsidian", "reversed", 1,
         "A connectionless transport protocol without delivery guarantees.", "UDP"),
        ("flashcards_obsidian", "reversed", 0, "Port numbers",
         "Sixteen-bit numbers that name a process on a host."),
        ("flashcards_obsidian", "reversed", 1,
         "Sixteen-bit numbers that name a process on a host.", "Port numbers"),
        ("flashcards_obsidian", "basic", 0, "Which handshake opens a TCP connection?",
         "The three-way handshake: SYN, SYN-ACK, ACK."),
        ("flashcards_obsidian", "basic", 0, "Review the congestion control chapter",
         "(recall it, then grade yourself)"),
        ("flashcards_obsidian", "cloze", 0, "A port from [...] to 1023 is a well-known port.", "0"),
        ("flashcards_obsidian", "cloze", 1, "A port from 0 to [...] is a well-known port.", "1023"),
        ("flashcards_obsidian", "cloze", 0, "The [...] picks an ephemeral port.", "client"),
        ("flashcards_obsidian", "cloze", 1, "The client picks an [...] port.", "ephemeral"),
    ]  # fmt: skip
    assert {c.deck for c in cards} == {"Networks::Transport"}  # cards-deck
    assert "protocols" in cards[1].tags  # a tag after the card tag
    assert not any(t.startswith("card") for c in cards for t in c.tags)  # markers, not topics
    assert not any("1700000000001" in c.back + "".join(c.fields) for c in cards)  # the Anki id


def test_a_note_without_the_plugin_keeps_its_highlights_and_braces(tmp_path: Path) -> None:
    root = vault(tmp_path, {"n.md": "Sets are written {1, 2} and ==matter== here.\n"})
    assert [c for c in cards_of(root) if c.extractor == "flashcards_obsidian"] == []


def test_the_settings_file_names_the_card_tag(tmp_path: Path) -> None:
    notes = {"n.md": "What is DNS? #anki\nThe internet's naming system.\n\nNot this #card\nno\n"}
    cards = cards_of(vault(tmp_path, notes, {"flashcardsTag": "anki"}))
    assert [(c.front, c.back) for c in cards if c.extractor == "flashcards_obsidian"] == [
        ("What is DNS?", "The internet's naming system.")
    ]


def test_tags_in_code_are_not_cards(tmp_path: Path) -> None:
    notes = {"n.md": "```python\nx = 1  # card\n#card\ny = 2\n```\n\nQ #card\nA\n"}
    cards = cards_of(vault(tmp_path, notes))
    assert [(c.front, c.back) for c in cards if c.extractor == "flashcards_obsidian"] == [
        ("Q", "A")
    ]


_WORDS = st.text(st.characters(categories=("L", "N"), max_codepoint=0x4FF), min_size=1, max_size=12)


@pytest.mark.slow
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    front=st.lists(_WORDS, min_size=1, max_size=5), back=st.lists(_WORDS, min_size=1, max_size=5)
)
def test_any_tagged_line_gives_its_card(tmp_path: Path, front: list[str], back: list[str]) -> None:
    question, answer = " ".join(front), " ".join(back)
    root = vault(tmp_path, {"n.md": f"{question} #card\n{answer}\n"})
    cards = [c for c in cards_of(root) if c.extractor == "flashcards_obsidian"]
    assert [(c.front, c.back) for c in cards] == [(question, answer)]
