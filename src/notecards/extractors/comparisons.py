"""Comparisons: pros and cons lists, and tables that compare two or three things.

"### Плюсы" / "**Cons:**" over a list becomes "Какие плюсы у SPA?" / "What are the
drawbacks of microservices?", answered by the list (or its labels when it is long).
A table with one column per item ("| Критерий | ref | reactive |") or one row per item,
for two or three items, becomes "Чем отличаются ref и reactive?" / "What is the
difference between X and Y?", answered row by row. The thing the pros belong to is the
nearest heading that names a term, else the note's title without "Плюсы и минусы".
"""

from __future__ import annotations

import itertools
import re

from notecards.extractors.answers import Answer, is_cue_heading, list_answer, starts_with_cue
from notecards.extractors.base import ExtractContext
from notecards.extractors.list_shapes import is_link_item
from notecards.lang import LanguagePack, pack_for
from notecards.model import Block, Card, ListBlock, Note, Paragraph, Section, Table, plain_text
from notecards.text.morphology import agrees_as_subject, is_bare_adjective
from notecards.text.terms import CYRILLIC, is_term, key
from notecards.text.topics import is_named

NAME = "comparisons"
MAX_LABEL_WORDS = 4
MIN_ITEMS, MAX_ITEMS = 2, 3
MAX_ROWS = 8
MAX_BACK_CHARS = 600
MAX_ITEM_WORDS = 4
# how sure a pros/cons card is, by where its owner was found (read on real vaults): a
# label that names it, a title "Плюсы и минусы X", the nearest heading, a plain title
OWNER_CONFIDENCE = {"label": 0.7, "title-sides": 0.7, "heading": 0.6, "title": 0.5}
TABLE_CONFIDENCE = 0.6

_CODE_CHARS = re.compile(r"[=<>{}`&|$]")
_JOINED = re.compile(r"[/+]")  # "Standart/Basic", "Быстрый HMR + tree-shaking": not one thing
MIN_CRITERIA = 2  # one criterion ("Format", "Description") is a list, not a comparison
_OPEN_BRACKET = re.compile(r"\s*\([^)]*$")
_VS = re.compile(r"\s(?:vs\.?|versus)\s", re.I)
_LABEL_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def _side(pack: LanguagePack, text: str) -> tuple[str, str] | None:
    """("pros" | "cons", owner) when `text` is a label for one side: "Плюсы", "**Cons:**",
    or with its owner, "Advantages of static typing" / "Минусы SPA" (owner "" if none)."""
    text = _LABEL_EDGES.sub("", text)
    for side in ("pros", "cons"):
        found = starts_with_cue(pack, f"comparison.{side}", text)
        if found is None:
            continue
        rest = re.sub(r"^\s*(?:of|у|for|для)?\s+", "", text[found.end() :]).strip(" :—-")
        rest = _owner_text(rest)
        if not rest or rest[0] in "/&+,":  # "Limitations/Issues": a label with a synonym
            return side, ""
        if len(rest.split()) <= MAX_LABEL_WORDS and is_term(rest) and _names(pack, rest):
            return side, rest
    return None


def _owner_text(text: str) -> str:
    """ "JWT (JSON Web Token" → "JWT": an owner without a bracket left open."""
    return _OPEN_BRACKET.sub("", text).strip(" :—-")


def _names(pack: LanguagePack, owner: str) -> bool:
    """An owner that names something, not "такого подхода" / "this approach"."""
    pattern = pack.cues.get("purpose.dangling", "")
    return not re.search(rf"(?<!\w)(?:{pattern}|такого|такой)(?!\w)", owner, re.I)


def _strip_sides(pack: LanguagePack, title: str) -> str:
    """ "Плюсы и минусы SPA" → "SPA", "Pros and cons of microservices" → "microservices"."""
    pattern = rf"(?:{pack.cues['comparison.pros']}|{pack.cues['comparison.cons']})"
    joined = rf"^{pattern}(?:\s+(?:и|and|&)\s+{pattern})?(?:\s+(?:of|у))?\s+"
    return re.sub(joined, "", title.strip(), flags=re.I).strip(" :—-")


def _owner(note: Note, section: Section | None, pack: LanguagePack) -> tuple[str, str]:
    """What the pros or cons belong to: the nearest enclosing heading that names a
    term, else the note's title (without "Плюсы и минусы"); and where it came from."""
    path = section.path if section is not None else ()
    for index in range(len(path) - 1, -1, -1):
        cleaned = _owner_text(_LABEL_EDGES.sub("", path[index]))
        if _side(pack, cleaned) or key(cleaned) in pack.generic_headings or _VS.search(cleaned):
            continue
        if is_cue_heading(pack, "comparison.label_owner", cleaned):
            continue  # "Tradeoffs", "Итого": a part of the note, the owner is further out
        if not _strip_sides(pack, f"{cleaned} ·").strip(" ·"):
            continue  # "Плюсы и минусы", "Pros and cons": both sides, no owner
        if _is_adjective(cleaned, pack):  # "Кооперативная": of which noun?
            qualified = _qualified(cleaned, [note.title, *path[:index]], pack)
            return (qualified, "heading") if qualified else ("", "")
        if is_term(cleaned) and _names(pack, cleaned):
            return cleaned, "heading"
    title = _owner_text(_strip_sides(pack, note.title))
    if not is_term(title) or _VS.search(title) or not _names(pack, title):
        return "", ""
    return title, "title-sides" if title != note.title.strip() else "title"


