"""Typed answers: normalization, exact/near/wrong, diffs, members, and input parsing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.quiz.answers import (
    Verdict,
    diff,
    diff_plain,
    is_acronym,
    judge,
    judge_members,
    normalize,
)
from notecards.quiz.ui import parse_choice, parse_grade, parse_order


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  PARIS!! ", "Paris"),
        ("leo   tolstoy", "Leo Tolstoy."),
        ("ёлка", "Елка"),
        (unicodedata.normalize("NFD", "café"), "Café"),
        ("not-found", "Not Found"),
        ("GET", "GET (safe)"),  # a parenthesized remark is optional
    ],
)
def test_normalized_answers_are_right(typed: str, expected: str) -> None:
    assert judge(typed, expected).verdict is Verdict.RIGHT


def test_normalize_keeps_symbols_that_change_the_answer() -> None:
    assert normalize("C++") != normalize("C")
    assert normalize("C#") != normalize("C")


def test_near_miss_is_offered_but_not_auto_accepted_when_far() -> None:
    judgement = judge("Pari", "Paris")
    assert judgement.verdict is Verdict.NEAR
    assert not judgement.auto_accept


def test_one_typo_in_a_long_answer_is_auto_accepted() -> None:
    judgement = judge("Internal Server Eror", "Internal Server Error")
    assert judgement.verdict is Verdict.NEAR
    assert judgement.auto_accept


@pytest.mark.parametrize(("typed", "expected"), [("GEP", "GET"), ("Ag", "Au"), ("TPC", "TCP")])
def test_short_answers_must_match_exactly(typed: str, expected: str) -> None:
    assert judge(typed, expected).verdict is Verdict.WRONG


def test_acronyms_must_match_exactly() -> None:
    assert is_acronym("HTTPS") and is_acronym("HTTP/2") and is_acronym("СССР")
    assert not is_acronym("Paris")
    assert judge("HTTP", "HTTPS").verdict is Verdict.WRONG
    assert judge("SMTPS", "SMTP").verdict is Verdict.WRONG


def test_unrelated_and_empty_answers_are_wrong() -> None:
    assert judge("Berlin", "Paris").verdict is Verdict.WRONG
    assert judge("", "Paris").verdict is Verdict.WRONG


def test_diff_marks_the_missing_and_extra_letters() -> None:
    assert diff_plain("Pari", "Paris") == "Pari{+s+}"
    assert diff_plain("Parris", "Paris") == "Par[-r-]is"


@pytest.mark.slow
@given(st.text(max_size=30), st.text(max_size=30))
def test_diff_rebuilds_both_texts(typed: str, expected: str) -> None:
    pieces = diff(typed, expected)
    assert "".join(p.text for p in pieces if p.kind != "extra") == expected
    rebuilt = "".join(p.text for p in pieces if p.kind != "missing")
    assert rebuilt.lower() == typed.lower()  # equal runs are shown in the answer's case


def test_members_are_matched_in_any_order() -> None:
    found, missed = judge_members("udp, TCP", ("TCP", "UDP", "ICMP"))
    assert found == ["TCP", "UDP"]
    assert missed == ["ICMP"]


def test_parsers() -> None:
    assert parse_grade("3") == 3 and parse_grade("Easy") == 4 and parse_grade("x") is None
    assert parse_choice("2", 4) == 1 and parse_choice("5", 4) is None
    assert parse_order("3 1 2 4", 4) == [3, 1, 2, 4]
    assert parse_order("3,1,2,4", 4) == [3, 1, 2, 4]
    assert parse_order("3124", 4) == [3, 1, 2, 4]
    assert parse_order("1 1 2 3", 4) is None
    assert parse_order("1 2 3", 4) is None
