"""The per-note cache: hits, misses on change, on a new version, on a changed embed,
and a corrupt entry is rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from notecards import cache as cache_module
from notecards.cache import NoteCache
from notecards.pipeline import BuildOptions, collect_one


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", target)
    return target


def _cache(tmp_path: Path) -> NoteCache:
    return NoteCache(tmp_path / "cache")


def _entries(store: NoteCache) -> list[Path]:
    assert store.folder is not None
    return [p for p in store.folder.rglob("*") if p.is_file()]


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
        assert card.deck.split("::")[-1].replace(" ", "_") == card.tags[-1].split("/", 1)[1]


@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate"])
def test_a_corrupt_entry_is_a_miss_and_is_rebuilt(vault: Path, tmp_path: Path, damage):
    store = _cache(tmp_path)
    first = collect_one(vault, BuildOptions(), cache=store)
    for entry in _entries(store):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    again = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert again.parsed == 7 and again.cards == first.cards
    third = collect_one(vault, BuildOptions(), cache=_cache(tmp_path))
    assert third.cached == 7


def test_no_cache_writes_nothing(vault: Path, tmp_path: Path):
    store = NoteCache(None)
    collect_one(vault, BuildOptions(cache=False), cache=store)
    assert not store.enabled and store.get("x") is None


def test_the_default_cache_honours_xdg_cache_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert NoteCache.default().folder is not None
    assert str(NoteCache.default().folder).startswith(str(tmp_path / "xdg"))
