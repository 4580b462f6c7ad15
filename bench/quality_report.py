"""The numbers of bench/quality.py and their tables: what was kept, what was met, by group.

Takes the verdicts `quality.score_corpus` makes (objects with `kept`, `lang`, `kind`,
`rule`, `shape` for mined cards; `met`, `lang`, `kind`, `shape` for wanted ones)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quality import CardVerdict, Score, WantVerdict


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarize(score: Score) -> dict:
    """Precision and recall, overall and per language, kind and rule."""

    def block(cards: list[CardVerdict], wants: list[WantVerdict]) -> dict:
        kept = sum(c.kept for c in cards)
        met = sum(w.met for w in wants)
        return {
            "mined": len(cards),
            "kept": kept,
            "precision": _ratio(kept, len(cards)),
            "wanted": len(wants),
            "met": met,
            "recall": _ratio(met, len(wants)),
        }

    def grouped(card_key, want_key) -> dict:
        keys = {card_key(c) for c in score.cards} | {want_key(w) for w in score.wants}
        keys.discard(None)
        return {
            key: block(
                [c for c in score.cards if card_key(c) == key],
                [w for w in score.wants if want_key(w) == key],
            )
            for key in sorted(keys)
        }

    return {
        "overall": block(score.cards, score.wants),
        "by_lang": grouped(lambda c: c.lang, lambda w: w.lang),
        # the corpus folder: question-title, task, traps …
        "by_shape": grouped(lambda c: c.shape, lambda w: w.shape),
        # a card's kind for precision, the kind a gold file gives a want for recall
        "by_kind": grouped(lambda c: c.kind, lambda w: w.kind),
        # recall has no rule: a want is not made by a rule
        "by_rule": grouped(lambda c: c.rule, lambda w: None),
    }


_LABEL = 34  # wide enough for a rule name such as "definitions.dash-eto.reverse"


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:5.1f}%"


def format_table(summary: dict) -> str:
    """The summary as a plain-text table."""
    header = f"{'':{_LABEL}} {'mined':>6} {'kept':>5} {'precision':>9}"
    lines = [header + f"   {'wanted':>6} {'met':>4} {'recall':>7}"]

    def row(label: str, b: dict) -> None:
        lines.append(
            f"{label[:_LABEL]:{_LABEL}} {b['mined']:6d} {b['kept']:5d} {_pct(b['precision']):>9}"
            f"   {b['wanted']:6d} {b['met']:4d} {_pct(b['recall']):>7}"
        )

    row("overall", summary["overall"])
    groups = (
        ("language", "by_lang"),
        ("shape", "by_shape"),
        ("kind", "by_kind"),
        ("rule", "by_rule"),
    )
    for title, key in groups:
        lines.append(f"-- by {title}")
        for label, b in summary[key].items():
            row(f"  {label}", b)
    return "\n".join(lines)


def format_misses(score: Score) -> str:
    lines = ["", "== mined cards a strict reader would not keep"]
    for c in score.cards:
        if not c.kept:
            lines.append(f"{c.note} [{c.kind} · {c.rule}] {c.reason}")
            lines.append(f"    Q: {c.front}")
            lines.append(f"    A: {c.back[:160]}")
    lines.append("")
    lines.append("== wanted cards nothing made")
    for w in score.wants:
        if not w.met:
            lines.append(f"{w.note} [{w.kind}] Q: {w.front}")
            if w.back:
                lines.append(f"    A: {w.back}")
    return "\n".join(lines)


def format_sweep(rows: list[dict]) -> str:
    """Precision and recall of the mined cards at each confidence threshold."""
    lines = ["", f"{'min confidence':>14} {'mined':>6} {'precision':>9} {'recall':>7}"]
    for r in rows:
        lines.append(
            f"{r['min_confidence']:14.1f} {r['mined']:6d} {_pct(r['precision']):>9}"
            f" {_pct(r['recall']):>7}"
        )
    return "\n".join(lines)
