"""discover → read → extract: from paths on disk to cards, with every problem kept.

One module past 500 lines because a run's shared state (`Run`), the work a worker does
per note and the stream that orders their results change together: what `Run` holds
is read by the workers, the cache check and the stream alike.

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

`collect_one` returns every card at once (what `cards` and the quiz need); a build
streams instead (`stream_one`): each note's result as soon as it is there, in order,
with its Anki notes already made (`exporters.apkg.prepare`, in the worker) and its
cards still pickled, so that the package is written while workers parse and 190,000
Card objects never have to exist at once.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple, Protocol

from notecards.build import parallel
from notecards.build.cache import NoteCache, code_fingerprint, digest
from notecards.build.dryrun import GroupInfo, group_digests
from notecards.ids import content_hash, note_identity, shared_names
from notecards.knowledge import default_user_dirs, use_user_knowledge
from notecards.lang import PACKS
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card, Note, Problem, pickled_by_fields
from notecards.reader.language import unasked_languages
from notecards.vault import plugin_settings, vault_settings
from notecards.vault.discover import discover
from notecards.vault.links import NoteIndex
from notecards.vault.media import Vault, find_vault_root
from notecards.vault.scan import one_scan_per_vault, scan_vault
from notecards.vault.vault_settings import VaultSettings


@dataclass(frozen=True, slots=True)
class BuildOptions:
    allow_remote: bool = False
    include_drafts: bool = False
    deck_per_note: bool = False  # the note's title as the last deck level
    include: tuple[str, ...] = ()  # gitignore-style globs, relative to the folder built
    exclude: tuple[str, ...] = ()
    cache: bool = True
    workers: int | None = None  # None: all cores when there are many notes
    min_confidence: float = DEFAULT_MIN_CONFIDENCE  # mined cards below it are left out
    mine: bool | None = None  # --mine / --no-mine; None: as the settings and notes say

    def key(self) -> str:
        """What of the options changes a note's cards."""
        return (
            f"{self.allow_remote}:{self.include_drafts}:{self.deck_per_note}:"
            f"{self.min_confidence!r}:{self.mine}"
        )


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
    card_count: int = 0  # cards of the notes taken (`cards` may be left empty: a stream)
    newest: int = 0  # the newest mtime of the notes read, known before they are parsed

    @property
    def groups(self) -> dict[str, GroupInfo]:
        """Each Anki note of `cards` with a digest (dryrun.py), in card order; made when
        asked (a build keeps each note's, from the cache)."""
        return group_digests(self.cards)

    def take(self, note_path: Path, entry: NoteResult) -> bool:
        """Count one note's result in; True when its cards belong to the output (the
        caller takes `entry.cards`, or streams them)."""
        if entry.problems:
            shown = display_path(note_path)
            self.problems += [replace(p, path=shown) for p in entry.problems]
        if entry.note is None:
            return False
        if not entry.included:
            self.skipped += 1
            return False
        self.notes.append(entry.note)
        self.card_count += entry.card_count
        return True

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it,
    as given otherwise (`../../tmp/x` helps nobody)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def deck_for(rel_in_root: str, root_name: str, single_note: bool, title: str) -> str:
    """One note → its title; a folder → `Root::Folder::Subfolder`."""
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


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class NoteResult:
    """What one note gives; this is what the cache stores.

    The cards and their Anki notes stay pickled (`card_data`, `anki_data`) until asked
    for: a build needs only the Anki notes, `cards` and the quiz only the cards, and
    unpickling 190,000 Cards costs seconds."""

    note: Note | None  # without sections; None when the file is no note at all
    card_data: bytes  # the pickled tuple of Cards (b"" for none)
    problems: tuple[Problem, ...]  # paths relative to the vault
    included: bool  # False for a draft left out
    # (note, target) → (resolved path, its hash, all candidates): embeds looked up
    deps: tuple[tuple[tuple[str, str], tuple[str, str, tuple[str, ...]]], ...] = ()
    media: tuple[tuple[str, str, str], ...] = ()  # (target, note path, file found or "")
    files: str = ""  # digest of the vault's file names when this was made
    # each Anki note of `cards` with a digest, for "unchanged" and dry runs (dryrun.py):
    # pickled (key, GroupInfo) pairs, and a digest of all their keys and digests
    group_data: bytes = b""
    group_hash: str = ""
    card_count: int = 0
    kinds: tuple[tuple[str, int], ...] = ()  # cards by kind
    anki_data: bytes = b""  # the pickled `apkg.Prepared` of the cards
    allow_remote: bool = False  # what `anki_data` was sanitized for

    @property
    def cards(self) -> tuple[Card, ...]:
        return pickle.loads(self.card_data) if self.card_data else ()

    @property
    def groups(self) -> tuple[tuple[str, GroupInfo], ...]:
        return pickle.loads(self.group_data) if self.group_data else ()

    def without(self, cards: bool = False, anki: bool = False, groups: bool = False) -> NoteResult:
        """This result without what its user does not need (memory, for 10,000 notes)."""
        changes: dict[str, bytes] = {"group_data": b""} if groups and self.group_data else {}
        if anki and self.anki_data:
            changes["anki_data"] = b""
        # the cards go only when their Anki notes stay (or neither is wanted)
        if cards and self.card_data and (anki or self.anki_data):
            changes["card_data"] = b""
        return replace(self, **changes) if changes else self

    def anki(self, allow_remote: bool = False):
        """The cards' Anki notes (`exporters.apkg.Prepared`)."""
        from notecards.exporters.apkg import prepare

        if self.anki_data and self.allow_remote == allow_remote:
            return pickle.loads(self.anki_data)
        vault = Path(self.note.vault).name if self.note and self.note.vault else ""
        return prepare(self.cards, allow_remote=allow_remote, vault=vault)


