"""A note's DOMAIN: the technology or field its folders and title name ("Go", "C++",
"Kafka", "PyTorch"), as opposed to the labels people sort notes under ("core", "data
types", "Declarations", "GettingStarted", "Computing").

A strict reader keeps "Go: what is recover?" and drops "The Panic Interface: what is
recover?" (a sibling note's title) or "data structures: what are slices?" (a category
folder): a question about a term that is generic in its field is asked within the
field. Which folder is a name is decided by its shape and by how the note writes it,
not by a list of technologies: a name is written with its capital (or as an acronym,
or with the symbols of a name, "C++", "Node.js") wherever it appears mid-sentence,
while a category word is a common noun the note writes in lower case ("sequence",
"environment") or a compound of common words ("SyntaxSemanticsNotes").
"""

from __future__ import annotations

import re

from notecards.text.terms import CYRILLIC, key
from notecards.text.topics import _GENERIC_FOLDERS, _SPELLED, KNOWN_NAMES, _as_named, shares_a_word

MAX_DOMAIN_WORDS = 3  # "C & C++", "Web API"; longer is a title
_NAME_SYMBOLS = re.compile(r"^\.?[A-Za-z][\w]*(?:\+\+|#|\.(?:js|NET|io|py)\b)")  # C++, C#
_CAMEL_PART = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]")  # "PyTorch" → Py, Torch
_JOINERS = frozenset({"&", "and", "+"})
_ACRONYM_ASIDE = re.compile(r"\([A-Z]{2,6}\)")  # "Content Security Policy (CSP)"
_ACRONYM = re.compile(r"[A-Z]{2,6}\d?")  # "SQL", "STL", "AWS", "ES6"; not "CSC209"
_SHOUTED = re.compile(r"[A-Z]{2,6}\d?s?")  # an acronym, or its plural ("MOCs")


def _camel_parts(word: str) -> list[str]:
    return _CAMEL_PART.findall(word)


def _shaped_as_name(word: str) -> bool | None:
    """Whether `word`'s shape alone says it is a name (True), a label (False), or
    leaves it open (None): an acronym, a symbol of a name or an inner capital that no
    common word has ("PyTorch", "MySQL", "NumPy") name one thing; a compound of common
    words written as one ("GettingStarted", "ObjectOrientedConcepts") is a folder's
    label."""
    if key(word) in KNOWN_NAMES:
        return True
    if key(word) in _GENERIC_FOLDERS:
        return False  # "TODO", "IT", "CS": where notes are kept, not what they are about
    if CYRILLIC.search(word) or not word[:1].isalpha():
        return False  # Russian folders sort notes ("Сети"); a technology is named in Latin
    if _NAME_SYMBOLS.match(word):
        return True
    if len(word) == 1:
        return word.isupper()  # "C", "R": a language; "x" is nothing
    if _ACRONYM.fullmatch(word):
        return len(word) > 2  # "SQL", "STL"; "IO", "DB" are kinds of things, not names
    parts = _camel_parts(word)
    if len(parts) >= 2 and word[1:] != word[1:].lower():
        # "PyTorch", "MySQL": a short or shouted part no common word has; "GettingStarted":
        # common words joined
        return any(len(p) <= 2 or p.isupper() for p in parts)
    return None


def _name_word(word: str, text: str) -> bool | None:
    """`_shaped_as_name`, but a word in capitals that the note writes only as a common
    word ("INFO" over "more info on caching") is a folder's label, shouted."""
    shaped = _shaped_as_name(word)
    if shaped and _SHOUTED.fullmatch(word) and key(word) not in KNOWN_NAMES:
        lower = re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text)
        written = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
        return written is not None or lower is None
    return shaped


def written_as_name(word: str, text: str) -> bool:
    """Whether the note writes `word` as a name: with a capital mid-sentence ("in Kafka",
    "with NumPy") more often than in lower case ("a sequence", "the environment"). A
    word the note never writes is no evidence either way: it is not taken for a name."""
    return bool(name_form(word, text))


