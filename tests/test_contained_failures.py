"""One note's bug never stops a vault (issue 13, part B).

A failure is injected into one note's work (an extractor, a reader step), in this
process and in forked workers (which inherit the patch), and the rest of the vault must
arrive in a real Anki collection; the note's failure is reported as an error, never
cached, and the note's earlier cards are not used in its place.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import notecards.extractors as registry
import notecards.reader as reader
from notecards.build import parallel
from notecards.build.pipeline import BuildOptions, collect
from notecards.build.run import run_build
from notecards.extractors.base import Extractor

runner = CliRunner()

NOTES = {
    "Alpha.md": (
        "_Alpha_ is a protocol for sending letters between two servers.\n\n"
        "What is alpha?::A protocol\n"
    ),
    "Beta.md": (
        "_Beta_ is a protocol for sending parcels between two servers.\n\n"
        "What is beta?::Another one\n"
    ),
    "Boom.md": "_Boom_ is a protocol that fails.\n\nWhat does boom do?::It fails\n",
    "Gamma.md": (
        "_Gamma_ is a protocol for sending rays between two servers.\n\nWhat is gamma?::The third\n"
    ),
}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _failing_definitions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The definitions extractor raises on Boom.md (saying in which process)."""
    position = next(i for i, e in enumerate(registry.EXTRACTORS) if e.name == "definitions")
    original = registry.EXTRACTORS[position]

    def run(note, ctx):
        if note.path == "Boom.md":
            raise RuntimeError(f"injected in {os.getpid()}")
        return original.run(note, ctx)

    replaced = Extractor(original.name, run, kinds=original.kinds)
    patched = list(registry.EXTRACTORS)
    patched[position] = replaced
    monkeypatch.setattr(registry, "EXTRACTORS", patched)