class Task(NamedTuple):
    path: str
    rel: str  # relative to the vault (the note's identity)
    rel_in_root: str  # relative to the folder built (its deck)
    data: bytes | None  # None: read where the note is mined (see `_loaded`)
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
    knowledge_dirs: tuple[str, ...] = ()  # the user's knowledge files (header meanings…)
    knowledge_key: str = ""
    knowledge_pid: int = 0  # the process that loaded the user's knowledge for this run
    _settings_key: str = ""
    frozen_pid: int = 0  # the worker process that froze its inherited heap (gc.freeze)
    shared: frozenset[str] = frozenset()  # file names two notes share (ids.shared_names)
    settings: VaultSettings = field(default_factory=VaultSettings)  # .notecards.toml

    def min_confidence(self) -> float:
        """The threshold for mined cards: the command line's, else the vault settings'
        (`min_confidence` in .notecards.toml), else the default."""
        chosen = self.options.min_confidence
        if chosen == DEFAULT_MIN_CONFIDENCE and self.settings.min_confidence is not None:
            return self.settings.min_confidence
        return chosen

    def deck(self, rel_in_root: str, title: str) -> str:
        deck = deck_for(rel_in_root, self.root_name, self.single, title)
        if self.options.deck_per_note and not self.single:
            deck = f"{deck}::{_deck_part(title)}"
        return deck

    def settings_key(self) -> str:
        """What every note's cache key shares: code, vault, deck root, options, knowledge
        (hashed once a run rather than once a note)."""
        if not self._settings_key:
            self._settings_key = digest(
                code_fingerprint(),
                str(self.vault.root),
                self.root_name,
                self.single,
                self.options.key(),
                self.knowledge_key,
                plugin_settings.fingerprint(self.vault.root),
                vault_settings.fingerprint(self.vault.root),
            )
        return self._settings_key

    def hash_of(self, rel: str) -> str:
        if rel not in self.hashes:
            from notecards.reader import MAX_NOTE_BYTES, read_regular_file

            try:
                self.hashes[rel] = content_hash(
                    read_regular_file(self.vault.root / rel, MAX_NOTE_BYTES)[0]
                )
            except (OSError, ValueError):
                self.hashes[rel] = ""
        return self.hashes[rel]


def _compute(run: Run, task: Task) -> NoteResult:
    """Read, extract and tag one note: the work a worker does, with the cycle collector
    paused (see `no_cycle_collection`)."""
    from notecards.reader import no_cycle_collection

    with no_cycle_collection():
        if not _utf8(task.rel):
            return _bad_name(run, task)
        try:
            return _mine(run, task)
        except Exception as error:  # a bug: it costs this note only
            return _failed(run, task, error)


