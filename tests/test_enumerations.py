"""Enumeration cards: "такие как A, B и C", "such as", "consists of", bulleted lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cards_from, note_from_file, note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card, Note

PROSE = Path(__file__).resolve().parent / "notes" / "prose"


def _note(text: str, lang: str) -> Note:
    return note_from_text(text, lang=lang)


def _fixture(name: str) -> Note:
    return note_from_file(PROSE / name)


def _cards(note: Note) -> list[Card]:
    cards = cards_from("enumerations", note)
    for card in cards:
        assert card.kind == "enumeration" and 2 <= len(card.items) <= 12
        assert "**" not in card.front + card.back
    return cards


def _triples(note: Note) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.front, c.back, c.items) for c in _cards(note)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Сеанс может быть реализован с использованием протоколов, таких как HTTP, "
            "HTTPS, SSL/TLS, WebSockets и других.",
            "ru",
            (
                "Сеанс может быть реализован с использованием протоколов, таких как …",
                "HTTP, HTTPS, SSL/TLS, WebSockets и другие",
                ("HTTP", "HTTPS", "SSL/TLS", "WebSockets"),
            ),
        ),
        (
            "Браузер поддерживает хранилища, например, localStorage и IndexedDB.",
            "ru",
            (
                "Браузер поддерживает хранилища, например, …",
                "localStorage, IndexedDB",
                ("localStorage", "IndexedDB"),
            ),
        ),
        (
            "Ответ включает строку статуса, заголовки и тело.",
            "ru",
            (
                "Ответ включает …",
                "строку статуса, заголовки, тело",
                ("строку статуса", "заголовки", "тело"),
            ),
        ),
        (
            "Цепочка сертификатов состоит из сертификата сервера и корневого сертификата.",
            "ru",
            (
                "Из чего состоит цепочка сертификатов?",
                "сертификата сервера, корневого сертификата",
                ("сертификата сервера", "корневого сертификата"),
            ),
        ),
        (
            "Browsers support several storage APIs, such as localStorage, sessionStorage, "
            "and IndexedDB.",
            "en",
            (
                "Browsers support several storage APIs, such as …",
                "localStorage, sessionStorage, IndexedDB",
                ("localStorage", "sessionStorage", "IndexedDB"),
            ),
        ),
        (
            "Caches (for example, the browser cache and CDN caches) keep responses.",
            "en",
            (
                "Caches (for example, …) keep responses",
                "the browser cache, CDN caches",
                ("the browser cache", "CDN caches"),
            ),
        ),
        (
            "An HTTP message consists of a start line, headers and a body.",
            "en",
            (
                "What does an HTTP message consist of?",
                "a start line, headers, a body",
                ("a start line", "headers", "a body"),
            ),
        ),
        (
            "Common schemes include http, https, ftp, etc.",
            "en",
            ("Common schemes include …", "http, https, ftp and others", ("http", "https", "ftp")),
        ),
    ],
)
def test_inline(text, lang, expected):
    assert _triples(_note(text, lang)) == [expected]


def test_inline_without_the_definitions_extractor():
    """Enumerations read the sentences the definitions extractor reads, even when a
    note turns that extractor off."""
    note = note_from_text(
        "---\nnotecards: {skip: [definitions]}\n---\n"
        "Common schemes include http, https, ftp, etc.\n",
        name="n.md",
    )
    # inline enumerations are kept under the default threshold (calibrated, issue 11)
    assert [(c.kind, c.front, c.back) for c in extract_cards(note, min_confidence=0.0)] == [
        ("enumeration", "Common schemes include …", "http, https, ftp and others")
    ]


def test_bulleted_list_after_a_colon():
    text = (
        "Основные HTTP-методы:\n\n"
        "- **GET** — получает ресурс\n"
        "- **POST** — создаёт ресурс\n"
        "- **DELETE** — удаляет ресурс\n"
    )
    (card,) = _cards(_note(text, "ru"))
    assert (card.front, card.back, card.items) == (
        "Основные HTTP-методы: …",
        "GET, POST, DELETE",
        ("GET", "POST", "DELETE"),
    )
    assert card.line == 6  # the list itself


def test_long_members_are_one_per_line():
    text = (
        "Кэш бывает нескольких видов:\n\n"
        "- кэш браузера на диске пользователя\n"
        "- общий кэш прокси-сервера\n"
    )
    (card,) = _cards(_note(text, "ru"))
    assert card.back == "• кэш браузера на диске пользователя\n• общий кэш прокси-сервера"


@pytest.mark.parametrize(
    "text",
    [
        "Examples:\n\n- one\n- two\n",  # the intro names no subject
        "Steps to follow:\n\n1. Open the page\n2. Close the page\n",  # numbered: a procedure
        "Tasks for today:\n\n- [ ] write the note\n- [x] read the RFC\n",  # a to-do list
        "Things to remember:\n\n- Always set Cache-Control on responses.\n"
        "- Never cache private data in shared caches.\n",  # sentences, not members
        "A list without an intro\n\n- one\n- two\n",
        "Only one member here:\n\n- one\n",
        "Browsers support many features, such as caching responses aggressively when users "
        "are offline.",
        "For example, HTTP and HTTPS.",
        "Such as HTTP and FTP.",
        "Does it support things such as HTTP and FTP?",
    ],
)
def test_false_matches(text):
    assert _cards(_note(text, "en")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Мы использовали много вещей, например, то, что было под рукой.",
        "Есть разные подходы, такие как кэширование на клиенте и сохранение данных на "
        "сервере, которое выполняется отдельно.",
        "Например, HTTP и HTTPS.",
    ],
)
def test_russian_false_matches(text):
    assert _cards(_note(text, "ru")) == []


def test_fixtures():
    dns = _triples(_fixture("dns_en.md"))
    assert ("Common record types: …", "A, AAAA, CNAME, MX", ("A", "AAAA", "CNAME", "MX")) in dns
    assert (
        "Every zone includes records such as …",
        "A, AAAA, CNAME, MX",
        ("A", "AAAA", "CNAME", "MX"),
    ) in dns
    tls = _triples(_fixture("tls_ru.md"))
    assert (
        "TLS поддерживает разные наборы шифров, например, …",
        "AES, ChaCha20 и другие",
        ("AES", "ChaCha20"),
    ) in tls
    for name in ("false_positives.md", "false_positives_en.md"):
        assert _cards(_fixture(name)) == [], name


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("aZя, и and such as таких как:\n- 1.()etc.*")),
        max_size=300,
    ),
    st.sampled_from(["ru", "en"]),
)
def test_never_raises(text, lang):
    cards = _cards(_note(text, lang))
    assert len(cards) <= text.count("\n") + text.count(".") + 2
