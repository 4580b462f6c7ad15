"""Whether an answer covers all that its question asks, and what covers it when the
opening does not.

A strict reader drops a card whose back answers half the question: a difference that
describes one side, "When to use the heap/stack?" answered about the heap, "What is X
and when to use it?" answered with what X is, "How to avoid X?" answered with the cause
of X, "How does X work?" answered with a code block. The question names what it asks
about (`sides_of`, `named_items`); an answer must speak of each. Where the opening does
not, the note often introduces each thing in a part of its own ("## LocalStorage",
"**div** - …", "`ref` используется …"): the first sentence of each part answers
(`per_item_answer`); else a short section read whole does (`answers.whole_answer`);
else the question gets no card.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from notecards.extractors.answers import (
    Answer,
    first_sentence,
    list_answer,
    mentions_cue,
    opening_answer,
    starts_with_cue,
    whole_answer,
)
from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack
from notecards.model import Block, CodeBlock, ListBlock, Paragraph, Section
from notecards.render.markup import spans_html
from notecards.text.cues import fold
from notecards.text.morphology import can_be_subject, is_modifier
from notecards.text.sentences import sentence_text, split_sentences
from notecards.text.topics import word_stems

STEM = 5  # letters that identify a word across endings ("контекст", "контекстов")
MAX_ITEMS = 5
MAX_ITEM_CHARS = 200  # one thing's first sentence
MAX_PER_ITEM_CHARS = 600
MAX_ANNOUNCE_WORDS = 8
OPENING_WORDS = 3  # where a paragraph names what it introduces
_WORD = re.compile(r"\w+")
_JOINED = frozenset({"и", "или", "and", "or"})
# "Генератор создаёт:", "X выглядела так:" announce what follows; a lead-in of this many
# words or more ("Тесты проверяют, что …:") says something itself
MIN_LEADIN_WORDS = 8
MAX_REMEDY_WORDS = 8  # "Решение — cleanup предыдущего эффекта.": the how follows it
MAX_HEAD_WORDS = 25  # an opening this short to "how does X work?" heads the list after it


def sides_of(question: str, pack: LanguagePack) -> tuple[str, str] | None:
    """The two things a difference question names ("Чем X отличается от Y?",
    "What is the difference between X and Y?"), or None."""
    pattern = pack.cues.get("question.sides")
    if not pattern:
        return None
    found = re.match(pattern, question.strip().rstrip("?").strip(), re.I)
    if found is None:
        return None
    named = [v for v in found.groups() if v]
    return (named[0], named[1]) if len(named) == 2 else None


def mentions(back: str, side: str) -> bool:
    """Whether an answer speaks of one side: one of its words, endings aside."""
    words = word_stems(side, STEM)
    return bool(words & word_stems(back, STEM)) if words else side.lower() in back.lower()


_COMPOUND_WORD = re.compile(r"\w+(?:-\w+)*")  # "real-time" is one word, not "time"


def _ordered_stems(text: str) -> list[str]:
    return [w[:STEM] for w in _COMPOUND_WORD.findall(text.lower()) if len(w) >= 2]


def mentions_each(
    back: str, items: list[str] | tuple[str, ...], pack: LanguagePack | None = None
) -> bool:
    """Whether an answer speaks of every one of several things, each by a word the
    others lack: "Historical vs. real-time monitoring" answered about historical
    monitoring names "monitoring", the head both share ("Historical" is an adjective
    that borrows it), and never "real-time"; "Горизонтальное и вертикальное
    масштабирование" needs "вертикальное"."""
    said = set(_ordered_stems(back))
    borrowed = pack is not None and any(
        len(item.split()) == 1 and pack.is_adjective(item) for item in items
    )
    for index, item in enumerate(items):
        others = {s for other in items[:index] + items[index + 1 :] for s in _ordered_stems(other)}
        words = _ordered_stems(item)
        if borrowed and len(words) > 1:
            words = words[:-1]  # the head noun the lone adjective shares
        own = [s for s in words if s not in others]
        if not own:  # no word of its own ("X" and "X 2"): the plain test is all there is
            if not mentions(back, item):
                return False
        elif said.isdisjoint(own):
            return False
    return True


