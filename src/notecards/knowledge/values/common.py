"""Small parsing and wording helpers every family of header values shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from notecards.knowledge import lookup_phrase
from notecards.knowledge.durations import Case, count_words, human_duration
from notecards.text.fill import fill

# A handler: (the header's value, "en" or "ru") → the explanation, or None to fall back
# on the header's general meaning
Handler = Callable[[str, str], "str | None"]

MAX_SHOWN = 120  # longer values are shortened in answers: a card is not a hex dump
MAX_DIGITS = 1000  # beyond this a "number" is noise (and int() would refuse it anyway)
TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def normal_lang(lang: object) -> str:
    """ "ru" (also "ru-RU", "RU") or "en" for anything else."""
    if isinstance(lang, str) and lang.strip().lower().split("-")[0].split("_")[0] == "ru":
        return "ru"
    return "en"


def phrase(lang: str, key: str, **values: object) -> str:
    """The text of phrase `key` (knowledge/values_<lang>.json, or a user's knowledge
    file) with each `{name}` filled in from `values`."""
    text = lookup_phrase(lang, key)
    if text is None:
        raise KeyError(f"no phrase {key!r} in the bundled knowledge")  # a packaging bug
    return fill(text, **{name: str(value) for name, value in values.items()})


class Table:
    """A lookup table whose texts are phrases of the knowledge files (`prefix.key` in
    values_<lang>.json), so that its wording is data like every other phrase."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and lookup_phrase("en", f"{self.prefix}.{key}") is not None

    def text(self, lang: str, key: str, default: str | None = None) -> str:
        """The entry `key` in `lang`; `default` (else the key) when there is none."""
        found = lookup_phrase(lang, f"{self.prefix}.{key}")
        if found is not None:
            return found
        return key if default is None else default


def say(lang: str, en: str, ru: str) -> str:
    """Pick the text of `lang`; both versions sit side by side where they are written."""
    return ru if lang == "ru" else en


def abridged(text: str, limit: int = MAX_SHOWN) -> str:
    """A value as quoted in an answer: one line, not too long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unquoted(text: str) -> str:
    """A parameter value without surrounding spaces and double quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


def whole_number(text: str | None) -> int | None:
    """A whole decimal number (ASCII digits, optional minus), else None."""
    if text is None:
        return None
    text = unquoted(text)
    if not re.fullmatch(r"-?[0-9]+", text) or len(text) > MAX_DIGITS:
        return None
    return int(text)


def parameters(value: str, sep: str) -> list[tuple[str, str | None]]:
    """ "a=1; b; c="x"" → [("a", "1"), ("b", None), ("c", "x")]; names lower-cased."""
    pairs: list[tuple[str, str | None]] = []
    for part in value.split(sep):
        name, eq, arg = part.partition("=")
        name = name.strip().lower()
        if name:
            pairs.append((name, unquoted(arg) if eq else None))
    return pairs


def list_items(value: str) -> list[str]:
    """The non-empty members of a comma-separated list."""
    return [item.strip() for item in value.split(",") if item.strip()]


def joined(items: list[str], lang: str) -> str:
    """ "a, b and c" / "a, b и c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + say(lang, " and ", " и ") + items[-1]


def sentence(clauses: list[str]) -> str:
    """Clauses joined by semicolons into one sentence with a capital and a full stop."""
    text = "; ".join(clauses)
    return text[:1].upper() + text[1:] + "."


def span(seconds: int, lang: str, case: Case = "nom") -> str:
    """ "1 year (31536000 seconds)"; just "30 seconds" when the words add nothing."""
    words = human_duration(seconds, lang, case)
    plain = count_words(seconds, "second", lang, case)
    return words if words == plain else f"{words} ({plain})"


RU_MONTHS = (
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
)


def http_date(value: str, lang: str) -> str | None:
    """An HTTP date for an answer: as written in English, spelled out in Russian.

    None when the value is not a date, so callers can say so.
    """
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None:
        return None
    if lang == "en":
        return abridged(value)
    offset = moment.utcoffset()
    if offset is None or offset == timedelta(0):
        zone = "GMT"
    else:
        sign = "+" if offset >= timedelta(0) else "-"
        minutes = abs(int(offset.total_seconds())) // 60
        zone = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return ru_date(moment, zone)


def ru_date(moment: datetime, zone: str) -> str:
    return f"{moment.day} {RU_MONTHS[moment.month - 1]} {moment.year} г., {moment:%H:%M:%S} {zone}"


def lower_first(text: str) -> str:
    """Lower-case the first word when it is an ordinary capitalised word.

    Used to continue a sentence after a colon; "WebDAV" or "HTTPS" stay as they are.
    """
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:] == word[1:].lower():
        return text[0].lower() + text[1:]
    return text
