"""Notes in the vault's templates folder give no mined cards: a template ("{{title}}",
empty Key Concepts sections, a list of the vault's CSS classes) is no study material. The
folder is the one Obsidian's Templates plugin (`.obsidian/templates.json`) or Templater
(`templater-obsidian/data.json`) names; the cards a user wrote in a template stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_notecards

DEFINITION = (
    "_Идемпотентность_ — это свойство операции, повторный вызов которой не меняет результат.\n"
)
EXPLICIT = "Что такое {{title}}?::Ответ из шаблона\n"


def _vault(root: Path, settings: str, data: dict[str, str]) -> Path:
    (root / ".obsidian" / Path(settings).parent).mkdir(parents=True, exist_ok=True)
    (root / ".obsidian" / settings).write_text(json.dumps(data), encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "Понятие.md").write_text(DEFINITION + "\n" + EXPLICIT, encoding="utf-8")
    (root / "HTTP").mkdir()
    (root / "HTTP" / "Методы.md").write_text(DEFINITION, encoding="utf-8")
    return root


def _cards_by_note(root: Path) -> dict[str, set[str]]:
    done = run_notecards("cards", root, "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, set[str]] = {}
    for card in json.loads(done.stdout):
        found.setdefault(card["note"], set()).add(card["extractor"])
    return found


@pytest.mark.parametrize(
    ("settings", "data"),
    [
        ("templates.json", {"folder": "Templates"}),  # its case differs from the folder's
        ("plugins/templater-obsidian/data.json", {"templates_folder": "templates/"}),
    ],
)
def test_a_template_gives_only_the_cards_written_in_it(tmp_path: Path, settings, data) -> None:
    found = _cards_by_note(_vault(tmp_path, settings, data))
    assert found["templates/Понятие.md"] == {"explicit"}
    assert "definitions" in found["HTTP/Методы.md"]


def test_without_a_templates_setting_the_folder_is_a_folder(tmp_path: Path) -> None:
    found = _cards_by_note(_vault(tmp_path, "app.json", {}))
    assert "definitions" in found["templates/Понятие.md"]
