"""markdown-it block tokens → a tree of Sections and Blocks with file line numbers.

Tokens are flat with nesting levels; `_read_blocks` walks them once, recursing into
lists, items and quotes, so a note of any size is read in one linear pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from notecards.model import (
    Block,
    CodeBlock,
    HtmlBlock,
    Inline,
    ListBlock,
    ListItem,
    MathBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Table,
    plain_text,
)
from notecards.reader.inline import to_spans

_CALLOUT = re.compile(r"^\[!([\w-]+)\][+-]?\s*(.*)$")


@dataclass(slots=True)
class _Source:
    """The body's lines and how many file lines precede it (front matter)."""

    lines: list[str]
    offset: int

    def span(self, token: Token) -> tuple[int, int, str]:
        """The token's first and last file line and its source text."""
        start, end = token.map or (0, 1)
        first = start + self.offset + 1
        if end <= start + 1 and start < len(self.lines):  # one line: no join
            return first, first, self.lines[start] if end == start + 1 else ""
        return first, max(end, start + 1) + self.offset, "\n".join(self.lines[start:end])


def _table(tokens: Sequence[Token], src: _Source, start: int) -> tuple[Table, int]:
    """The table opened at `start`, and the index of its `table_close`."""
    header: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []
    row: list[Inline] = []
    in_head = False
    level = tokens[start].level
    index = start + 1
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        kind = token.type
        if kind == "inline":
            row.append(to_spans(token.children))
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "table_close" and token.level == level:
            break
    line, end_line, text = src.span(tokens[start])
    return Table(line, end_line, text, tuple(header), tuple(rows)), index


def _quote(blocks: tuple[Block, ...], line: int, end_line: int, text: str) -> Quote:
    """A blockquote, or a callout when its first line is `[!type] Title`."""
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph) and first.spans and first.spans[0].kind == "text":
        head = first.spans[0].text.partition("\n")[0]
        match = _CALLOUT.match(head)
        if match:
            spans = first.spans[1:]
            if spans and spans[0].kind == "break":
                spans = spans[1:]
            title = match.group(2).strip()
            remaining: tuple[Block, ...] = blocks[1:]
            if spans:
                body = Paragraph(first.line + 1, first.end_line, first.source, spans)
                remaining = (body, *remaining)
            return Quote(line, end_line, text, remaining, match.group(1).lower(), title)
    return Quote(line, end_line, text, blocks)


def _read_blocks(
    tokens: Sequence[Token], src: _Source, index: int, stop: str, level: int
) -> tuple[list[Block], int]:
    """The blocks from `index` up to the first token of type `stop` at `level` (the
    close of the enclosing list item or quote, or a top-level heading), and its index.

    One pass: each container is read by a nested call that returns where it closed.
    Tokens of no known block (`hr`, headings inside lists) are passed over."""
    blocks: list[Block] = []
    end = len(tokens)
    while index < end:
        token = tokens[index]
        kind = token.type
        if kind == "paragraph_open":
            line, end_line, text = src.span(token)
            blocks.append(Paragraph(line, end_line, text, to_spans(tokens[index + 1].children)))
            index += 3
            continue
        if kind == stop and token.level == level:
            break
        if kind in ("bullet_list_open", "ordered_list_open"):
            block, index = _list(tokens, src, index)
            blocks.append(block)
        elif kind in ("fence", "code_block"):
            line, end_line, text = src.span(token)
            blocks.append(CodeBlock(line, end_line, text, token.info.strip(), token.content))
        elif kind == "blockquote_open":
            inner, index = _read_blocks(tokens, src, index + 1, "blockquote_close", token.level)
            blocks.append(_quote(tuple(inner), *src.span(token)))
        elif kind == "table_open":
            block, index = _table(tokens, src, index)
            blocks.append(block)
        elif kind in ("math_block", "math_block_label"):
            line, end_line, text = src.span(token)
            blocks.append(MathBlock(line, end_line, text, token.content.strip()))
        elif kind == "html_block":
            line, end_line, text = src.span(token)
            blocks.append(HtmlBlock(line, end_line, text, token.content))
        index += 1
    return blocks, index


def _list(tokens: Sequence[Token], src: _Source, start: int) -> tuple[ListBlock, int]:
    """The list opened at `start`, and the index of the token that closes it."""
    opener = tokens[start]
    closing = "ordered_list_close" if opener.type == "ordered_list_open" else "bullet_list_close"
    level = opener.level
    items: list[ListItem] = []
    index = start + 1
    while index < len(tokens):
        token = tokens[index]
        if token.type == "list_item_open":
            inner, index = _read_blocks(tokens, src, index + 1, "list_item_close", token.level)
            line, end_line, text = src.span(token)
            items.append(ListItem(line, end_line, text, tuple(inner), _task_state(token)))
        elif token.type == closing and token.level == level:
            break
        index += 1
    line, end_line, text = src.span(opener)
    ordered = opener.type == "ordered_list_open"
    first = int(opener.attrGet("start") or 1) if ordered else 1
    return ListBlock(line, end_line, text, ordered, first, tuple(items)), index


def _task_state(item: Token) -> bool | None:
    classes = str(item.attrGet("class") or "")
    if "task-list-item" not in classes:
        return None
    return bool(item.meta.get("checked")) if item.meta else None


class SectionBuilder:
    """Sections from one token list, or from several when a huge note is parsed in
    pieces (`chunks.py`): the heading path and the open section carry across pieces."""

    def __init__(self, offset: int) -> None:
        self.sections: list[Section] = []
        self.stack: list[tuple[int, str]] = []
        self.heading, self.level, self.line = "", 0, offset + 1
        self.spans: Inline = ()
        self.blocks: list[Block] = []

    def feed(self, tokens: Sequence[Token], lines: list[str], offset: int) -> None:
        """Add the blocks and headings of one parsed piece whose first line is offset+1."""
        src = _Source(lines, offset)
        index = 0
        while True:
            blocks, index = _read_blocks(tokens, src, index, "heading_open", 0)
            self.blocks += blocks
            if index >= len(tokens):
                return
            self._flush()
            self._open(tokens[index], tokens[index + 1], src)
            index += 3

    def finish(self) -> tuple[Section, ...]:
        self._flush()
        return tuple(self.sections)

    def _flush(self) -> None:
        path = tuple(title for _, title in self.stack)
        if self.heading or self.blocks:
            section = Section(
                self.heading, self.level, self.line, path, tuple(self.blocks), self.spans
            )
            self.sections.append(section)
        self.blocks = []

    def _open(self, token: Token, inline: Token, src: _Source) -> None:
        new_spans = to_spans(inline.children)
        self.heading = " ".join(plain_text(new_spans).split())
        self.spans = tuple(s for s in new_spans if s.kind != "tag") or (Span(self.heading),)
        self.level = int(token.tag[1:])
        self.line = src.span(token)[0]
        while self.stack and self.stack[-1][0] >= self.level:
            self.stack.pop()
        self.stack.append((self.level, self.heading))


def build_sections(tokens: Sequence[Token], lines: list[str], offset: int) -> tuple[Section, ...]:
    """Split the top-level blocks at each heading; every section knows its heading path."""
    builder = SectionBuilder(offset)
    builder.feed(tokens, lines, offset)
    return builder.finish()
