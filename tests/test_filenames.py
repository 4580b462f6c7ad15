"""File names from titles: safe on Windows, macOS and Linux, and never two on one."""

from __future__ import annotations

import pytest

from notecards.build.filenames import MAX_STEM_BYTES, safe_stem, unique_names


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("HTTP: the basics?", "HTTP_ the basics_"),
        ('a/b\\c<d>e"f|g*h', "a_b_c_d_e_f_g_h"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("nul .md", "_nul .md"),
        ("COM¹", "_COM¹"),
        ("LPT9", "_LPT9"),
        ("CONOUT$", "_CONOUT$"),
        ("console", "console"),
        ("...", "deck"),
        ("", "deck"),
        ("  trailing dots... ", "trailing dots"),
        (".hidden", "hidden"),
        ("line\nbreak\ttab", "line break tab"),
        ("\u202egpj.exe", "gpj.exe"),
        ("zero\u200bwidth", "zerowidth"),
        ("bell\x07esc\x1b", "bell_esc_"),
        ("Cafe\u0301", "Café"),
    ],
)
def test_safe_stem(title: str, stem: str):
    assert safe_stem(title) == stem


@pytest.mark.parametrize("title", ["x" * 400, "Ж" * 300, "😀" * 100, "a" * 199 + "Ж"])
def test_long_titles_are_cut_on_a_character_boundary(title: str):
    stem = safe_stem(title)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert title.startswith(stem)


def test_colliding_names_are_numbered_case_and_normalization_insensitively():
    stems = ["Deck", "deck", "DECK", "Deck (2)", "Café", "Cafe\u0301"]
    assert unique_names(stems, ".apkg") == [
        "Deck.apkg",
        "deck (2).apkg",
        "DECK (3).apkg",
        "Deck (2) (2).apkg",
        "Café.apkg",
        "Cafe\u0301 (2).apkg",
    ]
