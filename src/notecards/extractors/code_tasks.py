"""Coding tasks and their solutions: "task" cards.

Interview notes hold tasks: a statement ("## Задача", "Problem", a note whose text
opens with "Напишите функцию, которая …", or a comment at the top of the code such as
"// Write a function that …"), example input and output, and a solution ("Решение",
"Solution", a `<details><summary>Решение</summary>` block, or simply the code after
the statement). The card asks the statement with its examples and answers with the
solution code, highlighted in Anki, and the idea in one line when the note states it
("Идея: …", "Approach: …"). A task that asks for output ("Что будет выведено?") needs
a marked answer: its code belongs to the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape as html_escape

from notecards.extractors.answers import (
    is_cue_heading,
    mentions_cue,
    opening_answer,
    short_code,
    starts_with_cue,
    subtree,
)
from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack, pack_for
from notecards.model import (
    Block,
    Card,
    CodeBlock,
    HtmlBlock,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    Section,
)
from notecards.render.markup import highlight_code, spans_html
from notecards.text.guards import dangling, keep_mined, residue
from notecards.text.sentences import sentence_text, split_sentences

NAME = "code_tasks"
KIND = "task"
MAX_STATEMENT_CHARS = 600
MAX_SOLUTION_LINES = 60  # longer solutions make a card under the threshold (--all)
MAX_CARD_SOLUTION_LINES = 120
MAX_LABEL_WORDS = 4
LONG_SOLUTION_LINES = 30
MAX_SECTIONS_TO_SOLUTION = 3
MAX_IDEA_CHARS = 200
ANCHOR_CHARS = 300

CONFIDENCE = {
    "marked": 0.8,  # a statement, then a solution under its own label
    "code-after": 0.6,  # a statement, then the code that solves it
    "code-comment": 0.7,  # the statement is the comment at the top of the code
}
LONG_SOLUTION_PENALTY = 0.1
# past 60 lines a strict reader kept 1 of 3 on a real vault: a whole app, not a recall
VERY_LONG_SOLUTION_PENALTY = 0.25

_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.S | re.I)
_COMMENT_LINE = re.compile(r"^\s*(?://+|#+(?!include|!)|/\*+|\*+/?|--)\s?(.*?)\s*(?:\*/)?\s*$")
_EMPTY_BODY = re.compile(r"\{\s*(?://[^\n]*\s*)?\}|\bpass\b|\.\.\.\s*$|TODO|ваш код|your code")
# code that computes something: a definition, a loop, a branch, a return
_SOLVES = re.compile(r"\b(?:function|def|return|class|for|while|if|fn|func|lambda)\b|=>")
_COMPLEXITY = re.compile(r"\bO\([^)]{1,12}\)")
_EXAMPLE_LINE = re.compile(r"(?://|#)\s*(?:=>|->|→|output|вывод|результат|\S)")


@dataclass
class _Task:
    """What one task unit holds, in reading order."""

    statement: list[Block] = field(default_factory=list)
    solution: list[Block] = field(default_factory=list)
    marked: bool = False  # the solution had its own label


def _is_label(pack: LanguagePack, text: str, name: str) -> bool:
    """A paragraph that is only a label: "Решение:", "**Solution**", "🎯 Ответ"."""
    words = text.strip()
    return 0 < len(words.split()) <= MAX_LABEL_WORDS and is_cue_heading(pack, name, words)


def _solution_marker(pack: LanguagePack, block: Block) -> bool:
    if isinstance(block, Paragraph):
        return _is_label(pack, block.text, "task.solution")
    if isinstance(block, HtmlBlock):
        found = _SUMMARY.search(block.html)
        return found is not None and _is_label(
            pack, re.sub(r"<[^>]+>", "", found.group(1)), "task.solution"
        )
    if isinstance(block, Quote) and block.callout:
        return _is_label(pack, block.title or block.callout, "task.solution")
    return False


def _split(pack: LanguagePack, sections: list[Section], ctx: ExtractContext) -> _Task:
    """A unit's blocks split at the first solution label (a sub-heading, a label
    paragraph, a `<summary>`, a callout's title)."""
    task = _Task()
    for index, section in enumerate(sections):
        if index and is_cue_heading(pack, "task.solution", section.heading):
            task.marked = True
        for block in section.blocks:
            if ctx.is_claimed(block):
                continue
            if not task.marked and _solution_marker(pack, block):
                task.marked = True
                if isinstance(block, Quote):
                    task.solution += block.blocks
                continue
            (task.solution if task.marked else task.statement).append(block)
    return task


def _is_stub(code: str) -> bool:
    """Code that sets a task rather than solving it: empty bodies, "// ваш код"."""
    return _EMPTY_BODY.search(code) is not None or not code.strip()


