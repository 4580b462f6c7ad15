"""Fuzzing with the shapes of real notes (issue 13, part C): `cards` and `build`, in
process, over small vaults of generated notes; no exception escapes, no note meets an
internal error, and the output is bounded by the input.

The default budget is small, to keep the suite fast; maintainers run it long:

    NOTECARDS_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_shapes.py -p no:cacheprovider
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from notecards.build.pipeline import BuildOptions, collect
from notecards.build.run import run_build
from strategies_shapes import vault_notes

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

EXAMPLES = int(os.environ.get("NOTECARDS_FUZZ_EXAMPLES", "30"))
SHAPES = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
IMAGE = Path(__file__).resolve().parents[1] / "notes" / "attachments" / "client-server.png"
OPTIONS = BuildOptions(cache=False, workers=1)


def _vault(folder: Path, notes: list[tuple[str, str]]) -> int:
    """The notes as files of a vault (with an image to embed); their total size."""
    shutil.copy(IMAGE, folder / "img.png")
    size = 0
    for name, text in notes:
        data = text.encode("utf-8", "surrogatepass")
        (folder / f"{name}.md").write_bytes(data)
        size += len(data)
    return size


@SHAPES
@given(vault_notes)
def test_real_shapes_give_cards_or_messages_never_a_crash(notes: list[tuple[str, str]]):
    with tempfile.TemporaryDirectory() as scratch:
        vault = Path(scratch) / "vault"
        vault.mkdir()
        size = _vault(vault, notes) + 200
        result = collect([vault], OPTIONS)
        internal = [str(p) for p in result.problems if "internal error" in p.message]
        assert not internal, internal
        assert len(result.problems) <= 20 + size // 4
        assert len(result.cards) <= size
        for card in result.cards:
            assert card.line >= 1
            assert len(card.front) + len(card.back) <= 20 * size
        summary = run_build([vault], Path(scratch) / "out", options=OPTIONS)
        assert not [p for p in summary.problems if "internal error" in p.message]
        assert summary.cards == len(result.cards)
        package = Path(scratch) / "out" / "vault.apkg"
        assert package.exists() == bool(result.cards)
        if package.exists():
            assert package.stat().st_size <= 200_000 + 200 * size
