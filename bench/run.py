"""The vault benchmark: notecards against the floor of the libraries it is built on.

For each N (default 1,000 and 10,000) it generates a synthetic vault
(`generate_vault.py`), then times, each in a fresh process with a fresh cache:

- cold build (`notecards build VAULT -o OUT`), warm rebuild with nothing changed,
  rebuild after one note changed; notes/s, cards/s and peak memory (the main process
  and, separately, the largest worker);
- writing the package with the folder decks and with one deck per note (N decks);
- the floor, each step alone in one process and timed inside it: reading the files,
  python-frontmatter on each, markdown-it-py tokenizing each body, genanki writing the
  same Anki notes in one package. Every figure is also printed as a ratio to the floor's
  sum. Builds are timed from outside their process, start-up included: the floor gets
  no such cost, so the ratios lean against notecards, never for it.

Every step starts with the disk written back (`os.sync`), so none pays for the
writeback of another's files (the generated vault, a package, the cache), and the code
under test is byte-compiled first, as `pip install` leaves it.

    python bench/run.py                 # N = 1,000 and 10,000
    python bench/run.py --notes 2000    # one size
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


# ---------------------------------------------------------------- child processes


def _peak() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": round(own, 1), "worker_peak_mb": round(workers, 1)}


def child_build(args: list[str]) -> dict:
    import contextlib
    import io

    from notecards.cli import app

    started = time.perf_counter()
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.suppress(SystemExit):
        app(["build", *args, "--json", "--quiet"], standalone_mode=False)
    summary = json.loads(captured.getvalue())
    return {
        "inner_seconds": time.perf_counter() - started,
        "cards": summary["cards"],
        "status": [o["status"] for o in summary["outputs"]],
        **_peak(),
    }


def _notes(vault: Path) -> list[Path]:
    return sorted(p for p in vault.rglob("*.md") if ".obsidian" not in p.parts)


def child_floor(step: str, vault: Path, package: Path) -> dict:
    started = time.perf_counter()
    if step == "read":
        total = sum(len(p.read_bytes()) for p in _notes(vault))
        assert total
    elif step == "frontmatter":
        import frontmatter

        texts = [path.read_text(encoding="utf-8") for path in _notes(vault)]
        started = time.perf_counter()  # parsing only: reading is the step above
        for text in texts:
            frontmatter.loads(text)
    elif step == "markdown-it":
        import frontmatter
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        bodies = [frontmatter.loads(p.read_text(encoding="utf-8")).content for p in _notes(vault)]
        started = time.perf_counter()  # tokenizing only
        for body in bodies:
            md.parse(body)
    elif step == "genanki":
        from notecards.build.dryrun import read_package

        notes = read_package(package)
        started = time.perf_counter()  # writing only
        _genanki_floor(notes, vault / ".." / "floor.apkg")
    return {"inner_seconds": time.perf_counter() - started, **_peak()}


def _genanki_floor(notes: dict, out: Path) -> None:
    """genanki writing the Anki notes of our package, one deck, one package."""
    import genanki

    model = genanki.Model(
        1607392319,
        "Floor",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Floor")
    for note in notes.values():
        fields = [*note.fields[:3], "", ""][:3]
        deck.add_note(genanki.Note(model=model, fields=fields, guid=note.guid))
    genanki.Package(deck).write_to_file(str(out))


def child_write(vault: Path, out: Path) -> dict:
    """write_apkg on the vault's cards: folder decks, then one deck per note."""
    from dataclasses import replace

    from notecards.build.pipeline import BuildOptions, collect_one
    from notecards.exporters.apkg import write_apkg

    cards = collect_one(vault, BuildOptions()).cards
    started = time.perf_counter()
    folders = write_apkg(cards, out / "folders.apkg")
    middle = time.perf_counter()
    per_note = [replace(c, deck=f"{c.deck}::{c.note}") for c in cards]
    notes = write_apkg(per_note, out / "per-note.apkg")
    done = time.perf_counter()
    return {
        "folder_decks": folders.decks,
        "folder_seconds": middle - started,
        "note_decks": notes.decks,
        "note_seconds": done - middle,
        **_peak(),
    }


# ---------------------------------------------------------------- the parent


def _run(kind: str, *args: str, env: dict[str, str]) -> tuple[float, dict]:
    # What earlier steps wrote (the generated vault, a package, the cache) goes to disk
    # first, so that no step is timed while the kernel writes back another's files.
    os.sync()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - started
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def _summary(out: Path) -> dict:
    from notecards.build.dryrun import read_package

    package = out / "vault.apkg"
    return {"anki_notes": len(read_package(package))}


