"""A problem as one line of text: `path:line: message`, every control character escaped.

Paths and messages quote text from notes (file names, link targets), which may hold
newlines, escape sequences or bidi controls: printed on exactly one line, a hostile file
name cannot forge or hide a report line. Every layer that shows problems (the commands,
the quiz, watch) writes them with these functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from notecards.model import Problem

# control characters, and the lone surrogates of a file name in another encoding
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def one_line(text: str) -> str:
    """`text` with every control character escaped (`\\n`, `\\x1b`, `\\u202e`)."""
    return _CONTROL.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # the byte the file system gave (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def ordered(problems: Sequence[Problem]) -> list[Problem]:
    """Problems by file and line, each identical one once."""
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda p: (p.path, p.line))


def format_problem(problem: Problem) -> str:
    """The plain `path:line: message` line (what scripts and editors parse); a problem
    of the whole file (line 0) is `path: message`, never a `:0:` pseudo-line."""
    return f"{where(problem)}: {one_line(problem.message)}"


def where(problem: Problem) -> str:
    """`path:line`, or only the path when the problem is not on a line."""
    path = one_line(problem.path)
    return f"{path}:{problem.line}" if problem.line > 0 else path
