"""Atomic writes: a failure at any point leaves the previous file whole and no litter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from notecards.exporters.atomic import atomic_output, atomic_write_bytes, atomic_write_text


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_and_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "deck.apkg"
    atomic_write_bytes(target, b"data")
    assert target.read_bytes() == b"data"
    assert _listing(target.parent) == ["deck.apkg"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "cards.json"
    target.write_text("old")
    atomic_write_text(target, "new ✓")
    assert target.read_text("utf-8") == "new ✓"
    assert _listing(tmp_path) == ["cards.json"]


def test_temp_file_is_hidden_in_the_same_folder(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_output(target) as temp:
        assert temp.parent == tmp_path
        assert temp.name.startswith(".out.bin.")
        assert temp.exists() and temp.stat().st_size == 0
        assert not target.exists()
        temp.write_bytes(b"x")
    assert target.read_bytes() == b"x"


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_the_old_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "deck.apkg"
    old = os.urandom(4096)
    target.write_bytes(old)
    with pytest.raises(type(error)), atomic_output(target) as temp, temp.open("wb") as handle:
        handle.write(b"half of the new")
        raise error
    assert target.read_bytes() == old
    assert _listing(tmp_path) == ["deck.apkg"]


def test_failure_without_previous_file_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_output(tmp_path / "new.txt") as temp:
        temp.write_text("partial")
        raise ValueError
    assert _listing(tmp_path) == []


def test_writer_may_remove_and_recreate_the_temp(tmp_path: Path) -> None:
    """zipfile or sqlite may replace the file they were given; that must still work."""
    target = tmp_path / "x"
    with atomic_output(target) as temp:
        temp.unlink()
        temp.write_bytes(b"recreated")
    assert target.read_bytes() == b"recreated"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_file_gets_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "f", b"")
    finally:
        os.umask(previous)
    assert (tmp_path / "f").stat().st_mode & 0o777 == 0o644
