"""The first real user note (Russian): the cards a student would write from its prose.

Issue acceptance: WebSockets gives a persistent connection for real-time exchange, the
connection stays open until the client or the server closes it, HTTPS uses SSL/TLS, and
a client states the method and the URL in an HTTP request, all in Russian, with the
note's tags.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.extractors.enumerations import extract_enumerations
from notecards.extractors.headings import extract_headings
from notecards.extractors.properties import extract_properties
from notecards.model import Card
from notecards.reader import parse_note
from notecards.vault.media import Vault

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
SEED = SEEDS / "000_08d1d95c008f0c88.md"
TAGS = ("HTTP", "HTTPS", "SSL", "TLS", "webSocket")


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    if not SEED.is_file():
        pytest.skip("the user's seed note (../shared/seeds/) is not present")
    note, _ = parse_note(SEED.read_bytes(), SEED.name, SEED, Vault(SEEDS))
    assert note is not None and note.lang == "ru"
    ctx = ExtractContext(note)
    out: list[Card] = []
    for extract in (
        extract_definitions,
        extract_properties,
        extract_enumerations,
        extract_headings,
    ):
        out += extract(note, ctx)
    return out


def _find(cards: list[Card], front: str) -> Card:
    matches = [c for c in cards if c.front == front]
    assert matches, f"no card {front!r} among {[c.front for c in cards]}"
    return matches[0]


def test_websockets_definition(cards):
    card = _find(cards, "Что такое WebSockets?")
    assert card.kind == "definition"
    assert card.back == (
        "протокол, который позволяет устанавливать постоянное соединение между клиентом и "
        "сервером для обмена данными в режиме реального времени"
    )
    assert "<em>" not in card.fields[1]  # the answer is plain prose here
    reverse = [c for c in cards if c.kind == "term" and c.back == "WebSockets"]
    assert reverse and "WebSockets" not in reverse[0].front


def test_websockets_connection_stays_open(cards):
    card = _find(
        cards,
        "WebSockets: когда клиент и сервер устанавливают соединение через WebSockets, оно "
        "остается открытым, пока …",
    )
    assert card.kind == "property"
    assert card.back == "клиент или сервер не закроют его"


def test_https(cards):
    uses = _find(
        cards,
        "Что используют клиент и сервер при использовании HTTPS для установки защищенного сеанса?",
    )
    assert uses.back == "SSL/TLS"
    what = _find(cards, "Чем является HTTPS?")
    assert what.back == "защищенной версией HTTP"


def test_http_request(cards):
    card = _find(cards, "Что клиент указывает, когда отправляет запрос на сервер через HTTP?")
    assert card.back == "метод запроса и URL ресурса, которые нужно получить"


def test_enumeration_of_technologies(cards):
    (card,) = [c for c in cards if c.kind == "enumeration"]
    assert card.items == ("HTTP", "HTTPS", "SSL/TLS", "WebSockets")
    assert card.back == "HTTP, HTTPS, SSL/TLS, WebSockets и другие"
    assert card.front.endswith("таких как …")


def test_every_card_is_russian_plain_and_tagged(cards):
    assert cards
    for card in cards:
        assert card.lang == "ru"
        assert card.tags == (*TAGS, "notecards/mined")
        assert card.note == SEED.name
        for side in (card.front, card.back):
            assert any("а" <= c <= "я" for c in side.lower()) or side.isascii()
            assert not any(m in side for m in ("**", "_", "[[", "![[", "<", "`"))
    fronts = [c.front for c in cards]
    assert len(fronts) == len(set(fronts))


def test_nothing_is_made_of_the_example_paragraphs(cards):
    # "Для примера, рассмотрим …" and "В данном примере, …" hold no definition or property
    assert not [c for c in cards if c.line in (22, 64)]
