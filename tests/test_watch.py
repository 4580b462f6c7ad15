"""`notecards watch`: which changes count, one rebuild per burst, and the rebuild."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from notecards.build.watch import relevant, watch
from notecards.cli.build import _options, make_rebuild


def test_only_notes_media_and_the_ignore_file_count(tmp_path: Path):
    roots, out = [tmp_path], tmp_path / "decks"
    assert relevant(str(tmp_path / "a" / "n.md"), roots, out)
    assert relevant(str(tmp_path / "img.png"), roots, out)
    assert relevant(str(tmp_path / ".notecardsignore"), roots, out)
    assert not relevant(str(tmp_path / ".obsidian" / "workspace.json"), roots, out)
    assert not relevant(str(tmp_path / ".obsidian" / "x.md"), roots, out)
    assert not relevant(str(tmp_path / "decks" / "vault.apkg"), roots, out)
    assert not relevant(str(tmp_path / "n.md~"), roots, out)
    assert not relevant(str(tmp_path / ".n.md.swp"), roots, out)


def test_each_burst_with_a_relevant_change_rebuilds_once(tmp_path: Path):
    calls: list[list[str]] = []
    bursts = [
        {(1, str(tmp_path / "a.md")), (2, str(tmp_path / "a.md")), (1, str(tmp_path / "b.md"))},
        {(2, str(tmp_path / ".obsidian" / "workspace.json"))},
        {(2, str(tmp_path / "pic.png"))},
    ]
    count = watch([tmp_path], calls.append, out=tmp_path / "decks", changes=bursts)
    assert count == 2
    assert calls == [[str(tmp_path / "a.md"), str(tmp_path / "b.md")], [str(tmp_path / "pic.png")]]


def test_the_rebuild_builds_and_survives_errors(tmp_path: Path, capsys, monkeypatch):
    vault = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", vault)
    out = tmp_path / "decks"
    rebuild = make_rebuild([vault], out, "apkg", "none", _options(), quiet=True)
    rebuild([])
    assert (out / "vault.apkg").is_file()
    first = (out / "vault.apkg").read_bytes()
    (vault / "Index.md").write_text("# Index\n\nChanged?::Yes.\n")
    rebuild([str(vault / "Index.md")])
    assert (out / "vault.apkg").read_bytes() != first

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("notecards.build.run.run_build", fail)
    broken = make_rebuild([vault], out, "apkg", "none", _options(), quiet=True)
    broken([])  # an exception is reported, not raised
    assert "build failed" in capsys.readouterr().err


@pytest.mark.slow
def test_watch_command_rebuilds_after_a_change(tmp_path: Path):
    vault = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", vault)
    out = tmp_path / "decks"
    command = [sys.executable, "-m", "notecards", "watch", str(vault), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--debounce", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        package = out / "vault.apkg"
        deadline = time.monotonic() + 60
        while not package.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert package.exists()
        time.sleep(0.5)  # let the watcher start
        first = package.stat().st_mtime_ns
        (vault / "Index.md").write_text("# Index\n\nWatched?::Yes.\n")
        while package.stat().st_mtime_ns == first and time.monotonic() < deadline:
            time.sleep(0.1)
        assert package.stat().st_mtime_ns != first
    finally:
        process.terminate()
        process.wait(timeout=10)
    result = subprocess.run(
        [sys.executable, "-m", "notecards", "cards", str(vault), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Watched?" in {c["front"] for c in json.loads(result.stdout)}
