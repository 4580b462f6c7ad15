"""Language packs: everything that differs between the languages notecards asks in.

One module per language (`ru.py`, `en.py`) holds a `PACK`: the question templates the
extractors fill, and the word lists their guards read (headings that name no subject,
words that point elsewhere). Extractors ask the pack of the note's language and hold no
`lang == "ru"` branches of their own; a new language is a new module here and a line in
`PACKS`. A note whose language has no pack gets its explicit cards only (the registry
checks `pack_for`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """The words of one language: templates by name, and the word sets guards use."""

    code: str
    name: str
    # question templates by name, "{name}" placeholders; filled by `ask` only
    questions: Mapping[str, str]
    # headings that name no subject ("Введение", "Overview"): never a question's subject
    generic_headings: frozenset[str] = field(default_factory=frozenset)
    # words whose referent is elsewhere: a question holding one cannot be answered alone
    demonstratives: frozenset[str] = field(default_factory=frozenset)
    # the same for phrases only a pattern finds ("what does it …", "он будет …")
    dangling_patterns: tuple[re.Pattern[str], ...] = ()
    # an answer holding one of these only points at what follows ("the following")
    pointers: tuple[str, ...] = ()
    # words a finished phrase does not end with (prepositions, conjunctions, articles)
    unfinished_endings: frozenset[str] = field(default_factory=frozenset)
    # first-person words, and tags or note types, that mark personal writing
    first_person: frozenset[str] = field(default_factory=frozenset)
    personal_tags: frozenset[str] = field(default_factory=frozenset)
    # cue phrases by name, as regular-expression alternatives matched case-insensitively
    # at a word boundary ("что такое|зачем"): how the language asks, sums up, sets a task
    cues: Mapping[str, str] = field(default_factory=dict)

    def ask(self, template: str, /, **values: str) -> str:
        """The question `template` names, with its placeholders filled in one pass.

        Values are note text: they are inserted as they are and never read again as a
        template, so braces, `%s` or `{0}` in a note cannot change a question or raise.
        """
        return fill(self.questions[template], **values)


def fill(template: str, /, **values: str) -> str:
    """`template` with each `{name}` of `values` replaced, in one pass; other braces stay."""
    return _PLACEHOLDER.sub(
        lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), template
    )


def _load() -> dict[str, LanguagePack]:
    from notecards.lang import en, ru

    return {pack.code: pack for pack in (ru.PACK, en.PACK)}


PACKS: dict[str, LanguagePack] = _load()


def pack_for(code: str) -> LanguagePack | None:
    """The pack of language `code`, or None when notecards does not ask in it."""
    return PACKS.get(code)
