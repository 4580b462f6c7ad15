"""Issue 13, finding 12: a shared .apkg is untrusted input to `notecards quiz`.

Each test builds a package that once hung, exhausted memory or crashed the quiz, and
drives the real command on it: it must end quickly, with `path: message` and exit 1
where something was left out, and leave no scratch folder behind.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from notecards.exporters.apkg import write_apkg
from notecards.model import Card
from notecards.quiz.apkg_reader import MAX_COLLECTION_BYTES, cloze_deletions, field_refs
from quiz_helpers import card as quiz_card

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]
HANG_GUARD = 60  # seconds; each of these runs in about one


def card(front: str, back: str, **kw: Any) -> Card:
    """The shared test card, in a note of its own."""
    return quiz_card(
        front, back, **{"note": "shared.md", "deck": "Shared", "tags": (), "source": "Shared", **kw}
    )


def package(tmp_path: Path, change: Callable[[sqlite3.Connection], None]) -> Path:
    """A package of two good cards, its collection changed by `change`."""
    tmp_path.mkdir(exist_ok=True)
    good = tmp_path / "good.apkg"
    write_apkg([card("Capital of France?", "Paris"), card("Capital of Italy?", "Rome")], good)
    work = tmp_path / "work"
    work.mkdir()
    with zipfile.ZipFile(good) as archive:
        archive.extractall(work)
    db = sqlite3.connect(work / "collection.anki2")
    change(db)
    db.commit()
    db.close()
    shared = tmp_path / "shared.apkg"
    with zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in sorted(work.iterdir()):
            archive.write(item, item.name)
    return shared


def quiz(path: Path, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """`notecards quiz PATH --print --answers`, with its own temp folder to inspect."""
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    started = time.monotonic()
    out = subprocess.run(
        [*NOTECARDS, "quiz", str(path), "--print", "--answers", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert list(scratch.iterdir()) == []  # no scratch folder left behind
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    return out, time.monotonic() - started


def set_fields(db: sqlite3.Connection, front: str, back: str = "x") -> None:
    db.execute(
        "UPDATE notes SET flds = ? WHERE id = (SELECT min(id) FROM notes)", (front + "\x1f" + back,)
    )


@pytest.mark.slow
def test_cloze_markers_are_read_in_linear_time(tmp_path: Path) -> None:
    """A 12 KB field of unclosed deletions took 254 s with the backtracking regex."""
    hostile = "{{c1::" * 2000 + "::" * 500 + "{{c1::a::b"  # 13 KB, never closed

    def make_cloze(db: sqlite3.Connection) -> None:
        (models,) = db.execute("SELECT models FROM col").fetchone()
        data = json.loads(models)
        for model in data.values():
            model["type"] = 1
            model["tmpls"] = model["tmpls"][:1]
            model["tmpls"][0]["qfmt"] = "{{cloze:Front}}"
            model["tmpls"][0]["afmt"] = "{{cloze:Front}}"
        db.execute("UPDATE col SET models = ?", (json.dumps(data),))
        set_fields(db, "Capital: {{c1::Paris}}", hostile)
        db.execute(
            "UPDATE notes SET flds = ? WHERE id = (SELECT max(id) FROM notes)",
            ("Unclosed " + hostile + "\x1fx",),
        )

    out, seconds = quiz(package(tmp_path, make_cloze), tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Capital: [...]" in out.stdout and "Unclosed {{c1::" in out.stdout
    assert seconds < HANG_GUARD / 2


@pytest.mark.slow
def test_deep_nesting_and_unclosed_code_blocks_render_quickly(tmp_path: Path) -> None:
    """200,000 nested <div> took 42 s; thousands of unclosed <pre> were quadratic.
    Nesting is read in linear time up to the size cap, and past it the note is skipped."""
    nested = "<div>" * 80_000 + "deep" + "</div>" * 80_000
    out, seconds = quiz(
        package(tmp_path, lambda db: set_fields(db, nested, "<pre>" * 5_000)), tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "deep" in out.stdout and seconds < HANG_GUARD / 2
    huge = "<div>" * 200_000 + "deep" + "</div>" * 200_000
    out, seconds = quiz(package(tmp_path / "huge", lambda db: set_fields(db, huge)), tmp_path)
    assert out.returncode == 1
    assert "shared.apkg: 1 card skipped: notes longer than 1024 KiB" in out.stderr
    assert out.stdout.count("Capital of") == 1 and seconds < HANG_GUARD / 2


def test_the_terminal_splits_code_blocks_in_linear_time() -> None:
    from notecards.quiz.ui import render_content, split_fences, split_pre

    started = time.monotonic()
    render_content("x", "<pre>" * 100_000)
    render_content("```x\n" * 100_000)
    assert time.monotonic() - started < 10  # the regular expressions took minutes
    assert split_pre('a<pre class="language-py"><code>  x = 1</code></pre>b') == [
        ("text", "a", ""),
        ("code", "  x = 1", "py"),
        ("text", "b", ""),
    ]
    assert split_fences("a\n```sh\n  indented\n```\n```\nopen") == [
        ("text", "a", ""),
        ("code", "  indented", "sh"),
        ("text", "```\nopen", ""),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE col SET models = '[]'", "col.models is a list, not an object"),
        ("UPDATE col SET decks = '{\"1\": []}'", "deck 1 is a list, not an object"),
        (
            "UPDATE col SET models = json_set(models, '$.' || (SELECT key FROM json_each("
            "(SELECT models FROM col)) LIMIT 1) || '.tmpls', json('{\"a\": 1}'))",
            "tmpls is an object, not a list of objects",
        ),
        (
            "UPDATE col SET models = json_set(models, '$.' || (SELECT key FROM json_each("
            "(SELECT models FROM col)) LIMIT 1) || '.flds[0].name', 7)",
            "field name is a number, not text",
        ),
    ],
)
def test_malformed_note_types_are_a_clear_message(tmp_path: Path, sql: str, message: str) -> None:
    out, _ = quiz(package(tmp_path, lambda db: db.execute(sql)), tmp_path)
    assert out.returncode == 1
    assert "shared.apkg: the collection inside is malformed: " in out.stderr
    assert message in out.stderr


@pytest.mark.slow
def test_a_card_with_a_negative_ord_is_skipped_with_a_message(tmp_path: Path) -> None:
    def negative(db: sqlite3.Connection) -> None:
        db.execute("UPDATE cards SET ord = -3 WHERE id = (SELECT min(id) FROM cards)")

    out, _ = quiz(package(tmp_path, negative), tmp_path)
    assert out.returncode == 1
    assert "shared.apkg: 1 card skipped: card ord outside 0-65535" in out.stderr
    assert out.stdout.count("Capital of") == 1  # the other card is still asked


@pytest.mark.slow
def test_a_zip_bomb_stops_at_the_size_cap(tmp_path: Path) -> None:
    """A few MB of zip that inflate past the cap: refused before it fills the disk."""
    bomb = tmp_path / "bomb.apkg"
    zeros = bytes(1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("collection.anki2", "w", force_zip64=True) as member,
    ):
        for _ in range(MAX_COLLECTION_BYTES // len(zeros) + 1):
            member.write(zeros)
    assert bomb.stat().st_size < 5 * 2**20
    out, seconds = quiz(bomb, tmp_path)
    assert out.returncode == 1
    assert "bomb.apkg: collection.anki2 inflates to more than 512 MiB" in out.stderr
    assert seconds < HANG_GUARD / 2


def test_the_scanners_agree_with_ankis_regular_expressions() -> None:
    import re

    cloze = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
    ref = re.compile(r"\{\{([^#/^!}][^}]*)\}\}")
    samples = [
        "The {{c1::sky}} is {{c2::blue::colour}}",
        "{{c1::a:::b}} {{c1::x}}}",
        "{{c1::open {{c2::inner}} rest}}",
        "{{cx::no}} {{c3::yes}}",
        "{{c1::{{c1::a}}",
        "{{c1::multi\nline::hint\nhere}}",
    ]
    for text in samples:
        want = [(int(m.group(1)), m.group(2), m.group(3)) for m in cloze.finditer(text)]
        assert [(d.number, d.answer, d.hint) for d in cloze_deletions(text)] == want
    for template in ["{{Front}} {{#Back}}{{Back}}{{/Back}}", "{{{{a}} {{b}x}} {{cloze:Text}}"]:
        assert field_refs(template) == ref.findall(template)
