"""The markdown-it versions the reader relies on: pinned, and their internals still there.

reader/dispatch.py replaces markdown-it's rule chains by first-character tables, using
attributes that are not markdown-it-py's public API. An upgrade that renames one would
not raise: the dispatch would quietly stop applying (or parse differently). These tests
make it fail here instead: the installed versions must be inside the range pyproject.toml
pins, and every internal the dispatch touches must still exist with the shape it expects.
"""

from __future__ import annotations

import inspect
import re
import tomllib
from importlib.metadata import version

import pytest
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from packaging.requirements import Requirement

from conftest import REPO
from notecards.reader.dispatch import BLOCK_STARTS, INLINE_STARTS
from notecards.reader.markdown import build_parser

PINNED = ("markdown-it-py", "mdit-py-plugins")


def _requirements() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = (Requirement(line) for line in project["dependencies"])
    return {r.name: r for r in found}


@pytest.mark.parametrize("name", PINNED)
def test_the_installed_version_is_inside_the_tested_range(name: str) -> None:
    requirement = _requirements()[name]
    assert not requirement.specifier.contains("9999"), f"{name} has no upper bound"
    assert requirement.specifier.contains(version(name)), (
        f"{name} {version(name)} is outside the tested range {requirement.specifier}: "
        "run tests/test_dispatch.py and this file on it, then move the pin"
    )


def test_the_rule_chains_still_have_the_internals_the_dispatch_reads() -> None:
    md = build_parser(dispatch=False)
    for ruler in (md.block.ruler, md.inline.ruler, md.core.ruler):
        for rule in ruler.__rules__:
            assert isinstance(rule.name, str) and callable(rule.fn)
            assert isinstance(rule.enabled, bool) and isinstance(rule.alt, list)
        for method in ("getRules", "at", "before", "push", "disable"):
            assert callable(getattr(ruler, method))
    assert isinstance(md.inline.terminator_re, re.Pattern)
    assert list(inspect.signature(md.inline.parse).parameters) == ["src", "md", "env", "tokens"]
    block = StateBlock("  # a\n", md, {}, [])
    assert (block.src, block.bMarks[0], block.tShift[0], block.sCount[0]) == ("  # a\n", 0, 2, 2)
    assert block.blkIndent == 0
    inline = StateInline("*a*", md, {}, [])
    assert (inline.src, inline.pos) == ("*a*", 0)


def test_every_rule_the_tables_name_exists_under_that_name() -> None:
    """A renamed rule would drop out of its table and be tried everywhere (slower) or,
    worse, keep a stale name; every name must be a rule of the parser we build."""
    md = build_parser(dispatch=False)
    block = {rule.name for rule in md.block.ruler.__rules__}
    inline = {rule.name for rule in md.inline.ruler.__rules__}
    assert set(BLOCK_STARTS) - block == set()
    assert set(INLINE_STARTS) - inline == set()


def test_the_dispatch_is_installed_in_the_parser_we_use() -> None:
    md = build_parser()
    names = [rule.name for rule in md.inline.ruler.__rules__ if rule.enabled]
    assert names[-1] == "notecards_dispatch" and "text" in names
    assert "notecards_dispatch" in [r.name for r in md.block.ruler.__rules__ if r.enabled]
    assert (
        md.inline.terminator_re.pattern != build_parser(dispatch=False).inline.terminator_re.pattern
    )
