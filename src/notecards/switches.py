"""What a note's settings decide for the extractors, as plain data.

The vault layer reads `.notecards.toml`, front matter and the command line and fills a
`NoteSwitches` per note; the extractors only read it, so they need nothing of the vault
(docs/architecture.md: every layer may use this module, it uses none).
"""

from __future__ import annotations

from dataclasses import dataclass

# the card syntaxes a vault can switch off (`syntaxes` in .notecards.toml), and the
# extractor that reads each: their cards the user wrote (explicit); the rest mine prose
SYNTAX_EXTRACTORS = {
    "spaced_repetition": "explicit",
    "anki_cloze": "anki_cloze",
    "obsidian_to_anki": "obsidian_to_anki",
    "flashcards_obsidian": "flashcards_obsidian",
}
EXPLICIT_EXTRACTORS = frozenset(SYNTAX_EXTRACTORS.values())


@dataclass(frozen=True)
class NoteSwitches:
    """What the settings, the note and the command line decide for one note."""

    enabled: bool = True
    mine: bool = True
    skip: frozenset[str] = frozenset()  # extractors or kinds
    lang: str = ""  # the language to read it in, '' for its own or detected one
