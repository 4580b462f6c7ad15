"""The shortest faithful answer a run of blocks gives, for cards that ask a whole note
or section (a question title, a question heading, a task).

A student answering "Что такое useEffect()?" writes one or two sentences, not the
note: the summary sentence when the note has one ("Таким образом, …", "In short, …"),
else the opening paragraph cut at sentence ends to a readable length; a lead-in that
ends in a colon keeps the short list or code block it announces, and a note that
opens with a short list or code block answers with it. Anything longer is not an
answer a card can hold, and the caller asks nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html import escape as html_escape

from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack
from notecards.model import (
    Block,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Span,
)
from notecards.render.markup import highlight_code, spans_html
from notecards.text.cues import fold
from notecards.text.sentences import sentence_text, split_sentences

MAX_CHARS = 300  # a back a reader takes in at a glance
MAX_LIST_ITEMS = 7
MAX_LIST_CHARS = 400
MAX_CODE_LINES = 15
MIN_WORDS = 4
MAX_LEADIN_WORDS = 15
MAX_HEADING_WORDS = 20  # an opening this short may only head the points that follow
MAX_PART_LABEL_WORDS = 3  # "Development time:", "Specialised:": one part's label, not a lead-in
MAX_SUB_ITEMS = 5  # sub-items kept under one item of a short list
MIN_DIGEST_ITEMS, MAX_DIGEST_ITEMS = 2, 12
MAX_DIGEST_LABEL = 100  # a label longer than this is a paragraph, not a name
MAX_DIGEST_CHARS = 700
MAX_ORDINAL_LABEL = 150  # a counted point with the few words its list completes it with
_MARKER = re.compile("^(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]\ufe0f?\\s*)+")
_URL = re.compile(r"https?://\S+")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}(?:\+\d+)?")  # "purpleschool.ru", "ru.vuejs.org+1"
SUMMARY_WINDOW = 3  # paragraphs from the end where a summary sentence is looked for
MAX_WHOLE_WORDS = 60  # prose a whole section may hold to be one back (the rubric's ~60)
MAX_WHOLE_CHARS = 500  # lists included: a back still recalled at once


@dataclass(frozen=True, slots=True)
class Answer:
    """A back: plain text, HTML, the blocks it used and how it was chosen."""

    text: str
    html: str
    blocks: tuple[Block, ...]
    how: str  # "summary", "opening", "list", "code"


@cache
def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\b")


def starts_with_cue(pack: LanguagePack, name: str, text: str) -> re.Match[str] | None:
    """Where `text` opens with one of the pack's `name` cues (case folded), or None."""
    pattern = pack.cues.get(name)
    return _cue(pattern).match(fold(text)) if pattern else None


