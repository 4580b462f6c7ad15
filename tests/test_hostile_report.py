"""Reports stay one greppable line per problem, whatever the file names hold."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from hostile_helpers import run_cli
from notecards.cli.report import exit_code, print_problems
from notecards.model import Problem
from notecards.problem_lines import format_problem, one_line


def test_control_characters_are_escaped():
    assert one_line("a\nb\x1b[31m\u202e") == "a\\nb\\x1b[31m\\u202e"


def test_problems_are_sorted_deduplicated_and_counted():
    problems = [
        Problem("b.md", 3, "late [bold]not markup[/bold]"),
        Problem("a.md", 9, "second", "error"),
        Problem("a.md", 2, "first"),
        Problem("a.md", 2, "first"),
    ]
    out = io.StringIO()
    print_problems(problems, Console(file=out, width=40, color_system=None, soft_wrap=True))
    assert out.getvalue().splitlines() == [
        "a.md:2: first",
        "a.md:9: second",
        "b.md:3: late [bold]not markup[/bold]",
        "1 error, 2 warnings in 2 files",
    ]


def test_exit_status_rules():
    warning, error = Problem("a.md", 1, "w"), Problem("a.md", 1, "e", "error")
    assert (exit_code([]), exit_code([warning]), exit_code([error])) == (0, 0, 1)
    assert (exit_code([], strict=True), exit_code([warning], strict=True)) == (0, 1)


@pytest.mark.slow
def test_a_hostile_file_name_cannot_forge_a_report_line(tmp_path: Path):
    name = "evil\nfake.md:1: all good\x1b[2K.md"
    (tmp_path / name).write_text("---\ntags: [a\n---\nQ::A\n", encoding="utf-8")
    result = run_cli("check", ".", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert lines[0] == format_problem(
        Problem(
            name, 3, "front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"
        )
    )
    assert lines[0].startswith("evil\\nfake.md:1: all good\\x1b[2K.md:3: ")
    assert result.returncode == 1
