"""HTTP header glosses that only restate their field (issue 11, h18-lists).

A strict reader dropped "Что означает заголовок «Content-Type: application/json»?" →
"Тело сообщения — JSON (application/json)": a field whose name says what its value
is (Content-Type, Content-Length, Host, User-Agent, Date …), with one plain value,
has a gloss that adds nothing. Such a gloss is no card in a bare list of fields or in
a message a note only shows; a whole message in a note on HTTP is still read line by
line (issue 3's seed), and glosses that explain (Cache-Control directives, Origin,
parameters such as a multipart boundary) stay everywhere.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.http_messages import Header, extract_http_messages, restates

FIELDS = (
    "```http\nContent-Type: application/json\nContent-Length: 27\n"
    "Cache-Control: no-cache\nOrigin: https://shop.example\n```\n"
)
MESSAGE = (
    "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 27\n"
    "Cache-Control: no-cache\n```\n"
)


def glossed(text: str, name: str) -> list[str]:
    note = note_from_text(text, name=name)
    cards = extract_http_messages(note, ExtractContext(note))
    return [c.front for c in cards if c.kind == "http-header"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"# HTTP headers\n\nHeaders of the order request:\n\n{FIELDS}", "HTTP headers.md"),
        (f"# Заголовки HTTP\n\nЗаголовки запроса заказа:\n\n{FIELDS}", "Заголовки HTTP.md"),
    ],
)
def test_a_bare_list_of_fields_glosses_only_what_needs_explaining(text: str, name: str) -> None:
    fronts = glossed(text, name)
    assert len(fronts) == 2
    assert any("Cache-Control: no-cache" in f for f in fronts)
    assert any("Origin: https://shop.example" in f for f in fronts)


def test_a_message_a_note_only_shows_keeps_the_explaining_glosses() -> None:
    text = (
        "# Page load\n\n## Sending the HTTP request\n\nThe browser reads the Content-Type "
        f"and the Cache-Control of the answer.\n\n{MESSAGE}"
    )
    assert glossed(text, "Browser.md") == [
        "What does the response header “Cache-Control: no-cache” mean?"
    ]


@pytest.mark.parametrize(("title", "lang"), [("HTTP responses", "en"), ("Ответы HTTP", "ru")])
def test_a_whole_message_in_a_note_on_http_is_read_line_by_line(title: str, lang: str) -> None:
    fronts = glossed(f"---\nlang: {lang}\n---\n# {title}\n\n{MESSAGE}", f"{title}.md")
    assert len(fronts) == 3
    assert any("Content-Type: application/json" in f for f in fronts)


@pytest.mark.parametrize(
    ("name", "value", "plain"),
    [
        ("Content-Type", "application/json", True),
        ("Content-Type", "text/html; charset=utf-8", True),
        ("Host", "shop.example:8080", True),
        ("Content-Type", "multipart/form-data; boundary=x1", False),
        ("Accept", "text/html,application/xhtml+xml;q=0.9", False),
        ("Cache-Control", "no-cache", False),
        ("Origin", "https://shop.example", False),
    ],
)
def test_which_glosses_restate_their_field(name: str, value: str, plain: bool) -> None:
    assert restates(Header(name, value, 0)) is plain


@pytest.mark.parametrize(
    ("title", "lang", "plugins"),
    [
        ("HTTP headers", "en", "plugins (object, embed)"),
        ("Заголовки HTTP", "ru", "плагины (object, embed)"),
    ],
)
def test_an_element_named_in_a_gloss_keeps_its_name(title: str, lang: str, plugins: str) -> None:
    # the plain back drops anything shaped as a tag: "<object>" left "plugins (, )"
    csp = "default-src 'self'; object-src 'none'"
    message = f"```http\nHTTP/1.1 200 OK\nContent-Security-Policy: {csp}\n```\n"
    text = f"---\nlang: {lang}\n---\n# {title}\n\n{message}"
    note = note_from_text(text, name=f"{title}.md")
    [card] = [
        c for c in extract_http_messages(note, ExtractContext(note)) if c.kind == "http-header"
    ]
    assert plugins in card.back
    assert "(, )" not in card.back
