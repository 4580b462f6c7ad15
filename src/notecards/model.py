"""The data that flows through the pipeline: Note (what was read) and Card (what was made).

Small frozen dataclasses in the spirit of genanki: each stage takes one and returns
the next, so any stage can be tested alone and results can be cached and compared.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a frozen, slotted dataclass as the arguments of its constructor.

    What `dataclass(slots=True)` provides instead calls `fields()` for every object
    pickled or unpickled, and a vault's cards are pickled by the hundred thousand (into
    the cache, between processes). A keyword-only class is rebuilt by the positional
    maker `slot_init` gives it."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    make = getattr(cls, "_from_fields", cls)

    def __reduce__(self: T) -> tuple[Any, tuple[Any, ...]]:
        return make, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


def slot_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an `__init__` that stores into the slots directly.

    The one `dataclass(frozen=True)` writes must get past the class's own `__setattr__`
    (which refuses), so it calls `object.__setattr__` per field: a lookup by name each
    time, about half the cost of making a span. Spans, blocks and cards are made by the
    hundred thousand; the slot descriptors store the same values in the same order,
    with the same parameters and defaults. A keyword-only class (`Card`: twenty fields
    no reader could tell apart by position) also gets `_from_fields`, the positional
    maker its pickles use."""
    names: dict[str, Any] = {}
    params, lines = [], []
    keywords = [item.kw_only for item in fields(cls)]  # type: ignore[arg-type]
    if any(keywords) and not all(keywords):
        raise TypeError(f"slot_init: {cls.__name__} mixes keyword-only and positional fields")
    for number, item in enumerate(fields(cls)):  # type: ignore[arg-type]
        plain = item.init and item.default_factory is MISSING
        if not plain:
            raise TypeError(f"slot_init: {cls.__name__}.{item.name} is not a plain field")
        store = f"_store_{number}"
        names[store] = getattr(cls, item.name).__set__
        lines.append(f"    {store}(self, {item.name})")
        params.append(item.name)
        if item.default is not MISSING:
            names[f"_default_{number}"] = item.default
            params[-1] += f"=_default_{number}"
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"slot_init: {cls.__name__} has a __post_init__")
    star = "*, " if any(keywords) else ""
    body = "\n".join(lines) + "\n"
    source = f"def __init__(self, {star}{', '.join(params)}):\n" + body
    exec(source, names)  # how dataclasses makes __init__ too
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    if star:
        names["_cls"] = cls
        maker = f"def _from_fields({', '.join(params)}):\n    self = _cls.__new__(_cls)\n"
        exec(maker + body + "    return self\n", names)
        made = names["_from_fields"]
        made.__qualname__, made.__module__ = f"{cls.__qualname__}._from_fields", cls.__module__
        cls._from_fields = staticmethod(made)  # type: ignore[attr-defined]
    return cls


# ---------------------------------------------------------------- inline content


@slot_init
@dataclass(frozen=True, slots=True)
class Span:
    """One run of inline text with a single meaning.

    kind is one of: text, em, strong, highlight, code, math, link, wikilink, embed,
    image, tag, html, break. `text` is what a reader sees (a wikilink's display text,
    an image's alt text); `target` is where a link or embed points.
    """

    text: str
    kind: str = "text"
    target: str = ""


Inline = tuple[Span, ...]

# Spans that carry no words of the sentence: media, tags (metadata), raw HTML.
_UNSEEN = frozenset({"embed", "image", "tag", "html"})


def plain_text(spans: Inline) -> str:
    """What a reader sees, without markup: the text every extractor works on."""
    return "".join(" " if s.kind == "break" else s.text for s in spans if s.kind not in _UNSEEN)


# ---------------------------------------------------------------- blocks


@slot_init
@dataclass(frozen=True, slots=True)
class Block:
    """Base of every block: where it starts and ends in the file (1-based, inclusive)
    and its raw Markdown source, which explicit-card syntax is matched against."""

    line: int
    end_line: int
    source: str


@slot_init
@dataclass(frozen=True, slots=True)
class Paragraph(Block):
    spans: Inline = ()

    @property
    def text(self) -> str:
        return plain_text(self.spans)


@slot_init
@dataclass(frozen=True, slots=True)
class ListItem(Block):
    """A list item: its own paragraphs and nested lists or code blocks."""

    blocks: tuple[Block, ...] = ()
    checked: bool | None = None  # task lists: [ ] / [x]

    @property
    def paragraph(self) -> Paragraph | None:
        """The item's first paragraph: what a step or member says, nested lists aside."""
        return next((block for block in self.blocks if isinstance(block, Paragraph)), None)

    @property
    def text(self) -> str:
        """The item's first paragraph as plain text (what a step or member says)."""
        paragraph = self.paragraph
        return paragraph.text if paragraph is not None else ""


