"""Issue 15 h: callouts in answers are kept, as a box in Anki and a quote in the terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import run_notecards
from notecards.render.markup import RenderContext, render_markdown
from notecards.render.sanitize import clean_html
from quiz_helpers import NOTECARDS

VAULT = Path(__file__).resolve().parent / "notes" / "callouts"


def run(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_notecards(*args, stdin=stdin, env={"COLUMNS": "120"})


def test_a_callout_renders_as_a_box_with_its_title() -> None:
    html = render_markdown("> [!warning]- Careful\n> Never run this as **root**.\n\n> a quote")
    assert html.startswith('<div class="nc-callout nc-callout-warning">')
    assert '<div class="nc-callout-title">Careful</div>' in html
    assert "<p>Never run this as <strong>root</strong>.</p>" in html
    assert "[!warning]" not in html
    assert "<blockquote>\n<p>a quote</p>\n</blockquote>" in html  # a plain quote stays one
    assert clean_html(html) == html  # the sanitizer keeps the classes
    untitled = render_markdown("> [!tip]\n> body", RenderContext())
    assert '<div class="nc-callout-title">Tip</div>' in untitled


@pytest.mark.slow
def test_a_callout_in_an_answer_reaches_anki_and_the_terminal(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, note_type, open_collection

    built = run("build", VAULT, "-o", tmp_path / "out", "--no-cache")
    assert built.returncode == 0, built.stderr
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, tmp_path / "out" / "callouts.apkg")
        (note,) = all_notes(col).values()
        css = note_type(col, note["notetype"])["css"]
    back = note["fields"]["Back"]
    assert '<div class="nc-callout nc-callout-warning">' in back
    assert "Never run this as root." in back and ".nc-callout-title" in css
    quiz = run("quiz", VAULT, "--cram", "--mode", "flip", stdin="3\n")
    assert "▌ Careful" in quiz.stdout and "▌ Never run this as root." in quiz.stdout


@pytest.mark.slow
def test_code_keeps_its_leading_whitespace_in_the_terminal_and_the_cards_table(
    tmp_path: Path,
) -> None:
    import pexpect

    note = VAULT.parent / "code" / "Code.md"
    listing = run("cards", note)  # to a pipe: plain lines, the answer under "A  "
    assert "\nA  for x in items:\n       print(x)\n" in listing.stdout
    table = pexpect.spawn(
        NOTECARDS[0],
        [*NOTECARDS[1:], "cards", str(note)],
        env={**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    table.expect(r"│ for x in items: +│\r?\n")
    table.expect(r"│     print\(x\) +│")  # four spaces kept in the table cell
    table.expect(pexpect.EOF)
    scripted = run("quiz", note, "--cram", "--mode", "flip", stdin="3\n")
    assert "\n    print(x)\n" in scripted.stdout
    child = pexpect.spawn(
        NOTECARDS[0],
        [*NOTECARDS[1:], "quiz", str(note), "--cram", "--mode", "flip"],
        env={**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    child.expect("reveal")
    child.send(" ")
    child.expect("for x in items:")
    child.expect(r"\n│ +    print\(x\)")  # inside the panel, after its own margin
    child.expect("quit")
    child.send("q")
    child.expect(pexpect.EOF)


@pytest.mark.slow
def test_a_missing_image_leaves_a_visible_placeholder(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    vault = VAULT.parent / "missing"
    built = run("build", vault, "-o", tmp_path / "out", "--no-cache")
    assert built.returncode == 0, built.stderr
    assert "Flow.md:5: embedded file not found: missing-diagram.png" in built.stderr
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, tmp_path / "out" / "missing.apkg")
        (note,) = all_notes(col).values()
    placeholder = "[missing image: missing-diagram.png]"
    assert f'<span class="nc-missing">{placeholder}</span>' in note["fields"]["Back"]
    quiz = run("quiz", vault, "--cram", "--mode", "flip", stdin="3\n")
    assert f"A: The request flow: {placeholder}" in quiz.stdout
