"""Shared fixtures: paths to the sample vault, the fixture notes and the seed note."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_VAULT = REPO / "notes"
FIXTURES = Path(__file__).resolve().parent / "notes"
SEED_NOTE = REPO.parent / "shared" / "seeds" / "000_08d1d95c008f0c88.md"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test ever reads or writes the real user's cache, config or review state."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture
def seed_note() -> Path:
    if not SEED_NOTE.is_file():
        pytest.skip("the user's seed note (../shared/seeds/) is not present")
    return SEED_NOTE
