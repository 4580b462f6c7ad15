"""Anki's own cloze syntax, `{{c1::text}}` and `{{c1::text::hint}}`, written in a note.

Decisions:
- The unit is a top-level block that holds inline Markdown: a paragraph, a list, a
  quote or callout, a table. All deletions of one block form one Anki cloze note (as
  Anki numbers them per note: `c1` and `c2` in one list are two cards of one note), so
  a card keeps its context. Code blocks, math blocks and raw HTML blocks are never
  units; inside a unit, nested code/math/HTML blocks, inline `code`, `$math$`, HTML
  comments, `%%comments%%` and HTML tags are opaque: markers there are text.
- The Text field is the block rendered to HTML with Anki's markers kept around the
  rendered deletion (`{{c1::<strong>GET</strong>}}`). Every other `{{`, `}}` and `::`
  in the field (in code, in a malformed marker, inside a deletion) is written as an HTML
  character reference, so Anki sees exactly the deletions this module found.
- One card per distinct number N (ord = N - 1), all sharing one group: the front is the
  block's plain text with N's deletions as `[...]` (or `[hint]`) and the others shown;
  the back is N's deleted text(s), joined with ", ".
- Malformed markup is text: an opener without a close, an empty deletion, a deletion
  that contains another opener (Anki's nested clozes) – the outer opener is kept as
  text, the inner deletion still counts. Nothing here raises or backtracks.

The scanning and rendering helpers are shared with `explicit.py` (`==highlight==` clozes).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from notecards.extractors.base import ExtractContext
from notecards.model import (
    Block,
    Card,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    MathBlock,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
    walk_blocks,
)
from notecards.render.markup import render_markdown_and_text

EXTRACTOR = "anki_cloze"
# Bounds that keep absurd input cheap; past them a block is not a flashcard anyway.
MAX_NUMBERS = 100  # distinct cloze numbers per block (cards per Anki note)
MAX_DELETIONS = 300  # deletions per block; later ones stay text
MAX_UNIT_CHARS = 20_000  # a block longer than this is not made into a cloze note

_OPEN = re.compile(r"\{\{c(\d{1,4})::")
_CLOSE = re.compile(r"\}\}")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\s<>`]*")
_TAG_OR_AUTOLINK = re.compile(r"</?[A-Za-z][^<>\n]*>|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>")
_DELETION_MARK = re.compile("([\U000f0000-\U000ffffd])(.*?)\ue006", re.DOTALL)
_STRAY_MARKS = re.compile("[\U000f0000-\U000ffffd\ue006]")
_CLOSE_MARK = "\ue006"
_CALLOUT_MARK = re.compile(r"^([ \t]{0,3}>[ \t]?)\[![\w-]+\][+-]?[ \t]*")


# ---------------------------------------------------------------- opaque regions


class _Finder:
    """`str.find` with memory: repeated searches from growing starts stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, int] = {}

    def find(self, needle: str, start: int) -> int:
        known = self.cache.get(needle)
        if known is not None and (known == -1 or known >= start):
            return known
        found = self.text.find(needle, start)
        self.cache[needle] = found
        return found


def _backtick_runs(text: str) -> list[tuple[int, int]]:
    """(position, length) of every run of backticks, in order."""
    runs: list[tuple[int, int]] = []
    index = text.find("`")
    while index >= 0:
        end = index
        while end < len(text) and text[end] == "`":
            end += 1
        runs.append((index, end - index))
        index = text.find("`", end)
    return runs


_SPECIAL = re.compile(r"[\\`<$%\]\[]")


