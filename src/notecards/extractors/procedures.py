"""Numbered lists that are processes → one card per step, and the whole sequence in order.

A numbered list is a procedure only on positive evidence (`list_shapes.process_evidence`):
a heading or lead-in cue of the language pack ("Установка", "Чтобы …, нужно:", "How to",
"Steps"), order words in the items ("затем", "then"), items that are actions. The more
evidence, the higher the cards' confidence. A list of labelled members, questions or
links is not a procedure (labelled_items.py asks the members); a numbered list of short
nouns is an order to learn (a "ranking" sequence) only under an order cue ("уровни",
"layers"). Each step becomes a card naming the procedure and the step's number; each
window of at most seven steps becomes a "sequence" card whose `items` the quiz uses for
its ordering mode.

A procedure is named by the sentence that introduces it, else the most specific heading
that names something (after the note's title when that heading is one word), else the
title: never a generic label ("Введение", "Overview", "Шаг 2") and never a counter;
a second list under the same name is left out rather than asked as "(2)".

Notes often interrupt a numbered list with unindented code blocks; markdown-it then
returns several lists (start 1, start 2, ...). Consecutive ordered lists in a section
whose numbering continues are merged back into one procedure, and the code between
them belongs to the step before it (it is shown on that step's card).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notecards.extractors.base import ExtractContext
from notecards.extractors.list_shapes import (
    counts_steps,
    has_cue,
    headings_of,
    is_generic_label,
    is_link_list,
    is_question_list,
    labelled_items,
    process_evidence,
    set_question,
)
from notecards.lang import PACKS, LanguagePack, pack_for
from notecards.model import (
    Block,
    Card,
    CodeBlock,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Section,
)
from notecards.render.markup import highlight_code, spans_html, text_html
from notecards.text.terms import key

NAME = "procedures"

WINDOW = 7  # the most steps one ordering card asks for
OVERLAP = 2  # windows share steps so the seams are learned too: 1–7, 6–12, ...
MAX_GAP = 4  # blocks allowed between two parts of one numbered list
BACK_LIMIT = 220  # a step's answer: its first sentence, plus the second if short
ITEM_LIMIT = 130  # a step's text in a sequence
NAME_LIMIT = 120
INTRO_LIMIT = 400  # longer "sentences" are not introductions (and are not regex-scanned)
CODE_LIMIT = 3000  # code shown on the back of a step card
BACK_CODE_LINES = 5  # lines of a step's code quoted in its plain-text answer
SCAN_LIMIT = 1000  # only this much of a step or an introduction is split into sentences
WINDOWED_PENALTY = 0.1
STEP_PENALTY = 0.2  # steps asked one by one: none of 10 sampled from real vaults kept
# A procedure a student would ask about by name (`is_asked_by_name`): one the note
# introduces ("Рассмотрим установку …"), or whose name or heading says it is a process
# ("Установка Docker", "How to convert …"). Lists named only by a heading or the note's
# title ("Security zones", "Практический минимум для старта", "Слайд 7") were kept 3
# times in 14 on real vaults, their single steps never: they stay below the threshold.
UNNAMED_CONFIDENCE = 0.4
MIN_NAME_WORDS = 2  # "Scheduler", "Миграция": a part of a note, not a procedure's name

# ---------------------------------------------------------------- naming a procedure


@dataclass(frozen=True, slots=True)
class ProcedureName:
    """What the cards call a procedure, and which template family fits its grammar."""

    text: str
    style: str  # named | quoted | howto
    source: str = "heading"  # intro | heading | colon | title: where the name came from


def _clean_name(text: str) -> str:
    return " ".join(text.split()).strip(" .:;,?!…—–-")


def _goal_intro(sentence: str, pack: LanguagePack) -> ProcedureName | None:
    """A procedure a sentence names by its goal ("To run any CUDA program, there are three
    main steps" → "How to run a CUDA program"), not by the sentence itself."""
    pattern = pack.cues.get("procedure.goal_intro")
    match = re.match(pattern, sentence, re.IGNORECASE) if pattern else None
    if match is None:
        return None
    any_word = pack.cues.get("procedure.any")
    name = " ".join(match.group("name").split())
    if any_word:
        any_as = pack.questions.get("procedure.any_as", "")

        def article(found: re.Match[str]) -> str:
            # "any endpoint" → "an endpoint"; the note's own "a unit test" stays
            vowel = name[found.end() :].lstrip()[:1].lower() in tuple("aeiou")
            return "an" if any_as == "a" and vowel else any_as

        name = " ".join(re.sub(any_word, article, name, flags=re.I).split())
    if "procedure.howto.sequence" in pack.questions:
        return ProcedureName(name, "howto", "intro")
    return ProcedureName(pack.ask("procedure.goal_name", x=name), "named", "intro")


def name_from_intro(sentence: str, lang: str) -> ProcedureName | None:
    """The procedure a sentence introduces ("Рассмотрим установку…" → "установка…")."""
    pack = pack_for(lang)
    sentence = _clean_name(sentence)
    if pack is None or not sentence or len(sentence) > INTRO_LIMIT:
        return None
    adverb = pack.cues.get("procedure.leading_adverb")
    if adverb:  # "Typically, the lifecycle of …": the adverb is no part of the name
        sentence = re.sub(adverb, "", sentence, count=1, flags=re.IGNORECASE)
    goal = _goal_intro(sentence, pack)
    if goal is not None:
        return goal
    for regex, style in pack.procedure_intros:
        match = regex.fullmatch(sentence)
        if match is None:
            continue
        name = _clean_name(match.group("name"))
        if not name or pack.procedure_generic_name.search(name):
            continue
        if style == "accusative":  # the object of "рассмотрим X": a title if it can be
            title = pack.object_as_title(name)
            if title:
                return ProcedureName(title, "named", "intro")
            return ProcedureName(name, "quoted", "intro")
        return ProcedureName(name, style, "intro")
    return None


def _colon_intro(sentence: str, pack: LanguagePack) -> ProcedureName | None:
    """A sentence ending in ":" that is not just "the steps are as follows:"."""
    text = " ".join(sentence.split())
    if not text.endswith(":") or len(text) > NAME_LIMIT:
        return None
    name = _clean_name(text)
    if not name or pack.procedure_generic_name.search(name) or is_generic_label(name, pack):
        return None
    return ProcedureName(name, "quoted", "colon")


_TITLE_NUMBER = re.compile(r"^\s*\d+[\s.)_-]+(?=\D)")
_LEADING_MARKS = re.compile(r"^(?:[^\w\s]+|\d+[.)]|\s)+")  # "🔹 ", "5) ", "1. "
SHORT_HEADING_WORDS = 1  # a heading this short names a part of the note, not the whole


def note_name(note: Note) -> str:
    """The note's title without the number some vaults put first ("071 Что такое X")."""
    title = _clean_name(_TITLE_NUMBER.sub("", note.title))
    return title or _clean_name(note.title) or note.title


def _heading_name(section: Section, note: Note, pack: LanguagePack) -> ProcedureName:
    """The most specific heading that names something, after the note's title when it
    is short ("Установка" says what only with its note); else the note's title.

    Generic labels ("Введение", "Overview", "Пример 2", "Шаги") never name a procedure."""
    title = note_name(note)
    for heading in reversed(section.path):
        name = _clean_name(_LEADING_MARKS.sub("", heading))
        if not name or is_generic_label(name, pack) or key(name) == key(title):
            continue
        if len(name.split()) <= SHORT_HEADING_WORDS and key(title) not in key(name):
            return ProcedureName(f"{title}: {name}", "named")
        return ProcedureName(name, "named")
    return ProcedureName(title, "named", "title")


# ---------------------------------------------------------------- sentences

# A sentence end: the last of a run of ".!?…", before closing quotes and a space. One
# character is matched and the lookahead only scans closing quotes, so the scan stays
# linear even on "......" or ")))))" runs of any length.
_BOUNDARY = re.compile(r"[.!?…](?=[\"»”’')\]]*\s)")
_CLOSERS = "\"»”’')]"
_OPENERS = '«“"(['
_ABBREVIATIONS = frozenset(
    [
        "т.е",
        "т.к",
        "т.д",
        "т.п",
        "т.н",
        "др",
        "см",
        "ср",
        "напр",
        "рис",
        "стр",
        "им",
        "гг",
        "ок",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "fig",
        "approx",
        "mr",
        "mrs",
        "dr",
        "no",
        "nos",
    ]
)


def sentences(text: str) -> list[str]:
    """Split prose at sentence ends (not after "т.е.", "e.g." or inside "TLS 1.3")."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        following = text[after : after + 1]
        if not following or not (
            following.isupper() or following.isdigit() or following in _OPENERS
        ):
            continue
        words = text[max(start, match.start() - 24) : match.start()].rsplit(None, 1)
        word = words[-1].lower().lstrip(_OPENERS) if words else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        out.append(text[start:end].strip())
        start = after
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space, with "…" when cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip(" ,;:—–-") + "…"


def short_answer(text: str) -> str:
    """First sentence, plus the second when both are short: a flashcard's answer."""
    parts = sentences(text[:SCAN_LIMIT])
    if not parts:
        return ""
    answer = parts[0]
    if len(parts) > 1 and len(answer) + 1 + len(parts[1]) <= BACK_LIMIT:
        answer = f"{answer} {parts[1]}"
    return cut(answer, BACK_LIMIT + 80)


# ---------------------------------------------------------------- procedures


@dataclass(slots=True)
class Step:
    """One numbered item and the code shown with it."""

    number: int
    item: ListItem
    text: str  # the item's first paragraph, spaces collapsed
    code: list[CodeBlock] = field(default_factory=list)

    @property
    def answer(self) -> str:
        return short_answer(self.text)

    @property
    def back(self) -> str:
        """The answer; a step that ends in ":" ("Run:") is answered by its code too."""
        answer = self.answer
        if not answer.endswith(":") or not self.code:
            return answer
        lines = [line.rstrip() for line in self.code[0].code.splitlines() if line.strip()]
        shown = "\n".join(cut(line, 200) for line in lines[:BACK_CODE_LINES])
        more = "\n…" if len(lines) > BACK_CODE_LINES else ""
        return f"{answer}\n{shown}{more}" if shown else answer

    @property
    def short(self) -> str:
        """The step as one line of an ordering question: its first sentence."""
        parts = sentences(self.text[:SCAN_LIMIT])
        first = parts[0] if parts else self.text
        if first.endswith(".") and not first.endswith(".."):
            first = first[:-1]
        return cut(first, ITEM_LIMIT)


@dataclass(slots=True)
class Procedure:
    """Ordered lists of one section merged into one numbered sequence."""

    section: Section
    lists: list[ListBlock]
    steps: list[Step]
    intro: Paragraph | None  # the paragraph right before the first list


def _item_text(item: ListItem) -> str:
    return " ".join(item.text.split())


def _steps_of(block: ListBlock) -> list[Step]:
    steps = []
    for number, item in enumerate(block.items, block.start):
        code = [b for b in item.blocks if isinstance(b, CodeBlock)]
        steps.append(Step(number, item, _item_text(item), code))
    return steps


def _continues(block: Block, last: int, ctx: ExtractContext) -> bool:
    return (
        isinstance(block, ListBlock)
        and block.ordered
        and bool(block.items)
        and not ctx.is_claimed(block)
        and block.start == last + 1
    )


def _collect(section: Section, index: int, ctx: ExtractContext) -> tuple[Procedure, int]:
    """The procedure starting at blocks[index]; also the index to resume scanning at."""
    blocks = section.blocks
    first = blocks[index]
    assert isinstance(first, ListBlock)
    before = blocks[index - 1] if index > 0 else None
    intro = before if isinstance(before, Paragraph) else None
    procedure = Procedure(section, [first], _steps_of(first), intro)
    interleaved = False
    last_index = index
    gap: list[Block] = []
    for position in range(index + 1, len(blocks)):
        block = blocks[position]
        if _continues(block, procedure.steps[-1].number, ctx):
            assert isinstance(block, ListBlock)
            gap_code = [b for b in gap if isinstance(b, CodeBlock)]
            procedure.steps[-1].code += gap_code
            interleaved = interleaved or bool(gap_code)
            procedure.lists.append(block)
            procedure.steps += _steps_of(block)
            last_index, gap = position, []
            continue
        if (isinstance(block, ListBlock) and block.ordered) or len(gap) >= MAX_GAP:
            break
        gap.append(block)
    _attach_trailing_code(procedure, blocks, last_index + 1, interleaved)
    return procedure, last_index + 1


def _attach_trailing_code(
    procedure: Procedure, blocks: tuple[Block, ...], index: int, interleaved: bool
) -> None:
    """Code right after the list belongs to the last step when the list already
    alternated steps and code, or when the last step ends with ":"."""
    last = procedure.steps[-1]
    if not (interleaved or last.text.endswith(":")):
        return
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, CodeBlock):
            break
        last.code.append(block)
        index += 1


