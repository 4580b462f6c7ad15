"""The per-note cache: hits, misses on change, on a new version, on a changed embed;
a corrupt entry is rebuilt, and so is a damaged cache file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import FIXTURES
from notecards.build import cache as cache_module
from notecards.build.cache import NoteCache
from notecards.build.pipeline import BuildOptions, collect_one


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", target)
    return target


def _cache(tmp_path: Path) -> NoteCache:
    return NoteCache(tmp_path / "cache")


def _damage_entries(store: NoteCache, damage: bytes | str) -> int:
    """Overwrite every stored entry (`"truncate"`: cut it in half); how many there were."""
    assert store.path is not None
    store.close()
    with sqlite3.connect(store.path) as db:
        rows = db.execute("SELECT key, body FROM entries").fetchall()
        for key, body in rows:
            new = body[: len(body) // 2] if damage == "truncate" else damage
            db.execute("UPDATE entries SET body = ? WHERE key = ?", (new, key))
    return len(rows)


def test_unchanged_notes_are_served_from_the_cache(vault: Path, tmp_path: Path):
    first = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert (first.cached, first.parsed) == (0, 7)
    second = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert (second.cached, second.parsed) == (7, 0)
    assert second.cards == first.cards
    assert [n.path for n in second.notes] == [n.path for n in first.notes]
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]


def test_an_edited_note_is_read_again(vault: Path, tmp_path: Path):
    collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    note = vault / "Index.md"
    note.write_text(note.read_text() + "\nWhat is new?::This card.\n")
    again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert again.parsed == 1
    assert any(c.front == "What is new?" for c in again.cards)


def test_editing_an_embedded_note_refreshes_the_note_that_embeds_it(vault: Path, tmp_path: Path):
    collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    caching = vault / "Web" / "Caching.md"
    caching.write_text(caching.read_text().replace("decide freshness", "decide staleness"))
    again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert again.parsed == 2  # Caching.md itself and HTTP.md, which embeds its section
    http = [c for c in again.cards if c.note == "Web/HTTP.md" and "nc-embed" in c.fields[1]]
    assert "decide staleness" in http[0].fields[1]


def test_a_new_notecards_version_misses(vault: Path, tmp_path: Path, monkeypatch):
    collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    cache_module.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    try:
        again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    finally:
        cache_module.code_fingerprint.cache_clear()
    assert again.parsed == 7


def test_options_that_change_cards_are_part_of_the_key(vault: Path, tmp_path: Path):
    collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    again = collect_one(vault, BuildOptions(deck_per_note=True), cache=_cache(tmp_path))
    assert again.parsed == 7
    for card in again.cards:
        assert card.deck.split("::")[-1].replace(" ", "_") == card.tags[-2].split("/", 1)[1]


@pytest.mark.slow
@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate"])
def test_a_corrupt_entry_is_a_miss_and_is_rebuilt(vault: Path, tmp_path: Path, damage):
    store = _cache(tmp_path)
    first = collect_one(vault, BuildOptions(), cache=store)
    assert _damage_entries(store, damage) == 7
    again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert again.parsed == 7 and again.cards == first.cards
    third = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert third.cached == 7


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["garbage", "truncate", "zero"])
def test_a_damaged_cache_file_is_started_again(vault: Path, tmp_path: Path, damage):
    store = _cache(tmp_path)
    first = collect_one(vault, BuildOptions(), cache=store)
    store.close()
    assert store.path is not None
    data = store.path.read_bytes()
    if damage == "garbage":
        data = b"not a database at all" * 100
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:  # the pages after the header wiped
        data = data[:100] + bytes(len(data) - 100)
    store.path.write_bytes(data)
    again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert again.parsed == 7 and again.cards == first.cards
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    third = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert third.cached == 7


def test_a_cache_that_cannot_be_written_is_no_cache(vault: Path, tmp_path: Path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    result = collect_one(vault, BuildOptions(), cache=NoteCache(blocker))
    plain = collect_one(vault, BuildOptions(cache=False))
    assert result.parsed == 7 and result.cards == plain.cards
    assert [str(p) for p in result.problems] == [str(p) for p in plain.problems]


@pytest.mark.slow
def test_workers_fill_the_cache_in_batches(tmp_path: Path):
    vault = tmp_path / "big"
    for index in range(40):
        (vault / f"f{index % 4}").mkdir(parents=True, exist_ok=True)
        (vault / f"f{index % 4}" / f"n{index}.md").write_text(f"# N{index}\n\nQ{index}::A{index}\n")
    first = collect_one(vault, BuildOptions(workers=2), cache=_cache(tmp_path))
    assert (first.cached, first.parsed) == (0, 40)
    again = collect_one(vault, BuildOptions(workers=2), cache=_cache(tmp_path))
    assert (again.cached, again.parsed) == (40, 0)
    assert again.cards == first.cards and len(first.cards) == 40


def test_no_cache_writes_nothing(vault: Path, tmp_path: Path):
    store = NoteCache(None)
    collect_one(vault, BuildOptions(cache=False), cache=store)
    assert not store.enabled and store.get("x") is None


def test_the_default_cache_honours_xdg_cache_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert NoteCache.default().folder is not None
    assert str(NoteCache.default().folder).startswith(str(tmp_path / "xdg"))


def test_the_cache_of_an_earlier_schema_is_removed(vault: Path, tmp_path: Path):
    old = tmp_path / "cache" / "notes-v2" / "ab"
    old.mkdir(parents=True)
    (old / "ab0123").write_bytes(b"an entry of the one-file-per-note cache")
    keep = tmp_path / "cache" / "builds"
    keep.mkdir()
    collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert not (tmp_path / "cache" / "notes-v2").exists() and keep.is_dir()


def test_a_cache_pickles_without_its_connection(vault: Path, tmp_path: Path):
    """What a spawned worker (Windows, macOS) receives: the same cache, no connection."""
    import pickle

    store = _cache(tmp_path)
    collect_one(vault, BuildOptions(), cache=store)
    copy = pickle.loads(pickle.dumps(store))
    again = collect_one(vault, BuildOptions(), cache=copy)
    assert again.cached == 7
