"""Every recorded header, status line and request line explains as it did before the
knowledge/values split (issue 16): a regression table, in both languages.

tests/data/values_table.json holds the inputs that the notes in notes/, tests/notes/,
tests/quality/vault and the tests of test_values.py, test_http_messages.py and
test_knowledge.py passed to the explain functions, with the English and Russian answers
the single-module version gave. The readable, per-handler tests stay in test_values.py;
this table only says nothing changed. Regenerate it (after a deliberate change of
wording) with `python tests/test_values_table.py --regenerate`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from notecards.knowledge import values

TABLE = Path(__file__).parent / "data" / "values_table.json"


def _rows() -> list[dict[str, Any]]:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def _answer(row: dict[str, Any], lang: str) -> str | None:
    return getattr(values, row["call"])(*row["args"], lang)


def test_the_table_covers_every_kind_of_call_and_both_languages() -> None:
    rows = _rows()
    assert {row["call"] for row in rows} == {
        "explain_header", "explain_status", "explain_status_line", "explain_request_line",
    }  # fmt: skip
    headers = {row["args"][0].strip().lower() for row in rows if row["call"] == "explain_header"}
    assert len(headers) >= 60 and len(rows) > 1000


def test_every_recorded_call_explains_as_before_in_english_and_russian() -> None:
    changed = [
        (row["call"], row["args"], lang, row[lang], got)
        for row in _rows()
        for lang in ("en", "ru")
        if (got := _answer(row, lang)) != row[lang]
    ]
    assert changed == [], f"{len(changed)} answers changed, the first: {changed[:3]}"


if __name__ == "__main__" and sys.argv[1:] == ["--regenerate"]:
    rows = _rows()
    for row in rows:
        row["en"], row["ru"] = _answer(row, "en"), _answer(row, "ru")
    TABLE.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