def _filler(pack: LanguagePack) -> frozenset[str]:
    return frozenset(pack.cues.get("question.filler", "").split("|"))


def _is_thing(word: str, pack: LanguagePack) -> bool:
    """A word a question can ask about as one of several things: not a filler word,
    and in Russian a noun that can stand alone ("генерация типов и контрактов",
    "безопасным и практичным" qualify one thing)."""
    return fold(word) not in _filler(pack) and can_be_subject(word) and not is_modifier(word)


def named_items(question: str, pack: LanguagePack) -> list[str]:
    """The things a question asks about at once: a difference's sides ("div, article и
    section"), or a pair or list joined by "и"/"and"/"/" ("range and precision",
    "heap/stack", "computed, watch и watchEffect"); [] when it asks about one thing."""
    sides = sides_of(question, pack)
    if sides is not None:
        items = [i.strip() for side in sides for i in side.split(",") if i.strip()]
        return items if len(items) <= MAX_ITEMS else []
    pattern = pack.cues.get("question.pair")
    if not pattern or mentions_cue(pack, "question.difference", question):
        return []
    found = re.search(pattern, question.rstrip("?"), re.I)
    if found is None:
        return []
    items = [found.group("x"), found.group("y")]
    before = question[: found.start()].rstrip()
    while before.endswith(",") and len(items) < MAX_ITEMS:  # "computed, watch и …"
        words = _WORD.findall(before)
        if not words:
            break
        items.insert(0, words[-1])
        before = before[: before.rstrip(",").rstrip().rfind(words[-1])].rstrip()
    return items if all(_is_thing(i, pack) for i in items) else []


def _first_paragraph(blocks: tuple[Block, ...]) -> Paragraph | None:
    """A part's first paragraph: its own, or its first list item's."""
    for block in blocks:
        if isinstance(block, Paragraph):
            return block
        if isinstance(block, ListBlock) and block.items:
            return block.items[0].paragraph
    return None


def _parts(sections: list[Section]) -> Iterator[tuple[str, Paragraph, bool]]:
    """Where a note may introduce a thing, in reading order: (text that names it, the
    paragraph that says what it is, whether the text is a heading)."""
    for section in sections:
        if section.heading:
            first = _first_paragraph(section.blocks)
            if first is not None:
                yield section.heading, first, True
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.text, block, False
            elif isinstance(block, ListBlock):
                for item in block.items:
                    para = item.paragraph
                    if para is not None:
                        yield para.text, para, False


def _names(text: str, item: str, heading: bool) -> bool:
    """A heading that names the item, or a paragraph that opens with it (within its
    first words: "Тесты и мониторинг …" opens with both)."""
    # a name in Latin letters is matched whole: "watch" is not "watchEffect"
    size = None if item.isascii() else STEM
    stems = {w[:size] for w in _WORD.findall(item.lower()) if len(w) >= 2}
    words = [w[:size] for w in _WORD.findall(text.lower()) if len(w) >= 2]
    if not stems or not words:
        return False
    if heading:
        return stems <= set(words)
    opening = _WORD.findall(text.lower())[:OPENING_WORDS]
    if _JOINED.intersection(opening):
        return False  # "Тесты и мониторинг решают разные задачи" is about both
    return bool(stems & set(words[:OPENING_WORDS]))


