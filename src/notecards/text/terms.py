"""What can be a term, how to tidy one, and which terms a note emphasises.

A term is what a card asks about ("Что такое X?"), so a wrong one makes a wrong card.
The guards are deliberately strict: a short noun phrase (at most five words), no
comma, no word that looks like a finite verb, not a pronoun, not opening with a
conjunction or a preposition. Russian verbs are recognised by their endings, with the
common nouns that share those endings listed as exceptions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from notecards.text.sentences import Flat, word_set

MAX_TERM_WORDS = 5
MAX_TERM_CHARS = 60

PRONOUNS = word_set(
    """он она оно они это этот эта эти этого этой тот та то те что кто который которая
    которое которые его её ее их им ими всё все мы вы я ты такой такая такое такие
    здесь там тут так какой какая какое какие каких чей чья чьё чьи сколько
    it its this that these those they them he she we you i there here which who whom
    what one something everything nothing anything someone"""
)

# Words a term (or a definition) never starts with: conjunctions, prepositions,
# particles, sentence adverbs and determiners that point elsewhere ("Our solution",
# "Another issue"), of both languages (a Russian note quotes English).
STOP_START = word_set(
    """и а но или либо что чтобы если когда пока потому поэтому так как в во на с со к
    ко по о об обо от до из за для при без под над через между после перед у же ли не
    ни также тоже однако затем сначала например кроме именно только ещё еще уже даже
    вот ведь зато причём причем хотя чем где куда откуда почему зачем как
    and but or nor so that if when while because although though since unless until
    in on at for with by from to of about as after before into onto over under not
    also however therefore then just only even very thus hence where why how whether
    another our my your their his her"""
)

# Adverbs and predicatives that open an opinion, not a definition ("X — это важно").
OPINION_START = word_set(
    """важно нужно необходимо просто очень удобно быстро легко сложно трудно возможно
    полезно плохо хорошо интересно круто всегда никогда часто редко обычно можно
    нельзя главное неважно
    important useful easy hard simple necessary possible always never often usually
    not really quite"""
)

_ADJECTIVES = word_set("главное")  # opinion words that are adjectives before a noun
_RU_VERB_WORDS = word_set(
    """есть будет будут был была было были может могут можно нужно надо нельзя следует
    является являются являлся являлась являлось являлись идет идёт идут дает даёт дают
    несет несёт ведет ведёт хочет хотят стоит"""
)
# Endings of Russian finite verbs, checked on the word's last letters.
_RU_VERB_ENDINGS = (
    "ется", "ются", "ится", "ятся", "ться", "тся", "ался", "алась", "алось", "ались",
    "ился", "илась", "илось", "ились", "ешь", "ает", "яет", "еет", "ует", "ают", "яют",
    "еют", "уют", "ит", "ят", "ют", "ял", "ил",
)  # fmt: skip
# Nouns (and other words) that end like a verb.
_RU_NOT_VERBS = word_set(
    """кредит лимит бит хит аудит транзит депозит дефицит монолит гранит коммит юнит кит
    визит аппетит алфавит динамит реквизит паразит колорит сплит спринт гит эксплойт
    валют салют уют парашют абсолют ребят опят крокодил утил"""
)
_EN_VERBS = word_set(
    """is are was were be been being am has have had do does did can could will would
    shall should may might must means refers allows lets enables requires needs
    includes contains provides consists stands becomes seems happens occurs works runs
    sends receives stores checks defines uses makes gets returns handles keeps takes
    gives isn't aren't doesn't don't
    can't won't"""
)
_EN_CLAUSE = word_set("that which who whom whose if when while because where")

_QUOTES = "\"'«»“”„‘’`"
_EDGE = _QUOTES + "[]{}<>*_=~ \t"
_TRAIL = ".,:;!?…—–-" + _EDGE
_LEAD = "—–-•·*+>" + _EDGE
_WORD = re.compile(r"\w[\w+/#-]*(?:\.\w+)*")
_TERM_BREAKS = re.compile("[,;:!?\n]")  # punctuation a term never holds
CYRILLIC = re.compile("[ЁА-яё]")  # the letters whose lower case is а-я or ё
_LABELS = word_set(
    """примечание замечание важно внимание пример примеры совет подсказка итог итоги
    вывод выводы заметка note notes warning caution tip hint example examples summary
    important info todo tl;dr"""
)


def key(term: str) -> str:
    """How terms are compared: case, ё/е and spacing folded."""
    return " ".join(term.casefold().replace("ё", "е").split())


@lru_cache(maxsize=4096)
def clean_term(text: str) -> str:
    """Strip quotes, brackets, list markers and trailing punctuation; keep hyphens.

    Memoised: the same emphasised words are cleaned by each extractor that reads them."""
    text = " ".join(text.split())
    previous = None
    while text != previous:
        previous = text
        text = text.strip(_EDGE)
        text = text.lstrip(_LEAD).rstrip(_TRAIL)
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1]
        if text.endswith(")") and "(" not in text:
            text = text[:-1]
        if text.startswith("(") and ")" not in text:
            text = text[1:]
    return text


def _cyrillic(word: str) -> bool:
    return CYRILLIC.search(word) is not None


@lru_cache(maxsize=8192)
def looks_like_verb(word: str) -> bool:
    """A finite verb in either language (Russian by ending, English from a list).

    Memoised: the guards ask about the same few hundred words of a note many times."""
    word = word.lower().strip(_TRAIL)
    if not word:
        return False
    if not _cyrillic(word):
        return word in _EN_VERBS
    if word in _RU_VERB_WORDS:
        return True
    if word in _RU_NOT_VERBS or "-" in word or len(word) < 4:
        return False
    if word.endswith(("ит", "ят", "ют", "ял", "ил")) and len(word) < 5:
        return False
    return word.endswith(_RU_VERB_ENDINGS)


def is_reflexive(word: str) -> bool:
    return word.lower().endswith(("ся", "сь"))


def is_label(text: str) -> bool:
    """`**Примечание**:`, `**Note**:`: a label before a remark, not a term."""
    return key(text) in _LABELS


@lru_cache(maxsize=4096)
def is_term(text: str) -> bool:
    """Whether `text` (already cleaned) can be the subject of a definition card.

    Memoised: a note's terms are tested again by each extractor that meets them."""
    if not text or len(text) > MAX_TERM_CHARS or _TERM_BREAKS.search(text):
        return False
    if ". " in text or text.endswith("."):
        return False
    words = text.split()
    if not 1 <= len(words) <= MAX_TERM_WORDS or not any(map(str.isalpha, text)):
        return False
    lowered = [w.lower().strip(_TRAIL) for w in words]
    if lowered[0] in STOP_START:
        return False
    if lowered[0] in OPINION_START and (len(words) == 1 or lowered[0] not in _ADJECTIVES):
        return False  # "Важно", "Очень быстро"; but "Главное преимущество HTTP/2" is a term
    if not PRONOUNS.isdisjoint(lowered) or is_label(text):
        return False
    if not _EN_CLAUSE.isdisjoint(lowered):
        return False
    return not any(map(looks_like_verb, words))


