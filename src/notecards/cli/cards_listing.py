"""`notecards cards` to a pipe or a file: plain lines, never wrapped or cut.

Each card is a block: `note:line  kind · extractor`, then `Q` and `A` with the sides as
they are (a code block keeps its indentation), then a blank line; the last line counts
the cards. The terminal gets the rich table instead (`cli/build.py`, `_print_cards_table`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from notecards.cli.wording import count
from notecards.model import Card
from notecards.problem_lines import one_line


def print_cards_plain(cards: Iterable[Card], threshold: float, why: bool, out: TextIO) -> None:
    """Every card as a block of plain lines on `out`, then the count."""
    total = left_out = 0
    for card in cards:
        total += 1
        how = f"{card.rule} {card.confidence:.2f}" if why else card.extractor
        head = f"{one_line(card.note)}:{card.line}  {card.kind} · {how}"
        if card.confidence < threshold:
            left_out += 1
            head += "  (left out)"
        lines = [head, *_side("Q", card.front), *_side("A", card.back)]
        if why and card.evidence:
            lines.append(f"why {one_line(card.evidence)}")
        out.write("\n".join(lines) + "\n\n")
    tail = f", {left_out} below --min-confidence {threshold:g} (left out)" if left_out else ""
    out.write(f"{count(total, 'card')}{tail}\n")


def _side(label: str, text: str) -> list[str]:
    """`Q  first line` and the further lines under it, their own indentation kept."""
    first, *rest = text.rstrip("\n").split("\n")
    return [f"{label}  {first}", *(f"   {line}" for line in rest)]