def per_item_answer(items: list[str], sections: list[Section]) -> Answer | None:
    """Each item's first sentence where the note introduces it in a part of its own:
    "- div - базовый элемент разметки." / "- event.preventDefault(): Этот метод …";
    None unless every item (at least two) has one."""
    if len(items) < 2:
        return None
    lines: list[tuple[str, str]] = []
    used: list[Block] = []
    for index, item in enumerate(items):
        others = items[:index] + items[index + 1 :]
        found = next(
            (
                (text, para, heading)
                for text, para, heading in _parts(sections)
                if para not in used
                and _names(text, item, heading)
                and not any(_names(text, other, heading) for other in others)
            ),
            None,
        )
        sentence = first_sentence(found[1]) if found is not None else None
        if found is None or sentence is None or len(sentence[0]) > MAX_ITEM_CHARS:
            return None
        text, para, heading = found
        if sentence[0].endswith(":") and len(sentence[0].split()) < MIN_LEADIN_WORDS:
            return None  # it only announces a list
        plain, html = sentence[0].rstrip(":"), sentence[1].rstrip(":")
        if heading or not _names(plain, item, False):
            label = text.strip() if heading else item
            plain, html = f"{label}: {plain}", f"{escape(label)}: {html}"
        lines.append((plain, html))
        used.append(para)
    text = "\n".join(f"- {plain}" for plain, _ in lines)
    if len(text) > MAX_PER_ITEM_CHARS:
        return None
    html = "".join(f"<li>{h}</li>" for _, h in lines)
    return Answer(text, f"<ul>{html}</ul>", tuple(used), "list")


_UNITS = re.compile(r"(?<=[.;!?])\s+|\n+")


def _is_advice(text: str, pack: LanguagePack) -> bool:
    """An answer that is mostly usage advice ("Используйте X для …; избегайте Y …",
    "Use A when: … Use B when: …"): it says when to take a side, not how they differ."""
    units = [u.strip().lstrip("-•* ").strip() for u in _UNITS.split(text)]
    units = [u for u in units if u]
    advice = [u for u in units if starts_with_cue(pack, "answer.advice", u)]
    return bool(units) and 2 * len(advice) >= len(units)


def _contrast(
    sides: tuple[str, str], sections: list[Section], pack: LanguagePack, ctx: ExtractContext
) -> Answer | None:
    """The section's sentence that sets the two sides against each other ("X хранит …,
    а Y …", "X …, whereas Y …"), for a difference question the opening answers with
    advice; None when the section has none."""
    for _, paragraph, _ in _parts(sections):
        if ctx.is_claimed(paragraph):
            continue
        for spans in split_sentences(paragraph.spans):
            text = sentence_text(spans)
            both = all(mentions(text, side) for side in sides)
            if both and mentions_cue(pack, "answer.contrast", text) and not _is_advice(text, pack):
                return Answer(text, spans_html(spans), (paragraph,), "opening")
    return None


def _solution(sections: list[Section], pack: LanguagePack, ctx: ExtractContext) -> Answer | None:
    """The answer from the paragraph that says the remedy ("Решение — cleanup
    предыдущего эффекта.", "The fix is to …"), for a "how to avoid X?" whose opening
    tells the cause; None when no paragraph opens so."""
    blocks = [b for section in sections for b in section.blocks if not ctx.is_claimed(b)]
    for index, block in enumerate(blocks):
        sentence = first_sentence(block) if isinstance(block, Paragraph) else None
        if sentence is not None and starts_with_cue(pack, "answer.solution", sentence[0]):
            answer = opening_answer(blocks[index:], ctx, pack)
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            return _with_next_sentence(answer, after)
    return None


def _with_next_sentence(answer: Answer | None, after: Block | None) -> Answer | None:
    """A one-line remedy ("Решение — cleanup предыдущего эффекта.") with the sentence
    of the paragraph after it that says how ("Во Vue это делается через …")."""
    short = answer is not None and answer.how == "opening" and "\n" not in answer.text
    if answer is None or not short or len(answer.text.split()) > MAX_REMEDY_WORDS:
        return answer
    if not isinstance(after, Paragraph):
        return answer
    sentence = first_sentence(after)
    if sentence is None or sentence[0].endswith(":"):
        return answer
    return Answer(
        f"{answer.text} {sentence[0]}",
        f"{answer.html} {sentence[1]}",
        (*answer.blocks, after),
        answer.how,
    )


