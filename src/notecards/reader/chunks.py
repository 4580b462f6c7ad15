"""Cut a huge note into pieces that markdown-it can parse one at a time.

markdown-it keeps a token object for every delimiter of the whole input, about 120
bytes of memory per byte of dense Markdown: a 20 MB note would need gigabytes. A body
longer than `CHUNK_CHARS` is therefore parsed in pieces, cut only where a new block
starts for certain and nothing can be open across the cut:

- at a heading line (`# ...` in column 0), which ends any paragraph, list or quote;
- at a line starting with a letter in column 0 after a blank line (a new paragraph);

and never while a fenced code block, a `$$` math block, a `%%` comment or an HTML block
is open. Reference definitions (`[x]: url`) stay visible to later pieces, since all
pieces share one markdown-it `env`; a reference used before it is defined in another
piece is the one thing that reads differently, and only in notes this large.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHUNK_CHARS = 256 * 1024

_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_HTML_ENDS = (
    (
        re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)", re.I),
        re.compile(r"</(?:script|pre|style|textarea)>", re.I),
    ),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)
_HTML_OTHER = re.compile(r" {0,3}</?[A-Za-z]")


@dataclass(slots=True)
class _Scanner:
    """What is open at the current line, judged conservatively (never too little)."""

    fence: str = ""  # the opening fence's marker run, e.g. "```"
    closer: re.Pattern[str] | None = None  # end of an HTML block of type 1-5
    until_blank: bool = False  # an HTML block of type 6/7 runs to a blank line
    comment: bool = False  # `%%` block
    math: bool = False  # `$$` block

    def is_open(self) -> bool:
        return bool(self.fence or self.closer or self.until_blank or self.comment or self.math)

    def step(self, line: str) -> None:
        """Update the state with one line."""
        if self.fence:
            self._close_fence(line)
        elif self.closer is not None:
            if self.closer.search(line):
                self.closer = None
        elif self.until_blank:
            self.until_blank = bool(line.strip())
        elif self.comment:
            self.comment = "%%" not in line
        elif self.math:
            self.math = "$$" not in line
        else:
            self._open(line)

    def _close_fence(self, line: str) -> None:
        match = _FENCE.match(line)
        if match and not match.group(2).strip():
            run = match.group(1)
            if run[0] == self.fence[0] and len(run) >= len(self.fence):
                self.fence = ""

    def _open(self, line: str) -> None:
        stripped = line.lstrip()
        fence = _FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            self.fence = fence.group(1)
        elif stripped.startswith("%%"):
            self.comment = "%%" not in stripped[2:]
        elif stripped.startswith("$$"):
            self.math = "$$" not in stripped[2:]
        elif stripped.startswith("<"):
            self._open_html(line)

    def _open_html(self, line: str) -> None:
        for start, end in _HTML_ENDS:
            if start.match(line):
                if not end.search(line, line.index("<") + 2):
                    self.closer = end
                return
        self.until_blank = bool(_HTML_OTHER.match(line))


def split_chunks(body: str, size: int | None = None) -> list[tuple[int, str]]:
    """(line offset, text) pieces of `body`; one piece when it is short."""
    size = size or CHUNK_CHARS
    if len(body) <= size:
        return [(0, body)]
    lines = body.split("\n")
    chunks: list[tuple[int, str]] = []
    start = length = 0
    scanner = _Scanner()
    previous_blank = True
    for index, line in enumerate(lines):
        if length >= size and not scanner.is_open() and _starts_block(line, previous_blank):
            chunks.append((start, "\n".join(lines[start:index])))
            start, length = index, 0
        scanner.step(line)
        length += len(line) + 1
        previous_blank = not line.strip()
    chunks.append((start, "\n".join(lines[start:])))
    return chunks


def _starts_block(line: str, previous_blank: bool) -> bool:
    """True where markdown-it must start a new top-level block whatever came before."""
    if _HEADING.match(line):
        return True
    return previous_blank and line[:1].isalpha()
