"""Issue 13, finding 15: the main process of a build holds no note's bytes beyond the
one it reads: workers are handed paths, and read the notes themselves.

A 391 MB vault took 477 MB in the main process (every note's bytes waited in the
tasks until their batch came back); it now stays near its size with an empty vault.
Measured in a real `notecards build`-like subprocess: `VmHWM` (peak RSS) of the main
process only, against its RSS before the build started.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HANG_GUARD_SECONDS

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

NOTES = 160
LOG_LINES = 4000  # about 200 KB of pasted log per note: 30 MB of vault

_DRIVER = """
import json, sys
from pathlib import Path

def vm(name):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) // 1024

from notecards.build.run import run_build
from notecards.build.pipeline import BuildOptions
import notecards.exporters.apkg, notecards.extractors  # imported before the baseline
before = vm("VmRSS")
summary = run_build([Path(sys.argv[1])], Path(sys.argv[2]),
                    options=BuildOptions(cache=False, workers=2))
print(json.dumps({"before": before, "peak": vm("VmHWM"), "notes": summary.notes}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc")
def test_the_main_process_does_not_hold_the_vault(tmp_path: Path):
    vault = tmp_path / "vault"
    vault.mkdir()
    log = "".join(
        f"2026-01-01 12:00:{i % 60:02d} worker {i} handled a request\n" for i in range(LOG_LINES)
    )
    for number in range(NOTES):
        text = f"# Note {number}\n\nQuestion {number}::Answer {number}\n\n## Log\n\n```\n{log}```\n"
        (vault / f"note{number:03d}.md").write_text(text)
    size_mb = sum(p.stat().st_size for p in vault.iterdir()) // (1024 * 1024)
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(vault), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS * 10,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["notes"] == NOTES
    grown = found["peak"] - found["before"]
    print(f"main process grew {grown} MB building a {size_mb} MB vault")
    # a few notes' worth (one read at a time, results streaming through), never the vault
    assert grown < size_mb / 2, (grown, size_mb, found)
