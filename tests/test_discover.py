"""Which files of a vault are notes: Obsidian's folders, hidden folders, the ignore file
and the --include/--exclude globs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES
from notecards.vault.discover import discover

VAULT = FIXTURES / "vault"


def _rel(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root.resolve()).as_posix() for p in paths]


def test_vault_rules_skip_obsidian_trash_hidden_and_ignored():
    found = _rel(discover(VAULT), VAULT)
    assert found == [
        "Databases/Indexes.md",
        "Databases/Loop.md",
        "Drafts/Idea.md",
        "Index.md",
        "Web/Advanced/Proxies.md",
        "Web/Caching.md",
        "Web/HTTP.md",
    ]


def test_include_and_exclude_globs_use_gitignore_syntax():
    assert _rel(discover(VAULT, include=["Web/"]), VAULT) == [
        "Web/Advanced/Proxies.md",
        "Web/Caching.md",
        "Web/HTTP.md",
    ]
    assert _rel(discover(VAULT, include=["Web/"], exclude=["Advanced/"]), VAULT) == [
        "Web/Caching.md",
        "Web/HTTP.md",
    ]
    assert "Index.md" not in _rel(discover(VAULT, exclude=["/Index.md"]), VAULT)
    assert _rel(discover(VAULT, include=["**/Loop.md"]), VAULT) == ["Databases/Loop.md"]


def test_a_file_given_directly_is_always_a_note():
    note = VAULT / "Private" / "Diary.md"
    assert discover(note) == [note]


def test_symlink_loops_and_links_out_of_the_root_are_not_followed(tmp_path: Path):
    root = tmp_path / "vault"
    (root / "a").mkdir(parents=True)
    (root / "a" / "n.md").write_text("x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.md").write_text("x")
    try:
        os.symlink(root, root / "a" / "loop")
        os.symlink(outside, root / "out")
    except OSError:
        pytest.skip("no symlinks here")
    assert _rel(discover(root), root) == ["a/n.md"]


def test_markdown_suffixes_only(tmp_path: Path):
    for name in ("a.md", "b.markdown", "c.MD", "d.txt", ".e.md", "f.canvas"):
        (tmp_path / name).write_text("x")
    assert _rel(discover(tmp_path), tmp_path) == ["a.md", "b.markdown", "c.MD"]
