"""The obsidian-spaced-repetition plugin's settings file, where it changes the syntax the
explicit extractor reads (extractors/osr_settings.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from notecards.build.pipeline import BuildOptions, collect
from notecards.model import Card
from plugin_helpers import plugin_vault

DATA = ".obsidian/plugins/obsidian-spaced-repetition/data.json"


def cards_of(tmp_path: Path, notes: dict[str, str], data: dict | None = None) -> list[Card]:
    root = plugin_vault(tmp_path, notes, DATA, data)
    cards = collect([root], BuildOptions(cache=False)).cards
    return [c for c in cards if c.extractor == "explicit"]


def sides(cards: list[Card]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.front, c.back) for c in cards]


NOTE = """#study

Capital of Peru;;Lima

Capital of Chile;;;Santiago

Capital of Spain::Madrid

Which river runs through Cairo
+++
The Nile
"""


def test_custom_separators_and_flashcard_tags(tmp_path: Path) -> None:
    data = {
        "flashcardTags": ["#study"],
        "singleLineCardSeparator": ";;",
        "singleLineReversedCardSeparator": ";;;",
        "multilineCardSeparator": "+++",
    }
    assert sides(cards_of(tmp_path, {"n.md": NOTE}, data)) == [
        ("basic", "Capital of Peru", "Lima"),
        ("reversed", "Capital of Chile", "Santiago"),
        ("reversed", "Santiago", "Capital of Chile"),
        ("basic", "Which river runs through Cairo", "The Nile"),
    ]  # `::` is not this vault's separator


def test_settings_kept_under_a_settings_key(tmp_path: Path) -> None:
    data = {"settings": {"flashcardTags": ["#study"], "singleLineCardSeparator": ";;",
                         "singleLineReversedCardSeparator": ";;;"}, "buryList": []}  # fmt: skip
    assert sides(cards_of(tmp_path, {"n.md": "#study\n\nCapital of Peru;;Lima\n"}, data)) == [
        ("basic", "Capital of Peru", "Lima")
    ]


def test_without_the_file_the_defaults_apply(tmp_path: Path) -> None:
    assert sides(cards_of(tmp_path, {"n.md": NOTE})) == [("basic", "Capital of Spain", "Madrid")]


def test_cloze_conversions(tmp_path: Path) -> None:
    note = "#flashcards\n\nThe ==mitochondrion== makes **ATP** from {{glucose}}.\n"
    off = cards_of(tmp_path / "a", {"n.md": note}, {"convertHighlightsToClozes": False})
    assert off == []
    markup = {"convertBoldTextToClozes": True, "convertCurlyBracketsToClozes": True}
    on = cards_of(tmp_path / "b", {"n.md": note}, markup)
    assert [c.back for c in on] == ["mitochondrion", "ATP", "glucose"]
    assert on[1].front == "The mitochondrion makes [...] from glucose."


@pytest.mark.slow
def test_deck_naming_tags_and_heading_scoped_tags(tmp_path: Path) -> None:
    note = (
        "#flashcards/biology\n\nCell::the unit of life\n\n"
        "## Plants #flashcards/biology/plants\n\nChlorophyll::a green pigment\n\n"
        "### Roots\n\nRoot hair::absorbs water\n\n"
        "## Animals\n\nNeuron::a nerve cell\n"
    )
    cards = cards_of(tmp_path, {"Notes/n.md": note}, {"convertFoldersToDecks": False})
    assert [(c.front, c.deck) for c in cards] == [
        ("Cell", "V::biology"),
        ("Chlorophyll", "V::biology::plants"),
        ("Root hair", "V::biology::plants"),  # a subsection of the tagged heading
        ("Neuron", "V::biology"),
    ]
    folders = cards_of(tmp_path / "f", {"Notes/n.md": note}, {"convertFoldersToDecks": True})
    assert {c.deck for c in folders} == {"V::Notes"}


def test_an_answer_that_starts_with_a_label_is_a_card(tmp_path: Path) -> None:
    note = "#flashcards\n\nTCP connect scan::Flag: -sT, completes the handshake\n\n:smile::wink:\n"
    assert sides(cards_of(tmp_path, {"n.md": note})) == [
        ("basic", "TCP connect scan", "Flag: -sT, completes the handshake")
    ]  # an emoji pair is still no card
