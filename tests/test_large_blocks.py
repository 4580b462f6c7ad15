"""Issue 13, finding 5: a note that is one large block (a table of millions of rows,
hundreds of thousands of list items, a long callout) is read in bounded memory.

Before, such a block had no place to cut the note at, and markdown-it's tokens for it
cost 200-370 bytes per byte (a 20 MB table: 7.4 GB). Now a block is parsed in pieces
and read up to `MAX_BLOCK_CHARS`; the rest of it is left out, and both are reported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HANG_GUARD_SECONDS
from hostile_helpers import read_text
from notecards.reader import chunks

SIZE = 8 * 1024 * 1024
PEAK_MB = 250  # generous: the base process is about 40 MB; before, 330 MB to 4 GB

SHAPES = {
    "table": ("| key | value |\n|---|---|\n", lambda i: f"| k{i} | v |\n"),
    "list": ("Steps:\n\n", lambda i: f"- item number {i} with a few words\n"),
    "callout": ("> [!note] Title\n", lambda i: f"> a line of callout text number {i}\n"),
}
AFTER = "\n# After\n\nCapital of France::Paris\n"


def _note(shape: str, size: int) -> str:
    head, line = SHAPES[shape]
    parts, length, number = [f"# {shape}\n\n", head], len(head), 0
    while length < size:
        parts.append(line(number))
        length += len(parts[-1])
        number += 1
    return "".join(parts) + AFTER


_DRIVER = """
import json, resource, subprocess, sys
result = subprocess.run([sys.executable, "-m", "notecards", *sys.argv[1:]],
                        capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"peak": peak, "status": result.returncode, "stderr": result.stderr,
                  "cards": json.loads(result.stdout or "[]")}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_note_that_is_one_large_block_is_read_in_bounded_memory(tmp_path: Path, shape: str):
    note = tmp_path / f"{shape}.md"
    note.write_text(_note(shape, SIZE))
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER, "cards", "--json", "--no-cache", str(note)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS * 4,
    )
    found = json.loads(run.stdout)
    assert found["status"] == 0, found["stderr"]
    assert found["peak"] < PEAK_MB, found["peak"]
    assert any(card["back"] == "Paris" for card in found["cards"])  # after the block
    assert "table, list or quote over 256 KiB: read in" in found["stderr"]
    assert "table, list or quote over 1 MiB: lines" in found["stderr"]


def test_a_block_is_cut_only_between_its_rows_items_or_quote_lines():
    body = "| a | b |\n|---|---|\n" + "".join(f"| {i} | x |\n" for i in range(100)) + AFTER
    cuts: list[int] = []
    left_out: list[tuple[int, int]] = []
    pieces = chunks.split_chunks(body, size=10, cuts=cuts, left_out=left_out)
    assert cuts == [] and left_out == []  # small blocks are never cut, whatever the size
    lines = body.split("\n")
    assert [lines[start] for start, _ in pieces[1:]] == ["# After"]


def test_cut_and_left_out_lines_are_reported_and_the_note_goes_on(monkeypatch):
    monkeypatch.setattr(chunks, "BLOCK_PIECE_CHARS", 1024)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(chunks, "MAX_BLOCK_CHARS", 5 * 1024)
    text = _note("list", 20_000)
    note, problems = read_text(text)
    lines = text.split("\n")
    after = lines.index("# After") + 1
    first_item = next(i for i, line in enumerate(lines, 1) if "item number" in line)
    (cut,) = [p for p in problems if "pieces" in p.message]
    (gone,) = [p for p in problems if "left out" in p.message]
    assert len(problems) == 2
    assert first_item < cut.line < gone.line < after
    assert "list or quote over 1 KiB: read in 3 pieces from here" in cut.message
    assert gone.message.endswith(f"over 5 KiB: lines {gone.line}-{after - 1} left out")
    assert note.sections[-1].heading == "After"