def _utf8(name: str) -> bool:
    """Whether a path decoded from the file system is text (a name in another encoding,
    CP1251 from an old archive say, arrives with lone surrogates that no id can hash)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bad_name(run: Run, task: Task) -> NoteResult:
    message = "file name is not valid UTF-8 (another encoding?): skipped; rename the file"
    return NoteResult(None, b"", (Problem(task.rel, 1, message, "error"),), False, files=run.files)


def _failed(run: Run, task: Task, error: Exception, stage: str = "") -> NoteResult:
    """The result of a note whose work raised: no note, no cards, one error that says
    so (never cached, see `_cacheable`); every other note of the run goes on."""
    from notecards.failures import internal_error, stage_of

    problem = internal_error(task.rel, 1, stage or stage_of(error), error)
    return NoteResult(None, b"", (problem,), False, files=run.files)


def _cacheable(result: NoteResult) -> bool:
    """A result that met a bug is made again next time, and reported again."""
    from notecards.failures import is_internal

    return not any(is_internal(problem) for problem in result.problems)


def _mine(run: Run, task: Task) -> NoteResult:
    """`_compute`'s work: parse the note, make its cards, prepare their Anki rows."""
    from notecards.exporters.apkg import prepare
    from notecards.extractors import extract_cards
    from notecards.reader import parse_note, read_note
    from notecards.reader.metadata import meta_flag
    from notecards.render.markup import unsafe_math_problems
    from notecards.render.sanitize import forget_cleaned
    from notecards.vault.embeds import NoteEmbedder, NoteSources

    if run.knowledge_pid != os.getpid():  # once per process (a forked worker copies run)
        use_user_knowledge(Path(d) for d in run.knowledge_dirs)
        run.knowledge_pid = os.getpid()
    forget_cleaned()  # the sanitizer's memo holds one note's HTML at a time
    vault = run.vault
    vault.lookups = set()
    path = Path(task.path)
    if task.data is None:
        note, problems = read_note(path, vault)
    else:
        note, problems = parse_note(task.data, task.rel, path, vault, task.mtime)
    if note is None:
        return NoteResult(None, b"", tuple(problems), False, files=run.files)
    switches = run.settings.switches(note.path, note.tags, note.meta, run.options.mine)
    if switches.lang:  # the vault's language for notes that do not name theirs
        note = replace(note, lang=switches.lang)
    note = replace(note, deck=run.deck(task.rel_in_root, note.title))
    if meta_flag(dict(note.meta), "draft") and not run.options.include_drafts:
        return NoteResult(replace(note, sections=()), b"", tuple(problems), False, files=run.files)
    if run.sources is None:
        run.sources = NoteSources(vault.root)
    embedder = NoteEmbedder(run.index, run.sources, note)
    embedder.check()
    failed: list[Problem] = []  # extractors that raised: each loses its own cards only
    cards = extract_cards(
        note,
        vault,
        path,
        allow_remote=run.options.allow_remote,
        embed_note=embedder.embedder(),
        extra_tags=() if run.single else (note_tag(note.title),),
        problems=failed,
        identity=note_identity(note.path, note.meta, run.shared),
        switches=switches,
        min_confidence=run.min_confidence(),
    )
    problems = [*problems, *unsafe_math_problems(cards)]  # MathJax the sanitizer removed
    groups = group_digests(cards)
    deps = tuple(
        (key, (found, hashed, run.index.resolve(key[1], key[0]).candidates))
        for key, (found, hashed) in sorted(embedder.deps.items())
    )
    return NoteResult(
        replace(note, sections=()),
        _dumps(tuple(cards)) if cards else b"",
        (*problems, *embedder.problems, *failed),
        True,
        deps,
        tuple(sorted(vault.lookups)),
        run.files,
        _dumps(tuple(groups.items())) if groups else b"",
        # the package holds each note's mtime (Anki's `mod`), so its digest counts it;
        # the groups' own digests, which dry-run compares, hold content only
        digest(f"mtime {note.mtime}", *(f"{key}:{info.digest}" for key, info in groups.items()))
        if groups
        else "",
        len(cards),
        tuple(Counter(card.kind for card in cards).items()),
        _dumps(prepare(cards, allow_remote=run.options.allow_remote, vault=run.vault.root.name))
        if cards
        else b"",
        run.options.allow_remote,
    )


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _loaded(run: Run, task: Task) -> Task:
    """`task` with its note's bytes, read now: workers are handed paths, not bytes, so
    the main process never holds the vault's notes. The cache key is made again from
    what is read, in case the file changed since the run was planned."""
    if task.data is not None:
        return task
    from notecards.reader import MAX_NOTE_BYTES, read_regular_file

    try:
        content, mtime = read_regular_file(Path(task.path), MAX_NOTE_BYTES)
    except (OSError, ValueError):  # read_note will say what is wrong
        return task._replace(key="")
    key = _key(run, task.rel, task.rel_in_root, content_hash(content), mtime)
    return task._replace(data=content, mtime=mtime, key=key)


