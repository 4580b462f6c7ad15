"""Media resolution: whatever a link says, only regular media files inside the vault,
outside its hidden folders, are ever returned, and nothing is opened to decide."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile_helpers import HOSTILE
from notecards.vault.media import Vault


@pytest.fixture
def escape_vault(tmp_path: Path) -> Path:
    """tests/hostile/escape copied, plus what git cannot hold: symlinks out and in
    loops, a FIFO and a device behind media names."""
    shutil.copytree(HOSTILE / "escape", tmp_path / "escape", symlinks=True)
    vault = tmp_path / "escape" / "vault"
    (vault / "link-out.png").symlink_to(tmp_path / "escape" / "outside" / "secret.png")
    (vault / "loop.png").symlink_to(vault / "loop.png")
    (vault / "a.png").symlink_to(vault / "b.png")
    (vault / "b.png").symlink_to(vault / "a.png")
    os.mkfifo(vault / "fifo.png")
    (vault / "zero.png").symlink_to("/dev/zero")
    (vault / "inside-link.png").symlink_to(vault / "img" / "ok.png")
    return vault


@pytest.mark.slow
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("../outside/secret.png", "file outside the vault refused: ../outside/secret.png"),
        ("..%2Foutside%2Fsecret.png", "file outside the vault refused: ..%2Foutside%2Fsecret.png"),
        ("%2e%2e/outside/secret.png", "file outside the vault refused: %2e%2e/outside/secret.png"),
        (
            "../../escape/outside/secret.png",
            "file outside the vault refused: ../../escape/outside/secret.png",
        ),
        ("/etc/passwd", "absolute path refused: /etc/passwd"),
        ("%2Fetc%2Fpasswd", "absolute path refused: %2Fetc%2Fpasswd"),
        (
            "file:///etc/passwd",
            "file: URL refused (only files inside the vault are embedded): file:///etc/passwd",
        ),
        (
            "FILE:/etc/hosts",
            "file: URL refused (only files inside the vault are embedded): FILE:/etc/hosts",
        ),
        ("C:\\Windows\\win.ini", "absolute path refused: C:\\Windows\\win.ini"),
        ("c:/x.png", "absolute path refused: c:/x.png"),
        ("\\\\server\\share\\x.png", "remote file not embedded: \\\\server\\share\\x.png"),
        ("//server/share/x.png", "remote file not embedded: //server/share/x.png"),
        ("https://evil.example/x.png", "remote file not embedded: https://evil.example/x.png"),
        ("ok%00.png", "control character in file name refused: 'ok%00.png'"),
        ("ok\n.png", "control character in file name refused: 'ok\\n.png'"),
        (
            ".private/secret.png",
            "not a media file, or in a hidden folder: refused: .private/secret.png",
        ),
        (
            ".obsidian/app.json",
            "not a media file, or in a hidden folder: refused: .obsidian/app.json",
        ),
        ("note.md", "not a media file, or in a hidden folder: refused: note.md"),
        ("link-out.png", "file outside the vault refused: link-out.png"),
        ("loop.png", "symlink loop refused: loop.png"),
        ("a.png", "symlink loop refused: a.png"),
        ("fifo.png", "FIFO (named pipe) refused: fifo.png"),
        ("zero.png", "file outside the vault refused: zero.png"),
        ("", "empty link"),
        ("missing.png", "embedded file not found: missing.png"),
    ],
)
def test_links_that_leave_the_vault_are_refused_with_a_reason(escape_vault, target, reason):
    vault = Vault(escape_vault)
    lookup = vault.resolve_media(target, escape_vault / "note.md")
    assert (lookup.path, lookup.reason) == (None, reason)


@pytest.mark.parametrize(
    "target", ["ok.png", "img/ok.png", "img%2Fok.png", "./img/../img/ok.png", "inside-link.png"]
)
def test_media_inside_the_vault_resolve_to_their_real_path(escape_vault, target):
    lookup = Vault(escape_vault).resolve_media(target, escape_vault / "note.md")
    assert lookup.path == (escape_vault / "img" / "ok.png").resolve()


def test_a_device_inside_the_vault_is_not_a_file(tmp_path: Path):
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    vault = Vault(tmp_path)
    (tmp_path / "null.png").symlink_to("/dev/null")
    assert not vault.contains(tmp_path / "null.png")
    assert vault.resolve_media("null.png", tmp_path / "n.md").path is None


def test_resolving_never_opens_a_fifo(escape_vault):
    """Opening a FIFO for reading blocks until a writer comes: the call returning at all
    shows it was never opened."""
    vault = Vault(escape_vault)
    for target in ("fifo.png", "./fifo.png", "img/../fifo.png"):
        assert vault.resolve_media(target, escape_vault / "note.md").path is None
