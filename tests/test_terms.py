"""Term guards, clean-up, emphasis and the note's own casing of words."""

from __future__ import annotations

import pytest

from notecards.reader.inline import to_spans
from notecards.reader.markdown import parser
from notecards.text.sentences import flatten, split_sentences
from notecards.text.terms import (
    Vocabulary,
    blank_term,
    clean_term,
    emphasized_terms,
    find_term,
    is_term,
    leading_term,
    looks_like_verb,
    mentions,
    starts_badly,
)


def _flat(markdown: str):
    tokens = parser().parse(markdown)
    return flatten(split_sentences(to_spans(tokens[1].children))[0])


@pytest.mark.parametrize(
    "term",
    [
        "WebSockets",
        "HTTPS",
        "SSL/TLS",
        "HTTP/1.1",
        "Content-Length",
        "keep-alive",
        "веб-разработка",
        "защищённое соединение",
        "рукопожатие TLS",
        "коммит",
        "интернет",
        "канал связи",
        "Node.js",
        "index.html",
        "Time To Live (TTL)",
        "recursive resolver",
        "сертификат",
    ],
)
def test_terms(term):
    assert is_term(term)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Это",
        "он",
        "It",
        "this",
        "Клиент, сервер и прокси",  # comma
        "Сервер отправляет ответ",  # verb
        "Соединение устанавливается",  # reflexive verb
        "Кэш может устареть",
        "the server returns",
        "The server is",
        "what the server returns",
        "и сервер",  # conjunction first
        "в браузере",  # preposition first
        "if the cache is cold",
        "Важно",  # opinion, not a term
        "один два три четыре пять шесть",  # too long
        "Что такое DNS?",
        "Примечание",  # a label
        "Он сказал. Потом",
    ],
)
def test_not_terms(text):
    assert not is_term(text)


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("отправляет", True),
        ("используют", True),
        ("является", True),
        ("хранит", True),
        ("установил", True),
        ("может", True),
        ("пакет", False),
        ("ответ", False),
        ("сертификат", False),
        ("кредит", False),
        ("протокол", False),
        ("канал", False),
        ("is", True),
        ("means", True),
        ("cookies", False),
        ("HTTP", False),
    ],
)
def test_looks_like_verb(word, verb):
    assert looks_like_verb(word) is verb


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("«WebSockets»", "WebSockets"),
        ("“HTTPS”,", "HTTPS"),
        ("(TTL)", "TTL"),
        ("- **Content-Length**:", "Content-Length"),
        ("keep-alive.", "keep-alive"),
        ("  веб-разработка —  ", "веб-разработка"),
        ("Time To Live (TTL)", "Time To Live (TTL)"),
    ],
)
def test_clean_term(raw, clean):
    assert clean_term(raw) == clean


def test_starts_badly():
    assert starts_badly("и другие вещи")
    assert starts_badly("что-то") is False  # a hyphenated word is not the conjunction
    assert starts_badly("that the cache is cold")
    assert starts_badly("важно, потому что")
    assert starts_badly("не протокол")
    assert not starts_badly("протокол передачи данных")
    assert not starts_badly("a protocol")


def test_find_and_blank_terms():
    assert mentions("соединение через WebSockets, оно", "websockets")
    assert not mentions("HTTPS only", "HTTP")  # whole words
    assert not mentions("Content-Length", "Content")  # hyphens join words
    assert find_term("A recursive resolver", "A") == 0
    assert find_term("a recursive resolver", "A") == -1  # acronyms keep their case
    assert blank_term("версия HTTP поверх HTTPS", "HTTP") == "версия … поверх HTTPS"


def test_leading_term():
    assert leading_term(_flat("**ETag**: идентификатор версии")) == ("ETag", 6)
    assert leading_term(_flat("**ETag:** идентификатор версии")) == ("ETag", 6)
    assert leading_term(_flat("_TLS_ — протокол")) == ("TLS", 6)
    assert leading_term(_flat("_TLS_ - протокол")) == ("TLS", 6)
    assert leading_term(_flat("_TLS_-протокол")) is None
    assert leading_term(_flat("Протокол **TLS**: защищает")) is None
    assert leading_term(_flat("**TLS** защищает")) is None


def test_emphasized_terms():
    flats = [_flat("Есть _HTTP_, **HTTPS**, ==SSL/TLS== и _очень важно помнить это всегда_.")]
    assert emphasized_terms(flats) == ["HTTP", "HTTPS", "SSL/TLS"]


def test_vocabulary_lowers_only_what_the_note_writes_in_lower_case():
    vocab = Vocabulary(["Про кэширование.", "Мы любим Google и Яндекс.", "Кэш нужен."])
    assert vocab.display("Кэширование") == "кэширование"
    assert vocab.display("Кэш") == "кэш"  # Russian, never capitalised mid-sentence
    assert vocab.display("Яндекс") == "Яндекс"  # capitalised mid-sentence: a name
    assert vocab.display("Google") == "Google"
    assert vocab.display("WebSockets") == "WebSockets"
    assert vocab.display("Domain Name System") == "Domain Name System"
    assert vocab.display("Кэширование") == "кэширование"  # asked again: the same answer


def test_opinion_adjective_before_a_noun_is_a_term():
    assert is_term("Главное преимущество HTTP/2")
    assert not is_term("Главное")
