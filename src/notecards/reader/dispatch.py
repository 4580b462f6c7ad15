"""Try only the markdown-it rules that can match at the character where the parser stands.

markdown-it runs its rules in order until one matches: every block rule on every line,
every inline rule at every character that may start markup. Most rules give up on their
first character (a heading needs `#`, a fence a backtick or `~`), so most of those calls
are wasted: on ordinary notes they were about a fifth of the parse. Here each chain of
rules becomes one dispatching rule that looks the character up in a table and calls, in
their original order, only the rules that can start with it. The text rule also stops at
fewer characters: only at those that start one of the enabled rules (plus `]`, which ends
a link label), not at `:`, `-` or `+`, which no rule of ours needs.

Text in which no rule can start at all skips the inline machinery altogether, and a
core rule that does its work only where a marker is (task lists: `[ ]`; the newline
normalization: `\r` or NUL) is skipped for a source without that marker.

The tokens are exactly the same (`tests/test_dispatch.py` checks any text both ways). A
rule this table does not know, from some future plugin, is tried at every character, as
markdown-it would. Install it last, once every rule is registered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# The characters a rule can start with; a rule not listed can start anywhere.
BLOCK_STARTS: dict[str, str] = {
    "math_block": "$",
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
    "obsidian_comment": "%",
}
INLINE_STARTS: dict[str, str] = {
    "newline": "\n",
    "math_inline": "$",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "highlight": "=",
    "obsidian_comment": "%",
    "emphasis": "*_",
    "wikilink": "[!",
    "link": "[",
    "image": "!",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "tag": "#",
}
_LABEL_END = "]"  # parseLinkLabel looks for it between tokens: text must stop there

BlockRule = Callable[[StateBlock, int, int, bool], bool]
InlineRule = Callable[[StateInline, bool], bool]
Named = Sequence[tuple[str, Any]]


class _Table:
    """The rules of one chain by starting character, in chain order."""

    def __init__(self, rules: Named, starts: dict[str, str]) -> None:
        chars = {ch for name, _ in rules for ch in starts.get(name, "")}
        self.anywhere = tuple(fn for name, fn in rules if name not in starts)
        self.by_char = {
            ch: tuple(fn for name, fn in rules if name not in starts or ch in starts[name])
            for ch in chars
        }
        self.everything = tuple(fn for _, fn in rules)


def _named(ruler: Any, chain: str) -> list[tuple[str, Any]]:
    """The enabled rules of one chain as (name, function), in order."""
    names = {id(rule.fn): rule.name for rule in ruler.__rules__}
    return [(names[id(fn)], fn) for fn in ruler.getRules(chain)]


def install_dispatch(md: MarkdownIt) -> None:
    """Replace the parser's block and inline chains by dispatching rules, and skip the
    core rules that cannot change a source without their marker."""
    _dispatch_inline(md)
    _dispatch_block(md)
    _guard_core(md)


# Core rules that change nothing in a source without a match of their pattern: the
# task-list rule visits every token of the note, but only an item starting `[ ]`,
# `[x]` or `[X]` is a task; `normalize` rewrites every line ending (one regex
# replacement per line) only to turn `\r\n` and `\r` into `\n` and NUL into U+FFFD,
# and the reader has decoded line endings to `\n` already.
CORE_NEEDS = {
    "normalize": re.compile("[\r\0]"),
    "github-tasklists": re.compile(r"\[[ xX]\]"),
}


def _guard_core(md: MarkdownIt) -> None:
    ruler = md.core.ruler
    for name, fn in _named(ruler, ""):
        needs = CORE_NEEDS.get(name)
        if needs is not None:
            ruler.at(name, _guarded(fn, needs))


def _guarded(rule: Callable[[StateCore], None], needs: re.Pattern[str]) -> Callable:
    def guarded(state: StateCore) -> None:
        if needs.search(state.src) is not None:
            rule(state)

    return guarded


def _dispatch_inline(md: MarkdownIt) -> None:
    ruler = md.inline.ruler
    rules = [(name, fn) for name, fn in _named(ruler, "") if name != "text"]
    table = _Table(rules, INLINE_STARTS)
    by_char, anywhere = table.by_char, table.anywhere

    def dispatch(state: StateInline, silent: bool) -> bool:
        for rule in by_char.get(state.src[state.pos], anywhere):  # noqa: SIM110 (hot)
            if rule(state, silent):
                return True
        return False

    ruler.disable([name for name, _ in rules])
    ruler.push("notecards_dispatch", dispatch)
    if all(name in INLINE_STARTS for name, _ in rules) and hasattr(md.inline, "terminator_re"):
        stops = _LABEL_END + "".join(INLINE_STARTS[name] for name, _ in rules)
        md.inline.terminator_re = re.compile(f"[{re.escape(''.join(sorted(set(stops))))}]")
        _plain_text_shortcut(md)


def _plain_text_shortcut(md: MarkdownIt) -> None:
    """Text where no rule can start is one text token: make it without the inline
    machinery (its state, its rule loop, four post-processing passes). About half the
    paragraphs, list items and cells of real notes are such text."""
    parse_inline = md.inline.parse
    stops = md.inline.terminator_re

    def parse(src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        if stops.search(src) is not None:
            return parse_inline(src, md, env, tokens)
        if src:
            token = Token("text", "", 0)
            token.content = src
            tokens.append(token)
        return tokens

    md.inline.parse = parse  # type: ignore[method-assign]


def _dispatch_block(md: MarkdownIt) -> None:
    """One dispatcher for the main chain and one for each chain of rules that may end a
    paragraph, quote or list (markdown-it calls those on the lines that follow).

    The indented-code rule stays enabled and outside the table (markdown-it reads whether
    it is enabled), right after the main dispatcher, which leaves indented lines to it."""
    ruler = md.block.ruler
    chains = sorted({alt for rule in ruler.__rules__ if rule.enabled for alt in rule.alt})
    main = _block_dispatcher(_Table(_without_code(ruler, ""), BLOCK_STARTS), main=True)
    others = {
        chain: _block_dispatcher(_Table(_without_code(ruler, chain), BLOCK_STARTS))
        for chain in chains
    }
    ruler.disable([name for name, _ in _without_code(ruler, "")])
    ruler.before("code", "notecards_dispatch", main)
    for chain, dispatcher in others.items():
        ruler.push(f"notecards_dispatch_{chain}", dispatcher, {"alt": [chain]})


def _without_code(ruler: Any, chain: str) -> list[tuple[str, Any]]:
    return [(name, fn) for name, fn in _named(ruler, chain) if name != "code"]


def _block_dispatcher(table: _Table, main: bool = False) -> BlockRule:
    by_char, anywhere, everything = table.by_char, table.anywhere, table.everything

    def dispatch(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        # `is_code_block`, inlined: the code rule is never disabled here
        if main and state.sCount[start] - state.blkIndent >= 4:
            return False  # the code rule, next in the chain, takes it
        pos = state.bMarks[start] + state.tShift[start]
        src = state.src
        rules = by_char.get(src[pos], anywhere) if pos < len(src) else everything
        for rule in rules:  # noqa: SIM110 (hot: no generator)
            if rule(state, start, end, silent):
                return True
        return False

    return dispatch
