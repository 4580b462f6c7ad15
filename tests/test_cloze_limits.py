"""Cloze numbers past Anki's limit (issue 13, finding 6).

`{{c99999999999999999999::x}}` overflowed SQLite (exit 70, the whole vault lost) and
`{{c70000::x}}` wrote a deck Anki refuses (a card's ord is 16-bit). notecards takes
c1-c500, as Anki does, keeps a larger number as text with a warning, and the exporter
counts cards by the same rule, so every deck it writes imports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecards.cli import app
from notecards.exporters.apkg import _card_ords
from notecards.extractors.anki_cloze import MAX_CLOZE_NUMBER, cloze_number

runner = CliRunner()

NOTE = """# Limits

Huge {{c99999999999999999999::alpha}} and {{c1::beta}} here.

Past u16 {{c70000::gamma}} and {{c2::delta}} here.

Past five hundred {{c9999::epsilon}} and {{c3::zeta}}, in code `{{c1::eta}}`.

At the limit {{c500::theta}} and {{c4::iota}}.

Only a huge one {{c123456789012345678901234567890::kappa}} here.
"""


def test_the_extractor_and_the_exporter_count_by_one_rule():
    assert MAX_CLOZE_NUMBER == 500
    assert cloze_number("1") == 1 and cloze_number("500") == 500
    assert cloze_number("501") is None and cloze_number("0") is None
    assert cloze_number("9" * 5000) is None  # no int() of thousands of digits
    # the exporter reads a field as Anki does: past 65535 no card, c500 and up card 500
    field = "{{c1::a}} {{c70000::b}} {{c9999::c}} {{c99999999999999999999::d}}"
    assert _card_ords("cloze", field, "", "") == (0, 499)


@pytest.mark.slow
def test_huge_cloze_numbers_are_text_with_a_warning_and_the_deck_imports(tmp_path: Path):
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    note = tmp_path / "vault" / "Limits.md"
    note.parent.mkdir()
    note.write_text(NOTE, encoding="utf-8")
    built = runner.invoke(app, ["build", str(note.parent), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    past = ((3, "c999999999999…"), (5, "c70000"), (7, "c9999"), (11, "c123456789012…"))
    for line, number in past:
        assert f"Limits.md:{line}: cloze number {number} is past Anki's limit" in built.stderr
    assert "c500 is past" not in built.stderr

    listed = runner.invoke(app, ["cards", str(note), "--json"])
    cards = json.loads(listed.stdout)
    assert {card["back"] for card in cards} == {"beta", "delta", "zeta", "theta", "iota"}

    with open_collection(tmp_path / "anki") as col:
        log = import_apkg(col, tmp_path / "out" / "vault.apkg")
        notes = all_notes(col)
    assert len(log.new) == 4
    ords = sorted(tuple(c["ord"] for c in n["cards"]) for n in notes.values())
    assert ords == [(0,), (1,), (2,), (3, 499)]
    texts = " ".join(n["fields"]["Text"] for n in notes.values())
    # the numbers past the limit and the code span are shown as text, never deletions
    assert "{&#123;c70000:&#58;gamma}&#125;" in texts
    assert "{&#123;c1:&#58;eta}&#125;" in texts
