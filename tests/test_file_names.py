"""A file name that is not UTF-8 (issue 13, finding 7).

A note named in CP1251 (from an old archive) crashed build, cards and quiz with a
UnicodeEncodeError in the id hash. It is now reported, with the name's bytes shown
escaped, and every other note goes on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

NAME = "Пример".encode("cp1251") + b".md"  # b"\xcf\xf0\xe8\xec\xe5\xf0.md"
SHOWN = r"\xcf\xf0\xe8\xec\xe5\xf0.md:1: file name is not valid UTF-8"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    if sys.platform != "linux":
        pytest.skip("a file name of raw bytes needs a Linux file system")
    folder = tmp_path / "vault"
    (folder / "old").mkdir(parents=True)
    with open(os.fsencode(folder / "old") + b"/" + NAME, "wb") as handle:
        handle.write(b"# Old\n\nOld question?::Old answer\n")
    (folder / "Good.md").write_text("# Good\n\nGood question?::Good answer\n")
    return folder


def _notecards(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "notecards", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "NOTECARDS_DEBUG": "", "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize(
    "command",
    [
        ["build", "vault", "-o", "out"],
        ["build", "vault", "-o", "out", "--json", "--no-cache"],
        ["cards", "vault", "--json"],
        ["quiz", "vault", "--print"],
        ["check", "vault"],
    ],
)
def test_a_name_in_another_encoding_is_reported_and_the_rest_goes_on(
    vault: Path, command: list[str]
):
    done = _notecards(*command, cwd=vault.parent)
    # a quiz asks the cards it could read: problems in the notes never change its status
    assert done.returncode == (0 if command[0] == "quiz" else 1), done.stderr
    assert SHOWN in done.stderr, done.stderr  # strict UTF-8 output: the bytes, escaped
    assert "internal error" not in done.stderr
    if command[0] == "cards":
        cards = json.loads(done.stdout)
        assert [card["front"] for card in cards] == ["Good question?"]
    if command[0] == "quiz":
        assert "Good question?" in done.stdout and "Old" not in done.stdout
    if "--json" in command and command[0] == "build":
        messages = json.loads(done.stdout)["messages"]
        assert [m["path"].endswith(SHOWN.split(":")[0][-28:]) for m in messages] == [True]


def test_the_deck_of_the_rest_imports(vault: Path):
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    done = _notecards("build", "vault", "-o", "out", cwd=vault.parent)
    assert done.returncode == 1
    with open_collection(vault.parent / "anki") as col:
        import_apkg(col, vault.parent / "out" / "vault.apkg")
        fronts = [n["fields"]["Front"] for n in all_notes(col).values()]
    assert fronts == ["Good question?"]
