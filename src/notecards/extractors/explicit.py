"""Cards people already wrote for the Obsidian Spaced Repetition plugin.

One extractor, "explicit", reads the plugin's syntaxes:

- `Question::Answer` on one line: kind/model "basic".
- `Question:::Answer`: kind/model "reversed", two cards of one Anki note (group = the
  first card's id): ord 0 asks Q, ord 1 asks A; both carry the fields (Q, A).
- Multi-line: question lines, a line holding only `?` (basic) or `??` (reversed), answer
  lines. As in the plugin, the card is a run of consecutive non-blank lines ("both sides
  touch the separator"): the question starts after the previous blank line (or after an
  inline card in the same run), the answer ends at the next blank line, heading or
  inline card. A run may cross Markdown blocks (an answer that is a list, a table or a
  fenced code block, whose blank lines do not end the card). Sides are rendered with
  `render_markdown_and_text` (HTML and plain text from one parse); soft line breaks
  show as breaks, as in Obsidian.
- `==highlight==` clozes, only in notes tagged for flashcards (see below): ordinary
  notes use highlights for emphasis. Each top-level block (paragraph, list, quote, table)
  with highlights becomes one Anki cloze note, a card per highlight; the plugin's hints
  `==text==^[hint]` and deletion groups `==text==[^2]` are honoured.

Where cards are recognised. The plugin reviews only notes tagged `#flashcards` (or
`#flashcards/sub/deck`) or in chosen folders. A converter meets whole vaults whose users
may file decks by folder, so `::`, `:::` and `?` count in every note; what keeps prose
and code out is the guard below. A note tagged `flashcards`/`flashcard` (front matter or
inline, any subtag) also gets highlight clozes and Dataview-shaped `key:: value` lines.
Subdeck tags are kept as the note's tags; they do not change the deck.

Guard for `::`/`:::` (false positives are worse than a missed card):
- never inside code (fenced, indented, inline), math (`$..$`, `$$..$$`), HTML or
  `%%` comments, tables, headings, HTML tags, link targets, wikilinks or URLs; never on
  a line holding Anki cloze markup `{{cN::` (that is `anki_cloze`'s);
- the line has exactly one run of two or more colons outside those, of length 2 or 3,
  not inside brackets or parentheses (`[key:: value]`, `f(a::b)`);
- both sides hold a letter or digit;
- no code shape: an IPv6 address (`fe80::1`); a tight `name::name` whose right token
  carries code punctuation (`Vec::new()`, `std::vector<int>`, `$x`), whose left token is
  a well-known namespace (`std`, `boost`, `crate`, `self`, ...) or whose right token is a
  CSS pseudo-element (`a::before`); emoji shortcodes (`:smile::wink:`); a line ending in
  `;`, `{` or `}`; a Haskell signature (`x :: Int`, `map :: (a -> b) -> ...`: a lowercase
  name and a spaced separator before a type);
- outside flashcard notes, not a Dataview field (`key:: value`: tight left, a space
  after, a short key without `?`).

Details kept from the plugin: a card line may be a list item or task (the marker is not
part of the question) or sit in a quote/callout; a leading `#flashcards/deck` tag is the
plugin's per-card tag, not question text; its scheduling comments (`<!--SR:...-->`, on
the line or the next) and a trailing Obsidian block id (`^id`) are not answer text.
A multi-line card longer than MAX_CARD_CHARS is a document, not a card, and is skipped.
Every top-level block a card came from is claimed, so later extractors skip it.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from typing import NamedTuple

from notecards.extractors.anki_cloze import (
    CLOZE_UNITS,
    MAX_UNIT_CHARS,
    Deletion,
    cloze_cards,
    masked_text,
    text_runs,
)
from notecards.extractors.base import ExtractContext
from notecards.extractors.note_lines import raw_lines
from notecards.extractors.osr_settings import (
    OsrSettings,
    markup_deletions,
    osr_settings,
    with_tag_decks,
)
from notecards.model import (
    Block,
    Card,
    CodeBlock,
    HtmlBlock,
    MathBlock,
    Note,
    Problem,
    Quote,
    Section,
    Table,
    plain_text,
    walk_blocks,
)
from notecards.reader.inline import to_spans
from notecards.reader.markdown import parser
from notecards.render.markup import render_markdown_and_text, spans_html

EXTRACTOR = "explicit"
FLASHCARD_TAGS = ("flashcards", "flashcard")
MAX_CARD_CHARS = 20_000  # a multi-line "card" longer than this is a document, not a card
_OSR = OsrSettings()  # the plugin's defaults: what a vault without its settings file gets

_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ \t]?(?:[ \t]{0,3}>[ \t]?)*")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[^\]\n]\][ \t]+)?")
_TAG = r"#(?=[^\s#]*[^\s#\d/_-])[^\s#]+"  # as the reader's tag rule: not only digits
_LEADING_TAGS = re.compile(rf"^(?:{_TAG}[ \t]*)+")
_TAGS_ONLY = re.compile(rf"^\s*(?:{_TAG}\s*)+$")
_BLOCK_ID = re.compile(r"[ \t]\^[A-Za-z0-9-]+[ \t]*$")
_ANKI_CLOZE = re.compile(r"\{\{c\d+::")
_COLONS = re.compile(r":{2,}")
# A line that may be a `?`/`??` separator once quote markers and spaces are gone (a
# superset of the real test; `[^\S\n]` is whitespace within one line).
_SEPARATOR_LINE = re.compile(r"^(?:[^\S\n]|>)*\?\??[^\S\n]*$", re.MULTILINE)
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HASKELL_NAME = re.compile(r"\(?[a-z_][\w']*\)?(?:\s*,\s*[a-z_][\w']*)*")
_HASKELL_VAR = re.compile(r"[a-z_][A-Za-z0-9_']*")
_HASKELL_TYPE = re.compile(r"[A-Z(\[]")
_IPV6_CHARS = frozenset("0123456789abcdefABCDEF:.")
_MARKUP = re.compile(r"[\\`*_\[\]<>!#$=~&|%{}^]|^\s*(?:[-+>]|\d+[.)])(?:\s|$)", re.MULTILINE)
_HIGHLIGHT_HINT = re.compile(r"\^\[([^\]\n]{1,200})\]")
_HIGHLIGHT_GROUP = re.compile(r"\[\^(\d{1,3})\]")

# Tokens left of a tight `::` that name a namespace, not a question.
CODE_NAMESPACES = frozenset(
    {"std", "boost", "crate", "self", "super", "Self", "core", "alloc", "Qt", "absl", "llvm"}
    | {"fmt", "tokio", "serde"}
)
# CSS pseudo-elements: `selector::name` is a style sheet, not a card.
CSS_PSEUDO_ELEMENTS = frozenset(
    {"before", "after", "first-line", "first-letter", "marker", "placeholder", "selection"}
    | {"backdrop", "cue", "part", "slotted", "file-selector-button", "grammar-error"}
    | {"spelling-error", "target-text", "highlight", "view-transition", "-webkit-scrollbar"}
    | {"-moz-selection", "-webkit-input-placeholder"}
)
# A right-hand token that continues as code: a call, a template, a variable, a statement.
_CODE_RIGHT = re.compile(r"^(?:[$~<]|[\w-]*(?:\(|<[\w:]|->|;|\{|=|\.\w+\())")


# ---------------------------------------------------------------- lines


class _Line(NamedTuple):
    """One source line of a top-level block, as the card parser sees it (a named tuple:
    a note has thousands of lines, and a tuple is the cheapest record to make)."""

    number: int  # 1-based file line
    text: str  # without block-quote markers
    kind: str  # text | opaque (code, math, table) | skip (comment) | stop (blank, callout title)
    block: Block
    section: Section


def is_flashcard_note(note: Note, tags: tuple[str, ...] = FLASHCARD_TAGS) -> bool:
    """Tagged `#flashcards` (or a subdeck tag, or a tag the plugin's settings name)
    like the plugin's notes."""
    for tag in note.tags:
        base = tag.casefold().split("/", 1)[0]
        if base in tags:
            return True
    return False


def _block_lines(section: Section, block: Block) -> list[_Line]:
    opaque, comments, stops = _special_lines(block)
    quoted = isinstance(block, Quote)
    lines: list[_Line] = []
    for number, raw in enumerate(block.source.split("\n"), block.line):
        text = _QUOTE_PREFIX.sub("", raw) if quoted else raw
        if number in comments:
            kind = "skip"
        elif number in stops:
            kind = "stop"
        elif number in opaque:
            kind = "opaque"
        else:
            kind = "text" if text.strip() else "stop"
        lines.append(_Line(number, text, kind, block, section))
    return lines


def _special_lines(block: Block) -> tuple[set[int], set[int], set[int]]:
    """File lines of `block` that are opaque (code, math, HTML, tables), HTML comments,
    and callout titles (which end a card), found in one walk of its blocks."""
    opaque: set[int] = set()
    comments: set[int] = set()
    stops: set[int] = set()
    for leaf in walk_blocks((block,)):
        if isinstance(leaf, HtmlBlock) and leaf.source.lstrip().startswith("<!--"):
            comments.update(range(leaf.line, leaf.end_line + 1))
        if isinstance(leaf, (CodeBlock, MathBlock, HtmlBlock, Table)):
            opaque.update(range(leaf.line, leaf.end_line + 1))
        elif isinstance(leaf, Quote) and leaf.callout:
            stops.add(leaf.line)
    return opaque, comments, stops


def _chains(
    note: Note, ctx: ExtractContext, osr: OsrSettings = _OSR
) -> list[list[tuple[Section, Block]]]:
    """Unclaimed top-level blocks grouped where each starts on the line after the
    previous one ends (a run of lines never crosses from one group to the next), only
    the groups with a block that may hold a card.

    Such blocks are few, so the groups are grown around them: a block that cannot hold a
    card costs one test (`_may_hold_card`) unless it borders one that can."""
    blocks = note.blocks()
    chains: list[list[tuple[Section, Block]]] = []
    end = 0  # blocks before this index are in a chain already
    for index, (_, block) in enumerate(blocks):
        holds = _may_hold_card(block.source) or (osr != _OSR and osr.may_hold_card(block.source))
        if index < end or not holds or ctx.is_claimed(block):
            continue
        start = index
        while start > end and _follows(blocks[start - 1][1], blocks[start][1], ctx):
            start -= 1
        end = index + 1
        while end < len(blocks) and _follows(blocks[end - 1][1], blocks[end][1], ctx):
            end += 1
        chains.append(blocks[start:end])
    return chains


def _follows(before: Block, block: Block, ctx: ExtractContext) -> bool:
    """Both blocks unclaimed, and `block` starts on the line after `before` ends."""
    return (
        block.line == before.line + before.source.count("\n") + 1
        and not ctx.is_claimed(before)
        and not ctx.is_claimed(block)
    )


def _may_hold_card(source: str) -> bool:
    """False when no line of a block's `source` can make a card: none holds `::` but in
    Anki cloze markup (`{{c1::`, whose line is `anki_cloze`'s) and none is a `?`/`??`
    separator. A cheap test that lets most blocks skip the line-by-line parse; True may
    still find nothing."""
    if "::" in source and _colons_outside_cloze(source):
        return True
    return "?" in source and _SEPARATOR_LINE.search(source) is not None


def _colons_outside_cloze(source: str) -> bool:
    """Some `::` of `source` is not that of a `{{cN::`. When the markers hold every `::`
    `str.count` finds, any other `::` overlaps one, on a line `split_inline` refuses."""
    return "{{c" not in source or source.count("::") > len(_ANKI_CLOZE.findall(source))


def _runs(note: Note, ctx: ExtractContext, osr: OsrSettings = _OSR) -> list[list[_Line]]:
    """Runs of adjacent non-blank lines; comment lines are dropped without a break.
    Groups of blocks where no line can make a card are left out."""
    runs: list[list[_Line]] = []
    for chain in _chains(note, ctx, osr):
        runs += _chain_runs(chain)
    return runs


def _chain_runs(chain: list[tuple[Section, Block]]) -> list[list[_Line]]:
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    previous = -10
    for section, block in chain:
        for line in _block_lines(section, block):
            if line.number != previous + 1 or line.kind == "stop":
                if current:
                    runs.append(current)
                current = []
            previous = line.number
            if line.kind in ("text", "opaque"):
                current.append(line)
    if current:
        runs.append(current)
    return runs


# ---------------------------------------------------------------- single-line cards


@dataclass(frozen=True, slots=True)
class _Split:
    question: str
    answer: str
    reversed: bool


def _bare(text: str) -> str:
    """A line without its list marker or task box."""
    return _LIST_MARKER.sub("", text, count=1)


def _depth_at(masked: str, position: int) -> int:
    depth = 0
    for char in masked[:position]:
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
    return depth


def _is_ipv6(token: str) -> bool:
    core = token.strip("[]()<>,;")
    if "]:" in token:
        core = token.split("]", 1)[0].lstrip("[")
    core = core.split("/", 1)[0].split("%", 1)[0]
    if not core or any(c not in _IPV6_CHARS for c in core):
        return False
    return any(c.isdigit() for c in core) or core.count(":") >= 3


def _looks_like_code(question: str, answer: str, separator: str, flashcards: bool) -> bool:
    """The shapes of `::` in code and data that are not cards (see module docstring)."""
    tight_left = not question[-1:].isspace()
    tight_right = not answer[:1].isspace()
    left_token = question.split()[-1] if question.split() else ""
    right_token = answer.split()[0] if answer.split() else ""
    line_end = answer.rstrip()[-1:]
    if line_end in (";", "{", "}"):
        return True
    if tight_left and tight_right:
        if _is_ipv6(left_token + separator + right_token):
            return True
        if left_token.startswith(":") and right_token.endswith(":"):
            return True  # emoji shortcodes, `:smile::wink:`
        if _IDENT.fullmatch(left_token.lstrip(".#*")):
            if left_token in CODE_NAMESPACES:
                return True
            if _CODE_RIGHT.match(right_token):
                return True
            if right_token.rstrip(",{").split("(", 1)[0] in CSS_PSEUDO_ELEMENTS:
                return True
    if not tight_left and not tight_right:
        if _HASKELL_VAR.fullmatch(left_token) and _HASKELL_TYPE.match(right_token):
            return True
        name = question.strip()
        if _HASKELL_NAME.fullmatch(name) and len(name.split()) <= 3:
            return True
        if ("->" in answer or "=>" in answer) and len(question.split()) <= 2:
            return True
    if not flashcards and separator == "::" and tight_left and not tight_right:
        key = question.strip()
        if "?" not in key and len(key.split()) <= 4:
            return True  # a Dataview inline field
    return False


def split_inline(text: str, flashcards: bool) -> _Split | None:
    """`Q::A` / `Q:::A` of one line, or None when the line is not a card."""
    if "::" not in text or _ANKI_CLOZE.search(text):
        return None
    bare = _bare(text)
    masked = masked_text(bare, urls=True)
    colons = _COLONS.finditer(masked)
    sep = next(colons, None)
    if sep is None or len(sep.group()) > 3 or next(colons, None) is not None:
        return None
    if _depth_at(masked, sep.start()):
        return None
    question, answer = bare[: sep.start()], bare[sep.end() :]
    if not _has_word(question) or not _has_word(answer):
        return None
    if _looks_like_code(question, answer, sep.group(), flashcards):
        return None
    question = _LEADING_TAGS.sub("", question.strip())
    answer = _BLOCK_ID.sub("", answer).strip()
    if not _has_word(question) or not _has_word(answer):
        return None
    return _Split(question, answer, len(sep.group()) == 3)


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


# ---------------------------------------------------------------- sides


@dataclass(frozen=True, slots=True)
class _Side:
    plain: str
    html: str


def _render(ctx: ExtractContext, source: str, *, inline: bool) -> _Side:
    """Plain text and HTML of one side; plain words skip the Markdown parser."""
    if not _MARKUP.search(source):
        lines = [" ".join(line.split()) for line in source.split("\n") if line.strip()]
        return _Side(" ".join(lines), "<br>".join(html.escape(line) for line in lines))
    if inline:
        tokens = parser().parseInline(source)
        spans = to_spans(tokens[0].children if tokens else None)
        plain, rendered = " ".join(plain_text(spans).split()), spans_html(spans, ctx.render)
    else:
        rendered, plain = render_markdown_and_text(source, ctx.render)
    rendered = rendered.strip()
    return _Side(plain or _wordless(rendered, source), rendered)


_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_EMBED_NAME = re.compile(r"!\[\[([^\]|#^]+)")  # the file an `![[embed]]` names
_ATTRIBUTE = re.compile(r"""\b(alt|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_MEDIA = re.compile(r"<(svg|video|audio|iframe|object|embed|math)\b", re.I)
_MISSING = re.compile(r'<span class="nc-missing">([^<]*)</span>')  # render/markup.py


def _say_empty(ctx: ExtractContext, question: _Side, answer: _Side, source: str, line: int) -> None:
    """A card whose answer was written but shows nothing (raw HTML that is not kept, an
    image that is not found) is reported, not dropped in silence."""
    if question.plain and "<" in source and "![" not in source:  # images say so themselves
        message = "the answer shows nothing notecards can keep (raw HTML?): card skipped"
        ctx.problems.append(Problem(ctx.note.path, line, message))


def _wordless(rendered: str, source: str) -> str:
    """The plain text of a side whose HTML shows something but no words: an image, a
    diagram (kept, not dropped: the Anki card shows it, and the quiz says what it is)."""
    missing = _MISSING.findall(rendered)
    if missing and not _IMAGE.search(rendered):  # a missing image keeps its placeholder
        return " ".join(html.unescape(text) for text in missing)
    embed = _EMBED_NAME.search(source)
    if embed and _IMAGE.search(rendered):
        return f"[image: {embed.group(1).strip().rsplit('/', 1)[-1]}]"
    for tag in _IMAGE.findall(rendered):
        found = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in
                 _ATTRIBUTE.finditer(tag)}  # fmt: skip
        name = html.unescape(found.get("alt") or found.get("src", "").rsplit("/", 1)[-1])
        return f"[image: {name}]" if name.strip() else "[image]"
    media = _MEDIA.search(rendered)
    return f"[{media.group(1).lower()}]" if media else ""


def _say_placeholder(ctx: ExtractContext, question: _Side, answer: _Side, line: int) -> None:
    """A card whose answer is only missing images is kept (the placeholder shows where
    the image goes); the warning names the card, since the embed's own warning cannot."""
    missing = _MISSING.findall(answer.html)
    if missing and answer.plain == " ".join(html.unescape(text) for text in missing):
        asked = question.plain if len(question.plain) <= 60 else question.plain[:59] + "…"
        message = (
            f"the answer of the card {asked!r} is only a missing image: kept with a placeholder"
        )
        ctx.problems.append(Problem(ctx.note.path, line, message))


def _side_source(lines: list[_Line], *, question: bool) -> str:
    """Markdown of one side of a multi-line card: dedented, soft breaks made hard. A
    quote that follows the side's first lines without a blank line stays a quote (as
    the plugin, which renders the lines as written, shows it)."""
    texts = [line.text for line in lines]
    if lines and not isinstance(lines[0].block, Quote):
        texts = [f"> {line.text}" if isinstance(line.block, Quote) else line.text for line in lines]
    kinds = [line.kind for line in lines]
    if question:
        keep = [i for i, t in enumerate(texts) if kinds[i] != "text" or not _TAGS_ONLY.match(t)]
        texts = [texts[i] for i in keep]
        kinds = [kinds[i] for i in keep]
        if texts and kinds[0] == "text":
            texts[0] = _LEADING_TAGS.sub("", texts[0].lstrip())
            markers = [bool(_LIST_MARKER.match(t)) for t in texts]
            if markers[0] and not any(markers[1:]):
                texts[0] = _bare(texts[0])
    elif texts:
        texts[-1] = _BLOCK_ID.sub("", texts[-1])
    texts = textwrap.dedent("\n".join(texts)).split("\n") if texts else []
    for i in range(len(texts) - 1):
        if kinds[i] == "text" == kinds[i + 1] and not _LIST_MARKER.match(texts[i + 1]):
            texts[i] = texts[i].rstrip() + "  "
    return "\n".join(texts).strip("\n")


# ---------------------------------------------------------------- cards


def _basic_or_reversed(
    ctx: ExtractContext,
    *,
    question: _Side,
    answer: _Side,
    reversed_: bool,
    line: int,
    section: Section,
) -> list[Card]:
    kind = "reversed" if reversed_ else "basic"
    return ctx.written(
        extractor=EXTRACTOR, front=question.plain, back=answer.plain,
        front_html=question.html, back_html=answer.html, line=line, section=section,
        reverse=reversed_, rule=f"{EXTRACTOR}.{kind}", reverse_rule=f"{EXTRACTOR}.reversed",
    )  # fmt: skip


def _inline_card(ctx: ExtractContext, line: _Line, split: _Split) -> list[Card]:
    question = _render(ctx, split.question, inline=True)
    answer = _render(ctx, split.answer, inline=True)
    if not question.plain or not answer.plain:
        _say_empty(ctx, question, answer, split.answer, line.number)
        return []
    _say_placeholder(ctx, question, answer, line.number)
    return _basic_or_reversed(
        ctx,
        question=question,
        answer=answer,
        reversed_=split.reversed,
        line=line.number,
        section=line.section,
    )


def _multiline_card(
    ctx: ExtractContext, asked: list[_Line], answered: list[_Line], reversed_: bool
) -> list[Card]:
    if sum(len(line.text) for line in (*asked, *answered)) > MAX_CARD_CHARS:
        return []
    question_source = _side_source(asked, question=True)
    answer_source = _side_source(answered, question=False)
    if not _has_word(question_source) or not answered:
        return []
    question = _render(ctx, question_source, inline=False)
    answer = _render(ctx, answer_source, inline=False)
    if not question.plain or not answer.plain:
        _say_empty(ctx, question, answer, answer_source, asked[0].number)
        return []
    _say_placeholder(ctx, question, answer, asked[0].number)
    return _basic_or_reversed(
        ctx,
        question=question,
        answer=answer,
        reversed_=reversed_,
        line=asked[0].number,
        section=asked[0].section,
    )


def _run_cards(
    ctx: ExtractContext, run: list[_Line], flashcards: bool, osr: OsrSettings = _OSR
) -> list[Card]:
    """The plugin's parse of one run of lines: inline cards and `?`/`??` cards (or the
    separators its settings name)."""
    separators = osr.multiline_kinds
    splits = [
        split_inline(osr.translate(line.text), flashcards) if line.kind == "text" else None
        for line in run
    ]
    cards: list[Card] = []
    start = index = 0
    while index < len(run):
        line = run[index]
        made: list[Card] = []
        if splits[index] is not None:
            made = _inline_card(ctx, line, splits[index])
            start = index + 1
        elif line.kind == "text" and line.text.strip() in separators:
            end = index + 1
            while end < len(run) and splits[end] is None:
                end += 1
            reversed_ = separators[line.text.strip()] == "reversed"
            made = _multiline_card(ctx, run[start:index], run[index + 1 : end], reversed_)
            used = run[start:end]
            start, index = end, end
            _claim(ctx, used if made else [])
            cards += made
            continue
        if made:
            _claim(ctx, [line])
        cards += made
        index += 1
    return cards


def _claim(ctx: ExtractContext, lines: list[_Line]) -> None:
    for line in lines:
        ctx.claim(line.block, line.section)


# ---------------------------------------------------------------- highlight clozes


def _has_highlight(block: Block) -> bool:
    for leaf in walk_blocks((block,)):
        if isinstance(leaf, Table):
            cells = [cell for row in (leaf.header, *leaf.rows) for cell in row]
            if any(span.kind == "highlight" for cell in cells for span in cell):
                return True
        elif any(span.kind == "highlight" for span in getattr(leaf, "spans", ())):
            return True
    return False


def _highlights_in_run(text: str, base: int, counter: list[int]) -> list[Deletion]:
    """`==text==` deletions of one paragraph, by the reader's highlight rule."""
    masked = masked_text(text)
    marks = [m.start() for m in re.finditer(r"(?===)", masked)]
    found: list[Deletion] = []
    k = 0
    while k < len(marks):
        start = marks[k]
        inner = start + 2
        is_run = text.startswith("===", start) or (start and text[start - 1] == "=")
        if is_run or inner >= len(text) or text[inner].isspace():
            k += 1
            continue
        close = next((j for j in range(k + 1, len(marks)) if marks[j] >= inner), -1)
        if close < 0 or marks[close] == inner or text[marks[close] - 1].isspace():
            k += 1
            continue
        end = marks[close] + 2
        hint, number = "", 0
        for _ in range(2):
            if match := _HIGHLIGHT_HINT.match(text, end):
                hint, end = " ".join(match.group(1).split()), match.end()
            elif match := _HIGHLIGHT_GROUP.match(text, end):
                number, end = int(match.group(1)), match.end()
        counter[0] += 1
        found.append(
            Deletion(
                base + start,
                base + inner,
                base + marks[close],
                base + end,
                number or counter[0],
                hint,
            )
        )
        k = close + 1
        while k < len(marks) and marks[k] < end:
            k += 1
    return found


def highlight_deletions(block: Block) -> list[Deletion]:
    counter = [0]
    found: list[Deletion] = []
    for start, end in text_runs(block):
        found += _highlights_in_run(block.source[start:end], start, counter)
    return found


def _highlight_cards(note: Note, ctx: ExtractContext, osr: OsrSettings = _OSR) -> list[Card]:
    """Cloze notes of highlights (and of bold text and `{{curly}}` brackets when the
    plugin's settings turn those on)."""
    cards: list[Card] = []
    more = osr.bold or osr.curly
    for section, block in note.blocks():
        if not isinstance(block, CLOZE_UNITS) or ctx.is_claimed(block):
            continue
        if len(block.source) > MAX_UNIT_CHARS or _ANKI_CLOZE.search(block.source):
            continue
        highlighted = osr.highlights and "==" in block.source and _has_highlight(block)
        if not (highlighted or (more and ("**" in block.source or "{{" in block.source))):
            continue
        deletions = highlight_deletions(block) if highlighted else []
        if more:
            number = max((d.number for d in deletions), default=0)
            deletions = sorted(
                deletions + markup_deletions(block, osr, number), key=lambda d: d.start
            )
        made = cloze_cards(ctx, section, block, deletions, extractor=EXTRACTOR)
        if made:
            ctx.claim(block, section)
            cards += made
    return cards


# ---------------------------------------------------------------- the extractor


def extract_explicit(note: Note, ctx: ExtractContext) -> list[Card]:
    """Cards from the Spaced Repetition plugin's `::`, `:::`, `?`, `??` and `==cloze==`,
    as its settings file in the vault names them (osr_settings.py)."""
    osr = osr_settings(note)
    flashcards = is_flashcard_note(note, osr.tags)
    cards: list[Card] = []
    for run in _runs(note, ctx, osr):
        cards += _run_cards(ctx, run, flashcards, osr)
    if flashcards:
        cards += _highlight_cards(note, ctx, osr)
    if flashcards and osr.tag_decks and cards:
        raw = raw_lines(ctx.note_path) if any(s.level for s in note.sections) else {}
        cards = with_tag_decks(cards, note, osr, raw, ctx.deck.split("::", 1)[0])
    return cards
