"""`notecards build` on a vault: packages, splits, the JSON summary, unchanged
rebuilds, dry runs and orphans, include/exclude and drafts."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, collection_rows
from notecards.build.dryrun import read_package
from notecards.cli import app

runner = CliRunner()


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault", target)
    return target


def build(*args: str | Path) -> tuple[int, dict]:
    result = runner.invoke(app, ["build", *map(str, args), "--json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def decks_of(package: Path) -> set[str]:
    with zipfile.ZipFile(package) as archive:
        data = archive.read("collection.anki2")
    db_path = package.with_suffix(".db")
    db_path.write_bytes(data)
    db = sqlite3.connect(db_path)
    try:
        (decks,) = db.execute("SELECT decks FROM col").fetchone()
    finally:
        db.close()
    return {deck["name"] for deck in json.loads(decks).values()}


@pytest.mark.slow
def test_json_summary_then_an_unchanged_rebuild(vault: Path, tmp_path: Path):
    out = tmp_path / "out"
    code, summary = build(vault, "-o", out)
    assert code == 0
    assert summary["notes"] == 6 and summary["drafts_skipped"] == 1
    assert summary["cards"] == sum(summary["by_kind"].values()) > 0
    assert summary["problems"] == {"errors": 0, "warnings": 1}  # the embed cycle
    (output,) = summary["outputs"]
    assert output["path"] == str(out / "vault.apkg") and output["status"] == "written"
    assert {"seconds", "cached", "parsed"} <= summary.keys()
    before = (out / "vault.apkg").stat().st_mtime_ns
    _, again = build(vault, "-o", out)
    assert again["outputs"][0]["status"] == "unchanged"
    assert again["outputs"][0]["written"] is False
    assert again["cards"] == summary["cards"]
    assert (out / "vault.apkg").stat().st_mtime_ns == before
    (vault / "Web" / "Advanced" / "Proxies.md").write_text("# Proxies\n\nNew?::Yes.\n")
    _, third = build(vault, "-o", out)
    assert third["outputs"][0]["status"] == "written" and third["parsed"] == 1


@pytest.mark.slow
def test_the_deck_tree_follows_the_folders(vault: Path, tmp_path: Path):
    build(vault, "-o", tmp_path / "out")
    decks = decks_of(tmp_path / "out" / "vault.apkg")
    assert {"vault", "vault::Web", "vault::Web::Advanced", "vault::Databases"} <= decks
    build(vault, "-o", tmp_path / "per-note", "--deck-per-note")
    assert "vault::Web::HTTP basics" in decks_of(tmp_path / "per-note" / "vault.apkg")


@pytest.mark.slow
def test_split_by_folder_and_by_note(vault: Path, tmp_path: Path):
    _, by_folder = build(vault, "-o", tmp_path / "f", "--split", "folder")
    names = sorted(Path(o["path"]).name for o in by_folder["outputs"])
    assert names == ["Databases.apkg", "Web.apkg", "vault.apkg"]
    assert sum(o["cards"] for o in by_folder["outputs"]) == by_folder["cards"]
    _, by_note = build(vault, "-o", tmp_path / "n", "--split", "note")
    names = sorted(Path(o["path"]).name for o in by_note["outputs"])
    assert names == [
        "Caching.apkg", "HTTP basics.apkg", "Index.apkg", "Indexes.apkg", "Loop.apkg",
        "Proxies.apkg",
    ]  # fmt: skip
    assert all(Path(o["path"]).is_file() for o in by_note["outputs"] if o["cards"])


@pytest.mark.slow
def test_dry_run_lists_new_changed_and_gone_and_writes_nothing(vault: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(vault, "-o", out)
    package = out / "vault.apkg"
    before = package.read_bytes()
    (vault / "Index.md").write_text("# Index\n\nWhat is this vault for?::Testing it all.\n")
    (vault / "Web" / "Advanced" / "Proxies.md").unlink()
    (vault / "New.md").write_text("Brand new?::Yes.\n")
    _, summary = build(vault, "-o", out, "--dry-run")
    diff = summary["outputs"][0]["diff"]
    assert [c["front"] for c in diff["new"]] == ["Brand new?"]
    assert [c["front"] for c in diff["changed"]] == ["What is this vault for?"]
    assert [c["note"] for c in diff["gone"]] == ["Web/Advanced/Proxies.md"]
    assert summary["dry_run"] is True and summary["outputs"][0]["status"] == "would write"
    assert package.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["vault.apkg"]
    text = runner.invoke(app, ["build", str(vault), "-o", str(out), "--dry-run"])
    assert "1 gone note stays in your Anki" in text.stdout and "--orphans-tag" in text.stdout


@pytest.mark.slow
def test_orphans_tag_sends_gone_notes_once_more_tagged(vault: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(vault, "-o", out)
    previous = read_package(out / "vault.apkg")
    (vault / "Web" / "Advanced" / "Proxies.md").unlink()
    _, summary = build(vault, "-o", out, "--orphans-tag", "notecards-gone")
    assert summary["outputs"][0]["orphans_tagged"] == 1
    now = read_package(out / "vault.apkg")
    tagged = [n for n in now.values() if "notecards-gone" in n.tags]
    assert len(tagged) == 1 and "reverse proxy" in tagged[0].fields[0]
    assert tagged[0].guid in previous and tagged[0].mod > previous[tagged[0].guid].mod


@pytest.mark.slow
def test_include_exclude_and_drafts(vault: Path):
    def notes(*args: str) -> set[str]:
        result = runner.invoke(app, ["cards", str(vault), "--json", *args])
        return {card["note"] for card in json.loads(result.stdout)}

    assert notes("--include-drafts") >= {"Drafts/Idea.md"}
    assert "Drafts/Idea.md" not in notes()
    _, summary = build(vault, "-o", vault.parent / "o", "--include", "Web/", "--exclude", "Adv*/")
    assert summary["notes"] == 2


@pytest.mark.slow
def test_wrong_usage_exits_2(vault: Path):
    assert runner.invoke(app, ["build", str(vault), "--split", "deck"]).exit_code == 2
    assert runner.invoke(app, ["build", str(vault), "--jobs", "0"]).exit_code == 2


@pytest.mark.slow
def test_quiet_prints_nothing_but_problems(vault: Path, tmp_path: Path):
    result = runner.invoke(app, ["build", str(vault), "-o", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.slow
def test_a_streamed_build_writes_what_write_apkg_writes(vault: Path, tmp_path: Path):
    """The build hands each note's Anki notes to the package as they come: a whole
    vault's package holds the rows of writing all the cards at once (its collection is
    written as the notes come, in pages of its own), a split build's the very bytes."""
    from notecards.build.pipeline import BuildOptions, collect_one
    from notecards.exporters.apkg import write_apkg

    out = tmp_path / "out"
    build(vault, "-o", out, "--jobs", "2")
    cards = collect_one(vault, BuildOptions(cache=False)).cards
    write_apkg(cards, tmp_path / "whole.apkg", vault=vault.name)
    assert collection_rows(out / "vault.apkg") == collection_rows(tmp_path / "whole.apkg")
    build(vault, "-o", tmp_path / "f", "--split", "folder")
    web = [c for c in cards if c.note.startswith("Web/")]
    write_apkg(web, tmp_path / "web.apkg", vault=vault.name)
    assert (tmp_path / "f" / "Web.apkg").read_bytes() == (tmp_path / "web.apkg").read_bytes()


