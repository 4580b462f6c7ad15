"""`notecards build` as a function: inputs → packages, with a summary a script can read.

- Each input path gives one package, or one per top folder (`split="folder"`) or per
  note (`split="note"`); decks follow the vault tree whatever the split.
- A package whose cards (and media files) are what the last build of the same file
  wrote is not written again: it is reported "unchanged". When no input file of the
  vault changed at all since that build, not even the notes are read.
- `dry_run` writes nothing and lists, per package, cards that are new, changed and
  gone; gone ones stay in the user's Anki, which `orphans_tag` can mark.

Records of past builds live in the user cache folder, next to the note cache; losing
them only costs one full build.
"""

from __future__ import annotations

import os
import pickle
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notecards.cache import NoteCache, code_fingerprint, default_cache_dir, digest
from notecards.dryrun import (
    Diff,
    GroupInfo,
    compare,
    compare_with_package,
    group_digests,
    orphan_cards,
    read_package,
)
from notecards.filenames import safe_stem, unique_names
from notecards.model import Card, Problem
from notecards.pipeline import BuildOptions, BuildResult, Progress, collect_one, display_path
from notecards.vault import find_vault_root

SPLITS = ("none", "folder", "note")


@dataclass
class Output:
    """One package to write and what happened to it."""

    path: Path
    cards: list[Card]
    notes: int
    status: str = ""  # written, unchanged, empty, would-write (dry run)
    diff: Diff | None = None
    orphans: int = 0
    count: int = -1  # the number of cards, once `cards` is dropped (stored records)
    groups: dict[str, GroupInfo] = field(default_factory=dict)  # known digests of `cards`

    @property
    def card_count(self) -> int:
        return self.count if self.count >= 0 else len(self.cards)

    def slim(self) -> Output:
        """This output without its cards, as a record of a build keeps it."""
        return Output(self.path, [], self.notes, self.status, None, 0, self.card_count)

    def group_digests(self) -> dict[str, GroupInfo]:
        """The Anki notes of `cards`: taken from the note cache when it gave them all."""
        found: dict[str, GroupInfo] = {}
        for card in self.cards:
            key = card.group or card.id
            info = self.groups.get(key)
            if info is None:
                return group_digests(self.cards)
            found[key] = info
        return found

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": str(self.path),
            "notes": self.notes,
            "cards": self.card_count,
            "status": self.status,
            "written": self.status == "written",
        }
        if self.orphans:
            data["orphans_tagged"] = self.orphans
        if self.diff is not None:
            data["diff"] = self.diff.to_json()
        return data


@dataclass
class BuildSummary:
    notes: int = 0
    cards: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    cached: int = 0
    parsed: int = 0
    drafts_skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False
    unchanged_inputs: bool = False  # nothing in the vaults changed: nothing was read

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        errors = sum(1 for p in self.problems if p.severity == "error")
        return {
            "notes": self.notes,
            "cards": self.cards,
            "by_kind": dict(sorted(self.by_kind.items())),
            "cached": self.cached,
            "parsed": self.parsed,
            "drafts_skipped": self.drafts_skipped,
            "problems": {"errors": errors, "warnings": len(self.problems) - errors},
            "outputs": [o.to_json() for o in self.outputs],
            "dry_run": self.dry_run,
            "seconds": round(self.seconds, 3),
        }


# ---------------------------------------------------------------- records of past builds


def _records_dir() -> Path:
    return default_cache_dir() / "builds"


def _load(name: str) -> Any | None:
    try:
        return pickle.loads((_records_dir() / name).read_bytes())
    except Exception:  # missing, unreadable or from another version: no record
        return None


def _save(name: str, value: Any) -> None:
    folder = _records_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{name}.{os.getpid()}.tmp"
        temp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, folder / name)
    except OSError:
        pass


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _cards_digest(
    cards: Sequence[Card], groups: dict[str, GroupInfo], fmt: str, allow_remote: bool
) -> str:
    """What decides the bytes of a package: the cards (by their groups' digests, in
    order), the media files they use, the code."""
    media = sorted({source for card in cards for _, source in card.media})
    return digest(
        code_fingerprint(),
        fmt,
        allow_remote,
        *(f"{key}:{info.digest}" for key, info in groups.items()),
        *(f"{m}:{_stat(Path(m))}" for m in media),
    )


