"""The pipeline on a vault: decks, tags, drafts, and parallel runs equal serial ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, SAMPLE_VAULT
from notecards.pipeline import BuildOptions, collect, collect_one, note_tag

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
