"""Sentences of a paragraph, cut from its spans so emphasis and code survive the cut.

Prose extractors match patterns sentence by sentence. A sentence is a tuple of Spans
(the paragraph's own spans, split where a sentence ends), so an extractor can still see
which words the note emphasised and which were inline code. `flatten` turns one into
plain text for matching, with a same-length mask where code and math cannot match.

The splitter is a single left-to-right scan (linear in the paragraph): a sentence ends
at `.`, `!`, `?` or an ellipsis followed by a space and a word that does not start in
lower case, unless the dot closes an abbreviation (`т. е.`, `e.g.`, `Dr.`); dots with
no space after them (`HTTP/1.1`, `2.0`, `index.html`, URLs) never end a sentence.
A line break ends a sentence unless the next line visibly continues it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from notecards.model import Block, Inline, ListBlock, Paragraph, Quote, Span, Table

Sentence = tuple[Span, ...]


def word_set(text: str) -> frozenset[str]:
    """A per-language word table written as one string of space-separated words."""
    return frozenset(text.split())


MASK = "\ue000"  # stands for a character of inline code or math in `Flat.masked`

_WORDS = frozenset({"text", "em", "strong", "highlight", "s", "link", "wikilink"})
_OPAQUE = frozenset({"code", "math"})  # never split inside, never matched against
_UNSEEN = frozenset({"embed", "image", "tag", "html"})
EMPHASIS = frozenset({"em", "strong", "highlight"})

_ENDERS = ".!?…"
_CLOSERS = "\"'»”’)]"
_DIALOGUE = "—–-"
_CONTINUES = ",;(—–-"  # a line ending in these goes on on the next line

# Abbreviations (lower case, spaces removed, without the final dot) after which a dot
# never ends a sentence, and those that may end one when a capital follows.
_ABBREV_NEVER = word_set(
    """т.е т.к т.н т.ч т.о напр см ср рис стр гл проф акад англ лат греч
    e.g i.e cf dr mr mrs ms prof vs fig approx viz"""
)
_ABBREV_MAYBE = word_set("т.д т.п др пр etc al г гг в вв руб тыс млн млрд")


@dataclass(frozen=True, slots=True)
class Flat:
    """A sentence as plain text (spaces collapsed) plus what each character was.

    `masked` has the same length as `text`, with code and math characters replaced by
    MASK so that patterns never match inside them; `origin[i]` is the index in `spans`
    of the span character i came from; `emph` holds (start, end) ranges of emphasis and
    `code` those of inline code.
    """

    text: str
    masked: str
    origin: tuple[int, ...]
    emph: tuple[tuple[int, int], ...]
    spans: Sentence
    code: tuple[tuple[int, int], ...] = ()

    def sub_spans(self, start: int, end: int) -> Inline:
        """The characters [start, end) back as spans, for HTML that keeps emphasis."""
        out: list[Span] = []
        index = start
        while index < end:
            owner = self.origin[index]
            stop = index
            while stop < end and self.origin[stop] == owner:
                stop += 1
            span = self.spans[owner]
            out.append(Span(self.text[index:stop], span.kind, span.target))
            index = stop
        return tuple(out)

    def is_emphasized(self, start: int, end: int) -> bool:
        """True when [start, end) is exactly one emphasised run (after trimming)."""
        return any(s <= start and end <= e for s, e in self.emph)


def _scan_string(spans: Inline) -> tuple[str, list[int]]:
    """The paragraph as one string (code/math as neutral '0's) and each span's offset."""
    parts: list[str] = []
    offsets: list[int] = []
    length = 0
    for span in spans:
        offsets.append(length)
        if span.kind in _UNSEEN:
            continue
        if span.kind == "break":
            piece = "\n"
        elif span.kind in _OPAQUE:
            piece = "0" * len(span.text)
        else:
            piece = span.text
        parts.append(piece)
        length += len(piece)
    return "".join(parts), offsets


