"""Reader: one Markdown file → one `Note` (front matter, language, tree of sections).

`read_note` never raises for bad input: whatever is wrong becomes a `Problem` with the
file's line, and as much of the note as can be read is kept.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from notecards.media_refs import MEDIA_SUFFIXES, MediaResolver, is_fetched
from notecards.model import Note, Problem, Section, Span, block_spans, walk_blocks
from notecards.reader import chunks, limits
from notecards.reader.chunks import split_chunks
from notecards.reader.decode import decode_note
from notecards.reader.language import detect_language, normalize_lang
from notecards.reader.limits import take_degraded, take_too_deep
from notecards.reader.markdown import parser
from notecards.reader.metadata import (
    FrontMatter,
    clean_tag,
    meta_aliases,
    meta_tags,
    meta_title,
    split_front_matter,
)
from notecards.reader.obsidian import take_unclosed_comments
from notecards.reader.tree import SectionBuilder
from notecards.safe_read import describe, read_regular

_TITLE_JUNK = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_NOTE_BYTES = 64 * 1024 * 1024  # past this a "note" is not a note


def read_note(path: Path, vault: MediaResolver) -> tuple[Note | None, list[Problem]]:
    """Read one note; (None, problems) when the file cannot be a note at all."""
    rel = vault.relpath(path)
    try:
        data, mtime = read_regular_file(path, MAX_NOTE_BYTES)
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        return None, [Problem(rel, 1, describe(error), "error")]
    return parse_note(data, rel, path, vault, mtime)


def read_regular_file(path: Path, limit: int) -> tuple[bytes, int]:
    """`safe_read.read_regular`: the bytes and mtime of a regular file of at most
    `limit` bytes; FIFOs, devices and huge files are refused before they are opened."""
    return read_regular(path, limit)


def parse_note(
    data: bytes, rel: str, path: Path, vault: MediaResolver, mtime: int = 0
) -> tuple[Note | None, list[Problem]]:
    """The pure part of reading: bytes in, Note and problems out."""
    with no_cycle_collection():
        return _parse_note(data, rel, path, vault, mtime)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while one note is read (and mined: the pipeline
    holds it off for the whole note).

    markdown-it makes hundreds of short-lived token objects per note, and extraction
    thousands of spans and strings; the collector would scan them again and again
    (about a sixth of the parse time). They hold no reference cycles and are freed by
    reference counting as soon as they are done with, so nothing is left for the
    collector to find; should a cycle appear, it is collected after the note, once the
    previous state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_note(
    data: bytes, rel: str, path: Path, vault: MediaResolver, mtime: int
) -> tuple[Note | None, list[Problem]]:
    decoded = decode_note(data)
    if decoded.text is None:
        return None, [Problem(rel, 1, decoded.problem, "warning")]  # skipped, like a draft
    problems: list[Problem] = []
    if decoded.problem:
        problems.append(Problem(rel, decoded.problem_line, decoded.problem, decoded.severity))
    front = split_front_matter(decoded.text)
    problems += [Problem(rel, line, message, "error") for line, message in front.problems]
    problems += [Problem(rel, line, message) for line, message in front.warnings]
    meta = front.meta
    sections, degraded, unclosed = _parse_body(front)
    problems += _degraded_problems(rel, degraded)
    problems += [Problem(rel, line, message) for line, message in unclosed]
    title = clean_title(meta_title(meta) or "") or clean_title(Path(rel).stem) or "Untitled"
    spans = _all_spans(sections)
    tags = _unique([*meta_tags(meta), *_inline_tags(spans)])
    lang = normalize_lang(meta.get("lang") or meta.get("language")) or detect_language(front.body)
    note = Note(
        path=rel,
        title=title,
        tags=tuple(tags),
        lang=lang,
        sections=sections,
        meta=meta,
        aliases=tuple(meta_aliases(meta)),
        mtime=mtime,
        vault=str(vault.root),
    )
    problems += _media_problems(note.path, spans, path, vault)
    return note, problems


def parse_body(front: FrontMatter) -> tuple[tuple[Section, ...], list[tuple[int, int]]]:
    """The body's sections, parsed in pieces when it is huge (see `chunks.py`), and the
    (file line, markers) of paragraphs read as plain text by the work limits."""
    sections, degraded, _ = _parse_body(front)
    return sections, degraded


def _parse_body(
    front: FrontMatter,
) -> tuple[tuple[Section, ...], list[tuple[int, int]], list[tuple[int, str]]]:
    """parse_body, plus (file line, message) for blocks that swallow the rest of the note."""
    env: dict = {}
    builder = SectionBuilder(front.body_offset)
    degraded: list[tuple[int, int]] = []
    unclosed: list[tuple[int, str]] = []
    cuts: list[int] = []
    left_out: list[tuple[int, int]] = []
    for start, chunk in split_chunks(front.body, cuts=cuts, left_out=left_out):
        offset = front.body_offset + start
        lines = chunk.split("\n")
        tokens = parser().parse(chunk, env)
        builder.feed(tokens, lines, offset)
        degraded += [(offset + line + 1, markers) for line, markers in take_degraded(env)]
        found = [(line, _UNCLOSED_COMMENT) for line in take_unclosed_comments(env)]
        found += [(line, _UNCLOSED_FENCE) for line in _unclosed_fences(tokens, lines)]
        found += [(line, _TOO_DEEP) for line in take_too_deep(env)]
        unclosed += [(offset + line + 1, message) for line, message in found]
    first = front.body_offset + 1
    if cuts:  # one warning, at the first: a note this large may have thousands
        unclosed.append((first + cuts[0], _cut_message(len(cuts))))
    unclosed += [(first + a, _left_out_message(first + a, first + b)) for a, b in left_out]
    return builder.finish(), degraded, unclosed


def _cut_message(cuts: int) -> str:
    size = _size(chunks.BLOCK_PIECE_CHARS)
    return (
        f"table, list or quote over {size}: read in {cuts + 1:,} pieces from here "
        "(a list goes on as a new list, a callout as a quote, a table's rows as text)"
    )


def _left_out_message(first: int, last: int) -> str:
    size = _size(chunks.MAX_BLOCK_CHARS)
    return f"table, list or quote over {size}: lines {first:,}-{last:,} left out"


def _size(chars: int) -> str:
    kib = chars // 1024
    return f"{kib // 1024} MiB" if kib >= 1024 and kib % 1024 == 0 else f"{kib} KiB"


_UNCLOSED_COMMENT = "%% comment is never closed: the rest of the note is hidden"
_TOO_DEEP = "quotes or lists nested too deep: deeper levels read as plain text"
_UNCLOSED_FENCE = "code block is never closed: the rest of the note is read as code"


def _unclosed_fences(tokens: list, lines: list[str]) -> list[int]:
    """0-based first lines of top-level fences that run to the end without a closing
    fence (markdown-it, like Obsidian, then reads everything after as code)."""
    found = []
    for token in tokens:
        if token.type != "fence" or token.level != 0 or not token.map:
            continue
        start, end = token.map
        last = lines[end - 1].strip() if end - 1 > start and end <= len(lines) else ""
        closed = last.startswith(token.markup) and set(last) == {token.markup[0]}
        if not closed and end >= len(lines) - (lines[-1] == ""):
            found.append(start)
    return found


def _degraded_problems(rel: str, degraded: list[tuple[int, int]]) -> list[Problem]:
    """One warning per kind of limit hit, at the first paragraph it hit, so a huge note
    gives two lines of report, not thousands."""
    dense = [line for line, markers in degraded if markers > limits.PARAGRAPH_MARKERS]
    late = [line for line, markers in degraded if markers <= limits.PARAGRAPH_MARKERS]
    problems = []
    if dense:
        what = _count(len(dense), "paragraph")
        message = (
            f"{what} with over {limits.PARAGRAPH_MARKERS:,} markup characters read as plain text"
        )
        problems.append(Problem(rel, dense[0], message + _more_lines(dense)))
    if late:
        what = _count(len(late), "paragraph")
        message = (
            f"note has over {limits.NOTE_MARKERS:,} markup characters: {what} read as plain text"
        )
        problems.append(Problem(rel, late[0], message + " from here on"))
    return problems


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' * (number != 1)}"


def _more_lines(lines: list[int]) -> str:
    if len(lines) == 1:
        return ""
    shown = ", ".join(map(str, lines[1:6])) + (", ..." if len(lines) > 6 else "")
    return f" (also lines {shown})"


def clean_title(text: str) -> str:
    """A title on one line, without control or bidirectional-override characters: it
    becomes a deck name, a tag and part of every card's source line."""
    return " ".join(_TITLE_JUNK.sub(" ", text).split())


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _all_spans(sections: tuple[Section, ...]) -> list[tuple[int, Span]]:
    """Every span the note's tags and media warnings come from (tags, embeds, images),
    with its line, in document order."""
    found: list[tuple[int, Span]] = []
    for section in sections:
        found += [(section.line, s) for s in section.heading_spans if s.kind in _MARKED]
        for block in walk_blocks(section.blocks):
            found += block_spans(block, _MARKED)
    return found


_MARKED = frozenset({"tag", "embed", "image"})


def _inline_tags(spans: list[tuple[int, Span]]) -> list[str]:
    return [clean_tag(span.target) for _, span in spans if span.kind == "tag"]


def _media_problems(
    rel: str, spans: list[tuple[int, Span]], path: Path, vault: MediaResolver
) -> list[Problem]:
    """Every embed that will not reach a deck is said once, at its line."""
    problems: list[Problem] = []
    for line, span in spans:
        if span.kind not in ("embed", "image"):
            continue
        target = span.target
        if span.kind == "embed" and _suffix(target) not in MEDIA_SUFFIXES:
            continue  # an embedded note, not a file
        if span.kind == "image" and is_fetched(target):
            continue  # decided at render time (--allow-remote)
        lookup = vault.resolve_media(target, path)
        if lookup.path is None:
            problems.append(Problem(rel, line, lookup.reason))
    return problems


def _suffix(target: str) -> str:
    """The lower-case suffix of a link target; '' for what is no path at all."""
    try:
        return Path(target).suffix.lower()
    except ValueError:
        return ""