def masked_text(text: str, *, urls: bool = False) -> str:
    """`text` (one paragraph of Markdown) with every character that is not prose replaced
    by NUL: code spans, inline math, HTML comments, `%%comments%%`, HTML tags and
    autolinks, link destinations, wikilinks and, with `urls`, bare URLs. Offsets are
    kept, so a match in the masked text is a match at the same place in `text`.
    Linear: it jumps from one special character to the next."""
    size = len(text)
    spans: list[tuple[int, int]] = []
    runs = _backtick_runs(text) if "`" in text else []
    by_length: dict[int, list[int]] = {}
    for position, length in runs:
        by_length.setdefault(length, []).append(position)
    finder = _Finder(text)
    index = 0
    while index < size:
        special = _SPECIAL.search(text, index)
        if special is None:
            break
        index = special.start()
        char = text[index]
        if char == "\\":
            index += 2
        elif char == "`":
            length = 1
            while index + length < size and text[index + length] == "`":
                length += 1
            positions = by_length.get(length, [])
            nxt = bisect_left(positions, index + length)
            if nxt < len(positions):
                spans.append((index, positions[nxt] + length))
            index = spans[-1][1] if nxt < len(positions) else index + length
        elif text.startswith("<!--", index):
            end = finder.find("-->", index + 4)
            spans.append((index, size if end < 0 else end + 3))
            index = spans[-1][1]
        elif text.startswith("%%", index):
            end = finder.find("%%", index + 2)
            if end >= 0:
                spans.append((index, end + 2))
            index = index + 2 if end < 0 else end + 2
        elif char == "$":
            fence = "$$" if text.startswith("$$", index) else "$"
            end = finder.find(fence, index + len(fence))
            if end >= 0:
                spans.append((index, end + len(fence)))
            index = index + len(fence) if end < 0 else end + len(fence)
        elif char == "<":
            match = _TAG_OR_AUTOLINK.match(text, index)
            if match:
                spans.append((index, match.end()))
            index = match.end() if match else index + 1
        elif text.startswith("](", index):
            end = finder.find(")", index + 2)
            if end >= 0:
                spans.append((index, end + 1))
            index = index + 2 if end < 0 else end + 1
        elif text.startswith("[[", index):
            end = finder.find("]]", index + 2)
            if end >= 0:
                spans.append((index, end + 2))
            index = index + 2 if end < 0 else end + 2
        else:
            index += 1
    if urls and "://" in text:
        spans += [(m.start(), m.end()) for m in _URL.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\0" * (end - start)
    return "".join(chars)


def opaque_lines(block: Block) -> set[int]:
    """File lines of the code, math and HTML blocks inside `block` (or the block itself)."""
    lines: set[int] = set()
    for leaf in walk_blocks((block,)):
        if isinstance(leaf, (CodeBlock, MathBlock, HtmlBlock)):
            lines.update(range(leaf.line, leaf.end_line + 1))
    return lines


def text_runs(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets in `block.source` of its runs of inline Markdown: consecutive
    non-blank lines outside nested code, math and HTML blocks (one paragraph each)."""
    opaque = opaque_lines(block)
    runs: list[tuple[int, int]] = []
    offset = 0
    run_start = run_end = -1
    for number, line in enumerate(block.source.split("\n"), block.line):
        inline = line.strip() != "" and number not in opaque
        if inline:
            if run_start < 0:
                run_start = offset
            run_end = offset + len(line)
        elif run_start >= 0:
            runs.append((run_start, run_end))
            run_start = -1
        offset += len(line) + 1
    if run_start >= 0:
        runs.append((run_start, run_end))
    return runs


# ---------------------------------------------------------------- deletions


@dataclass(frozen=True, slots=True)
class Deletion:
    """One hidden part of a cloze text, as offsets into its block's source:
    `start..content_start` is the opening markup, `content_end..end` the closing one."""

    start: int
    content_start: int
    content_end: int
    end: int
    number: int
    hint: str = ""


def _anki_in_run(text: str, base: int) -> Iterator[Deletion]:
    """Well-formed `{{cN::...}}` deletions of one paragraph of text."""
    masked = masked_text(text)
    openers = list(_OPEN.finditer(masked))
    closers = [m.start() for m in _CLOSE.finditer(masked)]
    cursor = 0
    for index, match in enumerate(openers):
        if match.start() < cursor:
            continue
        content_start = match.end()
        nxt = bisect_left(closers, content_start)
        if nxt == len(closers):
            continue  # no close: text
        close = closers[nxt]
        if index + 1 < len(openers) and openers[index + 1].start() < close:
            continue  # nested opener: this one is text, the inner one may count
        number = int(match.group(1))
        hint_at = masked.find("::", content_start, close)
        content_end = close if hint_at < 0 else hint_at
        hint = "" if hint_at < 0 else " ".join(text[hint_at + 2 : close].split())
        if number < 1 or not text[content_start:content_end].strip():
            continue
        cursor = close + 2
        yield Deletion(
            base + match.start(),
            base + content_start,
            base + content_end,
            base + close + 2,
            number,
            hint,
        )


def anki_deletions(block: Block) -> list[Deletion]:
    """Every well-formed Anki cloze deletion of a block, in source order."""
    source = block.source
    found: list[Deletion] = []
    for start, end in text_runs(block):
        found += _anki_in_run(source[start:end], start)
        if len(found) >= MAX_DELETIONS:
            return found[:MAX_DELETIONS]
    return found


# ---------------------------------------------------------------- rendering


def _escape_anki(text: str) -> str:
    """Markup Anki's cloze parser would read, made inert (the browser shows it the same)."""
    return text.replace("{{", "{&#123;").replace("}}", "}&#125;").replace("::", ":&#58;")


def _marked_source(source: str, deletions: list[Deletion]) -> str:
    """The source with each deletion's markup replaced by private-use markers that
    survive Markdown rendering: U+F0000+i opens deletion i, U+E006 closes it."""
    parts: list[str] = []
    cursor = 0
    for index, deletion in enumerate(deletions):
        parts += [
            source[cursor : deletion.start],
            chr(0xF0000 + index),
            source[deletion.content_start : deletion.content_end],
            _CLOSE_MARK,
        ]
        cursor = deletion.end
    parts.append(source[cursor:])
    return "".join(parts)


def _deletion_of(match: re.Match[str], deletions: list[Deletion]) -> Deletion | None:
    index = ord(match.group(1)) - 0xF0000
    return deletions[index] if 0 <= index < len(deletions) else None


def cloze_field(html_text: str, deletions: list[Deletion]) -> str:
    """Rendered HTML with markers → Anki's Text field."""

    def replace(match: re.Match[str]) -> str:
        deletion = _deletion_of(match, deletions)
        if deletion is None:
            return match.group(2)
        hint = f"::{_escape_anki(html.escape(deletion.hint))}" if deletion.hint else ""
        return f"{{{{c{deletion.number}::{match.group(2)}{hint}}}}}"

    return _STRAY_MARKS.sub("", _DELETION_MARK.sub(replace, _escape_anki(html_text)))


def _tidy(text: str) -> str:
    return " ".join(text.split())


def cloze_sides(plain: str, deletions: list[Deletion], number: int) -> tuple[str, str]:
    """(front, back) of the card for `number`, from the marked plain text."""
    answers: list[str] = []

    def replace(match: re.Match[str]) -> str:
        deletion = _deletion_of(match, deletions)
        if deletion is None or deletion.number != number:
            return match.group(2)
        answer = _tidy(match.group(2))
        if answer and answer not in answers:
            answers.append(answer)
        return f"[{deletion.hint}]" if deletion.hint else "[...]"

    front = _STRAY_MARKS.sub("", _DELETION_MARK.sub(replace, plain))
    return front.strip(), ", ".join(answers)


def _anchor(plain: str) -> str:
    """The cloze text with every deletion blanked: stable when an answer is edited."""
    return _STRAY_MARKS.sub("", _DELETION_MARK.sub("[...]", plain))


def cloze_cards(
    ctx: ExtractContext,
    section: Section,
    block: Block,
    deletions: list[Deletion],
    *,
    kind: str = "cloze",
    extractor: str = EXTRACTOR,
) -> list[Card]:
    """One Anki cloze note from a block and its deletions: a card per distinct number."""
    numbers = sorted({d.number for d in deletions})[:MAX_NUMBERS]
    deletions = [d for d in deletions if d.number in numbers]
    if not deletions:
        return []
    marked = _marked_source(block.source, deletions)
    if isinstance(block, Quote) and block.callout:
        marked = _CALLOUT_MARK.sub(r"\1", marked, count=1)  # `[!tip]` is Obsidian's, not text
    rendered, plain = render_markdown_and_text(marked, ctx.render)
    field = cloze_field(rendered, deletions)
    anchor = _anchor(plain)
    cards: list[Card] = []
    group = ""
    for number in numbers:
        front, back = cloze_sides(plain, deletions, number)
        if not front.strip() or not back.strip():
            continue  # the deletion vanished into markup (e.g. it became part of a #tag)
        first = next(d for d in deletions if d.number == number)
        card = ctx.card(
            kind=kind,
            extractor=extractor,
            rule=f"{extractor}.cloze",
            confidence=1.0,
            anchor=f"c{number} {anchor}",
            front=front,
            back=back,
            line=block.line + block.source.count("\n", 0, first.start),
            section=section,
            model="cloze",
            front_html=field,
            back_html="",
            group=group,
            ord=number - 1,
        )
        group = group or card.id
        cards.append(card)
    return cards


CLOZE_UNITS = (Paragraph, ListBlock, Quote, Table)


def extract_anki_cloze(note: Note, ctx: ExtractContext) -> list[Card]:
    """Cards from `{{cN::...}}` deletions in the note's paragraphs, lists, quotes, tables."""
    cards: list[Card] = []
    for section in note.sections:
        for block in section.blocks:
            if "{{c" in block.source:  # the cheapest test first: most blocks fail it
                cards += _block_cards(ctx, section, block)
    return cards


def _block_cards(ctx: ExtractContext, section: Section, block: Block) -> list[Card]:
    """The cloze note of one top-level block that holds `{{c`, claimed; or none."""
    if not isinstance(block, CLOZE_UNITS) or ctx.is_claimed(block):
        return []
    if len(block.source) > MAX_UNIT_CHARS:
        return []
    made = cloze_cards(ctx, section, block, anki_deletions(block))
    if made:
        ctx.claim(block, section)
    return made
