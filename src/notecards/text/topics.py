"""A note's subject, and whether a term needs it to be asked about alone.

A strict reader drops "What is C2?" or "Что такое path?": the question names a term
that means something only inside the note's subject (C2 of a lecture on botnets, the
`path` option of one tool). The cure is to name the subject in the front ("Botnets:
what is C2?"), which needs two things this module decides: what the subject of a
note or section is (`note_topic`, `section_topic`), and whether a term is generic
enough to need it (`needs_topic`). The language pack words the front (`in_topic`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from notecards.lang import PACKS, LanguagePack
from notecards.model import Note, Section
from notecards.text.sentences import word_set
from notecards.text.terms import clean_term, is_term, key

MAX_TOPIC_WORDS = 6
STEM = 4  # letters two words share when they are forms of one word ("caching"/"cache")

# Well-known names that stand alone in a question ("What is DNS?"): short codes that are
# otherwise ambiguous ("C2", "CFR") need their subject.
KNOWN_NAMES = word_set(
    """ajax api css cors csrf dns dom html http https ip json jsx jwt npm oop orm rest sql
    ssh ssl tcp tls udp uri url xml xss yaml cpu gpu ram rom os ui ux ide cli gui cdn
    dhcp ftp smtp vpn lan wan nat arp icmp bgp ospf mac usb spa ssr csr seo svg ecmascript
    javascript typescript python java kotlin swift golang rust php ruby react vue angular
    svelte redux vuex pinia webpack vite rollup babel node nodejs deno docker kubernetes
    git github linux unix windows android ios graphql mongodb postgresql mysql redis nginx
    tcp/ip http/2 http/3 ipv4 ipv6 aws azure"""
)
# File names that name no subject: the first H1 (or nothing) is the note's title.
_NAMELESS_FILES = word_set("readme index untitled main notes note draft home")
_NUMBER_PREFIX = re.compile(r"^\s*(?:[\d.]+(?:[\s_)@#-]+|$))+")  # "071 ", "1 @ ", "2.3) "
_CODE_CHARS = re.compile(r"[._()/#<>\[\]{}$+]")
# camelCase, ETag, If-None-Match
_INNER_CAPITAL = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]|[A-ZА-ЯЁ]{2}[a-zа-яё]|\w-[A-ZА-ЯЁ]")
_WORDS = re.compile(r"[\w-]+")


def _meta_title(meta: Mapping[str, Any]) -> str:
    value = meta.get("title")
    return value.strip() if isinstance(value, str) else ""


def _only_h1(note: Note) -> str:
    """The note's H1 when it has one only: notes with several use H1 for sections."""
    found = [s.heading for s in note.sections if s.level == 1 and s.heading]
    return found[0] if len(found) == 1 else ""


def as_topic(text: str, pack: LanguagePack) -> str:
    """`text` (a title or heading) as a subject to put in a question, or "": numbering
    and course parts ("Lecture 7 -", "Глава 2.") go, a question title gives what it
    asks about ("Что такое Virtual DOM, и как он работает?" → "Virtual DOM"), and
    labels that name no subject ("Введение", "readme") give nothing."""
    text = " ".join(text.split())
    text = pack.topic_prefix.sub("", text)
    text = _NUMBER_PREFIX.sub("", text).strip()
    text = pack.topic_suffix.sub("", text)
    asked = pack.topic_question.match(text)
    if asked:
        text = asked.group("x")
    elif text.endswith("?"):
        return ""
    text = clean_term(text)
    if not text or key(text) in _NAMELESS_FILES:
        return ""
    if any(key(text) in p.generic_headings for p in PACKS.values()):  # notes mix languages
        return ""
    if len(text.split()) > MAX_TOPIC_WORDS or sum(map(str.isalpha, text)) < 2:
        return ""
    if " " not in text and text.count("-") >= 2:
        return ""  # a file name made a slug ("chem-ref-otlichaetsya-ot-reactive")
    if "?" in text or not is_term(text.replace(",", "")):
        return ""
    return text


def note_topic(note: Note, pack: LanguagePack) -> str:
    """The note's subject: its front matter title, else its H1, else its file name
    without a numeric prefix; "" when none of them names a subject."""
    stem = note.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for candidate in (_meta_title(note.meta), _only_h1(note), stem):
        topic = as_topic(candidate, pack) if candidate else ""
        if topic:
            return topic
    return ""


def section_topic(section: Section | None, pack: LanguagePack, note_subject: str) -> str:
    """The subject to ask within: the note's, or, when the note names none, the nearest
    enclosing heading that names one."""
    if note_subject or section is None:
        return note_subject
    for heading in reversed(section.path):
        topic = as_topic(heading, pack)
        if topic:
            return topic
    return ""


def word_stems(text: str, length: int, shortest: int = 2) -> set[str]:
    """The first `length` letters of each word of at least `shortest` letters, lowered:
    what two phrases must share to repeat a word across endings ("контекст",
    "контекстов")."""
    return {w[:length] for w in re.findall(r"\w+", text.lower()) if len(w) >= shortest}


def shares_a_word(a: str, b: str) -> bool:
    """Whether two phrases share a word, up to its ending ("caching"/"cache"); words
    shorter than STEM must be equal ("бот" is not "ботнет")."""
    return not _stems(a).isdisjoint(_stems(b))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """The STEM-letter starts of the words of `text`. Memoised: one term is compared
    with its note's subject and its section's heading, again by each extractor."""
    return frozenset(w.casefold()[:STEM] for w in _WORDS.findall(text) if len(w) >= 2)


def _initials(text: str) -> str:
    words = _WORDS.findall(text)
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@lru_cache(maxsize=8192)
def is_named(word: str) -> bool:
    """A word that names one thing wherever it is read: an identifier (`useEffect`,
    `Object.keys`, `If-None-Match`), a long acronym ("NETLOGON"), or a well-known name
    ("DNS", "React"). Short codes ("C2", "CFR", "h1") and common words are not.

    Memoised: the words of a note's terms are asked about again for every card."""
    bare = word.strip("`'\"«»,.;:!?")
    if key(bare) in KNOWN_NAMES:
        return True
    letters = sum(c.isalpha() for c in bare)
    if bare.isupper() or (bare.isalnum() and any(c.isdigit() for c in bare)):
        return letters >= 4  # an acronym or a code: unique only when long ("QUIC", not "CFR")
    return bool(_CODE_CHARS.search(bare) or _INNER_CAPITAL.search(bare))


def is_identifier(term: str) -> bool:
    """A term written as code names ("NaN", "useState", "Object.keys", "x-api-key"): not
    a label a note puts in bold ("Definition", "Networks", "ПРЕДУПРЕЖДЕНИЕ")."""
    return any(_CODE_CHARS.search(w) or _INNER_CAPITAL.search(w) for w in term.split())


def needs_topic(term: str, topic: str) -> bool:
    """Whether a question about `term` needs the subject `topic` to be answerable alone.

    It does when the term is generic (common words, a short code or abbreviation) and
    is not the topic itself; a term with a name in it ("Virtual DOM", "useEffect")
    stands alone, and so does one that shares a word with the topic."""
    if not topic.strip() or not term.strip():
        return False
    if shares_a_word(term, topic) or _initials(topic) == term.strip("`"):
        return False  # the term is the subject ("HF" of "Heart failure")
    return not names_one_thing(term)


def names_one_thing(term: str) -> bool:
    """A term with a name in it ("Virtual DOM", "протокол QUIC"), or a name in title
    case ("Domain Name System"): it means the same thing in any note."""
    words = term.split()
    if any(is_named(word) for word in words):
        return True
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2
