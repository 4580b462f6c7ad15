"""Usage errors of the real `notecards` command: exit 2, one sentence saying what to do,
no `path:0:` pseudo-line, no table row for a package that was never going to be."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import run_notecards

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

run = run_notecards  # on pipes, as a script runs it


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "a.md").write_text("Question::Answer\n", encoding="utf-8")
    return folder


def assert_usage_error(result: subprocess.CompletedProcess[str], sentence: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert ":0:" not in result.stderr and "Traceback" not in result.stderr
    # one unwrapped line on a pipe, so the sentence is found whole
    assert any(
        line.startswith("Error: ") and sentence in line for line in result.stderr.splitlines()
    ), result.stderr


@pytest.mark.parametrize("command", ["build", "cards", "check", "watch"])
def test_a_missing_path_is_a_usage_error_in_every_command(command: str, tmp_path: Path):
    result = run(command, str(tmp_path / "nope.md"), cwd=tmp_path)
    assert_usage_error(result, "nope.md: no such file or folder; check the spelling")


@pytest.mark.parametrize("command", ["build", "cards", "check"])
def test_a_file_that_is_not_a_note_is_a_usage_error(command: str, tmp_path: Path):
    (tmp_path / "deck.apkg").write_bytes(b"PK\x03\x04")
    result = run(command, str(tmp_path / "deck.apkg"), cwd=tmp_path)
    assert_usage_error(result, "deck.apkg: not a note (.md), a folder of notes; name one of them")


@pytest.mark.parametrize("command", ["build", "cards", "check"])
def test_a_folder_with_no_notes_says_so(command: str, tmp_path: Path):
    empty = tmp_path / "empty"
    (empty / ".obsidian").mkdir(parents=True)
    (empty / ".obsidian" / "hidden.md").write_text("Q::A\n", encoding="utf-8")
    (empty / "picture.png").write_bytes(b"\x89PNG")
    result = run(command, "empty", cwd=tmp_path)
    assert_usage_error(result, "empty: no notes in this folder")


def test_an_output_path_that_is_a_file_is_a_usage_error(vault: Path, tmp_path: Path):
    (tmp_path / "decks").write_text("not a folder", encoding="utf-8")
    result = run("build", str(vault), "-o", "decks", cwd=tmp_path)
    assert_usage_error(result, "decks: is a file, and --out takes the folder")
    nested = run("build", str(vault), "-o", "decks/sub", cwd=tmp_path)
    assert_usage_error(nested, "decks/sub: decks is a file, so no folder can be made there")


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["build", "--format", "docx"], "Invalid value for '--format'"),
        (["build", "--split", "chapter"], "Invalid value for '--split'"),
        (["quiz", "--mode", "exam"], "Invalid value for '--mode'"),
    ],
)
def test_an_unknown_choice_is_a_usage_error_naming_the_choices(
    args: list[str], sentence: str, vault: Path
):
    result = run(*args, str(vault))
    assert_usage_error(result, sentence)
    assert "'docx'" in result.stderr or "'chapter'" in result.stderr or "'exam'" in result.stderr


def test_build_without_a_path_and_without_notes_folder_asks_for_one(tmp_path: Path):
    """From a script: a usage error saying what to type; `notes/` is never made up."""
    result = run("build", cwd=tmp_path)
    assert_usage_error(result, "no PATH given and no notes/ folder here: name your vault")
    assert not (tmp_path / "decks").exists()


def test_build_without_a_path_uses_notes_folder(tmp_path: Path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("Question::Answer\n", encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "decks" / "notes.apkg").is_file()


def test_build_on_a_terminal_without_a_path_prompts_for_the_vault(vault: Path, tmp_path: Path):
    child = pexpect.spawn(
        sys.executable,
        ["-m", "notecards", "build", "-o", "out"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 100),
    )
    child.expect("Path to your vault or notes folder")
    child.sendline(str(vault))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert (tmp_path / "out" / "vault.apkg").is_file()
