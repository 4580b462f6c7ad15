"""Content negotiation: Accept and its siblings (weights and wildcards), Vary."""

from __future__ import annotations

import re

from notecards.knowledge.values.common import (
    Handler,
    Table,
    abridged,
    joined,
    list_items,
    parameters,
    phrase,
    say,
)


def _weighted(value: str) -> list[tuple[str, float]]:
    """Accept-style members with their q weights, most preferred first (stable)."""
    members = []
    for item in list_items(value):
        token, *params = item.split(";")
        weight = 1.0
        for name, arg in parameters(";".join(params), ";"):
            if name == "q" and arg is not None and re.fullmatch(r"[01](\.[0-9]{0,3})?", arg):
                weight = min(float(arg), 1.0)
        if token.strip():
            members.append((abridged(token.strip(), 60), weight))
    return sorted(members, key=lambda member: -member[1])


_WILDCARDS: dict[str, dict[str, tuple[str, str]]] = {
    "accept": {
        "*/*": ("any type", "любой тип"),
    },
    "accept-encoding": {"*": ("any coding", "любое кодирование")},
    "accept-language": {"*": ("any language", "любой язык")},
    "accept-charset": {"*": ("any charset", "любая кодировка")},
}


_ACCEPT_LEADS = Table("negotiation.accept-leads")


def _member_name(field: str, token: str, lang: str) -> str:
    if token in _WILDCARDS[field]:
        en, ru = _WILDCARDS[field][token]
        return say(lang, en, ru)
    if field == "accept" and token.endswith("/*"):
        top = token[:-2]
        return phrase(lang, "negotiation.member_name.any-type", top=top)
    return token


def _accept_like(field: str) -> Handler:
    """A handler for Accept, Accept-Encoding, Accept-Language, Accept-Charset with q values."""

    def explain(value: str, lang: str) -> str | None:
        members = _weighted(value)
        wanted = [
            _member_name(field, token, lang) + ("" if weight == 1.0 else f" (q={weight:g})")
            for token, weight in members
            if weight > 0
        ]
        refused = [_member_name(field, token, lang) for token, weight in members if weight == 0]
        if not wanted and not refused:
            return None
        lead = _ACCEPT_LEADS.text(lang, field)
        text = ""
        if wanted:
            text = phrase(
                lang,
                "negotiation.accept_like.most-preferred-first",
                lead=lead,
                join=", ".join(wanted),
            )
        if refused:
            text += phrase(
                lang, "negotiation.accept_like.not-acceptable-q-0", join=", ".join(refused)
            )
        return text.strip()

    return explain


def _vary(value: str, lang: str) -> str | None:
    """Vary (RFC 9110 §12.5.5): the request headers a cached response is keyed by."""
    names = [abridged(name, 40) for name in list_items(value)]
    if not names:
        return None
    if "*" in names:
        return phrase(lang, "negotiation.vary.the-response-depends-on-more-than")
    if len(names) == 1:
        return phrase(lang, "negotiation.vary.caches-must-keep-a-separate-copy-2", names=names[0])
    return phrase(
        lang, "negotiation.vary.caches-must-keep-a-separate-copy", joined=joined(names, lang)
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("accept", _accept_like("accept")),
    ("accept-encoding", _accept_like("accept-encoding")),
    ("accept-language", _accept_like("accept-language")),
    ("accept-charset", _accept_like("accept-charset")),
    ("vary", _vary),
]
