"""A vault written for another tool's plugin: notes, and the plugin's settings file."""

from __future__ import annotations

import json
from pathlib import Path


def plugin_vault(
    tmp_path: Path, notes: dict[str, str], settings_file: str, data: dict | None = None
) -> Path:
    """`tmp_path/V` with an `.obsidian/` folder, `notes` (path → text) and, when `data`
    is given, the plugin's settings at `settings_file` (relative to the vault)."""
    root = tmp_path / "V"
    (root / ".obsidian").mkdir(parents=True, exist_ok=True)
    for rel, text in notes.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    if data is not None:
        (root / settings_file).parent.mkdir(parents=True, exist_ok=True)
        (root / settings_file).write_text(json.dumps(data), encoding="utf-8")
    return root
