"""Sentences of a paragraph, cut from its spans so emphasis and code survive the cut.

Prose extractors match patterns sentence by sentence, each one flattened (`Flat`):
plain text for matching, a same-length mask where code and math cannot match, and
where each character came from, so an extractor can still see which words the note
emphasised and which were inline code. `paragraph_sentences` cuts and flattens in one
pass over the paragraph's spans; `split_sentences` gives the same sentences as tuples
of Spans (split where a sentence ends), for the few callers that render them, and
`flatten` turns one of those into its `Flat`.

The splitter is a single left-to-right scan (linear in the paragraph): a sentence ends
at `.`, `!`, `?` or an ellipsis followed by a space and a word that does not start in
lower case, unless the dot closes an abbreviation (`т. е.`, `e.g.`, `Dr.`); dots with
no space after them (`HTTP/1.1`, `2.0`, `index.html`, URLs) never end a sentence.
A line break ends a sentence unless the next line visibly continues it.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from notecards.model import Block, Inline, ListBlock, Paragraph, Quote, Span, Table
from notecards.text.cues import fold

Sentence = tuple[Span, ...]


def word_set(text: str) -> frozenset[str]:
    """A per-language word table written as one string of space-separated words."""
    return frozenset(text.split())


ENGLISH_ARTICLES = word_set(
    "a an the"
)  # the words an English term may open with and still be itself
# the articles and the words that stand where one does ("the GIL", "this pattern")
ENGLISH_DETERMINERS = ENGLISH_ARTICLES | word_set("this that these those its their")


MASK = "\ue000"  # stands for a character of inline code or math in `Flat.masked`

_WORDS = frozenset({"text", "em", "strong", "highlight", "s", "link", "wikilink"})
_OPAQUE = frozenset({"code", "math"})  # never split inside, never matched against
_UNSEEN = frozenset({"embed", "image", "tag", "html"})
EMPHASIS = frozenset({"em", "strong", "highlight"})
_RANGED = EMPHASIS | {"code"}  # kinds whose character ranges `Flat` records
_MARKED = _RANGED | _OPAQUE  # kinds `flatten` records a range of

_ENDERS = ".!?…"
_CLOSERS = "\"'»”’)]"
# Where `_boundaries` has something to decide: a line break, or an ender with the
# enders, closing quotes and brackets after it (the mark a sentence would end with).
# One class first lets the regex engine skip to it fast; after a line break the match
# runs on, but `_boundaries` only reads its start.
_STOPS = re.compile(rf"[\n{re.escape(_ENDERS)}][{re.escape(_ENDERS)}]*[{re.escape(_CLOSERS)}]*")
_SPACE_RUNS = re.compile(r"\s+")  # `\s` is exactly `str.isspace` for str patterns
_NO_CUT = sys.maxsize  # past every offset: no cut is left
_BLANK = ("", " ")  # a blank word span's text in `_flats`, once collapsed
_DIALOGUE = "—–-"
_CONTINUES = ",;(—–-"  # a line ending in these goes on on the next line

# Abbreviations (lower case, spaces removed, without the final dot) after which a dot
# never ends a sentence, and those that may end one when a capital follows.
_ABBREV_NEVER = word_set(
    """т.е т.к т.н т.ч т.о напр см ср рис стр гл проф акад англ лат греч
    e.g i.e cf dr mr mrs ms prof vs fig approx viz"""
)
_ABBREV_MAYBE = word_set("т.д т.п др пр etc al г гг в вв руб тыс млн млрд")
_LONGEST_ABBREV = max(map(len, _ABBREV_NEVER | _ABBREV_MAYBE))
# ".т.е", ".e.g": a dotted abbreviation ending a longer dotted word
_DOTTED_NEVER = tuple(sorted("." + abbrev for abbrev in _ABBREV_NEVER if "." in abbrev))


class Flat(NamedTuple):
    """A sentence as plain text (spaces collapsed) plus what each character was.

    `masked` has the same length as `text`, with code and math characters replaced by
    MASK so that patterns never match inside them, and `lowered` is `fold(masked)` (what
    the case-insensitive cues of `text/cues.py` read); the characters from
    `starts[k]` on (up to the next start) came from the span `spans[owners[k]]`
    (`spans` are the sentence's for `flatten`, the whole paragraph's for
    `paragraph_sentences`: a sentence is not cut out of them as spans);
    `emph` holds (start, end) ranges of emphasis and `code` those of inline code.

    A named tuple, not a frozen dataclass: one is made for every sentence of a note,
    and a frozen dataclass costs several times as much to build.
    """

    text: str
    masked: str
    lowered: str
    starts: tuple[int, ...]
    owners: tuple[int, ...]
    emph: tuple[tuple[int, int], ...]
    spans: Inline
    code: tuple[tuple[int, int], ...]

    def content_end(self) -> int:
        """Where the sentence's words end: before its closing punctuation ("…, end.")."""
        return len(self.text.rstrip(" .!;:…"))

    def sub_spans(self, start: int, end: int) -> Inline:
        """The characters [start, end) back as spans, for HTML that keeps emphasis."""
        out: list[Span] = []
        index = start
        while index < end:
            piece = bisect_right(self.starts, index) - 1  # the piece holding `index`
            stop = self.starts[piece + 1] if piece + 1 < len(self.starts) else end
            stop = min(stop, end)
            span = self.spans[self.owners[piece]]
            out.append(Span(self.text[index:stop], span.kind, span.target))
            index = stop
        return tuple(out)


