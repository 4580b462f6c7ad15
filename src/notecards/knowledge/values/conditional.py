"""Validators and ranges: ETag, If-None-Match, If-Match, Range, Content-Range,
Accept-Ranges."""

from __future__ import annotations

import re

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import Handler, abridged, list_items, phrase, say


def _etag(value: str, lang: str) -> str | None:
    tag = abridged(value.strip(), 80)
    if tag.startswith("W/"):
        return phrase(lang, "conditional.etag.the-representation-carries-the-weak-tag", tag=tag)
    return phrase(lang, "conditional.etag.the-current-version-of-the-representation", tag=tag)


def _tag_list(value: str) -> tuple[str, int]:
    """Entity tags for an answer: at most five shown, and how many there are."""
    tags = [abridged(tag, 60) for tag in list_items(value)]
    return ", ".join(tags[:5]) + ("…" if len(tags) > 5 else ""), len(tags)


def _if_none_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return phrase(lang, "conditional.if_none_match.perform-the-request-only-if-the")
    tags, count = _tag_list(value)
    condition = say(
        lang,
        f"its current ETag is not {tags}" if count == 1 else f"its current ETag is none of {tags}",
        f"его текущий ETag не совпадает с {tags}"
        if count == 1
        else f"его текущий ETag не совпадает ни с одним из: {tags}",
    )
    return phrase(
        lang, "conditional.if_none_match.send-the-resource-only-if-on", condition=condition
    )


def _if_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return phrase(lang, "conditional.if_match.perform-the-request-only-if-the-2")
    tags, count = _tag_list(value)
    expected = say(
        lang,
        tags if count == 1 else f"one of {tags}",
        tags if count == 1 else f"один из: {tags}",
    )
    return phrase(lang, "conditional.if_match.perform-the-request-only-if-the", expected=expected)


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
        return phrase(
            lang,
            "conditional.byte_range.bytes",
            first=first,
            last=last,
            count_words=count_words(size, "byte", lang),
        )
    if first:
        return phrase(lang, "conditional.byte_range.everything-from-byte-to-the-end", first=first)
    return phrase(
        lang, "conditional.byte_range.the-last", count_words=count_words(int(last), "byte", lang)
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
    return phrase(lang, "conditional.range.the-client-asks-only-for-part", ranges=ranges)


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
        return phrase(
            lang,
            "conditional.content_range.the-requested-range-cannot-be-satisfied",
            count_words=count_words(int(total), "byte", lang),
        )
    of_total = (
        phrase(lang, "conditional.content_range.a-representation-of-unknown-length")
        if total == "*"
        else total
    )
    return phrase(
        lang,
        "conditional.content_range.the-body-holds-bytes-of-counting",
        first=first,
        last=last,
        of_total=of_total,
    )


def _accept_ranges(value: str, lang: str) -> str | None:
    unit = value.strip().lower()
    if unit == "bytes":
        return phrase(lang, "conditional.accept_ranges.the-server-supports-byte-range-requests")
    if unit == "none":
        return phrase(lang, "conditional.accept_ranges.the-server-does-not-support-range")
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
