"""`notecards build` as a function: inputs → packages, with a summary a script can read.

One module past 500 lines because planning packages, the records of past builds and
the replay of an unchanged build share one notion of "unchanged" (the fingerprints).

- Each input path gives one package, or one per top folder (`split="folder"`) or per
  note (`split="note"`); decks follow the vault tree whatever the split.
- A package whose cards (and media files) are what the last build of the same file
  wrote is not written again: it is reported "unchanged". When no input file of the
  vault changed at all since that build, not even the notes are read.
- `dry_run` writes nothing and lists, per package, cards that are new, changed and
  gone; gone ones stay in the user's Anki, which `orphans_tag` can mark.

Records of past builds live in the user cache folder, next to the note cache; losing
them only costs one full build.

An .apkg build streams: each note's Anki notes go into the package's `ApkgWriter` as
the note's result arrives (while workers parse the next ones), and only digests and
counts stay in memory; json and csv outputs take the cards themselves.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notecards.build.cache import NoteCache, code_fingerprint, default_cache_dir, digest
from notecards.build.dryrun import (
    Diff,
    GroupInfo,
    compare,
    compare_with_package,
    group_digests,
    orphan_cards,
    read_package,
)
from notecards.build.filenames import safe_stem, unique_names
from notecards.build.lifetime import stop_signals_interrupt
from notecards.build.pipeline import (
    BuildOptions,
    BuildResult,
    NoteResult,
    Progress,
    display_path,
    knowledge_dirs,
    stream_one,
)
from notecards.exporters.scratch import sweep
from notecards.knowledge import knowledge_fingerprint
from notecards.lang import PACKS
from notecards.model import Card, Note, Problem
from notecards.reader.language import unasked_languages
from notecards.vault import plugin_settings
from notecards.vault.media import find_vault_root
from notecards.vault.scan import one_scan_per_vault, scan_vault

if TYPE_CHECKING:  # the exporter (genanki, pygments, nh3) is imported when it writes
    from notecards.exporters.apkg import ApkgWriter, Stage

# An output's record: the digest and stat of what was written, and (in a file of its
# own, read only for dry runs and orphans) its Anki notes' GroupInfos.
RECORD_VERSION = 2


@dataclass
class Output:
    """One package to write and what happened to it."""

    path: Path
    cards: list[Card]  # json and csv; an .apkg's notes go to `writer` as they come
    notes: int
    status: str = ""  # written, unchanged, empty, would-write (dry run)
    diff: Diff | None = None
    orphans: int = 0
    count: int = -1  # the number of cards when `cards` does not hold them
    # its Anki notes, in order: each note's (key, GroupInfo) pairs pickled, and a digest
    # of each note's keys and digests (the GroupInfos themselves are for dry runs)
    group_data: list[bytes] = field(default_factory=list)
    group_hashes: list[str] = field(default_factory=list)
    writer: ApkgWriter | None = None
    media: set[str] = field(default_factory=set)  # the media files its cards embed

    @property
    def card_count(self) -> int:
        return self.count if self.count >= 0 else len(self.cards)

    def slim(self) -> Output:
        """This output without its cards, as a record of a build keeps it."""
        return Output(self.path, [], self.notes, self.status, None, 0, self.card_count)

    @property
    def groups(self) -> dict[str, GroupInfo]:
        """The Anki notes of this output's cards by group id, in order."""
        if not self.group_data and self.cards:
            return group_digests(self.cards)
        return _unpickle_groups(self.group_data)

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