@cache
def _searcher(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def mentions_cue(pack: LanguagePack, name: str, text: str) -> bool:
    """Whether the pack's `name` cue (a full pattern, case folded) occurs in `text`."""
    pattern = pack.cues.get(name)
    return bool(pattern) and _searcher(pattern).search(fold(text)) is not None


def is_cue_heading(pack: LanguagePack, name: str, heading: str) -> bool:
    """A heading that is one of the cue words, give or take numbering and punctuation."""
    words = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", heading)
    match = starts_with_cue(pack, name, words)
    return match is not None and match.end() == len(words)


def _is_link(span: Span) -> bool:
    return span.kind in ("link", "wikilink") or _URL.fullmatch(span.text.strip()) is not None


def _is_citation(spans: Iterable[Span]) -> bool:
    """A sentence of links and punctuation only ("([AWS](…)), ([MDN](…))"): a source
    the note cites, no part of what it says."""
    spans = list(spans)
    links = [s for s in spans if _is_link(s)]
    rest = "".join(s.text for s in spans if not _is_link(s))
    return bool(links) and not any(c.isalnum() for c in rest)


def _without_source(sentence: Iterable[Span]) -> tuple[Span, ...]:
    """A sentence without the link to its source that closes it ("… в реальный DOM.
    [ru.vuejs.org+1](…)", as an assistant's answer cites): no part of what it says."""
    spans = list(sentence)
    while spans and (
        not spans[-1].text.strip()
        or (_is_link(spans[-1]) and _DOMAIN.fullmatch(spans[-1].text.strip()) is not None)
    ):
        spans.pop()
    return tuple(spans)


def _sentences(paragraph: Paragraph) -> list[tuple[str, str]]:
    """(plain, html) of each sentence of a paragraph."""
    out = []
    for spans in split_sentences(paragraph.spans):
        if _is_citation(spans):
            continue  # "… минимизируют это. [Википедия](…)": where it came from
        spans = _without_source(spans)
        text = sentence_text(spans)
        if text:
            out.append((text, spans_html(spans)))
    return out


def first_sentence(paragraph: Paragraph) -> tuple[str, str] | None:
    """(plain, html) of a paragraph's first sentence, or None for an empty one."""
    sentences = _sentences(paragraph)
    return sentences[0] if sentences else None


def _cut(sentences: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first sentences that fit in MAX_CHARS (always the first one)."""
    kept: list[tuple[str, str]] = []
    size = 0
    for text, html in sentences:
        if kept and size + len(text) + 1 > MAX_CHARS:
            break
        kept.append((text, html))
        size += len(text) + 1
    return kept


def _sub_items(item: ListItem) -> list[Paragraph] | None:
    """The first paragraphs of an item's nested list, which belong to its answer
    ("a list that lost its sub-items" is half an answer); None when too many."""
    nested = [b for b in item.blocks if isinstance(b, ListBlock)]
    subs = [p for block in nested for sub in block.items if (p := sub.paragraph)]
    return subs if len(subs) <= MAX_SUB_ITEMS else None


def _unmarked(text: str) -> str:
    """A list item's text without the pictograph a note marks it with ("🚀 сервер
    разработки", "✅ Новые проекты"): a marker, not part of what the item says."""
    return _MARKER.sub("", text.strip())


def _short_list(block: Block) -> tuple[str, str] | None:
    """A list short enough to be an answer, with its sub-items, as (plain, html); None
    for a list of links, or one too long to quote whole."""
    if not isinstance(block, ListBlock) or not 1 <= len(block.items) <= MAX_LIST_ITEMS:
        return None
    lines, items = [], []
    for item in block.items:
        first = item.paragraph
        if first is None or all(s.kind in ("link", "wikilink") or not s.text.strip()
                                for s in first.spans):  # fmt: skip
            return None
        subs = _sub_items(item)
        if subs is None:
            return None
        lines.append(f"- {_unmarked(first.text)}")
        lines += [f"  - {_unmarked(sub.text)}" for sub in subs]
        nested = "".join(f"<li>{spans_html(sub.spans)}</li>" for sub in subs)
        nested = f"<ul>{nested}</ul>" if nested else ""
        items.append(f"<li>{spans_html(first.spans)}{nested}</li>")
    text = "\n".join(lines)
    if len(text) > MAX_LIST_CHARS:
        return None
    tag = "ol" if block.ordered else "ul"
    return text, f"<{tag}>{''.join(items)}</{tag}>"


def short_code(block: Block) -> tuple[str, str] | None:
    """A code block short enough to be (part of) an answer, as (plain, html)."""
    if not isinstance(block, CodeBlock):
        return None
    code = block.code.strip("\n")
    if not code.strip() or code.count("\n") + 1 > MAX_CODE_LINES:
        return None
    return code, highlight_code(code, block.language)


def _flatten(blocks: Iterable[Block]) -> Iterator[Block]:
    """Blocks in reading order, a quote or callout read as its contents."""
    for block in blocks:
        if isinstance(block, Quote):
            yield from _flatten(block.blocks)
        else:
            yield block


def _is_media_only(paragraph: Paragraph) -> bool:
    return not any(s.text.strip() for s in paragraph.spans if s.kind not in ("embed", "image"))


def summary_answer(
    blocks: Iterable[Block], pack: LanguagePack, ctx: ExtractContext
) -> Answer | None:
    """The note's own summary sentence ("Итак, …", "In short, …") and what follows it
    in its paragraph, cut to length; only in the last paragraphs, where a summary is
    (an "Итак, …" earlier on opens a new step of the explanation)."""
    paragraphs = [b for b in _flatten(blocks) if isinstance(b, Paragraph)]
    for block in paragraphs[-SUMMARY_WINDOW:]:
        if ctx.is_claimed(block):
            continue
        sentences = _sentences(block)
        for index, (text, _) in enumerate(sentences):
            if starts_with_cue(pack, "summary.start", text) and not text.endswith(":"):
                kept = _cut(sentences[index:])
                answer = _join(kept, (block,), "summary")
                if len(answer.text.split()) >= MIN_WORDS:
                    return answer
    return None


def _join(kept: list[tuple[str, str]], blocks: tuple[Block, ...], how: str) -> Answer:
    return Answer(" ".join(t for t, _ in kept), " ".join(h for _, h in kept), blocks, how)


def opening_answer(
    blocks: Iterable[Block], ctx: ExtractContext, pack: LanguagePack
) -> Answer | None:
    """The opening paragraph cut to length, with the list or code its colon announces;
    or an opening short list or code block; None when the opening is none of these."""
    ordered = [b for b in _flatten(blocks) if not ctx.is_claimed(b)]
    index = 0
    while index < len(ordered):
        block = ordered[index]
        if (
            isinstance(block, HtmlBlock)
            or _is_navigation(block)
            or (isinstance(block, Paragraph) and (_is_media_only(block) or _is_remark(block, pack)))
        ):  # a `<details>` wrapper, links, an image, a remark about the note: read on
            index += 1
            continue
        break
    else:
        return None
    return _block_answer(ordered[index], ordered[index + 1 :], pack)


def _block_answer(block: Block, rest: list[Block], pack: LanguagePack) -> Answer | None:
    """The answer that opens with `block`: a paragraph cut to length (with what its
    colon announces), a short list, the labels of a long one, or a short code block."""
    if isinstance(block, Paragraph) and _opens_with(block, pack, "answer.story"):
        return _after_story(rest, pack)
    if isinstance(block, Paragraph) and _opens_with(block, pack, "answer.aside_opening"):
        return _after_aside(rest, pack)
    if isinstance(block, Paragraph):
        return _paragraph_answer(block, rest, pack)
    whole = _continued(block, rest)
    listed = _short_list(whole)
    if listed is not None:
        return Answer(listed[0], listed[1], (block,), "list")
    digest = _digest_list(whole)
    if digest is not None:
        return Answer(digest[0], digest[1], (block,), "digest")
    code = short_code(block)
    if code is not None:
        return Answer(code[0], code[1], (block,), "code")
    return None


def _opens_with(paragraph: Paragraph, pack: LanguagePack, cue: str) -> bool:
    """Whether the paragraph's first sentence opens with one of the pack's `cue`s."""
    sentences = _sentences(paragraph)
    return bool(sentences) and starts_with_cue(pack, cue, sentences[0][0]) is not None


def _is_meta(paragraph: Paragraph, pack: LanguagePack) -> bool:
    """A remark about the note, not its subject ("Ниже я расскажу про …", "These notes
    are based on this Wikipedia page", "This section is not in the original blog"):
    an answer skips it and reads on."""
    sentences = _sentences(paragraph)
    return bool(sentences) and mentions_cue(pack, "answer.meta", sentences[0][0])


def _is_remark(paragraph: Paragraph, pack: LanguagePack) -> bool:
    """A remark about the note that points at nothing in particular: skipped. One that
    points at what follows ("Ниже приведён пример.") is read by `_paragraph_answer`,
    which takes what follows only when it says the answer."""
    return _is_meta(paragraph, pack) and not _points(paragraph, pack)


def _after_story(rest: list[Block], pack: LanguagePack) -> Answer | None:
    """The answer after an opening that tells a story or gives an example ("Imagine
    you're building …", "Представьте, что …"): the next paragraph, past the story's own
    code and lists, when it says the answer ("So, …", "Для этого …"); else none, since
    the story is no answer and where the answer starts cannot be told."""
    for index, block in enumerate(rest):
        if isinstance(block, (CodeBlock, ListBlock)):
            continue
        if isinstance(block, Paragraph) and _opens_with(block, pack, "answer.resolves"):
            return _paragraph_answer(block, rest[index + 1 :], pack)
        return None
    return None


def _after_aside(rest: list[Block], pack: LanguagePack) -> Answer | None:
    """The answer after an opening that is not yet one: what the thing is not, the
    approach it replaces, the previous section recalled ("The word 'packed' is
    confusing.", "В отличие от классического SSR, …"). The paragraph right after it
    answers; when none follows (a list, code, another aside), the note's answer
    cannot be told and there is none."""
    after = rest[0] if rest else None
    if not isinstance(after, Paragraph) or _opens_with(after, pack, "answer.aside_opening"):
        return None
    return _paragraph_answer(after, rest[1:], pack)


def _is_leadin(kept: list[tuple[str, str]], pack: LanguagePack) -> bool:
    """One sentence that announces what follows: it ends in a colon, or says "есть
    несколько …" / "there are several ways …" / "следующий стек." without a colon."""
    last = kept[-1][0]
    if last.endswith(":"):
        return True
    if len(kept) != 1:
        return False
    words = len(last.split())
    if words <= MAX_LEADIN_WORDS and mentions_cue(pack, "answer.leadin", last):
        return True
    # "… я бы предложил следующий базовый стек.": counts what follows, however long
    return words <= 2 * MAX_LEADIN_WORDS and mentions_cue(pack, "answer.leadin_count", last)


def _only_announces(sentence: str, pack: LanguagePack) -> bool:
    """A lead-in that says nothing without what it announces ("… следующие шаги:",
    "There are several ways to do it."); one that only counts ("Индекс строится по
    нескольким столбцам.") says something of its own when nothing follows it."""
    short = len(sentence.split()) <= MAX_LEADIN_WORDS
    if sentence.endswith(":") or mentions_cue(pack, "answer.leadin_clause", sentence.rstrip(".")):
        return True
    if mentions_cue(pack, "answer.announces", sentence):
        return True
    return short and mentions_cue(pack, "answer.leadin", sentence)


def _heads_a_list(kept: list[tuple[str, str]], rest: list[Block], pack: LanguagePack) -> bool:
    """A lone condition right before a list ("Если редьюсер будет нечистым" and what
    breaks then): the list completes it."""
    lone = len(kept) == 1 and mentions_cue(pack, "answer.leadin_clause", kept[0][0].rstrip("."))
    return lone and bool(rest) and isinstance(rest[0], ListBlock)


def _is_part_label(kept: list[tuple[str, str]], pack: LanguagePack) -> bool:
    """An opening that is only a short label with a colon ("Development time:",
    "Specialised:"): the first of several parts, so what follows answers only part of
    the question. "Ответ:" / "Answer:" labels the whole answer and is not one."""
    text = kept[0][0]
    if len(kept) > 1 or not text.endswith(":") or len(text.split()) > MAX_PART_LABEL_WORDS:
        return False
    if starts_with_cue(pack, "answer.leadin_label", text) or mentions_cue(
        pack, "answer.leadin", text
    ):
        return False  # "Некоторые сигналы:", "Есть несколько признаков:" announce the answer
    return not is_cue_heading(pack, "question.answer_heading", text)


def _is_filler(text: str, pack: LanguagePack) -> bool:
    """A chatty opener ("Отличный вопрос!", "Sure!", "Let's see.") or a sentence that
    only says the things asked about differ ("X и Y имеют фундаментальные различия."):
    neither answers anything. A sentence that ends in a colon leads into its answer,
    unless it only says it is one ("Вот развёрнутый ответ для собеседования:")."""
    if mentions_cue(pack, "answer.meta_reply", text):
        return True
    if text.endswith(":"):
        return False
    if mentions_cue(pack, "answer.mixed_up", text):
        return True  # "X и Y часто путают, но задачи у них разные."
    return mentions_cue(pack, "answer.filler", text) or mentions_cue(pack, "answer.restates", text)


def _is_pointer(text: str, pack: LanguagePack) -> bool:
    """A sentence about the note, not its subject ("This section adds some detail to
    …", "Here we look at …", "Ниже приведён пример.", "Above is an example of …")."""
    return not text.endswith(":") and (
        mentions_cue(pack, "answer.pointer", text) or mentions_cue(pack, "answer.figure", text)
    )


def _without_chatter(sentences: list[tuple[str, str]], pack: LanguagePack) -> list[tuple[str, str]]:
    """The sentences from where the answer starts: past a chatty opener and a sentence
    that only restates the question, and without an opening "Короче," / "Sure,"."""
    index = 0
    while index < len(sentences) and (
        _is_filler(sentences[index][0], pack) or _is_pointer(sentences[index][0], pack)
    ):
        index += 1
    kept = sentences[index:]
    if not kept:
        return kept
    text, html = kept[0]
    word = starts_with_cue(pack, "answer.filler_word", text)
    if word is not None and word.end() < len(text) and html[: word.end()] == text[: word.end()]:
        text, html = _capitalized(text[word.end() :]), _capitalized(html[word.end() :])
        kept = [(text, html), *kept[1:]]
    return kept


def _points(paragraph: Paragraph, pack: LanguagePack) -> bool:
    """Whether a paragraph points at what follows ("Here we look at …")."""
    return any(_is_pointer(text, pack) for text, _ in _sentences(paragraph))


def _shows(paragraph: Paragraph, pack: LanguagePack) -> bool:
    """Whether a paragraph points at a figure or an example ("Above is an example of
    striping.", "Ниже приведён пример."): what follows comments on it, no answer."""
    return any(mentions_cue(pack, "answer.figure", text) for text, _ in _sentences(paragraph))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraph_answer(paragraph: Paragraph, rest: list[Block], pack: LanguagePack) -> Answer | None:
    sentences = _without_chatter(_sentences(paragraph), pack)
    if not sentences:  # "Отличный вопрос!" alone: the answer is what follows
        if not rest or _shows(paragraph, pack):
            return None  # "Ниже приведён пример." and the example: no answer is said
        return _block_answer(rest[0], rest[1:], pack)
    kept = _cut(sentences)
    if not kept or _is_part_label(kept, pack):
        return None
    if _is_leadin(kept, pack) or _heads_a_list(kept, rest, pack):
        after = rest[0] if rest else None
        follow = None
        if after is not None:
            follow = _short_list(after) or short_code(after) or _digest_list(after)
        if follow is None:
            follow = _grouped_digest(rest)  # "Инструменты разработки:" [list] "Инфраструктура:" …
        if follow is None and not kept[-1][0].endswith(":"):
            follow = _paragraph_digest(rest)  # "Первое — SEO. …" "Второе — …"
        if follow is None:
            follow = _ordinal_digest(rest, pack)  # "Во-первых, …" [list] "Во-вторых, …"
        if follow is not None and after is not None:
            answer = _join(kept, (paragraph, after), "list")
            html = f"{answer.html}{follow[1]}"
            return Answer(f"{answer.text}\n{follow[0]}", html, answer.blocks, answer.how)
        if _only_announces(kept[-1][0], pack):
            kept = kept[:-1]  # a lead-in without what it announces says nothing
        if not kept:
            return None
    answer = _join(kept, (paragraph,), "opening")
    if len(answer.text.split()) < MIN_WORDS:
        return None
    return _with_what_follows(answer, rest, pack) if len(kept) <= 2 else answer


def _with_what_follows(answer: Answer, rest: list[Block], pack: LanguagePack) -> Answer:
    """A short opening that only heads the answer ("SSR увеличивает сложность
    системы.", "Я стараюсь формулировать замечания конструктивно.") with what it heads:
    the counted paragraphs after it ("Во-первых, …", "Во-вторых, …"), or a short
    lead-in and its list ("Обычно я:" and the list)."""
    if len(answer.text.split()) > MAX_HEADING_WORDS:
        return answer
    follow = _ordinal_digest(rest, pack)
    blocks = answer.blocks
    text, html = answer.text, answer.html
    if follow is None and len(rest) >= 2 and isinstance(rest[0], Paragraph):
        label = _sentences(rest[0])
        listed = _short_list(rest[1]) or _digest_list(rest[1])
        short = len(label) == 1 and len(label[0][0].split()) <= MAX_PART_LABEL_WORDS
        if short and label[0][0].endswith(":") and listed is not None:
            follow = listed
            text, html = f"{text}\n{label[0][0]}", f"{html} {label[0][1]}"
            blocks += (rest[0], rest[1])
    if follow is None:
        return answer
    return Answer(f"{text}\n{follow[0]}", f"{html}{follow[1]}", blocks, "list")


def _label(paragraph: Paragraph) -> str:
    """What a list item is about: its leading bold or code span ("**useState()** - …"),
    else its first sentence."""
    spans = [s for s in paragraph.spans if s.text.strip()]
    if spans and spans[0].kind in ("strong", "code", "em"):
        return spans[0].text.strip().rstrip(":")
    sentences = split_sentences(paragraph.spans)
    label = sentence_text(sentences[0]).rstrip(".;") if sentences else ""
    head, aside = label.split(" (", 1) if " (" in label else (label, "")
    if len(label) > MAX_DIGEST_LABEL and aside and len(head.split()) >= 2:
        return head  # "Нарушится предсказуемость (если редьюсер зависит …)": the point
    return label


def _digest(labels: list[str], limit: int = MAX_DIGEST_LABEL) -> tuple[str, str] | None:
    if not MIN_DIGEST_ITEMS <= len(labels) <= MAX_DIGEST_ITEMS:
        return None
    if not all(labels) or max(map(len, labels)) > limit:
        return None
    text = "\n".join(f"- {label}" for label in labels)
    if len(text) > MAX_DIGEST_CHARS:
        return None
    items = "".join(f"<li>{html_escape(label)}</li>" for label in labels)
    return text, f"<ul>{items}</ul>"


def _digest_list(block: Block) -> tuple[str, str] | None:
    """A list too long to quote, read as what each item is about: "Какие существуют
    хуки?" over eight paragraphs of "**useState()** - …" answers with the eight names."""
    if not isinstance(block, ListBlock):
        return None
    firsts = [i.paragraph for i in block.items]
    if any(p is None for p in firsts):
        return None
    # a link back to the index the note hangs in ends many a list: no item of it
    return _digest([_label(p) for p in firsts if p is not None and not _is_navigation(p)])


def list_answer(block: ListBlock) -> Answer | None:
    """A list as an answer: quoted when short, by its items' labels when long."""
    listed = _short_list(block) or _digest_list(block)
    if listed is None:
        return None
    return Answer(listed[0], listed[1], (block,), "list")


def _continued(block: Block, rest: list[Block]) -> Block:
    """An ordered list with the ordered lists that continue its numbering after an
    interruption (a nested list written flush left splits "1. 2." from "3. 4.")."""
    if not isinstance(block, ListBlock) or not block.ordered:
        return block
    items = list(block.items)
    for after in rest:
        if not isinstance(after, ListBlock):
            break
        if after.ordered and after.start == block.start + len(items):
            items += after.items
    return ListBlock(block.line, block.end_line, block.source, True, block.start, tuple(items))


def _paragraph_digest(rest: list[Block]) -> tuple[str, str] | None:
    """The paragraphs a lead-in announces, each by its first sentence."""
    labels: list[str] = []
    for block in rest[:MAX_DIGEST_ITEMS]:
        label = _label(block) if isinstance(block, Paragraph) else ""
        if not label or len(label) > MAX_DIGEST_LABEL or label.startswith("<"):
            break  # the announced run ends: a code block, a component, a long aside
        if label.endswith(":"):
            break  # "Лучшей практикой считается:" opens a part of its own
        labels.append(label)
    return _digest(labels)


MAX_GROUP_ITEM_WORDS = 6  # "Vue Router", "автоматическая проверка линтинга"


def _grouped_digest(rest: list[Block]) -> tuple[str, str] | None:
    """The groups a lead-in announces when each is a short label and a list of short
    items ("Инструменты разработки:" and TypeScript, ESLint, Vite; "Инфраструктура:" and
    CI/CD …), one line a group: "Инструменты разработки: TypeScript, ESLint, Vite"."""
    lines: list[str] = []
    index = 0
    while index + 1 < len(rest) and isinstance(rest[index], Paragraph):
        label, listed = rest[index], rest[index + 1]
        sentences = _sentences(label) if isinstance(label, Paragraph) else []
        if len(sentences) != 1 or not sentences[0][0].endswith(":"):
            break
        if len(sentences[0][0].split()) > MAX_PART_LABEL_WORDS or not isinstance(listed, ListBlock):
            break
        items = [_unmarked(p.text).rstrip(";.,") for i in listed.items if (p := i.paragraph)]
        if not items or any(len(item.split()) > MAX_GROUP_ITEM_WORDS for item in items):
            return None  # the items say more than a name: not a group to list whole
        lines.append(f"{sentences[0][0]} {', '.join(items)}")
        index += 2
    return _digest(lines, MAX_ORDINAL_LABEL)


def _ordinal_digest(rest: list[Block], pack: LanguagePack) -> tuple[str, str] | None:
    """The paragraphs a lead-in announces when they count themselves ("Во-первых,
    структура файлов: …", "Во-вторых, …"), each by its first sentence, whatever
    lists and examples stand between them."""
    labels: list[str] = []
    for index, block in enumerate(rest):
        if not isinstance(block, Paragraph) or not _opens_with(block, pack, "answer.ordinal"):
            continue
        label = _label(block)
        after = rest[index + 1] if index + 1 < len(rest) else None
        if label.endswith(":") and isinstance(after, ListBlock):
            label = _inline_items(label, after)  # "сложности с:" and what it is with
        label = label.rstrip(":")
        if len(label) > MAX_ORDINAL_LABEL:
            return None
        labels.append(label)
    return _digest(labels, MAX_ORDINAL_LABEL)


def _inline_items(label: str, block: ListBlock) -> str:
    """ "В-третьих, возникают сложности с:" and a list of a few words an item →
    "В-третьих, возникают сложности с кешированием, hydration"; the label alone when
    the items are longer (they are the next point's content, not a completion)."""
    items = [item.paragraph for item in block.items]
    texts = [p.text.strip().rstrip(";.,") for p in items if p is not None]
    if (
        not texts
        or len(texts) > MAX_SUB_ITEMS
        or any(len(t.split()) > MAX_PART_LABEL_WORDS for t in texts)
    ):
        return label
    return f"{label.rstrip(':').rstrip()} {', '.join(texts)}"


def section_answer(
    sections: Iterable[Section], pack: LanguagePack, ctx: ExtractContext
) -> Answer | None:
    """The answer of a run of sections: the first section's opening, else a summary
    section's ("## Итог"), else a summary sentence near the end. The opening goes
    first: in interview notes it is the answer, and an "Итак, …" at the end often
    sums up an example or gives advice rather than answering."""
    sections = list(sections)
    opening = opening_answer(sections[0].blocks, ctx, pack) if sections else None
    if opening is not None:
        return opening
    for section in sections:
        if is_cue_heading(pack, "summary.heading", section.heading):
            answer = opening_answer(section.blocks, ctx, pack)
            if answer is not None:
                return Answer(answer.text, answer.html, answer.blocks, "summary")
    blocks = [block for section in sections for block in section.blocks]
    return summary_answer(blocks, pack, ctx)


def _is_navigation(block: Block) -> bool:
    """A block that only links elsewhere ("- [Вопросы по HTML](HTML.md)"), or a
    component of the site the note is published on: no part of an answer."""
    if isinstance(block, HtmlBlock):
        return True
    paragraphs = [block] if isinstance(block, Paragraph) else []
    if isinstance(block, ListBlock):
        paragraphs = [p for item in block.items if (p := item.paragraph)]
    spans = [s for p in paragraphs for s in p.spans if s.text.strip()]
    return bool(spans) and all(_is_link(s) for s in spans)


def whole_answer(sections: Iterable[Section], ctx: ExtractContext) -> Answer | None:
    """A short section read whole: every paragraph, short list and short code block
    under it, for a question its opening answers only in part ("Что такое X и когда его
    использовать?", "When to use the heap/stack?"); None when the section holds more
    than a back can (over ~60 words of prose) or a block that cannot be quoted."""
    texts: list[str] = []
    htmls: list[str] = []
    used: list[Block] = []
    words = 0
    for block in _flatten(b for section in sections for b in section.blocks):
        if _is_navigation(block) or ctx.is_claimed(block):
            continue
        if isinstance(block, Paragraph):
            if _is_media_only(block):
                continue
            sentences = _sentences(block)
            words += sum(len(t.split()) for t, _ in sentences)
            plain, html = " ".join(t for t, _ in sentences), " ".join(h for _, h in sentences)
            quoted: tuple[str, str] | None = (plain, f"<p>{html}</p>")
        else:
            quoted = _short_list(block) or short_code(block)
        if quoted is None:
            return None
        texts.append(quoted[0])
        htmls.append(quoted[1])
        used.append(block)
    text = "\n".join(texts)
    if not used or words > MAX_WHOLE_WORDS or len(text) > MAX_WHOLE_CHARS:
        return None
    how = "whole" if any(isinstance(b, Paragraph) for b in used) else "list"
    return Answer(text, "".join(htmls), tuple(used), how)


def subtree(sections: tuple[Section, ...], index: int) -> list[Section]:
    """A section and the sections nested under it (a question's or a task's whole unit)."""
    head = sections[index]
    out = [head]
    for section in sections[index + 1 :]:
        if section.heading and section.level <= head.level:
            break
        out.append(section)
    return out
