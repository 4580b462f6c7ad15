"""How a folder, file or term is written, read as the words a question writes
(h19-subject): common words joined into one name ("ControlStructures") read as words,
and a translation in brackets after a term ("декодирование (decoding)") is no part of
what makes the term a name."""

from __future__ import annotations

import re

_JOINED_WORDS = re.compile(r"(?:[A-Z][a-z]{2,}){2,}")  # "ControlStructures", "TopologicalSort"
# "декодирование (decoding)", "Reconciliation (согласование)": a translation after a
# space, which names nothing by its brackets ("option()" has no space; "(ISR)" stays)
_TRANSLATION_ASIDE = re.compile(r"\s+\((?![A-ZА-ЯЁ]{2,6}\))[^()]*[^\W\d_][^()]*\)$")


def spaced(name: str, known: frozenset[str] = frozenset(), text: str = "") -> str:
    """A folder or file name of common words written as one ("ControlStructures",
    "InheritanceRelationships") as a question writes it: "Control Structures"; a
    `known` name ("javascript" for "JavaScript"), one with a short part ("PyTorch",
    "MySQL") or one the note's `text` writes as one word (a class: "HashMap") as it is."""
    if not _JOINED_WORDS.fullmatch(name) or name.lower() in known:
        return name
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        return name
    return " ".join(re.findall(r"[A-Z][a-z]+", name))


def without_translation(term: str) -> str:
    """`term` without a translation in brackets after it."""
    bare = _TRANSLATION_ASIDE.sub("", term)
    return bare if bare.strip() else term
