"""Caching: Cache-Control (RFC 9111 §5.2) and the legacy Pragma."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    Table,
    abridged,
    parameters,
    phrase,
    say,
    sentence,
    span,
    whole_number,
)
from notecards.text.fill import fill


def _cache_seconds(name: str, arg: str | None, lang: str) -> int | str:
    """The seconds of a directive like max-age=N, or a clause saying the value is bad."""
    seconds = whole_number(arg)
    if seconds is None or seconds < 0:
        shown = abridged(arg or "", 40)
        return phrase(lang, "caching.cache_seconds.the-value-of-is-not-a", name=name, shown=shown)
    return seconds


# Directives with a number of seconds: (en, ru, the Russian case of the duration); the
# duration goes where `{span}` stands.
_CC_DURATIONS = Table("caching.cc-durations")


# Values with a meaning of their own: (directive, argument) → (en, ru).
_CC_SPECIAL: dict[tuple[str, str | None], tuple[str, str]] = {
    ("max-age", "0"): (
        "the response is stale at once, so it must be revalidated before every reuse (max-age=0)",
        "ответ сразу считается устаревшим, и перед каждым повторным использованием его "
        "нужно проверять у сервера (max-age=0)",
    ),
    ("max-stale", None): (
        "the client accepts a stale response, however stale",
        "клиент согласен на устаревший ответ любой давности",
    ),
}


def _cc_duration(name: str, arg: str | None, lang: str) -> str:
    """A directive that carries seconds, as a clause with the duration in words."""
    special = _CC_SPECIAL.get((name, arg.strip() if arg is not None else None))
    if special is not None:
        return say(lang, *special)
    seconds = _cache_seconds(name, arg, lang)
    if isinstance(seconds, str):
        return seconds
    if name == "max-age" and seconds == 0:  # "max-age=00" and the like
        return say(lang, *_CC_SPECIAL[("max-age", "0")])
    return fill(
        _CC_DURATIONS.text(lang, name),
        span=span(seconds, lang),
        span_gen=span(seconds, lang, "gen"),
        span_acc=span(seconds, lang, "acc"),
    )


# Directives without an argument: (en, ru) clause.
_CC_FLAGS = Table("caching.cc-flags")


def _cache_control(value: str, lang: str) -> str | None:
    """Cache-Control (RFC 9111 §5.2): every directive as one clause of a sentence."""
    clauses = []
    for name, arg in parameters(value, ","):
        if name in _CC_DURATIONS:
            clauses.append(_cc_duration(name, arg, lang))
        elif name in _CC_FLAGS:
            clauses.append(_CC_FLAGS.text(lang, name))
        else:
            shown = abridged(name, 40)
            clauses.append(phrase(lang, "caching.cache_control.an-unknown-directive", shown=shown))
    return sentence(clauses) if clauses else None


def _pragma(value: str, lang: str) -> str | None:
    if value.strip().lower() != "no-cache":
        return None
    return phrase(lang, "caching.pragma.the-http-1-0-way-to")


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("cache-control", _cache_control),
    ("pragma", _pragma),
]
