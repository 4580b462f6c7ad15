"""Obsidian_to_Anki's syntax (extractors/obsidian_to_anki.py), on notes written in the
form its documentation gives, and its settings file where it changes the syntax."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notecards.build.pipeline import BuildOptions, collect
from notecards.extractors.obsidian_to_anki import curly_to_cloze
from notecards.model import Card
from plugin_helpers import plugin_vault

FIXTURES = Path(__file__).resolve().parent / "notes" / "obsidian_to_anki"
DATA = ".obsidian/plugins/obsidian-to-anki-plugin/data.json"


def cards_of(path: Path) -> list[Card]:
    return collect([path], BuildOptions(cache=False)).cards


def vault(tmp_path: Path, notes: dict[str, str], data: dict | None = None) -> Path:
    return plugin_vault(tmp_path, notes, DATA, data)


def test_every_stock_note_type_inline_notes_deck_and_tags() -> None:
    cards = cards_of(FIXTURES / "Cell biology.md")
    assert [(c.extractor, c.kind, c.model, c.ord, c.front, c.back) for c in cards] == [
        ("obsidian_to_anki", "basic", "basic", 0, "What does the mitochondrion produce?",
         "ATP, through cellular respiration."),
        ("obsidian_to_anki", "reversed", "reversed", 0, "Ribosome",
         "The organelle that builds proteins from amino acids."),
        ("obsidian_to_anki", "reversed", "reversed", 1,
         "The organelle that builds proteins from amino acids.", "Ribosome"),
        ("obsidian_to_anki", "reversed", "reversed", 0, "Nucleus", "Holds the cell's chromosomes."),
        ("obsidian_to_anki", "reversed", "reversed", 1, "Holds the cell's chromosomes.", "Nucleus"),
        ("obsidian_to_anki", "basic", "basic", 0, "Which organelle digests waste?", "Lysosome"),
        ("obsidian_to_anki", "cloze", "cloze", 0,
         "The [...] packages proteins made in the rough ER.", "Golgi apparatus"),
        ("obsidian_to_anki", "cloze", "cloze", 1,
         "The Golgi apparatus packages proteins made in the [...].", "rough ER"),
        ("obsidian_to_anki", "basic", "basic", 0, "What surrounds the cell?",
         "The plasma membrane."),
    ]  # fmt: skip
    assert {c.deck for c in cards} == {"Biology::Cells"}  # TARGET DECK
    assert all({"biology", "cells"} <= set(c.tags) for c in cards)  # FILE TAGS
    assert "translation" in cards[1].tags  # the note's own `Tags:` line
    assert cards[0].line == 12  # the note type's line
    # the plugin's ids are never shown; the deleted note and the code example give nothing
    assert not any("ID:" in c.front + c.back + "".join(c.fields) for c in cards)
    assert not any("DELETE" in c.front or "never read" in c.back for c in cards)


def test_a_custom_note_type_shows_its_other_fields_under_their_names() -> None:
    (card,) = cards_of(FIXTURES / "Vocabulary.md")
    assert card.front == "chloroplast"
    assert card.back == (
        "Definition: The organelle where photosynthesis happens.\n"
        "Example sentence: Plant cells hold many chloroplasts."
    )
    assert "<b>Definition</b>" in card.fields[1] and "<b>Example sentence</b>" in card.fields[1]


def test_blocks_of_notes_are_not_mined(tmp_path: Path) -> None:
    root = vault(tmp_path, {"n.md": (
        "START\nBasic\nHTTP is a protocol for fetching resources such as HTML documents.\n"
        "Back: Hypertext Transfer Protocol, such as GET and POST requests.\nEND\n"
        "\nTARGET DECK\nWeb::HTTP\n"
    )})  # fmt: skip
    cards = cards_of(root)
    assert [c.extractor for c in cards] == ["obsidian_to_anki"]
    assert cards[0].deck == "Web::HTTP"


def test_the_settings_file_renames_markers_and_gives_fields_decks_and_tags(
    tmp_path: Path,
) -> None:
    data = {
        "Syntax": {"Begin Note": "<<card", "End Note": "card>>", "Begin Inline Note": "[[[",
                   "End Inline Note": "]]]", "Target Deck Line": "ANKI DECK",
                   "File Tags Line": "ANKI TAGS"},
        "Defaults": {"CurlyCloze": True, "CurlyCloze - Highlights to Clozes": True},
        "fields_dict": {"Word": ["Term", "Meaning", "Notes"]},
        "FOLDER_DECKS": {"Lang": "Languages", "Lang/French": "Languages::French"},
        "FOLDER_TAGS": {"Lang": "lang", "Lang/French": "fr"},
    }  # fmt: skip
    notes = {
        "Lang/French/Words.md": (
            "<<card\nWord\nle chat\nMeaning: the cat\nNotes: masculine\ncard>>\n\n"
            "<<card\nCloze\nParis is the {capital} of ==France==.\ncard>>\n\n"
            "[[[ [Basic] Bonjour means? Back: Hello ]]]\n\n"
            "START\nBasic\nthe default markers are off\nBack: here\nEND\n"
        ),
        "Lang/Deck.md": "ANKI DECK: Other\nANKI TAGS: extra\n\n<<card\nBasic\nQ\nBack: A\ncard>>\n",
    }
    cards = cards_of(vault(tmp_path, notes, data))
    words = [c for c in cards if c.note == "Lang/French/Words.md"]
    assert [(c.kind, c.front, c.back) for c in words] == [
        ("basic", "le chat", "Meaning: the cat\nNotes: masculine"),
        ("cloze", "Paris is the [...] of France.", "capital"),
        ("cloze", "Paris is the capital of [...].", "France"),
        ("basic", "Bonjour means?", "Hello"),
    ]
    assert {c.deck for c in words} == {"Languages::French"}  # the innermost folder's deck
    assert all({"fr", "lang"} <= set(c.tags) for c in words)  # every folder's tags
    (other,) = [c for c in cards if c.note == "Lang/Deck.md"]
    assert other.deck == "Other" and "extra" in other.tags and "lang" in other.tags


def test_settings_kept_under_settings_as_the_plugin_writes_them(tmp_path: Path) -> None:
    data = {"settings": {"Defaults": {"CurlyCloze": True}, "Syntax": {"Begin Note": "BEGIN"}},
            "fields_dict": {"Cloze": ["Text", "Back Extra"]}, "File Hashes": {}}  # fmt: skip
    notes = {"n.md": "BEGIN\nCloze\n\nA {set} has no {2|duplicates}.\n\nEND\n"}
    cards = cards_of(vault(tmp_path, notes, data))
    assert [(c.front, c.back) for c in cards] == [
        ("A [...] has no duplicates.", "set"),
        ("A set has no [...].", "duplicates"),
    ]


def test_without_curly_cloze_braces_stay_text(tmp_path: Path) -> None:
    notes = {"n.md": "START\nCloze\nA {{c1::set}} is written {like this}.\nEND\n"}
    (card,) = cards_of(vault(tmp_path, notes))
    assert card.front == "A [...] is written {like this}."


def test_a_broken_settings_file_is_reported_and_the_defaults_apply(tmp_path: Path) -> None:
    root = vault(tmp_path, {"n.md": "START\nBasic\nQ?\nBack: A\nEND\n"})
    (root / DATA).parent.mkdir(parents=True)
    (root / DATA).write_text('{\n  "Syntax": {,\n}', encoding="utf-8")
    result = collect([root], BuildOptions(cache=False))
    assert [c.front for c in result.cards] == ["Q?"]
    (problem,) = result.problems
    assert problem.path.endswith("data.json") and problem.line == 2


def test_curly_cloze_numbers_as_the_plugin_does() -> None:
    assert curly_to_cloze("{a} and {b}, `{code}` and {2|c} {c3:d}") == (
        "{{c1::a}} and {{c2::b}}, `{code}` and {{c2::c}} {{c3::d}}"
    )
    assert curly_to_cloze("{{c1::kept}}") == "{{c1::kept}}"


_WORDS = st.text(st.characters(categories=("L", "N"), max_codepoint=0x4FF), min_size=1, max_size=12)


@pytest.mark.slow
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    front=st.lists(_WORDS, min_size=1, max_size=5), back=st.lists(_WORDS, min_size=1, max_size=5)
)
def test_any_basic_note_gives_its_two_fields(
    tmp_path: Path, front: list[str], back: list[str]
) -> None:
    question, answer = " ".join(front), " ".join(back)
    root = vault(tmp_path, {"n.md": f"START\nBasic\n{question}\nBack: {answer}\nEND\n"})
    cards = [c for c in cards_of(root) if c.extractor == "obsidian_to_anki"]
    assert [(c.front, c.back) for c in cards] == [(question, answer)]


def test_a_named_first_field_and_notes_kept_in_an_anki_fence(tmp_path: Path) -> None:
    notes = {"n.md": (
        "START\nBasic\n\nFront:\nIs the union of sets commutative?\n\nBack:\nYes.\n"
        "<!--ID: 1687000000001-->\nEND\n\n"
        "```anki\nSTART\nBasic\nWhat does `len([])` return?\nBack: `0`\nEND\n```\n\n"
        "```python\nSTART\nnot a note\nEND\n```\n"
    )}  # fmt: skip
    cards = cards_of(vault(tmp_path, notes))
    assert [(c.front, c.back) for c in cards] == [
        ("Is the union of sets commutative?", "Yes."),
        ("What does len([]) return?", "0"),
    ]
