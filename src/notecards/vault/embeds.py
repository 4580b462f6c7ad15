"""Embedded notes: `![[Other note]]`, `![[Other note#Heading]]`, `![[Other note#^block]]`
rendered where they appear in an answer, as Obsidian shows them.

The pipeline makes one `NoteEmbedder` per note being extracted and hands it to the
extractors (`extract_cards(embed_note=...)`), whose renderer calls it. It resolves
targets through the vault's `NoteIndex`, renders the embedded part with the same
renderer (its images resolved from the embedded note's folder, its media added to the
card), and stops at `MAX_DEPTH` nested embeds or at a cycle, showing a link there
instead. Everything it looked at is kept in `deps`, so the cache can tell when another
note's edit changes this note's cards.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from notecards.ids import content_hash
from notecards.media_refs import MEDIA_SUFFIXES
from notecards.model import Note, Problem, block_spans, plain_text, walk_blocks
from notecards.reader.decode import decode_note
from notecards.reader.inline import to_spans, wikilink_display
from notecards.render.markup import EmbedNote, RenderContext, render_markdown
from notecards.safe_read import MiB, describe, inside, read_regular
from notecards.vault.links import NoteIndex

MAX_DEPTH = 3  # nested embeds shown; deeper ones become links
MAX_EMBED_FILE_BYTES = 8 * MiB  # an embedded note larger than this is shown as a link
# Embeds multiply: 150 embeds per level over three levels made a 48 KB vault into a
# 218 MB field. So the Markdown embedded is counted (each embed at least `EMBED_COST`)
# per embed written in the note, nested embeds included, and per note; past either
# budget an embed is shown as a link, and said once.
MAX_EMBED_CHARS = 1 * MiB
MAX_NOTE_EMBED_CHARS = 4 * MiB
EMBED_COST = 1024

# (note the embed was written in, target as written) → (resolved path or "", its hash)
Deps = dict[tuple[str, str], tuple[str, str]]


def is_note_embed(target: str) -> bool:
    return Path(target).suffix.lower() not in MEDIA_SUFFIXES


@dataclass
class NoteSources:
    """The bodies of embedded notes, read once per run (a vault embeds the same few).

    An embedded note is read as carefully as media: its real path must lie inside the
    vault root and outside its hidden folders, and it must be a regular file of at most
    `MAX_EMBED_FILE_BYTES` (so `passwd.md → /etc/passwd`, `leak.md → .git/config`, a
    FIFO or `/dev/zero` never get in). Why one was refused is kept for the warning."""

    root: Path
    _bodies: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    refusals: dict[str, str] = field(default_factory=dict)
    _parts: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def part(self, rel: str, heading: str) -> str | None:
        """`fragment` of the note at `rel`, found once per run (a note embedding
        `![[Big#Heading]]` 150 times parses `Big` once)."""
        key = (rel, heading)
        if key not in self._parts:
            body = self.body(rel)
            self._parts[key] = fragment(body[0], heading) if body else None
        return self._parts[key]

    def body(self, rel: str) -> tuple[str, str] | None:
        """(Markdown body without front matter, content hash), or None if unreadable."""
        if rel not in self._bodies:
            self._bodies[rel] = self._read(rel)
        return self._bodies[rel]

    def _read(self, rel: str) -> tuple[str, str] | None:
        from notecards.reader.metadata import split_front_matter

        root = self.root.resolve()
        try:
            real = (root / rel).resolve(strict=True)
            if not inside(real, root):
                self.refusals[rel] = "file outside the vault or in a hidden folder refused"
                return None
            data, _ = read_regular(real, MAX_EMBED_FILE_BYTES)
        except (OSError, RuntimeError, ValueError) as error:  # RuntimeError: a link loop
            self.refusals[rel] = (
                describe(error) if not isinstance(error, RuntimeError) else ("symlink loop refused")
            )
            return None
        text = decode_note(data).text
        if text is None:
            self.refusals[rel] = "binary file, not a Markdown note: refused"
            return None
        return split_front_matter(text).body, content_hash(data)


def _heading_text(inline_token) -> str:
    return " ".join(plain_text(to_spans(inline_token.children)).split())


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def fragment(body: str, heading: str) -> str | None:
    """The part of a note an embed shows: all of it, one heading's section (heading
    included, up to the next heading of the same or a higher level), or the paragraph
    marked `^block`. None when the heading or block is not there."""
    if not heading:
        return body
    lines = body.split("\n")
    if heading.startswith("^"):
        return _block(lines, heading[1:])
    from notecards.reader.markdown import parser

    wanted = _fold(heading.split("#")[-1])
    tokens = parser().parse(body)
    start = level = None
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.level != 0 or token.map is None:
            continue
        depth = int(token.tag[1:])
        if start is None:
            if _fold(_heading_text(tokens[index + 1])) == wanted:
                start, level = token.map[0], depth
        elif depth <= level:
            return "\n".join(lines[start : token.map[0]])
    return "\n".join(lines[start:]) if start is not None else None


def _block(lines: list[str], block_id: str) -> str | None:
    marker = re.compile(rf"\s\^{re.escape(block_id)}\s*$")
    for number, line in enumerate(lines):
        if marker.search(line):
            first = number
            while first > 0 and lines[first - 1].strip():
                first -= 1
            last = number
            while last + 1 < len(lines) and lines[last + 1].strip():
                last += 1
            part = lines[first : last + 1]
            part[number - first] = marker.sub("", line)
            return "\n".join(part)
    return None


def embed_lines(note: Note) -> dict[str, int]:
    """Each embedded note's target → the first line it is embedded at."""
    found: dict[str, int] = {}
    for section in note.sections:
        for block in walk_blocks(section.blocks):
            if "![[" not in block.source:
                continue  # an embed span comes from `![[` in the block's own lines
            for line, span in block_spans(block):
                target = span.target.partition("#")[0]
                if span.kind == "embed" and is_note_embed(target):
                    found.setdefault(target, line)
    return found


