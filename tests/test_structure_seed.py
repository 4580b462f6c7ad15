"""The first real user note (Russian, HTTPS session set-up): steps and HTTP messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from notecards.extractors import extract_cards
from notecards.extractors.base import ExtractContext
from notecards.extractors.http_messages import extract_http_messages
from notecards.extractors.procedures import extract_procedures
from notecards.model import Card, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
SEED = SEEDS / "000_08d1d95c008f0c88.md"
PROCEDURE = "Установка сеанса между клиентом и сервером с использованием протокола HTTPS"
STEPS = (
    "Клиент (браузер) отправляет запрос на сервер, указывая метод запроса (например, GET) "
    "и URL ресурса, который нужно получить.",
    "Сервер обрабатывает запрос и отправляет свой сертификат клиенту для проверки подлинности.",
    "Клиент проверяет сертификат сервера, чтобы убедиться в его подлинности. Если проверка "
    "прошла успешно, клиент и сервер устанавливают защищенное соединение, используя SSL/TLS.",
    "Когда соединение установлено, клиент и сервер могут передавать данные между собой в "
    "защищенной форме.",
)


@pytest.fixture(scope="module")
def note() -> Note:
    if not SEED.is_file():
        pytest.skip(f"seed note not found: {SEED}")
    parsed, _ = parse_note(SEED.read_bytes(), SEED.name, SEED, Vault(SEEDS))
    assert parsed is not None
    return parsed


@pytest.fixture(scope="module")
def cards(note: Note) -> list[Card]:
    ctx = ExtractContext(note)
    return extract_http_messages(note, ctx) + extract_procedures(note, ctx)


def of_kind(cards: list[Card], kind: str) -> list[Card]:
    return [c for c in cards if c.kind == kind]


def header(cards: list[Card], name: str) -> Card:
    [found] = [c for c in of_kind(cards, "http-header") if f"«{name}:" in c.front]
    return found


def test_one_card_per_step_with_the_procedure_named(cards: list[Card]) -> None:
    steps = of_kind(cards, "step")
    assert [c.front for c in steps] == [
        f"{PROCEDURE} — шаг {n} из 4: что происходит?" for n in (1, 2, 3, 4)
    ]
    assert tuple(c.back for c in steps) == STEPS
    assert [c.line for c in steps] == [24, 31, 47, 48]


def test_code_between_steps_is_shown_with_its_step(cards: list[Card]) -> None:
    first, second, third, fourth = of_kind(cards, "step")
    assert "nc-code" in first.fields[1] and "example.com" in first.fields[1]
    assert "nc-code" in second.fields[1] and "keep-alive" in second.fields[1]
    assert "nc-code" not in third.fields[1]
    assert "nc-code" in fourth.fields[1]  # the response after the last step
    assert "nc-code" not in first.back  # the plain back stays the step's sentence


def test_the_whole_sequence_in_order(cards: list[Card]) -> None:
    [sequence] = of_kind(cards, "sequence")
    assert sequence.front == f"{PROCEDURE} — какие шаги, по порядку?"
    assert sequence.items == (
        "Клиент (браузер) отправляет запрос на сервер, указывая метод запроса (например, GET) "
        "и URL ресурса, который нужно получить",
        "Сервер обрабатывает запрос и отправляет свой сертификат клиенту для проверки подлинности",
        "Клиент проверяет сертификат сервера, чтобы убедиться в его подлинности",
        "Когда соединение установлено, клиент и сервер могут передавать данные между собой в "
        "защищенной форме",
    )
    assert sequence.back.splitlines()[1].startswith("2. Сервер обрабатывает запрос")


def test_request_line_and_status(cards: list[Card]) -> None:
    [request] = of_kind(cards, "http-request-line")
    assert request.front == "Что означает строка запроса «GET /example HTTP/1.1»?"
    assert "GET" in request.back and "/example" in request.back
    assert request.line == 27
    [status] = of_kind(cards, "http-status")  # the response appears twice: one card
    assert status.front == "Что означает строка статуса «HTTP/1.1 200 OK»?"
    assert "200" in status.back and "успешно" in status.back


def test_every_header_once_with_its_meaning(cards: list[Card]) -> None:
    headers = of_kind(cards, "http-header")
    assert len(headers) == 7  # Host + six response headers, despite the repeated response
    hsts = header(cards, "Strict-Transport-Security")
    assert hsts.front == (
        "Что означает заголовок «Strict-Transport-Security: max-age=31536000; "
        "includeSubDomains;» в HTTP-ответе?"
    )
    assert "1 год" in hsts.back and "поддомен" in hsts.back and "HTTPS" in hsts.back
    assert "JSON" in header(cards, "Content-Type").back
    assert "1234" in header(cards, "Content-Length").back
    assert "открыт" in header(cards, "Connection").back
    assert "example.com" in header(cards, "Host").back
    assert (
        header(cards, "Host").front == "Что означает заголовок «Host: example.com» в HTTP-запросе?"
    )
    assert "Apache" in header(cards, "Server").back
    assert "2023" in header(cards, "Date").back
    assert header(cards, "Content-Length").line == 38


def test_all_russian_with_the_note_tags(cards: list[Card]) -> None:
    assert cards
    for card in cards:
        assert card.lang == "ru"
        assert card.tags == ("HTTP", "HTTPS", "SSL", "TLS", "webSocket", "notecards/mined")
        for marker in ("**", "_HTTPS_", "[[", "```", "<"):
            assert marker not in card.front and marker not in card.back
    assert len({c.id for c in cards}) == len(cards)


def test_the_registry_gives_the_same_cards(note: Note, cards: list[Card]) -> None:
    mine = [c for c in extract_cards(note) if c.extractor in ("http_messages", "procedures")]
    assert sorted(c.front for c in mine) == sorted(c.front for c in cards)
    assert [c.line for c in mine] == sorted(c.line for c in mine)  # document order