def _comment_statement(code: str, pack: LanguagePack) -> tuple[str, str] | None:
    """(statement, rest of the code) when the code opens with a comment that sets a
    task ("// Напишите функцию …", "# Write a function …")."""
    lines = code.strip("\n").splitlines()
    comment: list[str] = []
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 (the index is read after the loop)
        found = _COMMENT_LINE.match(line)
        if found is None or not line.strip():
            break
        comment.append(found.group(1))
    else:
        index = len(lines)
    text = "\n".join(" ".join(line.split()) for line in comment if line.strip())
    labelled = _strip_label(pack, text)
    if not text or (labelled == text and not mentions_cue(pack, "task.statement", text)):
        return None
    rest = "\n".join(lines[index:]).strip("\n")
    return (labelled, rest) if rest.strip() else None


def _strip_label(pack: LanguagePack, text: str) -> str:
    """The statement without its "Задача:" / "Условие:" / "Task:" label."""
    found = starts_with_cue(pack, "task.heading", text)
    if found is None or text[found.end() : found.end() + 1] != ":":
        return text
    rest = text[found.end() + 1 :].lstrip()
    return rest[:1].upper() + rest[1:]


def _pieces(blocks: list[Block]) -> list[tuple[str, str]]:
    """The statement's sentences and list items as (plain, html), in order."""
    out: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            for spans in split_sentences(block.spans):
                text = sentence_text(spans)
                if text:
                    out.append((text, spans_html(spans)))
        elif isinstance(block, ListBlock):
            for item in block.items:
                first = item.paragraph
                if first is not None and first.text.strip():
                    out.append((f"- {first.text.strip()}", f"• {spans_html(first.spans)}"))
    return out


def _prose(blocks: list[Block], pack: LanguagePack | None = None) -> tuple[str, str]:
    """The statement's prose as (plain, html), cut at a sentence end; a sentence that
    ends without punctuation (a line of its own) keeps its line break."""
    text, html = "", ""
    pieces = _pieces(blocks)
    if pieces and pack is not None:
        stripped = _strip_label(pack, pieces[0][0])
        if stripped != pieces[0][0]:
            pieces[0] = (stripped, html_escape(stripped))
    for piece, piece_html in pieces:
        if text and len(text) + len(piece) > MAX_STATEMENT_CHARS:
            break
        glue = " " if text[-1:] in ".!?;,:" and not piece.startswith("- ") else "\n"
        text = f"{text}{glue}{piece}" if text else piece
        html = f"{html}{'<br>' if glue == chr(10) else ' '}{piece_html}" if html else piece_html
    return text, html


def _idea(pack: LanguagePack, blocks: list[Block], opening: bool = False) -> tuple[str, str]:
    """The solution's idea in one line: a paragraph labelled "Идея: …" / "Approach:
    …" (the first of the labels the pack lists first), else, with `opening`, the
    sentence a solution opens with before its code ("Walk the array once …")."""
    labelled = [
        (starts_with_cue(pack, "task.idea", b.text), b) for b in blocks if isinstance(b, Paragraph)
    ]
    ranked = sorted((m.group(0) != "сложность" and m.group(0) != "complexity", -i, b)
                    for i, (m, b) in enumerate(labelled) if m)  # fmt: skip
    chosen = ranked[-1][2] if ranked else None
    if chosen is None and opening and blocks and isinstance(blocks[0], Paragraph):
        chosen = blocks[0]
    texts: list[str] = []
    htmls: list[str] = []
    if chosen is not None:
        for spans in split_sentences(chosen.spans)[:2]:
            text = sentence_text(spans)
            if texts and len(" ".join(texts)) + len(text) > MAX_IDEA_CHARS:
                break
            if text and not text.endswith(":"):
                texts.append(text)
                htmls.append(spans_html(spans))
    if not _COMPLEXITY.search(" ".join(texts)):  # "O(n) time, O(1) space" when stated
        for block in blocks:
            if isinstance(block, Paragraph) and _COMPLEXITY.search(block.text):
                if len(block.text) <= MAX_IDEA_CHARS and block is not chosen:
                    texts.append(block.text.strip())
                    htmls.append(spans_html(block.spans))
                break
    if not texts or len(texts[0]) > MAX_IDEA_CHARS:
        return "", ""
    return " ".join(texts), " ".join(htmls)


def _code_html(block: CodeBlock, code: str | None = None) -> str:
    return highlight_code(code if code is not None else block.code.strip("\n"), block.language)


