"""Work limits for the Markdown parser, so a hostile note costs bounded time.

markdown-it-py is linear on ordinary prose, but its inline rules cost far more per
character on runs of markup: a line of 100,000 `[` re-scans link labels up to
`maxNesting` deep, and 1 MB of `*a` makes 500,000 emphasis delimiters. Measured on one
core: 1 MB of `![` took 37 s, 1 MB of `*a` 9 s. Three budgets keep that bounded:

- a paragraph may try to open at most `LINK_ATTEMPTS` links or images; past that its
  `[` are plain text (no real paragraph holds thousands of links);
- a paragraph with more than `PARAGRAPH_MARKERS` markup characters, or any paragraph
  once the note has spent `NOTE_MARKERS`, is read as plain text and reported with its
  line (see `take_degraded`).

Block nesting has a limit of its own. Past markdown-it's `maxNesting` a list item
drops its content *and everything after it to the end of the note* (its inner parse
runs to the end of the document); so a quote or list is not opened at depth
`NESTING_LIMIT` or deeper: the line is read as paragraph text instead, and reported.

The budgets are counts, not clocks, so the same note always gives the same cards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

LINK_ATTEMPTS = 500
NESTING_LIMIT = 32  # token levels: 32 quotes, or 16 lists (a list and its item are two)
PARAGRAPH_MARKERS = 50_000
NOTE_MARKERS = 500_000

# Characters that start an inline rule (emphasis, links, code, math, tags, comments...).
_MARKERS = "*_[]!`$=~%#<\\&"
_DELETE_MARKERS = str.maketrans("", "", _MARKERS)
_MARKER = re.compile("[" + re.escape(_MARKERS) + "]")
_SHORT_TEXT = 4096  # below this, one regex match per marker beats copying the text

_SPENT = "notecards.markers_spent"
_DEGRADED = "notecards.degraded"
_TOO_DEEP = "notecards.too_deep"

InlineRule = Callable[[StateInline, bool], bool]
BlockRule = Callable[[StateBlock, int, int, bool], bool]


def count_markers(text: str) -> int:
    """How many characters of `text` may start inline markup (C speed, no loop).

    A paragraph's text is short and mostly words, so finding the few markers is
    cheapest; a huge one is counted by deleting them, which needs no list of matches."""
    if len(text) <= _SHORT_TEXT:
        return len(_MARKER.findall(text))
    return len(text) - len(text.translate(_DELETE_MARKERS))


def take_degraded(env: dict[str, Any]) -> list[tuple[int, int]]:
    """(0-based line in the parsed source, markers) of the paragraphs read as plain text
    since the last call (a huge note is parsed in pieces sharing one env)."""
    return env.pop(_DEGRADED, [])


def budgeted_inline(state: StateCore) -> None:
    """markdown-it's core `inline` rule, with the per-paragraph and per-note budgets."""
    md, env = state.md, state.env
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        markers = count_markers(token.content)
        spent = env.get(_SPENT, 0) + markers
        if markers > PARAGRAPH_MARKERS or spent > NOTE_MARKERS:
            _as_text(token, env, markers)
            continue
        env[_SPENT] = spent
        md.inline.parse(token.content, md, env, token.children)


def _as_text(token: Token, env: dict[str, Any], markers: int) -> None:
    child = Token("text", "", 0)
    child.content = token.content
    token.children = [child]
    line = token.map[0] if token.map else 0
    env.setdefault(_DEGRADED, []).append((line, markers))


def limit_links(rule: InlineRule) -> InlineRule:
    """Wrap markdown-it's `link`/`image` rule with the per-paragraph attempt budget."""

    def limited(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        if src[pos] != "[" and not src.startswith("![", pos):
            return False
        attempts = getattr(state, "_notecards_links", 0)
        if attempts >= LINK_ATTEMPTS:
            return False
        state._notecards_links = attempts + 1  # type: ignore[attr-defined]
        return rule(state, silent)

    return limited


def limit_nesting(rule: BlockRule) -> BlockRule:
    """Wrap the `list`/`blockquote` block rule: no new container at NESTING_LIMIT."""

    def limited(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.level >= NESTING_LIMIT:
            if rule(state, start, end, True):  # a container would open here: say so
                state.env.setdefault(_TOO_DEEP, []).append(start)
            return False
        return rule(state, start, end, silent)

    return limited


def take_too_deep(env: dict[str, Any]) -> list[int]:
    """0-based lines where a quote or list was not opened for depth, since the last call."""
    lines = env.pop(_TOO_DEEP, [])
    return sorted(set(lines))[:1]


def install_limits(md: MarkdownIt) -> None:
    """Put the budgets into a parser (called once, when the parser is built)."""
    md.core.ruler.at("inline", budgeted_inline)
    for name in ("link", "image"):
        _wrap(md.inline.ruler, name, limit_links)
    for name in ("list", "blockquote"):
        _wrap(md.block.ruler, name, limit_nesting)


def _wrap(ruler: Any, name: str, wrapper: Callable[[Any], Any]) -> None:
    """Replace a rule by a wrapped one, keeping the rules it may interrupt (`alt`)."""
    for rule in ruler.__rules__:
        if rule.name == name:
            ruler.at(name, wrapper(rule.fn), {"alt": list(rule.alt)})
            return
    raise LookupError(name)
