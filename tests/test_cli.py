"""The command line contract of DESIGN.md, driven through the real `notecards` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import notecards
from conftest import SAMPLE_VAULT, run_notecards

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers


run = run_notecards


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
    for card in cards:
        assert 0 <= card["confidence"] <= 1 and card["rule"].startswith(card["extractor"])
        assert card["kept"] is True


def test_min_confidence_all_and_why(tmp_path: Path):
    """The threshold decides what is listed; `--all` lists the rest as not kept."""
    note = tmp_path / "n.md"
    note.write_text(
        "Question::Answer\n\nA _cache_ is a store that keeps copies of data close to "
        "where they are used.\n",
        encoding="utf-8",
    )
    strict = json.loads(run("cards", str(note), "--json", "--min-confidence", "0.99").stdout)
    assert [c["rule"] for c in strict] == ["explicit.basic"]
    every = json.loads(run("cards", str(note), "--json", "--all", "--min-confidence", "0.99",
                           "--why").stdout)  # fmt: skip
    mined = [c for c in every if c["extractor"] == "definitions"]
    assert mined and not any(c["kept"] for c in mined)
    assert any("store that keeps copies" in c["evidence"] for c in mined)
    assert run("cards", str(note), "--min-confidence", "2").returncode == 2


def test_a_missing_path_is_a_usage_error(tmp_path: Path):
    result = run("cards", str(tmp_path / "nope.md"), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "nope.md: no such file or folder; check the spelling" in result.stderr
    assert ":0:" not in result.stderr


def test_a_device_is_refused_not_read():
    result = run("cards", "/dev/null", "--json")
    assert result.returncode == 2
    assert "/dev/null: not a regular file or folder" in result.stderr


def test_check_writes_nothing(tmp_path: Path):
    (tmp_path / "a.md").write_text("Question::Answer\n", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    result = run("check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.iterdir()) == before
    assert "checked 1 note: 1 card, 0 problems" in result.stderr


def test_an_unforeseen_error_is_one_line_not_a_traceback():
    """The console script's last line of defence: a bug is reported, exit 70."""
    crash = "import notecards.cli as c; c.app = lambda **_: 1 / 0; c.main()"
    result = subprocess.run(
        [sys.executable, "-c", crash], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 70
    assert "internal error (ZeroDivisionError: division by zero)" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_missing_input_of_build_is_a_usage_error_not_a_crash(tmp_path: Path):
    result = run("build", str(tmp_path / "nope.md"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    assert "nope.md: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.stdout == ""  # no table row for a package that was never going to be
