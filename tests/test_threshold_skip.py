"""`ExtractContext.kept`: extractors do not build the cards the threshold would drop,
and skipping them never changes what a note gives, at any threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_helpers import ROOT, corpus_notes
from notecards import extractors
from notecards.extractors.base import ExtractContext
from notecards.model import Card, Note, Problem
from notecards.reader import parse_note
from notecards.vault.media import Vault

NOTES = corpus_notes()


def _cards(path: Path, note: Note, threshold: float) -> tuple[list[Card], list[Problem]]:
    problems: list[Problem] = []
    cards = extractors.extract_cards(
        note, Vault(path.parent), path, min_confidence=threshold, problems=problems
    )
    return cards, problems


def _build_all(monkeypatch) -> None:
    """Every candidate built, as before `kept`: the registry alone applies the threshold."""
    monkeypatch.setattr(ExtractContext, "kept", lambda self, confidence: True)


@pytest.mark.parametrize("path,note", NOTES, ids=[str(p.relative_to(ROOT)) for p, _ in NOTES])
def test_skipping_unsure_cards_never_changes_what_a_note_gives(monkeypatch, path, note):
    skipped = {t: _cards(path, note, t) for t in (0.0, 0.5, 0.8)}
    _build_all(monkeypatch)
    for threshold, found in skipped.items():
        assert found == _cards(path, note, threshold), threshold


DEFINITIONS = (
    "# Glossary\n\n"
    "**Spool** is a thing.\n\n"  # a short, vague answer: a candidate below the threshold
    "A **mutex** is a lock that lets one thread at a time into a critical section of code.\n"
)


_CARD = ExtractContext.card


def _built(monkeypatch, tmp_path, threshold: float) -> list[tuple[str, float]]:
    """(extractor, confidence) of every card the extractors built for DEFINITIONS."""
    built: list[tuple[str, float]] = []

    def recording(self: ExtractContext, **fields) -> Card:
        built.append((fields["extractor"], fields["confidence"]))
        return _CARD(self, **fields)

    monkeypatch.setattr(ExtractContext, "card", recording)
    path = tmp_path / "n.md"
    path.write_text(DEFINITIONS, encoding="utf-8")
    note, _ = parse_note(path.read_bytes(), "n.md", path, Vault(tmp_path))
    assert note is not None
    extractors.extract_cards(note, Vault(tmp_path), path, min_confidence=threshold)
    return built


def test_definitions_below_the_threshold_are_not_built(monkeypatch, tmp_path):
    everything = _built(monkeypatch, tmp_path, 0.0)
    assert any(name == "definitions" and sure < 0.5 for name, sure in everything)
    assert any(name == "definitions" and sure >= 0.5 for name, sure in everything)
    built = _built(monkeypatch, tmp_path, 0.5)
    assert [c for c in everything if c[0] == "definitions" and c[1] >= 0.5] == [
        c for c in built if c[0] == "definitions"
    ]


SKIPPING = ("definitions", "enumerations", "headings", "labelled_items", "procedures")


def _built_in_corpus(monkeypatch, threshold: float) -> set[tuple[str, bool]]:
    """(extractor, below 0.5) of every card built for the corpus at `threshold`."""
    built: set[tuple[str, bool]] = set()

    def recording(self: ExtractContext, **fields) -> Card:
        built.add((fields["extractor"], fields["confidence"] < 0.5))
        return _CARD(self, **fields)

    monkeypatch.setattr(ExtractContext, "card", recording)
    for path, note in NOTES:
        _cards(path, note, threshold)
    return built


@pytest.mark.parametrize("name", SKIPPING)
def test_extractors_that_skip_build_no_card_below_the_threshold(monkeypatch, name):
    assert (name, True) in _built_in_corpus(monkeypatch, 0.0)  # the corpus has such cards
    assert (name, True) not in _built_in_corpus(monkeypatch, 0.5)