def _process_here(tasks: list[Task]) -> list[NoteResult]:
    run: Run = parallel.state()
    tasks = [_loaded(run, task) for task in tasks]
    results = [_compute(run, task) for task in tasks]
    run.cache.put_many(
        (t.key, _dumps(r)) for t, r in zip(tasks, results, strict=True) if t.key and _cacheable(r)
    )
    return results


def _process_in_worker(tasks: list[Task]) -> list[bytes]:
    """A worker pickles each result once: the same bytes go to the cache (one
    transaction for the batch) and back to the parent.

    The cycle collector waits for the end of the batch (see `no_cycle_collection`),
    and the heap the worker was forked with is frozen first: the collector never
    scans the parser, the knowledge and the modules again."""
    from notecards.reader import no_cycle_collection

    run: Run = parallel.state()
    if run.frozen_pid != os.getpid():
        gc.freeze()
        run.frozen_pid = os.getpid()
    with no_cycle_collection():
        tasks = [_loaded(run, task) for task in tasks]
        results = [_compute(run, task) for task in tasks]
        bodies = [_dumps_result(run, t, r) for t, r in zip(tasks, results, strict=True)]
        run.cache.put_many(
            (t.key, b)
            for t, r, b in zip(tasks, results, bodies, strict=True)
            if t.key and _cacheable(r)
        )
    return bodies


def _dumps_result(run: Run, task: Task, result: NoteResult) -> bytes:
    """A worker's result as bytes; one that cannot be pickled is a failed note, not a
    failed batch (a batch that raises would end the whole build)."""
    try:
        return _dumps(result)
    except Exception as error:
        return _dumps(_failed(run, task, error, "worker"))


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


def _front_aliases(data: bytes) -> list[str]:
    """Aliases from front matter, read only when the front matter mentions them."""
    if not data.startswith((b"---", b"\xef\xbb\xbf---")):
        return []
    end = data.find(b"\n---", 3)
    if end < 0 or b"alias" not in data[:end]:
        return []
    from notecards.reader.decode import decode_note
    from notecards.reader.metadata import meta_aliases, split_front_matter

    try:
        text = decode_note(data[: end + 5]).text or ""
        return meta_aliases(split_front_matter(text + "\n").meta)
    except Exception:  # a bug in the reader: reading the note itself reports it
        return []


