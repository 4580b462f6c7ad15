"""discover → read → extract: from paths on disk to cards, with every problem kept.

Pelican-style stages: `discover` finds files, `reader.parse_note` makes Notes,
`extractors.extract_cards` makes Cards; exporters and the quiz consume the result.

A run over a folder is built for whole vaults:
- the vault-wide indexes (media by name, notes by name, path and alias) are built once,
  in this process, before any worker starts;
- each note's result is cached (`cache.NoteCache`) under a key of its bytes, path,
  mtime, deck, options and the notecards code; an entry is trusted only when the notes
  it embeds and the media it found still resolve the same way;
- uncached notes are parsed in worker processes when there are many
  (`parallel.run_ordered`), and results are assembled in discovery order, so the output
  does not depend on the number of workers.

`BuildResult.notes` holds each note's metadata (title, tags, deck, path…) without its
body: the sections have been turned into cards, and 10,000 parse trees would cost
memory and cache time for nothing.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple, Protocol

from notecards import parallel
from notecards.cache import NoteCache, code_fingerprint, content_hash, digest
from notecards.discover import _ALWAYS_SKIPPED, NOTE_SUFFIXES, discover
from notecards.dryrun import GroupInfo, group_digests
from notecards.links import NoteIndex
from notecards.model import Card, Note, Problem
from notecards.vault import Vault, find_vault_root


@dataclass(frozen=True, slots=True)
class BuildOptions:
    allow_remote: bool = False
    include_drafts: bool = False
    deck_per_note: bool = False  # the note's title as the last deck level
    include: tuple[str, ...] = ()  # gitignore-style globs, relative to the folder built
    exclude: tuple[str, ...] = ()
    cache: bool = True
    workers: int | None = None  # None: all cores when there are many notes

    def key(self) -> str:
        """What of the options changes a note's cards."""
        return f"{self.allow_remote}:{self.include_drafts}:{self.deck_per_note}"


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, notes: int, cards: int) -> None: ...


@dataclass
class BuildResult:
    """What one input path (a note or a folder) gives."""

    root: Path
    single_note: bool
    notes: list[Note] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cached: int = 0  # notes served from the cache
    parsed: int = 0  # notes read and extracted in this run
    skipped: int = 0  # drafts left out
    groups: dict[str, GroupInfo] = field(default_factory=dict)  # Anki notes, card order

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def deck_for(rel_in_root: str, root_name: str, single_note: bool, title: str) -> str:
    """DESIGN.md: one note → its title; a folder → `Root::Folder::Subfolder`."""
    if single_note:
        return _deck_part(title)
    parts = [root_name, *PurePosixPath(rel_in_root).parent.parts]
    return "::".join(_deck_part(p) for p in parts if p not in ("", "."))


def _deck_part(name: str) -> str:
    """`::` separates decks in Anki, so it may not appear inside one level's name."""
    cleaned = " ".join(name.replace("::", ":").split())
    return cleaned or "Notes"


def note_tag(title: str) -> str:
    """The tag that carries a card's note in folder builds: `note/Title_words`, which
    Anki shows as `note::Title_words`."""
    cleaned = "_".join(title.replace("/", "-").replace("::", ":").replace("#", "").split())
    return f"note/{cleaned or 'untitled'}"


# ---------------------------------------------------------------- one note


@dataclass(frozen=True, slots=True)
class NoteResult:
    """What one note gives; this is what the cache stores."""

    note: Note | None  # without sections; None when the file is no note at all
    cards: tuple[Card, ...]
    problems: tuple[Problem, ...]  # paths relative to the vault
    included: bool  # False for a draft left out
    # (note, target) → (resolved path, its hash, all candidates): embeds looked up
    deps: tuple[tuple[tuple[str, str], tuple[str, str, tuple[str, ...]]], ...] = ()
    media: tuple[tuple[str, str, str], ...] = ()  # (target, note path, file found or "")
    files: str = ""  # digest of the vault's file names when this was made
    # each Anki note of `cards` with a digest, for "unchanged" and dry runs (dryrun.py)
    groups: tuple[tuple[str, GroupInfo], ...] = ()


class Task(NamedTuple):
    path: str
    rel: str  # relative to the vault (the note's identity)
    rel_in_root: str  # relative to the folder built (its deck)
    data: bytes | None  # None: let read_note read and judge the file
    mtime: int
    key: str