_EN_ADJECTIVE = re.compile(r"[A-Za-z]{3,}(?:ive|ous|able|ible|ful|less)")


def _is_adjective(label: str, pack: LanguagePack) -> bool:
    """A heading that is one adjective ("Кооперативная", "Preemptive"): it labels a kind
    of what the heading above names, and asks about nothing on its own."""
    if pack.code == "ru":
        return is_bare_adjective(label)
    return _EN_ADJECTIVE.fullmatch(label) is not None


def _qualified(adjective: str, outer: list[str], pack: LanguagePack) -> str:
    """The adjective with the noun it qualifies, from the nearest heading above that is
    one noun ("Кооперативная" under "Многозадачность" → "Кооперативная многозадачность"),
    or "" when there is none it agrees with."""
    for heading in reversed(outer):
        noun = _owner_text(_LABEL_EDGES.sub("", heading))
        if not noun or _side(pack, noun) or key(noun) in pack.generic_headings:
            continue
        if len(noun.split()) != 1:
            return ""
        if pack.code == "ru" and not agrees_as_subject(adjective, noun):
            return ""
        if pack.code != "ru":  # "the drawbacks of cooperative multitasking"
            adjective = adjective.lower()
        return f"{adjective} {noun if noun.isupper() else noun.lower()}"
    return ""


def _ask_side(pack: LanguagePack, side: str, owner: str, genitive: bool) -> str:
    """ "Какие плюсы у SPA?"; a Russian noun needs its genitive, so unless the note
    wrote it so ("Плюсы и минусы микрофронтендов"), "Микросервисы: какие плюсы?"."""
    if pack.code == "ru" and CYRILLIC.search(owner) and not genitive:
        return pack.ask(f"comparison.{side}.context", x=owner)
    return pack.ask(f"comparison.{side}", x=owner)


def _side_lists(section: Section, pack: LanguagePack) -> list[tuple[str, str, Block, ListBlock]]:
    """(side, owner, where, list) for a pros/cons heading over a list, or a label
    paragraph ("**Минусы:**", "**Advantages of static typing**") right before one; a
    bare label takes the owner the label before it named."""
    found: list[tuple[str, str, Block, ListBlock]] = []
    blocks = section.blocks
    heading_side = _side(pack, section.heading) if section.heading else None
    if heading_side:
        first = next((b for b in blocks if isinstance(b, ListBlock)), None)
        if first is not None:
            found.append((*heading_side, first, first))
        return found
    owner = ""
    for before, block in itertools.pairwise(blocks):
        if isinstance(before, Paragraph) and isinstance(block, ListBlock):
            label = before.text.strip()
            side = _side(pack, label) if len(label.split()) <= 2 * MAX_LABEL_WORDS else None
            if side:
                owner = side[1] or owner
                found.append((side[0], owner, before, block))
    return found


_MARKED_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+\[.\]\s")  # "- [p] …", "- [x] …"


def _not_opinions(block: ListBlock) -> bool:
    """A list under "Pros" that holds links to read ("- :newspaper: [Article](…)") or
    items marked as tasks ("- [p] …"): not the pros themselves, or not as a reader
    would keep them."""
    if any(_MARKED_ITEM.match(item.source) or item.checked is not None for item in block.items):
        return True
    return any(map(is_link_item, block.items))


def _cells(row: tuple) -> list[str]:
    return [" ".join(plain_text(cell).split()) for cell in row]


