"""The three note types: fixed ids, fields, templates, card generation rules and CSS."""

from __future__ import annotations

import re

import genanki
import pytest

from notecards.exporters.note_types import (
    BASIC,
    CLOZE,
    REVERSED,
    STYLE_VERSION,
    model_css,
    model_json,
    note_types,
    pygments_css,
)
from notecards.ids import anki_object_id


def test_ids_derive_from_names() -> None:
    models = note_types()
    assert {m.name: m.model_id for m in models.values()} == {
        name: anki_object_id("model", name) for name in (BASIC, REVERSED, CLOZE)
    }


def test_fields_and_templates() -> None:
    models = note_types()
    assert [f["name"] for f in models["basic"].fields] == ["Front", "Back", "Source"]
    assert [f["name"] for f in models["reversed"].fields] == ["Front", "Back", "Source"]
    assert [f["name"] for f in models["cloze"].fields] == ["Text", "Extra", "Source"]
    assert len(models["basic"].templates) == 1
    assert len(models["reversed"].templates) == 2
    assert models["cloze"].model_type == genanki.Model.CLOZE
    assert "{{cloze:Text}}" in models["cloze"].templates[0]["qfmt"]
    assert "{{cloze:Text}}" in models["cloze"].templates[0]["afmt"]


def test_reverse_template_asks_the_back() -> None:
    card2 = note_types()["reversed"].templates[1]
    assert card2["qfmt"].index("{{Back}}") < card2["qfmt"].index("{{#Back}}")
    assert "{{Front}}" not in card2["qfmt"]
    assert "{{Front}}" in card2["afmt"]


@pytest.mark.parametrize("kind", ["basic", "reversed", "cloze"])
def test_source_shows_on_both_sides(kind: str) -> None:
    for template in note_types()[kind].templates:
        assert '<div class="nc-source">{{Source}}</div>' in template["qfmt"]
        assert '<div class="nc-source">{{Source}}</div>' in template["afmt"]


@pytest.mark.parametrize(
    ("kind", "fields", "cards"),
    [
        ("basic", ["Q", "A", "src"], [0]),
        ("basic", ["", "A", "src"], []),  # the Source alone never makes a card
        ("reversed", ["Q", "A", "src"], [0, 1]),
        ("reversed", ["Q", "", "src"], [0]),
    ],
)
def test_card_generation(kind: str, fields: list[str], cards: list[int]) -> None:
    note = genanki.Note(model=note_types()[kind], fields=fields)
    assert [card.ord for card in note.cards] == cards


def test_model_json_for_the_collection() -> None:
    models = note_types()
    data = model_json(models["cloze"], 1)
    assert data["req"] == [[0, "all", [0]]]
    assert data["type"] == 1
    assert data["mod"] == STYLE_VERSION
    assert data["sortf"] == 0
    assert model_json(models["reversed"], 1)["req"] == [[0, "all", [0]], [1, "all", [1]]]
    assert all(m.css == model_css() for m in models.values())


def test_css_has_code_highlighting_light_and_dark() -> None:
    css = model_css()
    assert re.search(r"^\.nc-code \.k \{", css, re.MULTILINE)  # keyword, light
    assert ".nightMode .nc-code .k, .night_mode .nc-code .k {" in css
    assert ".nc-code { background" in css


def test_css_covers_what_cards_show() -> None:
    css = model_css()
    for selector in (".cloze", ".nc-source", "blockquote", "table", "img", "code", "kbd"):
        assert selector in css
    assert "max-width: 100%" in css
    assert ".card.nightMode" in css and ".card.night_mode" in css
    assert "@media (max-width" in css


def test_css_is_self_contained_and_scoped() -> None:
    css = model_css()
    assert "http" not in css and "@import" not in css  # works offline, on phones
    # Pygments' unscoped rules (pre, linenos) would leak into every card.
    for line in pygments_css().splitlines():
        assert line.startswith((".nc-code", ".nightMode .nc-code")), line


def test_note_types_are_built_once() -> None:
    assert note_types() is note_types()
