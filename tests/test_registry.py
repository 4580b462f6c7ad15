"""The extractor registry: ordering, per-note switches and the final clean-up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from notecards import extractors
from notecards.extractors.base import ExtractContext, Extractor
from notecards.ids import card_id
from notecards.model import Card, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault


def _note(tmp_path: Path, text: str) -> Note:
    path = tmp_path / "n.md"
    path.write_text(text, encoding="utf-8")
    note, _ = parse_note(text.encode(), "n.md", path, Vault(tmp_path))
    assert note is not None
    return note


def _paragraph_cards(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per paragraph: front = its first word, back = the paragraph."""
    cards = []
    for section, block in note.blocks():
        text = getattr(block, "text", "")
        if text:
            first = text.split()[0]
            cards.append(
                ctx.card(
                    kind="probe",
                    extractor="probe",
                    rule="probe.paragraph",
                    confidence=float(text.split()[-1]) if text[-1].isdigit() else 1.0,
                    anchor=first,
                    front=first,
                    back=text,
                    line=block.line,
                    section=section,
                )
            )
    return cards


@pytest.fixture
def probe_registry(monkeypatch):
    monkeypatch.setattr(
        extractors, "EXTRACTORS", [Extractor("probe", _paragraph_cards, ("probe",))]
    )


def test_cards_carry_note_identity(tmp_path, probe_registry):
    note = _note(tmp_path, "---\ntitle: T\ntags: [a, b/c]\n---\n## H\n\nAlpha beta.\n")
    (card,) = extractors.extract_cards(note)
    assert (card.note, card.line, card.deck, card.tags, card.lang) == (
        "n.md",
        7,
        "T",
        ("a", "b/c", "notecards/mined"),  # the note's tags, then where the card came from
        "en",
    )
    assert card.source == "T › H" and card.group == card.id and card.fields[0] == "Alpha"


def test_card_sets_every_field_from_its_arguments_and_the_note(tmp_path):
    note = _note(tmp_path, "---\ntitle: T\ntags: [a]\n---\n## H\n\nAlpha beta.\n")
    note = replace(note, deck="D::E", mtime=1234)
    ctx = ExtractContext(note, extra_tags=("x",))
    section = note.sections[-1]
    card = ctx.card(
        kind="k", extractor="e", anchor=" Alpha  BETA ", front=" f\n", back=" b<\n", line=7,
        section=section, model="reversed", back_html="<em>b</em>", items=("i",), group="g",
        ord=2, rule="e.r", confidence=0.25, evidence="saw",
    )  # fmt: skip
    assert card == Card(
        id=card_id("n.md", "k", "alpha beta"), kind="k", extractor="e", note="n.md", line=7,
        front="f", back="b<", deck="D::E", tags=("a", "x", "notecards/mined"), lang="en",
        source="T › H", model="reversed", fields=(" f<br>", "<em>b</em>"), group="g", ord=2,
        items=("i",), media=(), mtime=1234, rule="e.r", confidence=0.25, evidence="saw",
    )  # fmt: skip
    other = ctx.card(kind="k", extractor="e", anchor="z", front="q", back="a", line=1,
                     section=None, rule="e.r", confidence=1.0)  # fmt: skip
    assert other.group == card_id("n.md", "k", "z")


def test_duplicate_fronts_and_empty_sides_are_dropped(tmp_path, probe_registry):
    note = _note(tmp_path, "Alpha one.\n\nAlpha two.\n\nBeta.\n")
    cards = extractors.extract_cards(note)
    assert [c.front for c in cards] == ["Alpha", "Beta."]


def test_notecards_false_turns_a_note_off(tmp_path, probe_registry):
    assert extractors.extract_cards(_note(tmp_path, "---\nnotecards: false\n---\nAlpha.\n")) == []


def test_skip_by_extractor_or_kind(tmp_path, probe_registry):
    by_name = _note(tmp_path, "---\nnotecards: {skip: [probe]}\n---\nAlpha.\n")
    assert extractors.extract_cards(by_name) == []


def test_skip_by_kind_leaves_out_that_kind_only(tmp_path, monkeypatch):
    """An extractor's cards of a skipped kind are left out, its other kinds stay."""

    def two_kinds(note: Note, ctx: ExtractContext) -> list[Card]:
        return [
            replace(
                card, kind=kind, id=f"{kind}-{card.id}", group="", front=f"{kind}: {card.front}"
            )
            for card in _paragraph_cards(note, ctx)
            for kind in ("probe", "other")
        ]

    monkeypatch.setattr(
        extractors, "EXTRACTORS", [Extractor("probe", two_kinds, ("probe", "other"))]
    )
    by_kind = _note(tmp_path, "---\nnotecards: {skip: [Other]}\n---\nAlpha.\n")
    assert [c.kind for c in extractors.extract_cards(by_kind)] == ["probe"]


def test_same_input_same_cards(tmp_path, probe_registry):
    text = "# A\n\nAlpha.\n\n## B\n\nBeta gamma.\n"
    assert extractors.extract_cards(_note(tmp_path, text)) == extractors.extract_cards(
        _note(tmp_path, text)
    )


def test_the_threshold_leaves_out_unsure_mined_cards(tmp_path, probe_registry):
    note = _note(tmp_path, "Alpha 0.3\n\nBeta 0.9\n\nGamma\n")
    assert [c.front for c in extractors.extract_cards(note)] == ["Beta", "Gamma"]
    everything = extractors.extract_cards(note, min_confidence=0.0)
    assert [(c.front, c.confidence, c.rule) for c in everything] == [
        ("Alpha", 0.3, "probe.paragraph"),
        ("Beta", 0.9, "probe.paragraph"),
        ("Gamma", 1.0, "probe.paragraph"),
    ]


def test_a_note_sets_its_own_threshold(tmp_path, probe_registry):
    note = _note(tmp_path, "---\nnotecards: {min_confidence: 0.95}\n---\nBeta 0.9\n\nGamma\n")
    assert [c.front for c in extractors.extract_cards(note)] == ["Gamma"]
    note = _note(tmp_path, "---\nnotecards: {min_confidence: 0.1}\n---\nAlpha 0.3\n")
    assert [c.front for c in extractors.extract_cards(note)] == ["Alpha"]


def test_a_language_without_a_pack_gets_explicit_cards_only(tmp_path, monkeypatch):
    monkeypatch.setattr(
        extractors,
        "EXTRACTORS",
        [
            Extractor("probe", _paragraph_cards, ("probe",)),
            Extractor("written", _paragraph_cards, ("probe",), mined=False),
        ],
    )
    note = replace(_note(tmp_path, "Alpha beta.\n"), lang="cs")
    (card,) = extractors.extract_cards(note)
    assert card.front == "Alpha"
    monkeypatch.setattr(extractors, "EXTRACTORS", extractors.EXTRACTORS[:1])
    assert extractors.extract_cards(note) == []
