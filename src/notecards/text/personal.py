"""Personal writing: journals, reflections, plans and drafts are not study material.

A diary entry or an essay about a group project holds sentences that look like
definitions ("The hard part was agreeing …"), but no student cards them. A note is
personal when its tags or front matter say so (`journal`, `daily`, `дневник`,
`type: essay` …), when its title is a date or a draft's ("Untitled 2", "Без
названия"), or when its prose is written in the first person: at least one word in
PERSONAL_SHARE of the note's prose is "I", "my", "я", "мне" and their kind, over at
least MIN_FIRST_PERSON such words. Such notes keep their
explicit cards and give no mined ones; `notecards: {personal: false}` in front matter
says a note is study material after all.
"""

from __future__ import annotations

import re
from functools import cache

from notecards.lang import PACKS, LanguagePack
from notecards.model import Note, Paragraph, walk_blocks

PERSONAL_SHARE = 0.025
MIN_FIRST_PERSON = 5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a tag in any language marks any note: people tag in one language and write in another
_PERSONAL_TAGS = frozenset().union(*(pack.personal_tags for pack in PACKS.values()))
_DATE_TITLE = re.compile(r"^\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\b")


def is_personal(note: Note, pack: LanguagePack) -> bool:
    """Whether `note` is personal writing (see the module's docstring for the rule)."""
    config = note.meta.get("notecards")
    if isinstance(config, dict) and isinstance(config.get("personal"), bool):
        return config["personal"]
    kinds = {str(note.meta.get(key, "")).strip().lower() for key in ("type", "category")}
    tags = {part for tag in note.tags for part in tag.lower().split("/")}
    if (tags | kinds) & _PERSONAL_TAGS or _DATE_TITLE.match(note.title):
        return True
    if is_draft(note.title):
        return True
    return first_person_share(note, pack) >= PERSONAL_SHARE


def is_draft(title: str) -> bool:
    """A title nobody chose ("Untitled 2", "Без названия", none at all): a draft, whose
    pros and cons of sample projects are someone's evaluations, not study material."""
    return not title.strip() or any(pack.draft_title.match(title) for pack in PACKS.values())


def first_person_share(note: Note, pack: LanguagePack) -> float:
    """The share of the prose's words that are first-person pronouns (0 when too few)."""
    prose = "\n".join(  # no word runs across a line break
        inner.text
        for _, block in note.blocks()
        for inner in walk_blocks((block,))
        if isinstance(inner, Paragraph)
    )
    if len(_first_person_cue(pack.first_person).findall(prose)) < MIN_FIRST_PERSON:
        return 0.0  # most notes: fewer places where a pronoun could be than the minimum
    words = _WORD.findall(prose)
    first_person = sum(map(pack.first_person.__contains__, map(str.lower, words)))
    if first_person < MIN_FIRST_PERSON or not words:
        return 0.0
    return first_person / len(words)


@cache
def _first_person_cue(pronouns: frozenset[str]) -> re.Pattern[str]:
    """Where a first-person word of `_WORD` may stand: the letters before its apostrophe
    ("I" of "I'm"), whole, in any case. It finds every such word and maybe more, so a
    note with fewer finds than MIN_FIRST_PERSON is settled without splitting its prose
    into words (the lookahead lets the engine skip to a possible first letter)."""
    heads = sorted({re.split("['’]", word)[0] for word in pronouns}, key=len, reverse=True)
    firsts = "".join(sorted({c for head in heads for c in (head[0], head[0].upper())}))
    alternatives = "|".join(map(re.escape, heads))
    return re.compile(
        rf"(?=[{re.escape(firsts)}])(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE
    )
