"""Issue 13, finding 14: a build that is stopped leaves nothing behind.

Real `notecards build` processes on a generated vault, real signals: Ctrl-C (SIGINT),
SIGTERM and SIGHUP clean up the scratch folders, the temporary package and the
workers; SIGKILL cannot, but its workers die with it and the next build sweeps what it
left. An unforeseen error (exit 70) cleans up too.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import HANG_GUARD_SECONDS, REPO

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads worker pids from /proc"
)


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location(
        "generate_vault", REPO / "bench" / "generate_vault.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(tmp_path_factory.mktemp("lifetime") / "vault", 1500)


def _env(tmp_path: Path) -> dict[str, str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(temp)}


def _build(vault: Path, out: Path, env: dict[str, str], *prefix: str) -> subprocess.Popen:
    """A build in the background; its messages go to a file (`_stderr`), as a pipe
    nobody reads would stop it once full."""
    command = prefix or ("-m", "notecards")
    with open(Path(env["TMPDIR"]).parent / "stderr.txt", "w") as stderr:
        return subprocess.Popen(
            [sys.executable, *command, "build", str(vault), "-o", str(out), "--no-cache", "-j2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            preexec_fn=_as_from_a_terminal,
        )


def _as_from_a_terminal() -> None:
    """Its own process group, with Ctrl-C's default action (a background job of a
    shell starts with SIGINT ignored)."""
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stderr(env: dict[str, str]) -> str:
    return (Path(env["TMPDIR"]).parent / "stderr.txt").read_text()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it is dead)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _scratch(env: dict[str, str]) -> list[Path]:
    return sorted(Path(env["TMPDIR"]).glob("notecards-*"))


def _wait_for_workers(process: subprocess.Popen, env: dict[str, str]) -> list[int]:
    """The build's two workers, once they work and its scratch folders exist."""
    deadline = time.monotonic() + HANG_GUARD_SECONDS * 2
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 2 and _scratch(env):
            time.sleep(0.5)  # past the fork: Python drops a KeyboardInterrupt in its hooks
            return workers
        time.sleep(0.02)
    pytest.fail(f"the build never started its workers: {process.poll()}")


def _wait_gone(pids: list[int]) -> list[int]:
    """The pids still running after the hang guard (then killed: a failing test must
    not leave them running for ever)."""
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
    survivors = [p for p in pids if _alive(p)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    return survivors


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "group"),
    [
        (signal.SIGINT, True),  # Ctrl-C: the terminal signals the whole process group
        (signal.SIGTERM, False),  # a service manager or `kill`
        (signal.SIGTERM, True),
        (signal.SIGHUP, True),  # the terminal was closed
    ],
)
def test_a_stopped_build_cleans_up_and_its_workers_end(
    vault: Path, tmp_path: Path, signum: int, group: bool
):
    env, out = _env(tmp_path), tmp_path / "out"
    process = _build(vault, out, env)
    workers = _wait_for_workers(process, env)
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    process.wait(timeout=HANG_GUARD_SECONDS)
    assert "Traceback" not in _stderr(env)
    if signum != signal.SIGINT:
        assert process.returncode == -signum  # ended by the signal, as its parent expects
    assert _wait_gone(workers) == []
    assert _scratch(env) == []
    assert list(out.glob(".*.tmp")) == [] if out.exists() else True


@pytest.mark.slow
def test_a_killed_builds_workers_die_and_the_next_build_sweeps_its_files(
    vault: Path, tmp_path: Path
):
    from notecards.exporters import scratch

    env, out = _env(tmp_path), tmp_path / "out"
    process = _build(vault, out, env)
    workers = _wait_for_workers(process, env)
    process.kill()
    process.wait(timeout=HANG_GUARD_SECONDS)
    assert _wait_gone(workers) == []  # they lived for ever
    left = _scratch(env)
    assert left and all(f"notecards-{process.pid}-" in p.name for p in left)
    out.mkdir(exist_ok=True)
    package = out / f".vault.apkg.{process.pid}-0badcafe.tmp"  # as if killed in the rename
    package.write_bytes(b"half a package")
    old = time.time() - scratch.STALE_SECONDS - 60
    for path in [*left, *(p for f in left for p in f.iterdir()), package]:
        os.utime(path, (old, old))
    again = _build(vault, out, env)
    assert again.wait(timeout=HANG_GUARD_SECONDS * 4) in (0, 1), _stderr(env)
    assert _scratch(env) == [] and not package.exists()
    assert (out / "vault.apkg").is_file()


def test_the_sweep_keeps_what_may_still_be_in_use(tmp_path: Path, monkeypatch):
    from notecards.exporters import scratch

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    old = time.time() - scratch.STALE_SECONDS - 60
    stale = tmp_path / f"notecards-{dead}-abc"
    fresh = tmp_path / f"notecards-{dead}-def"  # its owner may be another namespace's
    live = tmp_path / f"notecards-{os.getppid()}-ghi"  # a running process's
    other = tmp_path / "notecards-gone"  # not ours: no pid
    for folder in (stale, fresh, live, other):
        folder.mkdir()
        (folder / "stage.db").write_bytes(b"x")
    for path in (stale, stale / "stage.db", live, live / "stage.db", other):
        os.utime(path, (old, old))
    assert scratch.sweep([]) == [stale]
    assert fresh.exists() and live.exists() and other.exists()


_FAIL_MID_BUILD = """
import sys
import notecards.build.run
from notecards.cli import main

added = 0
original = notecards.build.run.Planner.add

def add(self, entry):
    global added
    added += 1
    if added == 200:
        raise RuntimeError("injected failure")
    return original(self, entry)

notecards.build.run.Planner.add = add
sys.argv = ["notecards", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
def test_an_unforeseen_error_leaves_no_scratch_folder(vault: Path, tmp_path: Path):
    env, out = _env(tmp_path), tmp_path / "out"
    process = _build(vault, out, env, "-c", _FAIL_MID_BUILD)
    process.wait(timeout=HANG_GUARD_SECONDS * 4)
    assert process.returncode == 70, _stderr(env)
    assert _scratch(env) == []
    assert not out.exists() or list(out.iterdir()) == []
