"""No note text is ever read as a template (issue 13, part A).

A sentence holding `{vi}` once crashed a whole vault's build (exit 70, no deck): the
properties extractor formatted a question, then formatted the result again. Questions
are now filled by `text.fill.fill`, which cannot interpret what it inserts; a lint over
the source keeps every template a literal or a catalog constant; and the sample vault,
with format-string look-alikes in every sentence position, builds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notecards.text.fill import fill
from template_lint import check_source, check_tree

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "notes"
# notes of our own in every shape the prose extractors read (the sample vault has no
# property card, and the crash was in the properties extractor)
PROSE = Path(__file__).resolve().parent / "notes" / "h13"
LOOKALIKES = ("{t}", "{0}", "%s", "{{x}}", "%(name)s", "\\N{LATIN SMALL LETTER A}", "{marker}")


# ---------------------------------------------------------------- fill


def test_fill_replaces_only_the_names_given():
    assert fill("{t}: {head}{marker} …", t="A", head="b", marker=", until") == "A: b, until …"
    assert fill("{t} {other} {0} {{t}} %s", t="X") == "X {other} {0} {X} %s"


def test_fill_never_reads_a_value_again():
    template = "Что {s} {v}, когда {clause}?"
    values = {"s": "{v}", "v": "{clause}", "clause": "%(name)s {0} \\N{BULLET}"}
    assert fill(template, **values) == "Что {v} {clause}, когда %(name)s {0} \\N{BULLET}?"


def test_fill_leaves_braces_backslashes_and_percent_signs_alone():
    text = "a {b c} {} {1} %d %(x)s \\n \\N{SPACE} }{ {"
    assert fill(text, b="!", x="!") == text


# ---------------------------------------------------------------- the lint


@pytest.mark.slow
def test_no_template_in_the_source_could_hold_note_text():
    violations = check_tree(ROOT / "src" / "notecards")
    assert not violations, "\n".join(map(str, violations))


@pytest.mark.parametrize(
    "source",
    [
        # the old bug: a filled question formatted again with a marker
        "def f(t):\n    front = Q['a'].format(t=t)\n    return front.format(m=1)\n",
        "def f(t):\n    front = fill(Q['a'], t=t)\n    return fill(front, m=1)\n",
        "def f(sentence):\n    return (sentence + ' {x}').format(x=1)\n",
        "def f(sentence):\n    return f'{sentence} %s' % 'x'\n",
        "def f(sentence):\n    return sentence.format_map({})\n",
        "def f(template):\n    return fill(template, a='b')\n",
        "def f(rows):\n    for row in rows:\n        row.format()\n",
        "def f(x):\n    t = QUESTIONS['a']\n    t += x\n    return t.format()\n",
    ],
)
def test_the_lint_finds_templates_built_at_run_time(source: str):
    assert check_source(source, "x.py"), source


@pytest.mark.parametrize(
    "source",
    [
        "def f(t):\n    return QUESTIONS[lang]['what'].format(t=t)\n",
        "def f(t, q=None):\n    q = _TABLE['en']\n    return fill(q['a'] if t else q['b'], t=t)\n",
        "def f(t):\n    a, b, c = TABLE[t]\n    return fill(a, x=t) + fill(b, x=t)\n",
        "def f(n):\n    return '%d items' % n\n",
        "def f(n):\n    return n % 10\n",
    ],
)
def test_the_lint_accepts_literals_and_catalogs(source: str):
    assert not check_source(source, "x.py")


# ---------------------------------------------------------------- the sample vault


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _with_token(line: str, token: str, position: int) -> str:
    """`line` with `token` after word `position` of each sentence (-1: before the end)."""
    out = []
    for sentence in _SENTENCE_END.split(line):
        words = sentence.split(" ")
        if position == -1:
            core = words[-1].rstrip(".!?:;,")
            words[-1] = f"{core} {token}{words[-1][len(core) :]}"
        elif position <= len(words):
            words.insert(position, token)
        out.append(" ".join(words))
    return " ".join(out)


def _variants(text: str, token: str) -> list[str]:
    """The note with `token` in one sentence position of every body line at a time, and
    in each front matter value on its own."""
    lines = text.split("\n")
    body_start = 0
    if lines[0] == "---" and "---" in lines[1:]:
        body_start = lines.index("---", 1) + 1
    fences = {i for i, line in enumerate(lines) if line.lstrip().startswith(("```", "~~~"))}
    body = [i for i in range(body_start, len(lines)) if lines[i].strip() and i not in fences]
    longest = max((len(lines[i].split()) for i in body), default=0)
    variants = []
    for position in [-1, *range(min(longest, 14) + 1)]:
        changed = list(lines)
        for i in body:
            changed[i] = _with_token(lines[i], token, position)
        variants.append("\n".join(changed))
    for i in range(1, max(body_start - 1, 1)):
        changed = list(lines)
        changed[i] = changed[i] + " " + token
        variants.append("\n".join(changed))
    return variants


def _lookalike_vault(folder: Path) -> list[str]:
    """Every note of notes/ (and of PROSE) in every variant, as files of one vault."""
    names = []
    for source in sorted([*SAMPLE.rglob("*.md"), *PROSE.glob("*.md")]):
        text = source.read_text(encoding="utf-8")
        for number, token in enumerate(LOOKALIKES):
            for index, variant in enumerate(_variants(text, token)):
                name = f"{source.stem} {number}-{index}.md"
                (folder / source.parent.name).mkdir(parents=True, exist_ok=True)
                (folder / source.parent.name / name).write_text(variant, encoding="utf-8")
                names.append(f"{source.parent.name}/{name}")
    return names


def _notecards(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOTECARDS_DEBUG": ""}
    return subprocess.run(
        [sys.executable, "-m", "notecards", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


@pytest.mark.slow
def test_lookalikes_in_every_sentence_position_of_the_sample_vault(tmp_path: Path):
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    vault = tmp_path / "vault"
    names = _lookalike_vault(vault)
    assert len(names) > 400  # enough notes that the build runs in worker processes

    listed = _notecards("cards", vault, "--json", "--no-cache", cwd=tmp_path)
    assert listed.returncode in (0, 1), listed.stderr[-2000:]
    assert "internal error" not in listed.stderr
    cards = json.loads(listed.stdout)
    assert {card["note"] for card in cards} == set(names)  # every variant gives cards
    assert any("{t}" in card["front"] for card in cards)  # kept as text, not read
    assert any("%(name)s" in card["back"] for card in cards)

    built = _notecards("build", vault, "-o", tmp_path / "out", "--no-cache", cwd=tmp_path)
    assert built.returncode in (0, 1), built.stderr[-2000:]
    assert "internal error" not in built.stderr
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, tmp_path / "out" / "vault.apkg")
        imported = all_notes(col)
    assert len(imported) == len({card["anki_note"] for card in cards})


@pytest.mark.slow
def test_rich_markup_in_a_note_is_shown_as_text(tmp_path: Path):
    """Terminal output is rich markup: a card that holds `[/dim]` is text, not a tag
    (it used to raise MarkupError: exit 70)."""
    note = tmp_path / "markup.md"
    note.write_text("# Tags [/b] and [bold]\n\nWhat closes [/dim] a tag?::Answer [/] y\n")
    shown = _notecards("cards", note, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "[/dim]" in shown.stdout and "Answer [/] y" in shown.stdout