@slot_init
@dataclass(frozen=True, slots=True)
class ListBlock(Block):
    ordered: bool = False
    start: int = 1
    items: tuple[ListItem, ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class CodeBlock(Block):
    info: str = ""  # the fence's info string, e.g. "http" or "python title=x"
    code: str = ""

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0].lower() if self.info.strip() else ""


@slot_init
@dataclass(frozen=True, slots=True)
class MathBlock(Block):
    tex: str = ""


@slot_init
@dataclass(frozen=True, slots=True)
class Table(Block):
    header: tuple[Inline, ...] = ()
    rows: tuple[tuple[Inline, ...], ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class Quote(Block):
    """A block quote, or an Obsidian callout when `callout` is set (`> [!note] Title`)."""

    blocks: tuple[Block, ...] = ()
    callout: str = ""
    title: str = ""


@slot_init
@dataclass(frozen=True, slots=True)
class HtmlBlock(Block):
    html: str = ""


@slot_init
@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks under it, up to the next heading of any level.

    `path` holds the titles of the enclosing headings, outermost first, ending with
    this one; the part of a note before its first heading has an empty path.
    """

    heading: str
    level: int
    line: int
    path: tuple[str, ...]
    blocks: tuple[Block, ...]
    heading_spans: Inline = ()


# ---------------------------------------------------------------- problems


Severity = Literal["error", "warning"]


@pickled_by_fields
@slot_init
@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input, reported as `path:line: message`."""

    path: str
    line: int
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


# ---------------------------------------------------------------- notes


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Note:
    """One Markdown file, read: metadata from front matter and a body of sections."""

    path: str  # relative to the vault, POSIX separators
    title: str
    tags: tuple[str, ...]
    lang: str
    sections: tuple[Section, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    mtime: int = 0  # the source file's modification time, whole seconds
    vault: str = ""  # absolute path of the vault root the note was read from
    deck: str = ""  # Anki deck the note's cards go to (`A::B::C`)
    problems: tuple[Problem, ...] = ()

    def blocks(self) -> list[tuple[Section, Block]]:
        """Every top-level block with its section, in document order."""
        return [(section, block) for section in self.sections for block in section.blocks]


# ---------------------------------------------------------------- cards

NoteType = Literal["basic", "reversed", "cloze"]


# Mined cards below this confidence stay out of decks and quizzes unless asked for
# (`--min-confidence`, front matter `notecards: {min_confidence: …}`); chosen from
# bench/quality.py's precision and recall at each threshold (see README).
DEFAULT_MIN_CONFIDENCE = 0.5


@pickled_by_fields
@slot_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """One thing to remember, one card to review.

    `front` and `back` are plain text (what `cards --json` prints and the quiz shows);
    `fields` are the HTML fields of the Anki note the card belongs to. Cards that share
    `group` form one Anki note (the two sides of a reversed note, the deletions of one
    cloze text); `ord` is the card's place in that note.
    """

    id: str
    kind: str
    extractor: str
    note: str
    line: int
    front: str
    back: str
    deck: str
    tags: tuple[str, ...]
    lang: str
    source: str  # "Note title › Heading › Subheading": where the card came from
    model: NoteType = "basic"
    fields: tuple[str, str] = ("", "")  # (Front, Back) or (Text, Extra) for cloze, as HTML
    group: str = ""
    ord: int = 0
    items: tuple[str, ...] = ()  # an ordered sequence or a set of members, for the quiz
    # files the fields embed: (name inside the package, absolute path inside the vault)
    media: tuple[tuple[str, str], ...] = ()
    mtime: int = 0
    # how the card was found: the extractor's rule, how sure that rule is (0-1), and
    # the evidence it saw; explicit syntax is certain (1.0)
    rule: str = ""
    confidence: float = 1.0
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        """The `cards --json` contract (README, Commands), plus what helps a user see why."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "extractor": self.extractor,
            "deck": self.deck,
            "note": self.note,
            "line": self.line,
            "front": self.front,
            "back": self.back,
            "tags": list(self.tags),
            "lang": self.lang,
            "source": self.source,
            "model": self.model,
            "anki_note": self.group or self.id,
            "rule": self.rule,
            "confidence": self.confidence,
        }
        if self.items:
            data["items"] = list(self.items)
        return data


def walk_blocks(blocks: tuple[Block, ...] | list[Block]) -> Iterator[Block]:
    """Every block, depth first, including those inside lists, items and quotes."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            yield from walk_blocks(block.items)
        elif isinstance(block, (ListItem, Quote)):
            yield from walk_blocks(block.blocks)


def block_spans(block: Block, kinds: Container[str] | None = None) -> Iterator[tuple[int, Span]]:
    """The spans a block holds directly, each with its best-known line; only those of
    `kinds` when given."""
    if isinstance(block, Paragraph):
        line = block.line
        for span in block.spans:
            if kinds is None or span.kind in kinds:
                yield line, span
            if span.kind == "break":
                line += 1
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            for cell in row:
                for span in cell:
                    if kinds is None or span.kind in kinds:
                        yield block.line, span
