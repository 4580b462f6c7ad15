"""The reader's own guarantees: limits that keep parsing bounded, pieces that parse like
the whole, files that are refused before they are opened, titles on one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SAMPLE_VAULT
from hostile_helpers import messages, read_text
from notecards.model import Paragraph, walk_blocks
from notecards.reader import MAX_NOTE_BYTES, limits, read_note, read_regular_file
from notecards.reader import chunks as chunks_module
from notecards.reader.chunks import split_chunks
from notecards.reader.limits import PARAGRAPH_MARKERS
from notecards.vault.media import Vault


def _paragraphs(note) -> list[Paragraph]:
    return [b for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)]


def test_a_paragraph_over_the_marker_limit_is_plain_text_at_its_line():
    dense = "*a" * (PARAGRAPH_MARKERS + 10)
    note, problems = read_text(f"# T\n\nFirst::kept *em*\n\n{dense}\n\nlast *em*\n")
    assert messages(problems) == [
        "note.md:5: 1 paragraph with over 50,000 markup characters read as plain text"
    ]
    first, degraded, last = _paragraphs(note)
    assert degraded.text == dense and degraded.line == 5
    assert [s.kind for s in first.spans] == ["text", "em"]
    assert [s.kind for s in last.spans] == ["text", "em"]


@pytest.mark.slow
def test_the_note_budget_turns_later_paragraphs_into_text_once_reported(monkeypatch):
    monkeypatch.setattr(limits, "NOTE_MARKERS", 50_000)
    paragraph = "*a* " * 2_500  # 5,000 markers each
    note, problems = read_text("\n\n".join([paragraph] * 13))
    assert messages(problems) == [
        "note.md:21: note has over 50,000 markup characters: "
        "3 paragraphs read as plain text from here on"
    ]
    kinds = [{s.kind for s in p.spans} for p in _paragraphs(note)]
    assert kinds[0] == {"em", "text"} and kinds[-1] == {"text"}


@pytest.mark.slow
def test_link_attempts_are_capped_per_paragraph():
    note, _ = read_text("[" * 5000 + "]" + " [real](https://x.example)")
    assert note is not None


def _sections_summary(note):
    """Sections and blocks with their lines; a block's trailing blank lines are left out
    (markdown-it counts them into a list mid-document but not at the end of its input)."""
    return [
        (
            s.heading,
            s.line,
            s.path,
            [(type(b).__name__, b.line, b.source.rstrip()) for b in s.blocks],
        )
        for s in note.sections
    ]


def test_a_huge_note_parsed_in_pieces_reads_exactly_like_the_whole(monkeypatch):
    notes = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_VAULT.rglob("*.md"))]
    tricky = (
        "```\n# not a heading\n\nAlpha\n```\n\n<div>\n# html\n\nBeta\n\n%%\n# hidden\n\nGamma\n%%\n"
    )
    text = "---\ntitle: Big\n---\n" + "\n\n".join(notes + [tricky] * 3) * 4
    whole, _ = read_text(text)
    monkeypatch.setattr(chunks_module, "CHUNK_CHARS", 300)
    assert len(split_chunks(text.split("---\n", 2)[2])) > 20
    pieces, _ = read_text(text)
    assert _sections_summary(pieces) == _sections_summary(whole)
    assert pieces.tags == whole.tags and pieces.title == "Big"


def test_chunks_never_cut_inside_fences_comments_math_or_html():
    body = "\n".join(
        [
            "x" * 50,
            "```",
            "# in fence",
            "",
            "Text in fence",
            "```",
            "%%",
            "# in comment",
            "%%",
            "$$",
            "# in math",
            "$$",
            "<pre>",
            "",
            "Pre text",
            "</pre>",
            "# outside",
        ]
    )
    starts = [start for start, _ in split_chunks(body, size=10)]
    lines = body.split("\n")
    assert [lines[s] for s in starts[1:]] == ["# outside"]


def test_titles_from_file_names_and_front_matter_are_one_clean_line():
    note, _ = read_text('---\ntitle: "a\\nb\\u202ec"\n---\n', "x.md")
    assert note.title == "a b c"
    note, _ = read_text("text", "dir/bad\x1bname\u202e.md")
    assert note.title == "bad name"


def test_fifo_and_device_notes_are_refused_without_opening(tmp_path: Path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    vault = Vault(tmp_path)
    for path in (fifo, tmp_path / "zero.md"):
        note, problems = read_note(path, vault)  # a blocking open of the FIFO would hang
        assert note is None
        assert [p.message for p in problems] == [
            "not a regular file (a device, FIFO or socket): skipped"
        ]


def test_a_file_over_the_size_cap_is_refused_without_reading(tmp_path: Path):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(MAX_NOTE_BYTES + 1)  # sparse: costs no disk
    note, problems = read_note(big, Vault(tmp_path))
    assert note is None
    assert messages(problems) == ["big.md:1: file of 64 MiB is too large (limit 64 MiB): skipped"]


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_larger_than_its_stat_size_is_read_to_the_end():
    """The read asks for the size `stat` gave plus one byte; a file that has more (one
    that grew since, or a /proc file whose size reads 0) is read on to its end."""
    status = Path("/proc/self/status")
    assert os.stat(status).st_size == 0
    data, _ = read_regular_file(status, MAX_NOTE_BYTES)
    assert data.startswith(b"Name:") and b"\nPid:" in data


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path):
    missing = tmp_path / "gone.md"
    note, problems = read_note(missing, Vault(tmp_path))
    assert note is None and problems[0].message.startswith("cannot read file:")


@pytest.mark.parametrize("text", ["", "\n", "---\n---\n", "#", "> ", "- ", "```", "%%", "$$"])
def test_degenerate_notes_read(text: str):
    note, problems = read_text(text)
    assert note is not None and all(p.severity == "warning" for p in problems)
