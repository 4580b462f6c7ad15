"""One walk of the vault per build: the scan's skip rules, and a real build that
reads the folder tree once for discovery, links, media lookup and its fingerprint."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from notecards.build.pipeline import BuildOptions, collect
from notecards.build.run import run_build
from notecards.vault.scan import VaultScan, one_scan_per_vault, scan_vault


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", root)
    (root / "node_modules" / "pkg").mkdir(parents=True)
    (root / "node_modules" / "pkg" / "README.md").write_text("# Not a note\n")
    (root / "Web" / ".draft.md").write_text("# Hidden file\n")
    return root.resolve()


@pytest.fixture
def root_walks(monkeypatch: pytest.MonkeyPatch, vault: Path) -> list[str]:
    """Each `os.scandir` of the vault root (`os.walk` calls it too)."""
    calls: list[str] = []
    real_scandir = os.scandir

    def counting(path=".", *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and Path(path).resolve() == vault:
            calls.append(str(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", counting)
    return calls


def test_the_scan_skips_hidden_and_tool_folders_but_lists_every_file(vault: Path):
    scan = VaultScan(vault)
    names = scan.names()
    assert "attachments/diagram.png" in names
    assert "Web/.draft.md" in names  # a hidden file is a file (media lookup says why not)
    assert not [n for n in names if n.startswith((".obsidian/", ".trash/", ".hidden/"))]
    assert not [n for n in names if n.startswith("node_modules/")]
    assert "Web/.draft.md" not in scan.notes
    assert sorted(scan.notes) == sorted(
        [
            "Databases/Indexes.md",
            "Databases/Loop.md",
            "Drafts/Idea.md",
            "Index.md",
            "Private/Diary.md",
            "Web/Advanced/Proxies.md",
            "Web/Caching.md",
            "Web/HTTP.md",
        ]
    )


def test_media_by_name_keeps_a_folders_files_before_its_subfolders(tmp_path: Path):
    (tmp_path / "a").mkdir()
    for rel in ("a/x.png", "x.png"):
        (tmp_path / rel).write_bytes(b"png")
    found = VaultScan(tmp_path).by_name["x.png"]
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in found] == ["x.png", "a/x.png"]


def test_a_subfolder_takes_its_notes_from_the_vault_scan(vault: Path):
    problems: list[tuple[str, int, str]] = []
    notes = VaultScan(vault).notes_in(vault / "Web", problems)
    assert sorted(rel for rel, _ in notes) == ["Advanced/Proxies.md", "Caching.md", "HTTP.md"]
    assert VaultScan(vault).notes_in(vault / ".hidden", problems) is None  # never entered


def test_a_cold_build_walks_the_vault_once(vault: Path, tmp_path: Path, root_walks: list[str]):
    summary = run_build([vault], tmp_path / "out", options=BuildOptions(workers=1))
    assert summary.notes > 0 and not summary.has_errors
    assert len(root_walks) == 1, root_walks


def test_cards_of_two_folders_of_one_vault_walk_it_once(vault: Path, root_walks: list[str]):
    result = collect([vault / "Web", vault / "Databases"], BuildOptions(cache=False))
    assert len(result.notes) == 5
    assert len(root_walks) == 1, root_walks


def test_outside_a_build_each_scan_walks_afresh(vault: Path, root_walks: list[str]):
    scan_vault(vault)
    (vault / "New.md").write_text("# New\n")
    assert "New.md" in scan_vault(vault).notes  # watch: the next build sees new files
    with one_scan_per_vault():
        assert scan_vault(vault) is scan_vault(vault)
    assert len(root_walks) == 3
