"""Nothing already written is lost: a build that fails half way (disk full, Ctrl-C)
leaves the previous deck byte for byte, and no temporary file behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

FAIL_WRITE = """
import errno, sys
from pathlib import Path
import notecards.exporters.apkg as apkg

def failing_write(temp, *args, **kwargs):
    Path(temp).write_bytes(b"half a package")
    if sys.argv[1] == "interrupt":
        raise KeyboardInterrupt
    raise OSError(errno.ENOSPC, "No space left on device")

apkg._write_zip = failing_write
from notecards.cli import main
sys.argv = ["notecards", *sys.argv[2:]]
main()
"""


def _build(tmp_path: Path, failure: str | None) -> subprocess.CompletedProcess[str]:
    args = ["build", "note.md", "-o", "out", "--no-cache"]
    command = [sys.executable, "-m", "notecards", *args]
    if failure:
        command = [sys.executable, "-c", FAIL_WRITE, failure, *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, bytes]:
    (tmp_path / "note.md").write_text("First::Answer one.\n", encoding="utf-8")
    assert _build(tmp_path, None).returncode == 0
    deck = tmp_path / "out" / "note.apkg"
    before = deck.read_bytes()
    (tmp_path / "note.md").write_text("First::Answer two, edited.\n", encoding="utf-8")
    return deck, before


@pytest.mark.parametrize("failure", ["disk-full", "interrupt"])
def test_a_failed_write_keeps_the_previous_deck_and_leaves_no_temp_file(built, failure):
    deck, before = built
    result = _build(deck.parent.parent, failure)
    assert result.returncode != 0
    assert deck.read_bytes() == before
    assert sorted(p.name for p in deck.parent.iterdir()) == ["note.apkg"]


def test_a_failed_write_is_reported_not_a_traceback(built):
    deck, _ = built
    result = _build(deck.parent.parent, "disk-full")
    assert "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr
    assert result.returncode == 1


def test_a_successful_rebuild_replaces_the_deck(built):
    deck, before = built
    assert _build(deck.parent.parent, None).returncode == 0
    assert deck.read_bytes() != before
    assert sorted(p.name for p in deck.parent.iterdir()) == ["note.apkg"]
