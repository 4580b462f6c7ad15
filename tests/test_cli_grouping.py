"""A problem met in many files is one line of the real command's stderr (and still a
warning each, counted); `--verbose` lists every one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_notecards
from notecards.cli.grouping import GROUP_ABOVE, problem_kind, split_repeated
from notecards.model import Problem

ENCRYPTED = b"\x00GITCRYPT\x00" + bytes(range(256)) * 4  # what git-crypt leaves locked


run = run_notecards


def make_vault(root: Path, encrypted: int, missing_images: int) -> Path:
    vault = root / "vault"
    vault.mkdir()
    (vault / "plain.md").write_text("Question::Answer\n", encoding="utf-8")
    for n in range(encrypted):
        (vault / f"secret{n}.md").write_bytes(ENCRYPTED)
    for n in range(missing_images):
        text = f"Question {n}::Answer {n}\n\n![[Pasted image {n}.png]]\n"
        (vault / f"n{n}.md").write_text(text, encoding="utf-8")
    return vault


@pytest.mark.slow
def test_many_encrypted_notes_are_one_line_and_count_as_warnings(tmp_path: Path):
    make_vault(tmp_path, encrypted=9, missing_images=0)
    result = run("check", "vault", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert result.returncode == 0  # warnings: the plain note's card is fine
    assert lines == [
        "9 encrypted or binary files skipped (not Markdown, e.g. git-crypt); list them "
        "with --verbose or add them to .notecardsignore",
        "9 warnings in 9 files",
        "checked 1 note: 1 card, 9 problems",
    ]
    assert run("check", "vault", "--strict", cwd=tmp_path).returncode == 1


@pytest.mark.slow
def test_verbose_lists_every_file(tmp_path: Path):
    make_vault(tmp_path, encrypted=9, missing_images=0)
    result = run("build", "vault", "-o", "out", "--verbose", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = [line for line in result.stderr.splitlines() if "binary file" in line]
    assert listed == [
        f"vault/secret{n}.md:1: binary file, not a Markdown note: skipped" for n in range(9)
    ]


@pytest.mark.slow
def test_a_repeated_warning_of_notes_is_grouped_few_are_listed(tmp_path: Path):
    make_vault(tmp_path, encrypted=2, missing_images=GROUP_ABOVE + 2)
    lines = run("cards", "vault", cwd=tmp_path).stderr.splitlines()
    assert sum("binary file" in line for line in lines) == 2  # few: each on its line
    (grouped,) = [line for line in lines if line.startswith("embedded file not found:")]
    assert grouped.startswith(
        f"embedded file not found: {GROUP_ABOVE + 2} times in {GROUP_ABOVE + 2} files "
        "(first: vault/n0.md:3: embedded file not found: Pasted image 0.png)"
    )
    assert grouped.endswith("; list them all with --verbose")
    assert lines[-1] == f"{GROUP_ABOVE + 4} warnings in {GROUP_ABOVE + 4} files"


@pytest.mark.slow
def test_many_problems_of_one_note_stay_listed_at_their_lines(tmp_path: Path):
    images = "".join(f"![[gone{n}.png]]\n\n" for n in range(GROUP_ABOVE + 2))
    (tmp_path / "note.md").write_text(f"Question::Answer\n\n{images}", encoding="utf-8")
    lines = run("check", "note.md", cwd=tmp_path).stderr.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:-2]] == [
        f"note.md:{3 + 2 * n}" for n in range(GROUP_ABOVE + 2)
    ]


def test_the_kind_leaves_out_what_varies():
    assert problem_kind("embedded file not found: a 1.png") == problem_kind(
        "embedded file not found: b"
    )
    assert problem_kind("not UTF-8 (byte 0xcf): read as X") == problem_kind(
        "not UTF-8 (byte 0xe9): Y"
    )
    assert problem_kind("embedded file not found: a") != problem_kind("embedded note not found: a")


problems = st.lists(
    st.builds(
        Problem,
        st.sampled_from([f"n{n}.md" for n in range(GROUP_ABOVE + 3)]),
        st.integers(0, 9),
        st.sampled_from(["embedded file not found: x", "code block is never closed", "odd"]),
        st.sampled_from(["error", "warning"]),
    ),
    max_size=30,
)


@given(problems)
def test_every_problem_is_listed_or_grouped_once(found: list[Problem]):
    listed, groups = split_repeated(found)
    grouped = [p for g in groups for p in g.problems]
    assert sorted(map(id, listed + grouped)) == sorted(map(id, found))
    assert all(len({p.path for p in g.problems}) > GROUP_ABOVE for g in groups)
    for kind in {problem_kind(p.message) for p in listed}:
        files = {p.path for p in listed if problem_kind(p.message) == kind}
        assert len(files) <= GROUP_ABOVE
