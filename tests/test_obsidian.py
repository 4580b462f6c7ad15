"""Obsidian syntax under stress: unclosed comments and runs of brackets."""

from __future__ import annotations

import time

import pytest

from conftest import HANG_GUARD_SECONDS
from hostile_helpers import messages, read_corpus, read_text
from notecards.model import Paragraph, walk_blocks


def _texts(note) -> list[str]:
    return [
        b.text for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)
    ]


def test_unclosed_comment_hides_the_rest_and_says_so():
    note, problems = read_corpus("comment_unclosed.md")
    assert messages(problems) == [
        "comment_unclosed.md:5: %% comment is never closed: the rest of the note is hidden"
    ]
    assert _texts(note) == ["Seen::This card is kept."]


def test_closed_comments_are_silent():
    note, problems = read_text("a %%inline%% b\n\n%%\nblock\n%%\n\nafter\n")
    assert problems == [] and _texts(note) == ["a  b", "after"]


def test_wikilinks_still_parse():
    note, _ = read_text("See [[a]] and ![[b.png|300]] and [[c#h|alias]] [[x]]]")
    kinds = [(s.kind, s.target) for s in note.sections[0].blocks[0].spans if s.kind != "text"]
    assert kinds == [
        ("wikilink", "a"),
        ("embed", "b.png"),
        ("wikilink", "c#h|alias"),
        ("wikilink", "x"),
    ]


@pytest.mark.slow
def test_runs_of_brackets_are_linear():
    """`str.find` from each `[[` was quadratic: 100,000 `[[` took 7 s."""
    for text in ("[[" * 25_000, "![[" * 25_000, "[[a" * 25_000, "[[a]" * 20_000):
        start = time.perf_counter()
        note, _ = read_text(text)
        assert note is not None
        assert time.perf_counter() - start < HANG_GUARD_SECONDS, text[:10]
