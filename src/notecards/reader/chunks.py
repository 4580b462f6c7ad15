"""Cut a huge note into pieces that markdown-it can parse one at a time.

markdown-it keeps a token object for every delimiter of the whole input, about 120
bytes of memory per byte of dense Markdown: a 20 MB note would need gigabytes. A body
longer than `CHUNK_CHARS` is therefore parsed in pieces, cut only where a new block
starts for certain and nothing can be open across the cut:

- at a heading line (`# ...` in column 0), which ends any paragraph, list or quote;
- at a line starting with a letter in column 0 after a blank line (a new paragraph);

and never while a fenced code block, a `$$` math block, a `%%` comment or an HTML block
is open.

A single block larger than a piece (a table of 2,000,000 rows, a list of 400,000
items, a long callout) has no such place, and its tokens cost 200-370 bytes of memory
per byte. Once `BLOCK_PIECE_CHARS` long, a piece is cut inside the block too, before a
line that starts a new table row, top-level list item or quote line: the list goes on
as a new list, the quote as a plain quote, and the table's further rows are read as
text. And a block is read up to `MAX_BLOCK_CHARS`: its lines past that, to the next
heading or paragraph, are left out (the tree and the cards of 2,000,000 rows would
cost gigabytes, and no card comes from them). `split_chunks` reports both (the reader
warns).

Reference definitions (`[x]: url`) stay visible to later pieces, since all
pieces share one markdown-it `env`; a reference used before it is defined in another
piece is the one thing that reads differently, and only in notes this large.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK_CHARS = 256 * 1024
BLOCK_PIECE_CHARS = 256 * 1024  # a table, list or quote this long is cut inside
MAX_BLOCK_CHARS = 1024 * 1024  # of one table, list or quote; the rest is left out

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
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")


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


def split_chunks(
    body: str,
    size: int | None = None,
    cuts: list[int] | None = None,
    left_out: list[tuple[int, int]] | None = None,
) -> list[tuple[int, str]]:
    """(line offset, text) pieces of `body`; one piece when it is short. The 0-based
    lines where a block was cut go to `cuts`, the (first, last) lines of a block left
    out past `MAX_BLOCK_CHARS` to `left_out` (see the module docstring)."""
    size = size or CHUNK_CHARS
    if len(body) <= size:
        return [(0, body)]
    chunks: list[tuple[int, str]] = []
    start = length = block = 0  # `block`: characters of the block being cut so far
    start_at = 0  # the character where the piece being made starts
    skipping = -1  # the first line left out, while leaving out
    scanner = _Scanner()
    previous = ""
    index = -1
    for index, (at, line) in enumerate(_lines(body)):
        if skipping >= 0:
            if not _starts_block(line, not previous.strip()):
                previous = line
                continue
            if left_out is not None:
                left_out.append((skipping, index - 1))
            skipping, start, start_at, length, block = -1, index, at, 0, 0
        elif length >= size and not scanner.is_open():
            inside = length >= BLOCK_PIECE_CHARS and _continues_block(line, previous)
            if inside or _starts_block(line, not previous.strip()):
                chunks.append((start, body[start_at : at - 1]))
                block = block + length if inside else 0
                start, start_at, length = index, at, 0
                if inside and block >= MAX_BLOCK_CHARS:
                    skipping = index
                    previous = line
                    continue
                if inside and cuts is not None:
                    cuts.append(index)
        scanner.step(line)
        length += len(line) + 1
        previous = line
    if skipping >= 0:
        if left_out is not None:
            left_out.append((skipping, index))
    else:
        chunks.append((start, body[start_at:]))
    return chunks


def _lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of `body`, one at a time: a list of the lines of a
    20 MB table would cost more than the text (a million small strings)."""
    at = 0
    while True:
        end = body.find("\n", at)
        if end < 0:
            yield at, body[at:]
            return
        yield at, body[at:end]
        at = end + 1


def _continues_block(line: str, previous: str) -> bool:
    """True before a line that starts a new row, top-level item or quote line of the
    block the previous line is in (not before an item's continuation lines)."""
    if line.startswith("|"):
        return previous.startswith("|")
    if line.startswith(">"):
        return previous.startswith(">")
    return bool(_LIST_ITEM.match(line))


def _starts_block(line: str, previous_blank: bool) -> bool:
    """True where markdown-it must start a new top-level block whatever came before."""
    if _HEADING.match(line):
        return True
    return previous_blank and line[:1].isalpha()
