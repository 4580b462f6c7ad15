"""Problems in the notes being quizzed: shown once, then summed up in one line.

A quiz is a daily habit; the notes' problems (a bad front matter, a missing image)
are the build's business. Printing the same twenty warnings every morning pushes
the first question off the screen, so each problem is printed the first time a quiz
meets it (the review state remembers its digest), and later only with `-v`; the
ones shown before are counted in one line. They never change the quiz's exit status:
the cards that could be read are asked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from notecards.model import Problem
    from notecards.quiz.state import ReviewStore


def problem_key(problem: Problem) -> str:
    """The file and the message (not the line: a line added above keeps it old)."""
    text = f"{problem.path}\x1f{problem.severity}\x1f{problem.message}"
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def report_note_problems(
    problems: Sequence[Problem], store: ReviewStore | None, *, verbose: bool, stream: IO[str]
) -> None:
    """Print the problems not shown before (all of them with `verbose`, or without a
    review state to remember them in), and one line counting the others."""
    from notecards.problem_lines import format_problem, ordered

    unique = ordered(problems)
    if not unique:
        return
    keys = [problem_key(p) for p in unique]
    fresh = set(keys)
    if store is not None:
        fresh = store.first_sightings(keys, datetime.now(UTC))
    shown_before = 0
    for problem, key in zip(unique, keys, strict=True):
        if verbose or key in fresh:
            print(format_problem(problem), file=stream)  # one line, names escaped
        else:
            shown_before += 1
    if shown_before:
        things = "problem" if shown_before == 1 else "problems"
        print(
            f"notecards: {shown_before} {things} in these notes shown before "
            "(quiz -v or notecards check lists them)",
            file=stream,
        )
