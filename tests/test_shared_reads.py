"""Work several extractors share is done once per note and gives what it gave before:
a list's labelled items (`NoteText.of_block`), a header's mention in the prose."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from notecards.extractors import http_messages, list_shapes
from notecards.model import ListBlock
from notecards.reader import parse_note
from notecards.text.note_text import NoteText
from notecards.vault.media import Vault

LABELLED = (
    "# Locks\n\nThe kinds of locks:\n\n"
    "- **Mutex**: lets one thread at a time into a critical section.\n"
    "- **Semaphore**: lets a fixed number of threads in at once.\n"
    "- **Spinlock**: waits in a loop until the lock is free again.\n"
)


def test_a_lists_labelled_items_are_read_once_per_note(monkeypatch, tmp_path):
    calls: list[int] = []
    read = list_shapes._labelled_items

    def counting(block, text):
        calls.append(block.line)
        return read(block, text)

    monkeypatch.setattr(list_shapes, "_labelled_items", counting)
    path = tmp_path / "n.md"
    path.write_text(LABELLED, encoding="utf-8")
    note, _ = parse_note(path.read_bytes(), "n.md", path, Vault(tmp_path))
    assert note is not None
    (block,) = [b for b in note.sections[0].blocks if isinstance(b, ListBlock)]
    text = NoteText()
    first = list_shapes.labelled_items(block, text)
    assert [m.label for m in first] == ["Mutex", "Semaphore", "Spinlock"]
    assert list_shapes.labelled_items(block, text) is first
    assert calls == [block.line]
    list_shapes.labelled_items(block, NoteText())  # another note's reading: read again
    assert calls == [block.line, block.line]


def _named(name: str, prose: str) -> bool:
    """The rule `_mentions` implements: the header's words in order, joined by nothing,
    a hyphen or a space, with no word character or hyphen on either side."""
    words = [re.escape(part) for part in name.lower().split("-") if part]
    pattern = r"(?<![\w-])" + r"[-\s]?".join(words) + r"(?![\w-])"
    return bool(words) and re.search(pattern, prose) is not None


class _Prose:
    def __init__(self, prose: str) -> None:
        self.prose = prose


NAMES = ["Cache-Control", "ETag", "X-Frame-Options", "Content-Type", "a", "a-b", "-x-"]
PROSE = st.lists(
    st.sampled_from(["cache", "control", "-", " ", "\n", "x", "frame", "etag", "a", "b", "é", "_"]),
    max_size=14,
).map("".join)


@given(st.sampled_from(NAMES), PROSE)
def test_a_header_is_mentioned_where_its_words_stand_alone(name, prose):
    assert http_messages._mentions(_Prose(prose), name) == _named(name, prose)


def test_mentions_examples():
    assert http_messages._mentions(_Prose("set cache control on replies"), "Cache-Control")
    assert not http_messages._mentions(_Prose("no-cache-control here"), "Cache-Control")
    assert not http_messages._mentions(_Prose("xetag"), "ETag")
