"""The question a note or a section answers: "question" cards.

Interview notes are titled with the question they answer ("071 Что такое
`useEffect()`", "Разница между var, let и const", "Explain the event loop"), and study
notes put questions in their headings ("## Зачем нужен DNS?"). Such a title or heading,
normalized into a question of the note's language, is the front; the back is the
shortest faithful answer the note gives (`answers.py`): its summary sentence, else its
opening paragraph, cut to a readable length. The blocks that answer are claimed, and a
question heading's section marked covered, so the heading extractor does not ask it
again and the rest of a long note is left to the other extractors.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath

from notecards.extractors.answers import (
    Answer,
    first_sentence,
    is_cue_heading,
    list_answer,
    mentions_cue,
    opening_answer,
    section_answer,
    starts_with_cue,
    subtree,
    summary_answer,
)
from notecards.extractors.base import ExtractContext
from notecards.extractors.coverage import (
    STEM,
    complete,
    mentions,
    mentions_each,
    named_items,
    per_item_answer,
    sides_of,
)
from notecards.extractors.list_shapes import has_cue
from notecards.extractors.question_labels import asks_a_modifier, is_article_label
from notecards.lang import PACKS, LanguagePack, pack_for
from notecards.model import (
    Block,
    Card,
    HtmlBlock,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Section,
    plain_text,
)
from notecards.reader.metadata import meta_title
from notecards.text.cues import fold
from notecards.text.sentences import ENGLISH_DETERMINERS
from notecards.text.terms import is_term, key, looks_like_verb
from notecards.text.topics import SPACED_DASH

NAME = "questions"
KIND = "question"
MAX_QUESTION_CHARS = 200

# "071 ", "0046 ", "RTKQuery001. ", "12) ", "3 - ": numbering before a title
_PREFIX = re.compile(r"^\s*[A-Za-z]*\d+(?:[.)]|\s*[-–—:])?\s+")
_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_MARKUP = re.compile(r"`+|\*\*|__|==|~~")
# emoji, keycaps and bullets: "🎯 Когда …?", "2️⃣ Feature-Sliced Design"
_LEADING_SYMBOLS = re.compile(r"^(?:[^\w\[(«\"'`]|\d\ufe0f?\u20e3)+")
_WORDS = re.compile(r"\w+")
_LABEL_DASH = re.compile(r"-|\s+[-–—]\s")  # "List - Simple stacks", "Name-based": no request
# "Что такое TypeScript? Какие его плюсы?": the opening answers the first question only
_FOLLOW_UP = re.compile(r"\?\s+\w.*$", re.S)
_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")
MIN_STEPS = 3
# a question that is not one: "Do not …" (an order), "Как правило, …" (a phrase)
_NOT_QUESTIONS = re.compile(r"(?:do not|don't|как правило|как видно|как и)\b")

# how sure each shape is that its card is worth keeping (read on real vaults)
CONFIDENCE = {
    ("title", "asked"): 0.8,
    ("title", "topic"): 0.75,
    ("title", "request"): 0.75,
    ("heading", "asked"): 0.6,
    ("heading", "topic"): 0.55,
    ("heading", "request"): 0.55,
    # a heading asked about the note's subject ("useEffect(): когда использовать?"): a
    # blind reader on public vaults kept 2 of 10, so shown by `cards --all` only
    ("heading-in-context", "asked"): 0.45,
    ("heading-in-context", "topic"): 0.4,
    ("heading-in-context", "request"): 0.4,
    ("details", "asked"): 0.7,
    ("details", "topic"): 0.65,
    ("details", "request"): 0.65,
}
# a question whose answer covers part of it ("Что такое X и как его использовать?"): a
# strict reader drops it, so it is shown by `cards --all` only
PARTIAL_CONFIDENCE = 0.4
MAX_LISTED_HEADINGS = 8
MAX_NAME_WORDS = 4  # "- CSR (Client-Side Rendering)": a list line that only names
MAX_QUESTION_WORD_AT = 4  # "С какими вызовами …": a question word after a preposition
MAX_VAGUE_WORDS = 3  # "Что мониторить?", "Как избегать?": too short to name a subject
LATER_SECTION_PENALTY = 0.15  # the answer is under a later heading, not the title
LIST_OR_CODE_PENALTY = 0.05


def clean_title(text: str) -> str:
    """A title or heading without numbering, Markdown markup or closing punctuation."""
    text = _WIKILINK.sub(r"\1", text)
    text = _MARKUP.sub("", text)
    text = " ".join(text.split())
    text = _LEADING_SYMBOLS.sub("", text)
    text = _PREFIX.sub("", text, count=1)
    return text.strip(" .:;–—-")


def _without_part(text: str, pack: LanguagePack) -> str:
    """A question without the course part numbered before it ("Subtopic 2 - What is
    Paging?" → "What is Paging?")."""
    pattern = pack.cues.get("question.part_prefix")
    if not pattern:
        return text
    return re.sub(rf"^(?:{pattern})\s*[-–—:.)]\s*", "", text, count=1, flags=re.I)


def _without_aside(text: str, pack: LanguagePack) -> str:
    """A question without the label a note puts before it ("Side note: why …?",
    "Примечание: зачем …?") or the word that joins it to the text before ("So what is
    a monitor?", "Итак, зачем …?"); neither is part of what is asked."""
    pattern = pack.cues.get("question.aside")
    label = rf"(?:{pattern})(?:\s*[:.)]|\s+[-–—])\s*(?=\w)"  # "Update: …", "Update — …"
    found = re.match(label, fold(text)) if pattern else None
    if found is not None:
        return text[found.end() :]
    opener = pack.cues.get("question.opener")
    joined = re.match(rf"(?:{opener}),?\s+", fold(text)) if opener else None
    if joined is not None and starts_with_cue(pack, "question.start", text[joined.end() :]):
        rest = text[joined.end() :]
        return rest[:1].upper() + rest[1:]
    return text


def is_label_question(question: str, pack: LanguagePack) -> bool:
    """A section label phrased as a question: "What's the problem?", "В чём проблема?",
    "Что стоит за X?" head a part of the note; asked alone they name nothing."""
    pattern = pack.cues.get("question.label")
    text = fold(question).strip().rstrip("?!. ").strip()
    return bool(pattern) and re.fullmatch(rf"(?:{pattern})", text) is not None


def _asks_without_question_word(text: str, pack: LanguagePack) -> bool:
    """A "?" heading with no question word asks only when it has a verb ("GC тормозит
    выполнение?") or offers a choice ("TCP or UDP?"); "Undetectable Trojans?" or
    "State of the art?" is a label with a question mark."""
    if mentions_cue(pack, "question.alternative", text):
        return True
    words = _WORDS.findall(text)
    after_preposition = " ".join(words[1:MAX_QUESTION_WORD_AT])  # "На что …", "In which …"
    if starts_with_cue(pack, "question.start", after_preposition):
        return True
    return any(looks_like_verb(w) for w in words)


def _words(pack: LanguagePack, name: str) -> frozenset[str]:
    return frozenset(pack.cues.get(name, "").split("|"))


def is_vague(question: str, pack: LanguagePack) -> bool:
    """A question that names no subject of its own ("Когда использовать?", "Почему это
    важно?", "Why does it matter?"): it needs its note's subject to be answerable."""
    found = _WORDS.findall(question)
    words = [w.lower() for w in found]
    filler = _words(pack, "question.filler")
    if all(w in filler or w.isdigit() for w in words):
        return True
    if not _words(pack, "question.vague").isdisjoint(words):
        return True  # "Why is it important in Computer Science?": "it" is elsewhere
    named = any(w.isascii() and w.isalpha() and pack.code != "en" for w in found) or any(
        w[:1].isupper() for w in found[1:]
    )
    if named:
        return False
    return len(words) <= MAX_VAGUE_WORDS


_VERSUS = re.compile(r"^(.+?)\s+(?:vs\.?|versus)\s+(.+)$", re.I)
_SITE = re.compile(r"\s[|]\s+\S")


def versus(text: str) -> tuple[str, str] | None:
    """The two things a "X vs Y" title compares."""
    found = _VERSUS.match(clean_title(text))
    if found is None or "?" in found.group(0):
        return None
    second = SPACED_DASH.split(found.group(2), maxsplit=1)[0]  # "React vs Vue — сравнение"
    return found.group(1).strip(), second.strip()


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_question(text: str, pack: LanguagePack) -> tuple[str, str] | None:
    """(question, shape) that a title or heading asks, normalized; None when it asks
    nothing. Shapes: "asked" (a question, with or without its "?"), "request"
    ("Объясните …", "Explain …"), "topic" ("Разница между X и Y")."""
    if _SITE.search(text):
        return None  # "Eventloop in NodeJS: … | DKatalis": a linked page's title
    bracketed = _without_trailing_aside(text.strip(), pack)
    if bracketed is None:
        return None
    text = bracketed
    asks = text.strip().rstrip(" .:;").endswith("?")  # not "Optional chaining `?.`"
    text = _without_aside(_without_part(clean_title(text), pack), pack)
    text = _FOLLOW_UP.sub("?", text, count=1)
    if not text or len(text) > MAX_QUESTION_CHARS or len(text.split()) < 2:
        return None
    if mentions_cue(pack, "question.embedded", text):
        repaired = _from_clause(text)  # "How the GIL Works" → "How does the GIL work?"
        return (repaired, "asked") if repaired is not None else None
    lowered = text.lower()
    if _NOT_QUESTIONS.match(lowered) or is_label_question(text, pack):
        return None
    worded = starts_with_cue(pack, "question.start", text) or starts_with_cue(
        pack, "question.request", text
    )
    if asks and not worded and _names_a_topic(text, pack):
        topic = text.rstrip("?").strip()  # "Роль key в React?" → "В чём роль key в React?"
        return _ask_topic(topic[:1].lower() + topic[1:], pack), "topic"
    if asks and not worded and not _asks_without_question_word(text, pack):
        return None
    if asks:
        return _capitalized(text), "asked"
    pair = versus(text)
    if pair is not None:
        return pack.ask("question.versus", x=pair[0], y=pair[1]), "topic"
    if starts_with_cue(pack, "question.start", text):
        return f"{_capitalized(text)}?", "asked"
    request = starts_with_cue(pack, "question.request", text)
    if request is not None and _LABEL_DASH.match(text, request.end()):
        return None  # "List - Simple, Built-in Stacks": a label, not "list …!"
    if request is not None:
        return _capitalized(text), "request"
    if _names_a_topic(text, pack):
        return _ask_topic(text[:1].lower() + text[1:], pack), "topic"
    return None


_TRAILING_ASIDE = re.compile(r"^(?P<asked>.+?)\s*\((?P<aside>[^()]*)\)\s*\??$", re.S)


def _without_trailing_aside(text: str, pack: LanguagePack) -> str | None:
    """A question heading without the aside in brackets after it: "Is Python slow?
    (No)" asks "Is Python slow?" (the aside gives away the answer); "What the X is (in
    a bit more detail)" goes over a subject asked before and asks nothing new (None).
    A name's expansion ("What is CGI (Common Gateway Interface)?") stays."""
    found = _TRAILING_ASIDE.match(text)
    if found is None:
        return text
    asked, aside = found.group("asked").rstrip(), found.group("aside").strip()
    again = pack.cues.get("question.again_aside")
    if again and re.fullmatch(rf"(?:{again})", fold(aside).strip(" .")):
        return None
    return asked if asked.endswith("?") else text


# a pronoun standing for the whole subject ("How It Works"): lower case after "does"
_PRONOUNS = frozenset({"it"})


def _from_clause(text: str) -> str | None:
    """An English heading worded as a clause ("How the GIL Works", "What a Monad Is"),
    made a question with the verb before its subject ("How does the GIL work?", "What
    is a Monad?"); None when the clause's verb cannot be told ("Why the Sky is Blue")."""
    words = text.rstrip(" ?").split()
    if len(words) < 3:
        return None
    asked, verb, subject = words[0].lower(), words[-1].lower(), words[1:-1]
    if subject[0].lower() in ENGLISH_DETERMINERS | _PRONOUNS:
        subject = [subject[0].lower(), *subject[1:]]
    if any(looks_like_verb(w) for w in subject) or not looks_like_verb(verb):
        return None
    named = " ".join(subject)
    if asked == "what" and verb in ("is", "are"):
        return f"What {verb} {named}?"
    if asked == "how" and verb.endswith("s") and verb not in ("is", "does", "has"):
        base = verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes", "zes")) else verb[:-1]
        base = f"{base[:-2]}y" if verb.endswith("ies") else base
        return f"How does {named} {base}?"
    return None  # "When the Server Crashes" names a situation, it asks no time


def _names_a_topic(text: str, pack: LanguagePack) -> bool:
    """A heading that names what a question asks for ("Роль X", "Advantages of Go"),
    not a word that only starts a compound ("Role-based access control")."""
    cue = starts_with_cue(pack, "question.topic", text)
    return cue is not None and text[cue.end() : cue.end() + 1] != "-"


def _ask_topic(topic: str, pack: LanguagePack) -> str:
    """ "What is the role of X?", "What are the advantages of Go?": agreeing in number
    with the head noun, the words before "of"/"in"."""
    if topic.lower().startswith("the "):
        topic = topic[4:]
    head = re.split(r"\s+(?:of|in|for|between)\s+", topic, maxsplit=1)[0]
    template = "question.topic_plural" if pack.is_plural(head) else "question.topic"
    return pack.ask(template, topic=topic)


def _title_candidates(note: Note) -> list[tuple[str, Section | None]]:
    """The note's title as written: front matter `title`, the first `#` heading, the
    file name; each with the section it heads (if any)."""
    first_h1 = next((s for s in note.sections if s.level == 1), None)
    candidates: list[tuple[str, Section | None]] = []
    title = meta_title(dict(note.meta))
    if title:
        candidates.append((title, None))
    if first_h1 is not None:
        candidates.append((plain_text(first_h1.heading_spans) or first_h1.heading, first_h1))
    candidates.append((PurePosixPath(note.path).stem, None))
    return candidates


def _subject(note: Note, section: Section, pack: LanguagePack) -> str:
    """What a vague question is about: the nearest enclosing heading that names a term,
    else the note's title as written, when it is not itself a question. A file name in
    Latin letters for a note in another language is a transliteration, not a name."""
    for heading in reversed(section.path[:-1]):
        cleaned = clean_title(heading)
        named = cleaned and is_term(cleaned) and key(cleaned) not in pack.generic_headings
        if named and as_question(heading, pack) is None:
            return cleaned
    body = _body_words(note)
    for text, where in _title_candidates(note):
        cleaned = clean_title(text)
        asked = starts_with_cue(pack, "question.what_is", cleaned)
        if asked is not None:  # "Что такое useEffect()" → its term
            cleaned = cleaned[asked.end() :].strip(" ?")
            if not is_term(cleaned):
                continue
        words = _WORDS.findall(cleaned.lower())
        if not words or words[0] not in body:
            continue  # "Optimizatsiya high load": a transliterated name the note never uses
        if asked is not None:
            return cleaned
        transliterated = where is None and text == PurePosixPath(note.path).stem
        if transliterated and pack.code != "en" and cleaned.isascii():
            continue
        if cleaned and as_question(text, pack) is None and not cleaned.isdigit():
            return cleaned
    return ""


def _cue_search(pack: LanguagePack, name: str, text: str) -> re.Match[str] | None:
    pattern = pack.cues.get(name)
    return re.search(rf"\b(?:{pattern})\b", text, re.I) if pattern else None


def _with_pair(question: str, pair: tuple[str, str], pack: LanguagePack) -> str:
    """A question under a "X vs Y" title that leans on it, made to name both: "Which
    one does DNS use?" → "Which of TCP and UDP does DNS use?", "What's the main
    difference?" → "… difference between TCP and UDP?"; a trailing "then" goes."""
    x, y = pair
    body = question.rstrip("?").rstrip()
    trailing = _cue_search(pack, "question.trailing", body)
    if trailing is not None and trailing.end() == len(body):
        body = body[: trailing.start()].rstrip(" ,")
    ref = _cue_search(pack, "question.pair_ref", body)
    if ref is not None:
        named = pack.ask("question.pair_ref", x=x, y=y)
        if ref.start() == 0:
            named = _capitalized(named)
        body = body[: ref.start()] + named + body[ref.end() :]
    elif _cue_search(pack, "question.difference", body) and not _cue_search(
        pack, "question.between", body
    ):
        body += pack.ask("question.between", x=x, y=y)
    return f"{body}?"


def _body_words(note: Note) -> frozenset[str]:
    """The words the note's headings and text are written in, lower-cased."""
    words: set[str] = set()
    for section in note.sections:
        words.update(_WORDS.findall(section.heading.lower()))
        for block in section.blocks:
            words.update(_WORDS.findall(block.source.lower()))
    return frozenset(words)


def _title_answer(
    note: Note, pack: LanguagePack, ctx: ExtractContext
) -> tuple[Answer, bool] | None:
    """The answer to the note's title, and whether it came from a later section (a
    guess: the note may open with something else)."""
    sections = note.sections
    for index, section in enumerate(sections):
        if is_cue_heading(pack, "question.answer_heading", section.heading):
            answer = section_answer(subtree(sections, index), pack, ctx)
            return (answer, False) if answer is not None else None
    opening = [s for s in sections if not s.heading or s.level == 1]
    answer = section_answer(list(sections), pack, ctx) if opening else None
    if answer is not None and any(b in s.blocks for s in opening for b in answer.blocks):
        return answer, False
    if answer is not None and answer.how == "summary":
        return answer, False
    later = next((s for s in sections if s.heading and s.level > 1 and s.blocks), None)
    if later is None or as_question(later.heading, pack) is not None:
        return None  # a question heading gets its own card
    answer = section_answer([later], pack, ctx)
    return (answer, True) if answer is not None else None


def _without_label(answer: Answer, pack: LanguagePack) -> Answer:
    """The answer without the "Ответ:" / "Answer:" label some notes open it with."""
    label = pack.cues.get("question.answer_heading", "")
    pattern = re.compile(rf"^(?:<(?:strong|em)>)?(?:{label})\s*:\s*(?:</(?:strong|em)>)?\s*", re.I)
    text = pattern.sub("", answer.text, count=1)
    if text == answer.text or not text:
        return answer
    return Answer(text, pattern.sub("", answer.html, count=1), answer.blocks, answer.how)


def _headings_answer(
    note: Note, title_section: Section | None, pack: LanguagePack
) -> Answer | None:
    """The headings of the note's parts as a list, for a title that asks for a set
    ("Какие метрики собирать?") and a note with one section per member."""
    parts = [
        s
        for s in note.sections
        if s.heading
        and s is not title_section
        and s.level > 1
        and not is_cue_heading(pack, "question.answer_heading", s.heading)
        and key(clean_title(s.heading)) not in pack.generic_headings
    ]
    if not parts:
        return None
    level = min(s.level for s in parts)
    names = [clean_title(s.heading) for s in parts if s.level == level]
    if not 2 <= len(names) <= MAX_LISTED_HEADINGS or not all(names):
        return None
    text = "\n".join(f"- {name}" for name in names)
    items = "".join(f"<li>{html.escape(name)}</li>" for name in names)
    return Answer(text, f"<ul>{items}</ul>", (), "list")


def _both_sides_listed(question: str, answer: Answer, note: Note, pack: LanguagePack) -> Answer:
    """For a difference question opened by one sentence ("X and Y are often mixed
    up."), the list right after it when that list tells the sides apart item by item:
    the list is the answer, the sentence only announces it."""
    sides = sides_of(question, pack) if answer.how == "opening" else None
    if sides is None or len(answer.blocks) != 1:
        return answer
    blocks = [b for _, b in note.blocks()]
    where = next((i for i, b in enumerate(blocks) if b is answer.blocks[0]), None)
    after = blocks[where + 1] if where is not None and where + 1 < len(blocks) else None
    if not isinstance(after, ListBlock):
        return answer
    listed = list_answer(after)
    items = [_first_text(item) for item in after.items]
    told = all(any(mentions(text, side) for text in items) for side in sides)
    if listed is None or not told or _only_names(listed):
        return answer
    return listed


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
# after a term, the words that say what it is ("X — …", "X это …", "X is …")
_SAYS_WHAT = (
    r"(?:\([^)]*\)\s*)?(?:[—–:]|-\s|это\b|является\b|называ\w+|is\b|are\b|refers\b|means\b)"
)


def _asked_term(question: str, pack: LanguagePack) -> str:
    """The term a "What is X?" / "Что такое X?" question asks about ("" for others)."""
    asked = starts_with_cue(pack, "question.what_is", question)
    if asked is None:
        return ""
    return _ARTICLE.sub("", question[asked.end() :].strip(" ?"))


def _past_contrast(question: str, answer: Answer, blocks: list[Block], pack: LanguagePack,
                   ctx: ExtractContext) -> Answer:  # fmt: skip
    """For "Что такое потоковый рендеринг?" opened by a paragraph about the approach it
    replaces ("При классическом SSR сервер …"), the next paragraph when it names the
    term and says what it is ("Потоковый рендеринг — …"): the opening never names the
    term, so it sets the scene rather than answering."""
    term = _asked_term(question, pack)
    if not term or answer.how != "opening" or mentions(answer.text, term):
        return answer
    where = next((i for i, b in enumerate(blocks) if b is answer.blocks[-1]), None)
    after = blocks[where + 1] if where is not None and where + 1 < len(blocks) else None
    if not isinstance(after, Paragraph) or ctx.is_claimed(after):
        return answer
    sentence = first_sentence(after)
    defining = rf"^(?:the\s+|a\s+|an\s+)?\W*{re.escape(term)}\W*{_SAYS_WHAT}"
    if sentence is None or re.match(defining, sentence[0], re.I) is None:
        return answer
    return opening_answer(blocks[where + 1 :], ctx, pack) or answer


def _only_names(listed: Answer) -> bool:
    """A list read as its labels only ("- Vue / - Nuxt"): it names the sides, it tells
    them apart no better than the question does."""
    return all(len(line.split()) <= MAX_NAME_WORDS for line in listed.text.splitlines())


def _first_text(item: ListItem) -> str:
    return next((b.text for b in item.blocks if isinstance(b, Paragraph)), "")


def fit(question: str, answer: Answer, pack: LanguagePack) -> float | None:
    """How far the answer can be trusted to answer the whole question: None when it
    cannot (a difference that describes one side only), a cap on the confidence when
    it may not (two questions in one, a difference whose sides are not told), 1.0."""
    if mentions_cue(pack, "question.compound", f" {question} ") and answer.how != "whole":
        return PARTIAL_CONFIDENCE
    if not mentions_cue(pack, "question.difference", question):
        return 1.0
    sides = sides_of(question, pack)
    if sides is None:
        return PARTIAL_CONFIDENCE  # "В чём отличие от const?": from what, and of what
    if not mentions_each(answer.text, sides, pack):
        return None
    return 1.0


_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
RESTATED_SHARE = 0.8  # of the back's words that are the question's own
_SHORTCODE = re.compile(r":[a-z_]+:")  # ":speech_balloon:"


def restates(question: str, back: str) -> bool:
    """A back that only repeats its question ("HTTPS uses asymmetric or symmetric
    encryption?" under the same heading, the title of the paper the heading names):
    it answers nothing."""
    asked = {w.lower() for w in _CONTENT_WORD.findall(question)}
    said = [w.lower() for w in _CONTENT_WORD.findall(_SHORTCODE.sub(" ", back))]
    if not said or len(said) > len(asked) + MAX_NAME_WORDS:
        return False
    words = " ".join(w.lower() for w in _WORDS.findall(question))
    if f" {words} " in " {} ".format(" ".join(_WORDS.findall(back.lower()))):
        return True  # "Daniel J. Nicholson's Is the cell really a machine?"
    repeated = [w for w in said if any(_same_word(w, a) for a in asked)]
    return len(repeated) >= RESTATED_SHARE * len(said)


def _same_word(one: str, other: str) -> bool:
    """The same word, endings aside ("uses" and "use", "машиной" and "машина")."""
    size = min(len(one), len(other), STEM)
    return one[:size] == other[:size]


def _make(
    ctx: ExtractContext,
    question: str,
    shape: str,
    where: str,
    answer: Answer,
    section: Section | None,
    line: int,
    later: bool,
) -> Card | None:
    confidence = CONFIDENCE[(where, shape)]
    pack = pack_for(ctx.note.lang) or PACKS["en"]
    cap = fit(question, answer, pack)
    if cap is None or restates(question, answer.text):
        return None
    if mentions_cue(pack, "answer.meta_reply", answer.text):
        return None  # "Вот развёрнутый ответ для собеседования: …": a speech to give
    confidence = min(confidence, cap)
    if later:
        confidence -= LATER_SECTION_PENALTY
    if answer.how in ("list", "code"):
        confidence -= LIST_OR_CODE_PENALTY
    return ctx.card(
        kind=KIND,
        extractor=NAME,
        rule=f"{NAME}.{where}-{shape}",
        confidence=round(confidence, 2),
        evidence=f"the {where} asks this; answer: {answer.how}"
        + (" under a later heading" if later else "")
        + ("; it asks more than the answer tells" if cap < 1.0 else ""),
        anchor=f"{where}: {question}",
        front=question,
        back=answer.text,
        back_html=answer.html,
        line=line,
        section=section,
        about=question if where == "heading" else "",  # h18-subject: "Go maps: how do you …?"
        may_stand_alone=True,  # asked as the note words it: never capped for lack of one
    )


def _cover(ctx: ExtractContext, section: Section | None) -> None:
    """Mark the section asked, so the heading extractor does not ask it again. The
    answer's blocks stay free: a definition or a list in them is another card."""
    if section is not None:
        ctx.covered.add(section.line)


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def _is_title_cased(text: str) -> bool:
    """A title written in Title Case without a "?" ("How We Think About Life", "Why
    Understand Ethics"): the name of a lecture or an essay, not a question it answers."""
    if clean_title(text).endswith("?"):
        return False
    words = _TITLE_WORD.findall(clean_title(text))
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _is_personal(question: str, shape: str, pack: LanguagePack) -> bool:
    """A question about the writer ("Why did I …?") or the one who answers it
    ("Какие технологии вы используете?", "Были ли проблемы с X?"): its answer is an
    account of one person's experience, not something to learn."""
    if mentions_cue(pack, "question.about_you", question):
        return True  # "Какие технологии вы используете?", "What was your role …?"
    return shape != "request" and mentions_cue(pack, "question.personal", question)


def _is_discussion(question: str, pack: LanguagePack) -> bool:
    """A scenario or an account of the reader's own experience ("Представьте, что вы
    …", "Tell me about a time …", "С какими вызовами вы сталкивались?"): the note holds
    candidate replies, not an answer to learn."""
    return mentions_cue(pack, "question.discussion", question)


def without_we(question: str, pack: LanguagePack) -> tuple[str, bool]:
    """The question without the "we" of a course or a project, and whether it still
    leans on one. "Зачем нам нужен DNS?" → "Зачем нужен DNS?" and "Why do we need
    callbacks?" → "Why are callbacks needed?" stand alone; "What can we write in the
    product tab?" or "Зачем нам дожидаться всех шардов?" speak of a "we" and a setting
    that live elsewhere in the note."""
    if not mentions_cue(pack, "question.we", question):
        return question, False
    pattern = pack.cues.get("question.we_need", "")
    found = re.match(pattern, question.rstrip("? ").strip(), re.I) if pattern else None
    if found is None:
        return question, True
    rest = found.group("rest").strip()
    if mentions_cue(pack, "question.we", rest):
        return question, True
    template = "question.we_need_plural" if pack.is_plural(rest) else "question.we_need"
    ask = found.group("ask").lower()
    return pack.ask(template, Ask=_capitalized(ask), rest=rest), False


def asks_alone(heading: str, pack: LanguagePack) -> bool:
    """Whether a question heading can be asked as it is written: a question (not a
    label), not a discussion, not one that speaks from inside a course ("we")."""
    asked = as_question(heading, pack)
    if asked is None or _is_discussion(asked[0], pack) or _is_personal(*asked, pack):
        return False
    return not without_we(asked[0], pack)[1]


def _is_procedure(question: str, answer: Answer, pack: LanguagePack) -> bool:
    """ "Как собрать и запустить образ?" over a numbered list of steps: the procedure
    extractor asks for the steps in order, a second card with the same list would
    only repeat it."""
    listed = [b for b in answer.blocks if isinstance(b, ListBlock)]
    steps = any(b.ordered and len(b.items) >= MIN_STEPS for b in listed)
    return steps and has_cue(question, pack.process_words)


def _asks_for_steps(question: str, note: Note, pack: LanguagePack) -> bool:
    """ "How to install …?" over a numbered list: the procedure extractor's card."""
    if not starts_with_cue(pack, "question.howto", question):
        return False
    return any(isinstance(b, ListBlock) and b.ordered and len(b.items) >= MIN_STEPS
               for _, b in note.blocks())  # fmt: skip


def _title_card(
    note: Note, pack: LanguagePack, ctx: ExtractContext
) -> tuple[Card | None, Section | None]:
    """The card of a question title, if the note answers it, and the section the
    title heads (not asked again as a heading). A summary sentence that closes the
    note ("Итак, коротко: …") answers before the opening does."""
    for text, section in _title_candidates(note):
        asked = as_question(text, pack)
        if asked is None or _is_title_cased(text):
            continue
        if _is_personal(*asked, pack) or _asks_for_steps(asked[0], note, pack):
            return None, None
        if _is_discussion(asked[0], pack):
            return None, None
        question, leans = without_we(asked[0], pack)
        if leans:  # a title has no setting of its own to name the "we" by
            return None, None
        asked = (question, asked[1])
        h1 = section or next((s for s in note.sections if s.level == 1), None)
        # a closing summary answers a plain question; a difference or a request wants
        # the comparison or the account the note opens with
        summary = summary_answer(_last_paragraph(note), pack, ctx) if asked[1] == "asked" else None
        found = (summary, False) if summary is not None else _title_answer(note, pack, ctx)
        if found is None:  # "## computed" … "## watch": a part per thing the title names
            per_item = per_item_answer(named_items(asked[0], pack), list(note.sections))
            found = (per_item, False) if per_item is not None else None
        if found is None and starts_with_cue(pack, "question.set", clean_title(text)):
            listed = _headings_answer(note, h1, pack)
            found = (listed, True) if listed is not None else None
        if found is None:
            return None, None
        answer, later = found
        if answer.how == "opening" and _builds_over_an_article(asked[0], note, pack):
            return None, None
        answer = _past_contrast(asked[0], answer, [b for _, b in note.blocks()], pack, ctx)
        answer = _both_sides_listed(asked[0], _without_label(answer, pack), note, pack)
        completed = complete(asked[0], answer, list(note.sections), pack, ctx)
        if completed is None:
            return None, None
        answer = completed
        line = h1.line if h1 is not None else (answer.blocks or note.sections)[0].line
        _cover(ctx, h1)
        return _make(ctx, *asked, "title", answer, section, line, later), h1
    return None, None


MIN_ARTICLE_PARTS = 3


def _builds_over_an_article(question: str, note: Note, pack: LanguagePack) -> bool:
    """ "How to Build a Thread Pool?" over a note of several parts: the answer is the
    article, and its opening paragraph (often a recap of the part before) is not it."""
    if not starts_with_cue(pack, "question.howto_build", question):
        return False
    parts = [s for s in note.sections if s.heading and s.level > 1 and s.blocks]
    return len(parts) >= MIN_ARTICLE_PARTS


def _last_paragraph(note: Note) -> list[Block]:
    """The note's last top-level paragraph, where a summary of the whole note is."""
    last = [b for _, b in note.blocks() if isinstance(b, Paragraph)]
    return last[-1:]


def _heading_cards(
    note: Note, pack: LanguagePack, ctx: ExtractContext, title_section: Section | None
) -> list[Card]:
    """One card per question heading, a vague one asked about its subject."""
    cards: list[Card] = []
    pair = next((p for t, _ in _title_candidates(note) if (p := versus(t))), None)
    for index, section in enumerate(note.sections):
        if not section.heading or section is title_section or section.line in ctx.covered:
            continue
        heading = plain_text(section.heading_spans) or section.heading
        asked = as_question(heading, pack)
        if asked is None or _is_personal(*asked, pack) or _is_title_cased(heading):
            continue
        question, shape = asked
        if _is_discussion(question, pack):
            ctx.covered.add(section.line)
            continue
        label = is_article_label(question, section.heading, note, pack)
        if label or asks_a_modifier(question, note, section):
            ctx.covered.add(section.line)  # "Что менять в коде?", "Когда использовать Full-Text?"
            continue
        question, leans = without_we(question, pack)
        where = "heading"
        if pair is not None and shape == "asked":
            question = _with_pair(question, pair, pack)
        if leans or is_vague(question, pack):
            subject = _subject(note, section, pack)
            if not subject:
                ctx.covered.add(section.line)  # asked as it is, it would name nothing
                continue
            question, where = pack.in_topic(question, subject), "heading-in-context"
        unit = subtree(note.sections, index)
        answer = section_answer(unit, pack, ctx) or per_item_answer(
            named_items(question, pack), unit[1:]
        )
        if answer is not None and _is_procedure(question, answer, pack):
            continue  # the procedure extractor asks for the steps
        if answer is not None:
            answer = _past_contrast(
                question, answer, [b for s in unit for b in s.blocks], pack, ctx
            )
            answer = _both_sides_listed(question, _without_label(answer, pack), note, pack)
            answer = complete(question, answer, unit, pack, ctx)
        if answer is None:  # the heading extractor would ask it with the same opening
            _cover(ctx, section)
            continue
        card = _make(ctx, question, shape, where, answer, section, section.line, False)
        cards += [card] if card is not None else []
        _cover(ctx, section)
    return cards


def _details_cards(note: Note, pack: LanguagePack, ctx: ExtractContext) -> list[Card]:
    """`<details><summary>Question?</summary> answer </details>`: a question the
    note hides behind a fold, answered inside it."""
    cards: list[Card] = []
    for section in note.sections:
        blocks = section.blocks
        for index, block in enumerate(blocks):
            if not isinstance(block, HtmlBlock):
                continue
            found = _SUMMARY.search(block.html)
            asked = as_question(_TAGS.sub("", found.group(1)), pack) if found else None
            if asked is None or is_vague(asked[0], pack) or _is_discussion(asked[0], pack):
                continue
            if without_we(asked[0], pack)[1]:
                continue
            inside: list[Block] = []
            for after in blocks[index + 1 :]:
                if isinstance(after, HtmlBlock):
                    break
                inside.append(after)
            answer = opening_answer(inside, ctx, pack)
            if answer is not None:
                answer = _without_label(answer, pack)
                card = _make(ctx, *asked, "details", answer, section, block.line, False)
                cards += [card] if card is not None else []
    return cards


def extract_questions(note: Note, ctx: ExtractContext) -> list[Card]:
    """A card for a question title, one per question heading and one per question
    folded in `<details>`, each answered by the note."""
    pack = pack_for(note.lang)
    if pack is None:
        return []
    title_card, title_section = _title_card(note, pack, ctx)
    cards = [title_card] if title_card is not None else []
    cards += _heading_cards(note, pack, ctx, title_section)
    cards += _details_cards(note, pack, ctx)
    return cards
