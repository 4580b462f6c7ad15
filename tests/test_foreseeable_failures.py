"""Foreseeable conditions get plain messages (issue 13, finding 16).

A full disk or a file size limit is not a bug of notecards: exit 1 and a sentence, not
exit 70 and "internal error". Front matter values of the wrong type are reported as tags
are, an empty title says so, and `-j 64` on a small machine starts one worker per core.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecards.build import parallel
from notecards.cli import app

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

SAMPLE = Path(__file__).resolve().parents[1] / "notes"
runner = CliRunner()


def _notecards(*args: str | Path, cwd: Path, limit: int | None = None, **kwargs):
    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "notecards", *map(str, args)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        timeout=300,
        preexec_fn=limited,
        env={**os.environ, "NOTECARDS_DEBUG": ""},
        **kwargs,
    )


def test_a_file_size_limit_is_a_plain_error_and_the_old_deck_stays(tmp_path: Path):
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE, vault)
    first = _notecards("build", vault, "-o", "out", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "out" / "vault.apkg").read_bytes()
    note = vault / "HTTP" / "Caching.md"
    note.write_text(note.read_text() + "\nA new question?::A new answer\n")
    limited = _notecards("build", vault, "-o", "out", cwd=tmp_path, limit=40_000)
    assert limited.returncode == 1, limited.stderr
    assert limited.stderr.startswith("notecards: cannot write: "), limited.stderr
    assert "internal error" not in limited.stderr and "Traceback" not in limited.stderr
    assert (tmp_path / "out" / "vault.apkg").read_bytes() == before


def test_a_full_device_is_a_plain_error(tmp_path: Path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = _notecards("cards", SAMPLE, "--json", cwd=tmp_path, stdout=full)
    assert done.returncode == 1
    assert done.stderr.strip() == "notecards: cannot write: no space left on the device"


def test_front_matter_of_the_wrong_type_is_reported_with_its_line(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: ''\nlang: [ru, en]\ndraft: [x]\nnotecards: 5\n---\nQ::A\n"
    )
    (tmp_path / "b.md").write_text("---\nlang: 5\ndraft: maybe\nnotecards: {skip: 5}\n---\nQ::A\n")
    (tmp_path / "c.md").write_text(
        "---\ntitle: ok\nlang: ru\ndraft: no\nnotecards: {skip: [headings]}\n---\nQ::A\n"
    )
    done = runner.invoke(app, ["check", str(tmp_path)])
    shown = [line.split(str(tmp_path) + "/")[-1] for line in done.stderr.splitlines()]
    assert shown[:7] == [
        "a.md:2: title is empty: the file name is used",
        "a.md:3: lang is a list, not a language code: detected instead",
        "a.md:4: draft is a list, not true/false: not a draft",
        "a.md:5: notecards is a number, not false or {skip: [...]}: ignored",
        "b.md:2: lang is a number, not a language code: detected instead",
        'b.md:3: draft is "maybe", not true/false: not a draft',
        "b.md:4: notecards: skip is a number, not a list: ignored",
    ]
    assert "c.md" not in done.stderr


def test_jobs_are_capped_at_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert parallel.worker_count(10, 64) == parallel.usable_cores()
    assert parallel.worker_count(10, 1) == 1
    started: list[int] = []

    class Recording(parallel.ProcessPoolExecutor):
        def __init__(self, workers, *args, **kwargs):
            started.append(workers)
            super().__init__(workers, *args, **kwargs)

    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE, vault)
    done = runner.invoke(app, ["build", str(vault), "-o", str(tmp_path / "out"), "-j", "64"])
    assert done.exit_code == 0, done.output
    assert started == [2]
