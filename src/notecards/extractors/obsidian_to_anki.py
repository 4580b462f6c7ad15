"""Cards people wrote for the Obsidian_to_Anki plugin, read as the plugin reads them.

- A note block: a line `START`, the note type on the next line (`Basic`, `Cloze`, a type
  of their own), the fields, a line `END`. The first field has no prefix; a line that
  starts with `FieldName:` begins that field (`Back:`, `Extra:`, `Back Extra:` …).
  Before `END`, a line `Tags: a b` gives the note's tags, and the plugin's
  `<!--ID: 1234-->` (or `ID: 1234`) line is its Anki id: neither is ever shown.
- An inline note on one line: `STARTI [Basic] front words Back: back words ENDI`.
- `TARGET DECK` (the deck on the next line, or `TARGET DECK: Deck`) sends the file's
  cards to that deck; `FILE TAGS` likewise gives tags for all of them; a note whose
  text is `DELETE` (with its id) is one the user deleted: no card.
- Note types: `Basic` and `Basic (type in the answer)` give a basic card, `Basic (and
  reversed card)` two, `Basic (optional reversed card)` two when its `Add Reverse`
  field holds anything; a type with `Cloze` in its name gives a cloze note (with
  CurlyCloze `{text}`, `{2|text}`, `{c2:text}` turned into `{{c2::text}}` when the
  plugin's setting says so, and `==highlights==` first when that setting is on); any
  other type gives a card whose front is the first field and whose back holds the other
  fields, each under its name.

The plugin's settings file (plugin_settings.OBSIDIAN_TO_ANKI) may rename every marker
(`Syntax`), hold the field names of the user's own note types (`fields_dict`), and give
folder decks and tags (`FOLDER_DECKS`, `FOLDER_TAGS`, innermost folder first) and the
cloze switches (`Defaults`). Without field names for a type, a line starting with a
capitalized name and a colon (`Source: …`) begins a field.

Markers count only at the start of a line, as in the plugin, and outside code blocks,
unlike the plugin: a note that shows the syntax in a ```` ```markdown ```` block is an
example, not a card. A ```` ```anki ```` fence, which people use to keep their notes out
of Obsidian's preview, does hold notes. Every block a note block or inline note touches
is claimed, so it is not mined.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from posixpath import dirname
from typing import Any

from notecards.extractors.anki_cloze import anki_deletions, cloze_cards, masked_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.note_lines import NoteLines, note_lines
from notecards.model import Card, Note, Paragraph, Section
from notecards.reader.metadata import clean_tag
from notecards.render.markup import render_markdown_and_text
from notecards.vault.plugin_settings import (
    OBSIDIAN_TO_ANKI,
    flag_setting,
    read_plugin_file,
    section,
    text_setting,
)

EXTRACTOR = "obsidian_to_anki"
KINDS = ("basic", "reversed", "cloze")

# The field names of Anki's stock note types (what `fields_dict` holds for them).
STOCK_FIELDS: dict[str, tuple[str, ...]] = {
    "Basic": ("Front", "Back"),
    "Basic (and reversed card)": ("Front", "Back"),
    "Basic (optional reversed card)": ("Front", "Back", "Add Reverse"),
    "Basic (type in the answer)": ("Front", "Back"),
    "Cloze": ("Text", "Back Extra"),
}
REVERSED_TYPES = frozenset({"Basic (and reversed card)"})
OPTIONAL_REVERSED = "Basic (optional reversed card)"
NOTE_FENCES = frozenset({"anki"})  # ```anki fences hide notes in Obsidian's preview
MAX_NOTE_LINES = 2_000  # a "note" longer than this is an END that never came

_ID_LINE = re.compile(r"^(?:<!--)?ID: (\d+).*$")
_INLINE_ID = re.compile(r"(?:<!--)?ID: (\d+)(?:-->)?")
_GUESSED_FIELD = re.compile(r"^([A-Z][A-Za-z0-9()_-]*(?: [A-Za-z0-9()_-]+){0,3}):(?:\s|$)")
_TYPE = re.compile(r"\[(.*?)\]")
_CURLY = re.compile(r"(?<!\{)\{(?:c?(\d+)[:|])?(?!\{)((?:[^\n][\n]?)+?)(?<!\})\}(?!\})")
_HIGHLIGHT = re.compile(r"==(.+?)==")


@dataclass(frozen=True)
class Syntax:
    """The plugin's markers and switches, as its settings file sets them."""

    begin: str = "START"
    end: str = "END"
    begin_inline: str = "STARTI"
    end_inline: str = "ENDI"
    deck_line: str = "TARGET DECK"
    tags_line: str = "FILE TAGS"
    delete_line: str = "DELETE"
    curly_cloze: bool = False
    highlights_to_cloze: bool = False
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(STOCK_FIELDS))
    folder_decks: dict[str, str] = field(default_factory=dict)
    folder_tags: dict[str, str] = field(default_factory=dict)