def _aliases(
    vault: Vault, notes: list[str], known: dict[str, list[str]], read: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Each note's aliases: from its cached result, from its read when this run read it,
    else from its first 16 KiB (read safely: a FIFO named `x.md` is not opened)."""
    from notecards.safe_read import read_head

    out: dict[str, list[str]] = {}
    for rel in notes:
        if rel in known:
            found = known[rel]
        elif rel in read:
            found = read[rel]
        else:
            try:
                found = _front_aliases(read_head(vault.root / rel, 16384))
            except (OSError, ValueError):
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
    result, entries = stream_one(path, options, progress, cache, anki=False, groups=False)
    for note_path, entry in entries:
        if result.take(note_path, entry):
            result.cards += entry.cards
    result.problems += unasked_languages(result.notes, display_path(path), PACKS)
    return result


def stream_one(
    path: Path,
    options: BuildOptions = BuildOptions(),
    progress: Progress | None = None,
    cache: NoteCache | None = None,
    *,
    cards: bool = True,
    anki: bool = True,
    groups: bool = True,
) -> tuple[BuildResult, Iterator[tuple[Path, NoteResult]]]:
    """One note or folder: a result with its counts (`cached`, `parsed`), and each
    note's path and result in discovery order, as soon as it is there (cache hits
    while workers parse what missed). Pass each to `BuildResult.take`.

    `cards=False`, `anki=False` or `groups=False`: cache hits, which wait in memory
    until their turn, leave out the pickled cards, their Anki notes or their groups (an
    .apkg build needs no cards, json and csv no Anki notes, `cards` and the quiz neither
    notes nor groups); a fresh result is used and let go at once, so it stays whole."""
    drop = {"cards": not cards, "anki": not anki, "groups": not groups}
    single = path.is_file()
    result = BuildResult(root=path, single_note=single)
    if not path.exists():
        result.problems.append(Problem(display_path(path), 0, "no such file or folder", "error"))
        return result, _no_results()
    if not (single or path.is_dir()):  # a device, a FIFO: never opened
        message = "not a regular file or folder: skipped"
        result.problems.append(Problem(display_path(path), 0, message, "error"))
        return result, _no_results()
    cache = cache if cache is not None else NoteCache.default(options.cache)
    scan = scan_vault(find_vault_root(path))
    vault = _TrackingVault(scan.root, scan=scan)
    build_root = path.resolve() if not single else path.resolve().parent
    skipped: list[tuple[str, int, str]] = []  # note symlinks out, bad ignore lines
    paths = discover(path, options.include, options.exclude, skipped, scan)
    result.problems += [Problem(display_path(Path(p)), n, why) for p, n, why in skipped]
    all_notes, files = scan.notes, digest(*scan.names())
    settings = vault_settings.load_settings(vault.root)
    root_name = settings.deck_root or build_root.name
    run = Run(vault, NoteIndex(()), options, root_name, single, cache, files, {})
    run.shared = shared_names(all_notes)
    run.settings = settings
    settings_path = display_path(vault.root / vault_settings.SETTINGS_FILE)
    result.problems += [Problem(settings_path, n, m, "error") for n, m in settings.problems]
    _load_knowledge(run, result)
    for where, line, message in plugin_settings.problems(vault.root):
        result.problems.append(Problem(display_path(Path(where)), line, message))

    tasks: list[Task | None] = []
    entries: list[NoteResult | None] = []
    aliases: dict[str, list[str]] = {}  # of the notes read here
    for note_path in paths:
        task = _task(run, note_path, build_root, aliases)
        entry = cache.get(task.key) if task.key else None
        entries.append(entry.without(**drop) if isinstance(entry, NoteResult) else None)
        tasks.append(task)
    known = {e.note.path: list(e.note.aliases) for e in entries if e and e.note}
    indexed = set(all_notes)
    extra = [rel for rel in _relpaths(vault, paths) if rel not in indexed]
    run.index = NoteIndex(all_notes + extra, _aliases(vault, all_notes + extra, known, aliases))
    for position, entry in enumerate(entries):
        if entry is not None and not _still_valid(run, entry):
            entries[position] = None
    todo = [(i, t) for i, (t, e) in enumerate(zip(tasks, entries, strict=True)) if e is None]
    result.newest = max((task.mtime for task in tasks if task is not None), default=0)
    tasks.clear()
    result.cached = len(paths) - len(todo)
    result.parsed = len(todo)
    vault.index_media()
    return result, _results(run, paths, entries, todo, progress)


def _no_results() -> Iterator[tuple[Path, NoteResult]]:
    """The stream of an input that is not there: empty, and closable like any other."""
    yield from ()


def knowledge_dirs(vault_root: Path) -> list[Path]:
    """Where users add knowledge: their config folder, and the vault's own
    `.notecards/knowledge/` (shared with the vault)."""
    return [*default_user_dirs(), vault_root / ".notecards" / "knowledge"]


def _load_knowledge(run: Run, result: BuildResult) -> None:
    """Load the user's knowledge files before any note is read; report broken ones."""
    dirs = knowledge_dirs(run.vault.root)
    problems, run.knowledge_key = use_user_knowledge(dirs)
    run.knowledge_dirs = tuple(str(d) for d in dirs)
    for text in problems:
        where, _, message = text.partition(": ")
        path, _, line = where.rpartition(":")
        number = int(line) if line.isdigit() else 1
        result.problems.append(Problem(display_path(Path(path or where)), number, message))