def _scan_string(spans: Inline) -> str:
    """The paragraph as one string, code/math as neutral '0's (unseen spans are empty)."""
    if len(spans) == 1 and spans[0].kind in _WORDS:  # most paragraphs: one run of text
        return spans[0].text
    parts: list[str] = []
    for span in spans:
        kind = span.kind
        if kind in _UNSEEN:
            continue
        if kind == "break":
            parts.append("\n")
        elif kind in _OPAQUE:
            parts.append("0" * len(span.text))
        else:
            parts.append(span.text)
    return "".join(parts)


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
    if at > _LONGEST_ABBREV and text[at - _LONGEST_ABBREV - 1 : at].isalpha():
        return True  # after a word longer than any abbreviation, with no dot in its end
    word = _word_before(text, at)
    if not word:
        return True  # after a digit, a quote or a bracket
    tail = word.rsplit(".", 1)[-1]
    if word in _ABBREV_NEVER or tail in _ABBREV_NEVER:
        return False
    if word in _ABBREV_MAYBE or tail in _ABBREV_MAYBE:
        return True
    if word.endswith(_DOTTED_NEVER):
        return False
    # an initial ("A. S. Pushkin") is a single capital letter
    return not (len(tail) == 1 and text[at - 1].isupper())


def _boundaries(text: str) -> list[int]:
    """Start offsets of every sentence after the first."""
    cuts: list[int] = []
    size = len(text)
    index = 0
    while (stop := _STOPS.search(text, index)) is not None:
        index, end = stop.span()
        if text[index] == "\n":
            nxt = _skip_space(text, index + 1)
            prev = _char_before(text, index)
            if nxt < size and not text[nxt].islower() and prev not in _CONTINUES:
                cuts.append(nxt)
            index += 1
            continue
        if end >= size:
            break  # the paragraph's last mark
        if not text[end].isspace():
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


def _pieces(spans: Inline, cuts: list[int]) -> list[tuple[int, Span] | None]:
    """The spans with a None where each cut falls, each span with its index in `spans`
    (only word spans can be split inside).

    Offsets count characters of `_scan_string`: a break is one, an unseen span none, so
    a cut never falls inside either, and an unseen span at a cut stays before it. Spans
    that hold no text (other than unseen spans and breaks) are left out; the text before
    a cut ends in spaces, which are stripped. Most spans hold no cut and are passed on
    whole."""
    out: list[tuple[int, Span] | None] = []
    pending = iter(cuts)
    cut = next(pending, _NO_CUT)
    start = 0  # where the current span starts in the scan string
    for index, span in enumerate(spans):
        kind = span.kind
        if kind in _UNSEEN:
            out.append((index, span))
            continue
        text = span.text if kind != "break" else "\n"
        end = start + len(text)
        pos = 0
        while cut < end:
            local = cut - start
            if local > pos:
                # the text before a cut ends in the spaces `_trim` would strip
                before = text[pos:local].rstrip()
                if before:
                    out.append((index, Span(before, kind, span.target)))
                pos = local
            out.append(None)
            cut = next(pending, _NO_CUT)
        if pos < len(text):
            out.append((index, Span(text[pos:], kind, span.target) if pos else span))
        start = end
    return out


