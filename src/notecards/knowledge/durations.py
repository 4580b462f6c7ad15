"""Numbers with units in words, in English and in grammatical Russian.

Cards quote header values such as `max-age=31536000`; a student remembers "1 year"
far better than the number of seconds, so this module turns counts into words.

Russian nouns after a numeral take one of three forms (1 год / 2 года / 5 лет), and
the form also depends on the grammatical case the surrounding sentence needs
("в течение 1 года", "через 1 минуту"); `case` selects it: "nom" (nominative),
"gen" (genitive) or "acc" (accusative).
"""

from __future__ import annotations

from typing import Literal

Case = Literal["nom", "gen", "acc"]

# (one, few, many) forms of each Russian noun in each case.
_RU_FORMS: dict[str, dict[str, tuple[str, str, str]]] = {
    "year": {
        "nom": ("год", "года", "лет"),
        "gen": ("года", "лет", "лет"),
        "acc": ("год", "года", "лет"),
    },
    "day": {
        "nom": ("день", "дня", "дней"),
        "gen": ("дня", "дней", "дней"),
        "acc": ("день", "дня", "дней"),
    },
    "hour": {
        "nom": ("час", "часа", "часов"),
        "gen": ("часа", "часов", "часов"),
        "acc": ("час", "часа", "часов"),
    },
    "minute": {
        "nom": ("минута", "минуты", "минут"),
        "gen": ("минуты", "минут", "минут"),
        "acc": ("минуту", "минуты", "минут"),
    },
    "second": {
        "nom": ("секунда", "секунды", "секунд"),
        "gen": ("секунды", "секунд", "секунд"),
        "acc": ("секунду", "секунды", "секунд"),
    },
    "byte": {
        "nom": ("байт", "байта", "байт"),
        "gen": ("байта", "байт", "байт"),
        "acc": ("байт", "байта", "байт"),
    },
    "request": {
        "nom": ("запрос", "запроса", "запросов"),
        "gen": ("запроса", "запросов", "запросов"),
        "acc": ("запрос", "запроса", "запросов"),
    },
}

_EN_FORMS: dict[str, tuple[str, str]] = {
    "year": ("year", "years"),
    "day": ("day", "days"),
    "hour": ("hour", "hours"),
    "minute": ("minute", "minutes"),
    "second": ("second", "seconds"),
    "byte": ("byte", "bytes"),
    "request": ("request", "requests"),
}

# Calendar-free units: a "year" is 365 days, which is what max-age=31536000 means.
_UNITS: tuple[tuple[str, int], ...] = (
    ("year", 365 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
    ("second", 1),
)


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    """Pick the Russian form for n: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14 → many."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_words(n: int, unit: str, lang: str, case: Case = "nom") -> str:
    """ "5 seconds" / "5 секунд": n with the unit noun in the right form.

    `unit` is one of year, day, hour, minute, second, byte, request. In Russian a
    genitive numeral phrase uses the genitive singular after 1 and the genitive
    plural otherwise ("в течение 1 года", "в течение 2 лет").
    """
    if lang == "ru":
        return f"{n} {ru_plural(n, *_RU_FORMS[unit][case])}"
    one, many = _EN_FORMS[unit]
    return f"{n} {one if abs(n) == 1 else many}"


def human_duration(seconds: int, lang: str, case: Case = "nom") -> str:
    """A number of seconds as the largest one or two adjacent units: "1 hour 30 minutes".

    Exact when the larger unit divides the value (31536000 → "1 year"); otherwise the
    second unit is rounded to the nearest whole one, because a card needs a figure to
    remember, not a stopwatch reading. Negative values keep their sign.
    """
    if seconds < 0:
        return "-" + human_duration(-seconds, lang, case)
    if seconds == 0:
        return count_words(0, "second", lang, case)
    index = next(i for i, (_, size) in enumerate(_UNITS) if seconds >= size)
    unit, size = _UNITS[index]
    if unit == "second":
        return count_words(seconds, "second", lang, case)
    small_unit, small_size = _UNITS[index + 1]
    rounded = (seconds + small_size // 2) // small_size * small_size
    if index > 0 and rounded >= _UNITS[index - 1][1]:
        return human_duration(rounded, lang, case)  # 23 h 59 min 50 s → "1 day"
    big, small = divmod(rounded, size)
    small //= small_size
    words = [count_words(big, unit, lang, case)]
    if small:
        words.append(count_words(small, small_unit, lang, case))
    return " ".join(words)
