"""When a mined card is "the same card" as one a student wrote in a gold file.

Students and templates word the same question differently ("Что такое useEffect()?",
"Для чего нужен useEffect?", "Что называют useEffect'ом?"), so fronts are compared by
what they are *about*, not by their wording:

- markup and punctuation go, letters are lower-cased and `ё` becomes `е`;
- question words and intent words (что, такое, зачем, нужен, разница, what, is, used…)
  are dropped: the back decides whether the card answers the right question;
- every other word is cut to its first five letters, which makes Russian case endings
  and English plurals equal ("замыкание" / "замыканием", "promise" / "promises");
  code identifiers (`preventDefault`, `Object.keys`, `h1`) stay whole, since
  `setTimeout` and `setInterval` must not meet;
- classifier words that a template may add or leave out (метод, свойство, значение,
  хук, method, property…) are dropped too;
- the remaining words are compared as bags (Dice coefficient): a front that says more
  than the gold ("useEffect — шаг 2 из 4: что происходит?") loses points for every extra
  word, where rapidfuzz's token_set_ratio would call it equal; a one-word subject must
  be equal, two or more words allow one extra or missing word. Two words are equal when
  their stems are; long ones (identifiers, typos) also when rapidfuzz's ratio is ≥ 90,
  and `event.preventDefault` equals `preventDefault`. Character-level similarity of
  whole fronts is not used: it calls `splice()` and `slice()` the same.

A back matches when it carries most of the gold back's content words (same stems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

FRONT_THRESHOLD = 80  # Dice coefficient of the fronts' content words, 0-100
# …and when the gold gives a back and the card's back carries it, the back confirms the
# subject: "Что такое прототип?" answers "Что такое прототип объекта в JS?"
FRONT_THRESHOLD_WITH_BACK = 65
BACK_SHARE = 0.6  # share of the gold back's content words the card's back must carry
STEM = 5  # letters kept of an ordinary word

# Words that carry the *form* of a question, not its subject, in both corpus languages.
QUESTION_WORDS = frozenset(
    """
    что чем чём как какой какая какое какие каких каким зачем почему когда где кто куда
    такое такой такая такие это этот эта эти является являются называется называют
    понимают подразумевают означает значит нужен нужна нужно нужны для чего
    служит используется используют используются применяется делает делают происходит
    разница разницу различие различия отличие отличия отличается отличаются между
    сравнение сравнить vs versus или и в во на о об от по с со у к из а но ли же есть
    метод метода методы методов функция функции свойство свойства значение значения
    хук хука оператор оператора js javascript
    the a an is are was were what which who why how when where does do did of to for
    in on at by with from and or between difference differences compare compared versus
    used use meant means mean purpose method methods function property value keyword
    """.split()  # noqa: SIM905 (a word list reads best as text)
)

# the Russian ones cut to a stem, so that "свойств", "отличий" or "используем" go too
# (English stems would take "compact" with "compare" and "proper" with "property")
_QUESTION_STEMS = frozenset(
    w[:STEM] for w in QUESTION_WORDS if len(w) > STEM and re.fullmatch("[а-я]+", w)
)

_MARKUP = re.compile(r"[*_=~`#>\[\]{}|\\]")
_IDENTIFIER = re.compile(
    r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+"  # dotted: Object.keys, event.target
    r"|[a-z_$]+[A-Z][\w$]*"  # camelCase: preventDefault, useEffect
    r"|[A-Za-z_$]*\d[\w$]*"  # with digits: h1, es6, utf8
    r"|[A-Za-z]+_[\w]*"  # snake_case
)
_WORD = re.compile(r"[^\W_]+|\$", re.UNICODE)


def _tokens(text: str) -> list[str]:
    """The content words of a side, each cut to its stem; identifiers kept whole."""
    text = text.replace("ё", "е").replace("Ё", "Е")
    words: list[str] = []
    for piece in re.split(r"\s+", _MARKUP.sub(" ", text)):
        piece = piece.strip(".,;:!?()«»\"'“”„—–-…/")
        if not piece:
            continue
        if _IDENTIFIER.fullmatch(piece.replace("()", "")):
            words.append(re.sub(r"\.js$", "", piece.replace("()", "").lower()))
            continue
        for word in _WORD.findall(piece.lower()):
            if word in QUESTION_WORDS or word[:STEM] in _QUESTION_STEMS:
                continue
            words.append(word if word.isdigit() else word[:STEM])
    return words


def content_words(text: str) -> list[str]:
    """Public for tests and reports: what a side is compared by."""
    return _tokens(text)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if (
        a.isalpha()
        and b.isalpha()
        and min(len(a), len(b)) >= 3
        and (a.startswith(b) or b.startswith(a))
    ):  # "год" / "года", "кэш" / "кэшир": short words are not cut to a stem
        return True
    one_dotted = ("." in a) != ("." in b)
    if one_dotted and a.rsplit(".", 1)[-1] == b.rsplit(".", 1)[-1]:
        return True  # event.preventdefault ~ preventdefault
    return min(len(a), len(b)) >= 8 and fuzz.ratio(a, b) >= 90


def _shared(a: list[str], b: list[str]) -> int:
    """How many words of `a` find a partner in `b`, each partner used once."""
    left = list(b)
    count = 0
    for word in a:
        for index, other in enumerate(left):
            if _same_word(word, other):
                del left[index]
                count += 1
                break
    return count


_GLOSS = re.compile(r"\((?=[^()]*\w)[^()]*\)")  # "(closure)", "(Cross-Origin …)", not "()"


def front_score(card_front: str, gold_front: str) -> float:
    """0-100: how far two fronts ask about the same thing.

    A gloss in parentheses ("Что такое замыкание (closure)?") is left out: it restates
    the subject in another language or spells out an abbreviation."""
    a = _tokens(_GLOSS.sub(" ", card_front)) or _tokens(card_front)
    b = _tokens(_GLOSS.sub(" ", gold_front)) or _tokens(gold_front)
    if not a or not b:  # a front of question words only: compare it whole
        return fuzz.ratio(card_front.lower(), gold_front.lower())
    return 200 * _shared(a, b) / (len(a) + len(b))


def back_share(card_back: str, gold_back: str) -> float:
    """0-1: the share of the gold back's content words that the card's back carries."""
    wanted = set(_tokens(gold_back))
    if not wanted:
        return 1.0
    return _shared(sorted(wanted), sorted(set(_tokens(card_back)))) / len(wanted)


@dataclass(frozen=True, slots=True)
class GoldEntry:
    """One card of a gold file: a `want` (counts for recall) or an `ok` (precision only)."""

    front: str
    back: str = ""
    kind: str = ""
    wanted: bool = True


def matches(card_front: str, card_back: str, entry: GoldEntry) -> float:
    """The front score when the card is this gold card (back included), else 0."""
    score = front_score(card_front, entry.front)
    if not entry.back:
        return score if score >= FRONT_THRESHOLD else 0.0
    if score < FRONT_THRESHOLD_WITH_BACK or back_share(card_back, entry.back) < BACK_SHARE:
        return 0.0
    if score < FRONT_THRESHOLD and not _names_kept(card_front, entry.front):
        return 0.0
    return score


# Where a thing lives rather than what it is: a front may leave these out as it may "в JS"
# ("What is a generator function?" for "What is a generator function in Python?").
_CONTEXT_WORDS = """python typescript react vue css html http git sql linux node nodejs java
docker web browser"""
_CONTEXT_STEMS = frozenset(w[:STEM] for w in _CONTEXT_WORDS.split())


def _names_kept(card_front: str, gold_front: str) -> bool:
    """Whether the card's front keeps every Latin-script word of the gold front.

    Below the plain threshold a front may leave out a qualifier ("Что такое прототип?"
    for "Что такое прототип объекта в JS?") but not a name it needs to be answerable:
    "Что такое fixed?" for "Что означает position: fixed?" has lost `position`."""
    card = _tokens(_GLOSS.sub(" ", card_front))
    names = [
        w
        for w in _tokens(_GLOSS.sub(" ", gold_front))
        if re.match(r"[a-z$_]", w) and w not in _CONTEXT_STEMS
    ]
    return all(any(_same_word(name, word) for word in card) for name in names)


def forbidden(card_front: str, patterns: list[re.Pattern[str]]) -> str | None:
    """The first `never` pattern the front matches, if any."""
    for pattern in patterns:
        if pattern.search(card_front):
            return pattern.pattern
    return None
