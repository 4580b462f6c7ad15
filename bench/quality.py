"""How many mined cards a strict student would keep, and how many of theirs we make.

Runs `notecards cards --json` (in this process, through the real command) over the
quality corpus `tests/quality/vault`, and scores each note's cards against its gold
file in `tests/quality/gold` (format: tests/quality/README.md; method: docs/quality.md):

- precision: mined cards (every extractor but `explicit` and `anki_cloze`) that match a
  `want` or `ok` entry, out of all mined cards. Each gold entry vouches for one card: a
  second card that matches it is a duplicate, and a miss. A card whose front matches a
  `never` regex, or any mined card of a `no_mined` note, is a miss.
- recall: `want` entries matched by some card of their note (mined or explicit), out of
  all `want` entries.

Both overall, per corpus language, per shape (corpus folder), per kind and per rule
(`rule` when cards carry it, else the extractor); with --sweep, per confidence threshold.

    .venv/bin/python bench/quality.py                     # the table
    .venv/bin/python bench/quality.py --show-misses       # and every miss
    .venv/bin/python bench/quality.py --lang ru --json    # one JSON object
    .venv/bin/python bench/quality.py --cards saved.json  # score saved `cards --json`
    .venv/bin/python bench/quality.py --sweep --notecards-arg=--all
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality_gold import Gold, load_corpus  # noqa: E402
from quality_match import GoldEntry, forbidden, matches  # noqa: E402
from quality_report import format_misses, format_sweep, format_table, summarize  # noqa: E402

NOT_MINED = frozenset({"explicit", "anki_cloze"})
DEFAULT_CORPUS = HERE.parent / "tests" / "quality"


def run_cards(vault: Path, options: list[str] | None = None) -> list[dict]:
    """The cards `notecards cards VAULT --json` prints, made in this process.

    What notecards says about the notes themselves (a missing image) is not the
    measure's business and stays quiet; a run that fails (exit status past 1, or no
    JSON) raises, so that a broken pipeline never reads as zero cards. `options` go to
    the command as they are (`--min-confidence 0.5`, `--all` …)."""
    from notecards.cli import app

    captured, messages = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(messages):
        try:
            args = ["cards", str(vault), "--json", "--no-cache", *(options or [])]
            status = app(args, standalone_mode=False)
        except SystemExit as stop:  # usage errors leave through click's own exit
            status = stop.code
    try:
        cards = json.loads(captured.getvalue())
    except json.JSONDecodeError:
        cards = None
    if status not in (0, 1, None) or not isinstance(cards, list):
        raise RuntimeError(f"notecards cards {vault} failed ({status}): {messages.getvalue()}")
    return cards


def is_mined(card: dict) -> bool:
    return card.get("extractor") not in NOT_MINED


def rule_of(card: dict) -> str:
    """The rule that made a card, when cards say; else its extractor."""
    return str(card.get("rule") or card.get("extractor") or "?")


@dataclass
class CardVerdict:
    """One mined card, and why it was kept or not."""

    note: str
    lang: str
    kind: str
    rule: str
    front: str
    back: str
    kept: bool
    reason: str  # which gold entry it matched, or why it is a miss
    confidence: float | None = None  # as the card says, when cards carry one

    @property
    def shape(self) -> str:
        return _shape(self.note)


@dataclass
class WantVerdict:
    """One card the student wanted, and the card that gave it, if any."""

    note: str
    lang: str
    kind: str
    front: str
    back: str
    met: bool
    by: str = ""  # the front of the card that met it

    @property
    def shape(self) -> str:
        return _shape(self.note)


def _shape(note: str) -> str:
    """The corpus folder a note is in (`ru/question-title/x.md` → `question-title`)."""
    parts = note.split("/")
    return parts[1] if len(parts) > 2 else ""


@dataclass
class Score:
    cards: list[CardVerdict] = field(default_factory=list)
    wants: list[WantVerdict] = field(default_factory=list)


def _entry_label(entry: GoldEntry) -> str:
    return f"{'want' if entry.wanted else 'ok'}: {entry.front}"


def score_note(gold: Gold, cards: list[dict]) -> Score:
    """Judge one note's cards against its gold file."""
    result = Score()
    entries = gold.want + gold.ok
    mined = [c for c in cards if is_mined(c)]
    candidates: list[tuple[float, int, int]] = []  # (score, card index, entry index)
    barred: dict[int, str] = {}
    for ci, card in enumerate(mined):
        pattern = forbidden(card["front"], gold.never)
        if pattern is not None:
            barred[ci] = f"never: {pattern}"
            continue
        if gold.no_mined:
            barred[ci] = "no_mined note"
            continue
        for ei, entry in enumerate(entries):
            value = matches(card["front"], card["back"], entry)
            if value:
                candidates.append((value, ci, ei))
    claimed: dict[int, int] = {}  # card index -> entry index
    taken: set[int] = set()
    for _value, ci, ei in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if ci in claimed or ei in taken:
            continue
        claimed[ci] = ei
        taken.add(ei)
    matched_any = {ci for _v, ci, _e in candidates}
    for ci, card in enumerate(mined):
        if ci in claimed:
            kept, reason = True, _entry_label(entries[claimed[ci]])
        elif ci in barred:
            kept, reason = False, barred[ci]
        elif ci in matched_any:
            kept, reason = False, "duplicate of a card already kept"
        else:
            kept, reason = False, "matches no gold card"
        result.cards.append(
            CardVerdict(
                gold.note,
                gold.lang,
                str(card.get("kind", "?")),
                rule_of(card),
                card["front"],
                card["back"],
                kept,
                reason,
                card.get("confidence"),
            )
        )
    usable = [
        c
        for c in cards
        if forbidden(c["front"], gold.never) is None and not (gold.no_mined and is_mined(c))
    ]
    for entry in gold.want:
        by = next((c["front"] for c in usable if matches(c["front"], c["back"], entry)), "")
        result.wants.append(
            WantVerdict(
                gold.note, gold.lang, entry.kind or "?", entry.front, entry.back, bool(by), by
            )
        )
    return result