def _navigation(steps: list[Step]) -> bool:
    """A numbered table of contents (every item only a link) is not a sequence to learn."""
    for step in steps:
        paragraph = step.item.paragraph
        if paragraph is None:
            return False
        kinds = {span.kind for span in paragraph.spans if span.kind != "text" or span.text.strip()}
        if not kinds or not kinds <= {"link", "wikilink"}:
            return False
    return True


def find_procedures(note: Note, ctx: ExtractContext) -> list[Procedure]:
    """Every numbered sequence of two or more items, merged across code blocks."""
    found: list[Procedure] = []
    for section in note.sections:
        index = 0
        blocks = section.blocks
        while index < len(blocks):
            block = blocks[index]
            if (
                isinstance(block, ListBlock)
                and block.ordered
                and block.items
                and not ctx.is_claimed(block)
            ):
                procedure, index = _collect(section, index, ctx)
                steps = procedure.steps
                if len(steps) >= 2 and all(s.text for s in steps) and not _navigation(steps):
                    found.append(procedure)
                continue
            index += 1
    return found


def intro_sentence(procedure: Procedure) -> str:
    """The last sentence of the paragraph right before the list, or ""."""
    if procedure.intro is None:
        return ""
    parts = sentences(" ".join(procedure.intro.text[-SCAN_LIMIT:].split()))
    return parts[-1] if parts else ""


