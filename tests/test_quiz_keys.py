"""One set of commands (quit, undo, edit) in every mode of the real `notecards quiz`,
on a terminal (pexpect) and on scripted standard input alike; hints for keys that
mean nothing; Space after reveal grades Good; cram shows no intervals; a card whose
answer is a question is never typed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from quiz_helpers import (
    CAPITALS,
    FIXTURES,
    NOTECARDS,
    TIMEOUT,
    counts,
    env,
    ids_by_front,
    last_line,
    ratings,
    run,
    spawn,
)

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers


def test_typed_answer_line_takes_colon_commands_and_bare_letters_are_answers(
    deck: Path, state: Path
) -> None:
    """Scripted type mode: `q` is an answer (wrong), `:u` undoes it, `:q` quits."""
    out = run(
        "quiz", deck, "--mode", "type", "--seed", "1", "--state", state,
        stdin="q\n:u\nu\n:q\n",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    lines = out.stdout
    assert "✗ wrong" in lines  # `q` was graded as an answer, not taken as quit
    assert "undone:" in lines  # `:u` took that grade back
    assert lines.count("✗ wrong") == 2  # `u` is an answer too: the undone card, wrong again
    assert last_line(lines).startswith("score 0/1")  # `:q` ended the session
    assert [r for rs in ratings(state).values() for r in rs] == [1]


def test_scripted_flip_takes_the_same_commands_as_the_keys(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--mode", "flip", "--state", state, stdin="3\nu\n:u\n4\n:q\n")
    assert out.returncode == 0, out.stderr
    assert "undone:" in out.stdout and "nothing to undo" in out.stdout
    assert last_line(out.stdout).startswith("score 1/1")
    assert [r for rs in ratings(state).values() for r in rs] == [4]


def _fake_editor(tmp_path: Path, replace: str, by: str) -> Path:
    editor = tmp_path / "bin" / "editor"
    editor.parent.mkdir(exist_ok=True)
    editor.write_text(
        f"#!{sys.executable}\n"
        "import pathlib, sys\n"
        "note = pathlib.Path(sys.argv[-1])\n"
        f"note.write_text(note.read_text().replace({replace!r}, {by!r}))\n",
        encoding="utf-8",
    )
    editor.chmod(0o755)
    return editor


def _note(tmp_path: Path) -> Path:
    note = tmp_path / "capitals.md"
    note.write_text((FIXTURES / "capitals.md").read_text(encoding="utf-8"), encoding="utf-8")
    return note


def test_scripted_edit_reloads_the_card_and_leaves_the_script_to_the_quiz(
    tmp_path: Path, state: Path
) -> None:
    note = _note(tmp_path)
    editor = _fake_editor(tmp_path, "::Paris", "::Paris on the Seine")
    out = subprocess.run(
        [*NOTECARDS, "quiz", str(note), "--mode", "type", "--limit", "1", "--state", str(state)],
        input=":e\nParis on the Seine\n:q\n",
        capture_output=True,
        text=True,
        env={**env(), "EDITOR": str(editor), "VISUAL": ""},
        timeout=TIMEOUT,
    )
    assert out.returncode == 0, out.stderr
    assert "reloaded capitals.md" in out.stdout
    assert "✓ right" in out.stdout  # the edited answer is the one judged
    assert "Paris on the Seine" in note.read_text()


def test_terminal_keys_hints_space_good_and_colon_commands_in_type_mode(
    deck: Path, state: Path
) -> None:
    child = spawn("quiz", deck, "--mode", "flip", "--limit", "1", "--state", state)
    child.expect("reveal")
    child.send("x")  # means nothing: a one-line hint that lists the keys
    child.expect("press space or enter to see the answer · u undo · e edit note · q save")
    child.send(" ")
    child.expect("space/enter good")
    child.send("z")
    child.expect("press 1-4 to grade")
    child.send(" ")  # Space after reveal: Good
    child.expect(counts(0, 1, 0))  # a new card on Good goes to its learning step
    child.expect("reveal")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert [r for rs in ratings(state).values() for r in rs] == [3]

    child = spawn("quiz", deck, "--mode", "type", "--new", "2", "--seed", "3", "--state", state)
    child.expect(r"(Capital of \w+|Highest mountain|Largest ocean)\?")
    front = child.match.group(0)
    child.expect(":u undo · :e edit note · :q save and quit")  # the hint names them
    child.expect("answer ›")
    child.sendline(CAPITALS.get(front, "x"))
    child.expect("enter")
    child.send("\r")
    child.expect("answer ›")
    child.sendline(":u")  # undo from a text prompt
    child.expect("undone")
    child.expect("answer ›")
    child.sendline(":e")  # a deck card has no note: said so, and the card stays
    child.expect("no note to edit")
    child.expect("answer ›")
    child.sendline(":q")
    child.expect("score 0/0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sum(len(rs) for rs in ratings(state).values()) == 1


def test_cram_shows_no_intervals(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "flip", "--cram", "--state", state)
    child.expect("cram")
    child.expect("reveal")
    child.send(" ")
    child.expect("Easy")
    child.expect("quit")
    shown = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    scheduled = spawn("quiz", deck, "--mode", "flip", "--state", state)
    scheduled.expect("reveal")
    scheduled.send(" ")
    scheduled.expect("Easy")
    scheduled.expect("quit")
    with_intervals = scheduled.before
    scheduled.send("q")
    scheduled.expect(pexpect.EOF)
    interval = r"\d+(m|h|d|mo|y)\b"
    assert re.search(interval, with_intervals)  # the schedule's buttons show them …
    assert not re.search(interval, shown)  # … cram's do not
    assert not state.exists() or not ratings(state)


def test_a_reversed_card_whose_back_is_a_question_is_flipped_in_type_mode(
    tmp_path: Path, state: Path
) -> None:
    note = tmp_path / "ports.md"
    note.write_text("# Ports\n\nWhich port does HTTPS use?:::443\n", encoding="utf-8")
    fronts = ids_by_front(note)
    assert set(fronts) == {"Which port does HTTPS use?", "443"}, fronts
    out = run("quiz", note, "--mode", "type", "--no-bury", "--state", state, stdin="443\n3\n")
    assert out.returncode == 0, out.stderr
    assert "Q (type): Which port does HTTPS use?" in out.stdout
    assert "Q (flip): 443" in out.stdout
    assert "Q (type): 443" not in out.stdout


def test_a_failed_card_comes_back_until_it_graduates_and_the_end_agrees_with_stats(
    deck: Path, state: Path
) -> None:
    """Again (1m step), Good (10m step, within the 20-minute learn-ahead), Good
    (graduated): three grades of one card, then the session ends by itself with
    script lines left over, and its end line says what `stats` says."""
    import json
    from datetime import UTC, datetime

    out = run(
        "quiz", deck, "--mode", "flip", "--limit", "1", "--new", "1", "--state", state,
        stdin="1\n3\n3\n3\n3\n",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("Q (flip)") == 3
    headers = [line for line in out.stdout.splitlines() if " learning + " in line]
    assert headers[0].startswith("1 new + 0 learning + 0 due · new")
    assert headers[1].startswith("0 new + 1 learning + 0 due · learning")
    end = last_line(out.stdout)
    assert end.startswith("score 2/3")
    data = json.loads(run("stats", deck, "--json", "--state", state).stdout)
    assert (data["due_now"], data["learning"], data["new"]) == (0, 0, 3)
    assert "due now" not in end and end.endswith("· 3 new left")
    days = (datetime.fromisoformat(data["next_due"]) - datetime.now(UTC)).total_seconds() / 86400
    assert re.search(rf"next due in {round(days)}d", end), (end, days)
