"""A note's body as numbered lines again, for card syntaxes that other tools read line
by line (Obsidian_to_Anki's `START`/`END`, flashcards-obsidian's `#card`).

The reader keeps each top-level block's source and each heading; put back at their line
numbers they give the body as the tool saw it (lines in no block are blank). Each line
knows its block and section, so an extractor can claim what it used.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from notecards.model import Block, CodeBlock, MathBlock, Note, Section
from notecards.reader.decode import decode_note


@dataclass
class NoteLines:
    text: dict[int, str] = field(default_factory=dict)
    owner: dict[int, tuple[Section, Block]] = field(default_factory=dict)
    code: set[int] = field(default_factory=set)  # inside code or math blocks
    sections: dict[int, Section] = field(default_factory=dict)
    headings: set[int] = field(default_factory=set)
    last: int = 0

    def get(self, number: int) -> str:
        return self.text.get(number, "")

    def is_blank(self, number: int) -> bool:
        return not self.text.get(number, "").strip()

    def claim(self, numbers, claim) -> None:
        """Call `claim(block, section)` for the block of each line in `numbers`."""
        for number in sorted(set(numbers)):
            if number in self.owner:
                section, block = self.owner[number]
                claim(block, section)


def raw_lines(path: Path | None) -> dict[int, str]:
    """The file's lines by number (empty when it cannot be read): the reader keeps a
    heading's words but not its `#tags`, which some syntaxes put there."""
    if path is None:
        return {}
    try:
        text = decode_note(path.read_bytes()).text
    except OSError:
        return {}
    return dict(enumerate(text.split("\n"), 1)) if text else {}


def note_lines(
    note: Note, open_fences: Container[str] = (), raw: dict[int, str] | None = None
) -> NoteLines:
    """The lines of `note`; code blocks whose language is in `open_fences` are read as
    text, not as code. Headings are taken from `raw` (the file's lines) when given."""
    lines = NoteLines()
    raw = raw or {}
    for section in note.sections:
        if section.level:
            rebuilt = f"{'#' * section.level} {section.heading}"
            original = raw.get(section.line, "")
            lines.text[section.line] = original if original.lstrip().startswith("#") else rebuilt
            lines.sections[section.line] = section
            lines.headings.add(section.line)
            lines.last = max(lines.last, section.line)
        for block in section.blocks:
            for offset, text in enumerate(block.source.split("\n")):
                number = block.line + offset
                lines.text[number] = text
                lines.owner[number] = (section, block)
                lines.sections[number] = section
            if isinstance(block, MathBlock) or (
                isinstance(block, CodeBlock) and block.language not in open_fences
            ):
                lines.code.update(range(block.line, block.end_line + 1))
            lines.last = max(lines.last, block.end_line)
    return lines
