"""`notecards COMMAND --help` as a user reads it: words for values, every choice and
default shown, examples at the end; completion for the shell named."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import run_notecards

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

COMMANDS = ["build", "cards", "check", "watch", "quiz", "stats"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_notecards(*args, env={"COLUMNS": "200", **(env or {})})


def help_of(*command: str) -> str:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_values_are_named_by_words_not_python_types(command: list[str]):
    text = help_of(*command)
    assert not re.search(r"<(bool|str|int|float|path|Path|list\[[^]]*\])[^>]*>", text), text


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_ends_with_examples_of_itself(command: str):
    lines = [line.strip() for line in help_of(command).splitlines() if line.strip()]
    start = lines.index("Examples")
    examples = lines[start + 1 :]
    assert examples and all(line.startswith(f"notecards {command}") for line in examples)
    assert not any("│" in line for line in examples)  # nothing after them


def test_choices_and_defaults_are_shown():
    build = help_of("build")
    assert re.search(r"--format\s+-f\s+apkg\|json\|csv\s", build)
    assert re.search(r"--split\s+none\|folder\|note\s", build)
    assert re.search(r"--out\s+-o\s+FOLDER\s", build)
    for default in ("[default: decks]", "[default: apkg]", "[default: none]",
                    "[default: notes/]", "[default: all cores]", "[default: 0.5]"):  # fmt: skip
        assert default in build, default
    quiz = help_of("quiz")
    assert re.search(r"--mode\s+flip\|type\|choice\|order\|mixed\s", quiz)
    assert "[default: mixed]" in quiz and "[default: 20]" in quiz
    assert "[default: 12]" in help_of("stats")
    assert re.search(r"--strict\s+Exit 1", help_of("check"))  # a flag takes no value


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _notecards_completion notecards"),
        ("zsh", "#compdef notecards"),
        ("fish", "complete --command notecards"),
    ],
)
def test_show_completion_gives_the_script_of_the_shell_named(shell: str, marker: str):
    result = run("--show-completion", shell, env={"SHELL": "/bin/sh"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


def test_install_completion_installs_for_the_shell_named(tmp_path: Path):
    result = run("--install-completion", "fish", env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".config" / "fish" / "completions" / "notecards.fish"
    assert "complete --command notecards" in script.read_text(encoding="utf-8")
    assert not (tmp_path / ".bashrc").exists()


def test_an_unknown_shell_is_a_usage_error_listing_the_shells():
    result = run("--show-completion", "tcsh")
    assert result.returncode == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish', 'powershell', 'pwsh'" in result.stderr


def test_the_installed_script_is_answered():
    """What the script asks while the user types `notecards bu<TAB>`."""
    env = {"_NOTECARDS_COMPLETE": "complete_bash", "COMP_WORDS": "notecards bu", "COMP_CWORD": "1"}
    result = run(env=env)
    assert result.stdout.split() == ["build"]
