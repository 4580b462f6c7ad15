"""What the real `notecards` command prints to a pipe: whole lines that no width wraps,
counts in words that agree with their numbers, and every problem in `build --json`."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from conftest import run_notecards

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

LONG_QUESTION = "Which " + " ".join(f"word{n}" for n in range(60)) + " is the last one?"


run = functools.partial(run_notecards, env={"COLUMNS": "40"})  # narrow: nothing may wrap


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_cards_to_a_pipe_are_plain_whole_lines(tmp_path: Path):
    write(tmp_path / "v" / "a.md", f"{LONG_QUESTION}::The answer\n")
    code = "How is the body indented?\n?\n```python\nfor x in xs:\n    print(x)\n```\n"
    write(tmp_path / "v" / "b.md", code)
    result = run("cards", str(tmp_path / "v"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"Q  {LONG_QUESTION}" in lines  # one line, however long
    assert "a.md:1  basic · explicit" in lines
    assert "       print(x)" in lines  # the code keeps its indentation under "A  "
    assert not any(c in result.stdout for c in "┃│━─")  # no table drawn for a script
    assert lines[-1] == "2 cards"


def test_one_card_is_one_card(tmp_path: Path):
    write(tmp_path / "v" / "a.md", "Question::Answer\n")
    cards = run("cards", str(tmp_path / "v"))
    assert cards.stdout.splitlines()[-1] == "1 card"
    check = run("check", str(tmp_path / "v"))
    assert check.stderr.splitlines()[-1] == "checked 1 note: 1 card, 0 problems"
    build = run("build", str(tmp_path / "v"), "-o", str(tmp_path / "out"))
    totals = build.stdout.splitlines()[-1]
    assert totals.startswith("1 note, 1 card (basic 1); 0 errors, 0 warnings; 1 of 1 package")


def test_build_totals_are_one_line_whose_counts_agree(tmp_path: Path):
    """A draft and an unreadable file come from the cache too: the cache is said of the
    files read, so its count never exceeds what it counts."""
    vault = tmp_path / "v"
    write(vault / "a.md", f"{LONG_QUESTION}::A\n")
    write(vault / "b.md", "Other question::B\n")
    write(vault / "draft.md", "---\ndraft: true\n---\nDraft question::C\n")
    write(vault / "secret.md", b"\x00GITCRYPT\x00\x01\x02" * 50)
    out = str(tmp_path / "out")
    first = run("build", str(vault), "-o", out)
    assert first.returncode == 0, first.stderr
    (vault / "b.md").write_text("Other question::B changed\n", encoding="utf-8")
    again = run("build", str(vault), "-o", out)
    table, totals = again.stdout.splitlines()[:-1], again.stdout.splitlines()[-1]
    assert table[0].split() == ["package", "notes", "cards", "status"]
    assert totals.startswith("2 notes, 2 cards (basic 2); 0 errors, 1 warning; 1 of 1 package ")
    assert totals.endswith("; 1 draft skipped; 3 of 4 files from the cache")


def test_build_json_lists_each_problem(tmp_path: Path):
    vault = tmp_path / "v"
    write(vault / "a.md", "Question::Answer\n\n![[missing.png]]\n")
    write(vault / "secret.md", b"\x00\x01\x02\x03" * 100)
    result = run("build", "v", "-o", "out", "--json", cwd=tmp_path)
    summary = json.loads(result.stdout)
    messages = {(m["path"], m["line"], m["severity"]) for m in summary["messages"]}
    assert messages == {("v/a.md", 3, "warning"), ("v/secret.md", 1, "warning")}
    assert all(m["message"] for m in summary["messages"])
    assert summary["problems"] == {"errors": 0, "warnings": 2}


def test_a_problem_of_no_line_is_path_colon_message(tmp_path: Path):
    """A problem of a whole input has no line: `path: message`, never `path:0:`."""
    write(tmp_path / "v" / "a.md", "Uzávěr je funkce spolu s jejím lexikálním prostředím.\n")
    result = run("check", "v", "--no-cache", cwd=tmp_path)
    assert "v: 1 note in a language without questions (cs: 1)" in result.stderr.splitlines()[0]
    assert ":0:" not in result.stderr