def _results(
    run: Run,
    paths: list[Path],
    entries: list[NoteResult | None],
    todo: list[tuple[int, Task]],
    progress: Progress | None,
) -> Iterator[tuple[Path, NoteResult]]:
    """Cache hits and fresh results merged in discovery order; each is let go once
    given, so that memory holds what workers sent and the caller did not take yet."""

    def ready() -> None:
        if progress is not None:
            progress.start(len(paths))
            hits = [e for e in entries if e is not None]
            progress.advance(len(hits), sum(e.card_count for e in hits))

    workers = parallel.worker_count(len(todo), run.options.workers)
    if workers > 1:
        _preload()
        run.cache.close()  # a forked worker opens its own connection
    fn = _process_here if workers <= 1 else _process_in_worker
    tasks = [t for _, t in todo]
    todo.clear()
    outputs = parallel.run_ordered(fn, tasks, run, workers, ready)
    del tasks
    try:
        for position, note_path in enumerate(paths):
            entry = entries[position]
            entries[position] = None
            if entry is None:
                output = next(outputs)
                entry = pickle.loads(output) if isinstance(output, bytes) else output
                if progress is not None:
                    progress.advance(1, entry.card_count)
            yield note_path, entry
    finally:
        outputs.close()


def _preload() -> None:
    """Import and build what every note needs once, so forked workers share it."""
    import notecards.extractors
    import notecards.vault.embeds
    from notecards.reader.markdown import parser
    from notecards.render.markup import highlight_code

    parser()
    for language in ("python", "http", "bash", "json", "text"):
        highlight_code("x", language)
    from notecards.exporters.apkg import _model_ids

    _model_ids()  # the note types, their CSS
    assert notecards.vault.embeds and notecards.extractors


def _inside(path: Path | str, root: Path) -> str | None:
    """`path` relative to `root` as POSIX text, None when not inside (a pure path
    comparison, like `PurePath.relative_to`; by string on POSIX, 10,000 times a run)."""
    if os.sep == "/":
        text, prefix = str(path), str(root)
        prefix = prefix if prefix.endswith("/") else prefix + "/"
        return text[len(prefix) :] if text.startswith(prefix) else None
    path = Path(path)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else None


def _relpaths(vault: Vault, paths: list[Path]) -> list[str]:
    """`vault.relpath` of each path (its real path inside the vault), by string on POSIX."""
    if os.sep != "/":
        return [vault.relpath(path) for path in paths]
    root = Path(vault.root)
    folders: dict[str, str] = {}  # realpath of each folder, asked once per folder
    found = []
    for path in paths:
        real = _inside(_realpath(str(path), folders), root)
        found.append(real if real is not None else vault.relpath(path))
    return found


def _realpath(path: str, folders: dict[str, str]) -> str:
    """`os.path.realpath`, resolving each folder once: a note that is no symlink itself
    is its real folder's entry (one lstat, not one per path component)."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    return os.path.join(folders[folder], name)


def _task(run: Run, note_path: Path, build_root: Path, aliases: dict[str, list[str]]) -> Task:
    """What to do for one note: its cache key, from its bytes, which are not kept (a
    worker reads them again, `_loaded`); its aliases go to `aliases`."""
    inside_vault = _inside(note_path, run.vault.root)  # discover resolved it
    inside_root = _inside(note_path, build_root) if inside_vault else None
    if inside_vault and inside_root:
        rel, rel_in_root = inside_vault, inside_root
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
    aliases[rel] = _front_aliases(content)
    hashed = content_hash(content)
    run.hashes[rel] = hashed
    return Task(
        str(note_path), rel, rel_in_root, None, mtime, _key(run, rel, rel_in_root, hashed, mtime)
    )


def _key(run: Run, rel: str, rel_in_root: str, hashed: str, mtime: int) -> str:
    """A note's cache key ('' when the cache is off)."""
    if not run.cache.enabled:
        return ""
    identity = note_identity(rel, None, run.shared)  # name or path: other notes decide
    return digest(run.settings_key(), rel, rel_in_root, hashed, mtime, identity)


def collect(
    paths: Sequence[Path], options: BuildOptions = BuildOptions(), progress: Progress | None = None
) -> BuildResult:
    """Every card of every path, as one result (what `cards` and `quiz` need)."""
    with one_scan_per_vault():
        results = [collect_one(Path(p), options, progress) for p in paths]
    merged = BuildResult(root=Path(paths[0]) if paths else Path("."), single_note=False)
    for result in results:
        merged.notes += result.notes
        merged.cards += result.cards
        merged.card_count += result.card_count
        merged.problems += result.problems
        merged.cached += result.cached
        merged.parsed += result.parsed
        merged.skipped += result.skipped
    return merged
