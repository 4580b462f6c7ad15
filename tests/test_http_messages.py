"""HTTP messages in code blocks: the tolerant parser and the cards made from it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HANG_GUARD_SECONDS, note_from_file, note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.http_messages import extract_http_messages, parse_messages
from notecards.model import Card, CodeBlock, Note, walk_blocks
from notecards.reader import parse_note
from notecards.vault.media import Vault

NOTES = Path(__file__).parent / "notes" / "structure"


def read(name: str) -> Note:
    return note_from_file(NOTES / name)


def parse_text(text: str, name: str = "note.md") -> Note:
    return note_from_text(text, name=name, vault=NOTES)


def run(note: Note) -> tuple[list[Card], ExtractContext]:
    ctx = ExtractContext(note)
    return extract_http_messages(note, ctx), ctx


def by_front(cards: list[Card]) -> dict[str, Card]:
    return {card.front: card for card in cards}


# ---------------------------------------------------------------- the parser


def test_request_with_headers_and_body() -> None:
    code = (
        "POST /api/users HTTP/1.1\nHost: api.example.com\nContent-Type: application/json\n"
        'Content-Length: 27\n\n{"name": "Ann", "age": 30}\n'
    )
    [message] = parse_messages(code, labelled=True)
    assert (message.role, message.method, message.target, message.version) == (
        "request",
        "POST",
        "/api/users",
        "HTTP/1.1",
    )
    assert [(h.name, h.value, h.offset) for h in message.headers] == [
        ("Host", "api.example.com", 1),
        ("Content-Type", "application/json", 2),
        ("Content-Length", "27", 3),
    ]
    assert message.body == ['{"name": "Ann", "age": 30}', ""]


def test_crlf_trailing_semicolon_lowercase_names_and_obs_fold() -> None:
    code = (
        "HTTP/1.1 200 OK\r\nstrict-transport-security: max-age=31536000; includeSubDomains;\r\n"
        "X-Long: first part\r\n\tsecond part\r\n\r\n"
    )
    [message] = parse_messages(code)
    assert message.code == 200 and message.reason == "OK"
    assert [(h.name, h.value) for h in message.headers] == [
        ("strict-transport-security", "max-age=31536000; includeSubDomains;"),
        ("X-Long", "first part second part"),
    ]


def test_http2_status_without_reason_and_pseudo_headers() -> None:
    [response] = parse_messages("HTTP/2 200\ncontent-type: text/html\n")
    assert (response.version, response.code, response.reason) == ("HTTP/2", 200, "")
    request, reply = parse_messages(
        ":method: GET\n:scheme: https\n:authority: example.com\n:path: /index.html\n"
        "accept: text/html\n\n:status: 404\ncontent-type: text/plain\n",
        labelled=True,
    )
    assert (request.role, request.method, request.target, request.version) == (
        "request",
        "GET",
        "/index.html",
        "HTTP/2",
    )
    assert request.pseudo and [h.name for h in request.headers] == ["accept"]
    assert request.start_line.startswith(":method: GET, :scheme: https")
    assert (reply.role, reply.code) == ("response", 404)


def test_several_messages_in_one_block() -> None:
    code = (
        "GET /a HTTP/1.1\nHost: example.com\n\nHTTP/1.1 301 Moved Permanently\n"
        "Location: https://example.com/a\n\n<html>moved</html>\n\n"
        "GET /a HTTP/1.1\nHost: example.com\nHTTP/1.1 200 OK\nContent-Length: 0\n"
    )
    messages = parse_messages(code, labelled=True)
    assert [(m.role, m.code or m.method) for m in messages] == [
        ("request", "GET"),
        ("response", 301),
        ("request", "GET"),
        ("response", 200),
    ]
    assert messages[1].body[0] == "<html>moved</html>"


def test_body_lines_are_not_headers_or_messages() -> None:
    code = (
        "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nNote: this is body text\nHTTP/1.1 is cool\n"
    )
    [message] = parse_messages(code)
    assert [h.name for h in message.headers] == ["Content-Type"]


def test_curl_verbose_transcript() -> None:
    code = (
        "$ curl -v https://example.com/\n*   Trying 93.184.216.34:443...\n"
        "* Connected to example.com (93.184.216.34) port 443\n"
        "> GET / HTTP/1.1\n> Host: example.com\n> User-Agent: curl/8.4.0\n> Accept: */*\n>\n"
        "< HTTP/1.1 200 OK\n< Content-Type: text/html; charset=UTF-8\n< Content-Length: 1256\n<\n"
        "<!doctype html>\n"
    )
    request, response = parse_messages(code)
    assert request.method == "GET" and [h.name for h in request.headers] == [
        "Host",
        "User-Agent",
        "Accept",
    ]
    assert response.code == 200 and response.headers[-1].value == "1256"
    assert response.headers[-1].offset == 10  # line offsets survive the prefix removal


def test_unlabelled_blocks_need_a_start_line() -> None:
    assert parse_messages("Host: example.com\nContent-Type: text/html\n") == []
    assert parse_messages("FETCH /x HTTP/1.1\nHost: a\n") == []  # unknown method, no label
    assert parse_messages("GET /x\nHost: a\n") == []  # no version, no label
    [message] = parse_messages("PROPFIND /x HTTP/1.1\nDepth: 1\n", labelled=True)
    assert message.method == "PROPFIND"


def test_labelled_header_list_and_request_without_version() -> None:
    [bare] = parse_messages("Content-Type: text/html\nCache-Control: no-cache\n", labelled=True)
    assert bare.role == "" and [h.name for h in bare.headers] == ["Content-Type", "Cache-Control"]
    [short] = parse_messages("GET /api/users\nAccept: application/json\n", labelled=True)
    assert (short.method, short.target, short.version) == ("GET", "/api/users", "")


def test_rest_client_file_with_comments() -> None:
    code = (
        "### List users\n# a comment\nGET https://api.example.com/users\n"
        "Accept: application/json\n\n### Create a user\nPOST https://api.example.com/users\n"
        'Content-Type: application/json\n\n{"name": "Ann"}\n'
    )
    first, second = parse_messages(code, labelled=True)
    assert (first.method, first.target, first.version) == (
        "GET",
        "https://api.example.com/users",
        "",
    )
    assert second.method == "POST" and second.body[0] == '{"name": "Ann"}'


# ---------------------------------------------------------------- cards: English fixture


def test_cors_preflight_cards() -> None:
    cards, _ = run(read("cors_caching.md"))
    fronts = by_front(cards)
    line = fronts["What does the request line “OPTIONS /api/items/42 HTTP/1.1” mean?"]
    assert line.kind == "http-request-line" and "OPTIONS" in line.back
    assert line.line == 11
    method = fronts["What does the request header “Access-Control-Request-Method: PUT” mean?"]
    assert "PUT" in method.back and method.line == 14
    status = fronts["What does the status line “HTTP/1.1 204 No Content” mean?"]
    assert status.kind == "http-status" and "204" in status.back
    max_age = fronts["What does the response header “Access-Control-Max-Age: 86400” mean?"]
    assert "1 day" in max_age.back
    origin = fronts[
        "What does the response header “Access-Control-Allow-Origin: https://app.example.com” mean?"
    ]
    assert "https://app.example.com" in origin.back


def test_caching_cards_and_deduplication() -> None:
    cards, _ = run(read("cors_caching.md"))
    fronts = by_front(cards)
    assert "What does the status line “HTTP/2 200” mean?" in fronts
    cache = fronts["What does the response header “cache-control: public, max-age=3600” mean?"]
    assert "1 hour" in cache.back
    assert "store" in fronts["What does the response header “Cache-Control: no-store” mean?"].back
    assert (
        "Accept-Encoding"
        in fronts["What does the response header “vary: Accept-Encoding” mean?"].back
    )
    # The same ETag twice (etag / ETag) is one card; Cache-Control with two values is two,
    # and so is Host with two hosts.
    headers = [c for c in cards if c.kind == "http-header"]
    names = [c.front.split("“")[1].split(":")[0].lower() for c in headers]
    assert names.count("etag") == 1
    assert names.count("cache-control") == 2
    assert names.count("host") == 2
    assert len({c.id for c in cards}) == len(cards)
    assert "What does the status line “HTTP/1.1 304 Not Modified” mean?" in fronts


def test_cards_are_plain_english_with_code_in_html() -> None:
    cards, ctx = run(read("cors_caching.md"))
    for card in cards:
        assert card.lang == "en" and card.extractor == "http_messages"
        for marker in ("**", "`", "<", "```"):
            assert marker not in card.front
        assert card.fields[0].count("<code>") == 1
    assert cards[0].tags == ("HTTP", "CORS", "caching", "notecards/mined")
    code_blocks = [b for s in ctx.note.sections for b in walk_blocks(s.blocks)]
    assert all(ctx.is_claimed(b) for b in code_blocks if isinstance(b, CodeBlock))


def test_same_input_same_cards() -> None:
    first, _ = run(read("cors_caching.md"))
    second, _ = run(read("cors_caching.md"))
    assert [c.to_json() for c in first] == [c.to_json() for c in second]


# ---------------------------------------------------------------- false matches


def test_look_alikes_give_no_cards() -> None:
    note = read("not_http.md")
    cards, ctx = run(note)
    assert cards == []
    assert ctx.claimed == set()


@pytest.mark.parametrize(
    "code",
    [
        'headers = {"Host": "example.com"}',
        "Host: example.com\nPort: 8080",
        "# HTTP/1.1 200 OK\nContent-Type: x",
        "   GET is a method HTTP/1.1",
        "HTTP/1.1 999 Nope\nA: b",
        "- GET /x HTTP/1.1",
    ],
)
def test_unlabelled_look_alikes_are_not_messages(code: str) -> None:
    assert parse_messages(code) == []


# ---------------------------------------------------------------- knowledge and the note


def test_unknown_header_needs_the_note_to_explain_it() -> None:
    text = (
        "# Трассировка\n\nЗапрос к API методом GET:\n\n```http\nGET /api/orders HTTP/1.1\n"
        "Host: shop.example.com\nX-Trace-Token: 7f3a9c\nX-Shop-Flag: on\n```\n\n"
        "- `X-Trace-Token` — уникальный идентификатор запроса для поиска в логах.\n"
    )
    cards, _ = run(parse_text(text, name="HTTP-заголовки.md"))
    fronts = by_front(cards)
    trace = fronts["Что означает заголовок «X-Trace-Token: 7f3a9c» в HTTP-запросе?"]
    assert trace.back == "Уникальный идентификатор запроса для поиска в логах."
    assert not any("X-Shop-Flag" in c.front for c in cards)
    assert cards[0].front == "Что означает строка запроса «GET /api/orders HTTP/1.1»?"
    assert cards[0].lang == "ru"


def test_long_values_are_cut_on_the_front() -> None:
    policy = "default-src 'self'; " + "; ".join(f"img-src cdn{i}.example.com" for i in range(20))
    cards, _ = run(
        parse_text(
            f"```http\nHTTP/1.1 200 OK\nContent-Security-Policy: {policy}\n```\n",
            name="HTTP headers.md",
        )
    )
    [csp] = [c for c in cards if c.kind == "http-header"]
    assert len(csp.front) < 150 and "…" in csp.front


def test_set_cookie_values_are_capped() -> None:
    lines = "\n".join(f"Set-Cookie: c{i}=v{i}; Path=/" for i in range(10))
    cards, _ = run(parse_text(f"```http\nHTTP/1.1 200 OK\n{lines}\n```\n", name="HTTP.md"))
    assert sum(1 for c in cards if "Set-Cookie" in c.front) == 3


def test_header_inside_a_list_item_keeps_its_file_line() -> None:
    text = "1. Send it:\n\n   ```http\n   GET / HTTP/1.1\n   Host: a.example\n   ```\n"
    cards, _ = run(parse_text(text, name="HTTP requests.md"))
    host = next(c for c in cards if "Host" in c.front)
    assert host.line == 5


# ---------------------------------------------------------------- robustness


@pytest.mark.slow
def test_large_block_gives_bounded_cards() -> None:
    """40,000 headers and 500 KB lines: few, short cards (`_MAX_HEADER_CARDS` and the
    front/back cuts), and no quadratic scan of the block."""
    headers = "\n".join(f"X-Custom-{i}: value {i}" for i in range(40_000))
    junk = "HTTP/1.1 " + "9" * 200_000
    text = f"```http\nHTTP/1.1 200 OK\n{headers}\n\n{junk}\n```\n\n```\nGET {'a' * 300_000}\n```\n"
    note = parse_text(text)
    start = time.perf_counter()
    cards, _ = run(note)
    assert time.perf_counter() - start < HANG_GUARD_SECONDS
    assert len(cards) <= 500
    assert all(len(c.front) + len(c.back) < 1_000 for c in cards)
    assert sum(len(c.fields[0]) + len(c.fields[1]) for c in cards) < 100_000


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("GETPOSHTP/1.2 0:\n\r\t;-=ab<>*$:{}")), max_size=300))
def test_parser_never_raises(code: str) -> None:
    for labelled in (False, True):
        messages = parse_messages(code, labelled)
        assert len(messages) <= code.count("\n") + code.count("\r") + 1


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.booleans())
def test_extractor_never_raises(body: str, fenced: bool) -> None:
    text = f"```http\n{body}\n```\n" if fenced else body
    note, _ = parse_note(
        text.encode("utf-8", "surrogatepass"), "x.md", NOTES / "x.md", Vault(NOTES)
    )
    if note is None:
        return
    cards, _ = run(note)
    assert len(cards) <= 3 * (text.count("\n") + 2)
    for card in cards:
        assert card.front and card.back
