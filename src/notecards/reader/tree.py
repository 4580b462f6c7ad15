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
        start, end = token.map or (0, 1)
        text = "\n".join(self.lines[start:end])
        return start + self.offset + 1, max(end, start + 1) + self.offset, text


def _close_index(tokens: Sequence[Token], open_index: int) -> int:
    """Index of the token closing the one opened at open_index (same nesting level)."""
    level = tokens[open_index].level
    closing = tokens[open_index].type.replace("_open", "_close")
    for index in range(open_index + 1, len(tokens)):
        token = tokens[index]
        if token.type == closing and token.level == level:
            return index
    return len(tokens) - 1


def _table(tokens: Sequence[Token], src: _Source, start: int, end: int) -> Table:
    header: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []
    row: list[Inline] = []
    in_head = False
    for token in tokens[start:end]:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(to_spans(token.children))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
    line, end_line, text = src.span(tokens[start])
    return Table(line, end_line, text, tuple(header), tuple(rows))


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


def _read_blocks(tokens: Sequence[Token], src: _Source, start: int, end: int) -> list[Block]:
    blocks: list[Block] = []
    index = start
    while index < end:
        token = tokens[index]
        kind = token.type
        if kind == "paragraph_open":
            line, end_line, text = src.span(token)
            blocks.append(Paragraph(line, end_line, text, to_spans(tokens[index + 1].children)))
            index += 3
            continue
        if kind in ("fence", "code_block"):
            line, end_line, text = src.span(token)
            blocks.append(CodeBlock(line, end_line, text, token.info.strip(), token.content))
        elif kind in ("math_block", "math_block_label"):
            line, end_line, text = src.span(token)
            blocks.append(MathBlock(line, end_line, text, token.content.strip()))
        elif kind == "html_block":
            line, end_line, text = src.span(token)
            blocks.append(HtmlBlock(line, end_line, text, token.content))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = _close_index(tokens, index)
            blocks.append(_list(tokens, src, index, close))
            index = close
        elif kind == "blockquote_open":
            close = _close_index(tokens, index)
            line, end_line, text = src.span(token)
            inner = tuple(_read_blocks(tokens, src, index + 1, close))
            blocks.append(_quote(inner, line, end_line, text))
            index = close
        elif kind == "table_open":
            close = _close_index(tokens, index)
            blocks.append(_table(tokens, src, index, close))
            index = close
        index += 1
    return blocks


def _list(tokens: Sequence[Token], src: _Source, start: int, close: int) -> ListBlock:
    opener = tokens[start]
    items: list[ListItem] = []
    index = start + 1
    while index < close:
        if tokens[index].type == "list_item_open":
            item_close = _close_index(tokens, index)
            line, end_line, text = src.span(tokens[index])
            inner = tuple(_read_blocks(tokens, src, index + 1, item_close))
            checked = _task_state(tokens[index])
            items.append(ListItem(line, end_line, text, inner, checked))
            index = item_close
        index += 1
    line, end_line, text = src.span(opener)
    ordered = opener.type == "ordered_list_open"
    first = int(opener.attrGet("start") or 1) if ordered else 1
    return ListBlock(line, end_line, text, ordered, first, tuple(items))


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
        body_start = index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open" and token.level == 0:
                self.blocks += _read_blocks(tokens, src, body_start, index)
                self._flush()
                self._open(token, tokens[index + 1], src)
                index += 3
                body_start = index
                continue
            index += 1
        self.blocks += _read_blocks(tokens, src, body_start, len(tokens))

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
