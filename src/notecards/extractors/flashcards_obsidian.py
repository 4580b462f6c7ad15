"""Cards people wrote for the flashcards-obsidian plugin ("Flashcards"), read as it
reads them.

- `#card` after a line or a heading makes it the front; the back is the next lines up to
  a blank line (blank lines between the front and the back are allowed). The tag may
  also stand alone on the line under the front (`## Front` / `#card` / back). The front
  is the run of lines that ends at the tag (no blank line, no heading above in it).
- `#card-reverse` or `#card/reverse`: a card each way (one "Basic (and reversed)" note).
- `#card-spaced` or `#card/spaced`: a prompt to recall without an answer; its back says
  so.
- More tags after the card tag (`#card #biology #cells`) are the card's tags; the
  plugin's Anki id, a `^1234567890123` block id after the back, is never shown.
- Cloze lines: in a note that uses the plugin (a card tag, or `cards-deck:` in its front
  matter), a line with `==highlights==` or `{curly}` / `{2:numbered}` brackets is a
  cloze note, one card per deletion number (unnumbered ones count up from 1). A note
  that does not use the plugin keeps its highlights and braces as text.
- `cards-deck: A::B` in the front matter is the deck of the note's cards.
- The inline forms `Question::Answer` and `Question:::Answer` are the explicit
  extractor's (the same syntax as the Spaced Repetition plugin's).

The card tag is `card` unless the plugin's settings (plugin_settings.FLASHCARDS,
`flashcardsTag`) name another. Code and math blocks never hold cards; every block a card
uses is claimed, so it is not mined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from notecards.extractors.anki_cloze import anki_deletions, cloze_cards, masked_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.note_lines import NoteLines, note_lines, raw_lines
from notecards.model import Card, Note, Paragraph
from notecards.reader.metadata import clean_tag
from notecards.render.markup import render_markdown_and_text
from notecards.vault.plugin_settings import FLASHCARDS, read_plugin_file, text_setting

EXTRACTOR = "flashcards_obsidian"
KINDS = ("basic", "reversed", "cloze")
SPACED_BACK = "(recall it, then grade yourself)"
MAX_SIDE_LINES = 200

_ANKI_ID = re.compile(r"(?:^|\s)\^\d{13}\s*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+")
_TAGS = re.compile(r"#([\w\-/]+)")
_HIGHLIGHT = re.compile(r"==(?=\S)(.+?)==")
_CURLY = re.compile(r"(?<!\{)\{(?:(\d{1,2}):)?([^{}\n]+?)\}(?!\})")


def card_tag(note: Note) -> str:
    """The plugin's card tag in the note's vault (`card` by default)."""
    if not note.vault:
        return "card"
    data = read_plugin_file(note.vault, FLASHCARDS).data
    return text_setting(data, "flashcardsTag", "card").lstrip("#").strip() or "card"


def _is_card_tag(name: str, tag: str) -> bool:
    """`card`, `card/reverse`, `card-spaced` …: the plugin's markers, not topics."""
    name = name.lower()
    return name == tag or (name.startswith(tag) and name[len(tag) : len(tag) + 1] in ("/", "-"))


def _uses_tag(note: Note, tag: str) -> bool:
    """Whether the note holds the card tag (the reader lists a heading's tags too)."""
    return any(_is_card_tag(name, tag) for name in note.tags)


def _tag_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![^\s])#{re.escape(tag)}(?:[/-](reverse|spaced))?(?![\w/-])", re.IGNORECASE
    )


def extract_flashcards_obsidian(note: Note, ctx: ExtractContext) -> list[Card]:
    """Cards from `#card` tags and cloze lines; see the module docstring."""
    tag = card_tag(note)
    deck = note.meta.get("cards-deck")
    deck = deck.strip() if isinstance(deck, str) else ""
    if not (deck or _uses_tag(note, tag.lower())):
        return []
    lines = note_lines(note, raw=raw_lines(ctx.note_path))  # headings keep their #card
    pattern = _tag_pattern(tag)
    used: set[int] = set()
    cards: list[Card] = []
    for number in sorted(lines.text):
        if number in used or number in lines.code:
            continue
        match = pattern.search(lines.text[number])
        if match is not None:
            cards += _tag_card(ctx, lines, number, match, used)
    cards += _cloze_lines(ctx, lines, used)
    lines.claim(used, ctx.claim)
    tags = tuple(t for t in ctx.tags if not _is_card_tag(t, tag.lower()))
    return [
        replace(card, deck=deck or card.deck, tags=(*tags, *card.tags[len(ctx.tags) :]))
        for card in cards
    ]


