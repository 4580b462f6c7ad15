"""The Source field links back to the note in Obsidian and names its title once:
built by the real `notecards build`, imported into a real collection with the
official anki package, and the GUIDs stay what they were without the link."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anki_helpers import all_notes, import_apkg, open_collection
from notecards.exporters.source_link import obsidian_uri, without_repeated_title

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]


def build(vault: Path, out: Path) -> Path:
    done = subprocess.run(
        [*NOTECARDS, "build", str(vault), "-o", str(out), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (package,) = out.glob("*.apkg")
    return package


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "My Vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / "Web & Net").mkdir()
    (root / "Web & Net" / "Caching.md").write_text(
        "# Caching\n\n## Freshness\n\nWhat does max-age count?::Seconds of freshness\n",
        encoding="utf-8",
    )
    (root / "Ports.md").write_text(
        "---\ntitle: Ports\n---\n# Well-known ports\n\nPort of SSH?::22\n", encoding="utf-8"
    )
    return root


@pytest.mark.slow
def test_source_links_to_the_note_and_names_the_title_once(vault: Path, tmp_path: Path) -> None:
    pytest.importorskip("anki")
    package = build(vault, tmp_path / "out")
    with open_collection(tmp_path / "col") as col:
        import_apkg(col, package)
        sources = {
            note["fields"]["Front"]: note["fields"]["Source"] for note in all_notes(col).values()
        }
    caching = sources["What does max-age count?"]
    assert caching == (
        '<a class="nc-source-link" '
        'href="obsidian://open?vault=My%20Vault&amp;file=Web%20%26%20Net%2FCaching">'
        "Caching › Freshness</a>"
    )
    ports = sources["Port of SSH?"]  # a first heading unlike the title stays
    assert re.fullmatch(r'<a [^>]*file=Ports">Ports › Well-known ports</a>', ports), ports


def test_the_link_does_not_change_card_identity(vault: Path, tmp_path: Path) -> None:
    """The same cards written with and without a vault name: the same GUIDs."""
    pytest.importorskip("anki")
    from notecards.build.pipeline import collect
    from notecards.exporters.apkg import write_apkg

    cards = list(collect([vault]).cards)
    guids = []
    for name in ("", "My Vault"):
        package = write_apkg(cards, tmp_path / f"v{len(name)}.apkg", vault=name).path
        with open_collection(tmp_path / f"col{len(name)}") as col:
            import_apkg(col, package)
            guids.append(set(all_notes(col)))
    assert guids[0] == guids[1] and len(guids[0]) == 2


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=40))
def test_the_uri_encodes_everything_obsidian_decodes(vault: str, path: str) -> None:
    from urllib.parse import parse_qs, urlsplit

    uri = obsidian_uri(vault, path + ".md")
    query = parse_qs(urlsplit(uri).query, keep_blank_values=True, strict_parsing=False)
    assert query["vault"] == [vault]
    assert query["file"] == [path]


def test_a_heading_that_repeats_the_title_is_dropped_once() -> None:
    assert without_repeated_title("HTTP › http › Caching") == "HTTP › Caching"
    assert without_repeated_title("HTTP › Caching › Caching") == "HTTP › Caching › Caching"
    assert without_repeated_title("HTTP") == "HTTP"
