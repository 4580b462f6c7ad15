"""The layers point one way: reading and rendering a note need no vault and no build
engine, and the vault layer needs no build engine (checked in a fresh interpreter,
where nothing else has imported them yet)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

LAYERS = ("notecards.vault", "notecards.build", "notecards.cli")


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


# the other tools' card syntaxes still read their plugin's settings file from the vault;
# every other extractor sees the note, its context and its switches only
READS_PLUGIN_SETTINGS = {"flashcards_obsidian", "obsidian_to_anki", "osr_settings"}


def _imports_reaching(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    """Every module of `package` whose import lines (inside functions too) name one of
    `forbidden` (importing one module would run the package's others)."""
    import ast

    import notecards

    folder = Path(notecards.__file__).parent / package.replace(".", "/")
    reaching = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        outside = [m for m in names if m.startswith(forbidden)]
        if outside:
            reaching[path.relative_to(folder).with_suffix("").as_posix()] = outside
    return reaching


def test_extractors_import_neither_the_vault_nor_the_build():
    leaning = _imports_reaching("extractors", LAYERS)
    assert {name: m for name, m in leaning.items() if name not in READS_PLUGIN_SETTINGS} == {}


@pytest.mark.parametrize("package", ["build", "quiz", "vault", "reader", "render", "text"])
def test_no_layer_below_the_commands_imports_them(package: str):
    assert _imports_reaching(package, ("notecards.cli",)) == {}
