"""Gold files of the quality corpus: the cards a good student would write from a note.

`tests/quality/gold/<path of the note without .md>.yaml` holds, for the note
`tests/quality/vault/<path>.md`:

    want:      cards the student would write (front, back, optional kind); count for recall
    ok:        other fronts a strict reader would also keep; count for precision only
    never:     regexes (Python, case-insensitive) on fronts that must not appear
    no_mined:  true when the note must give no mined card at all

A malformed file is reported as `path: message` and left out; the rest is still read.
The format is documented in tests/quality/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quality_match import GoldEntry

_KIND_NAMES = """question definition purpose returns why comparison pros cons enumeration
step sequence task rule http-header code"""
KINDS = frozenset(_KIND_NAMES.split())
_KEYS = frozenset({"want", "ok", "never", "no_mined"})
_ENTRY_KEYS = frozenset({"front", "back", "kind"})


@dataclass
class Gold:
    """What one note should and should not give."""

    note: str  # path of the note inside the corpus vault, with `/`
    want: list[GoldEntry] = field(default_factory=list)
    ok: list[GoldEntry] = field(default_factory=list)
    never: list[re.Pattern[str]] = field(default_factory=list)
    no_mined: bool = False

    @property
    def lang(self) -> str:
        """The corpus half the note belongs to: its first folder (`ru`, `en`)."""
        return self.note.split("/", 1)[0]


class GoldError(ValueError):
    """A gold file that cannot be used; the message starts with its path."""


def _entries(path: Path, data: object, key: str, wanted: bool) -> list[GoldEntry]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise GoldError(f"{path}: `{key}` must be a list")
    entries = []
    for number, item in enumerate(data, 1):
        if isinstance(item, str):
            item = {"front": item}
        if not isinstance(item, dict) or not isinstance(item.get("front"), str):
            raise GoldError(f"{path}: {key} #{number} needs a `front` string")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise GoldError(f"{path}: {key} #{number} has unknown keys {sorted(unknown)}")
        kind = str(item.get("kind") or "")
        if kind and kind not in KINDS:
            raise GoldError(f"{path}: {key} #{number} has unknown kind {kind!r}")
        back = item.get("back") or ""
        entries.append(GoldEntry(item["front"].strip(), str(back).strip(), kind, wanted))
    return entries


def load_gold(path: Path, note: str) -> Gold:
    """One gold file; raises GoldError with `path: message` when it is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise GoldError(f"{path}{line}: not YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a mapping with want/ok/never/no_mined")
    unknown = set(data) - _KEYS
    if unknown:
        raise GoldError(f"{path}: unknown keys {sorted(unknown)}")
    never = data.get("never") or []
    if not isinstance(never, list) or not all(isinstance(p, str) for p in never):
        raise GoldError(f"{path}: `never` must be a list of regexes")
    try:
        patterns = [re.compile(p, re.IGNORECASE) for p in never]
    except re.error as error:
        raise GoldError(f"{path}: bad `never` regex: {error}") from None
    gold = Gold(
        note=note,
        want=_entries(path, data.get("want"), "want", True),
        ok=_entries(path, data.get("ok"), "ok", False),
        never=patterns,
        no_mined=bool(data.get("no_mined", False)),
    )
    return gold


def load_corpus(corpus: Path, lang: str | None = None) -> tuple[list[Gold], list[str]]:
    """Every note of `corpus/vault` with its gold file, and the problems found.

    A note without a gold file, or a gold file without its note, is a problem: the
    corpus is only a measure when every note in it is judged."""
    vault, gold_root = corpus / "vault", corpus / "gold"
    golds: list[Gold] = []
    problems: list[str] = []
    notes = sorted(p for p in vault.rglob("*.md") if p.is_file())
    seen: set[Path] = set()
    for note_path in notes:
        note = note_path.relative_to(vault).as_posix()
        if lang and not note.startswith(f"{lang}/"):
            continue
        gold_path = gold_root / Path(note).with_suffix(".yaml")
        seen.add(gold_path.resolve())
        if not gold_path.is_file():
            problems.append(f"{note_path}: no gold file (expected {gold_path})")
            continue
        try:
            golds.append(load_gold(gold_path, note))
        except GoldError as error:
            problems.append(str(error))
    for gold_path in sorted(gold_root.rglob("*.yaml")):
        rel = gold_path.relative_to(gold_root).as_posix()
        if lang and not rel.startswith(f"{lang}/"):
            continue
        if gold_path.resolve() not in seen:
            problems.append(f"{gold_path}: no note for this gold file")
    return golds, problems
