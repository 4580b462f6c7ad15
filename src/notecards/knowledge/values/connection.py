"""The connection: Connection, Keep-Alive, Upgrade, Host, Expect, WebSocket version."""

from __future__ import annotations

import re

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import (
    Handler,
    abridged,
    joined,
    list_items,
    parameters,
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
                say(
                    lang,
                    "the connection stays open after this message for further requests "
                    "(persistent connection)",
                    "после этого сообщения соединение остаётся открытым для следующих запросов "
                    "(постоянное соединение)",
                )
            )
        elif low == "close":
            clauses.append(
                say(
                    lang,
                    "the connection will be closed once this request and its response are done",
                    "соединение будет закрыто после завершения этого запроса и ответа на него",
                )
            )
        elif low == "upgrade":
            clauses.append(
                say(
                    lang,
                    "the Upgrade header applies to this connection only: the sender proposes "
                    "switching to another protocol",
                    "заголовок Upgrade относится только к этому соединению: отправитель "
                    "предлагает перейти на другой протокол",
                )
            )
        else:
            hop_by_hop.append(abridged(token, 40))
    if len(hop_by_hop) == 1:
        clauses.append(
            say(
                lang,
                f"the {hop_by_hop[0]} header is meant for this connection only, and proxies must "
                "not forward it",
                f"заголовок {hop_by_hop[0]} относится только к этому соединению, прокси не должны "
                "передавать его дальше",
            )
        )
    elif hop_by_hop:
        names = joined(hop_by_hop, lang)
        clauses.append(
            say(
                lang,
                f"the headers {names} are meant for this connection only, and proxies must not "
                "forward them",
                f"заголовки {names} относятся только к этому соединению, прокси не должны "
                "передавать их дальше",
            )
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
                say(
                    lang,
                    f"an idle connection is kept open for at least {span(number, lang)}",
                    f"неактивное соединение держится открытым не менее {span(number, lang, 'gen')}",
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


_PROTOCOLS: dict[str, tuple[str, str]] = {
    "websocket": ("the WebSocket protocol", "протокол WebSocket"),
    "h2c": ("HTTP/2 over plain TCP (h2c)", "HTTP/2 поверх обычного TCP (h2c)"),
}


def _upgrade(value: str, lang: str) -> str | None:
    """Upgrade (RFC 9110 §7.8): which protocol the connection should switch to."""
    names = []
    for token in list_items(value):
        en, ru = _PROTOCOLS.get(token.lower(), (abridged(token, 40), abridged(token, 40)))
        names.append(say(lang, en, ru))
    if not names:
        return None
    if len(names) == 1:
        return say(
            lang,
            f"Switch this connection to {names[0]}: the client proposes it, and the server "
            "agrees with 101 Switching Protocols.",
            f"Переключить это соединение на {names[0]}: клиент предлагает, сервер соглашается "
            "ответом 101 Switching Protocols.",
        )
    return say(
        lang,
        f"The sender proposes switching this connection to one of: {', '.join(names)} (most "
        "preferred first); the server agrees with 101 Switching Protocols.",
        f"Отправитель предлагает переключить соединение на один из протоколов: "
        f"{', '.join(names)} (по убыванию предпочтения); сервер соглашается ответом "
        "101 Switching Protocols.",
    )


def _host(value: str, lang: str) -> str | None:
    """Host (RFC 9110 §7.2): the host and the optional port the request is meant for."""
    match = re.fullmatch(r"(\[[^\]]*\]|[^:\s]*)(?::([0-9]*))?", value.strip())
    if not match or not match.group(1):
        return None
    host = abridged(match.group(1), 80)
    port = match.group(2)
    if port:
        return say(
            lang,
            f"The request is addressed to the host {host} on port {port}.",
            f"Запрос адресован хосту {host}, порт {port}.",
        )
    return say(
        lang,
        f"The request is addressed to the host {host}, on the scheme's default port "
        "(80 for http, 443 for https).",
        f"Запрос адресован хосту {host}, порт по умолчанию для схемы (80 для http, 443 для https).",
    )


def _expect(value: str, lang: str) -> str | None:
    if value.strip().lower() != "100-continue":
        return say(
            lang,
            "Only 100-continue is defined; the server answers any other expectation with 417.",
            "Определено только 100-continue; на любое другое ожидание сервер отвечает 417.",
        )
    return say(
        lang,
        "The client will send the body only after the server answers 100 Continue, so a "
        "server can refuse a large upload early (e.g. with 413 or 401).",
        "Клиент отправит тело только после ответа 100 Continue, поэтому сервер может заранее "
        "отказать в большой загрузке (например, кодом 413 или 401).",
    )


def _ws_version(value: str, lang: str) -> str | None:
    if value.strip() != "13":
        return None
    return say(
        lang,
        "WebSocket protocol version 13, the one standardized in RFC 6455.",
        "Версия протокола WebSocket 13 — та, что стандартизована в RFC 6455.",
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("connection", _connection),
    ("keep-alive", _keep_alive),
    ("upgrade", _upgrade),
    ("host", _host),
    ("expect", _expect),
    ("sec-websocket-version", _ws_version),
]