def _blank(span: Span) -> bool:
    kind = span.kind
    return kind == "break" or (kind in _WORDS and (not span.text or span.text.isspace()))


def _trim(piece: list[Span]) -> Sentence:
    """Drop line breaks and spaces at either end of a sentence.

    An end span is copied only when it has spaces to strip (as the text before a cut
    has)."""
    start, end = 0, len(piece)
    while start < end and _blank(piece[start]):
        start += 1
    while end > start and _blank(piece[end - 1]):
        end -= 1
    out = piece[start:end]
    if not out:
        return ()
    first = out[0]
    if first.kind in _WORDS and first.text[:1].isspace():
        out[0] = Span(first.text.lstrip(), first.kind, first.target)
    last = out[-1]
    if last.kind in _WORDS and last.text[-1:].isspace():
        out[-1] = Span(last.text.rstrip(), last.kind, last.target)
    return tuple(out)


def _has_words(sentence: Sentence) -> bool:
    """Whether a sentence shows any text (not only media, tags, breaks or spaces)."""
    for span in sentence:
        text = span.text
        if text and not text.isspace() and span.kind not in _UNSEEN and span.kind != "break":
            return True
    return False


def split_sentences(spans: Inline) -> list[Sentence]:
    """A paragraph's spans → its sentences (each a tuple of spans), in order."""
    sentences: list[Sentence] = []
    piece: list[Span] = []
    for item in [*_pieces(spans, _boundaries(_scan_string(spans))), None]:
        if item is not None:
            piece.append(item[1])
            continue
        sentence = _trim(piece)
        if _has_words(sentence):
            sentences.append(sentence)
        piece = []
    return sentences


def flatten(sentence: Sentence) -> Flat:
    """One sentence as plain text with a code/math mask and emphasis ranges."""
    return _flats(enumerate(sentence), sentence)[0]


def _flats(items: Iterable[tuple[int, Span] | None], spans: Inline) -> list[Flat]:
    """The sentences of `_pieces(spans, …)` flattened, one per piece, those without
    words included (their text is empty), in one pass that makes no span tuples.

    Whitespace runs become one space, and none is kept at either end; a span's text is
    collapsed with one regex substitution, and only when it holds something to collapse.
    A piece's first spaces are dropped as they come; its last ones, breaks and blank
    word spans at its end (which `_trim` would drop) are cut off when it ends, up to
    the last span `_trim` would keep. The mask is made only for the few sentences that
    hold code or math. What a sentence's characters came from is `spans[owners[k]]`.
    """
    flats: list[Flat] = []
    parts: list[str] = []
    starts: list[int] = []
    owners: list[int] = []
    emph: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    opaque: list[tuple[int, int]] = []  # where code and math went, to mask
    size = 0
    after_space = True  # at the start or after a space, a space is dropped
    kept = 0  # how many pieces end at a span `_trim` would keep
    for item in items:
        if item is None:  # a cut: the sentence so far is done
            del starts[kept:], owners[kept:]
            flats.append(_flat(parts, starts, owners, emph, code, opaque, spans))
            parts, starts, owners, emph, code, opaque = [], [], [], [], [], []
            size, after_space, kept = 0, True, 0
            continue
        index, span = item
        kind = span.kind
        if kind in _UNSEEN:
            kept = len(starts)
            continue
        if kind == "break":
            if after_space:
                continue
            text = " "
        else:
            text = span.text
            if not text:
                continue
            # a printable text holds no whitespace but " ": only "  " needs collapsing
            if "  " in text or not text.isprintable():
                text = _SPACE_RUNS.sub(" ", text)
            if after_space and text[0] == " ":
                text = text[1:]
            if kind not in _WORDS or text not in _BLANK:  # a span `_trim` keeps
                kept = len(starts) + (text != "")
            if not text:
                continue
        start = size
        size += len(text)
        parts.append(text)
        starts.append(start)
        owners.append(index)
        after_space = text[-1] == " "
        if kind in _MARKED:
            if kind in _OPAQUE:
                opaque.append((start, size))
            if kind in _RANGED:
                lo = start + (text[0] == " ")
                hi = size - (after_space and size > lo)
                if hi > lo:
                    (code if kind == "code" else emph).append((lo, hi))
    del starts[kept:], owners[kept:]
    flats.append(_flat(parts, starts, owners, emph, code, opaque, spans))
    return flats


