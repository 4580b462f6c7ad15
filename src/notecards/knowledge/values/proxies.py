"""Proxies: X-Forwarded-For, Forwarded, X-Forwarded-Proto, Max-Forwards."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    list_items,
    parameters,
    say,
    whole_number,
)


def _x_forwarded_for(value: str, lang: str) -> str | None:
    hops = [abridged(hop, 60) for hop in list_items(value)[:10]]
    if not hops:
        return None
    if len(hops) == 1:
        text = say(
            lang,
            f"A proxy forwarded this request on behalf of the client {hops[0]}.",
            f"Прокси переслал этот запрос от имени клиента {hops[0]}.",
        )
    else:
        text = say(
            lang,
            f"The original client is {hops[0]}; the request then passed through the proxies "
            f"{', '.join(hops[1:])}.",
            f"Исходный клиент — {hops[0]}; далее запрос прошёл через прокси {', '.join(hops[1:])}.",
        )
    return text + say(
        lang,
        " Only entries added by your own proxies can be trusted.",
        " Доверять можно только записям, добавленным своими прокси.",
    )


_FORWARDED_PARTS: dict[str, tuple[str, str]] = {
    "for": ("client", "клиент"),
    "by": ("received by", "принял"),
    "host": ("original Host", "исходный Host"),
    "proto": ("original protocol", "исходный протокол"),
}


def _forwarded(value: str, lang: str) -> str | None:
    """Forwarded (RFC 7239 §4): the first element, as added by the proxy nearest the client."""
    first = value.split(",", 1)[0]
    parts = [
        f"{say(lang, *_FORWARDED_PARTS[name])} {abridged(arg or '', 60)}"
        for name, arg in parameters(first, ";")
        if name in _FORWARDED_PARTS and arg
    ]
    if not parts:
        return None
    return say(lang, "A proxy reports: ", "Прокси сообщает: ") + ", ".join(parts) + "."


def _x_forwarded_proto(value: str, lang: str) -> str | None:
    proto = value.strip().lower()
    if proto not in ("http", "https"):
        return None
    return say(
        lang,
        f"The client reached the proxy or load balancer over {proto.upper()}.",
        f"Клиент подключился к прокси или балансировщику по {proto.upper()}.",
    )


def _max_forwards(value: str, lang: str) -> str | None:
    hops = whole_number(value)
    if hops is None or hops < 0:
        return None
    return say(
        lang,
        f"At most {hops} more proxies may forward this request; the recipient that sees 0 "
        "must answer itself.",
        f"Переслать запрос могут ещё не более {hops} прокси; получатель, у которого значение 0, "
        "отвечает сам.",
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("x-forwarded-for", _x_forwarded_for),
    ("forwarded", _forwarded),
    ("x-forwarded-proto", _x_forwarded_proto),
    ("max-forwards", _max_forwards),
]
