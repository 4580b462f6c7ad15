"""Where an Obsidian Spaced Repetition `?` answer ends, and that an answer which is
only a missing image keeps its card: the extractor, properties over generated
answers, and the real `notecards` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_helpers import run as notecards
from test_explicit import run

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
WORDS = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
CALLOUT_TYPES = st.sampled_from(["note", "tip", "warning", "info", "example"])


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(question=WORDS, answer=WORDS, kind=CALLOUT_TYPES, title=WORDS, body=WORDS)
def test_a_callout_right_after_the_answer_is_not_part_of_it(
    question: str, answer: str, kind: str, title: str, body: str
) -> None:
    text = f"Q {question}\n?\nA {answer}\n> [!{kind}] T {title}\n> B {body}\n"
    found, _ = run(text)
    assert [(c.front, c.back) for c in found] == [(f"Q {question}", f"A {answer}")]
    assert "nc-callout" not in found[0].fields[1]


@PROPERTY
@given(answer=WORDS, quoted=WORDS)
def test_a_quote_right_after_the_answer_stays_a_quote(answer: str, quoted: str) -> None:
    """The plugin shows the lines up to the blank line as written: a quote is a quote."""
    found, _ = run(f"Which one?\n?\nA {answer}\n> Q {quoted}\n\nAfter.\n")
    assert len(found) == 1
    assert (
        found[0].fields[1] == f"<p>A {answer}</p>\n<blockquote>\n<p>Q {quoted}</p>\n</blockquote>"
    )


def test_an_answer_that_is_only_a_missing_image_keeps_its_card(tmp_path: Path) -> None:
    from notecards.build.pipeline import collect

    (tmp_path / "net.md").write_text(
        "Draw the handshake\n?\n![[handshake.png]]\n\nPort of DNS::![[dns.png]]\n",
        encoding="utf-8",
    )
    result = collect([tmp_path])
    found = sorted(result.cards, key=lambda c: c.line)
    assert [(c.front, c.back) for c in found] == [
        ("Draw the handshake", "[missing image: handshake.png]"),
        ("Port of DNS", "[missing image: dns.png]"),
    ]
    assert '<span class="nc-missing">[missing image: handshake.png]</span>' in found[0].fields[1]
    messages = [f"{p.line}: {p.message}" for p in result.problems]
    assert (
        "1: the answer of the card 'Draw the handshake' is only a missing image: "
        "kept with a placeholder" in messages
    )
    assert any(m.startswith("5: the answer of the card 'Port of DNS'") for m in messages)


@pytest.mark.slow
def test_the_command_keeps_and_asks_a_card_whose_answer_is_a_missing_image(
    tmp_path: Path,
) -> None:
    note = tmp_path / "net.md"
    note.write_text("# Net\n\nDraw the handshake\n?\n![[handshake.png]]\n", encoding="utf-8")
    out = notecards("quiz", note, "--mode", "flip", "--state", tmp_path / "s.sqlite3", stdin="3\n")
    assert out.returncode == 0, out.stderr
    assert "A: [missing image: handshake.png]" in out.stdout
    assert "net.md:3: the answer of the card 'Draw the handshake' is only a missing image" in (
        out.stderr
    )
    assert "net.md:5: embedded file not found: handshake.png" in out.stderr