def name_procedure(procedure: Procedure, note: Note) -> ProcedureName:
    """From an introducing sentence, else the heading, else a ":" sentence, else the title.

    An explicit introduction ("Рассмотрим X", "Here is how to X") is the most specific
    name; a bare "X:" line is often generic, so a real heading is preferred to it.
    """
    pack = pack_for(note.lang) or PACKS["en"]
    last_sentence = intro_sentence(procedure)
    named = name_from_intro(last_sentence, pack.code) if last_sentence else None
    if named is not None:
        return _limit(named)
    heading = _heading_name(procedure.section, note, pack)
    has_heading = any(not is_generic_label(t, pack) for t in procedure.section.path)
    colon = _colon_intro(last_sentence, pack) if last_sentence else None
    if colon is not None and not has_heading:
        return _limit(colon)
    return _limit(heading)


def _limit(name: ProcedureName) -> ProcedureName:
    return ProcedureName(cut(name.text, NAME_LIMIT), name.style, name.source)


def is_asked_by_name(found: Finding, section: Section, pack: LanguagePack) -> bool:
    """Whether a student would ask for this procedure by its name: the note introduces
    it, or the heading over the list or its name (a phrase of its own) says it is a
    process ("How to convert decimal to octal", "TCP: Handshake"); not "Scheduler",
    "Слайд 8", "1 Быстрый чек-лист" or a heading over a list whose items merely say
    "then" (2 kept in 10 of those on a fresh sample of real vaults)."""
    name = found.name
    if name.source == "intro":
        return True
    if section.heading and has_cue(section.heading, pack.process_words):
        return True  # "## Как работает", "## Procedure" over the list
    words = name.text.split()
    counted = bool(words) and words[0][:1].isdigit()
    return len(words) >= MIN_NAME_WORDS and not counted and has_cue(name.text, pack.process_words)


