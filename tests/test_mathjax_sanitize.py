"""Issue 13, finding 13: MathJax commands that make links, styles, ids or load
resources never reach an Anki field, and each removal is reported at its card."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.render.sanitize import (
    UNSAFE_MATHJAX,
    clean_html,
    mathjax_commands,
    neutralise_mathjax_text,
)

NOTE = Path(__file__).resolve().parent / "notes" / "quiz_hostile" / "mathjax.md"
_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]
UNSAFE = ("\\href", "\\style", "\\class", "\\cssId", "\\data", "\\unicode", "\\require", "\\html")


@pytest.mark.parametrize(
    ("field", "kept"),
    [
        ("\\(\\href{javascript:alert(1)}{x}\\)", "\\({}{x}\\)"),
        ("\\(\\style{background:url(https://e.x/p)}{z}\\)", "\\({}{z}\\)"),
        ("<p>\\(\\class {a} {b}\\)</p>", "<p>\\({} {b}\\)</p>"),
        ("\\[\\unicode[Arial]{x41}\\]", "\\[{}\\]"),
        ("\\(\\require{html}\\htmlStyle{color:red}{q}\\)", "\\({}{}{q}\\)"),
        ("\\(\\mmlToken{mi}[href='javascript:1']{m}\\)", "\\({}{m}\\)"),
        ("\\(\\bbox[background:url(https://e.x)]{b}\\)", "\\({}{b}\\)"),
        ("\\(\\hr\\href{u}ef{x}\\)", "\\(\\hr{}ef{x}\\)"),  # removal joins no new command
        ("\\(\\frac{a}{b} \\hrefx\\)", "\\(\\frac{a}{b} \\hrefx\\)"),  # other commands stay
        ("<pre>\\href{u}{t}</pre> <code>\\style{s}{t}</code>", None),  # code is left alone
    ],
)
def test_unsafe_commands_are_removed_and_their_text_kept(field: str, kept: str | None) -> None:
    cleaned = clean_html(field)
    assert cleaned == (field if kept is None else kept)
    assert clean_html(cleaned) == cleaned  # idempotent, as the memo needs


@pytest.mark.slow
@given(st.text(alphabet="\\{}[] hrefstyleclassunicodeHTMLcssIdxz<>/", max_size=80))
def test_no_unsafe_command_survives_any_text(text: str) -> None:
    out = neutralise_mathjax_text(text)
    assert mathjax_commands(out) == []
    assert all(name in UNSAFE_MATHJAX or name.startswith("html") for name in
               (c[1:] for c in mathjax_commands(text)))  # fmt: skip


@pytest.mark.slow
def test_build_reports_each_card_and_anki_gets_no_unsafe_command(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    out = subprocess.run(
        [*NOTECARDS, "build", str(NOTE), "-o", str(tmp_path / "out"), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert out.returncode == 0, out.stderr
    warnings = [line for line in out.stderr.splitlines() if "MathJax" in line]
    assert len(warnings) == 2, out.stderr
    assert warnings[0].endswith(
        "mathjax.md:6: MathJax \\href, \\style removed from the card “What does the formula "
        "show?”: in Anki it can run a script or load from the network"
    )
    assert "mathjax.md:8: MathJax \\unicode, \\class, \\cssId, \\htmlData removed" in warnings[1]
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, tmp_path / "out" / "mathjax.apkg")
        fields = {n["fields"]["Front"]: n["fields"]["Back"] for n in all_notes(col).values()}
    assert fields["What does the formula show?"] == "\\({}{x}\\) and \\({}{z}\\)"
    assert fields["A safe one?"] == "\\(\\frac{a}{b}\\) with \\(\\mathrm{d}x\\)"
    assert (
        "<code>\\href{https://example.org}{text}</code>"
        in fields["How do you write a link in LaTeX?"]
    )
    math_fields = [back for front, back in fields.items() if "LaTeX" not in front]
    assert not any(name in back for back in math_fields for name in UNSAFE)


@pytest.mark.slow
def test_the_quiz_shows_the_warning_and_keeps_exit_0() -> None:
    out = subprocess.run(
        [*NOTECARDS, "quiz", str(NOTE), "--cram", "--mode", "flip", "--limit", "1"],
        input="3\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr  # warnings never change the quiz's status
    assert "MathJax \\href, \\style removed" in out.stderr
