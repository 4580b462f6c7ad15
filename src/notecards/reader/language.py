"""Which language a note is written in, so cards ask in that language.

Only the note's prose is read: code, inline code, math, URLs, data URIs (a base64
image is thousands of Latin letters) and link targets say nothing about the language
the student writes in. Front matter `lang` comes first (reader/__init__.py); then the
script decides where it is unambiguous and cheap: Cyrillic prose with letters only
Russian has (ы э ъ ё) and none only Ukrainian or Belarusian has is Russian, and ASCII
prose full of English function words is English. Anything else (Czech, German,
Ukrainian, Italian…, or a short ambiguous note) goes to a statistical detector,
py3langid, loaded on first use. A note in a language without a pack gets its explicit
cards only, and `unasked_languages` says so once per run.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from notecards.model import Note, Problem

DETECT_LIMIT = 20000  # characters of a note read to tell its language
_ALIASES = {
    "rus": "ru",
    "russian": "ru",
    "русский": "ru",
    "eng": "en",
    "english": "en",
    "ukr": "uk",
    "ukrainian": "uk",
    "ces": "cs",
    "cze": "cs",
    "czech": "cs",
    "deu": "de",
    "ger": "de",
    "german": "de",
    "ita": "it",
    "italian": "it",
}
_CODE_SHAPE = re.compile(r"[a-z]{2,3}")
# Letters are counted in the text's UTF-8 bytes, where C does the work without making
# a string per word: an ASCII letter is one byte that occurs in nothing else, and every
# character from U+0400 to U+047F starts with byte D0 or D1, which only starts those.
# The few of that block that are not Russian letters (А-я, Ё, ё) are counted apart.
_LATIN_BYTES = string.ascii_letters.encode()
_CYRILLIC_LEADS = (b"\xd0", b"\xd1")
_NOT_RUSSIAN = re.compile("[\u0400\u0402-\u040f\u0450\u0452-\u047f]")
_ONLY_RUSSIAN = re.compile("[ыэъёЫЭЪЁ]")
_OTHER_CYRILLIC = re.compile("[іїєґўІЇЄҐЎ]")  # Ukrainian, Belarusian
_NON_ASCII_LATIN = re.compile("[À-ɏ]")  # accented Latin letters: not English prose
# what is not prose: fenced and indented code, math, inline code, images and links'
# targets, bare URLs, HTML tags, wikilink targets (their alias is kept). The lookahead
# holds every alternative's first character: the engine tries the alternatives only
# there, not at every character of the note (half the time of the substitution).
_NOT_PROSE = re.compile(
    r"(?=[`~$!\[<hfd])(?:"
    r"^(```|~~~).*?^\1[^\n]*$"
    r"|\$\$.*?\$\$"
    r"|`[^`\n]*`"
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"
    r"|\[\[(?:[^\]|\n]*\|)?"
    r"|(?:https?|ftp|data):[^\s)\]>]+"
    r"|<[^>\n]+>"
    r"|\$[^$\n]+\$)",
    re.DOTALL | re.MULTILINE,
)
_LINK_TEXT = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_WORD = re.compile(r"[A-Za-z']+")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
# English words that carry no subject and occur in nearly every English sentence
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "is",
        "are",
        "was",
        "were",
        "of",
        "and",
        "to",
        "that",
        "this",
        "with",
        "for",
        "it",
        "be",
        "by",
        "on",
        "an",
        "as",
        "from",
        "which",
        "can",
        "has",
        "have",
        "not",
        "or",
        "you",
        "we",
        "they",
    ]
)
ENGLISH_SHARE = 0.12  # of words function words: the prose is English without asking
MIN_DETECTED_WORDS = 20  # shorter unaccented Latin prose is too short to tell: English
SURE = 0.5  # how sure the detector must be; less sure, the script's language is taken
CYRILLIC_SHARE = 0.25  # of letters Cyrillic: the prose is in a Cyrillic language


def normalize_lang(value: object) -> str | None:
    """`ru`, `ru-RU`, `Russian`, `cs` → a two-letter code; None for what is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code.split("-")[0])
    return code if _CODE_SHAPE.fullmatch(code) else None


def prose_of(text: str) -> str:
    """`text` without code, math, URLs, data URIs and link targets (a link's text stays)."""
    text = _LINK_TEXT.sub(r" \1 ", text)
    return _NOT_PROSE.sub(" ", text)


def detect_language(text: str) -> str:
    """The language of a note's prose, as a two-letter code ("en" when there is none)."""
    prose = prose_of(text[:DETECT_LIMIT])
    cyrillic, latin = letter_counts(prose)
    if not cyrillic + latin:  # a note of code only speaks in its comments and names
        prose = text[:DETECT_LIMIT]
        cyrillic, latin = letter_counts(prose)
    total = cyrillic + latin
    if not total:
        return "en"
    if cyrillic / total >= CYRILLIC_SHARE:
        if _OTHER_CYRILLIC.search(prose) is None and (
            _ONLY_RUSSIAN.search(prose) is not None or cyrillic < 40
        ):
            return "ru"
        fallback = "ru"
    else:
        words = _WORD.findall(prose.lower())
        if _english_share(words) >= ENGLISH_SHARE:
            return "en"
        # Latin letters without accents are English unless a longer text says otherwise
        if _NON_ASCII_LATIN.search(prose) is None and len(words) < MIN_DETECTED_WORDS:
            return "en"
        letters = _LETTER_RUNS.findall(prose)
        if sum(len(w) >= 3 for w in letters) < len(letters) / 2:
            return "en"  # letters and codes ("k1 | v"), not words: no language to tell
        fallback = "en"
    code, probability = _detector()(prose)
    return code if probability >= SURE else fallback


def _english_share(words: list[str]) -> float:
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


@cache
def _detector() -> Callable[[str], tuple[str, float]]:
    """py3langid's classifier with probabilities, made once per process (on first use:
    a vault in Russian and English never loads it)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda prose: identifier.classify(prose)


def letter_counts(text: str) -> tuple[int, int]:
    """How many Russian letters (А-я, Ё, ё) and Latin letters (A-Z, a-z) `text` holds."""
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data) - len(data.translate(None, _LATIN_BYTES))
    if len(data) == len(text):  # ASCII only
        return 0, latin
    block = sum(map(data.count, _CYRILLIC_LEADS))
    return block - len(_NOT_RUSSIAN.findall(text)), latin


def unasked_languages(notes: Iterable[Note], where: str, asked: Iterable[str]) -> list[Problem]:
    """One warning for the run: how many notes are in a language notecards does not ask
    in (`asked`), and which; such notes gave their explicit cards only."""
    known = set(asked)
    counts = Counter(note.lang for note in notes if note.lang not in known)
    if not counts:
        return []
    total = sum(counts.values())
    languages = ", ".join(f"{lang}: {n}" for lang, n in counts.most_common())
    message = (
        f"{total} note{'s' * (total != 1)} in a language without questions ({languages}): "
        "explicit cards only"
    )
    return [Problem(where, 0, message)]
