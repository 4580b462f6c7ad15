"""Durations and counted nouns in words: the figures cards quote from header values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.knowledge.durations import count_words, human_duration, ru_plural


@pytest.mark.parametrize(
    ("seconds", "en", "ru"),
    [
        (0, "0 seconds", "0 секунд"),
        (1, "1 second", "1 секунда"),
        (2, "2 seconds", "2 секунды"),
        (5, "5 seconds", "5 секунд"),
        (11, "11 seconds", "11 секунд"),
        (21, "21 seconds", "21 секунда"),
        (60, "1 minute", "1 минута"),
        (90, "1 minute 30 seconds", "1 минута 30 секунд"),
        (3600, "1 hour", "1 час"),
        (5400, "1 hour 30 minutes", "1 час 30 минут"),
        (7200, "2 hours", "2 часа"),
        (86400, "1 day", "1 день"),
        (2592000, "30 days", "30 дней"),
        (31536000, "1 year", "1 год"),
        (63072000, "2 years", "2 года"),
        (157680000, "5 years", "5 лет"),
        (90061, "1 day 1 hour", "1 день 1 час"),  # the two largest units only
    ],
)
def test_human_duration(seconds: int, en: str, ru: str) -> None:
    assert human_duration(seconds, "en") == en
    assert human_duration(seconds, "ru") == ru


def test_rounds_the_smaller_unit_and_carries_over() -> None:
    assert human_duration(5399, "en") == "1 hour 30 minutes"  # 1 h 29 min 59 s
    assert human_duration(86390, "en") == "1 day"  # 23 h 59 min 50 s
    assert human_duration(31535999, "ru") == "1 год"


@pytest.mark.parametrize(
    ("n", "form"),
    [
        (0, "many"),
        (1, "one"),
        (2, "few"),
        (4, "few"),
        (5, "many"),
        (11, "many"),
        (12, "many"),
        (14, "many"),
        (21, "one"),
        (22, "few"),
        (25, "many"),
        (101, "one"),
        (111, "many"),
        (112, "many"),
        (1001, "one"),
    ],
)
def test_ru_plural_rules(n: int, form: str) -> None:
    assert ru_plural(n, "one", "few", "many") == form


def test_russian_cases() -> None:
    """ "в течение 1 года", "через 1 минуту": the case comes from the sentence."""
    assert human_duration(31536000, "ru", "gen") == "1 года"
    assert human_duration(63072000, "ru", "gen") == "2 лет"
    assert human_duration(60, "ru", "acc") == "1 минуту"
    assert human_duration(120, "ru", "acc") == "2 минуты"
    assert human_duration(1, "ru", "gen") == "1 секунды"
    assert count_words(22, "byte", "ru") == "22 байта"
    assert count_words(1000, "request", "ru", "gen") == "1000 запросов"
    assert count_words(1, "byte", "en") == "1 byte"


def test_huge_and_negative_values() -> None:
    assert human_duration(99999999999999999999, "en").endswith("days")
    assert human_duration(-5, "en") == "-5 seconds"


@pytest.mark.slow
@given(st.integers(min_value=-(10**30), max_value=10**30), st.sampled_from(["en", "ru", "de"]))
def test_never_raises(seconds: int, lang: str) -> None:
    text = human_duration(seconds, lang)
    assert text and len(text.split()) <= 5
