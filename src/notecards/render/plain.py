"""Markdown fragments and blocks → plain text, for `front`/`back` and the quiz.

No Markdown or HTML markup survives: emphasis and links become their words, lists
become lines with `•` or `1)`, code keeps its lines without fences.
"""

from __future__ import annotations

from notecards.model import (
    Block,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    MathBlock,
    Paragraph,
    Quote,
    Table,
    plain_text,
)
from notecards.reader.markdown import parser
from notecards.reader.tree import build_sections


def tidy(text: str) -> str:
    """Collapse runs of spaces inside lines; keep line structure."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def block_text(block: Block, depth: int = 0) -> str:
    """One block as readable plain text."""
    if isinstance(block, Paragraph):
        return tidy(block.text)
    if isinstance(block, CodeBlock):
        return block.code.rstrip("\n")
    if isinstance(block, MathBlock):
        return f"$${block.tex}$$"
    if isinstance(block, ListBlock):
        lines = []
        for number, item in enumerate(block.items, block.start):
            marker = f"{number})" if block.ordered else "•"
            inner = [block_text(b, depth + 1) for b in item.blocks]
            text = "\n".join(t for t in inner if t)
            first, _, rest = text.partition("\n")
            lines.append("  " * depth + f"{marker} {first}" + (f"\n{rest}" if rest else ""))
        return "\n".join(lines)
    if isinstance(block, Quote):
        inner = "\n".join(block_text(b, depth) for b in block.blocks)
        return tidy("\n".join(filter(None, [block.title, inner])))
    if isinstance(block, Table):
        rows = [block.header, *block.rows] if block.header else list(block.rows)
        return "\n".join(" | ".join(tidy(plain_text(cell)) for cell in row) for row in rows)
    if isinstance(block, HtmlBlock):
        return ""
    return ""


def markdown_text(source: str) -> str:
    """A Markdown fragment (an explicit card's question or answer) as plain text."""
    tokens = parser().parse(source)
    sections = build_sections(tokens, source.split("\n"), 0)
    parts: list[str] = []
    for section in sections:
        if section.heading:
            parts.append(section.heading)
        parts += [block_text(block) for block in section.blocks]
    return "\n".join(p for p in parts if p).strip()
