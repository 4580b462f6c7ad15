"""Definitions in prose: "X — это Y", "X является Y", "X is a Y", "**X**: Y", tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cards_from, note_from_file, note_from_text
from notecards.extractors import definitions as defs
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import Card, Note
from notecards.text.cues import fold

PROSE = Path(__file__).resolve().parent / "notes" / "prose"
MARKUP = ("**", "__", "[[", "![[", "```", "<", ">", "==", "`")


def _note(text: str, lang: str | None = None) -> Note:
    return note_from_text(text, lang=lang)


def _fixture(name: str) -> Note:
    return note_from_file(PROSE / name)


def _cards(note: Note) -> list[Card]:
    return cards_from("definitions", note)


def _pairs(note: Note, kind: str | None = None) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in _cards(note) if kind is None or c.kind == kind]


def _assert_plain(cards: list[Card]) -> None:
    for card in cards:
        for side in (card.front, card.back):
            assert side and side == side.strip()
            assert not any(m in side for m in MARKUP), side


# ---------------------------------------------------------------- Russian


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "_WebSockets_ - это протокол для обмена данными в реальном времени.",
            ("Что такое WebSockets?", "протокол для обмена данными в реальном времени"),
        ),
        (
            "**TLS** — это криптографический протокол.",
            ("Что такое TLS?", "криптографический протокол"),
        ),
        (
            "Кэширование – это сохранение копий ответов.",
            ("Что такое кэширование?", "сохранение копий ответов"),
        ),
        (
            "Веб-сервер — это программа, которая отвечает на HTTP-запросы.",
            ("Что такое веб-сервер?", "программа, которая отвечает на HTTP-запросы"),
        ),
        (
            "HTTP/2 является новой версией протокола HTTP.",
            ("Чем является HTTP/2?", "новой версией протокола HTTP"),
        ),
        (
            "При использовании _HTTPS_, который является защищенной версией HTTP, клиент ждёт.",
            ("Чем является HTTPS?", "защищенной версией HTTP"),
        ),
        (
            "Под кэшированием понимают хранение копий ответов.",
            ("Что понимают под кэшированием?", "хранение копий ответов"),
        ),
        (
            "Под рукопожатием понимается обмен первыми сообщениями.",
            ("Что понимается под рукопожатием?", "обмен первыми сообщениями"),
        ),
        (
            "**ETag** — идентификатор версии ресурса.",
            ("Что такое ETag?", "идентификатор версии ресурса"),
        ),
        (
            "**ETag**: идентификатор версии ресурса.",
            ("Что такое ETag?", "идентификатор версии ресурса"),
        ),
        (
            "- **Cookie** — небольшой фрагмент данных, который хранит браузер.",
            ("Что такое Cookie?", "небольшой фрагмент данных, который хранит браузер"),
        ),
        (
            "> [!note] Определение\n> _DNS_ — это система доменных имён.",
            ("Что такое DNS?", "система доменных имён"),
        ),
    ],
)
def test_russian_definitions(text, expected):
    cards = _cards(_note(text, "ru"))
    assert (cards[0].front, cards[0].back) == expected
    assert cards[0].kind == "definition"
    _assert_plain(cards)


def test_reverse_card_never_shows_the_term():
    note = _note(
        "**HTTPS** — это версия протокола HTTP, в которой HTTPS-трафик шифруется с помощью TLS.",
        "ru",
    )
    (reverse,) = [c for c in _cards(note) if c.kind == "term"]
    assert reverse.back == "HTTPS"
    assert "HTTPS" not in reverse.front.replace("HTTPS-", "")
    assert reverse.front.startswith("Как называется версия протокола HTTP")


def test_instrumental_reverse_keeps_cases_in_agreement():
    note = _note("Протокол QUIC является транспортной основой протокола HTTP/3.", "ru")
    assert _pairs(note) == [
        ("Чем является протокол QUIC?", "транспортной основой протокола HTTP/3"),
        ("Что является транспортной основой протокола HTTP/3?", "протокол QUIC"),
    ]


def test_named_keeps_the_comma_that_closes_a_clause():
    note = _note("Запросы, которые не меняют состояние сервера, называются безопасными.", "ru")
    assert _pairs(note) == [
        ("Запросы, которые не меняют состояние сервера, называются …", "безопасными")
    ]


def test_code_span_list_item_is_a_term():
    note = _note("- `Content-Type` — тип тела сообщения\n- `npm install` — ставит пакеты\n", "ru")
    assert _pairs(note) == [
        ("Что такое Content-Type?", "тип тела сообщения"),
        ("Что делает npm install?", "ставит пакеты"),  # a verb: what it does
    ]


def test_named_gives_a_term_card():
    note = _note("Процесс согласования параметров шифрования называется рукопожатием.", "ru")
    assert _pairs(note) == [
        ("Процесс согласования параметров шифрования называется …", "рукопожатием")
    ]
    assert _cards(note)[0].kind == "term"


def test_russian_fixture():
    pairs = _pairs(_fixture("tls_ru.md"))
    assert (
        "Что такое TLS?",
        "криптографический протокол, который обеспечивает защищённую передачу данных "
        "между клиентом и сервером",
    ) in pairs
    assert ("Чем является SSL?", "предшественником TLS") in pairs
    assert ("TLS и кэширование: что понимают под рукопожатием?", pairs[4][1]) in pairs
    assert ("TLS и кэширование: что такое сертификат?", pairs[6][1]) in pairs
    assert ("TLS и кэширование: что такое кэш?", "хранилище копий ответов") in pairs  # table
    assert ("Что такое ETag?", "идентификатор версии ресурса") in pairs


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A cookie is a small piece of data the browser stores.",
            ("What is a cookie?", "a small piece of data the browser stores"),
        ),
        (
            "Cookies are small pieces of data.",
            None,  # no article: not taken for a definition
        ),
        (
            "The TTL is the lifetime of a record in seconds.",
            ("What is the TTL?", "the lifetime of a record in seconds"),
        ),
        (
            "We moved to _QUIC_, which is a transport protocol over UDP, last year.",
            ("What is QUIC?", "a transport protocol over UDP"),
        ),
        (
            "Latency refers to the delay before a transfer starts. High latency hurts.",
            ("What does latency refer to?", "the delay before a transfer starts"),
        ),
        (
            "TTL means the number of seconds a record may be cached.",
            ("What does TTL mean?", "the number of seconds a record may be cached"),
        ),
        (
            "**MIME** stands for Multipurpose Internet Mail Extensions.",
            ("What does MIME stand for?", "Multipurpose Internet Mail Extensions"),
        ),
        (
            "**ETag**: an identifier of a version of a resource.",
            ("What is ETag?", "an identifier of a version of a resource"),
        ),
        (
            "A server that forwards requests for clients is called a proxy.",
            ("What is the term for: a server that forwards requests for clients?", "proxy"),
        ),
    ],
)
def test_english_definitions(text, expected):
    cards = _cards(_note(text, "en"))
    if expected is None:
        assert cards == []
        return
    assert (cards[0].front, cards[0].back) == expected
    _assert_plain(cards)


def test_english_fixtures():
    dns = _pairs(_fixture("dns_en.md"))
    assert (
        "DNS: what is a recursive resolver?",  # a generic term, in its subject
        "a server that receives queries from clients and follows referrals until it finds "
        "an answer",
    ) in dns
    assert ("What does DNS stand for?", "Domain Name System") in dns
    assert ("What is the abbreviation for Domain Name System?", "DNS") in dns
    assert ("What is CNAME?", "an alias that points to another name") in dns
    assert ("What is the term for: an alias that points to another name?", "CNAME") in dns
    assert (
        "DNS: what is zone?",
        "the part of the namespace a server is responsible for",
    ) in dns
    assert (
        "DNS: what is the term for: a server that answers with authority for a zone?",
        "authoritative server",
    ) in dns
    caching = _pairs(_fixture("caching_en.md"))
    assert (
        "What is CORS?",
        "a mechanism that lets a server allow cross-origin requests from chosen origins",
    ) in caching
    assert (
        "What does a cache refer to?",
        "any storage that keeps those copies, e.g. the browser cache or a CDN",
    ) in caching
    assert (
        "What is Last-Modified?",
        "the date the resource last changed on the origin server",
    ) in caching


def test_reverse_of_a_verb_phrase_is_not_made():
    note = _note("- **A** — maps a name to an IPv4 address\n", "en")
    assert _pairs(note) == [("What does A do?", "maps a name to an IPv4 address")]


# ---------------------------------------------------------------- false matches


def test_false_positives_make_no_cards():
    for name in ("false_positives.md", "false_positives_en.md"):
        assert _cards(_fixture(name)) == [], name


@pytest.mark.parametrize(
    "text",
    [
        "Это важно, потому что сервер может упасть.",
        "Сервер отправляет ответ — это нормально.",
        "Он — это не протокол.",
        "Клиент, сервер и прокси — это участники обмена.",
        "Кэширование — это когда браузер хранит копии.",
        "Что такое DNS — это вопрос?",
        "**Примечание**: сервер может кэшировать ответы.",
        "В коде `x — это y` нет определения.",
        "`x — это y`",
        "Этот процесс называется рукопожатием.",
        "It is a protocol that nobody uses.",
        "What the server returns is a response.",
        "That means the cache is cold.",
        "The server is the one that decides.",
        "Caching is important for speed.",
        "**Note**: the server may cache responses.",
        "**Accept**: какие типы ответа понимает клиент.",
        "REST — архитектурный стиль взаимодействия компонентов.",  # not emphasised
        "Статус 404 — это когда ресурс не найден.",
        "GET, PUT и DELETE являются идемпотентными методами.",
    ],
)
def test_false_matches(text):
    lang = "ru" if any("а" <= c <= "я" for c in text.lower()) else "en"
    assert _cards(_note(text, lang)) == []


def test_code_blocks_and_claimed_blocks_are_not_mined():
    note = _note("```\nHTTP — это протокол.\n```\n\nDNS — это система имён.\n", "ru")
    ctx = ExtractContext(note)
    ctx.claim(note.sections[0].blocks[1])
    assert extract_definitions(note, ctx) == []


def test_generic_table_needs_terms_and_long_enough_definitions():
    table = "| Метод | Назначение |\n|---|---|\n| GET | получение ресурса по URL |\n"
    table += "| DELETE | удаление ресурса на сервере |\n"
    assert _pairs(_note(table, "ru"), "definition") == [
        ("Что такое GET?", "получение ресурса по URL"),
        ("Что такое DELETE?", "удаление ресурса на сервере"),
    ]
    flags = "| Метод | Безопасный |\n|---|---|\n| GET | да |\n| POST | нет |\n"
    assert _cards(_note(flags, "ru")) == []


def test_cards_are_deterministic_and_mark_sections_covered():
    note = _fixture("tls_ru.md")
    first, second = _cards(note), _cards(note)
    assert [c.id for c in first] == [c.id for c in second]
    ctx = ExtractContext(note)
    extract_definitions(note, ctx)
    assert {s.line for s in note.sections if s.heading == "TLS"} <= ctx.covered


def test_anchor_does_not_depend_on_the_answer():
    one = _cards(_note("**TLS** — это протокол защиты.", "ru"))[0]
    two = _cards(_note("**TLS** — это протокол шифрования данных.", "ru"))[0]
    assert one.id == two.id


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list("aAzZяЯэто — -–:*_`|#>\n,.?!«»()является is a the means called называется ")
        ),
        max_size=300,
    ),
    st.sampled_from(["ru", "en"]),
)
def test_never_raises(text, lang):
    note = _note(text, lang)
    cards = _cards(note)
    assert len(cards) <= 2 * (text.count("\n") + text.count(".") + 2)
    _assert_plain([c for c in cards if "`" not in text and "<" not in text and ">" not in text])


_PATTERNS = {
    "ru": (defs._RU_DASH_ETO, defs._RU_IS, defs._RU_WHICH_IS, defs._RU_UNDER, defs._RU_NAMED),
    "en": (defs._EN_IS, defs._EN_WHICH_IS, defs._EN_VERB, defs._EN_NAMED),
}
_PIECES = (
    "X", "кэш", "—", "–", "-", ",", "ЭТО", "это", "является", "Являются", "который", "под",
    "Понимают", "подразумевается", "называется", "называют", "is", "IS", "are", "a", "an",
    "the", "one", "which", "that", "refers", "to", "means", "stands", "for", "short",
    "abbreviation", "of", "called", "known", "as", "termed", "\u00a0", "\t",
)  # fmt: skip


_EXAMPLES = {
    "ru": (
        "Кэш — это хранилище",
        "Кэш является хранилищем",
        "Мы храним _кэш_, который является хранилищем",
        "Под кэшем понимают хранилище",
        "Хранилище копий называется кэшем",
    ),
    "en": (
        "A cache is a store",
        "We keep a _cache_, which is a store",
        "TTL stands for time to live",
        "A store of copies is called a cache",
    ),
}


@pytest.mark.parametrize(
    ("lang", "index"), [(lang, i) for lang, texts in _EXAMPLES.items() for i in range(len(texts))]
)
def test_each_pattern_needs_the_language_cue(lang, index):
    """`find_in_sentence` skips the patterns of a sentence without the cue: that is
    only right if every pattern needs it."""
    pattern, text = _PATTERNS[lang][index], _EXAMPLES[lang][index]
    assert pattern.search(fold(text))
    assert defs._CUES[lang].search(fold(text))
    assert defs._CUES[lang].search(fold(text.upper()))


@pytest.mark.slow
@given(
    st.sampled_from(["ru", "en"]),
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\n"]))),
)
def test_a_sentence_a_pattern_matches_holds_the_language_cue(lang, pieces):
    text = "".join(word + space for word, space in pieces)
    if any(pattern.search(fold(text)) for pattern in _PATTERNS[lang]):
        assert defs._CUES[lang].search(fold(text))
