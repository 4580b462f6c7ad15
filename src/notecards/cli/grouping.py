"""One line for a problem that repeats over many files, so the rest stays readable.

A vault copied without its attachments gives thousands of "embedded file not found",
a git-crypt vault hundreds of binary notes: listed one by one, they bury the one
problem that matters. Problems of the same kind (the message with what varies from
file to file taken out) are printed one by one while they are in up to `GROUP_ABOVE`
files; past it, as one line that counts them, shows the first and says how to list
them all (`--verbose`). Many problems in one file stay listed: each is at its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from notecards.cli.wording import count
from notecards.model import Problem

GROUP_ABOVE = 5  # files with one kind of problem listed one by one; more: one line

# what varies between two reports of the same problem: quoted text, a parenthesis,
# numbers, and the detail after the first colon (a file name, a card's front)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|«[^»]*»|\([^)]*\)")
_NUMBER = re.compile(r"\d+")

# kinds whose whole-file nature deserves its own sentence: what happened, what to do
_FILE_KINDS = (
    (
        re.compile(r"^binary file, not a Markdown note"),
        "encrypted or binary files skipped (not Markdown, e.g. git-crypt)",
    ),
    (
        re.compile(r"^(not UTF-8|not valid UTF-8|file is UTF-16)"),
        "files not saved as UTF-8 (read as another encoding; save them as UTF-8)",
    ),
)
_LIST_OR_IGNORE = "list them with --verbose or add them to .notecardsignore"


@dataclass
class Group:
    """Problems of one kind: listed one by one, or said as `line` when there are many."""

    kind: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len({p.path for p in self.problems})

    @property
    def severity(self) -> str:
        return "error" if any(p.severity == "error" for p in self.problems) else "warning"

    def line(self, where: str) -> str:
        """The grouped sentence; `where` is the first problem's `path:line`."""
        files = self.files
        first = self.problems[0]
        for pattern, what in _FILE_KINDS:
            if pattern.match(first.message):
                return f"{files} {what}; {_LIST_OR_IGNORE}"
        return (
            f"{self.kind}: {count(len(self.problems), 'time')} in {count(files, 'file')} "
            f"(first: {where}: {first.message}); list them all with --verbose"
        )


def problem_kind(message: str) -> str:
    """The message without what varies from file to file."""
    for pattern, _ in _FILE_KINDS:
        if found := pattern.match(message):
            return found.group(0)
    general = _QUOTED.sub("…", message).split(": ", 1)[0]
    return _NUMBER.sub("#", " ".join(general.split()))


def split_repeated(problems: Sequence[Problem]) -> tuple[list[Problem], list[Group]]:
    """The problems to list one by one, and the groups of kinds met in more than
    `GROUP_ABOVE` files (in the order their first problem comes)."""
    groups: dict[str, Group] = {}
    for problem in problems:
        kind = problem_kind(problem.message)
        groups.setdefault(kind, Group(kind)).problems.append(problem)
    many = [g for g in groups.values() if g.files > GROUP_ABOVE]
    grouped = {id(p) for g in many for p in g.problems}
    return [p for p in problems if id(p) not in grouped], many