def syntax_of(data: dict[str, Any]) -> Syntax:
    """The Syntax a settings file (parsed JSON) describes; defaults for what it lacks.
    The plugin keeps its settings under `settings`, next to `fields_dict` (older
    versions: all at the top)."""
    settings = section(data, "settings") or data
    marks = section(settings, "Syntax")
    defaults = section(settings, "Defaults")
    fields = dict(STOCK_FIELDS)
    for name, names in (section(data, "fields_dict") or section(settings, "fields_dict")).items():
        if isinstance(names, list) and names and all(isinstance(n, str) for n in names):
            fields[name] = tuple(names)

    def strings(key: str) -> dict[str, str]:
        found = section(settings, key).items()
        return {k.strip("/"): v for k, v in found if isinstance(v, str) and v}

    return Syntax(
        begin=text_setting(marks, "Begin Note", "START"),
        end=text_setting(marks, "End Note", "END"),
        begin_inline=text_setting(marks, "Begin Inline Note", "STARTI"),
        end_inline=text_setting(marks, "End Inline Note", "ENDI"),
        deck_line=text_setting(marks, "Target Deck Line", "TARGET DECK"),
        tags_line=text_setting(marks, "File Tags Line", "FILE TAGS"),
        delete_line=text_setting(marks, "Delete Note Line", "DELETE"),
        curly_cloze=flag_setting(defaults, "CurlyCloze", False),
        highlights_to_cloze=flag_setting(defaults, "CurlyCloze - Highlights to Clozes", False),
        fields=fields,
        folder_decks=strings("FOLDER_DECKS"),
        folder_tags=strings("FOLDER_TAGS"),
    )


def vault_syntax(note: Note) -> Syntax:
    """The Syntax of the note's vault (the defaults outside a vault); the file itself
    is read once (plugin_settings), the few keys that matter here once a note."""
    if not note.vault:
        return Syntax()
    return syntax_of(read_plugin_file(note.vault, OBSIDIAN_TO_ANKI).data)


# ---------------------------------------------------------------- the note's lines


def _holds_markers(note: Note, syntax: Syntax) -> bool:
    """The cheap test first: most notes hold no marker at all."""
    needles = (syntax.begin, syntax.begin_inline, syntax.deck_line, syntax.tags_line)
    return any(n in block.source for _, block in note.blocks() for n in needles)


# ---------------------------------------------------------------- fields


def _field_start(line: str, names: tuple[str, ...] | None) -> tuple[str, str] | None:
    """(field name, rest of the line) when `line` begins a field (the first field may
    be named too: `Front:`)."""
    if names is None:
        match = _GUESSED_FIELD.match(line)
        return (match.group(1), line[match.end(1) + 1 :]) if match else None
    for name in names:
        if line.startswith(name + ":"):
            return name, line[len(name) + 1 :]
    return None


def _fields(note_type: str, body: list[str], syntax: Syntax) -> list[tuple[str, str]]:
    """(name, Markdown) of each field, in order; the first field is the unprefixed text."""
    names = syntax.fields.get(note_type)
    first = names[0] if names else "Front"
    found: dict[str, list[str]] = {first: []}
    current = first
    for line in body:
        start = _field_start(line, names)
        if start is not None:
            current, line = start
            found.setdefault(current, [])
        found[current].append(line)
    return [(name, "\n".join(lines).strip()) for name, lines in found.items()]


def _strip_meta(body: list[str]) -> tuple[list[str], list[str]]:
    """The note's lines without its trailing id and `Tags:` lines, and those tags."""
    body = list(body)
    while body and not body[-1].strip():
        body.pop()
    if body and _ID_LINE.match(body[-1].strip()):
        body.pop()
    tags: list[str] = []
    if body and body[-1].startswith("Tags: "):
        tags = body.pop()[len("Tags: ") :].split()
    return body, tags


