"""Huge and deeply nested notes finish in bounded time and memory, with their cards.

The inputs are generated here, not committed. Speed is measured with the benchmark
under bench/; the clocks here are one generous hang guard, so the tests catch quadratic
blow-ups, not slow machines, and each also checks what came out.
Measured on one core: the 20 MB note in about 3 s through `notecards cards`, each
pathological 100,000-character run below in under 0.1 s.
"""

from __future__ import annotations

import base64
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import HANG_GUARD_SECONDS
from hostile_helpers import cards_json, messages, read_text
from notecards.model import Paragraph, walk_blocks


def huge_note(target_bytes: int) -> str:
    """Sections each holding a card, an 80 KB base64 image line and a pasted log:
    what makes real notes reach tens of megabytes."""
    rng = random.Random(7)
    image = base64.b64encode(rng.randbytes(60_000)).decode()
    log = "2024-01-01 12:00:00 INFO served /api/v1/items?id=42 in 12 ms *x* <b>\n" * 400
    parts, size, index = [], 0, 0
    while size < target_bytes:
        part = (
            f"## Section {index}\n\nTerm{index}::Definition number {index}.\n\n"
            f"![pasted](data:image/png;base64,{image})\n\n```log\n{log}```\n\n"
        )
        parts.append(part)
        size += len(part)
        index += 1
    return "".join(parts)


def _timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


@pytest.mark.slow
def test_a_20_mb_note_gives_all_its_cards_in_seconds(tmp_path: Path):
    text = huge_note(20_000_000)
    sections = text.count("## Section ")
    (tmp_path / "huge.md").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    cards, stderr, status = cards_json("huge.md", cwd=tmp_path)
    elapsed = time.perf_counter() - start
    assert status == 0, stderr
    assert [c["front"] for c in cards] == [f"Term{i}" for i in range(sections)]
    assert cards[-1]["line"] == text.count("\n", 0, text.rindex("Term")) + 1
    assert elapsed < HANG_GUARD_SECONDS, f"20 MB took {elapsed:.1f} s"


MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from notecards.reader import parse_note
from notecards.vault.media import Vault
data = Path(sys.argv[1]).read_bytes()
note, problems = parse_note(data, "huge.md", Path(sys.argv[1]), Vault(Path(sys.argv[1]).parent))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
def test_a_20_mb_note_is_read_in_bounded_memory(tmp_path: Path):
    """markdown-it keeps ~120 bytes per byte of dense Markdown; pieces keep that bounded."""
    path = tmp_path / "huge.md"
    path.write_text(huge_note(20_000_000), encoding="utf-8")
    probe = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)], capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr
    assert int(probe.stdout) < 600, f"peak RSS {probe.stdout.strip()} MiB"


@pytest.mark.slow
def test_a_dense_3_mb_note_stays_linear_and_reports_the_budget():
    unit = "Some **bold** and *em* with `code`, [[Link|alias]], ==mark== and #tag/x here.\n\n"
    text = unit * (3_000_000 // len(unit))
    note, elapsed = _timed(read_text, text)
    assert elapsed < HANG_GUARD_SECONDS, f"{elapsed:.1f} s"
    note, problems = note
    (problem,) = problems
    assert "note has over 500,000 markup characters" in problem.message


@pytest.mark.slow
def test_a_1_mb_line_keeps_its_card():
    text = "Intro::" + "word " * 200_000 + "\n\nAfter::The card after the long line.\n"
    (note, problems), elapsed = _timed(read_text, text)
    assert elapsed < HANG_GUARD_SECONDS and problems == []
    paragraphs = [
        b for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)
    ]
    assert [p.line for p in paragraphs] == [1, 3]
    cards, _, _ = _cards_of(text)
    assert "After" in {c["front"] for c in cards}


def _cards_of(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "n.md").write_text(text, encoding="utf-8")
        return cards_json("n.md", cwd=Path(folder))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("20,000 nested quotes", "> " * 20_000 + "deep\n"),
        ("20,000 quote lines", "".join(">" * i + " x\n" for i in range(1, 2_000))),
        ("20,000 nested lists", "- " * 20_000 + "deep\n"),
        ("20,000 nested ordered lists", "1. " * 20_000 + "deep\n"),
        ("3,000 indented list levels", "".join("  " * i + "- x\n" for i in range(3_000))),
        ("100,000 [", "[" * 100_000),
        ("100,000 [ and one ]", "[" * 100_000 + "]"),
        ("100,000 ![", "![" * 50_000),
        ("100,000 *", "*" * 100_000),
        ("50,000 *a", "*a" * 50_000),
        ("50,000 _a_", "_a_ " * 25_000),
        ("100,000 `", "`a" * 50_000),
        ("100,000 ==", "==a" * 33_000),
        ("100,000 [[", "[[" * 50_000),
        ("100,000 <", "<a " * 33_000),
        ("100,000 $", "$a" * 50_000),
        ("50,000 #tags", "#a " * 50_000),
        ("80 KB base64 image", "![i](data:image/png;base64," + "QUJD" * 20_000 + ")\n"),
        ("unclosed fence of 200,000 lines", "```\n" + "x\n" * 200_000),
        ("200,000 short lines", "x\n" * 200_000),
        ("10,000 headings", "# h\n" * 10_000),
        (
            "table 2,000 columns",
            "|" + "a|" * 2_000 + "\n|" + "-|" * 2_000 + "\n" + ("|" + "b|" * 2_000 + "\n") * 20,
        ),
    ],
)
def test_pathological_input_finishes_fast(name: str, text: str):
    (note, problems), elapsed = _timed(read_text, text)
    assert note is not None
    assert all(p.severity == "warning" for p in problems), messages(problems)
    assert elapsed < HANG_GUARD_SECONDS, f"{name}: {elapsed:.1f} s"


@pytest.mark.slow
@pytest.mark.parametrize("opener", ["> ", "- ", "1. ", "> - "])
def test_nesting_past_the_limit_is_read_as_text_and_the_rest_kept(opener: str):
    """Past markdown-it's maxNesting a list item swallowed the rest of the note; now the
    deep levels are paragraph text, reported once, and what follows is read."""
    note, problems = read_text(opener * 20_000 + "deep words\n\nAfter::kept\n")
    assert messages(problems) == [
        "note.md:1: quotes or lists nested too deep: deeper levels read as plain text"
    ]
    texts = [
        b.text for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)
    ]
    assert texts[-1] == "After::kept"
    assert texts[-2].endswith("deep words")


def test_deep_indented_lists_keep_the_rest_of_the_note():
    text = "".join("  " * i + f"- item{i}\n" for i in range(100)) + "\nAfter::kept\n"
    note, problems = read_text(text)
    assert messages(problems) == [  # item16 is the first list that could not open
        "note.md:17: quotes or lists nested too deep: deeper levels read as plain text"
    ]
    texts = [
        b.text for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)
    ]
    assert texts[-1] == "After::kept" and "item99" in texts[-2]


def test_nesting_within_the_limit_is_kept_silently():
    note, problems = read_text("> " * 19 + "deep words\n")
    texts = [
        b.text for s in note.sections for b in walk_blocks(s.blocks) if isinstance(b, Paragraph)
    ]
    assert problems == [] and texts == ["deep words"]