# `Flat(...)` without the Python-level `__new__` a named tuple has: one per sentence
_new_flat = tuple.__new__


def _flat(
    parts: list[str],
    starts: list[int],
    owners: list[int],
    emph: list[tuple[int, int]],
    code: list[tuple[int, int]],
    opaque: list[tuple[int, int]],
    spans: Inline,
) -> Flat:
    """The sentence `_flats` gathered: the one trailing space dropped, mask made."""
    joined = "".join(parts)
    if joined.endswith(" "):
        joined = joined[:-1]
    # no range reaches into that space: each one stops before its own span's last space
    masked = _mask(joined, opaque) if opaque else joined
    fields = (joined, masked, fold(masked), tuple(starts), tuple(owners), tuple(emph), spans)
    return _new_flat(Flat, (*fields, tuple(code)))


def _run_flat(spans: Inline) -> Flat:
    """`_flats` of a sentence that is one word span, made without its loop."""
    span = spans[0]
    text = span.text
    if "  " in text or not text.isprintable():
        text = _SPACE_RUNS.sub(" ", text)
    text = text.strip(" ")  # collapsed: one space at most at either end
    if not text:
        return _new_flat(Flat, ("", "", "", (), (), (), spans, ()))
    emph = ((0, len(text)),) if span.kind in EMPHASIS else ()
    return _new_flat(Flat, (text, text, fold(text), (0,), (0,), emph, spans, ()))


def _mask(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the characters of each (start, end) range replaced by MASK."""
    parts: list[str] = []
    previous = 0
    for start, end in ranges:
        end = min(end, len(text))  # the last range may hold the dropped trailing space
        parts += (text[previous:start], MASK * (end - start))
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def sentence_text(sentence: Sentence) -> str:
    """What a reader sees of a sentence, spaces collapsed."""
    return flatten(sentence).text


def paragraph_sentences(paragraph: Paragraph) -> list[tuple[int, Flat]]:
    """Every sentence of a paragraph, flattened, with the file line it starts on.

    The prose extractors all read the same paragraphs of a note in turn: they ask
    through `NoteText.sentences` (`text/note_text.py`), which computes each once.
    Sentences are flattened as they are cut, so their `spans` are the paragraph's.
    """
    spans = paragraph.spans
    text = _scan_string(spans)
    cuts = _boundaries(text)
    line = paragraph.line
    if not cuts:  # most paragraphs are one sentence, most of those one run of text
        one_run = len(spans) == 1 and spans[0].kind in _WORDS
        (flat,) = (_run_flat(spans),) if one_run else _flats(enumerate(spans), spans)
        return [(line, flat)] if flat.text else []
    out = []
    previous = 0
    for start, flat in zip([0, *cuts], _flats(_pieces(spans, cuts), spans), strict=True):
        line += text.count("\n", previous, start)
        previous = start
        if flat.text:  # a sentence of only media, tags or spaces has none
            out.append((line, flat))
    return out


def prose_blocks(
    blocks: tuple[Block, ...], skip: Callable[[Block], bool]
) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of running text: top level, inside list items, quotes and
    callouts.

    Code, math and HTML blocks are not prose; `skip` (a block already turned into cards
    by explicit syntax) prunes a block with everything inside it. The blocks are
    gathered into one list first (nested generators cost a step per level per block).
    """
    found: list[Paragraph | Table] = []
    _gather_prose(blocks, skip, found)
    return iter(found)


def _gather_prose(
    blocks: tuple[Block, ...], skip: Callable[[Block], bool], found: list[Paragraph | Table]
) -> None:
    # `skip` is asked only about the blocks that would be read (most are not prose)
    for block in blocks:
        if isinstance(block, (Paragraph, Table)):
            if not skip(block):
                found.append(block)
        elif isinstance(block, ListBlock):
            if not skip(block):
                for item in block.items:
                    if not skip(item):
                        _gather_prose(item.blocks, skip, found)
        elif isinstance(block, Quote) and not skip(block):
            _gather_prose(block.blocks, skip, found)


def prose_paragraphs(
    blocks: tuple[Block, ...], skip: Callable[[Block], bool]
) -> Iterator[Paragraph]:
    """The paragraphs among `prose_blocks`."""
    return (block for block in prose_blocks(blocks, skip) if isinstance(block, Paragraph))