# ---------------------------------------------------------------- cards


@dataclass
class _Maker:
    """Makes the cards of one note block or inline note."""

    ctx: ExtractContext
    syntax: Syntax
    deck: str
    tags: tuple[str, ...]

    def cards(
        self, note_type: str, fields: list[tuple[str, str]], line: int, sec: Section, tags: list
    ) -> list[Card]:
        if "cloze" in note_type.lower():
            made = self._cloze(fields, line, sec)
        else:
            made = self._basic(note_type, fields, line, sec)
        extra = tuple(t for t in (clean_tag(t) for t in (*self.tags, *tags)) if t)
        return [
            replace(card, deck=self.deck or card.deck, tags=_unique((*card.tags, *extra)))
            for card in made
        ]

    def _basic(
        self, note_type: str, fields: list[tuple[str, str]], line: int, sec: Section
    ) -> list[Card]:
        if not fields or not fields[0][1]:
            return []
        front_html, front = render_markdown_and_text(fields[0][1], self.ctx.render)
        rest = [(name, text) for name, text in fields[1:] if text]
        stock = note_type in STOCK_FIELDS
        if stock:
            rest = [(name, text) for name, text in rest if name == "Back"]
        if not rest:
            return []
        parts = [(name, *render_markdown_and_text(text, self.ctx.render)) for name, text in rest]
        if stock:
            back_html, back = parts[0][1], parts[0][2]
        else:  # the user's own type: every other field, under its name
            back_html = "".join(f"<p><b>{html.escape(n)}</b></p>{h}" for n, h, _ in parts)
            back = "\n".join(f"{n}: {t}" for n, _, t in parts)
        reverse = note_type in REVERSED_TYPES or (
            note_type == OPTIONAL_REVERSED and any(n == "Add Reverse" and t for n, t in fields)
        )
        kind = "reversed" if reverse else "basic"
        return self.ctx.written(
            extractor=EXTRACTOR, front=front, back=back, front_html=front_html,
            back_html=back_html, line=line, section=sec, reverse=reverse,
            rule=f"{EXTRACTOR}.{kind}", reverse_rule=f"{EXTRACTOR}.reversed",
        )  # fmt: skip

    def _cloze(self, fields: list[tuple[str, str]], line: int, sec: Section) -> list[Card]:
        text = fields[0][1] if fields else ""
        if self.syntax.curly_cloze:
            if self.syntax.highlights_to_cloze:
                text = _outside_code(text, _HIGHLIGHT, lambda m: "{" + m.group(1) + "}")
            text = curly_to_cloze(text)
        block = Paragraph(line, line + text.count("\n"), text)
        return cloze_cards(self.ctx, sec, block, anki_deletions(block), extractor=EXTRACTOR)


