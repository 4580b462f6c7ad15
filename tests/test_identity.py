"""Identities that survive what people do to vaults (docs/identity.md): moving a note or
renaming a folder keeps every card id, Anki note and quiz review; a front matter id keeps
them across a rename; two notes of one name stay apart; dry runs compare content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notecards.ids import note_identity, shared_names, stable_note_id

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]

CACHING = """# Caching

What does Cache-Control: no-store forbid::Storing the response anywhere

What is a validator?::A value such as an ETag that tells whether a copy is fresh
"""
CACHING_AGAIN = """# Caching again

Which header carries an entity tag::ETag
"""


def notecards(*args: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "XDG_CACHE_HOME": str(cwd / "cache"),
           "XDG_DATA_HOME": str(cwd / "data")}  # fmt: skip
    return subprocess.run([*NOTECARDS, *map(str, args)], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def card_ids(vault: Path, cwd: Path) -> dict[str, str]:
    """front → id of every card `cards --json` lists."""
    out = notecards("cards", vault, "--json", cwd=cwd)
    assert out.returncode == 0, out.stderr
    return {card["front"]: card["id"] for card in json.loads(out.stdout)}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "Vault"
    (root / ".obsidian").mkdir(parents=True)
    write(root, "Web/HTTP/Caching.md", CACHING)
    write(root, "Web/Other.md", CACHING_AGAIN)
    return root


# ---------------------------------------------------------------- the rule


def test_identity_is_the_file_name_unless_shared_or_given() -> None:
    shared = shared_names(["a/Note.md", "b/note.md", "c/Other.md"])
    assert shared == {"note.md"}
    assert note_identity("c/Other.md", {}, shared) == "Other.md"
    assert note_identity("a/Note.md", {}, shared) == "a/Note.md"
    assert note_identity("a/Note.md", {"id": 202401311200}, shared) == "id:202401311200"
    assert note_identity("x/y.md", {"uid": "abc", "notecards-id": "mine"}) == "id:mine"
    # a macOS (NFD) name is the same note as its NFC spelling
    assert note_identity("A/Йод.md".replace("й", "й")) == note_identity("B/Йод.md")


@pytest.mark.parametrize("value", [None, "", "  ", True, ["a"], {"a": 1}])
def test_what_is_no_stable_id(value: object) -> None:
    assert stable_note_id({"id": value}) == ""


@pytest.mark.slow
def test_moving_a_folder_keeps_every_card_id(vault: Path, tmp_path: Path) -> None:
    before = card_ids(vault, tmp_path)
    assert len(before) == 3
    shutil.move(vault / "Web", vault / "Internet")
    shutil.move(vault / "Internet" / "HTTP" / "Caching.md", vault / "Caching.md")
    assert card_ids(vault, tmp_path) == before


@pytest.mark.slow
def test_two_notes_of_one_name_get_distinct_ids(vault: Path, tmp_path: Path) -> None:
    alone = card_ids(vault, tmp_path)
    write(vault, "Archive/Caching.md", CACHING)
    out = notecards("cards", vault, "--json", cwd=tmp_path)
    cards = json.loads(out.stdout)
    ids = [card["id"] for card in cards if card["front"].startswith("What is a validator")]
    assert len(ids) == 2 and len(set(ids)) == 2
    # the note no other shares keeps its id
    other = {card["front"]: card["id"] for card in cards if card["note"] == "Web/Other.md"}
    assert other == {
        "Which header carries an entity tag": alone["Which header carries an entity tag"]
    }


@pytest.mark.slow
def test_a_front_matter_id_survives_a_rename(vault: Path, tmp_path: Path) -> None:
    write(vault, "Web/HTTP/Caching.md", "---\nid: 20240131-caching\n---\n" + CACHING)
    before = card_ids(vault, tmp_path)
    shutil.move(vault / "Web/HTTP/Caching.md", vault / "Web/HTTP caching.md")
    assert card_ids(vault, tmp_path) == before


# ---------------------------------------------------------------- dry runs


@pytest.mark.slow
def test_dry_run_ignores_times_and_reports_a_rename_as_one(vault: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "decks"
    assert notecards("build", vault, "-o", out_dir, cwd=tmp_path).returncode == 0
    for path in vault.rglob("*.md"):  # touch, git checkout, a sync tool
        os.utime(path, (1_900_000_000, 1_900_000_000))
    dry = notecards("build", vault, "-o", out_dir, "--dry-run", "--json", cwd=tmp_path)
    output = json.loads(dry.stdout)["outputs"][0]
    assert output["status"] == "unchanged"
    assert (len(output["diff"]["new"]), len(output["diff"]["changed"])) == (0, 0)
    assert output["diff"]["unchanged"] == 3
    shutil.move(vault / "Web/HTTP/Caching.md", vault / "Web/HTTP/Caching in HTTP.md")
    dry = notecards("build", vault, "-o", out_dir, "--dry-run", cwd=tmp_path)
    assert "0 new, 0 changed, 0 gone, 1 unchanged, 1 renamed" in dry.stdout, dry.stdout
    assert "Web/HTTP/Caching.md → Web/HTTP/Caching in HTTP.md" in dry.stdout


# ---------------------------------------------------------------- the real Anki, the quiz


@pytest.mark.slow
def test_a_moved_folder_keeps_the_anki_notes_and_their_reviews(vault: Path, tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    out_dir = tmp_path / "decks"
    assert notecards("build", vault, "-o", out_dir, cwd=tmp_path).returncode == 0
    package = out_dir / "Vault.apkg"
    with open_collection(tmp_path / "anki") as col:
        log = import_apkg(col, package)
        assert len(log.new) == 3
        card = col.get_card(col.find_cards('"front:What is a validator?"')[0])
        card.start_timer()
        col.sched.answerCard(card, 3)
        reviewed = card.id
        shutil.move(vault / "Web", vault / "Internet")
        build = notecards("build", vault, "-o", out_dir, cwd=tmp_path)
        assert build.returncode == 0, build.stderr
        log = import_apkg(col, package, update="always")
        assert (len(log.new), len(log.duplicate) + len(log.updated)) == (0, 3)
        notes = all_notes(col)
        assert len(notes) == 3  # nothing gone, nothing new
        (review,) = [c for n in notes.values() for c in n["cards"] if c["id"] == reviewed]
        assert review["reps"] == 1
        # Anki's importer never moves a card it has (docs/identity.md): the package's
        # deck follows the folder, the reviewed card stays where the user keeps it
        assert review["deck"] == "Vault::Web::HTTP"
        decks = {
            c["deck"] for c in json.loads(notecards("cards", vault, "--json", cwd=tmp_path).stdout)
        }
        assert decks == {"Vault::Internet::HTTP", "Vault::Internet"}


@pytest.mark.slow
def test_the_quiz_keeps_its_review_state_when_a_folder_moves(vault: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    first = notecards(
        "quiz", vault, "--mode", "flip", "--state", state, stdin="4\n4\n4\n", cwd=tmp_path
    )
    assert first.stdout.strip().splitlines()[-1].startswith("score 3/3"), first.stdout
    shutil.move(vault / "Web", vault / "Internet")
    again = notecards("quiz", vault, "--mode", "flip", "--state", state, stdin="", cwd=tmp_path)
    assert again.stdout.strip().splitlines()[-1].startswith("score 0/0"), again.stdout
