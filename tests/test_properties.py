"""Property cards: what the note says about a term besides what it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cards_from, note_from_file, note_from_text
from notecards.model import Card, Note

PROSE = Path(__file__).resolve().parent / "notes" / "prose"
MARKUP = ("**", "__", "[[", "![[", "```", "<", ">", "==")


def _note(text: str, lang: str) -> Note:
    return note_from_text(text, lang=lang)


def _fixture(name: str) -> Note:
    return note_from_file(PROSE / name)


def _cards(note: Note) -> list[Card]:
    cards = cards_from("properties", note)
    for card in cards:
        assert card.kind == "property" and card.extractor == "properties"
        for side in (card.front, card.back):
            assert side and not any(m in side for m in MARKUP), side
    return cards


def _pairs(note: Note) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in _cards(note)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Когда клиент отправляет запрос на сервер через _HTTP_, он указывает метод "
            "запроса и URL ресурса, которые нужно получить.",
            (
                "Что клиент указывает, когда отправляет запрос на сервер через HTTP?",
                "метод запроса и URL ресурса, которые нужно получить",
            ),
        ),
        (
            "При использовании _HTTPS_, который является защищенной версией HTTP, клиент и "
            "сервер используют SSL/TLS для установки защищенного сеанса.",
            (
                "Что используют клиент и сервер при использовании HTTPS для установки "
                "защищенного сеанса?",
                "SSL/TLS",
            ),
        ),
        (
            "_WebSockets_ — это протокол. Когда клиент и сервер устанавливают соединение "
            "через WebSockets, оно остается открытым, пока клиент или сервер не закроют его.",
            (
                "WebSockets: когда клиент и сервер устанавливают соединение через WebSockets, "
                "оно остается открытым, пока …",
                "клиент или сервер не закроют его",
            ),
        ),
        (
            "Когда клиент подключается к _DNS_, сервер возвращает адрес.",
            ("Что сервер возвращает, когда клиент подключается к DNS?", "адрес"),
        ),
        (
            "_Service Worker_ позволяет перехватывать запросы страницы.",
            ("Что Service Worker позволяет делать?", "перехватывать запросы страницы"),
        ),
        (
            "Протокол _QUIC_ использует UDP для передачи данных.",
            ("Что протокол QUIC использует для передачи данных?", "UDP"),
        ),
    ],
)
def test_russian_shapes(text, expected):
    assert _pairs(_note(text, "ru")) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When a browser requests a page over _HTTPS_, it checks the certificate of the server.",
            (
                "When a browser requests a page over HTTPS, what does the browser check?",
                "the certificate of the server",
            ),
        ),
        (
            "When the client and the server finish the _TLS_ handshake, they exchange "
            "application data.",
            (
                "When the client and the server finish the TLS handshake, what do the client "
                "and the server exchange?",
                "application data",
            ),
        ),
        (
            "When using _HTTP/2_, browsers use one connection for many requests.",
            ("When using HTTP/2, what do browsers use for many requests?", "one connection"),
        ),
        (
            "A _Service Worker_ allows you to intercept network requests.",
            ("What does a Service Worker allow you to do?", "intercept network requests"),
        ),
        (
            "_HTTPS_ uses TLS to encrypt traffic.",
            ("What does HTTPS use to encrypt traffic?", "TLS"),
        ),
        (
            "A _CDN_ keeps copies of files until they expire.",
            ("CDN: a CDN keeps copies of files until …", "they expire"),
        ),
    ],
)
def test_english_shapes(text, expected):
    assert _pairs(_note(text, "en")) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun does not agree with the clause's subject: it refers to something else
        "Когда сервер получает запрос через _HTTP_, она отвечает кодом.",
        "Когда клиент и сервер открывают соединение через _TLS_, оно шифруется.",
        # a modal or a reflexive verb: no "Что …?" question fits
        "При использовании _HTTP/2_, браузер может открывать много потоков.",
        "При использовании _TLS_, соединение шифруется.",
        # no term the note defines or emphasises
        "Когда клиент отправляет запрос, он указывает метод запроса.",
        "Сервер хранит ответ, пока не истечёт срок.",
        # questions are not mined
        "Когда клиент отправляет запрос через _HTTP_, что он указывает?",
        # the object opens with a preposition
        "Когда клиент отправляет запрос через _HTTP_, он ждёт до таймаута.",
        # several conditions: which one would the card ask?
        "_Кэш_ хранит ответ, если есть заголовок, если сервер разрешил.",
        # a condition that opens the sentence is not a trailing clause
        "Если нет _ETag_, браузер скачивает ответ заново, если сервер не вернул 304.",
    ],
)
def test_russian_false_matches(text):
    assert _cards(_note(text, "ru")) == []


@pytest.mark.parametrize(
    "text",
    [
        "When the cache is full, it evicts old entries.",  # no known term
        "When _HTTPS_ is used, it is slower.",  # no readable subject-verb shape
        "When you open a page over _HTTPS_, it checks the certificate.",
        "When the client and the server finish the _TLS_ handshake, it sends data.",
        "Using a _cache_, the browser is faster.",
    ],
)
def test_english_false_matches(text):
    assert _cards(_note(text, "en")) == []


def test_fixtures():
    tls = _pairs(_fixture("tls_ru.md"))
    assert (
        "Что используют клиент и сервер при использовании TLS для обмена ключами?",
        "асимметричное шифрование",
    ) in tls
    assert (
        "TLS и кэширование: что клиент проверяет, когда устанавливает соединение с сервером?",
        "сертификат сервера",
    ) in tls
    dns = _pairs(_fixture("dns_en.md"))
    assert (
        "When the client sends a DNS query to the resolver, what does the client specify?",
        "the name and the record type",
    ) in dns
    assert ("TTL: the resolver caches answers until …", "their TTL expires") in dns
    caching = _pairs(_fixture("caching_en.md"))
    assert (
        "What does CORS allow servers to do?",
        "relax the same-origin policy for trusted sites",
    ) in caching
    for name in ("false_positives.md", "false_positives_en.md"):
        assert _cards(_fixture(name)) == [], name


def test_definition_sentence_gets_no_clause_card():
    note = _note("A _resolver_ is a server that follows referrals until it finds an answer.", "en")
    assert _cards(note) == []


def test_shape_after_sentences_that_hold_none():
    """A paragraph's terms are found when its first sentence that may hold a shape comes,
    not before: the sentences before it still count as the paragraph's."""
    note = _note(
        "**WebSockets** — протокол поверх TCP. Клиент открывает соединение заранее. "
        "WebSockets позволяет отправлять сообщения в обе стороны.\n\n"
        "Другой абзац без терминов. Он использует память.",
        "ru",
    )
    assert _pairs(note) == [
        ("Что WebSockets позволяет делать?", "отправлять сообщения в обе стороны")
    ]


def test_back_html_keeps_emphasis():
    note = _note("_HTTPS_ uses **TLS** to encrypt traffic.", "en")
    (card,) = _cards(note)
    assert card.back == "TLS" and card.fields[1] == "<strong>TLS</strong>"


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list("aZяКкогда, он она пока _*`использует позволяет uses when it until.\n?-")
        ),
        max_size=300,
    ),
    st.sampled_from(["ru", "en"]),
)
def test_never_raises(text, lang):
    cards = _cards(_note(text, lang))
    assert len(cards) <= 5 * (text.count("\n") + text.count(".") + 2)