class _TrackingVault(Vault):
    """A Vault that remembers which media it looked up, for the cache's dependencies."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.lookups: set[tuple[str, str, str]] = set()

    def resolve_media(self, target, note_path):
        found = super().resolve_media(target, note_path)
        self.lookups.add((target, str(note_path), str(found.path or "")))
        return found

    def index_media(self) -> None:
        """Build the name index now, once, before workers are forked."""
        self._name_index()


@dataclass
class Run:
    """The state shared by every note of one run (inherited by worker processes)."""

    vault: _TrackingVault
    index: NoteIndex
    options: BuildOptions
    root_name: str
    single: bool
    cache: NoteCache
    files: str
    hashes: dict[str, str]
    sources: object = None  # embeds.NoteSources, made lazily

    def deck(self, rel_in_root: str, title: str) -> str:
        deck = deck_for(rel_in_root, self.root_name, self.single, title)
        if self.options.deck_per_note and not self.single:
            deck = f"{deck}::{_deck_part(title)}"
        return deck

    def hash_of(self, rel: str) -> str:
        if rel not in self.hashes:
            try:
                self.hashes[rel] = content_hash((self.vault.root / rel).read_bytes())
            except OSError:
                self.hashes[rel] = ""
        return self.hashes[rel]


def _compute(run: Run, task: Task) -> NoteResult:
    """Read, extract and tag one note: the work a worker does."""
    from notecards.embeds import NoteEmbedder, NoteSources
    from notecards.extractors import extract_cards
    from notecards.reader import parse_note, read_note
    from notecards.reader.metadata import meta_flag

    vault = run.vault
    vault.lookups = set()
    path = Path(task.path)
    if task.data is None:
        note, problems = read_note(path, vault)
    else:
        note, problems = parse_note(task.data, task.rel, path, vault, task.mtime)
    if note is None:
        return NoteResult(None, (), tuple(problems), False, files=run.files)
    note = replace(note, deck=run.deck(task.rel_in_root, note.title))
    if meta_flag(dict(note.meta), "draft") and not run.options.include_drafts:
        return NoteResult(replace(note, sections=()), (), tuple(problems), False, files=run.files)
    if run.sources is None:
        run.sources = NoteSources(vault.root)
    embedder = NoteEmbedder(run.index, run.sources, note)
    embedder.check()
    cards = extract_cards(
        note,
        vault,
        path,
        allow_remote=run.options.allow_remote,
        embed_note=embedder.embedder(),
    )
    if not run.single:
        tag = note_tag(note.title)
        cards = [replace(card, tags=(*card.tags, tag)) for card in cards]
    deps = tuple(
        (key, (found, hashed, run.index.resolve(key[1], key[0]).candidates))
        for key, (found, hashed) in sorted(embedder.deps.items())
    )
    return NoteResult(
        replace(note, sections=()),
        tuple(cards),
        (*problems, *embedder.problems),
        True,
        deps,
        tuple(sorted(vault.lookups)),
        run.files,
        tuple(group_digests(cards).items()),
    )


def _process_here(task: Task) -> NoteResult:
    run: Run = parallel.state()
    result = _compute(run, task)
    if task.key:
        run.cache.put(task.key, result)
    return result


def _process_in_worker(task: Task) -> bytes:
    """A worker pickles once: the same bytes go to the cache and back to the parent."""
    run: Run = parallel.state()
    body = pickle.dumps(_compute(run, task), protocol=pickle.HIGHEST_PROTOCOL)
    if task.key:
        run.cache.put_bytes(task.key, body)
    return body


def _still_valid(run: Run, entry: NoteResult) -> bool:
    """An entry is stale when an embedded note or a media lookup would now differ."""
    for (source, target), (found, hashed, candidates) in entry.deps:
        now = run.index.resolve(target, source)
        if (now.path or "") != found or now.candidates != candidates:
            return False
        if found and run.hash_of(found) != hashed:
            return False
    if entry.files != run.files:
        for target, note_path, found in entry.media:
            if str(Vault.resolve_media(run.vault, target, Path(note_path)).path or "") != found:
                return False
    return True


# ---------------------------------------------------------------- the vault


def vault_notes(root: Path) -> tuple[list[str], str]:
    """Every note of the vault (for links) and a digest of all its file names (media
    lookups change only when a file appears or goes)."""
    notes: list[str] = []
    names: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _ALWAYS_SKIPPED)
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for name in sorted(files):
            names.append(prefix + name)
            if name.lower().endswith(NOTE_SUFFIXES) and not name.startswith("."):
                notes.append(prefix + name)
    return notes, digest(*names)


def _front_aliases(data: bytes) -> list[str]:
    """Aliases from front matter, read only when the front matter mentions them."""
    if not data.startswith((b"---", b"\xef\xbb\xbf---")):
        return []
    end = data.find(b"\n---", 3)
    if end < 0 or b"alias" not in data[:end]:
        return []
    from notecards.reader.decode import decode_note
    from notecards.reader.metadata import meta_aliases, split_front_matter

    text = decode_note(data[: end + 5]).text or ""
    return meta_aliases(split_front_matter(text + "\n").meta)


def _aliases(
    vault: Vault, notes: list[str], known: dict[str, list[str]], data: dict[str, bytes]
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rel in notes:
        if rel in known:
            found = known[rel]
        elif rel in data:
            found = _front_aliases(data[rel])
        else:
            try:
                with open(vault.root / rel, "rb") as handle:
                    found = _front_aliases(handle.read(16384))
            except OSError:
                found = []
        if found:
            out[rel] = found
    return out


# ---------------------------------------------------------------- a run


def collect_one(
    path: Path,
    options: BuildOptions = BuildOptions(),
    progress: Progress | None = None,
    cache: NoteCache | None = None,
) -> BuildResult:
    """Read and extract one note or one folder of notes."""
    single = path.is_file()
    result = BuildResult(root=path, single_note=single)
    if not path.exists():
        result.problems.append(Problem(display_path(path), 0, "no such file or folder", "error"))
        return result
    cache = cache if cache is not None else NoteCache.default(options.cache)
    vault = _TrackingVault(find_vault_root(path))
    build_root = path.resolve() if not single else path.resolve().parent
    paths = discover(path, options.include, options.exclude)
    all_notes, files = vault_notes(vault.root)
    run = Run(vault, NoteIndex(()), options, build_root.name, single, cache, files, {})

    tasks: list[Task | None] = []
    entries: list[NoteResult | None] = []
    data: dict[str, bytes] = {}
    for note_path in paths:
        task = _task(run, note_path, build_root, data)
        entry = cache.get(task.key) if task.key else None
        entries.append(entry if isinstance(entry, NoteResult) else None)
        tasks.append(task)
    known = {e.note.path: list(e.note.aliases) for e in entries if e and e.note}
    indexed = set(all_notes)
    extra = [rel for rel in map(vault.relpath, paths) if rel not in indexed]
    run.index = NoteIndex(all_notes + extra, _aliases(vault, all_notes + extra, known, data))
    for position, entry in enumerate(entries):
        if entry is not None and not _still_valid(run, entry):
            entries[position] = None
    todo = [(i, t) for i, (t, e) in enumerate(zip(tasks, entries, strict=True)) if e is None]
    tasks.clear()  # hits no longer need their bytes
    data.clear()
    result.cached = len(paths) - len(todo)
    result.parsed = len(todo)
    vault.index_media()

    def ready() -> None:
        if progress is not None:
            progress.start(len(paths))
            hits = [e for e in entries if e is not None]
            progress.advance(len(hits), sum(len(e.cards) for e in hits))

    workers = parallel.worker_count(len(todo), options.workers)
    if workers > 1:
        _preload()
    fn = _process_here if workers <= 1 else _process_in_worker
    outputs = parallel.run_ordered(fn, [t for _, t in todo], run, workers, ready)
    for (position, _), output in zip(todo, outputs, strict=True):
        entry = pickle.loads(output) if isinstance(output, bytes) else output
        entries[position] = entry
        if progress is not None:
            progress.advance(1, len(entry.cards))
    _assemble(result, paths, entries)
    return result


def _preload() -> None:
    """Import and build what every note needs once, so forked workers share it."""
    import notecards.embeds
    import notecards.extractors
    from notecards.reader.markdown import parser
    from notecards.render.markup import highlight_code

    parser()
    for language in ("python", "http", "bash", "json", "text"):
        highlight_code("x", language)
    assert notecards.embeds and notecards.extractors


def _task(run: Run, note_path: Path, build_root: Path, data: dict[str, bytes]) -> Task:
    if note_path.is_relative_to(run.vault.root) and note_path.is_relative_to(build_root):
        rel = note_path.relative_to(run.vault.root).as_posix()  # discover resolved it
        rel_in_root = note_path.relative_to(build_root).as_posix()
    else:
        rel = run.vault.relpath(note_path)
        try:
            rel_in_root = note_path.resolve().relative_to(build_root).as_posix()
        except ValueError:
            rel_in_root = note_path.name
    from notecards.reader import MAX_NOTE_BYTES, read_regular_file

    try:  # the reader's safe read: no FIFOs, devices or huge files
        content, mtime = read_regular_file(note_path, MAX_NOTE_BYTES)
    except Exception:  # read_note will say what is wrong, in a worker
        return Task(str(note_path), rel, rel_in_root, None, 0, "")
    data[rel] = content
    hashed = content_hash(content)
    run.hashes[rel] = hashed
    key = digest(
        code_fingerprint(),
        str(run.vault.root),
        rel,
        rel_in_root,
        hashed,
        mtime,
        run.root_name,
        run.single,
        run.options.key(),
    )
    return Task(str(note_path), rel, rel_in_root, content, mtime, key if run.cache.enabled else "")


def _assemble(result: BuildResult, paths: list[Path], entries: list[NoteResult | None]) -> None:
    for note_path, entry in zip(paths, entries, strict=True):
        assert entry is not None
        if entry.problems:
            shown = display_path(note_path)
            result.problems += [replace(p, path=shown) for p in entry.problems]
        if entry.note is None:
            continue
        if not entry.included:
            result.skipped += 1
            continue
        result.notes.append(entry.note)
        result.cards += entry.cards
        result.groups.update(entry.groups)


def collect(
    paths: Sequence[Path], options: BuildOptions = BuildOptions(), progress: Progress | None = None
) -> BuildResult:
    """Every card of every path, as one result (what `cards` and `quiz` need)."""
    results = [collect_one(Path(p), options, progress) for p in paths]
    merged = BuildResult(root=Path(paths[0]) if paths else Path("."), single_note=False)
    for result in results:
        merged.notes += result.notes
        merged.cards += result.cards
        merged.groups.update(result.groups)
        merged.problems += result.problems
        merged.cached += result.cached
        merged.parsed += result.parsed
        merged.skipped += result.skipped
    return merged
