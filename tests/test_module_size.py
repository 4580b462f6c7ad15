"""No module over about 500 lines without a sentence at its top saying why it is one
module (docs/architecture.md): past that, a module is split where the split is natural."""

from __future__ import annotations

import ast
from pathlib import Path

import notecards

PACKAGE = Path(notecards.__file__).resolve().parent
MAX_LINES = 500
REASON = "One module past 500 lines because"
# being reworked by their owners at the time of writing (issue 16): the reason, or the
# split, comes with that work
PENDING = {"knowledge/values.py"}


def test_every_long_module_says_why_it_is_one():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= MAX_LINES or rel in PENDING or rel.startswith("extractors/"):
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if REASON not in docstring:
            unexplained.append(rel)
    assert unexplained == []