@pytest.mark.slow
def test_an_apkg_build_never_unpickles_cards(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """190,000 Card objects would cost 400 MB: a build keeps digests and counts, and
    writes each note's Anki notes (made in the worker, kept in the cache)."""
    from notecards.build import pipeline

    build(vault, "-o", tmp_path / "first")  # fills the note cache
    (vault / "Index.md").write_text("# Index\n\nChanged?::Yes.\n")

    def refuse(self: object) -> None:
        raise AssertionError("cards unpickled")

    monkeypatch.setattr(pipeline.NoteResult, "cards", property(refuse))
    _, summary = build(vault, "-o", tmp_path / "out")
    assert summary["outputs"][0]["status"] == "written" and summary["parsed"] == 1
    _, dry = build(vault, "-o", tmp_path / "out", "--dry-run")
    diff = dry["outputs"][0]["diff"]
    assert (diff["new"], diff["changed"], diff["gone"]) == ([], [], []) and diff["unchanged"]


@pytest.mark.slow
def test_kinds_are_summed_over_every_input(tmp_path):
    import json
    import subprocess
    import sys

    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "n.md").write_text("Question::Answer\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "notecards", "build", str(tmp_path / "a"), str(tmp_path / "b"),
         "-o", str(tmp_path / "out"), "--json", "--no-cache"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = json.loads(result.stdout)
    assert summary["cards"] == 2 and summary["by_kind"] == {"basic": 2}


@pytest.mark.slow
def test_the_ids_count_from_the_newest_note_even_one_without_cards(vault: Path, tmp_path: Path):
    """A whole vault's package fixes its ids before its first note: they count from the
    newest mtime of the notes read, whether or not that note gives cards."""
    newest = vault / "Nothing to ask.md"
    newest.write_text("# Just a heading line\n")
    os.utime(newest, (2_000_000_000, 2_000_000_000))
    build(vault, "-o", tmp_path / "out")
    rows = collection_rows(tmp_path / "out" / "vault.apkg")
    ids = sorted(row[0] for row in rows["notes"])
    assert ids[0] == 2_000_000_000_000 and len(ids) == len(set(ids)) > 3
    assert not any("Nothing_to_ask" in row[5] for row in rows["notes"])  # no card of it


def test_a_missing_input_is_reported_without_walking_around_it(tmp_path: Path, monkeypatch):
    """Its "vault" would be the nearest existing folder (`/` for `/nope`): never walked."""
    import notecards.build.run as build_module

    def walk(*args: object, **kwargs: object):
        raise AssertionError(f"walked {args[0]}")

    monkeypatch.setattr(build_module.os, "walk", walk)
    args = ["build", str(tmp_path / "nope" / "x.md"), "-o", str(tmp_path / "out"), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert not (tmp_path / "out").exists()
