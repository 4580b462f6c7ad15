"""Shared fixtures: paths to the sample vault, the fixture notes and the seed note."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from notecards.exporters.apkg import write_apkg
from notecards.extractors import EXTRACTORS
from notecards.extractors.base import ExtractContext
from notecards.model import Card, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault
from quiz_helpers import CAPITALS, card

REPO = Path(__file__).resolve().parents[1]
SAMPLE_VAULT = REPO / "notes"
FIXTURES = Path(__file__).resolve().parent / "notes"
# Speed is measured with the benchmark under bench/, not with timed tests: a clock in a
# test is only a hang guard, generous enough to catch a quadratic blow-up on a busy machine.
HANG_GUARD_SECONDS = 30

SEED_NOTE = REPO.parent / "shared" / "seeds" / "000_08d1d95c008f0c88.md"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test ever reads or writes the real user's cache, config or review state."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture
def seed_note() -> Path:
    if not SEED_NOTE.is_file():
        pytest.skip("the user's seed note (../shared/seeds/) is not present")
    return SEED_NOTE


def note_from_text(
    text: str, *, lang: str | None = None, name: str = "n.md", vault: Path | None = None
) -> Note:
    """A note read from text, as if saved as `name` in `vault` (default: a vault that
    does not exist, so nothing on disk can leak in). `lang` adds front matter."""
    if lang:
        text = f"---\nlang: {lang}\n---\n{text}"
    folder = vault or Path("/nonexistent-vault")
    note, _ = parse_note(text.encode("utf-8"), name, folder / name, Vault(folder))
    assert note is not None
    return note


def cards_from(
    extractor: str, source: str | Note, *, lang: str | None = None, kind: str | None = None
) -> list[Card]:
    """The cards the registered extractor `extractor` makes from `source` (a note, or a
    text read as one in `lang`), of `kind` only when given: the extractor alone, before
    the registry's threshold, guards and clean-up, which its own tests look at."""
    note = source if isinstance(source, Note) else note_from_text(source, lang=lang)
    (found,) = [e for e in EXTRACTORS if e.name == extractor]
    cards = found.run(note, ExtractContext(note))
    return [c for c in cards if kind is None or c.kind == kind]


def note_from_file(path: Path, vault: Path | None = None) -> Note:
    """A fixture note read from disk, in its own folder as the vault."""
    root = vault or path.parent
    note, _ = parse_note(path.read_bytes(), path.relative_to(root).as_posix(), path, Vault(root))
    assert note is not None
    return note


def collection_rows(package: Path) -> dict[str, list[tuple]]:
    """Every row of a package's collection by table, its schema and its integrity check:
    what Anki reads, whatever the pages look like."""
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(package) as archive:
            archive.extract("collection.anki2", folder)
        db = sqlite3.connect(Path(folder) / "collection.anki2")
        try:
            tables = ("col", "notes", "cards", "revlog", "graves")
            found = {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
            found["schema"] = db.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY 2"
            ).fetchall()
            found["check"] = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    return found


def run_notecards(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The real `notecards` command on pipes, as a script runs it: stdin is empty unless
    given, `env` is added to this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "notecards", *map(str, args)],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def fronts_by_note(
    folder: Path,
    rules: tuple[str, ...],
    entries: Callable[[dict[str, str]], dict[str, str]] = lambda card: {
        card["front"]: card["back"]
    },
) -> dict[str, dict[str, str]]:
    """front → back of every card whose rule starts with one of `rules`, threshold or not,
    by note file name, as the real `notecards cards --all` gives them; `entries` may file
    a card under more than its front."""
    done = run_notecards("cards", folder, "--json", "--all")
    assert done.returncode == 0, done.stderr
    found: dict[str, dict[str, str]] = {}
    for mined in json.loads(done.stdout):
        if mined["rule"].startswith(rules):
            found.setdefault(Path(mined["note"]).name, {}).update(entries(mined))
    return found


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    """Four basic cards in an .apkg, written by our own exporter."""
    path = tmp_path / "geo.apkg"
    write_apkg([card(f, b) for f, b in CAPITALS.items()], path)
    return path


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "reviews.sqlite3"