class _Builder:
    """Turns one task unit into its card, or into nothing."""

    def __init__(self, note: Note, ctx: ExtractContext, pack: LanguagePack) -> None:
        self.note, self.ctx, self.pack = note, ctx, pack

    def card(self, sections: list[Section], heading: str, anchor: str) -> Card | None:
        task = _split(self.pack, sections, self.ctx)
        codes = [b for b in task.statement if isinstance(b, CodeBlock)]
        text, html = _prose(task.statement, self.pack)
        if task.marked:
            solution = [b for b in task.solution if isinstance(b, CodeBlock)]
            if not solution:
                return self._prose_solution(task, sections, anchor, text, html, codes)
            return self._make(task, sections, anchor, text, html, codes, solution, "marked")
        if codes:  # a statement in the leading comment of the first code, no prose before
            first = task.statement.index(codes[0])
            found = _comment_statement(codes[0].code, self.pack)
            if found is not None and not _prose(task.statement[:first], self.pack)[0]:
                return self._from_comment(task, sections, anchor, codes[0], *found)
        return self._code_after(task, sections, anchor, heading)

    def _code_after(
        self, task: _Task, sections: list[Section], anchor: str, heading: str
    ) -> Card | None:
        """A statement that sets a task (an order, not a question), then its solution:
        the last code block, unless a lead-in ("… такой структуры:") announces it as
        part of the statement, or it is a stub to fill in."""
        blocks = task.statement
        last = max((i for i, b in enumerate(blocks) if isinstance(b, CodeBlock)), default=-1)
        if last < 0 or _is_stub(blocks[last].code):  # type: ignore[attr-defined]
            return None
        if not _SOLVES.search(blocks[last].code):  # type: ignore[attr-defined]
            return None  # data (an object, JSON, expected output), not a solution
        before = blocks[:last]
        text, html = _prose(before, self.pack)
        if not text and heading:
            text = html = heading
        if not mentions_cue(self.pack, "task.statement", text) or "?" in text:
            return None
        if text.endswith(":") and not _is_label(self.pack, text.splitlines()[-1], "task.solution"):
            return None
        examples = [b for b in before if isinstance(b, CodeBlock) and short_code(b) is not None]
        solution = [blocks[last]]
        assert isinstance(solution[0], CodeBlock)
        kept = _Task(before, [*blocks[last:], *task.solution], False)
        return self._make(kept, sections, anchor, text, html, examples, solution, "code-after")

    def _prose_solution(
        self,
        task: _Task,
        sections: list[Section],
        anchor: str,
        text: str,
        html: str,
        codes: list[CodeBlock],
    ) -> Card | None:
        """A marked answer in words ("Ответ: 3, потому что …"), for the task's code."""
        answer = opening_answer(task.solution, self.ctx, self.pack)
        if not text or answer is None:
            return None
        front = "\n".join([text, *(b.code.strip("\n") for b in codes)])
        front_html = html + "".join(_code_html(b) for b in codes)
        prose = (text, answer.text)
        return self._card(task, sections, anchor, front, front_html, answer.text, answer.html,
                          "marked", prose)  # fmt: skip

    def _from_comment(
        self,
        task: _Task,
        sections: list[Section],
        anchor: str,
        block: CodeBlock,
        statement: str,
        rest: str,
    ) -> Card | None:
        examples = [line for line in rest.splitlines() if _EXAMPLE_LINE.search(line)]
        examples = [line for line in examples if "(" in line][:4]
        front = "\n".join([statement, *examples])
        front_html = html_escape(statement).replace("\n", "<br>")
        if examples:
            front_html += _code_html(block, "\n".join(examples))
        after = task.statement[task.statement.index(block) + 1 :]
        idea, idea_html = _idea(self.pack, after)
        back = f"{idea}\n{rest}" if idea else rest
        back_html = (f"<p>{idea_html}</p>" if idea else "") + _code_html(block, rest)
        how, prose = "code-comment", (statement, idea)
        return self._card(task, sections, anchor, front, front_html, back, back_html, how, prose)

    def _make(
        self,
        task: _Task,
        sections: list[Section],
        anchor: str,
        text: str,
        html: str,
        examples: list[CodeBlock],
        solution: list[CodeBlock],
        how: str,
    ) -> Card | None:
        if not text or not solution:
            return None
        code = "\n\n".join(b.code.strip("\n") for b in solution if b.code.strip())
        if not code or code.count("\n") + 1 > MAX_CARD_SOLUTION_LINES:
            return None
        front = "\n".join([text, *(b.code.strip("\n") for b in examples)])
        front_html = html + "".join(_code_html(b) for b in examples)
        idea, idea_html = _idea(self.pack, task.solution or task.statement, task.marked)
        back = f"{idea}\n{code}" if idea else code
        back_html = (f"<p>{idea_html}</p>" if idea else "") + "".join(
            _code_html(b) for b in solution
        )
        prose = (text, idea)
        return self._card(task, sections, anchor, front, front_html, back, back_html, how, prose)

    def _card(
        self,
        task: _Task,
        sections: list[Section],
        anchor: str,
        front: str,
        front_html: str,
        back: str,
        back_html: str,
        how: str,
        prose: tuple[str, str],
    ) -> Card:
        """The card, with the registry's guards run on its prose only (statement, idea):
        code is not prose, and `**`, quotes or brackets in it are not markup residue."""
        confidence = CONFIDENCE[how]
        if back.count("\n") + 1 > LONG_SOLUTION_LINES:
            confidence -= LONG_SOLUTION_PENALTY
        if back.count("\n") + 1 > MAX_SOLUTION_LINES:
            confidence -= VERY_LONG_SOLUTION_PENALTY
        evidence = f"a task statement, then its solution ({how})"
        reason = _guard(prose, self.pack)
        if reason:
            confidence, evidence = 0.0, f"guard: {reason}"
        first = sections[0]
        for block in (*task.statement, *task.solution):
            self.ctx.claim(block)
        for section in sections:
            self.ctx.covered.add(section.line)
        line = first.line if first.heading else (task.statement or task.solution)[0].line
        return self.ctx.card(
            kind=KIND,
            extractor=NAME,
            rule=f"{NAME}.{how}",
            confidence=round(confidence, 2),
            evidence=evidence,
            # many tasks share a heading ("### Задача"): the statement tells them apart
            anchor=f"{anchor} › {front[:ANCHOR_CHARS]}",
            front=front,
            back=back,
            front_html=front_html,
            back_html=back_html,
            line=line,
            section=first if first.heading else None,
        )


