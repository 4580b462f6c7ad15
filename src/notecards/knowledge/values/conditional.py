"""Validators and ranges: ETag, If-None-Match, If-Match, Range, Content-Range,
Accept-Ranges."""

from __future__ import annotations

import re

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import Handler, abridged, list_items, say


def _etag(value: str, lang: str) -> str | None:
    tag = abridged(value.strip(), 80)
    if tag.startswith("W/"):
        return say(
            lang,
            f"The representation carries the weak tag {tag}: versions with this tag are "
            "equivalent in meaning, though not necessarily byte for byte.",
            f"У представления слабый тег {tag}: версии с этим тегом равноценны по смыслу, но не "
            "обязательно совпадают побайтно.",
        )
    return say(
        lang,
        f"The current version of the representation is tagged {tag}; a strong tag changes "
        "whenever the bytes change.",
        f"Текущая версия представления помечена тегом {tag}; сильный тег меняется при любом "
        "изменении байтов.",
    )


def _tag_list(value: str) -> tuple[str, int]:
    """Entity tags for an answer: at most five shown, and how many there are."""
    tags = [abridged(tag, 60) for tag in list_items(value)]
    return ", ".join(tags[:5]) + ("…" if len(tags) > 5 else ""), len(tags)


def _if_none_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return say(
            lang,
            "Perform the request only if the resource does not exist yet (e.g. a PUT that must "
            "not overwrite anything).",
            "Выполнить запрос, только если ресурса ещё нет (например, PUT без перезаписи "
            "существующего).",
        )
    tags, count = _tag_list(value)
    condition = say(
        lang,
        f"its current ETag is not {tags}" if count == 1 else f"its current ETag is none of {tags}",
        f"его текущий ETag не совпадает с {tags}"
        if count == 1
        else f"его текущий ETag не совпадает ни с одним из: {tags}",
    )
    return say(
        lang,
        f"Send the resource only if {condition}; on a match the server answers "
        "304 Not Modified (for GET and HEAD).",
        f"Прислать ресурс, только если {condition}; при совпадении сервер ответит "
        "304 Not Modified (для GET и HEAD).",
    )


def _if_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return say(
            lang,
            "Perform the request only if the resource exists.",
            "Выполнить запрос, только если ресурс существует.",
        )
    tags, count = _tag_list(value)
    expected = say(
        lang,
        tags if count == 1 else f"one of {tags}",
        tags if count == 1 else f"один из: {tags}",
    )
    return say(
        lang,
        f"Perform the request only if the resource's current ETag is {expected}, i.e. nobody "
        "changed it meanwhile; otherwise 412 Precondition Failed.",
        f"Выполнить запрос, только если текущий ETag ресурса — {expected}, то есть никто не "
        "изменил его за это время; иначе 412 Precondition Failed.",
    )


def _byte_range(spec: str, lang: str) -> str | None:
    """ "0-499" → "bytes 0–499 (500 bytes)"; "500-" and "-500" too."""
    match = re.fullmatch(r"\s*([0-9]{0,30})\s*-\s*([0-9]{0,30})\s*", spec)
    if not match or not (match.group(1) or match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if first and last:
        size = int(last) - int(first) + 1
        if size <= 0:
            return None
        return say(
            lang,
            f"bytes {first}–{last} ({count_words(size, 'byte', lang)})",
            f"байты с {first} по {last} ({count_words(size, 'byte', lang)})",
        )
    if first:
        return say(
            lang, f"everything from byte {first} to the end", f"всё с байта {first} до конца"
        )
    return say(
        lang,
        f"the last {count_words(int(last), 'byte', lang)}",
        f"{count_words(int(last), 'byte', lang)} с конца",
    )


def _range(value: str, lang: str) -> str | None:
    """Range (RFC 9110 §14.2): the byte ranges asked for, counted from 0."""
    unit, eq, specs = value.partition("=")
    if not eq or unit.strip().lower() != "bytes":
        return None
    parts = [_byte_range(spec, lang) for spec in specs.split(",")[:10]]
    if not parts or None in parts:
        return None
    ranges = "; ".join(p for p in parts if p)
    return say(
        lang,
        f"The client asks only for part of the representation: {ranges} (counting from 0); "
        "the server answers 206 Partial Content.",
        f"Клиент запрашивает только часть представления: {ranges} (счёт с нуля); сервер "
        "ответит 206 Partial Content.",
    )


def _content_range(value: str, lang: str) -> str | None:
    """Content-Range (RFC 9110 §14.4): which bytes of how many the body carries."""
    match = re.fullmatch(
        r"\s*bytes\s+(?:([0-9]{1,30})-([0-9]{1,30})|\*)/([0-9]{1,30}|\*)\s*", value
    )
    if not match:
        return None
    first, last, total = match.groups()
    if first is None:
        if total == "*":
            return None
        return say(
            lang,
            f"The requested range cannot be satisfied; the whole representation is "
            f"{count_words(int(total), 'byte', lang)} long (sent with 416).",
            f"Запрошенный диапазон недоступен; полный размер представления — "
            f"{count_words(int(total), 'byte', lang)} (отправляется с кодом 416).",
        )
    of_total = (
        say(lang, "a representation of unknown length", "представления неизвестной длины")
        if total == "*"
        else total
    )
    return say(
        lang,
        f"The body holds bytes {first}–{last} of {of_total} (counting from 0).",
        f"Тело содержит байты с {first} по {last} из {of_total} (счёт с нуля).",
    )


def _accept_ranges(value: str, lang: str) -> str | None:
    unit = value.strip().lower()
    if unit == "bytes":
        return say(
            lang,
            "The server supports byte range requests for this resource (Range: bytes=...), e.g. "
            "to resume a download.",
            "Сервер поддерживает запросы диапазонов байтов для этого ресурса (Range: bytes=...), "
            "например для докачки.",
        )
    if unit == "none":
        return say(
            lang,
            "The server does not support range requests for this resource.",
            "Сервер не поддерживает запросы диапазонов для этого ресурса.",
        )
    return None


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("etag", _etag),
    ("if-none-match", _if_none_match),
    ("if-match", _if_match),
    ("range", _range),
    ("content-range", _content_range),
    ("accept-ranges", _accept_ranges),
]
