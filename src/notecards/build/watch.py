"""`notecards watch`: rebuild when notes change, once per burst of changes.

Editors save in bursts (a temporary file, a rename, a metadata write), and Obsidian
writes `.obsidian/workspace.json` whenever a pane moves. So changes are filtered
(notes, media, `.notecardsignore` and the knowledge files in the vault's
`.notecards/knowledge/` or the user's config folder count; other hidden folders, the
output folder and editor temporaries do not) and debounced: watchfiles groups what
arrives within the debounce window into one batch, and a batch of only ignored changes
rebuilds nothing.
The rebuild itself is the build's normal run, so the note cache makes it cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from notecards.media_refs import MEDIA_SUFFIXES
from notecards.vault.discover import IGNORE_FILE
from notecards.vault.scan import NOTE_SUFFIXES

Change = tuple[object, str]  # (watchfiles.Change, path)


def relevant(
    path: str, roots: Iterable[Path], out: Path | None, knowledge: Iterable[Path] = ()
) -> bool:
    """True when a change to `path` can change what a build writes; `knowledge` are
    the folders of knowledge files (`knowledge_folders`)."""
    target = Path(path)
    try:
        resolved = target.resolve()
    except OSError:
        resolved = target
    if target.suffix.lower() == ".json" and any(
        resolved.parent == _resolved(folder) for folder in knowledge
    ):
        return True
    if out is not None and resolved.is_relative_to(out.resolve()):
        return False
    for root in roots:
        base = root.resolve() if root.is_dir() else root.resolve().parent
        if resolved.is_relative_to(base):
            inner = resolved.relative_to(base).parts
            if any(part.startswith(".") for part in inner[:-1]):
                return False
            break
    name = target.name
    if name == IGNORE_FILE:
        return True
    if name.startswith(".") or name.endswith("~"):
        return False
    suffix = target.suffix.lower()
    return suffix in NOTE_SUFFIXES or suffix in MEDIA_SUFFIXES


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def knowledge_folders(roots: Iterable[Path]) -> list[Path]:
    """The knowledge folders the builds of `roots` read (see `pipeline.knowledge_dirs`)."""
    from notecards.build.pipeline import knowledge_dirs
    from notecards.vault.media import find_vault_root

    found: list[Path] = []
    for root in roots:
        for folder in knowledge_dirs(find_vault_root(root)):
            if folder not in found:
                found.append(folder)
    return found


def batches(
    changes: Iterable[set[Change]],
    roots: list[Path],
    out: Path | None,
    knowledge: Iterable[Path] = (),
) -> Iterator[list[str]]:
    """The relevant paths of each batch, skipping batches with none."""
    knowledge = list(knowledge)
    for batch in changes:
        paths = sorted({path for _, path in batch if relevant(path, roots, out, knowledge)})
        if paths:
            yield paths


def watch(
    roots: list[Path],
    rebuild: Callable[[list[str]], None],
    *,
    out: Path | None = None,
    debounce_ms: int = 400,
    changes: Iterable[set[Change]] | None = None,
    stop_event=None,
) -> int:
    """Call `rebuild(changed paths)` after each burst; returns how many rebuilds ran.

    `changes` replaces the file watcher (tests feed batches directly). The knowledge
    folders are watched too when they exist (the user's may be outside every vault)."""
    knowledge = knowledge_folders(roots)
    if changes is None:
        import watchfiles

        watched = [str(r if r.is_dir() else r.parent) for r in roots]
        watched += [str(folder) for folder in knowledge if folder.is_dir()]
        changes = watchfiles.watch(*watched, debounce=debounce_ms, step=50, stop_event=stop_event)
    count = 0
    for paths in batches(changes, roots, out, knowledge):
        rebuild(paths)
        count += 1
    return count
