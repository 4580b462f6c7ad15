"""A random sample of a vault's cards for a blind reader (docs/quality.md).

Prints numbered front/back pairs and nothing that tells how a card was made (no
extractor, rule, kind or confidence), so the reader judges each card as a student
would meet it in a deck. With --key FILE, the numbers are written to FILE with the
note, kind and rule of each card, to join with the reader's verdicts afterwards.

    .venv/bin/python bench/sample_cards.py VAULT --n 150 --seed 7 --mined-only
    .venv/bin/python bench/sample_cards.py VAULT --format jsonl --key key.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import is_mined, rule_of, run_cards  # noqa: E402


def sample(cards: list[dict], n: int, seed: int, mined_only: bool) -> list[dict]:
    """`n` cards drawn without replacement; the same seed gives the same sample."""
    pool = [c for c in cards if is_mined(c)] if mined_only else list(cards)
    pool.sort(key=lambda c: (c["note"], c["line"], c["front"]))  # independent of run order
    return random.Random(seed).sample(pool, min(n, len(pool)))


def as_markdown(cards: list[dict]) -> str:
    blocks = []
    for number, card in enumerate(cards, 1):
        back = card["back"].strip().replace("\n", "\n   > ")
        blocks.append(f"{number}. **Q:** {card['front']}\n   > {back}\n\n   keep? [ ]")
    return "\n\n".join(blocks) + "\n"


def as_jsonl(cards: list[dict]) -> str:
    rows = (
        json.dumps({"n": number, "front": c["front"], "back": c["back"]}, ensure_ascii=False)
        for number, c in enumerate(cards, 1)
    )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mined-only", action="store_true", help="leave out explicit cards")
    parser.add_argument("--format", choices=["markdown", "jsonl"], default="markdown")
    parser.add_argument("--key", type=Path, help="write number → note, kind, rule here")
    args = parser.parse_args(argv)
    if not args.vault.exists():
        print(f"{args.vault}: no such file or folder", file=sys.stderr)
        return 2
    chosen = sample(run_cards(args.vault), args.n, args.seed, args.mined_only)
    sys.stdout.write(as_markdown(chosen) if args.format == "markdown" else as_jsonl(chosen))
    if args.key:
        rows = [
            {
                "n": i,
                "note": c["note"],
                "line": c["line"],
                "kind": c.get("kind"),
                "rule": rule_of(c),
                "confidence": c.get("confidence"),
            }
            for i, c in enumerate(chosen, 1)
        ]
        args.key.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