def _front_lines(lines: NoteLines, number: int, before: str) -> list[int]:
    """The lines of the front that ends at line `number` (whose text before the tag is
    `before`): back up through non-blank lines, stopping after a heading."""
    found = [number] if before.strip() else []
    if found and number in lines.headings:
        return found
    above = number - 1
    while above > 0 and not lines.is_blank(above) and above not in lines.code:
        found.insert(0, above)
        if above in lines.headings or len(found) >= MAX_SIDE_LINES:
            break
        above -= 1
    return found


def _back_lines(lines: NoteLines, number: int) -> list[int]:
    """The lines of the back after the tag's line: past blank lines, up to the next
    blank line or heading."""
    at = number + 1
    while at <= lines.last and lines.is_blank(at) and at - number < 20:
        at += 1
    found: list[int] = []
    while at <= lines.last and not lines.is_blank(at) and at not in lines.headings:
        found.append(at)
        if len(found) >= MAX_SIDE_LINES:
            break
        at += 1
    return found


def _side_text(lines: NoteLines, numbers: list[int], tag_line: int, tag_at: int) -> str:
    texts = []
    for n in numbers:
        text = lines.get(n)[:tag_at] if n == tag_line else lines.get(n)
        text = _HEADING.sub("", text)
        texts.append(_ANKI_ID.sub("", text).rstrip())
    if len(texts) == 1:  # a one-line side is no list item of its own
        texts[0] = _LIST_MARKER.sub("", texts[0])
    return "\n".join(texts).strip()


def _tag_card(
    ctx: ExtractContext, lines: NoteLines, number: int, match: re.Match[str], used: set[int]
) -> list[Card]:
    text = lines.get(number)
    variant = (match.group(1) or "").lower()
    front_lines = _front_lines(lines, number, text[: match.start()])
    if not front_lines:
        return []
    front_source = _side_text(lines, front_lines, number, match.start())
    back_lines = [] if variant == "spaced" else _back_lines(lines, number)
    back_source = _side_text(lines, back_lines, -1, 0)
    if variant != "spaced" and not back_source:
        return []
    extra = tuple(t for t in (clean_tag(t) for t in _TAGS.findall(text[match.end() :])) if t)
    front_html, front = render_markdown_and_text(front_source, ctx.render)
    if variant == "spaced":
        back_html, back = f"<p>{SPACED_BACK}</p>", SPACED_BACK
    else:
        back_html, back = render_markdown_and_text(back_source, ctx.render)
    if not front.strip():
        return []
    section = lines.sections.get(front_lines[0]) or lines.sections.get(number)
    if section is None:
        return []
    made = ctx.written(
        extractor=EXTRACTOR, front=front, back=back, front_html=front_html,
        back_html=back_html, line=front_lines[0], section=section,
        reverse=variant == "reverse", rule=f"{EXTRACTOR}.{variant or 'basic'}",
        reverse_rule=f"{EXTRACTOR}.reverse",
    )  # fmt: skip
    used.update(front_lines, [number], back_lines)
    if extra:
        made = [replace(card, tags=tuple(dict.fromkeys((*card.tags, *extra)))) for card in made]
    return made


def _cloze_lines(ctx: ExtractContext, lines: NoteLines, used: set[int]) -> list[Card]:
    """Each line with highlights or curly brackets, outside code: one cloze note."""
    cards: list[Card] = []
    for number in sorted(lines.text):
        text = lines.text[number]
        if number in used or number in lines.code or number in lines.headings:
            continue
        if "==" not in text and "{" not in text:
            continue
        converted = _to_anki_cloze(_LIST_MARKER.sub("", text))
        if converted is None:
            continue
        section = lines.sections.get(number)
        if section is None:
            continue
        block = Paragraph(number, number, converted)
        made = cloze_cards(ctx, section, block, anki_deletions(block), extractor=EXTRACTOR)
        if made:
            used.add(number)
            cards += made
    return cards


def _to_anki_cloze(text: str) -> str | None:
    """The line with its highlights and curly brackets as `{{cN::…}}` (None when it has
    none in prose: code spans, math and links do not count)."""
    masked = masked_text(text)
    found: list[tuple[int, int, str, str]] = []  # start, end, number or "", content
    for match in _HIGHLIGHT.finditer(masked):
        found.append((match.start(), match.end(), "", text[match.start(1) : match.end(1)]))
    for match in _CURLY.finditer(masked):
        if "{{" in masked[max(0, match.start() - 1) : match.end() + 1]:
            continue
        found.append((match.start(), match.end(), match.group(1) or "", match.group(2)))
    found = [f for f in sorted(found) if "\0" not in masked[f[0] : f[1]]]
    if not found:
        return None
    parts: list[str] = []
    cursor, counter = 0, 0
    for start, end, number, content in found:
        if start < cursor:
            continue
        if not number:
            counter += 1
            number = str(counter)
        parts += [text[cursor:start], "{{c", number, "::", content, "}}"]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
