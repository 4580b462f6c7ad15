"""Obsidian link and embed resolution: names, paths, aliases, ambiguity, missing
targets and cycles."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from notecards.build.pipeline import BuildOptions, collect_one
from notecards.vault.embeds import MAX_DEPTH, fragment
from notecards.vault.links import NoteIndex

NOTES = [
    "Index.md",
    "Web/HTTP.md",
    "Web/Caching.md",
    "Web/Advanced/Proxies.md",
    "Databases/Indexes.md",
    "Same.md",
    "Web/Same.md",
    "Databases/Deep/Same.md",
]


def index() -> NoteIndex:
    return NoteIndex(NOTES, {"Web/Caching.md": ["HTTP cache", "Cache"]})


def test_bare_names_resolve_case_insensitively_and_with_md():
    idx = index()
    assert idx.resolve("Caching").path == "Web/Caching.md"
    assert idx.resolve("caching.md", "Index.md").path == "Web/Caching.md"
    assert not idx.resolve("Caching").ambiguous


def test_paths_from_the_root_relative_and_by_their_tail():
    idx = index()
    assert idx.resolve("Web/Advanced/Proxies").path == "Web/Advanced/Proxies.md"
    assert idx.resolve("Advanced/Proxies").path == "Web/Advanced/Proxies.md"
    assert idx.resolve("../Indexes", "Databases/Sub/X.md").path == "Databases/Indexes.md"
    assert idx.resolve("./Caching", "Web/HTTP.md").path == "Web/Caching.md"
    assert idx.resolve("/Index").path == "Index.md"


def test_aliases_are_a_fallback_when_no_file_has_the_name():
    idx = index()
    assert idx.resolve("HTTP cache").path == "Web/Caching.md"
    assert idx.resolve("http  CACHE").path == "Web/Caching.md"


def test_ambiguous_names_prefer_the_linking_folder_then_the_shallowest():
    idx = index()
    here = idx.resolve("Same", "Web/HTTP.md")
    assert here.path == "Web/Same.md" and here.ambiguous
    assert set(here.candidates) == {"Same.md", "Web/Same.md", "Databases/Deep/Same.md"}
    assert idx.resolve("Same", "Databases/Indexes.md").path == "Same.md"
    assert idx.resolve("Deep/Same").path == "Databases/Deep/Same.md"


def test_missing_targets_and_self_links():
    idx = index()
    assert idx.resolve("Nowhere").path is None
    assert idx.resolve("Web/Nowhere").path is None
    assert idx.resolve("", "Web/HTTP.md").path == "Web/HTTP.md"  # [[#Heading]]


BODY = """# Title

Intro.

## Headers

Cache-Control decides.

### Sub

More.

## Other

A paragraph with a block id. ^abc123
Second line.

Not this.
"""


def test_fragment_by_heading_by_block_and_whole():
    assert fragment(BODY, "") == BODY
    part = fragment(BODY, "headers")
    assert part is not None
    assert part.startswith("## Headers") and "### Sub" in part and "Other" not in part
    assert fragment(BODY, "Title#Headers") == part  # nested heading paths use the last
    block = fragment(BODY, "^abc123")
    assert block == "A paragraph with a block id.\nSecond line."
    assert fragment(BODY, "Nope") is None and fragment(BODY, "^zzz") is None


def _by_note(result):
    return {c.note: c for c in result.cards if "nc-embed" in c.fields[1]}


def test_embeds_in_answers_show_the_embedded_section():
    result = collect_one(FIXTURES / "vault", BuildOptions(cache=False))
    http = _by_note(result)["Web/HTTP.md"]
    assert "decide freshness" in http.fields[1] and "Not embedded" not in http.fields[1]
    assert "![[" not in http.fields[1] and "![[" not in http.back


def test_embed_cycles_stop_with_a_warning():
    result = collect_one(FIXTURES / "vault", BuildOptions(cache=False))
    indexes = _by_note(result)["Databases/Indexes.md"]
    assert indexes.fields[1].count("nc-embed") == 1  # Loop is shown, Indexes again is not
    messages = [p.message for p in result.problems]
    assert any("embed cycle" in m and "Databases/Loop.md" in m for m in messages)


def test_missing_and_ambiguous_embeds_are_warnings_with_lines(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "Dup.md").write_text("# Dup A\n")
    (tmp_path / "b" / "Dup.md").write_text("# Dup B\n")
    (tmp_path / "Main.md").write_text("# Main\n\nText.\n\n![[Gone]]\n\n![[Dup]]\n")
    result = collect_one(tmp_path, BuildOptions(cache=False))
    found = {(p.line, p.message.split(":")[0]) for p in result.problems}
    assert (5, "embedded note not found") in found
    assert any(p.line == 7 and "matches 2 notes" in p.message for p in result.problems)


def test_nested_embeds_stop_at_the_depth_bound(tmp_path: Path):
    chain = [f"N{i}" for i in range(MAX_DEPTH + 3)]
    for name, nxt in zip(chain, [*chain[1:], ""], strict=True):
        body = f"# {name}\n\nText of {name}.\n" + (f"\n![[{nxt}]]\n" if nxt else "")
        (tmp_path / f"{name}.md").write_text(body)
    (tmp_path / "Q.md").write_text("Question\n?\nAnswer:\n![[N0]]\n")
    result = collect_one(tmp_path, BuildOptions(cache=False))
    (card,) = [c for c in result.cards if c.note == "Q.md"]
    assert card.fields[1].count('class="nc-embed"') == MAX_DEPTH
    assert any("deeper than" in p.message for p in result.problems)
