"""Helpers shared by the hostile-input tests: the corpus folder and one-call reading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from notecards.model import Note, Problem
from notecards.reader import parse_note
from notecards.vault.media import Vault

HOSTILE = Path(__file__).resolve().parent / "hostile"


def read_text(text: str | bytes, name: str = "note.md") -> tuple[Note | None, list[Problem]]:
    """Parse note text as if it were `name` in an empty vault (no file system needed)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    vault = Vault(Path("/nonexistent-vault"))
    return parse_note(data, name, vault.root / name, vault)


def read_corpus(name: str) -> tuple[Note | None, list[Problem]]:
    """Parse one note of tests/hostile/ by its file name."""
    path = HOSTILE / name
    vault = Vault(HOSTILE)
    return parse_note(path.read_bytes(), name, path, vault)


def messages(problems: list[Problem]) -> list[str]:
    """Problems as the user sees them: `path:line: message`."""
    return [str(p) for p in problems]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120):
    """The real `notecards` command in a subprocess (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "notecards", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def cards_json(*args: str, cwd: Path | None = None) -> tuple[list[dict], str, int]:
    """`notecards cards --json ...`: (cards, stderr, exit status)."""
    result = run_cli("cards", "--json", *args, cwd=cwd)
    cards = json.loads(result.stdout) if result.stdout.strip() else []
    return cards, result.stderr, result.returncode
