"""The dispatching rule chains give markdown-it's own tokens, for any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from conftest import REPO
from notecards.reader.dispatch import install_dispatch
from notecards.reader.markdown import build_parser, parser
from notecards.reader.metadata import split_front_matter
from strategies import FRAGMENTS, markdown

PLAIN = build_parser(dispatch=False)

# Line starts that open blocks, so generated text exercises every block rule.
LINE_STARTS = [
    "    ", "\t", "   ", "# ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "***", "---", "___",
    "```", "~~~", "$$", "%%", "<div>", "<!--", "[x]: /url", "| a |", "===",
]  # fmt: skip
lines = st.lists(
    st.tuples(st.sampled_from(LINE_STARTS) | st.just(""), markdown).map("".join), max_size=12
).map("\n".join)


def dump(tokens: list[Token]) -> list[tuple]:
    """Everything a token holds, children included."""
    return [
        (t.type, t.tag, t.nesting, t.map, t.content, t.markup, t.info, t.meta, t.level,
         t.hidden, t.block, sorted(t.attrs.items()), dump(t.children or []))
        for t in tokens
    ]  # fmt: skip


def same_tokens(text: str) -> None:
    """Same tokens, and the same notes left in `env` (the work limits' reports)."""
    env: dict = {}
    plain_env: dict = {}
    assert dump(parser().parse(text, env)) == dump(PLAIN.parse(text, plain_env))
    assert env == plain_env


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(markdown, lines))
def test_any_text_gives_markdown_its_own_tokens(text: str) -> None:
    same_tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "para\n\n    indented code\n",
        "para\n    lazy continuation\n",
        "- item\n\n      code in item\n",
        "text\n---\n",
        "a | b\n--|--\n1 | 2\n",
        "> quote\n> - list\n>   - nested\n",
        "1. one\n2. two\n10) ten\n",
        "%% hidden\nstill %%\nafter\n",
        "$$\nx^2\n$$\n",
        "[ref]: /u\n\n[ref] and [[Note|alias]] ![[img.png|300]] ==mark== #tag a::b 1+1-2:3",
        "[a [b] c](/u) ![x](y) <http://x.y> <b>raw</b> &amp; \\* `co:de` ~~s~~ $m$ %%c%%",
        "- [ ] todo\n- [x] done\n- [X] done too\n  1. [ ]\tnested\n> - [ ] quoted\n",
        "- [y] no task\n- [] none\n- [ ]no space\ntext [ ] mid-line\n",
        "line\r\nwin\rold mac\n\n# head\r\n- item\r\n\r\n```\r\ncode\r\n```\r\n",
        "a NUL\0 in text\n\n```\ncode\0\n```\n",
    ],
)
def test_edge_cases(text: str) -> None:
    same_tokens(text)


@pytest.mark.slow
def test_every_note_of_the_repository() -> None:
    notes = [*(REPO / "notes").rglob("*.md"), *(REPO / "tests").rglob("*.md")]
    for path in notes:
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 100_000:
            same_tokens(split_front_matter(path.read_text("utf-8", errors="replace")).body)


def test_a_rule_the_tables_do_not_know_is_tried_everywhere() -> None:
    """A plugin's rule starting with `@` still fires after the dispatch is installed."""

    def mention(state, silent: bool) -> bool:  # type: ignore[no-untyped-def]
        if state.src[state.pos] != "@":
            return False
        if not silent:
            state.push("mention", "", 0)
        state.pos += 1
        return True

    md = build_parser(dispatch=False)
    md.inline.ruler.push("mention", mention)
    install_dispatch(md)
    children = md.parseInline("hi @you")[0].children or []
    assert [t.type for t in children] == ["text", "mention", "text"]


def test_the_shared_parser_dispatches() -> None:
    names = [rule.name for rule in parser().inline.ruler.__rules__ if rule.enabled]
    assert names == ["text", "notecards_dispatch"]


def test_fragments_cover_the_rule_tables() -> None:
    """The generated text reaches every starting character the tables know."""
    from notecards.reader.dispatch import BLOCK_STARTS, INLINE_STARTS

    pool = "".join(FRAGMENTS) + "".join(LINE_STARTS)
    starts = set("".join(BLOCK_STARTS.values()) + "".join(INLINE_STARTS.values()))
    assert starts - set(pool) <= set("0123456789")  # digits come from st.text


def test_the_task_list_rule_is_skipped_only_where_no_item_can_be_a_task() -> None:
    """The guard's pattern is in every source where the rule finds a task."""
    tokens = parser().parse("- [x] done\n")
    assert 'checked="checked"' in tokens[3].children[0].content
    assert dump(parser().parse("- plain\n")) == dump(PLAIN.parse("- plain\n"))
