"""HTTP messages are glossed only where the note is there to teach them (issue 11).

An example request pasted into a note on cookies, a REST service or a browser's page
load gave cards such as "What does the request header “Host: shop.example” mean?",
answered with generated text the note never asked about; a strict reader kept 1 of 6.
"""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.http_messages import extract_http_messages

REQUEST = "```http\nGET /orders/7 HTTP/1.1\nHost: shop.example\nAccept: application/json\n```\n"
RESPONSE = (
    "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\nSet-Cookie: id=a3f; Secure\n```\n"
)


def fronts(text: str, name: str) -> list[str]:
    note = note_from_text(text, name=name)
    return [c.front for c in extract_http_messages(note, ExtractContext(note))]


def test_a_note_on_something_else_glosses_nothing() -> None:
    text = f"# Orders service\n\nThe service returns one order as JSON:\n\n{REQUEST}\n{RESPONSE}"
    assert fronts(text, "Orders service.md") == []
    ru = f"# Сервис заказов\n\nСервис отдаёт заказ в JSON:\n\n{REQUEST}\n{RESPONSE}"
    assert fronts(ru, "Сервис заказов.md") == []


def test_a_heading_on_http_glosses_only_the_fields_the_prose_names() -> None:
    # (a field whose gloss only restates it, "Content-Type: application/json", is no
    # card even when named: test_http_glosses.py)
    text = (
        "# Page load\n\n## Sending the HTTP request\n\nThe browser sends a request and reads "
        f"the `Set-Cookie` of the answer.\n\n{REQUEST}\n{RESPONSE}"
    )
    assert fronts(text, "Browser.md") == [
        "What does the response header “Set-Cookie: id=a3f; Secure” mean?"
    ]
    ru = (
        "# Загрузка страницы\n\n## Отправка HTTP-запроса\n\nБраузер отправляет запрос и "
        f"смотрит на заголовок set-cookie ответа.\n\n{REQUEST}\n{RESPONSE}"
    )
    assert fronts(ru, "Браузер.md") == [
        "Что означает заголовок «Set-Cookie: id=a3f; Secure» в HTTP-ответе?"
    ]


def test_a_cookie_note_keeps_the_header_it_explains() -> None:
    ru = (
        "# Куки\n\nСервер ставит куку заголовком Set-Cookie, браузер возвращает её "
        f"в каждом запросе.\n\n{RESPONSE}"
    )
    assert fronts(ru, "Cookies.md") == [
        "Что означает заголовок «Set-Cookie: id=a3f; Secure» в HTTP-ответе?"
    ]
    en = f"# Cookies\n\nThe server sets a cookie with the set cookie header.\n\n{RESPONSE}"
    assert fronts(en, "Cookies.md") == [
        "What does the response header “Set-Cookie: id=a3f; Secure” mean?"
    ]


def test_request_and_status_lines_need_prose_on_methods_and_codes() -> None:
    bare = f"# HTTP\n\nA request and its answer:\n\n{REQUEST}\n{RESPONSE}"
    asked = fronts(bare, "HTTP.md")  # HTTP is the subject: every field, and the status
    assert len(asked) == 5 and not any("request line" in f for f in asked)
    assert "What does the status line “HTTP/1.1 200 OK” mean?" in asked
    on_cookies = f"# Cookies\n\nThe Set-Cookie header sets one.\n\n{RESPONSE}"
    assert not any("status line" in f for f in fronts(on_cookies, "Cookies.md"))
    explained = (
        "# HTTP\n\nThe request line names the method and the target; the status line "
        f"gives the code.\n\n{REQUEST}\n{RESPONSE}"
    )
    asked = fronts(explained, "HTTP.md")
    assert asked[0] == "What does the request line “GET /orders/7 HTTP/1.1” mean?"
    assert "What does the status line “HTTP/1.1 200 OK” mean?" in asked
    ru = (
        "# HTTP\n\nВ строке запроса клиент указывает метод, сервер отвечает кодом статуса."
        f"\n\n{REQUEST}\n{RESPONSE}"
    )
    asked = fronts(ru, "Протокол HTTP.md")
    assert asked[0] == "Что означает строка запроса «GET /orders/7 HTTP/1.1»?"
    assert "Что означает строка статуса «HTTP/1.1 200 OK»?" in asked
    assert len(asked) == 6


def test_tags_and_folders_make_http_the_subject() -> None:
    text = f"---\ntags: [HTTP]\n---\n# Session set-up\n\nThe client asks.\n\n{REQUEST}"
    assert len(fronts(text, "Session.md")) == 2
    assert len(fronts("# Session set-up\n\nAsk, answer.\n\n" + REQUEST, "HTTP/Session.md")) == 2


def test_a_header_the_prose_names_in_words_on_http_is_glossed_under_any_title() -> None:
    policy = "```http\nContent-Security-Policy: default-src 'self'\n```\n"
    ru = f"# CSP\n\nПолитику задаёт HTTP-заголовок Content-Security-Policy.\n\n{policy}"
    assert fronts(ru, "CSP.md") == [
        "Что означает HTTP-заголовок «Content-Security-Policy: default-src 'self'»?"
    ]
    en = f"# CSP\n\nThe Content-Security-Policy header sets the policy.\n\n{policy}"
    assert len(fronts(en, "CSP.md")) == 1
    assert fronts(f"# CSP\n\nThe policy lists sources.\n\n{policy}", "CSP.md") == []


def test_fields_named_after_the_note_subject_are_what_it_teaches() -> None:
    handshake = (
        "```http\nGET /chat HTTP/1.1\nHost: chat.example\nUpgrade: websocket\n"
        "Sec-WebSocket-Version: 13\n```\n"
    )
    text = (
        "# WebSockets\n\nThe connection starts as an HTTP request and stays open.\n\n"
        f"## Opening handshake\n\n{handshake}"
    )
    assert fronts(text, "WebSockets.md") == [
        "What does the request header “Sec-WebSocket-Version: 13” mean?"
    ]  # "Host" is only the example's: neither named in the prose nor after the subject
