"""Issue 13, finding 8: editing or deleting a knowledge file (the vault's
`.notecards/knowledge/` or the user's config folder) changes the deck: the build's
"nothing changed" fingerprint and `watch` both see it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

NOTE = """\
# API responses

Every response says its status and its X-Api-Version.

```http
HTTP/1.1 200 OK
X-Api-Version: 3
```
"""


def _write(path: Path, meaning: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"name": "X-Api-Version", "role": "response", "en": meaning, "ru": meaning}
    path.write_text(json.dumps({"headers": [entry]}), encoding="utf-8")
    later = time.time() + 5  # a new mtime even on a coarse clock
    os.utime(path, (later, later))


def _build(vault: Path, out: Path) -> tuple[dict, bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "notecards", "build", str(vault), "-o", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (package,) = out.glob("*.apkg")
    return json.loads(result.stdout), _collection(package)


def _collection(package: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(package) as archive:
        return archive.read("collection.anki2")


def _user_knowledge_file() -> Path:
    # conftest points XDG_CONFIG_HOME at a temporary folder; subprocesses inherit it
    return Path(os.environ["XDG_CONFIG_HOME"]) / "notecards" / "knowledge" / "api.json"


@pytest.mark.slow
@pytest.mark.parametrize("where", ["vault", "user"])
def test_editing_or_deleting_a_knowledge_file_rebuilds_the_deck(tmp_path: Path, where: str):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "api.md").write_text(NOTE, encoding="utf-8")
    knowledge = (
        vault / ".notecards" / "knowledge" / "api.json"
        if where == "vault"
        else _user_knowledge_file()
    )
    _write(knowledge, "First meaning of the header.")
    out = tmp_path / "decks"
    summary, first = _build(vault, out)
    assert summary["outputs"][0]["status"] == "written"
    assert b"First meaning" in first

    _write(knowledge, "Second meaning of the header.")
    summary, second = _build(vault, out)
    assert summary["outputs"][0]["status"] == "written"  # it said "unchanged"
    assert b"Second meaning" in second

    knowledge.unlink()
    summary, third = _build(vault, out)
    assert summary["outputs"][0]["status"] == "written"
    assert b"Second meaning" not in third


def test_watch_counts_changes_to_knowledge_files(tmp_path: Path):
    from notecards.build.watch import knowledge_folders, relevant

    vault = tmp_path / "vault"
    vault.mkdir()
    folders = knowledge_folders([vault])
    assert vault.resolve() / ".notecards" / "knowledge" in [f.resolve() for f in folders]
    assert _user_knowledge_file().parent in folders
    out = tmp_path / "decks"
    inside = vault / ".notecards" / "knowledge" / "api.json"
    assert relevant(str(inside), [vault], out, folders)
    assert relevant(str(_user_knowledge_file()), [vault], out, folders)
    # other hidden files still do not count
    assert not relevant(str(vault / ".obsidian" / "workspace.json"), [vault], out, folders)
    assert not relevant(str(vault / ".notecards" / "cache.json"), [vault], out, folders)


@pytest.mark.slow
def test_watch_command_rebuilds_when_the_vaults_knowledge_file_changes(tmp_path: Path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "api.md").write_text(NOTE, encoding="utf-8")
    knowledge = vault / ".notecards" / "knowledge" / "api.json"
    _write(knowledge, "First meaning of the header.")
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
        time.sleep(1.0)  # let the watcher start
        _write(knowledge, "Second meaning of the header.")
        while b"Second meaning" not in _collection(package) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert b"Second meaning" in _collection(package)
    finally:
        process.terminate()
        process.wait(timeout=30)