def starts_badly(text: str) -> bool:
    """A would-be definition that opens with a conjunction, pronoun, negation or opinion."""
    words = text.split(maxsplit=1)
    if not words:
        return True
    first = words[0].lower().strip(_TRAIL)
    return first in STOP_START or first in PRONOUNS or first in OPINION_START


def mentions(text: str, term: str) -> bool:
    """`term` occurs in `text` as whole words (case-insensitive)."""
    return find_term(text, term) >= 0


@lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole words; an acronym or a very short term ("A", "MX") only in its own case."""
    exact = term.isupper() or len(term) <= 2
    flags = 0 if exact else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", flags)


def find_term(text: str, term: str) -> int:
    """Offset of the first whole-word occurrence of `term` in `text`, else -1."""
    if not term:
        return -1
    match = _term_pattern(term).search(text)
    return match.start() if match else -1


def blank_term(text: str, term: str, mark: str = "…") -> str:
    """`text` with every whole-word `term` replaced by `mark` (a reverse card's front)."""
    return _term_pattern(term).sub(mark, text) if term else text


def leading_term(flat: Flat) -> tuple[str, int] | None:
    """`**X**: Y`, `_X_ — Y`, `` `X` — Y``: an emphasised run (or inline code) opening the
    sentence, then `:` or a dash.

    Returns the cleaned term and the offset where Y starts.
    """
    if flat.emph and flat.emph[0][0] == 0:
        end = flat.emph[0][1]
    elif flat.code and flat.code[0][0] == 0:
        end = flat.code[0][1]
    else:
        return None
    text = flat.masked
    size = len(text)
    if text[end - 1] == ":":  # `**X:** Y`
        after = end
    else:
        index = end
        while index < size and text[index] == " ":
            index += 1
        if index >= size:
            return None
        spaced_hyphen = text[index] == "-" and index > end and text[index + 1 : index + 2] == " "
        if text[index] not in ":—–" and not spaced_hyphen:
            return None
        after = index + 1
    while after < size and text[after] == " ":
        after += 1
    term = clean_term(flat.text[:end])
    return (term, after) if term and after < size else None


def emphasized_terms(flats: Iterable[Flat]) -> list[str]:
    """Terms that the sentences emphasise (em, strong, ==highlight==), in order."""
    return list(emphasized_by_key(flats).values())


def emphasized_by_key(flats: Iterable[Flat]) -> dict[str, str]:
    """`emphasized_terms` keyed by `key`, for callers that merge them with other terms."""
    found: dict[str, str] = {}
    for flat in flats:
        for start, end in flat.emph:
            term = clean_term(flat.text[start:end])
            if is_term(term):  # never a label: `is_term` refuses those
                found.setdefault(key(term), term)
    return found


class Vocabulary:
    """How the note itself writes words, to print a sentence-initial term in lower case
    ("Кэширование — это …" → "Что такое кэширование?") without lowering a proper noun.

    A capitalised word is lowered when the note also writes it in lower case, or when it
    is Russian and the note never capitalises it in the middle of a sentence.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._words: dict[int, list[str]] = {}  # a text's words, by its index
        self._shown: dict[str, str] = {}  # `display` of each term asked about

    def _writes(self, word: str, *, mid: bool = False) -> bool:
        """Whether a text has `word` among its words (`mid`: past its first word).

        A note asks about a few terms, not about all its words: only the texts that
        hold the string are cut into words, each once."""
        for index, text in enumerate(self._texts):
            if word not in text:
                continue
            words = self._words.get(index)
            if words is None:
                words = self._words[index] = _WORD.findall(text)
            if word in (words[1:] if mid else words):
                return True
        return False

    @classmethod
    def from_flats(cls, flats: Iterable[Flat]) -> Vocabulary:
        return cls(flat.text for flat in flats)

    def display(self, term: str) -> str:
        """A sentence-initial term as it would read inside a sentence: only its first
        word may be lowered, and not when the others are capitalised (a proper name).

        Remembered per vocabulary (one note): its extractors ask about a term again."""
        shown = self._shown.get(term)
        if shown is None:
            shown = self._shown[term] = self._display(term)
        return shown

    def _display(self, term: str) -> str:
        first, space, rest = term.partition(" ")
        if first in ("A", "An", "The") and rest:
            return first.lower() + space + rest
        if any(w[:1].isupper() and w[1:].islower() for w in rest.split()):
            return term  # "Domain Name System": a name in title case
        return self._word(first) + space + rest

    def _word(self, word: str) -> str:
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
            return word
        if not word.replace("-", "").isalpha():
            return word
        lower = word.lower()
        if lower.islower() and self._writes(lower):
            return lower
        # a word opening its sentence says nothing about how the note writes it
        if _cyrillic(word) and not self._writes(word, mid=True):
            return lower
        return word
