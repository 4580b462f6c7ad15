"""Issue 13, finding 4: embeds multiply (150 per level over three levels turned a 48 KB
vault into a 218 MB field, 2.6 GB of memory); the Markdown an embed and a note may
show is bounded, and what is cut is said."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import HANG_GUARD_SECONDS, collection_rows
from hostile_helpers import run_cli
from notecards.vault.embeds import MAX_EMBED_CHARS, MAX_NOTE_EMBED_CHARS

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

FAN_OUT = 150


def _fan_out_vault(root: Path) -> Path:
    root.mkdir()
    embeds = " ".join("![[L1]]" for _ in range(FAN_OUT))
    (root / "Top.md").write_text(f"What is in it?\n?\nIt holds:\n{embeds}\n")
    (root / "L1.md").write_text("".join("![[L2]]\n" for _ in range(FAN_OUT)))
    (root / "L2.md").write_text("".join("![[L3]]\n" for _ in range(FAN_OUT)))
    (root / "L3.md").write_text("A leaf paragraph of some words.\n")
    (root / "Other.md").write_text("Capital of France::Paris\n")
    return root


def test_embed_fan_out_is_bounded_per_embed_and_per_note(tmp_path: Path):
    vault = _fan_out_vault(tmp_path / "vault")
    out = tmp_path / "out"
    result = run_cli("build", str(vault), "-o", str(out), timeout=HANG_GUARD_SECONDS * 2)
    assert result.returncode == 0, result.stderr
    assert "Top.md:4: embed shows over 1 MiB with the notes it embeds" in result.stderr
    assert "Top.md:4: embedded notes exceed 4 MiB in this note" in result.stderr
    (package,) = out.glob("*.apkg")
    rows = collection_rows(package)
    fields = [row[6] for row in rows["notes"]]
    assert any("Paris" in f for f in fields)  # the other notes are there
    (top,) = [f for f in fields if "What is in it?" in f]
    assert "A leaf paragraph" in top  # embeds are shown up to the budget
    # 3.4 million leaves would make hundreds of MB; the budget keeps the field to a few
    assert len(top.encode()) < 4 * (MAX_EMBED_CHARS + MAX_NOTE_EMBED_CHARS)
    with zipfile.ZipFile(package) as archive:
        assert archive.getinfo("collection.anki2").file_size < 64 * 1024 * 1024


def test_a_note_under_the_budget_embeds_everything_without_a_message(tmp_path: Path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Top.md").write_text("What is in it?\n?\nIt holds:\n" + "![[Leaf]]\n" * 20)
    (vault / "Leaf.md").write_text("A leaf paragraph of some words.\n")
    result = run_cli("cards", "--json", str(vault))
    assert result.returncode == 0 and "embed" not in result.stderr, result.stderr