def snapshot(workdir: Path) -> dict[str, str]:
    """Run every child on a copy of the code as it is now: edits made to the tree while
    the benchmark runs must not change what is measured (nor invalidate the cache)."""
    import shutil

    import notecards

    code = workdir / "code"
    source = Path(notecards.__file__).resolve().parent
    shutil.copytree(source, code / "notecards", ignore=shutil.ignore_patterns("__pycache__"))
    # byte-compiled as `pip install` leaves an installed package: the first timed run
    # must not pay for compiling the copy
    compileall.compile_dir(code, quiet=1)
    path = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def bench(count: int, workdir: Path, base_env: dict[str, str]) -> list[tuple[str, float, str]]:
    from generate_vault import generate

    vault = generate(workdir / f"vault{count}" / "vault", count)
    out = workdir / f"out{count}"
    env = {**base_env, "XDG_CACHE_HOME": str(workdir / f"cache{count}")}
    rows: list[tuple[str, float, str]] = []

    cold, cold_info = _run("build", str(vault), "-o", str(out), env=env)
    cards = cold_info["cards"]
    warm, warm_info = _run("build", str(vault), "-o", str(out), env=env)
    note = _notes(vault)[count // 2]
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more?::Yes.\n", encoding="utf-8")
    one, one_info = _run("build", str(vault), "-o", str(out), env=env)
    package_notes = _summary(out)["anki_notes"]

    floor = {}  # each library's own work, timed inside its process (no start-up, no
    # reading done only to feed it); builds are timed from outside, start-up included
    for step in ("read", "frontmatter", "markdown-it", "genanki"):
        info = _run("floor", step, str(vault), str(out / "vault.apkg"), env=env)[1]
        floor[step] = info["inner_seconds"]
    floor_total = sum(floor.values())
    _, write_info = _run("write", str(vault), str(workdir / f"write{count}"), env=env)

    def ratio(seconds: float) -> str:
        return f"{seconds / floor_total:.2f}×"

    def mem(info: dict) -> str:
        return f"peak {info['peak_mb']:.0f} MB (workers {info['worker_peak_mb']:.0f} MB)"

    rows += [
        (f"cold build ({count} notes, {cards} cards)", cold,
         f"{ratio(cold)} of floor; {count / cold:.0f} notes/s, {cards / cold:.0f} cards/s; "
         f"{mem(cold_info)}"),
        ("warm rebuild, nothing changed", warm,
         f"{warm / cold:.1%} of cold; {ratio(warm)} of floor; {mem(warm_info)}"),
        ("rebuild, one note changed", one,
         f"{one / cold:.1%} of cold; {ratio(one)} of floor; {mem(one_info)}"),
        (f"write_apkg, {write_info['folder_decks']} folder decks", write_info["folder_seconds"],
         f"{cards / write_info['folder_seconds']:.0f} cards/s"),
        (f"write_apkg, {write_info['note_decks']} decks (one per note)",
         write_info["note_seconds"],
         f"{write_info['note_seconds'] / write_info['folder_seconds']:.2f}× the folder-deck "
         "write"),
    ]  # fmt: skip
    for step, seconds in floor.items():
        rows.append((f"floor: {step}", seconds, ""))
    rows.append((f"floor total ({package_notes} Anki notes in genanki)", floor_total, "1.00×"))
    return rows


def help_time(env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "notecards", "--help"], capture_output=True, env=env)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, action="append", help="vault size (repeatable)")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, rest = args.child[0], args.child[1:]
        if kind == "build":
            result = child_build(rest)
        elif kind == "floor":
            result = child_floor(rest[0], Path(rest[1]), Path(rest[2]))
        else:
            result = child_write(Path(rest[0]), Path(rest[1]))
        print(json.dumps(result))
        return
    sizes = args.notes or [1000, 10000]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'measure':58} {'seconds':>8}  notes")
    with tempfile.TemporaryDirectory(prefix="notecards-bench-") as folder:
        env = snapshot(Path(folder))
        for count in sizes:
            for name, seconds, note in bench(count, Path(folder), env):
                print(f"{name:58} {seconds:8.2f}  {note}", flush=True)
        print(f"{'notecards --help':58} {help_time(env):8.2f}")


if __name__ == "__main__":
    main()
