"""`Extractor.needs`: the registry skips an extractor whose necessary text is absent,
and each registered condition really is necessary (skipping never changes a card)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from corpus_helpers import ROOT, corpus_notes
from notecards import extractors
from notecards.extractors.base import ExtractContext, Extractor
from notecards.model import Card, Note, Problem
from notecards.reader import parse_note
from notecards.vault.media import Vault

NEVER = re.compile(r"(?!)")


NOTES = corpus_notes()


def _cards(path: Path, note: Note) -> tuple[list[Card], list[Problem]]:
    problems: list[Problem] = []
    cards = extractors.extract_cards(
        note, Vault(path.parent), path, min_confidence=0.0, problems=problems
    )
    return cards, problems


def test_registry_does_not_run_an_extractor_whose_needs_are_absent(monkeypatch, tmp_path):
    called: list[str] = []

    def recorder(name: str):
        def run(note: Note, ctx: ExtractContext) -> list[Card]:
            called.append(name)
            return []

        return run

    monkeypatch.setattr(
        extractors,
        "EXTRACTORS",
        [
            Extractor("absent", recorder("absent"), mined=False, needs=NEVER),
            Extractor("present", recorder("present"), mined=False, needs=re.compile("Alpha")),
            Extractor("always", recorder("always"), mined=False),
        ],
    )
    path = tmp_path / "n.md"
    path.write_text("# T\n\nAlpha beta.\n", encoding="utf-8")
    note, _ = parse_note(path.read_bytes(), "n.md", path, Vault(tmp_path))
    assert note is not None
    extractors.extract_cards(note)
    assert called == ["present", "always"]


def test_some_extractors_have_needs():
    assert {e.name for e in extractors.EXTRACTORS if e.needs is not None} >= {
        "anki_cloze",
        "http_messages",
    }


def test_corpus_is_not_empty():
    assert len(NOTES) > 100


@pytest.mark.parametrize("path,note", NOTES, ids=[str(p.relative_to(ROOT)) for p, _ in NOTES])
def test_needs_never_change_what_a_note_gives(monkeypatch, path, note):
    """With and without the `needs` checks, the same cards and problems; and every
    card of an extractor with `needs` comes from a note that matches them."""
    with_needs = _cards(path, note)
    needs = {e.name: e.needs for e in extractors.EXTRACTORS if e.needs is not None}
    monkeypatch.setattr(
        extractors, "EXTRACTORS", [replace(e, needs=None) for e in extractors.EXTRACTORS]
    )
    without = _cards(path, note)
    assert with_needs == without
    source = ExtractContext(note).source
    for card in without[0]:
        if card.extractor in needs:
            assert needs[card.extractor].search(source), (card.extractor, card.line)


HTTP_SHAPES = {  # fields whose gloss explains them (a restating one is no card)
    # labelled `http`: pseudo-headers and bare header fields, no "HTTP/" anywhere
    "labelled": (
        "# HTTP headers\n\nCache-Control asks to revalidate.\n\n```http\nGET /items\n"
        "Cache-Control: no-cache\n```\n"
    ),
    # unlabelled: a status line names the version
    "unlabelled": (
        "# HTTP reply\n\nCache-Control: revalidate.\n\n```\nHTTP/1.1 404 Not Found\n"
        "Cache-Control: no-cache\n```\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(HTTP_SHAPES))
def test_http_needs_hold_for_each_shape_it_reads(monkeypatch, tmp_path, shape):
    """Each branch of `needs.HTTP_MESSAGES` on its own: a note with only that shape
    still gets its HTTP cards."""
    path = tmp_path / "n.md"
    path.write_text(HTTP_SHAPES[shape], encoding="utf-8")
    note, _ = parse_note(path.read_bytes(), "n.md", path, Vault(tmp_path))
    assert note is not None
    cards, _ = _cards(path, note)
    assert any(card.extractor == "http_messages" for card in cards)
