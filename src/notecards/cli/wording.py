"""Counts in words that agree with their number: "1 card", "2 cards", "0 notes"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str = "") -> str:
    """`number` and the noun in the form it takes (`plural` when it is not `singular`+s)."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
