"""Numbered lists → step cards and ordering (sequence) cards."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HANG_GUARD_SECONDS, note_from_file, note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.procedures import (
    extract_procedures,
    name_from_intro,
    sentences,
)
from notecards.model import Card, ListBlock, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault

NOTES = Path(__file__).parent / "notes" / "structure"


def read(name: str) -> Note:
    return note_from_file(NOTES / name)


def parse_text(text: str, name: str = "note.md") -> Note:
    return note_from_text(text, name=name, vault=NOTES)


def run(note: Note) -> tuple[list[Card], ExtractContext]:
    ctx = ExtractContext(note)
    return extract_procedures(note, ctx), ctx


def of_kind(cards: list[Card], kind: str) -> list[Card]:
    return [c for c in cards if c.kind == kind]


# ---------------------------------------------------------------- English: TLS 1.3


def test_tls_steps_named_after_the_heading() -> None:
    cards, _ = run(read("tls13_handshake.md"))
    steps = [
        c for c in of_kind(cards, "step") if c.source.endswith("How a TLS 1.3 handshake works")
    ]
    assert len(steps) == 10
    assert steps[0].front == "How a TLS 1.3 handshake works — step 1 of 10: what happens?"
    assert steps[0].back == (
        "The client sends a ClientHello with the supported cipher suites, a random nonce "
        "and a key share for its preferred group."
    )
    assert steps[0].line == 12
    assert steps[9].front == "How a TLS 1.3 handshake works — step 10 of 10: what happens?"
    assert steps[9].back == (
        "Both sides switch to the application traffic keys and exchange encrypted data."
    )
    assert "<strong>ClientHello</strong>" in steps[0].fields[1]
    assert all(c.lang == "en" and c.extractor == "procedures" for c in cards)


def test_long_procedures_are_windowed() -> None:
    cards, _ = run(read("tls13_handshake.md"))
    windows = [c for c in of_kind(cards, "sequence") if "TLS 1.3" in c.front]
    assert [c.front for c in windows] == [
        "How a TLS 1.3 handshake works — what are steps 1–7 of 10, in order?",
        "How a TLS 1.3 handshake works — what are steps 6–10 of 10, in order?",
    ]
    first, second = windows
    assert len(first.items) == 7 and len(second.items) == 5
    assert first.items[5:] == second.items[:2]  # windows overlap at the seam
    assert first.items[0].startswith("The client sends a ClientHello")
    assert not first.items[0].endswith(".")
    assert second.back.splitlines()[0].startswith("6. The server sends CertificateVerify")
    assert first.id != second.id


def test_to_x_follow_these_steps() -> None:
    cards, _ = run(read("tls13_handshake.md"))
    resume = [c for c in cards if "pre-shared key" in c.front]
    assert [c.front for c in resume] == [
        "How to resume a session with a pre-shared key — step 1 of 3: what happens?",
        "How to resume a session with a pre-shared key — step 2 of 3: what happens?",
        "How to resume a session with a pre-shared key — step 3 of 3: what happens?",
        "How to resume a session with a pre-shared key — what are the steps, in order?",
    ]


# ---------------------------------------------------------------- Russian: DNS


def test_dns_steps_named_by_the_introduction() -> None:
    cards, _ = run(read("dns_resolution.md"))
    steps = [c for c in of_kind(cards, "step") if "разрешения имени" in c.front]
    assert [c.front for c in steps][:2] == [
        "Процесс разрешения имени www.example.com — шаг 1 из 6: что происходит?",
        "Процесс разрешения имени www.example.com — шаг 2 из 6: что происходит?",
    ]
    assert (
        steps[1].back == "ОС передаёт запрос рекурсивному резолверу провайдера (например, 8.8.8.8)."
    )
    # "т.е." does not end a sentence
    assert (
        steps[4].back
        == "Авторитативный сервер возвращает A-запись с IP-адресом, т.е. окончательный ответ."
    )
    assert all(c.lang == "ru" for c in cards)


def test_ranking_of_short_nouns_is_a_sequence_only() -> None:
    cards, _ = run(read("dns_resolution.md"))
    ranking = [c for c in cards if c.source.endswith("Где ищется адрес")]
    assert [c.kind for c in ranking] == ["sequence"]
    assert ranking[0].front == "Где ищется адрес — перечислите по порядку"
    assert ranking[0].items == ("Кэш браузера", "Кэш ОС", "Файл hosts", "Кэш резолвера")
    assert ranking[0].back == "1. Кэш браузера\n2. Кэш ОС\n3. Файл hosts\n4. Кэш резолвера"


def test_accusative_introduction_and_instructions() -> None:
    cards, _ = run(read("dns_resolution.md"))
    check = [c for c in cards if c.source.endswith("Проверка")]
    assert check[0].front == "Проверка записи через dig — шаг 1 из 3: что нужно сделать?"
    assert check[0].back == "Откройте терминал."
    assert check[-1].front == "Проверка записи через dig — какие шаги, по порядку?"


def test_claims_lists_and_marks_sections() -> None:
    note = read("dns_resolution.md")
    _, ctx = run(note)
    lists = [b for s in note.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert lists and all(ctx.is_claimed(b) for b in lists)
    assert {s.line for s in note.sections if any(b in lists for b in s.blocks)} <= ctx.covered


# ---------------------------------------------------------------- naming


@pytest.mark.parametrize(
    ("sentence", "lang", "name", "style"),
    [
        (
            "Для примера, рассмотрим установку сеанса между клиентом и сервером.",
            "ru",
            "установка сеанса между клиентом и сервером",
            "named",
        ),
        ("Рассмотрим передачу данных по WebSocket:", "ru", "передача данных по WebSocket", "named"),
        ("Разберём процесс загрузки страницы.", "ru", "процесс загрузки страницы", "named"),
        ("Рассмотрим полную загрузку страницы:", "ru", "полную загрузку страницы", "quoted"),
        ("Рассмотрим эту процедуру подробнее.", "ru", "эту процедуру подробнее", "quoted"),
        ("Рассмотрим обмен ключами.", "ru", "обмен ключами", "named"),
        ("Рассмотрим, как браузер загружает страницу.", "ru", None, None),
        (
            "Рассмотрим по шагам, как браузер загружает страницу:",
            "ru",
            "как браузер загружает страницу",
            "named",
        ),
        ("Ниже приведены этапы TLS-рукопожатия:", "ru", "этапы TLS-рукопожатия", "named"),
        (
            "Установка соединения TCP происходит следующим образом:",
            "ru",
            "Установка соединения TCP",
            "named",
        ),
        ("Например, загрузка страницы:", "ru", "загрузка страницы", "quoted"),
        ("Выполните следующие шаги:", "ru", None, None),
        ("Here is how to enable HSTS on nginx:", "en", "enable HSTS on nginx", "howto"),
        ("To set up a reverse proxy, follow these steps:", "en", "set up a reverse proxy", "howto"),
        ("Steps to renew a certificate:", "en", "renew a certificate", "howto"),
        ("Here's how DNS resolution works:", "en", "DNS resolution", "named"),
        ("The TCP handshake works as follows:", "en", "The TCP handshake", "named"),
        ("Follow the steps below:", "en", None, None),
        ("The following steps are required:", "en", None, None),
    ],
)
def test_name_from_intro(sentence: str, lang: str, name: str | None, style: str | None) -> None:
    found = name_from_intro(sentence, lang)
    if name is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, found.style) == (name, style)


def test_quoted_template_when_the_case_is_unknown() -> None:
    text = (
        "Рассмотрим полную загрузку страницы:\n\n"
        "1. Браузер разбирает HTML и строит DOM.\n2. Браузер загружает CSS и строит CSSOM.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].front == ("Процедура «полную загрузку страницы», шаг 1 из 2: что происходит?")


def test_generic_colon_intro_falls_back_to_heading_or_title() -> None:
    text = (
        "---\ntitle: Деплой\n---\nСделайте следующее:\n\n"
        "1. Соберите образ командой docker build.\n2. Отправьте образ в реестр.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].front == "Деплой — шаг 1 из 2: что нужно сделать?"


def test_generic_heading_uses_the_parent_heading() -> None:
    text = (
        "# Загрузка страницы\n\n## Шаги\n\n"
        "1. Браузер получает HTML по сети.\n2. Браузер строит дерево DOM.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].front.startswith("Загрузка страницы — шаг 1 из 2")
    assert cards[0].source.endswith("Загрузка страницы › Шаги")


# ---------------------------------------------------------------- structure


def test_list_split_by_code_blocks_is_merged() -> None:
    text = (
        "## Deploying the API\n\n"
        "1. Build the image with the project's Dockerfile.\n\n"
        "```bash\ndocker build -t api .\n```\n\n"
        "2. Push the image to the registry.\n\n"
        "```bash\ndocker push api\n```\n\n"
        "3. Restart the service on the server.\n"
    )
    cards, ctx = run(parse_text(text))
    steps = of_kind(cards, "step")
    assert [c.front for c in steps] == [
        f"Deploying the API — step {n} of 3: what do you do?" for n in (1, 2, 3)
    ]
    assert "build" in steps[0].fields[1] and "push<" not in steps[0].fields[1]
    assert "nc-code" in steps[1].fields[1] and "push" in steps[1].fields[1]
    assert "nc-code" not in steps[2].fields[1]
    assert steps[0].back == "Build the image with the project's Dockerfile."
    [sequence] = of_kind(cards, "sequence")
    assert sequence.items == (
        "Build the image with the project's Dockerfile",
        "Push the image to the registry",
        "Restart the service on the server",
    )
    assert len([b for b in ctx.note.sections[0].blocks if ctx.is_claimed(b)]) == 3


def test_lists_that_restart_numbering_are_separate_and_never_counted() -> None:
    # issue 11: "Погружение (2) — …" fronts; a second list under the same name is left
    # out unless its introduction names it apart
    text = (
        "## Two things\n\n1. First do this thing now.\n2. Then do that thing.\n\n"
        "Some words between.\n\n1. Open the file now.\n2. Then close the file.\n\n"
        "To deploy the site, follow these steps:\n\n1. Build the pages.\n2. Upload them.\n"
    )
    cards, _ = run(parse_text(text))
    sequences = of_kind(cards, "sequence")
    assert [s.front for s in sequences] == [
        "Two things — what are the steps, in order?",
        "How to deploy the site — what are the steps, in order?",
    ]
    assert not any("(2)" in c.front for c in cards)
    assert len({c.id for c in cards}) == len(cards)


def test_bullets_single_items_and_claimed_lists_are_ignored() -> None:
    assert run(parse_text("- one step here\n- two steps here\n"))[0] == []
    assert run(parse_text("1. Only one numbered item here.\n"))[0] == []
    note = parse_text("1. Claimed by someone else.\n2. Second item here.\n")
    ctx = ExtractContext(note)
    ctx.claim(note.sections[0].blocks[0])
    assert extract_procedures(note, ctx) == []


def test_step_answer_is_one_or_two_sentences() -> None:
    long_tail = " ".join(["Then a long explanation follows with many words."] * 6)
    text = (
        "## Login\n\n1. The user submits the form. The server checks the password hash. "
        f"{long_tail}\n2. The server sets a session cookie.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].back == "The user submits the form. The server checks the password hash."


def test_ids_are_stable_under_answer_edits() -> None:
    a = run(parse_text("## Build\n\n1. Compile the code.\n2. Run the tests.\n"))[0]
    b = run(parse_text("## Build\n\n1. Compile all the code.\n2. Run the unit tests.\n"))[0]
    assert [c.id for c in a] == [c.id for c in b]


def test_sentences() -> None:
    assert sentences("TLS 1.3 is fast. It needs one round trip.") == [
        "TLS 1.3 is fast.",
        "It needs one round trip.",
    ]
    assert sentences("Например, т. е. так. Да.") == ["Например, т. е. так.", "Да."]
    assert sentences("Use e.g. Nginx here. Done!") == ["Use e.g. Nginx here.", "Done!"]
    assert sentences("Он сказал «Стоп.» Потом ушёл.") == ["Он сказал «Стоп.»", "Потом ушёл."]


# ---------------------------------------------------------------- robustness


@pytest.mark.slow
def test_large_note_gives_bounded_cards() -> None:
    """3,000 procedures and 350 KB of junk: three cards per procedure (two steps and the
    sequence) and a few from the junk, each short (`BACK_LIMIT`, `ITEM_LIMIT`...)."""
    parts = [f"## Part {i}\n\nHere is how to do part {i}:\n\n" for i in range(3000)]
    body = "".join(p + "1. Do the first thing now.\n2. Do the second thing.\n\n" for p in parts)
    body += "." * 200_000 + " A\n\n" + ")" * 100_000 + "\n\n1. " + "x. " * 50_000 + "\n2. b\n"
    note = parse_text(body)
    start = time.perf_counter()
    cards, _ = run(note)
    assert time.perf_counter() - start < HANG_GUARD_SECONDS
    assert 9000 <= len(cards) <= 9010
    assert all(len(c.front) + len(c.back) < 1_000 for c in cards)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(["1. ", "2. ", "3. ", "10. ", "- ", "```\n", "## H\n", "\n", ":"]),
        ),
        max_size=40,
    )
)
def test_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    note, _ = parse_note(
        text.encode("utf-8", "surrogatepass"), "x.md", NOTES / "x.md", Vault(NOTES)
    )
    if note is None:
        return
    cards, _ = run(note)
    items = sum(len(b.items) for s in note.sections for b in s.blocks if isinstance(b, ListBlock))
    assert len(cards) <= 2 * items + 1
    for card in cards:
        assert card.front and card.back


def test_step_ending_in_colon_is_answered_with_its_code() -> None:
    text = (
        "## Installing the tools\n\n"
        "1. Install the HTTP client:\n\n   ```bash\n   pip install httpx\n   ```\n\n"
        "2. Check the installed version.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].front == "Installing the tools — step 1 of 2: what do you do?"
    assert cards[0].back == "Install the HTTP client:\npip install httpx"
    assert "```" not in cards[0].back


def test_numbered_table_of_contents_is_not_a_sequence() -> None:
    text = "# Contents\n\n1. [[HTTP basics]]\n2. [[HTTPS and TLS|TLS]]\n3. [Caching](caching.md)\n"
    assert run(parse_text(text))[0] == []


def test_question_heading_loses_its_question_mark() -> None:
    text = (
        "## Как работает TLS?\n\n1. Клиент отправляет ClientHello.\n"
        "2. Сервер отвечает ServerHello.\n"
    )
    cards, _ = run(parse_text(text))
    assert cards[0].front == "Как работает TLS — шаг 1 из 2: что происходит?"
