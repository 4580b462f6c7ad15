"""The whole path on the sample vault: `notecards build` → the real Anki imports it.

What Anki sees must match what `notecards cards --json` promises: the same number of
cards, grouped into notes by `anki_note`, in the folder's deck tree, with tags and media;
a rebuild re-imports as a no-op, and an edited answer updates the same note without
losing its review history.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from anki_helpers import (
    all_notes,
    deck_names,
    import_apkg,
    media_files,
    open_collection,
    review_card,
    revlog_count,
)
from conftest import SAMPLE_VAULT

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers


def notecards(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "notecards", *args], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A private copy of the sample vault (named `notes`, like the original)."""
    copy = tmp_path / "notes"
    shutil.copytree(SAMPLE_VAULT, copy)
    return copy


def build(vault: Path, out: Path) -> Path:
    notecards("build", str(vault), "-o", str(out), "--no-cache")
    (package,) = out.glob("*.apkg")
    return package


def test_anki_sees_every_card_of_cards_json(vault: Path, tmp_path: Path):
    listed = json.loads(notecards("cards", str(vault), "--json").stdout)
    package = build(vault, tmp_path / "decks")
    assert package.name == "notes.apkg"
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, package)
        notes = all_notes(col)
        anki_cards = [card for note in notes.values() for card in note["cards"]]
        assert len(anki_cards) == len(listed)
        assert len(notes) == len({card["anki_note"] for card in listed})
        decks = deck_names(col)
        for deck in {card["deck"] for card in listed}:
            assert deck in decks
        assert {"notes::HTTP", "notes::Security", "notes::Realtime"} <= decks
        assert {n["notetype"] for n in notes.values()} >= {"notecards Basic", "notecards Cloze"}
        assert any(name.startswith("client-server") for name in media_files(col))
        tags = {tag for note in notes.values() for tag in note["tags"]}
        assert {"HTTP", "web::протоколы", "webSocket"} <= tags


def test_rebuild_reimports_without_new_notes(vault: Path, tmp_path: Path):
    first = build(vault, tmp_path / "one")
    second = build(vault, tmp_path / "two")
    assert first.read_bytes() == second.read_bytes()
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, first)
        before = all_notes(col)
        import_apkg(col, second)
        assert all_notes(col) == before


def test_edited_answer_updates_the_same_note_and_keeps_its_reviews(vault: Path, tmp_path: Path):
    note_file = vault / "HTTP" / "Caching.md"
    question = "How does a cache revalidate a stored response?"
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, build(vault, tmp_path / "one"))
        (guid,) = [g for g, n in all_notes(col).items() if n["fields"].get("Front") == question]
        card_id = all_notes(col)[guid]["cards"][0]["id"]
        review_card(col, card_id)
        reviews = revlog_count(col)

        text = note_file.read_text(encoding="utf-8")
        note_file.write_text(
            text.replace("It sends a conditional", "It sends a revalidation"), "utf-8"
        )
        stamp = note_file.stat().st_mtime + 10
        os.utime(note_file, (stamp, stamp))
        import_apkg(col, build(vault, tmp_path / "two"))

        after = all_notes(col)[guid]
        assert "revalidation" in after["fields"]["Back"]
        assert after["cards"][0]["id"] == card_id and after["cards"][0]["reps"] == 1
        assert revlog_count(col) == reviews
