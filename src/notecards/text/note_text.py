"""The sentences and vocabulary of one note, computed once and shared by the extractors.

The prose extractors (definitions, properties, enumerations, headings) read the same
paragraphs of a note in turn, and each wants them cut into flattened sentences and a
`Vocabulary` of their words. One `NoteText` lives on the note's `ExtractContext`, so
that work is done once per note, and is dropped with the note (a process-wide cache
would be keyed on whole paragraphs, costly to hash, and would keep old notes alive).

Entries are keyed by object identity: the note holds its paragraphs, and each entry
keeps the objects of its key, so an id cannot be reused while the entry exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from notecards.model import Block, Paragraph
from notecards.text.sentences import Flat, paragraph_sentences
from notecards.text.terms import Vocabulary

B = TypeVar("B", bound=Block)
T = TypeVar("T")


class NoteText:
    """Per-note memo of `paragraph_sentences`, `Vocabulary.from_flats` and what
    extractors read of a block (`of_block`)."""

    def __init__(self) -> None:
        self._sentences: dict[int, tuple[Paragraph, list[tuple[int, Flat]]]] = {}
        self._vocabularies: dict[tuple[int, ...], tuple[list[Flat], Vocabulary]] = {}
        self._of_blocks: dict[tuple[int, Callable], tuple[Block, object]] = {}

    def sentences(self, paragraph: Paragraph) -> list[tuple[int, Flat]]:
        """`paragraph_sentences(paragraph)`, computed once; callers must not mutate it."""
        entry = self._sentences.get(id(paragraph))
        if entry is None:
            entry = self._sentences[id(paragraph)] = (paragraph, paragraph_sentences(paragraph))
        return entry[1]

    def vocabulary(self, flats: Iterable[Flat]) -> Vocabulary:
        """`Vocabulary.from_flats(flats)`, shared by callers that read the same sentences."""
        kept = list(flats)
        key = tuple(map(id, kept))
        entry = self._vocabularies.get(key)
        if entry is None:
            entry = self._vocabularies[key] = (kept, Vocabulary.from_flats(kept))
        return entry[1]

    def of_block(self, block: B, compute: Callable[[B, NoteText], T]) -> T:
        """`compute(block, self)`, once per block of the note: what several extractors
        read of one block (a list's labelled items); callers must not mutate it."""
        key = (id(block), compute)
        entry = self._of_blocks.get(key)
        if entry is None:
            entry = self._of_blocks[key] = (block, compute(block, self))
        return entry[1]  # type: ignore[return-value]