def score_corpus(golds: list[Gold], cards: list[dict]) -> Score:
    """Judge every note of the corpus; cards of notes without gold are not counted."""
    by_note: dict[str, list[dict]] = defaultdict(list)
    for card in cards:
        by_note[card["note"]].append(card)
    total = Score()
    for gold in golds:
        part = score_note(gold, by_note.get(gold.note, []))
        total.cards += part.cards
        total.wants += part.wants
    return total


def measure(
    corpus: Path,
    lang: str | None = None,
    cards: list[dict] | None = None,
    options: list[str] | None = None,
):
    """Load the corpus, make (or take) its cards and score them: (Score, summary, problems)."""
    golds, problems = load_corpus(corpus, lang)
    if cards is None:
        cards = run_cards(corpus / "vault", options)
    score = score_corpus(golds, cards)
    return score, summarize(score), problems


SWEEP = [round(step / 10, 1) for step in range(10)]


def sweep(golds: list[Gold], cards: list[dict], thresholds: list[float] = SWEEP) -> list[dict]:
    """Precision and recall when only mined cards of at least each confidence are kept.

    The data for choosing the default threshold: run with `--notecards-arg=--all` so
    that the cards the current threshold leaves out are measured too. Cards without a
    confidence are always kept."""
    rows = []
    for threshold in thresholds:
        kept = [
            c
            for c in cards
            if not is_mined(c) or c.get("confidence") is None or c["confidence"] >= threshold
        ]
        overall = summarize(score_corpus(golds, kept))["overall"]
        rows.append({"min_confidence": threshold, **overall})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--lang", choices=["ru", "en"], help="one half of the corpus")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--cards", type=Path, help="score this saved `cards --json` output")
    parser.add_argument(
        "--notecards-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="pass ARG to `notecards cards` (repeat it; e.g. --notecards-arg=--all)",
    )
    parser.add_argument(
        "--sweep", action="store_true", help="precision and recall per confidence threshold"
    )
    args = parser.parse_args(argv)
    golds, problems = load_corpus(args.corpus, args.lang)
    if args.cards:
        cards = json.loads(args.cards.read_text(encoding="utf-8"))
    else:
        cards = run_cards(args.corpus / "vault", args.notecards_arg)
    score = score_corpus(golds, cards)
    summary = summarize(score)
    rows = sweep(golds, cards) if args.sweep else []
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.sweep and not any(c.get("confidence") is not None for c in cards):
        print("the cards carry no confidence: the sweep is flat", file=sys.stderr)
    if args.json:
        data = dict(summary, problems=problems)
        if args.sweep:
            data["sweep"] = rows
        data["misses"] = [asdict(c) for c in score.cards if not c.kept]
        data["unmet"] = [asdict(w) for w in score.wants if not w.met]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_table(summary))
        if args.sweep:
            print(format_sweep(rows))
        if args.show_misses:
            print(format_misses(score))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