class NoteEmbedder:
    """The embeds of one note: resolution, rendering, problems and dependencies."""

    def __init__(self, index: NoteIndex, sources: NoteSources, note: Note):
        self.index = index
        self.sources = sources
        self.note = note
        self.lines = embed_lines(note)
        self.deps: Deps = {}
        self.problems: list[Problem] = []
        self._said: set[str] = set()
        self._line = 1
        self._spent = 0  # Markdown embedded in this note so far
        self._spent_here = 0  # ... by the embed written in the note being rendered

    def check(self) -> list[Problem]:
        """Warn about every embed whose note is missing or ambiguous, rendered or not."""
        for target, line in self.lines.items():
            found = self._resolve(target, self.note.path)
            if found.path is None:
                self._warn(line, f"embedded note not found: ![[{target}]]")
            elif found.path in self.sources.refusals:
                self._warn(line, self._refused(target, found.path))
            elif found.ambiguous:
                others = ", ".join(found.candidates)
                self._warn(line, f"![[{target}]] matches {len(found.candidates)} notes "
                                 f"({others}); using {found.path}")  # fmt: skip
        return self.problems

    def embedder(self) -> EmbedNote:
        return self._at(((self.note.path, ""),))

    def _at(self, stack: tuple[tuple[str, str], ...]) -> EmbedNote:
        def embed(target: str, heading: str, ctx: RenderContext) -> str:
            return self._embed(target, heading, ctx, stack)

        return embed

    def _resolve(self, target: str, source: str):
        found = self.index.resolve(target, source)
        body = self.sources.body(found.path) if found.path else None
        self.deps[(source, target)] = (found.path or "", body[1] if body else "")
        return found

    def _afford(self, cost: int) -> bool:
        """Count `cost` characters against the budgets; False (and said) when over."""
        if self._spent + cost > MAX_NOTE_EMBED_CHARS:
            limit = MAX_NOTE_EMBED_CHARS // MiB
            self._warn(self._line, f"embedded notes exceed {limit} MiB in this note: "
                                   "the rest are shown as links")  # fmt: skip
            return False
        if self._spent_here + cost > MAX_EMBED_CHARS:
            limit = MAX_EMBED_CHARS // MiB
            self._warn(self._line, f"embed shows over {limit} MiB with the notes it embeds: "
                                   "the rest are shown as links")  # fmt: skip
            return False
        self._spent += cost
        self._spent_here += cost
        return True

    def _refused(self, target: str, path: str) -> str:
        return f"![[{target}]]: {path}: {self.sources.refusals[path]}: shown as a link"

    def _warn(self, line: int, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            self.problems.append(Problem(self.note.path, line, message))

    def _embed(
        self, target: str, heading: str, ctx: RenderContext, stack: tuple[tuple[str, str], ...]
    ) -> str:
        source = stack[-1][0]
        if len(stack) == 1:
            self._line = self.lines.get(target, 1)
            self._spent_here = 0
        link = wikilink_display({"target": target, "heading": heading})
        as_link = f'<span class="nc-link">{html.escape(link)}</span>'
        found = self._resolve(target, source)
        if found.path is None:
            return as_link
        if (found.path, heading) in stack or (found.path, "") in stack:
            chain = " → ".join([*(p for p, _ in stack), found.path])
            self._warn(self._line, f"embed cycle {chain}: shown as a link")
            return as_link
        if len(stack) > MAX_DEPTH:
            self._warn(self._line, f"embeds nested deeper than {MAX_DEPTH}: shown as a link")
            return as_link
        part = self.sources.part(found.path, heading)
        if part is None and found.path in self.sources.refusals:
            self._warn(self._line, self._refused(target, found.path))
            return as_link
        if part is None:
            what = f"#{heading}" if heading else ""
            self._warn(self._line, f"![[{target}]]: {what or 'note'} not found in {found.path}")
            return as_link
        if not self._afford(max(len(part), EMBED_COST)):
            return as_link
        inner = RenderContext(
            ctx.vault,
            self.sources.root / found.path,
            ctx.allow_remote,
            ctx.media,
            embed_note=self._at((*stack, (found.path, heading))),
        )
        rendered = render_markdown(part, inner)
        title = html.escape(link, quote=True)
        return f'<div class="nc-embed" title="{title}">{rendered}</div>'
