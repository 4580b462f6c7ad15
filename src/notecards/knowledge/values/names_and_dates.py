"""Headers said in one sentence around their value (Server, Date, Last-Modified, …),
and the dates and places of a response: Expires, Retry-After, Age, Location, Allow."""

from __future__ import annotations

import re
from collections.abc import Callable

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    http_date,
    list_items,
    phrase,
    span,
    whole_number,
)


def _date_or_raw(value: str, lang: str) -> str:
    return http_date(value, lang) or abridged(value, 60)


def _as_shown(value: str, lang: str) -> str:
    return abridged(value)


def _around_value(name: str, show: Callable[[str, str], str]) -> Handler:
    """A header whose meaning is one sentence around its value (`{value}` in the phrase)."""

    def explain(value: str, lang: str) -> str | None:
        return phrase(lang, f"names_and_dates.around-value.{name}", value=show(value, lang))

    return explain


# Headers said in one sentence around their value (names_and_dates.around-value.<name>
# in values_<lang>.json): name → how the value is shown.
_AROUND_VALUE: dict[str, Callable[[str, str], str]] = {
    "server": _as_shown,
    "user-agent": _as_shown,
    "x-powered-by": _as_shown,
    "date": _date_or_raw,
    "last-modified": _date_or_raw,
    "if-modified-since": _date_or_raw,
    "if-unmodified-since": _date_or_raw,
    "sunset": _date_or_raw,
}


def _expires(value: str, lang: str) -> str | None:
    """Expires (RFC 9111 §5.3): a date; an invalid one such as 0 means "already stale"."""
    when = http_date(value, lang)
    if when is None:
        shown = abridged(value, 40)
        return phrase(lang, "names_and_dates.expires.is-not-a-valid-date-so", shown=shown)
    return phrase(
        lang, "names_and_dates.expires.the-response-becomes-stale-after-unless", when=when
    )


def _retry_after(value: str, lang: str) -> str | None:
    """Retry-After (RFC 9110 §10.2.3): a delay in seconds or an HTTP date."""
    seconds = whole_number(value)
    if seconds is not None and seconds >= 0:
        return phrase(
            lang,
            "names_and_dates.retry_after.the-client-should-wait-before-retrying",
            span=span(seconds, lang),
            span_acc=span(seconds, lang, "acc"),
        )
    when = http_date(value, lang)
    if when is None:
        return None
    return phrase(lang, "names_and_dates.retry_after.the-client-should-not-retry-the", when=when)


def _age(value: str, lang: str) -> str | None:
    """Age (RFC 9111 §5.1): seconds the response has spent in caches."""
    seconds = whole_number(value)
    if seconds is None or seconds < 0:
        return None
    return phrase(
        lang,
        "names_and_dates.age.the-response-has-spent-in-caches",
        span=span(seconds, lang),
        span_acc=span(seconds, lang, "acc"),
    )


def _location(value: str, lang: str) -> str | None:
    """Location (RFC 9110 §10.2.2): where a redirect points or where a new resource is."""
    target = abridged(value, 200)
    text = phrase(lang, "names_and_dates.location.the-target-address-is-the-client", target=target)
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value.strip()):
        text += phrase(lang, "names_and_dates.location.the-reference-is-relative-so-it")
    return text


def _allow(value: str, lang: str) -> str | None:
    methods = ", ".join(abridged(m, 20) for m in list_items(value)[:20])
    if not methods:
        return None
    return phrase(lang, "names_and_dates.allow.the-resource-supports-the-methods", methods=methods)


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    *[(name, _around_value(name, show)) for name, show in _AROUND_VALUE.items()],
    ("expires", _expires),
    ("retry-after", _retry_after),
    ("age", _age),
    ("location", _location),
    ("allow", _allow),
]
