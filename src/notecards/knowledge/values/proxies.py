"""Proxies: X-Forwarded-For, Forwarded, X-Forwarded-Proto, Max-Forwards."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    Table,
    abridged,
    list_items,
    parameters,
    phrase,
    whole_number,
)


def _x_forwarded_for(value: str, lang: str) -> str | None:
    hops = [abridged(hop, 60) for hop in list_items(value)[:10]]
    if not hops:
        return None
    if len(hops) == 1:
        text = phrase(
            lang, "proxies.x_forwarded_for.a-proxy-forwarded-this-request-on", hops=hops[0]
        )
    else:
        text = phrase(
            lang,
            "proxies.x_forwarded_for.the-original-client-is-the-request",
            hops=hops[0],
            join=", ".join(hops[1:]),
        )
    return text + phrase(lang, "proxies.x_forwarded_for.only-entries-added-by-your-own")


_FORWARDED_PARTS = Table("proxies.forwarded-parts")


def _forwarded(value: str, lang: str) -> str | None:
    """Forwarded (RFC 7239 §4): the first element, as added by the proxy nearest the client."""
    first = value.split(",", 1)[0]
    parts = [
        f"{_FORWARDED_PARTS.text(lang, name)} {abridged(arg or '', 60)}"
        for name, arg in parameters(first, ";")
        if name in _FORWARDED_PARTS and arg
    ]
    if not parts:
        return None
    return phrase(lang, "proxies.forwarded.a-proxy-reports") + ", ".join(parts) + "."


def _x_forwarded_proto(value: str, lang: str) -> str | None:
    proto = value.strip().lower()
    if proto not in ("http", "https"):
        return None
    return phrase(
        lang, "proxies.x_forwarded_proto.the-client-reached-the-proxy-or", upper=proto.upper()
    )


def _max_forwards(value: str, lang: str) -> str | None:
    hops = whole_number(value)
    if hops is None or hops < 0:
        return None
    return phrase(lang, "proxies.max_forwards.at-most-more-proxies-may-forward", hops=hops)


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("x-forwarded-for", _x_forwarded_for),
    ("forwarded", _forwarded),
    ("x-forwarded-proto", _x_forwarded_proto),
    ("max-forwards", _max_forwards),
]
