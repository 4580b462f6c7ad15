"""Obsidian's syntax as markdown-it-py rules, so it is parsed as syntax, never by regex
over the raw text: `[[link|alias]]`, `![[embed|600]]`, `==highlight==`, `#tag`,
`%%comment%%` (inline and block). Callouts are blockquotes and are recognised when the
token tree is read (see `tree.py`).

Each rule is a small function over markdown-it's state, in the style of markdown-it's
own rule chain; `obsidian_plugin` registers them all.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

# A link's body runs to the first `]]` on the same line and holds no `[[`. One regex
# match stops at the first newline, `[[` or `]]`, so a line of 100,000 `[[` costs linear
# time where `str.find("]]")` from every `[[` was quadratic.
_LINK_BODY = re.compile(r"((?:[^\[\]\n]|\[(?!\[)|\](?!\]))*)\]\]")
UNCLOSED_COMMENTS = "notecards.unclosed_comments"
_TAG_STOP = set(" \t\n\r,.;:!?()[]{}<>\"'`«»“”„|\\*=~^$%&+@")


def _parse_link_body(body: str) -> dict[str, str]:
    """`note#heading|alias` → target, heading, alias (escaped pipes from tables allowed)."""
    body = body.replace("\\|", "|")
    target, _, alias = body.partition("|")
    target, _, heading = target.partition("#")
    return {"target": target.strip(), "heading": heading.strip(), "alias": alias.strip()}


def wikilink_rule(state: StateInline, silent: bool) -> bool:
    """`[[...]]` and `![[...]]` on one line."""
    src, pos = state.src, state.pos
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    match = _LINK_BODY.match(src, start, state.posMax)
    if match is None or not match.group(1).strip():
        return False
    body, end = match.group(1), match.end(1)
    if not silent:
        token = state.push("embed" if embed else "wikilink", "", 0)
        token.meta = _parse_link_body(body)
        token.content = body
    state.pos = end + 2
    return True


def highlight_rule(state: StateInline, silent: bool) -> bool:
    """`==text==` → mark_open, inner inline tokens, mark_close."""
    src, pos = state.src, state.pos
    if not src.startswith("==", pos) or src.startswith("===", pos):
        return False
    start = pos + 2
    if start >= state.posMax or src[start].isspace():
        return False
    end = src.find("==", start, state.posMax)
    if end < 0 or end == start or src[end - 1].isspace():
        return False
    if silent:
        state.pos = end + 2
        return True
    old_max = state.posMax
    state.push("mark_open", "mark", 1)
    state.pos, state.posMax = start, end
    state.md.inline.tokenize(state)
    state.push("mark_close", "mark", -1)
    state.pos, state.posMax = end + 2, old_max
    return True


def tag_rule(state: StateInline, silent: bool) -> bool:
    """`#tag` and nested `#a/b`, after a space or at the start, not only digits."""
    src, pos = state.src, state.pos
    if src[pos] != "#" or (pos > 0 and not src[pos - 1].isspace()):
        return False
    end = pos + 1
    while end < state.posMax and src[end] not in _TAG_STOP:
        end += 1
    name = src[pos + 1 : end].rstrip("/")
    if not name or name.replace("/", "").replace("-", "").replace("_", "").isdigit():
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.content = name
    state.pos = pos + 1 + len(name)
    return True


def comment_inline_rule(state: StateInline, silent: bool) -> bool:
    """`%%hidden%%` inside a paragraph: dropped."""
    src, pos = state.src, state.pos
    if not src.startswith("%%", pos):
        return False
    end = src.find("%%", pos + 2, state.posMax)
    if end < 0:
        return False
    state.pos = end + 2
    return True


def comment_block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A block starting with `%%` runs to the line that closes it (or to the end, as in
    Obsidian); it produces no tokens."""
    first = state.bMarks[start_line] + state.tShift[start_line]
    line_end = state.eMarks[start_line]
    text = state.src[first:line_end]
    if not text.startswith("%%"):
        return False
    if silent:
        return True
    if text.find("%%", 2) >= 0:  # opened and closed on one line
        state.line = start_line + 1
        return True
    line = start_line + 1
    while line < end_line:
        begin = state.bMarks[line] + state.tShift[line]
        if "%%" in state.src[begin : state.eMarks[line]]:
            state.line = line + 1
            return True
        line += 1
    state.line = line
    if end_line >= state.lineMax:  # it hides the rest of the note: worth a warning
        state.env.setdefault(UNCLOSED_COMMENTS, []).append(start_line)
    return True


def take_unclosed_comments(env: dict) -> list[int]:
    """0-based lines of `%%` comments that never close, since the last call."""
    return env.pop(UNCLOSED_COMMENTS, [])


def obsidian_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.inline.ruler.before("emphasis", "highlight", highlight_rule)
    md.inline.ruler.before("emphasis", "obsidian_comment", comment_inline_rule)
    md.inline.ruler.push("tag", tag_rule)
    md.block.ruler.before(
        "paragraph",
        "obsidian_comment",
        comment_block_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
