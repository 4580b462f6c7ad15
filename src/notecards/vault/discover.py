"""Which files of a folder are notes: the notes of the vault's one scan (vault/scan.py:
hidden folders, `.obsidian/`, `.trash/` are never entered; symlinks stay inside the root)
under the folder, minus what the user keeps out (`.notecardsignore` in gitignore
syntax), then what `--include`/`--exclude` globs say.

Globs use gitignore syntax against the path relative to the folder given
(`Drafts/`, `**/*.excalidraw.md`, `Web/**`): the same rules users already write in
`.notecardsignore`, so there is one syntax to learn.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from notecards.safe_read import describe, read_regular_text
from notecards.vault.scan import VaultScan

IGNORE_FILE = ".notecardsignore"


MAX_IGNORE_BYTES = 1024 * 1024  # an ignore file is a few lines; past this it is no ignore file


def _ignore_spec(root: Path, problems: list[tuple[str, int, str]]):
    """The vault's `.notecardsignore`, read safely (a FIFO or `/dev/zero` in its place
    is refused, not read); each bad line is reported and the others still apply."""
    path = root / IGNORE_FILE
    if not os.path.lexists(path):
        return None
    try:
        text = read_regular_text(path, MAX_IGNORE_BYTES)
    except (OSError, ValueError) as error:
        problems.append((str(path), 1, describe(error)))
        return None
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        why = pattern_error(line)
        if why:
            problems.append((str(path), number, f"{why}: {line!r} ignored"))
        else:
            lines.append(line)
    return _spec(lines)


def _spec(patterns: Sequence[str]):
    import pathspec

    if not patterns:
        return None
    # Python's `re` ("simple"): the atomic groups below are not re2 syntax
    return pathspec.GitIgnoreSpec.from_lines(patterns, _linear_pattern_class(), backend="simple")


def pattern_error(pattern: str) -> str:
    """Why `pattern` is no gitignore pattern ('' when it is one): a trailing backslash,
    a bare `!`, a reversed range such as `[z-a]`."""
    try:
        _linear_pattern_class()(pattern)
    except (ValueError, re.error) as error:  # GitIgnorePatternError is a ValueError
        cause = error.__cause__ or error
        return f"not a valid pattern ({cause})"
    return ""


_NEGATED_CLASS = re.compile(r"(?<!\\)\[\^")  # "[^" of a translated "[!…]", not "\\[^"


@cache
def _linear_pattern_class() -> type:
    """pathspec's gitignore pattern, whose globs match in linear time.

    pathspec turns `*a*a*b` into `[^/]*a[^/]*a[^/]*b`, which Python's backtracking
    matcher takes exponential time to fail on a long name (`*a*a*a*a*a*a*a*a*a*a*b`
    against 60 `a`s: minutes). As `fnmatch.translate` does, each star followed by a
    fixed-length piece is matched lazily in an atomic group, `(?>[^/]*?a)`: the first
    place the piece fits is always a right one, so nothing is tried twice."""
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    translate = GitIgnoreSpecPattern._translate_segment_glob

    class LinearGitIgnorePattern(GitIgnoreSpecPattern):
        __slots__ = ()

        @staticmethod
        def _translate_segment_glob(pattern: str, range_error) -> str:  # type: ignore[override]
            # a bracket never matches "/", as in git (pathspec's "[!a]" does, and a
            # piece that may cross a "/" would make the first fit a wrong one)
            pieces = [
                _NEGATED_CLASS.sub("[^/", translate(piece, range_error))
                for piece in _star_pieces(pattern)
            ]
            if len(pieces) == 1:
                return pieces[0]
            inner = "".join(f"(?>[^/]*?{piece})" for piece in pieces[1:-1])
            return f"{pieces[0]}{inner}[^/]*{pieces[-1]}"

    return LinearGitIgnorePattern


def _star_pieces(glob: str) -> list[str]:
    """A segment glob split at its wildcard stars (not at `\\*` or `[*]`)."""
    pieces, current, i = [], [], 0
    while i < len(glob):
        char = glob[i]
        if char == "\\":
            current.append(glob[i : i + 2])
            i += 2
            continue
        if char == "[":
            end = _bracket_end(glob, i + 1)
            if end:
                current.append(glob[i:end])
                i = end
                continue
        if char == "*":
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    pieces.append("".join(current))
    return pieces


def _bracket_end(glob: str, start: int) -> int:
    """One past the `]` closing the bracket expression opened before `start` (as
    pathspec finds it), 0 when it is not closed."""
    j = start
    if j < len(glob) and glob[j] in "!^":
        j += 1
    if j < len(glob) and glob[j] == "]":
        j += 1
    while j < len(glob) and glob[j] != "]":
        j += 1
    return j + 1 if j < len(glob) else 0


def discover(
    root: Path,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    problems: list[tuple[str, int, str]] | None = None,
    scan: VaultScan | None = None,
) -> list[Path]:
    """The notes under `root` (a file or a folder), sorted by their path in the root.

    A file given directly is always a note: the user named it. What is left out for a
    reason the user should hear of (a note symlink leading out of the vault or into a
    hidden folder, a bad line of `.notecardsignore`) goes to `problems` as
    (path, line, message). `scan` is the vault's scan when the build has made it.
    """
    if root.is_file():
        return [root]
    said = problems if problems is not None else []
    base = root.resolve()
    ignored, wanted, unwanted = _ignore_spec(base, said), _spec(include), _spec(exclude)
    found: list[tuple[str, str]] = []
    notes = scan.notes_in(base, said) if scan is not None else None
    if notes is None:  # no vault scan, or it did not enter this folder
        notes = VaultScan(base).notes_in(base, said) or []
    for rel, path in notes:
        if ignored is not None and ignored.match_file(rel):
            continue
        if wanted is not None and not wanted.match_file(rel):
            continue
        if unwanted is not None and unwanted.match_file(rel):
            continue
        found.append((rel, path))
    found.sort()
    return [Path(path) for _, path in found]