def _guard(prose: tuple[str, str], pack: LanguagePack) -> str:
    """Why the task's prose makes no card ("" when it passes). The statement is a front
    that may end with "в виде:" before the example it shows, so it is checked for
    residue and dangling words only (set phrases such as "при этом" point nowhere);
    the idea, a back in words, gets every guard."""
    statement, idea = prose
    if residue(statement):
        return "markup residue"
    phrases = pack.cues.get("task.set_phrases")
    plain = re.sub(rf"(?i)\b(?:{phrases})\b", " ", statement) if phrases else statement
    if dangling(plain, pack):
        return "dangling reference"
    return keep_mined(plain, idea, pack) if idea else ""


def _sibling_solution(
    pack: LanguagePack, sections: tuple[Section, ...], index: int
) -> list[Section]:
    """A "## Solution" that follows "## Problem" as its sibling (perhaps after a "##
    Brute force" or two): the task's answer, though not nested under it."""
    level = sections[index].level
    siblings = [i for i in range(index + 1, len(sections)) if sections[i].level <= level]
    for i in siblings[:MAX_SECTIONS_TO_SOLUTION]:
        if sections[i].level < level:
            break
        if is_cue_heading(pack, "task.solution", sections[i].heading):
            return subtree(sections, i)
        if _task_heading(pack, sections[i].heading) is not None:
            break  # the next task
    return []


def _task_heading(pack: LanguagePack, heading: str) -> str | None:
    """The name a task heading gives ("Задача 1. Сумма промисов" → "Сумма промисов"),
    "" for a bare "Задача"; None when the heading does not set a task."""
    cleaned = re.sub(r"^[^\w]+", "", heading).strip()
    found = starts_with_cue(pack, "task.heading", cleaned)
    if found is None:
        return None
    return re.sub(r"^[\s\d.:№#)–—-]+", "", cleaned[found.end() :]).strip()


def extract_code_tasks(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per task: each task-headed section, else the whole note when its title
    or opening sets a task."""
    pack = pack_for(note.lang)
    if pack is None:
        return []
    builder = _Builder(note, ctx, pack)
    cards: list[Card] = []
    sections = note.sections
    for index, section in enumerate(sections):
        if not section.heading or section.line in ctx.covered:
            continue
        name = _task_heading(pack, section.heading)
        if name is None and not mentions_cue(pack, "task.statement", section.heading):
            continue
        if name is None:
            name = section.heading
        unit = subtree(sections, index) + _sibling_solution(pack, sections, index)
        card = builder.card(unit, name, " › ".join(section.path))
        if card is not None:
            cards.append(card)
    if cards or not sections:
        return cards
    title = note.title
    opening = next((b for _, b in note.blocks() if isinstance(b, Paragraph)), None)
    opens = opening.text if opening is not None else ""
    sets_task = _task_heading(pack, title) is not None or (
        starts_with_cue(pack, "task.statement", opens) is not None
        or _strip_label(pack, opens) != opens
    )
    codes = [b for _, b in note.blocks() if isinstance(b, CodeBlock)]
    if not sets_task and codes:
        sets_task = _comment_statement(codes[0].code, pack) is not None
    if sets_task and codes:
        whole = [s for s in sections if s.line not in ctx.covered]
        card = builder.card(whole, "", "note") if whole else None
        if card is not None:
            cards.append(card)
    return cards