def _outside_code(text: str, pattern: re.Pattern[str], replace_with) -> str:
    """`pattern.sub` where the match lies in prose (not code, math, links, comments)."""
    masked = masked_text(text)
    parts: list[str] = []
    cursor = 0
    for match in pattern.finditer(masked):
        start, end = match.span()
        if "\0" in masked[start:end]:
            continue
        parts += [text[cursor:start], replace_with(pattern.match(text, start))]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def curly_to_cloze(text: str) -> str:
    """The plugin's CurlyCloze: `{a}` `{b}` → `{{c1::a}}` `{{c2::b}}`; `{2|a}` and
    `{c2:a}` keep their number. Code and math are left alone."""
    counter = [1]

    def number(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return "{{c" + match.group(1) + "::" + match.group(2) + "}}"
        counter[0] += 1
        return "{{c" + str(counter[0] - 1) + "::" + match.group(2) + "}}"

    return _outside_code(text, _CURLY, number)


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# ---------------------------------------------------------------- the file


def _file_line(lines: NoteLines, marker: str) -> tuple[str, range]:
    """What `TARGET DECK` / `FILE TAGS` says (the rest of its line after `: `, or the
    next line) and the lines it takes. The first one in the note counts, as in the
    plugin."""
    for number in sorted(lines.text):
        text = lines.text[number]
        if number in lines.code or not text.startswith(marker):
            continue
        rest = text[len(marker) :]
        if rest.startswith(": "):
            return rest[2:].strip(), range(number, number + 1)
        if not rest.strip():
            return lines.text.get(number + 1, "").strip(), range(number, number + 2)
    return "", range(0)


def _folder_setting(note: Note, by_folder: dict[str, str], *, every: bool) -> list[str]:
    """The settings of the note's folders, innermost first (the first one, or all)."""
    found: list[str] = []
    folder = dirname(note.path)
    while folder:
        if by_folder.get(folder):
            found.append(by_folder[folder])
            if not every:
                break
        folder = dirname(folder)
    return found


def extract_obsidian_to_anki(note: Note, ctx: ExtractContext) -> list[Card]:
    """Cards from Obsidian_to_Anki note blocks and inline notes; see the module docstring."""
    syntax = vault_syntax(note)
    if not _holds_markers(note, syntax):
        return []
    lines = note_lines(note, NOTE_FENCES)
    deck, deck_lines = _file_line(lines, syntax.deck_line)
    deck = deck or next(iter(_folder_setting(note, syntax.folder_decks, every=False)), "")
    tags, tag_lines = _file_line(lines, syntax.tags_line)
    tags = " ".join([*_folder_setting(note, syntax.folder_tags, every=True), tags])
    maker = _Maker(ctx, syntax, deck, tuple(tags.split()))
    cards: list[Card] = []
    claimed: set[int] = {*deck_lines, *tag_lines}  # a deck `A::B` is no `Q::A` card
    number = 1
    while number <= lines.last:
        text = lines.text.get(number)
        if text is None or number in lines.code or text.rstrip() != syntax.begin:
            number += 1
            continue
        end = _block_end(lines, number, syntax)
        if end is None:
            number += 1
            continue
        cards += _note_block(maker, lines, number, end)
        claimed.update(range(number, end + 1))
        number = end + 1
    cards += _inline_notes(maker, lines, claimed)
    lines.claim(claimed, ctx.claim)
    return cards


def _block_end(lines: NoteLines, start: int, syntax: Syntax) -> int | None:
    for number in range(start + 1, min(lines.last, start + MAX_NOTE_LINES) + 1):
        text = lines.text.get(number, "")
        if text.startswith(syntax.end) and number not in lines.code:
            return number
    return None


def _note_block(maker: _Maker, lines: NoteLines, start: int, end: int) -> list[Card]:
    body = [lines.text.get(n, "") for n in range(start + 1, end)]
    if not body:
        return []
    note_type = body[0].strip()
    body, tags = _strip_meta(body[1:])
    if any(line.strip() == maker.syntax.delete_line for line in body):
        return []  # the user deleted this note in the plugin's way
    sec = lines.sections.get(start + 1) or lines.sections.get(start)
    if sec is None:
        return []
    return maker.cards(note_type, _fields(note_type, body, maker.syntax), start + 1, sec, tags)


def _inline_notes(maker: _Maker, lines: NoteLines, claimed: set[int]) -> list[Card]:
    begin, end = maker.syntax.begin_inline, maker.syntax.end_inline
    pattern = re.compile(re.escape(begin) + r"(.*?)" + re.escape(end))
    cards: list[Card] = []
    for number in sorted(lines.text):
        text = lines.text[number]
        if begin not in text or number in lines.code or number in claimed:
            continue
        for match in pattern.finditer(text):
            made = _inline_note(maker, match.group(1), number, lines.sections.get(number))
            if made:
                claimed.add(number)
                cards += made
    return cards


def _inline_note(maker: _Maker, text: str, number: int, sec: Section | None) -> list[Card]:
    text = text.strip()
    found = _INLINE_ID.search(text)
    if found:
        text = text[: found.start()].strip()
    tags: list[str] = []
    tag_at = text.find("Tags: ")
    if tag_at >= 0:
        tags, text = text[tag_at + len("Tags: ") :].split(), text[:tag_at].strip()
    kind = _TYPE.search(text)
    if kind is None or sec is None:
        return []
    note_type, text = kind.group(1), text[kind.end() :]
    names = maker.syntax.fields.get(note_type) or ("Front", "Back")
    current = names[0]
    words: dict[str, list[str]] = {current: []}
    for word in text.split(" "):
        for name in names:
            if word == name + ":":
                current, word = name, ""
                words.setdefault(current, [])
        words[current].append(word)
    fields = [(name, " ".join(w).strip()) for name, w in words.items()]
    return maker.cards(note_type, fields, number, sec, tags)
