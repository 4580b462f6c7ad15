"""The residue guard's regexes are written so that the engine can skip ahead (each
alternative starts with its own character); they must find exactly what the plain way
of writing them finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from notecards.text import guards

# the same patterns as a reader would first write them: a lookbehind leading the
# highlight alternative, the space before a block id matched as part of it
PLAIN_RESIDUE = re.compile(r"\*\*|__|\[\[|\]\]|(?<![\w=])==(?=\S)|\(\s+\)|«\s*»|“\s*”|\"\s*\"|``")
PLAIN_MARKERS = re.compile("[\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f]|\\s\\^[\\w-]+$")

# pieces of what the patterns turn on, and of words, so that examples hit them
PIECES = ["**", "*", "__", "_", "[[", "]]", "[", "==", "=", "(", ")", "«", "»", "“", "”", '"',
          "``", "`", "^", " ", "\n", "a", "б", "1", "-", "🎩", "⬅", "\ufe0f"]  # fmt: skip
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=10)


@given(TEXTS.map("".join))
def test_residue_finds_what_the_plain_patterns_find(text):
    assert bool(guards._RESIDUE.search(text)) == bool(PLAIN_RESIDUE.search(text))
    assert bool(guards._MARKERS.search(text)) == bool(PLAIN_MARKERS.search(text))


def test_highlight_marks_need_no_word_before_them():
    assert guards._RESIDUE.search("an ==emphasis== left")
    assert guards._RESIDUE.search("==x")
    assert not guards._RESIDUE.search("key: dGhlIHNhbXBsZQ==")
    assert not guards._RESIDUE.search("a===b")
