"""The connection: Connection, Keep-Alive, Upgrade, Host, Expect, WebSocket version."""

from __future__ import annotations

import re

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import (
    Handler,
    Table,
    abridged,
    joined,
    list_items,
    parameters,
    phrase,
    say,
    sentence,
    span,
    whole_number,
)


def _connection(value: str, lang: str) -> str | None:
    """Connection (RFC 9110 §7.6.1, RFC 9112 §9): keep-alive, close, upgrade, hop-by-hop names."""
    clauses = []
    hop_by_hop = []
    for token in list_items(value):
        low = token.lower()
        if low == "keep-alive":
            clauses.append(
                phrase(lang, "connection.connection.the-connection-stays-open-after-this")
            )
        elif low == "close":
            clauses.append(phrase(lang, "connection.connection.the-connection-will-be-closed-once"))
        elif low == "upgrade":
            clauses.append(phrase(lang, "connection.connection.the-upgrade-header-applies-to-this"))
        else:
            hop_by_hop.append(abridged(token, 40))
    if len(hop_by_hop) == 1:
        clauses.append(
            phrase(
                lang, "connection.connection.the-header-is-meant-for-this", hop_by_hop=hop_by_hop[0]
            )
        )
    elif hop_by_hop:
        names = joined(hop_by_hop, lang)
        clauses.append(
            phrase(lang, "connection.connection.the-headers-are-meant-for-this", names=names)
        )
    return sentence(clauses) if clauses else None


def _keep_alive(value: str, lang: str) -> str | None:
    """Keep-Alive (RFC 2068 §19.7.1.1): timeout and max of a persistent connection."""
    clauses = []
    for name, arg in parameters(value, ","):
        number = whole_number(arg)
        if number is None or number < 0:
            continue
        if name == "timeout":
            clauses.append(
                phrase(
                    lang,
                    "connection.keep_alive.an-idle-connection-is-kept-open",
                    span=span(number, lang),
                    span_gen=span(number, lang, "gen"),
                )
            )
        elif name == "max":
            clauses.append(
                say(
                    lang,
                    f"up to {count_words(number, 'request', lang)} may still be sent on it",
                    "по нему можно отправить ещё не более "
                    + count_words(number, "request", lang, "gen"),
                )
            )
    return sentence(clauses) if clauses else None


_PROTOCOLS = Table("connection.protocols")


def _upgrade(value: str, lang: str) -> str | None:
    """Upgrade (RFC 9110 §7.8): which protocol the connection should switch to."""
    names = []
    for token in list_items(value):
        names.append(_PROTOCOLS.text(lang, token.lower(), abridged(token, 40)))
    if not names:
        return None
    if len(names) == 1:
        return phrase(
            lang, "connection.upgrade.switch-this-connection-to-the-client", names=names[0]
        )
    return phrase(
        lang,
        "connection.upgrade.the-sender-proposes-switching-this-connection",
        join=", ".join(names),
    )


def _host(value: str, lang: str) -> str | None:
    """Host (RFC 9110 §7.2): the host and the optional port the request is meant for."""
    match = re.fullmatch(r"(\[[^\]]*\]|[^:\s]*)(?::([0-9]*))?", value.strip())
    if not match or not match.group(1):
        return None
    host = abridged(match.group(1), 80)
    port = match.group(2)
    if port:
        return phrase(
            lang, "connection.host.the-request-is-addressed-to-the-2", host=host, port=port
        )
    return phrase(lang, "connection.host.the-request-is-addressed-to-the", host=host)


def _expect(value: str, lang: str) -> str | None:
    if value.strip().lower() != "100-continue":
        return phrase(lang, "connection.expect.only-100-continue-is-defined-the")
    return phrase(lang, "connection.expect.the-client-will-send-the-body")


def _ws_version(value: str, lang: str) -> str | None:
    if value.strip() != "13":
        return None
    return phrase(lang, "connection.ws_version.websocket-protocol-version-13-the-one")


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("connection", _connection),
    ("keep-alive", _keep_alive),
    ("upgrade", _upgrade),
    ("host", _host),
    ("expect", _expect),
    ("sec-websocket-version", _ws_version),
]