def _failing_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader step (front matter) raises on Boom.md."""
    original = reader.split_front_matter

    def split(text, *args, **kwargs):
        if "Boom" in text:
            raise ValueError(f"injected in {os.getpid()}")
        return original(text, *args, **kwargs)

    monkeypatch.setattr(reader, "split_front_matter", split)


def _build(vault: Path, out: Path, workers: int, *extra: str):
    args = ["build", str(vault), "-o", str(out), "-j", str(workers), *extra]
    return runner.invoke(registry_app(), args)


def registry_app():
    from notecards.cli import app

    return app


def _anki_fronts(package: Path, folder: Path) -> set[str]:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    with open_collection(folder) as col:
        import_apkg(col, package)
        notes = all_notes(col)
    return {re.sub(r"<[^>]+>", "", next(iter(n["fields"].values()))) for n in notes.values()}


LINE = re.compile(
    r"(?:^|/)Boom\.md:1: internal error in (?P<stage>[\w ]+): "
    r"(?P<type>\w+): injected in (?P<pid>\d+) "
    r"\((?P<lost>[^;]+); please report it\)$",
    re.M,
)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "forked-workers"])
def test_a_failing_extractor_costs_only_its_own_cards(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
):
    _failing_definitions(monkeypatch)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)  # workers on 1 core too
    out = tmp_path / "out"
    result = _build(vault, out, workers, "--no-cache")
    assert result.exit_code == 1, result.output
    found = LINE.search(result.stderr)
    assert found, result.stderr
    assert found["stage"] == "extractor definitions" and found["type"] == "RuntimeError"
    assert found["lost"] == "its definitions cards skipped"
    assert (int(found["pid"]) == os.getpid()) == (workers == 1)  # really in a worker
    fronts = _anki_fronts(out / "vault.apkg", tmp_path / "anki")
    assert "What does boom do?" in fronts  # the note's other cards stay
    assert not any("that fails" in front for front in fronts)  # its definitions are gone
    for name, what in (("alpha", "letters"), ("beta", "parcels"), ("gamma", "rays")):
        assert f"What is {name}?" in fronts  # every other note, whole
        assert f"What is the term for: a protocol for sending {what} between two servers?" in fronts


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "forked-workers"])
def test_a_failing_reader_step_skips_the_note_and_nothing_else(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
):
    (vault / "Boom.md").write_text("---\ntitle: Boom\n---\n" + NOTES["Boom.md"], encoding="utf-8")
    _failing_reader(monkeypatch)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)  # workers on 1 core too
    out = tmp_path / "out"
    result = _build(vault, out, workers, "--no-cache", "--json")
    assert result.exit_code == 1, result.output
    found = LINE.search(result.stderr)
    assert found, result.stderr
    assert found["stage"] == "reader" and found["type"] == "ValueError"
    assert found["lost"] == "note skipped"
    summary = json.loads(result.stdout)
    assert summary["notes"] == 3 and summary["problems"]["errors"] == 1
    (listed,) = [m for m in summary["messages"] if m["severity"] == "error"]
    assert listed["path"].endswith("Boom.md") and "internal error in reader" in listed["message"]
    fronts = _anki_fronts(out / "vault.apkg", tmp_path / "anki")
    assert not any("oom" in front for front in fronts)
    assert {"What is alpha?", "What is beta?", "What is gamma?"} <= fronts


def test_a_failure_is_not_cached_and_old_cards_are_not_used(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    options = BuildOptions(workers=1)
    before = collect([vault], options)  # cached, all good
    assert any(card.note == "Boom.md" for card in before.cards)
    (vault / "Boom.md").write_text("---\ntitle: Boom\n---\n" + NOTES["Boom.md"], encoding="utf-8")
    with monkeypatch.context() as patch:
        _failing_reader(patch)
        for _ in range(2):  # made again (and reported again) on every run
            failed = collect([vault], options)
            assert not any(card.note == "Boom.md" for card in failed.cards)
            assert [p.message[:24] for p in failed.problems] == ["internal error in reader"]
            assert failed.parsed == 1 and failed.cached == 3
    fixed = collect([vault], options)
    assert fixed.parsed == 1 and not fixed.problems
    assert any(card.note == "Boom.md" for card in fixed.cards)


def test_a_build_that_met_a_bug_is_not_replayed(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        _failing_definitions(patch)
        first = run_build([vault], out, options=BuildOptions(workers=1))
    second = run_build([vault], out, options=BuildOptions(workers=1))
    assert any("internal error" in p.message for p in first.problems)
    assert not second.problems and second.parsed == 1


def test_the_traceback_shows_under_notecards_debug(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _failing_definitions(monkeypatch)
    monkeypatch.setenv("NOTECARDS_DEBUG", "1")
    result = runner.invoke(registry_app(), ["cards", str(vault / "Boom.md")])
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: injected in" in result.stderr
    monkeypatch.delenv("NOTECARDS_DEBUG")
    quiet = runner.invoke(registry_app(), ["cards", str(vault / "Boom.md")])
    assert "Traceback" not in quiet.stderr and LINE.search(quiet.stderr)


def test_a_failing_knowledge_handler_or_renderer_is_named(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The stage in the message is where the bug is, inside the extractor that called it."""
    import notecards.knowledge.values as values
    import notecards.render.markup as markup

    def broken(*args, **kwargs):
        raise LookupError("injected")

    (vault / "Boom.md").write_text(
        "What is boom?::It fails\n\n```http\nHTTP/1.1 200 OK\n"
        "Strict-Transport-Security: max-age=63072000\n```\n",
        encoding="utf-8",
    )
    with monkeypatch.context() as patch:
        patch.setitem(values._HANDLERS, "strict-transport-security", broken)
        values._explain_header_memo.cache_clear()  # an earlier answer must not be reused
        result = collect([vault], BuildOptions(workers=1, cache=False))
    (problem,) = result.problems
    assert problem.message.startswith(
        "internal error in knowledge (extractor http_messages): LookupError: injected"
    )
    assert "What is boom?" in {card.front for card in result.cards}
    assert not any(card.extractor == "http_messages" for card in result.cards)

    with monkeypatch.context() as patch:
        patch.setattr(markup, "clean_html", broken)
        rendered = collect([vault / "Alpha.md"], BuildOptions(workers=1, cache=False))
    stages = {p.message.split(":")[0] for p in rendered.problems}
    assert stages and all(s.startswith("internal error in renderer (extractor ") for s in stages)
