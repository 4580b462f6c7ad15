"""Helpers shared by the quiz and review-state tests: the real `notecards quiz` run on
scripted standard input (`run`, `drive`) or a pseudo-terminal (`spawn`), the state it
leaves (`ratings`, `fsrs_states`), and a small deck of capitals (`card`, `CAPITALS`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pexpect
import pytest

from notecards.model import Card


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file unwritable even for root (chattr +i), or skip where that is impossible."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode
    ):
        pytest.skip("running as root on a file system without chattr +i")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


FIXTURES = Path(__file__).resolve().parent / "notes" / "quiz"
_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]
TIMEOUT = 60

CAPITALS = {
    "Capital of France?": "Paris",
    "Capital of Italy?": "Rome",
    "Highest mountain?": "Mount Everest",
    "Largest ocean?": "Pacific Ocean",
}


def card(front: str, back: str, **kw: Any) -> Card:
    values: dict[str, Any] = {
        "id": "id-" + front,
        "kind": "qa",
        "extractor": "test",
        "note": "geo.md",
        "line": 1,
        "front": front,
        "back": back,
        "deck": "Geo",
        "tags": ("geo",),
        "lang": "en",
        "source": "Geo › Capitals",
        "fields": (front, back),
        "mtime": 1_750_000_000,
    }
    values.update(kw)
    return Card(**values)


def env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color", "PYTHONUNBUFFERED": "1"}


def run(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NOTECARDS, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env(),
        timeout=TIMEOUT,
    )


def last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def ratings(state: Path) -> dict[str, list[int]]:
    """card id → the ratings saved for it, in order."""
    db = sqlite3.connect(state)
    out: dict[str, list[int]] = {}
    for card_id, rating in db.execute("SELECT card_id, rating FROM reviews ORDER BY id"):
        out.setdefault(card_id, []).append(rating)
    db.close()
    return out


def fsrs_states(state: Path) -> dict[str, tuple[int, int | None]]:
    db = sqlite3.connect(state)
    rows = db.execute("SELECT id, fsrs FROM cards").fetchall()
    db.close()
    return {cid: (json.loads(data)["state"], json.loads(data)["step"]) for cid, data in rows}


def make_all_due(state: Path) -> None:
    """Move every saved card's due date into the past, as if days had gone by."""
    db = sqlite3.connect(state)
    for card_id, data in db.execute("SELECT id, fsrs FROM cards").fetchall():
        saved = json.loads(data)
        saved["due"] = "2020-01-01T00:00:00+00:00"
        db.execute("UPDATE cards SET fsrs = ?, due = 0 WHERE id = ?", (json.dumps(saved), card_id))
    db.commit()
    db.close()


def ids_by_front(path: Path) -> dict[str, str]:
    if path.suffix == ".apkg":
        from notecards.quiz.apkg_reader import read_apkg

        return {c.front: c.id for c in read_apkg(path)}
    return {c["front"]: c["id"] for c in cards_json(path)}


def cards_json(path: Path) -> list[dict[str, Any]]:
    out = run("cards", path, "--json")
    return json.loads(out.stdout or "[]")


# ------------------------------------------------------------------ a pipe driver


@dataclass
class Question:
    mode: str
    front: str
    options: list[str] = field(default_factory=list)  # choice options or order steps
    prompt: str = ""


def drive(
    args: list[str | Path], respond: Callable[[Question], str | None]
) -> tuple[str, str, int, list[Question]]:
    """Run the quiz on pipes, answering each prompt as it comes (still not a terminal)."""
    proc = subprocess.Popen(
        [*NOTECARDS, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )
    timer = threading.Timer(TIMEOUT, proc.kill)
    timer.start()
    assert proc.stdin and proc.stdout and proc.stderr
    lines: list[str] = []
    asked: list[Question] = []
    current: Question | None = None
    try:
        for line in proc.stdout:
            lines.append(line)
            if match := re.match(r"Q \((\w+)\): (.*)", line):
                current = Question(match.group(1), match.group(2).strip())
            elif current and (match := re.match(r"  \d+[.)] (.*)", line)):
                current.options.append(match.group(1).strip())
            elif current and line.startswith(("grade?", "answer?", "option?", "order?")):
                current.prompt = line.split("?")[0]
                asked.append(current)
                reply = respond(current)
                if reply is None:
                    proc.stdin.close()
                else:
                    proc.stdin.write(reply + "\n")
                    proc.stdin.flush()
        if not proc.stdin.closed:
            proc.stdin.close()
        err = proc.stderr.read()
        code = proc.wait()
    finally:
        timer.cancel()
    return "".join(lines), err, code, asked


def once(respond: Callable[[Question], str | None]) -> Callable[[Question], str | None]:
    """Answer each card the first time it is asked; end the session (EOF) when a card
    comes back for its learning step."""
    seen: set[str] = set()

    def answer(q: Question) -> str | None:
        if q.front in seen:
            return None
        seen.add(q.front)
        return respond(q)

    return answer


_ANSI = r"(?:\x1b\[[\d;]*m)*"


def counts(new: int | str, learning: int | str, due: int | str) -> str:
    """The header's `new + learning + due` numbers as a pattern, colours allowed."""
    return _ANSI.join(["", str(new), " \\+ ", str(learning), " \\+ ", str(due), ""])


def spawn(*args: str | Path):
    child = pexpect.spawn(
        NOTECARDS[0],
        [*NOTECARDS[1:], *map(str, args)],
        env=env(),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    return child