def _confidence_of_steps(found: Finding) -> float:
    """Steps asked one by one are kept less often than the whole sequence (none of 13
    on real vaults; the corpus's gold wants no step of "How to install …" either): only
    the steps of a procedure the note introduces by name reach a deck."""
    confidence = round(found.confidence - STEP_PENALTY, 2)
    return confidence if found.name.source == "intro" else min(confidence, UNNAMED_CONFIDENCE)


def is_imperative(steps: list[Step], lang: str) -> bool:
    """Most steps start with an order ("Откройте…", "Open…") rather than a statement:
    such steps are asked "what do you do?"."""
    pack = pack_for(lang) or PACKS["en"]
    count = sum(pack.is_order(step.text.split(" ", 1)[:1]) for step in steps)
    return count * 2 > len(steps)


def is_step_list(steps: list[Step]) -> bool:
    """Steps say something; a ranking of short nouns (OSI layers, top-5) does not."""
    words = sum(len(step.text.split()) for step in steps) / len(steps)
    ends = any(step.text.endswith((".", "!", "?", ":", ";")) for step in steps)
    return words >= 4 or ends


# ---------------------------------------------------------------- cards


def _front(name: ProcedureName, lang: str, template: str, **numbers: int) -> str:
    """The question, from the language pack's family for how the name reads."""
    pack = pack_for(lang) or PACKS["en"]
    style = name.style if f"procedure.{name.style}.{template}" in pack.questions else "quoted"
    text = name.text
    title = text[:1].upper() + text[1:]
    values = {key: str(number) for key, number in numbers.items()}
    return pack.ask(f"procedure.{style}.{template}", Name=title, name=text, **values)