def _with_list_after(answer: Answer, sections: list[Section], ctx: ExtractContext) -> Answer | None:
    """For two questions in one ("Что такое Virtual DOM и как он работает?"), an
    opening that answers the first and the list right after it that answers the second
    (under a heading that announces it: "… следующим образом:"), as one back."""
    if answer.how != "opening" or len(answer.blocks) != 1:
        return None
    found = False
    for section in sections:
        if found and section.heading and not section.heading.rstrip().endswith(":"):
            return None  # a part of its own, not the rest of this answer
        for block in section.blocks:
            if found:
                listed = list_answer(block) if isinstance(block, ListBlock) else None
                if listed is None or ctx.is_claimed(block):
                    return None
                return Answer(
                    f"{answer.text}\n{listed.text}",
                    f"{answer.html}{listed.html}",
                    (*answer.blocks, block),
                    "whole",
                )
            found = block is answer.blocks[0]
    return None


def _code_only(answer: Answer) -> bool:
    """Code, or code under a one-line lead-in ("Если ты добавляешь объект в WeakMap:")."""
    if answer.how == "code":
        return True
    blocks = answer.blocks
    return (
        len(blocks) == 2
        and isinstance(blocks[1], CodeBlock)
        and answer.text.split("\n", 1)[0].rstrip().endswith(":")
    )


def _heads_its_points(question: str, answer: Answer, pack: LanguagePack) -> bool:
    """A short opening ("A B-tree index keeps the keys sorted in a balanced tree of
    pages.") to a question of how or why, which the list right after it goes on to
    explain point by point: the opening alone answers only the first part."""
    short = len(answer.text.split()) <= MAX_HEAD_WORDS
    return short and answer.how == "opening" and mentions_cue(pack, "question.explains", question)


def _announces(answer: Answer) -> bool:
    """An opening of one short sentence ("Тесты и мониторинг решают разные задачи.",
    "Both run code, and people mix them up."): it names the things and tells nothing
    of each; the parts that follow do."""
    return answer.how == "opening" and len(answer.text.split()) <= MAX_ANNOUNCE_WORDS


def complete(
    question: str, answer: Answer, sections: list[Section], pack: LanguagePack, ctx: ExtractContext
) -> Answer | None:
    """The answer made to answer the whole question, or None when the note's answer
    does not: code alone does not explain how something works or why; the labels of
    a list answer only a question that asks for the members; "How to avoid
    X?" needs the remedy, not only the cause; a question about several things needs
    each (their parts' first sentences, or the short section whole); one that asks two
    questions takes the short section whole, or keeps the opening for `fit` to cap."""
    if _code_only(answer) and mentions_cue(pack, "question.explains", question):
        return None
    sides = sides_of(question, pack)
    if sides is not None and _is_advice(answer.text, pack):
        return _contrast(sides, sections, pack, ctx)
    if answer.how == "digest" and not starts_with_cue(pack, "question.set", question):
        return None  # labels name the parts ("Определение", "CSR", "SSR"), they say nothing
    if mentions_cue(pack, "question.remedy", question):
        if mentions_cue(pack, "answer.remedy", answer.text):
            return answer
        whole = whole_answer(sections, ctx)
        if whole and mentions_cue(pack, "answer.remedy", whole.text):
            return whole
        return _solution(sections, pack, ctx)  # "Решение — …" after the cause
    if _heads_its_points(question, answer, pack):
        listed = _with_list_after(answer, sections, ctx)  # "How does X work?": the points
        if listed is not None:
            return listed
    if mentions_cue(pack, "question.compound", f" {question} "):
        whole = whole_answer(sections, ctx)  # more than the opening, or `fit` caps it
        if whole and len(whole.blocks) > len(answer.blocks):
            return whole
        return _with_list_after(answer, sections, ctx) or answer
    items = named_items(question, pack)
    told = mentions_each(answer.text, items, pack)
    if not items or (told and not _announces(answer)):
        return answer
    per_item = per_item_answer(items, sections)
    if per_item is not None and told:  # "X и Y решают разные задачи." then each
        return Answer(
            f"{answer.text}\n{per_item.text}",
            f"{answer.html}{per_item.html}",
            answer.blocks + per_item.blocks,
            "list",
        )
    if per_item is not None:
        return per_item
    if told:
        return answer
    whole = whole_answer(sections, ctx)
    if whole is not None and mentions_each(whole.text, items, pack):
        return whole
    return None if sides_of(question, pack) is None else answer  # `fit` decides
