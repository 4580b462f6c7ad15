"""Usage errors of `build`, `cards`, `check` and `watch`, found before any work starts.

A path that is not there, not a note, a folder with no notes in it, an output folder
that is a file: each is the user's slip, not a problem of a note. It is said in one
sentence that says what to do, as a usage error (exit 2), and never as a
`path:0:` line or an empty row of the build table.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

DEFAULT_NOTES = Path("notes")
EXAMPLE = "e.g. ~/Obsidian/MyVault"


class UsageProblem(typer.BadParameter):
    """A usage error (exit 2, after the usage line) whose message is the whole sentence,
    without click's "Invalid value" prefix (the sentence names what was wrong)."""

    def format_message(self) -> str:
        return self.message


def note_inputs(
    paths: list[Path] | None, *, prompt: bool = True, allow_empty: bool = False
) -> list[Path]:
    """The inputs to read: `paths` after checking each, or `notes/` when none is given.

    Without a path and without a `notes/` folder here, a terminal is asked for the
    vault; anything else (a script, a pipe) gets a usage error saying what to type.
    `allow_empty`: a folder with no notes yet is fine (`watch` waits for them)."""
    if paths:
        for path in paths:
            check_note_input(path, allow_empty=allow_empty)
        return list(paths)
    if DEFAULT_NOTES.is_dir():
        check_note_input(DEFAULT_NOTES, allow_empty=allow_empty)
        return [DEFAULT_NOTES]
    if prompt and sys.stdin.isatty():
        answer = typer.prompt("No notes/ folder here. Path to your vault or notes folder")
        chosen = Path(os.path.expanduser(answer.strip()))
        check_note_input(chosen, allow_empty=allow_empty)
        return [chosen]
    raise UsageProblem(
        "no PATH given and no notes/ folder here: name your vault or notes folder, "
        f"{EXAMPLE} (notecards build ~/Obsidian/MyVault -o decks/)"
    )


def check_note_input(path: Path, *, allow_empty: bool = False, packages: bool = False) -> None:
    """A usage error unless `path` is a note or a folder holding at least one note (or,
    with `packages`, an Anki package the quiz can read)."""
    from notecards.vault.scan import NOTE_SUFFIXES

    shown = os.fsdecode(path)
    if not path.exists():
        raise UsageProblem(
            f"{shown}: no such file or folder; check the spelling, or name a note (.md) "
            f"or a folder of notes, {EXAMPLE}"
        )
    if path.is_file():
        if packages and path.suffix.lower() == ".apkg":
            return
        if path.suffix.lower() not in NOTE_SUFFIXES:
            also = " or an Anki package (.apkg)" if packages else ""
            raise UsageProblem(
                f"{shown}: not a note (.md), a folder of notes{also}; name one of them"
            )
        return
    if not path.is_dir():
        raise UsageProblem(
            f"{shown}: not a regular file or folder (a device or a pipe); name a note (.md) "
            "or a folder of notes"
        )
    if not allow_empty and not has_notes(path):
        raise UsageProblem(
            f"{shown}: no notes in this folder (no .md files outside hidden folders); "
            "name the folder that holds your notes"
        )


def has_notes(folder: Path) -> bool:
    """Whether a note lies anywhere under `folder` (stops at the first), skipping what
    the vault scan skips, by its own rules (`vault/scan.py`)."""
    from notecards.vault.scan import is_note_name, is_skipped_folder

    seen: set[str] = set()  # real paths: a symlink loop is walked once
    for where, folders, files in os.walk(folder, followlinks=True):
        seen.add(os.path.realpath(where))
        folders[:] = [
            f
            for f in folders
            if not is_skipped_folder(f) and os.path.realpath(os.path.join(where, f)) not in seen
        ]
        if any(is_note_name(f) for f in files):
            return True
    return False


def check_output_folder(out: Path) -> None:
    """A usage error when `--out` names something that is not (and cannot be) a folder."""
    shown = os.fsdecode(out)
    if out.exists() and not out.is_dir():
        raise UsageProblem(
            f"{shown}: is a file, and --out takes the folder the decks are written to; "
            "name a folder (it is made when missing)",
        )
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise UsageProblem(
                f"{shown}: {os.fsdecode(parent)} is a file, so no folder can be made there; "
                "name another --out folder"
            )


def show_error(error: typer.TyperException) -> None:
    """A usage error as typer draws it on a terminal (usage, hint, a red box); to a pipe
    or file as plain lines that no width wraps (`Error: the sentence`)."""
    if type(error).__name__ == "NoArgsIsHelpError":  # the help is already printed
        return
    if sys.stderr.isatty():
        from typer import rich_utils

        rich_utils.rich_format_error(error)
        return
    show = getattr(error, "show", None)
    if show is not None:
        show()
    else:
        print(f"Error: {error.format_message()}", file=sys.stderr)
