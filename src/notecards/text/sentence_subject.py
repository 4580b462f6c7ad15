"""The subject a sentence names before what it says: "In UNIX computing, the system
load is …", "В Go горутина — это …". A definition or a purpose in such a sentence is
asked within that subject ("UNIX computing: what is the system load?"), even when the
note's title is the bare term ("Load"); `ExtractContext.asked_within` words the front.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from notecards.lang import LanguagePack
from notecards.text.sentences import Flat
from notecards.text.terms import PRONOUNS, STOP_START, key
from notecards.text.topics import as_topic, names_one_thing

_DETERMINERS = frozenset({"the", "a", "an", "each", "every", "some", "most", "many", "all"})

# "In UNIX computing, the system load is …", "В Go горутина — это …": the subject a
# sentence names before what it says (an English "In X," or a Russian "В <Latin name>")
_LEADING_SUBJECT = {
    "en": re.compile(r"^In\s+(?P<x>[^,;:()]{2,60}?),\s+(?=\S)"),
    "ru": re.compile(
        r"^В\s+(?P<x>[A-Z][\w.+#-]*(?:\s+(?:[A-Z][\w.+#-]*|\d+(?:\.\d+)?)){0,2})\s*,?\s+(?=\S)"
    ),
}


def leading_subject(text: str, pack: LanguagePack) -> tuple[str, int]:
    """(the subject an opening "In X," names, where the rest of the sentence starts), or
    ("", 0): X must name a subject, not a manner or a place in the note ("In practice",
    "In this case", "In 2010", "In the example above")."""
    pattern = _LEADING_SUBJECT.get(pack.code)
    found = pattern.match(text) if pattern else None
    if found is None:
        return "", 0
    subject = found.group("x").strip()
    first = key(subject.split(" ", 1)[0])
    if first in PRONOUNS or first in STOP_START or first in _DETERMINERS:
        return "", 0
    if not names_one_thing(subject) or as_topic(subject, pack) != subject:
        return "", 0  # "In general", "In short", "In practice": no subject named
    return subject, found.end()


def after_subject(flat: Flat, pack: LanguagePack) -> tuple[str, Flat]:
    """(the subject an opening "In X," names, the rest of the sentence as a `Flat`), so
    that "In Python, a package is …" reads as "a package is …" asked within Python;
    ("", flat) when the sentence opens with no subject."""
    subject, start = leading_subject(flat.text, pack)
    if not subject:
        return "", flat
    piece = bisect_right(flat.starts, start) - 1
    rest = flat._replace(
        text=flat.text[start:],
        masked=flat.masked[start:],
        lowered=flat.lowered[start:],
        starts=(0, *(s - start for s in flat.starts[piece + 1 :])),
        owners=flat.owners[piece:],
        emph=tuple((max(a - start, 0), b - start) for a, b in flat.emph if b > start),
        code=tuple((max(a - start, 0), b - start) for a, b in flat.code if b > start),
    )
    return subject, rest
