"""The review loop through the real `notecards quiz` (scripted standard input):
siblings buried until tomorrow or, with --no-bury, never back to back, and the header
naming a reviewed card's state and last interval."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz_helpers import run

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers


def days_pass(state: Path, days: int) -> None:
    """Move every saved card's review and due date `days` back, as if they had gone by."""
    db = sqlite3.connect(state)
    for card_id, data in db.execute("SELECT id, fsrs FROM cards").fetchall():
        saved = json.loads(data)
        for key in ("due", "last_review"):
            saved[key] = (datetime.fromisoformat(saved[key]) - timedelta(days=days)).isoformat()
        due = datetime.fromisoformat(saved["due"]).timestamp()
        db.execute(
            "UPDATE cards SET fsrs = ?, due = ? WHERE id = ?", (json.dumps(saved), due, card_id)
        )
    db.commit()
    db.close()


PORTS = "# Ports\n\nPort of HTTP:::80\n\nPort of SSH:::22\n\nPort of DNS:::53\n"


def asked(stdout: str) -> list[str]:
    return re.findall(r"^Q \(flip\): (.*)$", stdout, re.M)


def test_siblings_wait_for_tomorrow_or_with_no_bury_are_never_back_to_back(
    tmp_path: Path,
) -> None:
    note = tmp_path / "ports.md"
    note.write_text(PORTS, encoding="utf-8")
    state = tmp_path / "s.sqlite3"
    out = run("quiz", note, "--mode", "flip", "--state", state, stdin="4\n" * 12)
    assert out.returncode == 0, out.stderr
    assert sorted(asked(out.stdout)) == ["Port of DNS", "Port of HTTP", "Port of SSH"]
    again = run("quiz", note, "--mode", "flip", "--state", state, stdin="4\n" * 12)
    assert asked(again.stdout) == []  # the reverses wait for tomorrow, as in Anki
    assert "nothing to review now" in again.stdout

    free = tmp_path / "free.sqlite3"
    out = run("quiz", note, "--mode", "flip", "--no-bury", "--state", free, stdin="4\n" * 12)
    fronts = asked(out.stdout)
    assert sorted(fronts) == ["22", "53", "80", "Port of DNS", "Port of HTTP", "Port of SSH"]
    pairs = {"80": "Port of HTTP", "22": "Port of SSH", "53": "Port of DNS"}
    family = {front: pairs.get(front, front) for front in fronts}
    assert all(family[a] != family[b] for a, b in itertools.pairwise(fronts))


def test_the_header_names_the_state_and_the_last_interval(tmp_path: Path) -> None:
    note = tmp_path / "ports.md"
    note.write_text("# Ports\n\nPort of HTTP::80\n", encoding="utf-8")
    state = tmp_path / "s.sqlite3"
    first = run("quiz", note, "--mode", "flip", "--state", state, stdin="4\n")
    assert "1 new + 0 learning + 0 due · new ·" in first.stdout
    days_pass(state, 30)
    out = run("quiz", note, "--mode", "flip", "--state", state, stdin="3\n")
    assert re.search(
        r"^0 new \+ 0 learning \+ 1 due · review, last interval \d+d ·", out.stdout, re.M
    )


def test_choice_options_are_answers_of_the_same_side_and_language(tmp_path: Path) -> None:
    from quiz_helpers import Question, drive

    terms = {"Latency": "time for one trip", "Bandwidth": "data per second",
             "Jitter": "variation in delay", "Throughput": "data actually moved"}  # fmt: skip
    (tmp_path / "net.md").write_text(
        "---\nlang: en\n---\n# Net\n\n" + "\n\n".join(f"{t}:::{d}" for t, d in terms.items()),
        encoding="utf-8",
    )
    (tmp_path / "ru.md").write_text(
        "---\nlang: ru\n---\n# Сеть\n\nЗадержка:::время одного пути\n\nПропускная способность:::"
        "данные в секунду\n\nДжиттер:::разброс задержки\n\nМаршрутизатор:::устройство сети\n",
        encoding="utf-8",
    )
    answers = {**terms, **{d: t for t, d in terms.items()}}

    def respond(q: Question) -> str:
        return "1"

    _, err, code, asked = drive(
        ["quiz", tmp_path, "--mode", "choice", "--no-bury", "--new", "16", "--cram", "--seed", "2"],
        respond,
    )
    assert code == 0, err
    english = [q for q in asked if q.front in answers]
    assert len(english) == 8
    for q in english:
        right = answers[q.front]
        side = set(terms.values()) if right in terms.values() else set(terms)
        assert right in q.options and set(q.options) <= side, (q.front, q.options)
