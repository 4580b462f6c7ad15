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
from notecards.text.name_shapes import spaced, without_translation
from notecards.text.sentences import word_set
from notecards.text.terms import CYRILLIC, STOP_START, clean_term, is_term, key

MAX_TOPIC_WORDS = 6
# The most a card about a generic term may be sure when nothing names its subject: under
# the default threshold (0.5), so "What is overhead?" is never asked bare; `cards --all`
# still lists it.
BARE_LIMIT = 0.45
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
    tcp/ip http/2 http/3 ipv4 ipv6 aws azure js ts ai ml go wi-fi"""
)
# File names that name no subject: the first H1 (or nothing) is the note's title.
_NAMELESS_FILES = word_set("readme index untitled main notes note draft home")
_NUMBER_PREFIX = re.compile(r"^\s*(?:[\d.]+(?:[\s_)@#-]+|$))+")  # "071 ", "1 @ ", "2.3) "
_CODE_CHARS = re.compile(r"[._()/#<>\[\]{}$+]")
# camelCase, ETag, If-None-Match
_INNER_CAPITAL = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]|[A-ZА-ЯЁ]{2}[a-zа-яё]|\w-[A-ZА-ЯЁ]")
_WORDS = re.compile(r"[\w-]+")
_LETTER_NUMBER = re.compile(r"^[A-ZА-ЯЁ]\s?\d+(?:\.\d+)*[.)]\s+")  # "B 6. Cloud Watch"
# a part number after a common word ("Go maps in action 1", "Linked lists 2"); not a
# version after a name ("Python 3", "Vue 3", "HTTP 2")
_PART_NUMBER = re.compile(r"\s(?P<word>[^\W\d_]+)(?P<number>\s+\d{1,2})$")
# an acronym with its version ("GPT-3", "PEP8"): three letters at least ("C2" is a code)
_VERSIONED_ACRONYM = re.compile(r"[A-Z]{3,}-?\d+(?:\.\d+)?")
_HYPHEN_CAPITAL = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)+")  # "One-Shot"
_ACRONYM_ASIDE = re.compile(r"\([A-ZА-ЯЁ]{2,6}\)")  # "(ISR)" after the name it shortens
_NAMESPACED = re.compile(r"`?[A-Z][A-Za-z]+\.\w")  # "Promise.resolve()", "Object.keys"
_POSSESSIVE = re.compile(r"[A-Z][a-z]+['’]s")
SPACED_DASH = re.compile(r"\s+[-—–]\s+")  # "A - B", "A — B": two parts of a title
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]+)\)$")
# a course's code before or instead of its name: "CSC209", "CM1205 ", "I2202 "
_COURSE_CODE = re.compile(r"^[A-Z]{1,5}\d{3,6}[A-Za-z]?(?:\s+|$)")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a word, not a code or a number
_BRACKETS = re.compile(r"[\[\]()]")  # "DONE[53.00](4)": a grade, not a name
_LEADING_SYMBOLS = re.compile(r"^[^\w(«\"'`]+")  # "📌 Основная идея", "→ Итог"
_JOINERS = frozenset({"and", "or", "и", "или", "vs", "versus"})
# lecture and week numbers as folders: "L21", "L8-9", "W3", "kr1", "Year 2", "Semester 1",
# "Y2 Fall 24"; not a name with a version ("Vue3", "ES6", "EC2") or a season alone ("Spring")
_FOLDER_NUMBER = re.compile(
    r"(?:[^\W\d_]|[^\W\d_A-ZА-ЯЁ]{2,3})\d{1,2}(?:-\d{1,2})?(?:\s.*)?"
    r"|(?i:(?:year|semester|term|sem|курс|семестр)\s*\d+"
    r"|.*\b(?:fall|spring|winter|summer|autumn|осень|весна|зима|лето)\s*\d{2,4}\b.*)"
)
# the last word of a folder that only says what kind of material it holds ("Lecture
# notes", "Relating Slides"): such a folder names no subject
_MATERIAL_WORDS = word_set(
    """notes note slides lectures lecture materials exercises homework assignments labs
    tutorials questions exams readings papers articles
    заметки конспекты лекции материалы задачи вопросы"""
)
_GENERIC_FOLDERS = frozenset().union(*(p.topic_folders for p in PACKS.values()))


def _meta_title(meta: Mapping[str, Any]) -> str:
    value = meta.get("title")
    return value.strip() if isinstance(value, str) else ""


def _only_h1(note: Note) -> str:
    """The note's H1 when it has one only and it comes first: notes with several use
    H1 for sections, and an H1 after "## …" sections is one more section."""
    headed = [s for s in note.sections if s.heading]
    found = [s.heading for s in headed if s.level == 1]
    return found[0] if len(found) == 1 and headed[0].level == 1 else ""


def _is_first_of_many_h1(note: Note, title: str) -> bool:
    """The title repeats the first of several H1s: a section's name, not the note's."""
    found = [s.heading for s in note.sections if s.level == 1 and s.heading]
    return len(found) > 1 and key(clean_term(found[0])) == key(clean_term(title))


def as_topic(text: str, pack: LanguagePack) -> str:
    """`text` (a title or heading) as a subject to put in a question, or "": numbering
    and course parts ("Lecture 7 -", "Глава 2.") go, a question title gives what it
    asks about ("Что такое Virtual DOM, и как он работает?" → "Virtual DOM"), a part
    that only qualifies or introduces the subject goes ("Kafka - More Detail", "Eli
    Bendersky - Internals of asyncio"), and what names no subject gives nothing: a
    label ("Введение", "Basic Concepts", "Pros and cons"), a course, collection or
    event ("Coursera Course", "Частые вопросы"), a sentence ("Знакомимся с Docker")."""
    text = _LEADING_SYMBOLS.sub("", " ".join(text.split()))
    text = pack.topic_prefix.sub("", text)
    text = _NUMBER_PREFIX.sub("", _LETTER_NUMBER.sub("", text)).strip()
    text = _COURSE_CODE.sub("", _around_dash(text, pack)).strip()
    text = _without_part_number(text)
    text = pack.topic_prefix.sub("", text)
    text = pack.topic_suffix.sub("", text)
    asked = pack.topic_question.match(text)
    if asked:
        text = asked.group("x")
    elif text.endswith("?"):
        return ""
    text = clean_term(text)
    if not text or key(text) in _NAMELESS_FILES or _is_label(text, pack):
        return ""
    if _is_meta(text) or pack.topic_transliterated.search(text) or pack.is_sentence(text):
        return ""
    if len(text.split()) > MAX_TOPIC_WORDS or sum(map(str.isalpha, text)) < 2:
        return ""
    if " " not in text and text.count("-") >= 2:
        return ""  # a file name made a slug ("chem-ref-otlichaetsya-ot-reactive")
    if "?" in text or not is_term(text.replace(",", "")):
        return ""
    return text


def _without_part_number(text: str) -> str:
    """ "Go maps in action 1" → "Go maps in action": a part's number after a common word
    goes; a version after a name stays ("Python 3", "Vue 3", "HTTP 2")."""
    found = _PART_NUMBER.search(text)
    word = found.group("word") if found else ""
    if not word.islower() or key(word) in STOP_START:  # "Задача на 8": a task's number
        return text
    if key(word) in KNOWN_NAMES:  # "migration to vue 3": a lowercase name's version
        return text
    return text[: found.start("number")]


def _around_dash(text: str, pack: LanguagePack) -> str:
    """The subject of "A - B", "A: B" or "A (B)": A when B only qualifies it ("Kafka -
    More Detail", "Docker (part 2)"); B when A is a course label or a person ("CSC209 -
    Pointers", "Eli Bendersky - Internals of asyncio"); else the whole text."""
    bracket = _TRAILING_BRACKET.search(text)
    if bracket and (
        pack.topic_qualifier.fullmatch(bracket.group(1).strip())
        or _translated(text[: bracket.start()], bracket.group(1))
        or _remark(bracket.group(1))
    ):
        return text[: bracket.start()].strip()
    parts = SPACED_DASH.split(text, maxsplit=1)
    if len(parts) != 2:
        parts = text.split(": ", 1)
    if len(parts) != 2:
        return text
    before, after = (part.strip() for part in parts)
    if not before or not after:
        return text
    if pack.topic_qualifier.fullmatch(after.rstrip(".")):
        return before
    if _is_course_label(before) or (pack.is_person(before) and not shares_a_word(before, after)):
        return after
    if _is_label(before, pack) or _is_meta(before):
        return after  # "Section III - Basic Concepts" is caught later; "Course: Git" is Git
    if _is_meta(after) and not _is_meta(before):
        return before  # "Kafka - Interview Questions": the questions are about Kafka
    return text


def _remark(bracket: str) -> bool:
    """ "(NOT REQUIRED)", "(25 bonus)": a remark about the part, not its name; an
    acronym ("(CSP)", "(LLN)") is a name."""
    words = bracket.split()
    shouted = len(words) >= 2 and bracket.isupper()
    return shouted or (len(words) >= 2 and any(c.isdigit() for c in bracket))


def _translated(title: str, bracket: str) -> bool:
    """ "Функции(Functions)": a Russian title with its English name in brackets."""
    return (
        bool(CYRILLIC.search(title))
        and not CYRILLIC.search(bracket)
        and len(bracket.split()) >= len(title.split())
    )


def _is_course_label(text: str) -> bool:
    """ "CSC209", "ITEC20267", "DONE[53.00](4)", "Week 3": a code or a number, no subject."""
    digits = any(c.isdigit() for c in text)
    return bool(_COURSE_CODE.fullmatch(text + " ")) or (
        digits and (not _LONG_WORD.search(text) or bool(_BRACKETS.search(text)))
    )


def _is_meta(text: str) -> bool:
    """A course, collection or event title in any pack's words: notes mix languages."""
    return any(p.topic_meta.search(text) for p in PACKS.values())


def _is_label(text: str, pack: LanguagePack) -> bool:
    """A section label, not a subject: "Basic Concepts", "Ответ", "Pros and cons", or
    words that only evaluate ("Преимущества и недостатки", "Advantages")."""
    lowered = key(text)
    if any(lowered in p.topic_labels or lowered in p.generic_headings for p in PACKS.values()):
        return True
    if any(p.topic_label_opening.match(lowered) for p in PACKS.values()):
        return True  # "Сравнение с горутинами", "Examples of …": what it shows is no subject
    if any(lowered in p.task_headings for p in PACKS.values()):
        return True
    first = lowered.split(" ", 1)[0]
    if any(c.isdigit() for c in lowered) and any(first in p.task_headings for p in PACKS.values()):
        return True  # "Задача на 8", "Task 3b": a numbered task, not a subject
    words = [w for w in re.findall(r"\w+", lowered) if w not in _JOINERS]
    evaluation = [re.compile(stem, re.I) for stem in pack.evaluation_words]
    return bool(words) and all(any(e.match(w) for e in evaluation) for w in words)


def _is_slug(name: str) -> bool:
    """A lowercase name joined by hyphens or underscores, as URLs and file names are."""
    return name.islower() and " " not in name and ("-" in name or "_" in name)


def pack_for_name(name: str) -> LanguagePack:
    """The pack a folder's name is read with: by its script, not the note's language."""
    return PACKS["ru"] if CYRILLIC.search(name) else PACKS["en"]


def _abbreviation(folder: str) -> bool:
    """A folder named by a shorthand only its owner reads: a Cyrillic acronym or
    contraction ("ЛШФ", "ФизОс"), or a short lowercase word that is no known name
    ("arch", "kr1"); "CSS", "React" and "vue" name their subject."""
    if key(folder) in KNOWN_NAMES:
        return False
    word = folder.strip()
    if " " in word:
        return False
    if CYRILLIC.search(word):
        return len(word) <= 6 and (word.isupper() or bool(_INNER_CAPITAL.search(word)))
    return word.islower() and len(word) <= 4


def _foreign(folder: str, lang: str) -> bool:
    """A folder named in another language than the note ("Søketeknologi" over English
    notes, "arkhitektura" over Russian ones): a question must be in one language."""
    if lang == "en":
        return any(c.isalpha() and not c.isascii() for c in folder)
    if lang == "ru" and not CYRILLIC.search(folder):
        folder = folder.replace("_", " ")
        if " " in folder.strip():  # "Harmonic analysis" over Russian notes; "Web API" names
            return not names_one_thing(folder)
        return folder.islower() and key(folder) not in KNOWN_NAMES
    return False


def folder_topic(path: str, lang: str = "") -> str:
    """The subject the note's folders name, nearest first ("Computing/PyTorch/x.md" →
    "PyTorch"), or "": a folder that is a course code, a number, a chapter, or a
    generic place ("notes", "inbox", "Без названия") or a name in another language than
    the note's `lang` names none; a note at the vault root has none."""
    folders = path.replace("\\", "/").split("/")[:-1]
    for folder in reversed(folders):
        last = key(folder).rsplit(" ", 1)[-1]  # "Relating Slides", "Lecture notes"
        generic = key(folder) in _GENERIC_FOLDERS or last in _MATERIAL_WORDS
        if generic or _FOLDER_NUMBER.fullmatch(folder.strip()):
            continue
        pack = pack_for_name(folder)
        if _foreign(folder, lang):
            continue
        if _abbreviation(folder) or (" " not in folder.strip() and pack.is_person(folder)):
            continue  # "ФизОс", "ЛШФ", "arch": an owner's shorthand; "Хаустов": a lecturer
        if _is_slug(folder):
            continue  # "web-app-manifest", "migratsiya-s-vue-2": not how a subject is written
        topic = as_topic(spaced(folder.replace("_", " "), KNOWN_NAMES), pack)
        if topic and key(topic) not in _GENERIC_FOLDERS:
            return _as_named(topic)
    return ""


# well-known names a lowercase folder writes that are words, not acronyms ("go" → "Go")
_WORD_NAMES = word_set("go vue git deno node java ruby rust vite")
# well-known names written neither in capitals nor with one capital ("JavaScript")
_SPELLED = {
    name.lower().replace(".", ""): name
    for name in (
        *("JavaScript", "TypeScript", "ECMAScript", "GraphQL", "MongoDB", "PostgreSQL"),
        *("MySQL", "GitHub", "Node.js", "Vuex", "iOS", "HTTPS", "IPv4", "IPv6", "Wi-Fi"),
    )
}


def _as_named(folder: str) -> str:
    """A lowercase folder that is a well-known name, written as a question names it:
    "go" → "Go", "python" → "Python", "css" → "CSS", "javascript" → "JavaScript"; other
    folders as they are."""
    if not folder.islower() or key(folder) not in KNOWN_NAMES:
        return folder
    if folder in _SPELLED:
        return _SPELLED[folder]
    if len(folder) <= 4 and key(folder) not in _WORD_NAMES:
        return folder.upper()
    return folder[:1].upper() + folder[1:]


def note_topic(note: Note, pack: LanguagePack) -> str:
    """The note's subject: its front matter title, else its H1, else its file name
    without a numeric prefix; "" when none of them names a subject."""
    blocks = "\n".join(b.source for s in note.sections for b in s.blocks)
    stem = spaced(note.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], KNOWN_NAMES, blocks)
    if _is_slug(stem):
        stem = ""  # "function-basics", "js_fun": a URL's name for the note, not its title
    title = _meta_title(note.meta)
    if title and _is_first_of_many_h1(note, title):
        title = ""  # a cheat sheet titled after its first section ("Декораторы")
    for candidate in (title, _only_h1(note), stem):
        topic = as_topic(candidate, pack) if candidate else ""
        if topic and not _unused_latin(topic, note, pack) and not _foreign(topic, pack.code):
            return topic
    return ""


def foreign_topic(topic: str, lang: str) -> bool:
    """A subject in another script than the question's words that is no name: "Environment
    and execution contexts" over a Russian question, a Cyrillic heading over an English
    one. A question must be in one language; a name ("Go", "Apache Kafka") is in any."""
    return _foreign(topic, lang)


def _unused_latin(topic: str, note: Note, pack: LanguagePack) -> bool:
    """A Latin title of a note in another language that its text never uses
    ("Mikrofrontend" over "микрофронтенд", "Teorver"): a transliteration, no name."""
    if pack.code == "en" or not topic.isascii() or key(topic) in KNOWN_NAMES:
        return False
    return key(topic.split()[0]) not in _note_text(note)


def _note_text(note: Note) -> str:
    """The note's headings and block sources, lowered: what a name must appear in."""
    parts = [s.heading for s in note.sections]
    parts += [b.source for s in note.sections for b in s.blocks]
    return "\n".join(parts).lower()


def section_topic(
    section: Section | None, pack: LanguagePack, note_subject: str, folder_subject: str = ""
) -> str:
    """The subject to ask within: the note's; when the note names none, the nearest
    enclosing heading that names one (it is inside the note, so more specific than a
    folder); else the subject its folders name (`folder_topic`)."""
    if note_subject:
        return note_subject
    for heading in reversed(section.path if section is not None else ()):
        topic = as_topic(heading, pack)
        if topic and not _foreign(topic, pack.code):
            return topic
    return folder_subject


def subject_for(term: str, topic: str, folder_subject: str) -> str:
    """The subject to ask about `term` within: `topic` (the note's or its section's),
    except when the term is that subject and generic ("local variables" in a note titled
    "Local Variables") and a folder names a wider one ("Bash"): then the folder's."""
    if not (topic and folder_subject) or needs_topic(term, topic):
        return topic
    its_own = shares_a_word(term, topic) and not names_one_thing(term)
    if its_own and not shares_a_word(f"{term} {topic}", folder_subject):
        return folder_subject
    return topic


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
    if key(bare) in KNOWN_NAMES or _POSSESSIVE.fullmatch(bare):
        return True  # well known, or someone's: "Tarjan's"
    letters = sum(c.isalpha() for c in bare)
    if _VERSIONED_ACRONYM.fullmatch(bare):
        return True  # "GPT-3", "PEP8": a name and its version
    if bare.isupper() or (bare.isalnum() and any(c.isdigit() for c in bare)):
        return letters >= 4  # an acronym or a code: unique only when long ("QUIC", not "CFR")
    if _CODE_CHARS.search(bare):
        return True
    inner = _INNER_CAPITAL.search(bare)
    return inner is not None and (not _HYPHEN_CAPITAL.fullmatch(bare) or _is_header(bare))


def _is_header(word: str) -> bool:
    """ "Content-Type", "X-Request-Id": a header field's name, which names one thing; a
    compound of two capitalised words ("One-Shot", "Full-Text") is a term of one note."""
    from notecards.knowledge import lookup_header  # knowledge loads its files on first use

    return word.startswith(("X-", "x-")) or word.count("-") >= 2 or lookup_header(word) is not None


def is_identifier(term: str) -> bool:
    """A term written as code names ("NaN", "useState", "Object.keys", "x-api-key"): not
    a label a note puts in bold ("Definition", "Networks", "ПРЕДУПРЕЖДЕНИЕ")."""
    return any(_CODE_CHARS.search(w) or _INNER_CAPITAL.search(w) for w in term.split())


def needs_topic(term: str, topic: str) -> bool:
    """Whether a question about `term` needs the subject `topic` to be answerable alone.

    It does when the term is generic (common words, a short code or abbreviation, two
    words in a heading's Title Case) and is not the topic itself; a term with a name in
    it ("Virtual DOM", "useEffect", "Domain Name System") stands alone, and so does one
    that shares a word with the topic."""
    if not topic.strip() or not term.strip():
        return False
    if (
        shares_a_word(term, topic)
        or term.strip("`") == _initials(topic)
        or (topic == _initials(term))
    ):
        return False  # the term is the subject ("HF" of "Heart failure")
    words = without_translation(term).split()
    if len(words) == 2 and not any(map(is_named, words)):
        return True  # "Local Variables", "Fan Out": a heading's Title Case, not a name
    return not names_one_thing(term)


def names_one_thing(term: str) -> bool:
    """A term with a name in it ("Virtual DOM", "протокол QUIC"), or a name in title
    case ("Domain Name System"): it means the same thing in any note."""
    words = without_translation(term).split()
    if any(is_named(word) for word in words):
        return True
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2


def carries_topic(term: str, topic: str) -> bool:
    """Whether a question about `term` should name `topic` although the term is not
    generic: an identifier of a tool or library few readers know ("WorkerNum",
    "option()" in a note on CMake) or a compound of its field ("One-Shot" in a note on
    GPT-3) means one thing only there, and a stranger cannot tell whose it is. An
    identifier of a well-known platform ("os.getcwd()" in a note on Python, "<input>"
    in one on HTML) or of the API the note is about ("stopPropagation()" in a note on
    preventDefault) is recognised as it is; so are header names and titled names
    ("Incremental Static Regeneration (ISR)")."""
    if not topic.strip() or not term.strip() or needs_topic(term, topic):
        return False
    if shares_a_word(term, topic) or key(term.strip("`")) in KNOWN_NAMES:
        return False
    if key(topic) in KNOWN_NAMES or _CODE_CHARS.search(topic) or topic[:1].islower():
        return False  # a platform everyone knows, or an API member ("preventDefault")
    words = _ACRONYM_ASIDE.sub("", term).split()
    if any(map(_is_header, words)) or any(map(_NAMESPACED.match, words)):
        return False  # "Content-Type" is HTTP's, "Promise.resolve()" its namespace's
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return False  # a titled name: "OpenID Connect", "Incremental Static Regeneration"
    return is_identifier(" ".join(words)) or any(map(_HYPHEN_CAPITAL.fullmatch, words))
