"""The obsidian-spaced-repetition plugin's settings, where they change its card syntax
(read by extractors/explicit.py).

Its settings file (plugin_settings.SPACED_REPETITION) may name other flashcard tags
(`flashcardTags`), other separators (`singleLineCardSeparator`, `...Reversed...`,
`multilineCardSeparator`, `multilineReversedCardSeparator`), and which markup becomes a
cloze (`convertHighlightsToClozes`, `convertBoldTextToClozes`,
`convertCurlyBracketsToClozes`). Without the file the plugin's defaults apply.

Decks. A vault that has the file and files its decks by tag (`convertFoldersToDecks`
false, the plugin's default) names each card's deck by its flashcard tag:
`#flashcards/biology/cells` sends the note's cards to `<root>::biology::cells`, and a tag
written on a heading does so for the cards under that heading only (the plugin's
per-section decks). Without the file, decks follow folders as everywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from notecards.extractors.anki_cloze import Deletion, masked_text, text_runs
from notecards.model import Block, Card, Note
from notecards.vault.plugin_settings import SPACED_REPETITION, read_plugin_file

DEFAULT_TAGS = ("flashcards", "flashcard")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_CURLY = re.compile(r"\{\{(?!c\d+::)([^{}\n]+?)\}\}")


@dataclass(frozen=True)
class OsrSettings:
    tags: tuple[str, ...] = DEFAULT_TAGS  # casefolded, without `#`
    inline: str = "::"
    inline_reversed: str = ":::"
    multiline: str = "?"
    multiline_reversed: str = "??"
    highlights: bool = True
    bold: bool = False
    curly: bool = False
    tag_decks: bool = False

    @property
    def custom_inline(self) -> bool:
        return (self.inline, self.inline_reversed) != ("::", ":::")

    @property
    def multiline_kinds(self) -> dict[str, str]:
        return {self.multiline: "basic", self.multiline_reversed: "reversed"}

    def translate(self, text: str) -> str:
        """A line with the configured single-line separators written as `::`/`:::`, the
        form the parser reads; with custom separators a `::` of the line is no card."""
        if not self.custom_inline:
            return text
        if "::" in text:
            return text.replace("::", "\u2236\u2236")  # inert: the plugin would not read it
        marker = "\x00"
        text = text.replace(self.inline_reversed, marker)
        return text.replace(self.inline, "::").replace(marker, ":::")

    def may_hold_card(self, source: str) -> bool:
        """The cheap prefilter for custom separators (the defaults have their own)."""
        if self.custom_inline and self.inline in source:
            return True
        lines = (line.strip().lstrip("> ").strip() for line in source.split("\n"))
        return any(line in self.multiline_kinds for line in lines)

    def is_tag(self, tag: str) -> bool:
        base = tag.casefold().lstrip("#").split("/", 1)[0]
        return base in self.tags


def _text(data: dict, key: str, default: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) and value.strip() else default


def _flag(data: dict, key: str, default: bool) -> bool:
    value = data.get(key)
    return value if isinstance(value, bool) else default


def settings_of(data: dict | None) -> OsrSettings:
    """The settings a parsed file holds (None: no file, the defaults and folder decks)."""
    if data is None:
        return OsrSettings()
    if isinstance(data.get("settings"), dict):  # where the plugin keeps them since 1.10
        data = data["settings"]
    tags = data.get("flashcardTags")
    names = tuple(
        t.strip().lstrip("#").casefold() for t in tags if isinstance(t, str) and t.strip("# ")
    ) if isinstance(tags, list) else ()  # fmt: skip
    return OsrSettings(
        tags=names or DEFAULT_TAGS,
        inline=_text(data, "singleLineCardSeparator", "::"),
        inline_reversed=_text(data, "singleLineReversedCardSeparator", ":::"),
        multiline=_text(data, "multilineCardSeparator", "?").strip(),
        multiline_reversed=_text(data, "multilineReversedCardSeparator", "??").strip(),
        highlights=_flag(data, "convertHighlightsToClozes", True),
        bold=_flag(data, "convertBoldTextToClozes", False),
        curly=_flag(data, "convertCurlyBracketsToClozes", False),
        tag_decks=not _flag(data, "convertFoldersToDecks", False),
    )


@lru_cache(maxsize=8)
def _settings_for(root: str, stat: object) -> OsrSettings:
    plugin = read_plugin_file(root, SPACED_REPETITION)
    return settings_of(plugin.data if plugin.data else None)


def osr_settings(note: Note) -> OsrSettings:
    """The settings of the note's vault."""
    if not note.vault:
        return OsrSettings()
    path = Path(note.vault) / SPACED_REPETITION
    try:
        stat = path.stat()
        key: object = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    return _settings_for(note.vault, key)


# ---------------------------------------------------------------- more clozes


def markup_deletions(block: Block, settings: OsrSettings, number_from: int) -> list[Deletion]:
    """`**bold**` and `{{curly}}` deletions of a block, when the settings turn them on,
    numbered after `number_from` (the highlights' numbers)."""
    patterns = [p for p, on in ((_BOLD, settings.bold), (_CURLY, settings.curly)) if on]
    found: list[Deletion] = []
    number = number_from
    for start, end in text_runs(block):
        text = block.source[start:end]
        masked = masked_text(text)
        for pattern in patterns:
            for match in pattern.finditer(masked):
                number += 1
                at = start + match.start()
                found.append(
                    Deletion(at, at + 2, start + match.end(1), start + match.end(), number)
                )
    return sorted(found, key=lambda d: d.start)


# ---------------------------------------------------------------- decks


def tag_deck(tag: str, root: str) -> str:
    """`flashcards/biology/cells` → `<root>::biology::cells`; the bare tag → `<root>`."""
    parts = [p for p in tag.lstrip("#").split("/")[1:] if p.strip()]
    return "::".join([root, *parts]) if root else "::".join(parts)


_HEADING_TAG = re.compile(r"(?<![^\s])#([^\s#]+)")


def with_tag_decks(
    cards: list[Card], note: Note, settings: OsrSettings, raw: dict[int, str], root: str
) -> list[Card]:
    """The cards with the decks their flashcard tags name (see the module docstring)."""
    if not settings.tag_decks or not cards:
        return cards
    note_tag = next((t for t in note.tags if settings.is_tag(t)), "")
    scopes: list[tuple[int, int, str]] = []  # (line, level, deck) of tagged headings
    for section in note.sections:
        if not section.level:
            continue
        tags = [t for t in _HEADING_TAG.findall(raw.get(section.line, "")) if settings.is_tag(t)]
        scopes.append((section.line, section.level, tag_deck(tags[0], root) if tags else ""))
    out = []
    for card in cards:
        deck = tag_deck(note_tag, root) if note_tag else card.deck
        open_levels: dict[int, str] = {}
        for line, level, scoped in scopes:
            if line > card.line:
                break
            open_levels = {lv: d for lv, d in open_levels.items() if lv < level}
            open_levels[level] = scoped
        for level in sorted(open_levels, reverse=True):
            if open_levels[level]:
                deck = open_levels[level]
                break
        out.append(replace(card, deck=deck) if deck != card.deck else card)
    return out