def _table_answer(table: Table, pack: LanguagePack) -> tuple[list[str], str] | None:
    """(items, back) of a table comparing two or three items: one per column when the
    first header cell is a criterion label ("Критерий", "Feature", or empty), else one
    per row."""
    header = _cells(table.header)
    rows = [_cells(r) for r in table.rows]
    if not rows or len(rows) > MAX_ROWS or len(header) < 2 or "$" in table.source:
        return None
    if any(not cell for row in rows for cell in row[: len(header)]):
        return None  # a table to fill in, not a comparison
    criteria = not header[0] or is_cue_heading(pack, "comparison.criterion", header[0])
    if not criteria and _names_columns(header, rows):
        criteria = True  # "| Поведение | var | let/const |": the columns are compared
    if criteria and MIN_ITEMS <= len(header) - 1 <= MAX_ITEMS and len(rows) >= MIN_CRITERIA:
        items = header[1:]
        lines = [
            f"{r[0]}: " + "; ".join(f"{i} — {v}" for i, v in zip(items, r[1:], strict=False))
            for r in rows
        ]
    elif not criteria and MIN_ITEMS <= len(rows) <= MAX_ITEMS and len(header) > MIN_CRITERIA:
        reference = [h for h in header[1:] if is_cue_heading(pack, "comparison.reference", h)]
        if 2 * len(reference) >= len(header) - 1:
            return None  # "Method | Description | Example": a reference of each, no comparison
        items = [r[0] for r in rows]
        lines = [
            f"{r[0]}: " + "; ".join(f"{h} — {v}" for h, v in zip(header[1:], r[1:], strict=False))
            for r in rows
        ]
    else:
        return None
    if not all(_is_item(pack, item) for item in items):
        return None  # "1, 2, 3", "Description / Examples", "onClick={handler}": not things
    if any(is_cue_heading(pack, "comparison.cases", item) for item in items):
        return None  # best / average / worst case: one thing's cases, no comparison
    back = ""
    for line in lines:
        if back and len(back) + len(line) > MAX_BACK_CHARS:
            break
        back = f"{back}\n{line}" if back else line
    return items, back


# a name in a table cell: code ("var", "let/const", "useMemo()") or a well-known name
_CODE_CELL = re.compile(r"[a-z_$][\w$.]*(?:\(\))?(?:\s*/\s*[a-z_$][\w$.]*(?:\(\))?)*")


def _is_name_cell(cell: str) -> bool:
    return bool(_CODE_CELL.fullmatch(cell)) or any(is_named(w) for w in cell.split())


def _names_columns(header: list[str], rows: list[list[str]]) -> bool:
    """A header whose cells after the first name things ("var", "let/const", "Map") over
    a first column that names none ("Поднятие", "Область видимости"): the columns are
    the compared things and the rows their properties."""
    items = header[1:]
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS or len(rows) < MIN_CRITERIA:
        return False
    named = [_is_name_cell(item) for item in items]  # "Map | WeakMap": one name does
    if not any(named) or not all(
        n or len(i.split()) == 1 for n, i in zip(named, items, strict=True)
    ):
        return False
    return not any(_is_name_cell(r[0]) for r in rows if r)


def _is_item(pack: LanguagePack, item: str) -> bool:
    """A table cell that names a thing being compared."""
    if not item or len(item.split()) > MAX_ITEM_WORDS or _CODE_CHARS.search(item):
        return False
    if _JOINED.search(item) and not _CODE_CELL.fullmatch(item):
        return False  # (but "let/const": two keywords read as one side)
    return is_term(item) and key(item) not in pack.generic_headings and not item.isdigit()


def _versus(pack: LanguagePack, items: list[str]) -> str:
    return pack.ask("question.versus", x=", ".join(items[:-1]), y=items[-1])


def extract_comparisons(note: Note, ctx: ExtractContext) -> list[Card]:
    """Pros, cons and comparison tables, one card each."""
    pack = pack_for(note.lang)
    if pack is None or "comparison.pros" not in pack.cues:
        return []
    cards: list[Card] = []
    for section in note.sections:
        for side, named, where, listed in _side_lists(section, pack):
            if ctx.is_claimed(listed) or _not_opinions(listed):
                continue
            owner, source = (named, "label") if named else _owner(note, section, pack)
            answer = list_answer(listed)
            if not owner or answer is None:
                continue
            if source == "title" and not ctx.topic:
                continue  # a title that names no subject ("typeScriptIs", a slug): pros of what?
            genitive = source in ("title-sides", "label")  # "Минусы SPA", "Плюсы … X"
            question = _ask_side(pack, side, owner, genitive)
            confidence = OWNER_CONFIDENCE[source]
            cards.append(_card(ctx, question, answer, side, where.line, section, confidence))
            ctx.claim(listed, section)
        for block in section.blocks:
            if not isinstance(block, Table) or ctx.is_claimed(block):
                continue
            found = _table_answer(block, pack)
            if found is None:
                continue
            items, back = found
            answer = Answer(back, "", (block,), "table")
            question = _versus(pack, items)
            cards.append(
                _card(ctx, question, answer, "table", block.line, section, TABLE_CONFIDENCE)
            )
            ctx.claim(block, section)
    return cards


def _card(
    ctx: ExtractContext,
    question: str,
    answer: Answer,
    how: str,
    line: int,
    section: Section,
    confidence: float,
) -> Card:
    return ctx.card(
        kind="comparison" if how == "table" else how,
        extractor=NAME,
        rule=f"{NAME}.{how}",
        confidence=confidence,
        evidence=f"a {how} list" if how != "table" else "a table of two or three items",
        anchor=question,
        front=question,
        back=answer.text,
        back_html=answer.html or None,
        line=line,
        section=section if section.heading else None,
    )
