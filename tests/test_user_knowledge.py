"""User knowledge files reach the cards: from the config folder or the vault's own
`.notecards/knowledge/`, and a change to them is never hidden by the note cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from notecards.build.pipeline import BuildOptions, collect
from notecards.knowledge import reset_user_knowledge

NOTE = """\
# API responses

Every response says its status and its X-Api-Version.

```http
HTTP/1.1 200 OK
X-Api-Version: 3
```
"""


@pytest.fixture(autouse=True)
def _forget_user_knowledge():
    reset_user_knowledge()
    yield
    reset_user_knowledge()


def _vault(tmp_path: Path, meaning: str) -> Path:
    vault = tmp_path / "vault"
    (vault / ".notecards" / "knowledge").mkdir(parents=True, exist_ok=True)
    (vault / "api.md").write_text(NOTE, encoding="utf-8")
    entry = {"name": "X-Api-Version", "role": "response", "en": meaning, "ru": meaning}
    path = vault / ".notecards" / "knowledge" / "api.json"
    path.write_text(json.dumps({"headers": [entry]}), encoding="utf-8")
    return vault


def _header_back(vault: Path) -> str:
    cards = collect([vault], BuildOptions()).cards
    (card,) = [c for c in cards if "X-Api-Version" in c.front]
    return card.back


def test_a_vaults_knowledge_file_explains_its_own_headers(tmp_path: Path):
    assert "Version of our API" in _header_back(_vault(tmp_path, "Version of our API."))


def test_editing_the_knowledge_file_invalidates_cached_cards(tmp_path: Path):
    vault = _vault(tmp_path, "First meaning.")
    assert "First meaning" in _header_back(vault)
    knowledge = vault / ".notecards" / "knowledge" / "api.json"
    knowledge.write_text(knowledge.read_text().replace("First", "Second"), encoding="utf-8")
    later = knowledge.stat().st_mtime + 5
    os.utime(knowledge, (later, later))
    assert "Second meaning" in _header_back(vault)


def test_a_broken_knowledge_file_is_reported_and_cards_still_come(tmp_path: Path):
    vault = _vault(tmp_path, "x")
    (vault / ".notecards" / "knowledge" / "broken.json").write_text("{\n  oops\n", "utf-8")
    result = collect([vault], BuildOptions())
    assert [p.line for p in result.problems if p.path.endswith("broken.json")] == [2]
    assert result.cards
