"""Reader: one Markdown file → one `Note` (front matter, language, tree of sections).

`read_note` never raises for bad input: whatever is wrong becomes a `Problem` with the
file's line, and as much of the note as can be read is kept.
"""

from __future__ import annotations

from pathlib import Path

from notecards.model import Note, Problem, Span, block_spans, walk_blocks
from notecards.reader.decode import decode_note
from notecards.reader.language import detect_language, normalize_lang
from notecards.reader.markdown import parser
from notecards.reader.metadata import (
    clean_tag,
    meta_aliases,
    meta_tags,
    meta_title,
    split_front_matter,
)
from notecards.reader.tree import build_sections
from notecards.vault import MEDIA_SUFFIXES, Vault, is_remote

MAX_NOTE_BYTES = 64 * 1024 * 1024  # past this a "note" is not a note


def read_note(path: Path, vault: Vault) -> tuple[Note | None, list[Problem]]:
    """Read one note; (None, problems) when the file cannot be a note at all."""
    rel = vault.relpath(path)
    try:
        info = path.stat()
        if info.st_size > MAX_NOTE_BYTES:
            size = info.st_size // (1024 * 1024)
            return None, [Problem(rel, 1, f"file of {size} MiB is too large: skipped", "error")]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(rel, 1, f"cannot read file: {error.strerror or error}", "error")]
    return parse_note(data, rel, path, vault, int(info.st_mtime))


def parse_note(
    data: bytes, rel: str, path: Path, vault: Vault, mtime: int = 0
) -> tuple[Note | None, list[Problem]]:
    """The pure part of reading: bytes in, Note and problems out."""
    problems: list[Problem] = []
    decoded = decode_note(data)
    if decoded.text is None:
        return None, [Problem(rel, 1, decoded.problem, "error")]
    if decoded.problem:
        problems.append(Problem(rel, decoded.problem_line, decoded.problem, "error"))
    front = split_front_matter(decoded.text)
    problems += [Problem(rel, line, message, "error") for line, message in front.problems]
    meta = front.meta
    lines = front.body.split("\n")
    tokens = parser().parse(front.body)
    sections = build_sections(tokens, lines, front.body_offset)
    title = meta_title(meta) or Path(rel).stem
    tags = _unique([*meta_tags(meta), *_inline_tags(sections)])
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
    problems += _media_problems(note, path, vault)
    return note, problems


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _all_spans(sections) -> list[tuple[int, Span]]:
    found: list[tuple[int, Span]] = []
    for section in sections:
        found += [(section.line, span) for span in section.heading_spans]
        for block in walk_blocks(section.blocks):
            found += list(block_spans(block))
    return found


def _inline_tags(sections) -> list[str]:
    return [clean_tag(span.target) for _, span in _all_spans(sections) if span.kind == "tag"]


def _media_problems(note: Note, path: Path, vault: Vault) -> list[Problem]:
    """Every embed that will not reach a deck is said once, at its line."""
    problems: list[Problem] = []
    for line, span in _all_spans(note.sections):
        if span.kind not in ("embed", "image"):
            continue
        target = span.target
        if span.kind == "embed" and Path(target).suffix.lower() not in MEDIA_SUFFIXES:
            continue  # an embedded note, not a file
        if span.kind == "image" and is_remote(target):
            continue  # decided at render time (--allow-remote)
        lookup = vault.resolve_media(target, path)
        if lookup.path is None:
            problems.append(Problem(note.path, line, lookup.reason))
    return problems
