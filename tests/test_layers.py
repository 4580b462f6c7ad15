"""The layers point one way: reading and rendering a note need no vault and no build
engine, and the vault layer needs no build engine (checked in a fresh interpreter,
where nothing else has imported them yet)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_after(module: str, prefixes: tuple[str, ...]) -> list[str]:
    code = (
        f"import sys, {module}; "
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    "module", ["notecards.reader", "notecards.render", "notecards.render.markup"]
)
def test_reading_and_rendering_import_neither_the_vault_nor_the_build(module: str):
    layers = ("notecards.vault", "notecards.build", "notecards.cli")
    assert _loaded_after(module, layers) == []


@pytest.mark.parametrize(
    "module",
    [
        "notecards.vault.scan",
        "notecards.vault.discover",
        "notecards.vault.links",
        "notecards.vault.media",
        "notecards.vault.embeds",
        "notecards.vault.vault_settings",
        "notecards.vault.plugin_settings",
    ],
)
def test_the_vault_layer_imports_nothing_of_the_build_engine(module: str):
    assert _loaded_after(module, ("notecards.build", "notecards.cli")) == []
