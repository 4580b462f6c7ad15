"""The pipeline on a vault: decks, tags, drafts, and parallel runs equal serial ones."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE_VAULT
from notecards.build import parallel
from notecards.build.dryrun import group_digests
from notecards.build.pipeline import BuildOptions, collect, collect_one, note_tag, stream_one
from notecards.exporters.apkg import prepare

VAULT = FIXTURES / "vault"


def test_decks_follow_folders_and_cards_carry_their_note():
    result = collect_one(VAULT, BuildOptions(cache=False))
    decks = {c.note: c.deck for c in result.cards}
    assert decks["Index.md"] == "vault"
    assert decks["Web/Advanced/Proxies.md"] == "vault::Web::Advanced"
    http = [c for c in result.cards if c.note == "Web/HTTP.md"]
    assert all("note/HTTP_basics" in c.tags and "web" in c.tags for c in http)
    assert all(c.source.startswith("HTTP basics") for c in http)


def test_deck_per_note_adds_the_title():
    result = collect_one(VAULT, BuildOptions(cache=False, deck_per_note=True))
    decks = {c.note: c.deck for c in result.cards}
    assert decks["Web/HTTP.md"] == "vault::Web::HTTP basics"


def test_drafts_are_skipped_unless_asked():
    result = collect_one(VAULT, BuildOptions(cache=False))
    assert "Drafts/Idea.md" not in {n.path for n in result.notes}
    assert result.skipped == 1
    drafts = collect_one(VAULT, BuildOptions(cache=False, include_drafts=True))
    assert any(c.note == "Drafts/Idea.md" for c in drafts.cards)


def test_a_single_note_keeps_its_title_deck_and_no_note_tag():
    result = collect_one(VAULT / "Web" / "HTTP.md", BuildOptions(cache=False))
    assert {c.deck for c in result.cards} == {"HTTP basics"}
    assert not any(t.startswith("note/") for c in result.cards for t in c.tags)


def test_note_tag_is_one_anki_tag():
    assert note_tag("Основы HTTP / TLS") == "note/Основы_HTTP_-_TLS"
    assert note_tag("a::b #c") == "note/a:b_c"


@pytest.mark.slow
def test_parallel_workers_give_the_same_result_in_the_same_order(tmp_path: Path):
    vault = tmp_path / "v"
    shutil.copytree(SAMPLE_VAULT, vault / "sample")
    shutil.copytree(VAULT, vault / "fixture")
    serial = collect_one(vault, BuildOptions(cache=False, workers=1))
    parallel = collect_one(vault, BuildOptions(cache=False, workers=2))
    assert parallel.cards == serial.cards and len(serial.cards) > 20
    assert parallel.notes == serial.notes
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]


def test_collect_merges_paths_and_reports_missing_ones(tmp_path: Path):
    result = collect([VAULT / "Index.md", tmp_path / "nope"], BuildOptions(cache=False))
    assert [c.front for c in result.cards] == ["What is this vault for?"]
    assert result.has_errors


@pytest.mark.slow
def test_a_stream_gives_what_collect_gives_in_order(tmp_path: Path):
    vault = tmp_path / "v"
    shutil.copytree(VAULT, vault)
    whole = collect_one(vault, BuildOptions(cache=False))
    result, entries = stream_one(vault, BuildOptions(cache=False, workers=2))
    cards = []
    for note_path, entry in entries:
        if result.take(note_path, entry):
            cards += entry.cards
            assert entry.card_count == len(entry.cards)
            assert dict(entry.groups) == group_digests(entry.cards)
    assert cards == whole.cards
    assert (result.notes, result.card_count, result.skipped) == (
        whole.notes, len(whole.cards), whole.skipped,
    )  # fmt: skip
    assert [str(p) for p in result.problems] == [str(p) for p in whole.problems]


@pytest.mark.slow
def test_each_result_carries_its_anki_notes_made_in_the_worker(tmp_path: Path):
    vault = tmp_path / "v"
    shutil.copytree(VAULT, vault)
    for remote in (False, True):
        options = BuildOptions(cache=False, workers=2, allow_remote=remote)
        by_note: dict[str, list] = {}
        for card in collect_one(vault, options).cards:
            by_note.setdefault(card.note, []).append(card)
        result, entries = stream_one(vault, options, cards=False)
        seen = 0
        for note_path, entry in entries:
            if result.take(note_path, entry) and entry.card_count:
                assert entry.note is not None
                expected = prepare(by_note[entry.note.path], allow_remote=remote, vault=vault.name)
                assert entry.anki(remote) == expected
                seen += 1
        assert seen == len(by_note) > 3


@pytest.mark.slow
def test_a_stream_left_unread_stops_its_workers(tmp_path: Path):
    vault = tmp_path / "v"
    shutil.copytree(VAULT, vault)
    result, entries = stream_one(vault, BuildOptions(cache=False, workers=2))
    first = next(entries)
    entries.close()  # what a build does when writing fails half way
    assert first[0].name and result.parsed == 7


def test_relative_paths_by_string_match_the_vaults(tmp_path: Path):
    from notecards.build.pipeline import _relpaths
    from notecards.vault.media import Vault

    vault = tmp_path / "v"
    (vault / "a" / "b").mkdir(parents=True)
    (vault / "a" / "b" / "note.md").write_text("x")
    (tmp_path / "outside.md").write_text("y")
    (vault / "link.md").symlink_to(vault / "a" / "b" / "note.md")
    (vault / "away.md").symlink_to(tmp_path / "outside.md")
    (vault / "a" / "up").symlink_to(vault)
    paths = [vault / "a" / "b" / "note.md", vault / "link.md", vault / "away.md",
             vault / "a" / "up" / "a" / "b" / "note.md", tmp_path / "outside.md"]  # fmt: skip
    found = Vault(vault.resolve())
    assert _relpaths(found, paths) == [found.relpath(p) for p in paths]
    assert _relpaths(found, paths)[:2] == ["a/b/note.md", "a/b/note.md"]


@pytest.mark.slow
def test_a_parallel_build_leaves_no_worker_behind(tmp_path: Path, monkeypatch):
    """The stream shuts its pool down when it is read to the end: a build in a long-lived
    process (watch, the quiz, tests) must not keep idle workers and their memory."""
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)  # two workers on one core too
    for index in range(20):
        (tmp_path / f"n{index}.md").write_text(f"# N{index}\n\nQ{index}::A{index}\n")
    before = {child.pid for child in multiprocessing.active_children()}
    result = collect_one(tmp_path, BuildOptions(cache=False, workers=2))
    assert len(result.cards) == 20
    left = [c.pid for c in multiprocessing.active_children() if c.pid not in before]
    assert left == []
