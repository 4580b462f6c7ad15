"""Every note the project writes for itself, parsed once per test module that asks:
the sample vault, the fixture notes and the quality corpus. Tests that hold a shortcut
equal to the slow way (an extractor's `needs`, skipping cards under the threshold) run
over all of them."""

from __future__ import annotations

from pathlib import Path

from notecards.model import Note
from notecards.reader import parse_note
from notecards.vault.media import Vault

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "notes", ROOT / "tests" / "notes", ROOT / "tests" / "quality" / "vault"]


def corpus_notes() -> list[tuple[Path, Note]]:
    """(path, note) for every Markdown file of CORPUS that parses to a note."""
    found = []
    for root in CORPUS:
        for path in sorted(root.rglob("*.md")):
            note, _ = parse_note(path.read_bytes(), path.relative_to(root).as_posix(), path,
                                 Vault(root))  # fmt: skip
            if note is not None:
                found.append((path, note))
    return found