def _windows(count: int) -> list[tuple[int, int]]:
    """[start, end) index ranges of at most WINDOW steps, overlapping by OVERLAP."""
    if count <= WINDOW:
        return [(0, count)]
    windows = []
    start = 0
    while True:
        end = min(start + WINDOW, count)
        windows.append((start, end))
        if end == count:
            return windows
        start = end - OVERLAP


def _step_back_html(step: Step, ctx: ExtractContext) -> str:
    """The answer with its emphasis when it is the whole paragraph, then its code."""
    paragraph = step.item.paragraph
    whole = paragraph is not None and step.answer == step.text
    answer = spans_html(paragraph.spans, ctx.render) if whole and paragraph else None
    parts = [answer or text_html(step.answer)]
    for block in step.code[:3]:
        parts.append(highlight_code(block.code[:CODE_LIMIT].rstrip("\n"), block.language))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """A list read as a procedure: its name, its cards' anchor, and how sure."""

    name: ProcedureName
    base: str
    confidence: float
    evidence: str


def _step_cards(procedure: Procedure, found: Finding, ctx: ExtractContext) -> list[Card]:
    name, base = found.name, found.base
    lang, total = ctx.note.lang, len(procedure.steps)
    template = "step-imperative" if is_imperative(procedure.steps, lang) else "step"
    confidence = _confidence_of_steps(found)
    if not ctx.kept(confidence):
        return []  # the registry would drop them all
    cards = []
    for position, step in enumerate(procedure.steps, 1):
        cards.append(
            ctx.card(
                kind="step",
                extractor=NAME,
                rule=f"{NAME}.step",
                confidence=confidence,
                evidence=found.evidence,
                anchor=f"{base} › {step.number}",
                front=_front(name, lang, template, n=position, total=total),
                back=step.back,
                back_html=_step_back_html(step, ctx),
                line=step.item.line,
                section=procedure.section,
            )
        )
    return cards


