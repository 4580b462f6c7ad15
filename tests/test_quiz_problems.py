"""Problems in the notes being quizzed, through the real `notecards quiz`: each is
shown the first time, then counted in one line (listed again with -v), and they never
change the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_helpers import last_line, run

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

BAD_FRONT_MATTER = "---\ntitle: [unclosed\n---\n# Geo\n\nCapital of France::Paris\n"


def test_note_problems_are_shown_once_then_counted_and_never_fail_the_quiz(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bad.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    (notes / "sea.md").write_text("# Sea\n\nLargest ocean::Pacific\n", encoding="utf-8")
    state = tmp_path / "reviews.sqlite3"

    def quiz(*extra: str):
        out = run("quiz", notes, "--mode", "flip", "--state", state, *extra, stdin="3\n")
        assert out.returncode == 0, out.stderr  # an error in a note: still exit 0
        assert last_line(out.stdout).startswith("score 1/1")
        return out.stderr

    first = quiz()
    assert "bad.md:3: front matter is not valid YAML" in first
    assert "shown before" not in first

    second = quiz()
    assert "bad.md:" not in second
    assert "1 problem in these notes shown before (quiz -v" in second

    assert "bad.md:3: front matter is not valid YAML" in quiz("-v")

    (notes / "sea.md").write_text("# Sea\n\nLargest ocean::Pacific\n\n![[gone.png]]\n")
    fourth = quiz()
    assert "sea.md:5: embedded file not found: gone.png" in fourth  # new: shown
    assert "bad.md:" not in fourth and "1 problem in these notes shown before" in fourth
