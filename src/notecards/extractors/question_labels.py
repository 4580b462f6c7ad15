"""Question headings that are no question to learn: the label of an article's part
("Что менять в коде?", "What changes in code?") and a modifier asked as a thing
("Когда использовать Full-Text?" in a note about Full-Text indexes). A strict reader
drops both (FAILURES-s7 B and G); the questions extractor asks neither.
"""

from __future__ import annotations

import re

from notecards.extractors.answers import starts_with_cue
from notecards.lang import LanguagePack
from notecards.model import Note, Section

_WORDS = re.compile(r"\w+")
MAX_LABEL_WORDS = 4  # "Что менять в коде?", "What changes?": a part of an article
_NAMED_AT_END = re.compile(r"([A-Za-z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*)*)\s*\??$")
_FOLLOWING_WORD = r"(?:^|[^\w-]){name}\s+([^\W\d_]{{3,}})"
_BARE = r"(?:^|[^\w-]){name}(?=\s*(?:[^\w\s-]|$))"


def is_article_label(question: str, heading: str, note: Note, pack: LanguagePack) -> bool:
    """A short question heading that names nothing ("Что менять в коде?", "What
    changes?", "Что дальше с этим делать?") in a note whose other headings are
    statements: an article's section label, not a question it teaches to answer. In a
    note of question headings the same words are one of its questions."""
    words = _WORDS.findall(question)
    if len(words) > MAX_LABEL_WORDS or _names_something(words, pack):
        return False
    if starts_with_cue(pack, "question.what_is", question):
        return False  # "Что такое микросервисы?", "What is a set?" ask for a term
    others = [s.heading for s in note.sections if s.heading and s.level > 1]
    if heading in others:
        others.remove(heading)
    asked = sum(1 for h in others if h.rstrip().endswith("?"))
    return 2 * asked < len(others)


def _names_something(words: list[str], pack: LanguagePack) -> bool:
    """A word that names a thing: a Latin name in a note of another language, a
    capitalized word after the first, an acronym."""
    latin = pack.code != "en" and any(w.isascii() and w.isalpha() for w in words)
    return latin or any(w[:1].isupper() for w in words[1:]) or any(w.isupper() for w in words)


def asks_a_modifier(question: str, note: Note, asked: Section) -> bool:
    """A question whose named thing the note only uses to qualify a noun ("Когда
    использовать Full-Text?" in a note about "Full-Text индексы"): asked alone it is a
    modifier, not the thing the note teaches."""
    found = _NAMED_AT_END.search(question.rstrip())
    if found is None or ("-" not in found.group(1) and " " not in found.group(1)):
        return False  # one plain word ("Redis") names a thing of its own
    name = re.escape(found.group(1))
    headings = [s.heading for s in note.sections if s is not asked]
    text = "\n".join([note.title, *headings, *(b.source for _, b in note.blocks())])
    after = [w.lower() for w in re.findall(_FOLLOWING_WORD.format(name=name), text, re.I)]
    bare = len(re.findall(_BARE.format(name=name), text, re.I))
    if not after:
        return False
    head = max(set(after), key=after.count)
    return after.count(head) >= 2 and after.count(head) > bare