def name_form(word: str, text: str) -> str:
    """How the note writes `word` mid-sentence when it writes it as a name ("numpy" →
    "NumPy"), or "" when it writes it in lower case as often, or not at all."""
    if not word[:1].isalpha():
        return ""
    lower = word.lower()
    forms: dict[str, int] = {}
    for found in re.finditer(rf"(?<![\w.`/-]){re.escape(word)}(?![\w(`]|\.\w)", text, re.I):
        form = found.group()
        if form == lower:
            forms[lower] = forms.get(lower, 0) + 1
        elif found.start() >= 2 and re.match(r"[\w,] ", text[found.start() - 2 :]):
            forms[form] = forms.get(form, 0) + 1  # mid-sentence: not a capital of a start
    named = max((f for f in forms if f != lower), key=forms.__getitem__, default="")
    return named if named and forms[named] > forms.get(lower, 0) else ""


def is_domain_name(name: str, text: str) -> bool:
    """Whether a folder's or a title's `name` names a technology or field a question can
    be asked within ("Go", "C++", "Kafka", "Apache Kafka"), judged by its shape and by
    how the note's `text` writes it; labels ("core", "Declarations", "data types",
    "GettingStarted") and long titles are not."""
    words = name.replace("_", " ").split()
    if not words or len(words) > MAX_DOMAIN_WORDS:
        return False
    if len(words) == 1:
        shaped = _name_word(words[0], text)
        if shaped is not None:
            return shaped
        plural = len(words[0]) > 3 and words[0].endswith("s") and not words[0].endswith("ss")
        # "Types" sorts, "Kafka" names; "pr" is its owner's shorthand whatever "PR" means
        return not plural and len(words[0]) >= 3 and written_as_name(words[0], text)
    # "C & C++", "Node.js + Express"? only names by their shape: "HTML Attributes",
    # "UNIX and Linux" notes, "Instruction Set Architecture" are topics, not a domain
    return all(w in _JOINERS or _name_word(w, text) for w in words)


def folder_domain(path: str, text: str) -> str:
    """The nearest folder of `path` that names a technology ("go/core/errors/x.md" →
    "Go", "C++/Syntax/Declarations/x.md" → "C++"), written as a question names it;
    "" when no folder is a name."""
    folders = path.replace("\\", "/").split("/")[:-1]
    for folder in reversed(folders):
        name = folder.strip()
        if is_domain_name(name, text):
            return as_written(name.replace("_", " "), text)
    return ""


def as_written(name: str, text: str = "") -> str:
    """A name as a question writes it: "go" → "Go", "javaScript" → "JavaScript", "numpy"
    (which the note writes "NumPy") → "NumPy"; a name with capitals of its own as it is."""
    if key(name) in _SPELLED:
        return _SPELLED[key(name)]
    if key(name) in KNOWN_NAMES:
        return _as_named(name.lower())
    return (name_form(name, text) or name) if name.islower() else name


def belongs_to(term: str, topic: str, topic_is_name: bool) -> bool:
    """Whether `term` is asked within `topic` rather than within the note's domain: it
    shares a word with it ("channel direction" in "Channels"), or `topic` is a name and
    the note is about that one named thing ("ISR" in "Kafka"). A term a common-noun
    title ("The Panic Interface", "Handlers") does not contain belongs to the domain."""
    return topic_is_name or shares_a_word(term, topic)


def names_a_thing(topic: str, text: str) -> bool:
    """Whether a title or heading is the name of one thing that owns the terms under it
    ("Kafka", "Content Security Policy (CSP)"), not a common-noun phrase ("Handlers",
    "The Panic Interface") that may merely sit beside them."""
    return bool(_ACRONYM_ASIDE.search(topic)) or is_domain_name(topic, text)
