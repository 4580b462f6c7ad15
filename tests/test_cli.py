"""The command line contract of DESIGN.md, driven through the real `notecards` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import notecards
from conftest import SAMPLE_VAULT


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "notecards", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_version_and_help():
    assert run("--version").stdout.strip() == f"notecards {notecards.__version__}"
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "cards", "check"):
        assert command in result.stdout


def test_wrong_usage_exits_2():
    assert run("cards").returncode == 2
    assert run("build", "--format", "docx", str(SAMPLE_VAULT)).returncode == 2


def test_cards_json_contract_on_the_sample_vault():
    result = run("cards", str(SAMPLE_VAULT), "--json")
    assert result.returncode == 0, result.stderr
    cards = json.loads(result.stdout)
    assert len(cards) >= 20
    required = {"id", "kind", "deck", "note", "line", "front", "back", "tags", "lang"}
    for card in cards:
        assert required <= card.keys()
        assert isinstance(card["tags"], list) and card["line"] >= 1
        assert card["deck"].startswith("notes")
        for side in (card["front"], card["back"]):
            assert side.strip()
            for markup in ("**", "[[", "![[", "```", "<b>", "<div", "<span"):
                assert markup not in side, (markup, card)
    assert len({c["id"] for c in cards}) == len(cards)
    assert {c["lang"] for c in cards} == {"ru", "en"}


def test_missing_path_is_reported_with_exit_1(tmp_path: Path):
    result = run("cards", str(tmp_path / "nope.md"), "--json")
    assert result.returncode == 1
    assert "nope.md:0: no such file or folder" in result.stderr


def test_a_device_is_refused_not_read():
    result = run("cards", "/dev/null", "--json")
    assert result.returncode == 1
    assert "/dev/null:0: not a regular file or folder: skipped" in result.stderr


def test_check_writes_nothing(tmp_path: Path):
    (tmp_path / "a.md").write_text("Question::Answer\n", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    result = run("check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.iterdir()) == before
    assert "checked 1 notes" in result.stderr


def test_an_unforeseen_error_is_one_line_not_a_traceback():
    """The console script's last line of defence: a bug is reported, exit 70."""
    crash = "import notecards.cli as c; c.app = lambda: 1 / 0; c.main()"
    result = subprocess.run(
        [sys.executable, "-c", crash], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 70
    assert "internal error (ZeroDivisionError: division by zero)" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_missing_input_of_build_is_a_problem_not_a_crash(tmp_path: Path):
    result = run("build", str(tmp_path / "nope.md"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nope.md:0: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