def _sequence_cards(
    procedure: Procedure, found: Finding, steps: bool, ctx: ExtractContext
) -> list[Card]:
    name, base = found.name, found.base
    lang, total = ctx.note.lang, len(procedure.steps)
    windows = _windows(total)
    # a window of a long list is harder to keep than a whole short one
    confidence = found.confidence - (WINDOWED_PENALTY if len(windows) > 1 else 0.0)
    pack = pack_for(lang) or PACKS["en"]
    if not is_asked_by_name(found, procedure.section, pack):
        confidence = min(confidence, UNNAMED_CONFIDENCE)
    confidence = round(confidence, 2)
    if not ctx.kept(confidence):
        return []  # the registry would drop them all
    cards = []
    for start, end in windows:
        part = procedure.steps[start:end]
        items = tuple(step.short for step in part)
        if len(windows) == 1:
            template = "sequence" if steps else "ranking"
            front = _front(name, lang, template)
            anchor = f"{base} › sequence"
        else:
            template = "window" if steps else "ranking-window"
            front = _front(name, lang, template, a=start + 1, b=end, total=total)
            anchor = f"{base} › sequence {part[0].number}"
        back = "\n".join(f"{start + i}. {text}" for i, text in enumerate(items, 1))
        listed = "".join(f"<li>{text_html(text)}</li>" for text in items)
        cards.append(
            ctx.card(
                kind="sequence",
                extractor=NAME,
                rule=f"{NAME}.{'sequence' if steps else 'ranking'}",
                confidence=confidence,
                evidence=found.evidence,
                anchor=anchor,
                front=front,
                back=back,
                back_html=f'<ol start="{start + 1}">{listed}</ol>',
                line=part[0].item.line,
                section=procedure.section,
                items=items,
            )
        )
    return cards


def _reading(
    procedure: Procedure, pack: LanguagePack, ctx: ExtractContext
) -> tuple[str, float, str]:
    """How to read a numbered list: ("steps" | "ranking" | "", confidence, evidence).

    Steps need positive evidence of a process (`list_shapes.process_evidence`); a list
    whose items are labelled members, questions or links, or whose lead-in announces a
    set ("Основные принципы:"), is not a procedure; a list of short nouns is an order to
    learn only when a cue says it is one ("Уровни модели OSI", "layers")."""
    steps = procedure.steps
    lead = intro_sentence(procedure)
    for block in procedure.lists:
        if is_question_list(block) or is_link_list(block):
            return "", 0.0, ""
        labelled = labelled_items(block, ctx.text)
        if labelled and not counts_steps(labelled):
            return "", 0.0, ""
    headings = headings_of(procedure.section, ctx.note)
    if any(has_cue(text, pack.evaluation_words) for text in (lead, headings[-1])):
        return "", 0.0, ""  # "Частые ошибки", "Pros": a list of points, not a process
    evidence = process_evidence([s.text for s in steps], lead, headings, pack)
    set_leadin = lead.endswith(":") and set_question(lead, pack) is not None
    if set_leadin and "lead-in" not in evidence.reasons:
        return "", 0.0, ""
    if is_step_list(steps):
        if not evidence.confidence:
            return "", 0.0, ""
        return "steps", evidence.confidence, ", ".join(evidence.reasons)
    cue_text = [lead, *headings[-2:]]
    if any(has_cue(t, pack.ranking_words) or has_cue(t, pack.process_words) for t in cue_text):
        return "ranking", 0.6, "short items under an order cue"
    return "", 0.0, ""


def extract_procedures(note: Note, ctx: ExtractContext) -> list[Card]:
    """A card per step of every numbered procedure, and its order as sequence cards."""
    pack = pack_for(note.lang)
    if pack is None:
        return []
    cards: list[Card] = []
    used: set[str] = set()
    for procedure in find_procedures(note, ctx):
        reading, confidence, evidence = _reading(procedure, pack, ctx)
        if not reading:
            continue
        name = name_procedure(procedure, note)
        if name.text.endswith("…"):
            continue  # a name cut short ("…»"): a reader cannot tell which procedure
        if key(name.text) in used:
            continue  # two lists under one name: their questions could not be told apart
        used.add(key(name.text))
        base = " › ".join((*procedure.section.path, name.text))
        found = Finding(name, base, confidence, evidence)
        if reading == "steps":
            cards += _step_cards(procedure, found, ctx)
        cards += _sequence_cards(procedure, found, reading == "steps", ctx)
        for block in procedure.lists:
            ctx.claim(block, procedure.section)
    return cards
