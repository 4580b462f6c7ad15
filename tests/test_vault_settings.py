"""`.notecards.toml` (vault_settings.py, docs/settings.md) and the mining switch: every key,
front matter over the file, the command line over both, and bad keys at their line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notecards.build.pipeline import BuildOptions, collect
from notecards.vault.vault_settings import load_settings

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]

PROSE = "## Caching\n\nA _cache_ is a store that keeps copies of responses for reuse.\n"
WRITTEN = "What does a CDN do?::Serves content from servers near the user\n"


def make_vault(tmp_path: Path, notes: dict[str, str], settings: str | None = None) -> Path:
    root = tmp_path / "Vault"
    (root / ".obsidian").mkdir(parents=True, exist_ok=True)
    for rel, text in notes.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    if settings is not None:
        (root / ".notecards.toml").write_text(settings, encoding="utf-8")
    return root


def origins(root: Path, **options) -> dict[str, set[str]]:
    """note → the origin tags of its cards (explicit / mined)."""
    found: dict[str, set[str]] = {}
    for card in collect([root], BuildOptions(cache=False, **options)).cards:
        tags = [t.split("/", 1)[1] for t in card.tags if t.startswith("notecards/")]
        found.setdefault(card.note, set()).update(tags)
    return found


@pytest.mark.slow
def test_cards_say_where_they_came_from(tmp_path: Path) -> None:
    root = make_vault(tmp_path, {"n.md": WRITTEN + "\n" + PROSE})
    assert origins(root) == {"n.md": {"explicit", "mined"}}
    with_anki = json.loads(notecards("cards", root, "--json", cwd=tmp_path).stdout)
    assert {"notecards/mined", "notecards/explicit"} <= {t for c in with_anki for t in c["tags"]}


def test_no_mine_personal_folders_and_tags_and_front_matter(tmp_path: Path) -> None:
    notes = {
        "Work/a.md": WRITTEN + "\n" + PROSE,
        "Journal/b.md": WRITTEN + "\n" + PROSE,
        "c.md": "#diary\n\n" + WRITTEN + "\n" + PROSE,
        "Journal/d.md": "---\nnotecards: {mine: true}\n---\n" + PROSE,  # the note decides
        "e.md": "---\nnotecards: {mine: false}\n---\n" + WRITTEN + "\n" + PROSE,
    }
    settings = '[folders]\npersonal = ["Journal"]\n\n[tags]\npersonal = ["#diary"]\n'
    root = make_vault(tmp_path, notes, settings)
    assert origins(root) == {
        "Work/a.md": {"explicit", "mined"},
        "Journal/b.md": {"explicit"},
        "c.md": {"explicit"},
        "Journal/d.md": {"mined"},
        "e.md": {"explicit"},
    }
    assert set().union(*origins(root, mine=False).values()) == {"explicit"}  # --no-mine
    assert origins(root, mine=True)["e.md"] == {"explicit", "mined"}  # --mine beats all
    off = make_vault(tmp_path / "off", {"a.md": WRITTEN + "\n" + PROSE}, "mine = false\n")
    assert origins(off) == {"a.md": {"explicit"}}


def test_skipped_folders_and_tags_give_no_cards(tmp_path: Path) -> None:
    notes = {"Templates/t.md": WRITTEN, "p.md": "#private\n\n" + WRITTEN, "ok.md": WRITTEN}
    settings = '[folders]\nskip = ["Templates"]\n[tags]\nskip = ["private"]\n'
    assert set(origins(make_vault(tmp_path, notes, settings))) == {"ok.md"}


def test_language_deck_root_extractors_and_syntax(tmp_path: Path) -> None:
    notes = {
        "Net/a.md": WRITTEN + "\n" + PROSE + "\nSTART\nBasic\nQ?\nBack: A\nEND\n",
        "Net/ru.md": "---\nlang: ru\n---\n_Кэш_ — это хранилище, которое держит копии ответов.\n",
    }
    settings = (
        'language = "en"\ndeck_root = "Study"\n\n[extractors]\nskip = ["headings", "term"]\n\n'
        "[syntax]\nobsidian_to_anki = false\n"
    )
    cards = collect([make_vault(tmp_path, notes, settings)], BuildOptions(cache=False)).cards
    assert {c.deck for c in cards} == {"Study::Net"}
    assert {c.lang for c in cards if c.note == "Net/a.md"} == {"en"}
    assert {c.lang for c in cards if c.note == "Net/ru.md"} == {"ru"}  # front matter wins
    assert not {c.kind for c in cards} & {"heading", "term"}
    assert "obsidian_to_anki" not in {c.extractor for c in cards}
    only = make_vault(tmp_path / "o", notes, '[extractors]\nonly = ["explicit"]\n')
    assert {c.extractor for c in collect([only], BuildOptions(cache=False)).cards} == {"explicit"}


def test_min_confidence_is_read_for_the_threshold(tmp_path: Path) -> None:
    root = make_vault(tmp_path, {}, "min_confidence = 0.7\n")
    assert load_settings(root).min_confidence == 0.7


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('language = "en"\nlanguge = "ru"\n', 2, "languge: unknown key"),
        ("min_confidence = 2\n", 1, "min_confidence: expected a number from 0 to 1"),
        ('[folders]\nskip = "Archive"\n', 2, "folders.skip: expected a list of strings"),
        ("[syntax]\nobsidian_to_anki = 1\n", 2, "syntax.obsidian_to_anki: expected true or false"),
        ('[extractors]\nonly = ["explicitt"]\n', 2, "extractors.only: unknown extractor"),
        ("mine = \n", 1, "Invalid value"),
    ],
)
def test_bad_settings_are_reported_at_their_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    root = make_vault(tmp_path, {"n.md": WRITTEN}, text)
    out = notecards("build", root, "-o", tmp_path / "decks", cwd=tmp_path)
    assert out.returncode == 1  # reported; the rest is still built
    assert f".notecards.toml:{line}: {message}" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and (tmp_path / "decks" / "Vault.apkg").exists()


def notecards(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "XDG_CACHE_HOME": str(cwd / "cache")}
    return subprocess.run([*NOTECARDS, *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


@pytest.mark.slow
def test_a_skipped_kind_leaves_the_extractors_other_kinds_in_a_real_build(tmp_path: Path) -> None:
    """`explicit` makes basic and reversed cards (a reversed one is two, one each way):
    skipping one kind (front matter or the vault's settings) keeps the other, so the
    filter is by kind, not by extractor."""
    both = "Port of HTTPS::443\n\nCertificate:::a key bound to a name\n"
    notes = {
        "front.md": "---\nnotecards: {skip: [reversed]}\n---\n" + both,
        "plain.md": both,
    }
    root = make_vault(tmp_path, notes, '[extractors]\nskip = ["basic"]\n')
    result = notecards("cards", root, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    kinds = sorted({(c["note"], c["kind"]) for c in json.loads(result.stdout)})
    # front.md skips reversed itself and basic through the settings: nothing is left
    assert kinds == [("plain.md", "reversed")]
    no_settings = make_vault(tmp_path / "n", notes)
    result = notecards("cards", no_settings, "--json", cwd=tmp_path)
    kinds = sorted({(c["note"], c["kind"]) for c in json.loads(result.stdout)})
    assert kinds == [("front.md", "basic"), ("plain.md", "basic"), ("plain.md", "reversed")]
