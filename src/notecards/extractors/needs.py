"""What must be in a note's blocks for an extractor to find anything (`Extractor.needs`).

Each pattern is a necessary condition read off the extractor's own code, searched once
per note in `ExtractContext.source`: a note without it cannot give that extractor a
card, a claim or a problem, so the registry does not run it. Only conditions that are
certain belong here; an extractor whose condition is unsure has none (it runs always).
"""

from __future__ import annotations

import re

from notecards.lang import PACKS

# anki_cloze looks only at blocks whose source holds `{{c` (`extract_anki_cloze`)
ANKI_CLOZE = re.compile(re.escape("{{c"))

# http_messages parses code blocks only; an unlabelled block must hold "HTTP/", and a
# labelled one has `http`/`https` as its whole info string (`parse_messages`,
# `_HTTP_LANGUAGES`), which follows the opening fence in the source
HTTP_MESSAGES = re.compile(r"HTTP/|[`~]{3}[ \t]*https?")


def _cue_words(*names: str) -> str:
    """Every word of the language packs' `names` cues, as alternatives: each cue is a
    plain word list (`a|b c`), and of a phrase its longest word is enough (a line may
    break between the words). Searched case-insensitively, as `text.cues.fold` reads."""
    words: set[str] = set()
    for pack in PACKS.values():
        for name in names:
            pattern = pack.cues.get(name, "")
            if not re.fullmatch(r"[\w |'-]*", pattern):
                raise ValueError(f"cue {name!r} of {pack.code!r} is not a word list")
            words |= {max(p.split(), key=len) for p in pattern.split("|") if p.strip()}
    return "|".join(sorted(map(re.escape, words)))


# comparisons reads tables (pipe tables: a `|`) and lists labelled, by a heading or
# the paragraph before them, with a pros or cons cue (`_side`, `starts_with_cue`)
COMPARISONS = re.compile(rf"\||{_cue_words('comparison.pros', 'comparison.cons')}", re.I)
