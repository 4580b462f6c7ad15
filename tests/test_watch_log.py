"""The real `notecards watch` process: one line per rebuild (time, files, card
changes), problems only when new, and Ctrl-C (SIGINT) says it stopped, exit 0."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # end-to-end: the real command, see pyproject's markers

TIMEOUT = 60
LINE = r"^\d\d:\d\d:\d\d  {files} · {changes}$"


class Watcher:
    """`notecards watch` with its standard error read line by line in a thread."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "notecards", "watch", *args, "--debounce", "100"],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert self.process.stderr is not None
        stream = self.process.stderr
        threading.Thread(target=lambda: [self.lines.put(x.rstrip("\n")) for x in stream]).start()

    def wait_for(self, pattern: str) -> str:
        """The next line matching `pattern` (lines before it are kept in `seen`)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in {self.seen}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


def test_one_line_per_rebuild_new_problems_once_and_ctrl_c(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.md").write_text("# Alpha\n\nFirst?::One\n\nSecond?::Two\n", encoding="utf-8")
    (vault / "b.md").write_text("# Beta\n\nThird?::Three\n", encoding="utf-8")
    watcher = Watcher(tmp_path, "vault", "-o", "decks")
    try:
        watcher.wait_for(r"3 cards")  # the first build, reported in full
        time.sleep(1.0)  # let the watcher start
        (vault / "a.md").write_text(
            "# Alpha\n\nFirst?::One, changed\n\nFourth?::Four\n\nFifth?::Five\n",
            encoding="utf-8",
        )
        watcher.wait_for(LINE.format(files="vault/a.md", changes=r"cards \+2 −1 ~1"))

        (vault / "b.md").write_text(
            "---\ntitle: [unclosed\n---\n# Beta\n\nThird?::Three\n", encoding="utf-8"
        )
        line = watcher.wait_for(r"^\d\d:\d\d:\d\d  vault/b\.md")
        assert line.endswith("· 1 new problem"), line
        problem = watcher.wait_for(r"b\.md:\d+:")
        assert problem.startswith("  ")

        (vault / "a.md").write_text("# Alpha\n\nFirst?::One, changed again\n", encoding="utf-8")
        line = watcher.wait_for(r"^\d\d:\d\d:\d\d  vault/a\.md")
        assert "problem" not in line, line  # b.md's problem is not new: not repeated
        assert re.search(r"cards \+0 −2 ~1$", line), line

        (vault / "b.md").write_text("# Beta\n\nThird?::Three\n", encoding="utf-8")
        line = watcher.wait_for(r"^\d\d:\d\d:\d\d  vault/b\.md")
        assert line.endswith("1 problem fixed"), line

        watcher.process.send_signal(signal.SIGINT)
        watcher.wait_for(r"^notecards: stopped watching \(4 rebuilds\)\.$")
        assert watcher.process.wait(timeout=TIMEOUT) == 0
        assert not any("Traceback" in line for line in watcher.seen)
        rebuild_lines = [x for x in watcher.seen if re.match(r"^\d\d:\d\d:\d\d  ", x)]
        assert len(rebuild_lines) == 4, watcher.seen  # one line per rebuild
    finally:
        watcher.stop()