def _word_before(text: str, end: int) -> str:
    """The abbreviation candidate ending at `end`: letters and dots, `т. е` → `т.е`."""
    start = end
    limit = max(0, end - 16)
    while start > limit:
        char = text[start - 1]
        dotted_space = char == " " and start >= 2 and text[start - 2] == "." and start < end
        if not (char.isalpha() or char == "." or dotted_space):
            break
        start -= 1
    return text[start:end].replace(" ", "").lower()


def _dot_ends(text: str, at: int) -> bool:
    """Whether the single dot at `at` (followed by space and a non-lower word) ends."""
    word = _word_before(text, at)
    if not word:
        return True  # after a digit, a quote or a bracket
    tail = word.rsplit(".", 1)[-1]
    if word in _ABBREV_NEVER or tail in _ABBREV_NEVER:
        return False
    if word in _ABBREV_MAYBE or tail in _ABBREV_MAYBE:
        return True
    if any(word.endswith("." + abbrev) for abbrev in _ABBREV_NEVER if "." in abbrev):
        return False
    # an initial ("A. S. Pushkin") is a single capital letter
    return not (len(tail) == 1 and text[at - 1].isupper())


def _boundaries(text: str) -> list[int]:
    """Start offsets of every sentence after the first."""
    cuts: list[int] = []
    size = len(text)
    index = 0
    while index < size:
        char = text[index]
        if char == "\n":
            nxt = _skip_space(text, index + 1)
            prev = _char_before(text, index)
            if nxt < size and not text[nxt].islower() and prev not in _CONTINUES:
                cuts.append(nxt)
            index += 1
            continue
        if char not in _ENDERS:
            index += 1
            continue
        end = index + 1
        while end < size and text[end] in _ENDERS:
            end += 1
        while end < size and text[end] in _CLOSERS:
            end += 1
        if end >= size or not text[end].isspace():
            index = end
            continue
        nxt = _skip_space(text, end)
        if nxt < size and _starts_sentence(text, index, end, nxt):
            cuts.append(nxt)
        index = end
    return cuts


def _starts_sentence(text: str, mark: int, end: int, nxt: int) -> bool:
    first = text[nxt]
    if first.islower() or first in _DIALOGUE:
        return False
    single_dot = text[mark] == "." and (end - mark == 1 or text[mark + 1] in _CLOSERS)
    return not single_dot or _dot_ends(text, mark)


def _char_before(text: str, index: int) -> str:
    """The last non-space character before `index` ("" when none)."""
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return text[index - 1] if index else ""


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _cut(spans: Inline, offsets: list[int], cuts: list[int]) -> list[list[Span]]:
    """Split spans at the cut offsets (only word spans can be split inside)."""
    pieces: list[list[Span]] = [[]]
    cut_index = 0
    for span, start in zip(spans, offsets, strict=True):
        text = span.text if span.kind != "break" else "\n"
        length = 0 if span.kind in _UNSEEN else len(text)
        pos = 0
        while cut_index < len(cuts) and cuts[cut_index] < start + length:
            local = cuts[cut_index] - start
            if local > pos and span.kind not in _UNSEEN:
                pieces[-1].append(Span(text[pos:local], span.kind, span.target))
                pos = local
            cut_index += 1
            pieces.append([])
        if span.kind in _UNSEEN or span.kind == "break":
            if pos == 0:
                pieces[-1].append(span)
        elif pos < len(text):
            pieces[-1].append(Span(text[pos:], span.kind, span.target) if pos else span)
    return pieces


def _blank(span: Span) -> bool:
    return span.kind == "break" or (span.kind in _WORDS and not span.text.strip())