def inputs_fingerprint(
    paths: Sequence[Path], options: BuildOptions, out: Path, *extra: object
) -> str:
    """Every file of every input's vault by name, size and mtime (the output folder
    aside), and the options."""
    parts: list[object] = [code_fingerprint(), repr(options), *extra]
    skip = out.resolve()
    for path in paths:
        root = find_vault_root(path)
        parts.append(str(path.resolve()))
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(folder, d) != skip)
            for name in sorted(files):
                parts.append(f"{folder}/{name}:{_stat(Path(folder) / name)}")
        for ignore in {root, path.resolve() if path.is_dir() else path.parent.resolve()}:
            parts.append(f"ignore:{_stat(ignore / '.notecardsignore')}")
    return digest(*parts)


# ---------------------------------------------------------------- planning packages


def plan_outputs(result: BuildResult, out: Path, fmt: str, split: str) -> list[Output]:
    """The packages one input gives, each with its cards, in a stable order."""
    stem = safe_stem(result.root.stem if result.single_note else result.root.resolve().name)
    if split == "none" or result.single_note:
        output = Output(out / f"{stem}.{fmt}", list(result.cards), len(result.notes))
        output.groups = result.groups
        return [output]
    root = result.root.resolve()
    vault_root = Path(result.notes[0].vault) if result.notes else root

    def part(note_path: str) -> str:
        try:
            inner = (vault_root / note_path).resolve().relative_to(root).as_posix()
        except ValueError:
            inner = note_path
        if split == "note":
            return inner
        return inner.split("/", 1)[0] if "/" in inner else ""

    titles = {note.path: note.title for note in result.notes}
    groups: dict[str, list[Card]] = {}
    note_groups: dict[str, set[str]] = {}
    for note in result.notes:
        groups.setdefault(part(note.path), [])
        note_groups.setdefault(part(note.path), set()).add(note.path)
    for card in result.cards:
        groups.setdefault(part(card.note), []).append(card)
    keys = sorted(groups)
    if split == "note":
        stems = [safe_stem(titles.get(_note_of(k, note_groups), k)) for k in keys]
    else:
        stems = [safe_stem(k) if k else stem for k in keys]
    names = unique_names(stems, f".{fmt}")
    outputs = [
        Output(out / name, groups[key], len(note_groups.get(key, ())))
        for key, name in zip(keys, names, strict=True)
    ]
    for output in outputs:
        output.groups = result.groups
    return outputs


def _note_of(key: str, note_groups: dict[str, set[str]]) -> str:
    members = note_groups.get(key)
    return next(iter(members)) if members else key


# ---------------------------------------------------------------- the build


def write_package(
    cards: Sequence[Card], target: Path, fmt: str, allow_remote: bool
) -> list[Problem]:
    """Write one package; what did not make it in (missing media...) comes back."""
    if fmt == "apkg":
        from notecards.exporters.apkg import write_apkg

        return write_apkg(cards, target, allow_remote=allow_remote).warnings
    if fmt == "json":
        from notecards.exporters.text_formats import write_json

        write_json(cards, target)
    else:
        from notecards.exporters.text_formats import write_csv

        write_csv(cards, target)
    return []