def _stat(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _unpickle_groups(blobs: Sequence[bytes]) -> dict[str, GroupInfo]:
    groups: dict[str, GroupInfo] = {}
    for blob in blobs:
        groups.update(pickle.loads(blob))
    return groups


def _groups_hash(groups: dict[str, GroupInfo]) -> str:
    """What `NoteResult.group_hash` is for one note's groups."""
    return digest(*(f"{key}:{info.digest}" for key, info in groups.items()))


def _cards_digest(
    media_files: set[str], group_hashes: Sequence[str], fmt: str, allow_remote: bool
) -> str:
    """What decides the bytes of a package: the cards (by their groups' digests, in
    order, a digest per note), the media files they use, the code."""
    media = sorted(media_files)
    return digest(
        code_fingerprint(),
        fmt,
        allow_remote,
        *group_hashes,
        *(f"{m}:{_stat(Path(m))}" for m in media),
    )


def inputs_fingerprint(
    paths: Sequence[Path], options: BuildOptions, out: Path, *extra: object
) -> str:
    """Every file of every input's vault by name, size and mtime (the output folder
    aside), and the options."""
    parts: list[object] = [code_fingerprint(), repr(options), *extra]
    skip = os.path.join(os.path.normcase(out.resolve()), "")
    normcase = os.path.normcase  # strings, not Paths: 10,000 files
    for path in paths:
        parts.append(str(path.resolve()))
        if not path.exists():  # reported by the build; its "vault" would be its parent's tree
            parts.append("missing")
            continue
        root = find_vault_root(path)
        for scanned in scan_vault(root).files:
            if not normcase(scanned.path).startswith(skip):
                parts.append(f"{scanned.path}:{_stat(scanned.path)}")
        parts.append(f"plugins:{plugin_settings.fingerprint(root)}")  # in hidden .obsidian/
        for ignore in {root, path.resolve() if path.is_dir() else path.parent.resolve()}:
            parts.append(f"ignore:{_stat(ignore / '.notecardsignore')}")
        # knowledge files change cards too: the vault's hidden `.notecards/knowledge/`
        # (skipped by the walk above) and the user's config folder
        parts.append(knowledge_fingerprint(knowledge_dirs(root)))
    return digest(*parts)


# ---------------------------------------------------------------- planning packages


class Planner:
    """The packages one input gives, in a stable order, filled note by note: the whole
    input (`split="none"`), its top folders or its notes."""

    def __init__(
        self,
        result: BuildResult,
        out: Path,
        fmt: str,
        split: str,
        stage: Stage | None = None,
        allow_remote: bool = False,
    ) -> None:
        self.result, self.out, self.fmt = result, out, fmt
        self.whole = split == "none" or result.single_note
        self.by_note = split == "note"
        self.stage, self.allow_remote = stage, allow_remote
        self.root = result.root.resolve()
        self.vault_root: Path | None = None
        self.parts: dict[str, Output] = {}
        self.titles: dict[str, str] = {}  # part → title of its first note
        self.kinds: Counter[str] = Counter()

    def part(self, note: Note) -> str:
        if self.whole:
            return ""
        if self.vault_root is None:
            self.vault_root = Path(note.vault) if note.vault else self.root
        try:
            inner = (self.vault_root / note.path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            inner = note.path
        if self.by_note:
            return inner
        return inner.split("/", 1)[0] if "/" in inner else ""

    def _output(self, key: str) -> Output:
        output = Output(Path(), [], 0, count=0)
        if self.stage is not None:
            from notecards.exporters.apkg import ApkgWriter, package_id_base

            if self.whole:  # one package: its ids are known now, its rows go in as final
                base = package_id_base(self.result.newest)
                output.writer = ApkgWriter(allow_remote=self.allow_remote, id_base=base)
            else:
                output.writer = ApkgWriter(allow_remote=self.allow_remote, stage=self.stage)
        self.parts[key] = output
        return output

    def add(self, entry: NoteResult) -> None:
        """One included note's result (see `BuildResult.take`)."""
        assert entry.note is not None
        key = self.part(entry.note)
        output = self.parts.get(key) or self._output(key)
        self.titles.setdefault(key, entry.note.title)
        output.notes += 1
        if not entry.card_count:
            return
        output.count += entry.card_count
        output.group_data.append(entry.group_data)
        output.group_hashes.append(entry.group_hash)
        self.kinds.update(dict(entry.kinds))
        if output.writer is not None:
            prepared = entry.anki(self.allow_remote)
            output.writer.add(prepared)
            output.media.update(source for _, source, _, _ in prepared.media)
        elif self.fmt != "apkg":  # a dry run of an .apkg needs no cards
            cards = entry.cards
            output.cards += cards
            output.media.update(source for card in cards for _, source in card.media)

    def outputs(self) -> list[Output]:
        result = self.result
        stem = safe_stem(result.root.stem if result.single_note else self.root.name)
        if self.whole:
            output = self.parts.get("") or self._output("")
            output.path = self.out / f"{stem}.{self.fmt}"
            output.notes = len(result.notes)
            return [output]
        keys = sorted(self.parts)
        if self.by_note:
            stems = [safe_stem(self.titles.get(k, k)) for k in keys]
        else:
            stems = [safe_stem(k) if k else stem for k in keys]
        names = unique_names(stems, f".{self.fmt}")
        outputs = [self.parts[key] for key in keys]
        for output, name in zip(outputs, names, strict=True):
            output.path = self.out / name
        return outputs


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
    with one_scan_per_vault():  # the fingerprint and every input share one walk
        return _run_build(paths, out, fmt, options, split, dry_run, orphans_tag, progress)


def _run_build(
    paths: Sequence[Path],
    out: Path,
    fmt: str,
    options: BuildOptions | None,
    split: str,
    dry_run: bool,
    orphans_tag: str,
    progress: Progress | None,
) -> BuildSummary:
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
    from notecards.reader import no_cycle_collection

    if not dry_run:  # what a killed build left: its scratch folders, temporary packages
        sweep([out])
    cache = NoteCache.default(options.cache)
    outputs: list[Output] = []
    # SIGTERM and SIGHUP clean up as Ctrl-C does: the stack closes every writer (their
    # scratch folders), the stage and the worker pool
    with stop_signals_interrupt(), contextlib.ExitStack() as stack:
        stage = None
        if fmt == "apkg" and not dry_run:
            from notecards.exporters.apkg import Stage

            stage = stack.enter_context(Stage())
        for path in paths:
            result, entries = stream_one(
                path, options, progress, cache, cards=fmt != "apkg", anki=stage is not None
            )
            planner = Planner(result, out, fmt, split, stage, options.allow_remote)
            stack.callback(_close_writers, planner.parts.values())  # even if a note fails
            # the notes' results are plain data, made and let go by the thousand: the
            # cycle collector would only walk the growing list of notes again and again
            with contextlib.closing(entries), no_cycle_collection():
                for note_path, entry in entries:
                    if result.take(note_path, entry):
                        planner.add(entry)
            outputs += planner.outputs()
            result.problems += unasked_languages(result.notes, display_path(path), PACKS)
            summary.problems += result.problems
            summary.notes += len(result.notes)
            summary.cards += result.card_count
            summary.cached += result.cached
            summary.parsed += result.parsed
            summary.drafts_skipped += result.skipped
            for kind, count in planner.kinds.items():  # summed over every input
                summary.by_kind[kind] = summary.by_kind.get(kind, 0) + count
        stack.callback(_close_writers, outputs)  # also when a write fails half way
        _dedupe_names(outputs)
        for output in outputs:
            summary.problems += _handle(output, fmt, options, dry_run, orphans_tag)
    summary.outputs = outputs
    summary.seconds = time.perf_counter() - started
    from notecards.failures import is_internal

    failed = any(o.status == "failed" for o in outputs) or any(map(is_internal, summary.problems))
    if not dry_run and not failed:  # a run that met a bug is made again, not replayed
        slim = BuildSummary(**{**summary.__dict__, "outputs": [o.slim() for o in outputs]})
        _save(run_key, (fingerprint, [(o.path, _stat(o.path)) for o in outputs], slim))
    return summary


def _close_writers(outputs: Iterable[Output]) -> None:
    for output in list(outputs):
        if output.writer is not None:
            output.writer.close()
            output.writer = None


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
    if not isinstance(record, dict) or record.get("version") != RECORD_VERSION:
        record = None
    previous: dict[str, GroupInfo] = {}
    groups: dict[str, GroupInfo] = {}
    if dry or orphans_tag:
        groups = output.groups
        stored = _load(f"{name}.groups") if record is not None else None
        if stored is not None and stored[0] == record["digest"]:  # type: ignore[index]
            previous = _unpickle_groups(stored[1])
            output.diff = compare(previous, groups)
        elif fmt == "apkg" and output.path.exists():
            output.diff = compare_with_package(read_package(output.path), groups)
    extra: list[Card] = []
    if orphans_tag and output.diff is not None and output.diff.exact and output.diff.gone:
        gone = {k: v for k, v in previous.items() if k not in groups}
        extra = orphan_cards(gone, read_package(output.path), orphans_tag) if fmt == "apkg" else []
        output.orphans = len(extra)
    if dry:
        output.status = "would write" if output.card_count else "empty"
        if output.card_count and output.diff is not None and output.diff.nothing:
            output.status = "unchanged"  # the status line agrees with the counts
        return []
    if not output.card_count and not extra:
        output.status = "empty"
        return []
    hashes = output.group_hashes
    if output.orphans:
        hashes = [*hashes, _groups_hash(group_digests(extra))]
    if output.writer is not None and output.writer.id_base:  # a draft touched moves it
        hashes = [*hashes, f"id base {output.writer.id_base}"]
    current = _cards_digest(output.media, hashes, fmt, options.allow_remote)
    if (
        options.cache
        and record is not None
        and record["digest"] == current
        and _stat(output.path) == record["stat"]
    ):
        output.status = "unchanged"
        return []
    try:
        if output.writer is not None:
            if extra:
                output.writer.add_cards(extra)
            problems = output.writer.finish(output.path).warnings
        else:
            problems = write_package(
                [*output.cards, *extra], output.path, fmt, options.allow_remote
            )
    except OSError as error:
        output.status = "failed"
        reason = error.strerror or str(error)
        return [Problem(display_path(output.path), 0, f"cannot write: {reason}", "error")]
    output.status = "written"
    _save(f"{name}.groups", (current, output.group_data))
    _save(name, {"version": RECORD_VERSION, "digest": current, "stat": _stat(output.path)})
    return problems