def _trim(piece: list[Span]) -> Sentence:
    """Drop line breaks and spaces at either end of a sentence."""
    start, end = 0, len(piece)
    while start < end and _blank(piece[start]):
        start += 1
    while end > start and _blank(piece[end - 1]):
        end -= 1
    out = piece[start:end]
    if out and out[0].kind in _WORDS:
        out[0] = Span(out[0].text.lstrip(), out[0].kind, out[0].target)
    if out and out[-1].kind in _WORDS:
        out[-1] = Span(out[-1].text.rstrip(), out[-1].kind, out[-1].target)
    return tuple(out)


def _split(spans: Inline) -> list[tuple[int, Sentence]]:
    """Sentences with the number of line breaks before each one."""
    text, offsets = _scan_string(spans)
    cuts = _boundaries(text)
    pieces = _cut(spans, offsets, cuts)
    out = []
    newlines = 0
    previous = 0
    for start, piece in zip([0, *cuts], pieces, strict=True):
        newlines += text.count("\n", previous, start)
        previous = start
        sentence = _trim(piece)
        if any(s.kind not in _UNSEEN and s.kind != "break" and s.text.strip() for s in sentence):
            out.append((newlines, sentence))
    return out


def split_sentences(spans: Inline) -> list[Sentence]:
    """A paragraph's spans → its sentences (each a tuple of spans), in order."""
    return [sentence for _, sentence in _split(spans)]


def flatten(sentence: Sentence) -> Flat:
    """One sentence as plain text with a code/math mask and emphasis ranges."""
    chars: list[str] = []
    masked: list[str] = []
    origin: list[int] = []
    emph: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    for index, span in enumerate(sentence):
        if span.kind in _UNSEEN:
            continue
        text = " " if span.kind == "break" else span.text
        opaque = span.kind in _OPAQUE
        start = len(chars)
        for char in text:
            if char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            masked.append(MASK if opaque else char)
            origin.append(index)
        if span.kind in EMPHASIS or span.kind == "code":
            lo, hi = start, len(chars)
            while lo < hi and chars[lo] == " ":
                lo += 1
            while hi > lo and chars[hi - 1] == " ":
                hi -= 1
            if hi > lo:
                (code if span.kind == "code" else emph).append((lo, hi))
    while chars and chars[-1] == " ":
        chars.pop()
        masked.pop()
        origin.pop()
    size = len(chars)
    ranges = tuple((lo, min(hi, size)) for lo, hi in emph if lo < size)
    codes = tuple((lo, min(hi, size)) for lo, hi in code if lo < size)
    return Flat("".join(chars), "".join(masked), tuple(origin), ranges, sentence, codes)


def sentence_text(sentence: Sentence) -> str:
    """What a reader sees of a sentence, spaces collapsed."""
    return flatten(sentence).text


@lru_cache(maxsize=32768)
def paragraph_sentences(paragraph: Paragraph) -> list[tuple[int, Flat]]:
    """Every sentence of a paragraph, flattened, with the file line it starts on.

    Cached: the prose extractors all read the same paragraphs of a note in turn.
    Callers must not mutate the returned list.
    """
    return [(paragraph.line + n, flatten(s)) for n, s in _split(paragraph.spans)]


def prose_blocks(
    blocks: tuple[Block, ...], skip: Callable[[Block], bool]
) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of running text: top level, inside list items, quotes and
    callouts.

    Code, math and HTML blocks are not prose; `skip` (a block already turned into cards
    by explicit syntax) prunes a block with everything inside it.
    """
    for block in blocks:
        if skip(block):
            continue
        if isinstance(block, (Paragraph, Table)):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                if not skip(item):
                    yield from prose_blocks(item.blocks, skip)
        elif isinstance(block, Quote):
            yield from prose_blocks(block.blocks, skip)


def prose_paragraphs(
    blocks: tuple[Block, ...], skip: Callable[[Block], bool]
) -> Iterator[Paragraph]:
    """The paragraphs among `prose_blocks`."""
    for block in prose_blocks(blocks, skip):
        if isinstance(block, Paragraph):
            yield block