def run_build(
    paths: Sequence[Path],
    out: Path,
    *,
    fmt: str = "apkg",
    options: BuildOptions | None = None,
    split: str = "none",
    dry_run: bool = False,
    orphans_tag: str = "",
    progress: Progress | None = None,
) -> BuildSummary:
    """Build every input; see the module docstring."""
    started = time.perf_counter()
    options = options or BuildOptions()
    summary = BuildSummary(dry_run=dry_run)
    run_key = digest(
        "run", *(str(p.resolve()) for p in paths), str(out.resolve()), fmt, split, orphans_tag
    )
    fingerprint = inputs_fingerprint(paths, options, out, fmt, split, orphans_tag)
    if options.cache and not dry_run and _replay(run_key, fingerprint, summary):
        summary.seconds = time.perf_counter() - started
        return summary
    cache = NoteCache.default(options.cache)
    results = [collect_one(path, options, progress, cache) for path in paths]
    outputs: list[Output] = []
    for result in results:
        outputs += plan_outputs(result, out, fmt, split)
        summary.problems += result.problems
        summary.notes += len(result.notes)
        summary.cards += len(result.cards)
        summary.cached += result.cached
        summary.parsed += result.parsed
        summary.drafts_skipped += result.skipped
        summary.by_kind.update(Counter(card.kind for card in result.cards))
    _dedupe_names(outputs)
    for output in outputs:
        summary.problems += _handle(output, fmt, options, dry_run, orphans_tag)
    summary.outputs = outputs
    summary.seconds = time.perf_counter() - started
    if not dry_run and all(output.status != "failed" for output in outputs):
        slim = BuildSummary(**{**summary.__dict__, "outputs": [o.slim() for o in outputs]})
        _save(run_key, (fingerprint, [(o.path, _stat(o.path)) for o in outputs], slim))
    return summary


def _dedupe_names(outputs: list[Output]) -> None:
    """Two inputs with the same folder name must not write over each other."""
    names = unique_names([o.path.stem for o in outputs], outputs[0].path.suffix if outputs else "")
    for output, name in zip(outputs, names, strict=True):
        output.path = output.path.with_name(name)


def _replay(run_key: str, fingerprint: str, summary: BuildSummary) -> bool:
    """Nothing changed since the last identical build: report it again, read nothing."""
    record = _load(run_key)
    if not record or record[0] != fingerprint:
        return False
    _, stats, previous = record
    if any(stat is not None and _stat(path) != stat for path, stat in stats):
        return False
    for name in ("notes", "cards", "by_kind", "drafts_skipped", "problems", "outputs"):
        setattr(summary, name, getattr(previous, name))
    summary.cached = previous.notes + previous.drafts_skipped
    summary.unchanged_inputs = True
    for output in summary.outputs:
        output.status = "unchanged" if output.status != "empty" else "empty"
        output.diff, output.orphans = None, 0
    return True


def _handle(
    output: Output, fmt: str, options: BuildOptions, dry: bool, orphans_tag: str
) -> list[Problem]:
    """Write one package, or not when it is unchanged; in a dry run, only compare.

    A write that fails (disk full, permission denied) is a problem of this output: the
    previous package stays as it was (writes are atomic) and the other outputs go on."""
    name = digest("output", str(output.path.resolve()))
    record = _load(name)
    groups = output.group_digests()
    previous: dict[str, GroupInfo] = record["groups"] if record else {}
    if dry or orphans_tag:
        if record is not None:
            output.diff = compare(previous, groups)
        elif fmt == "apkg" and output.path.exists():
            output.diff = compare_with_package(read_package(output.path), groups)
    cards = output.cards
    if orphans_tag and output.diff is not None and output.diff.exact and output.diff.gone:
        gone = {k: v for k, v in previous.items() if k not in groups}
        extra = orphan_cards(gone, read_package(output.path), orphans_tag) if fmt == "apkg" else []
        output.orphans = len(extra)
        cards = [*cards, *extra]
    if dry:
        output.status = "would write" if output.cards else "empty"
        return []
    if not cards:
        output.status = "empty"
        return []
    everything = group_digests(cards) if output.orphans else groups
    current = _cards_digest(cards, everything, fmt, options.allow_remote)
    if (
        options.cache
        and record is not None
        and record["digest"] == current
        and _stat(output.path) == record["stat"]
    ):
        output.status = "unchanged"
        return []
    try:
        problems = write_package(cards, output.path, fmt, options.allow_remote)
    except OSError as error:
        output.status = "failed"
        reason = error.strerror or str(error)
        return [Problem(display_path(output.path), 0, f"cannot write: {reason}", "error")]
    output.status = "written"
    _save(name, {"digest": current, "stat": _stat(output.path), "groups": groups})
    return problems
