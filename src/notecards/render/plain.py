"""Markdown fragments and blocks → plain text, for `front`/`back` and the quiz.

No Markdown or HTML markup survives: emphasis and links become their words, lists
become lines with `•` or `1)`, code keeps its lines without fences.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from markdown_it.token import Token

from notecards.model import (
    Block,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    MathBlock,
    Paragraph,
    Quote,
    Table,
    block_spans,
    plain_text,
    walk_blocks,
)
from notecards.reader.markdown import parser
from notecards.reader.tree import build_sections

# Elements a browser (and Obsidian) would render; `Vec<T>` or `a <b> c` with an unknown
# name stays text. CommonMark leaves malformed tags (`<img src=x onerror=f('a')>`) as
# literal text, but Obsidian's renderer would still make them elements.
_HTML_ELEMENTS = (
    "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|"
    "canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|"
    "div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|"
    "head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|"
    "marquee|math|menu|meta|meter|mi|mn|mo|nav|noscript|object|ol|optgroup|option|output|"
    "p|param|picture|pre|progress|q|rp|rt|ruby|s|samp|script|section|select|small|source|"
    "span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|"
    "thead|time|title|tr|track|u|ul|var|video|wbr|circle|path|rect|g|use|foreignobject"
)
_HTML_TAG = re.compile(rf"<!--.*?-->|</?(?:{_HTML_ELEMENTS})(?:\s[^<>]*)?/?>", re.I | re.S)


def strip_html_tags(text: str, keep: Collection[str] = ()) -> str:
    """Plain text never carries HTML elements, even ones Markdown left as text; but
    code shows as written: the texts of `keep` (see `code_with_tags`) stay whole."""
    if "<" not in text:
        return text
    kept = [code for code in keep if code in text]
    if not kept:
        return _HTML_TAG.sub("", text)
    for index, code in enumerate(sorted(kept, key=len, reverse=True)):
        text = text.replace(code, f"\ue000{index}\ue001")
    text = _HTML_TAG.sub("", text)
    for index, code in enumerate(sorted(kept, key=len, reverse=True)):
        text = text.replace(f"\ue000{index}\ue001", code)
    return text


def code_with_tags(blocks: Iterable[Block]) -> frozenset[str]:
    """The note's inline code and lines of code blocks that look like HTML elements
    (`` `<b>` ``, `<div class="x">` in a fence): text a card shows as written."""
    found: set[str] = set()
    for block in walk_blocks(tuple(blocks)):
        if isinstance(block, CodeBlock):
            lines = block.code.split("\n") if "<" in block.code else ()
            found.update(line.strip() for line in lines if _HTML_TAG.search(line))
            found.update(" ".join(line.split()) for line in lines if _HTML_TAG.search(line))
        for _, span in block_spans(block, ("code",)):
            if "<" in span.text and _HTML_TAG.search(span.text):
                found.add(span.text)
    found.discard("")
    return frozenset(found)


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
    return tokens_text(parser().parse(source), source)


def tokens_text(tokens: list[Token], source: str) -> str:
    """`markdown_text` of a fragment already parsed into `tokens`."""
    sections = build_sections(tokens, source.split("\n"), 0)
    parts: list[str] = []
    for section in sections:
        if section.heading:
            parts.append(section.heading)
        parts += [block_text(block) for block in section.blocks]
    return "\n".join(p for p in parts if p).strip()
