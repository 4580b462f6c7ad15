"""The Anki note types notecards writes: Basic, Basic (and reversed), Cloze.

Their ids derive from their names (`ids.anki_object_id("model", name)`), so every build
on every machine refers to the same note types and Anki updates them in place. The CSS
is ours (notecards.css) plus the Pygments token colours for light and night mode, so
highlighted code looks right offline, on phones too.

Each template shows the note's Source field small at the bottom. On the question side
it sits inside `{{#Front}}` (`{{#Back}}` for the reverse card) so that Anki, which
generates a card only when its question shows some field, still makes exactly one card
for Basic and two for the reversed type: Source alone never makes a card.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import genanki
from pygments.formatters import HtmlFormatter

from notecards.ids import anki_object_id

BASIC = "notecards Basic"
REVERSED = "notecards Basic (and reversed)"
CLOZE = "notecards Cloze"

LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"
CODE_SELECTOR = ".nc-code"
DARK_SELECTORS = (".nightMode .nc-code", ".night_mode .nc-code")

# The note types' `mod` (seconds). Anki's importer replaces a note type it already has
# only when the incoming one is newer: bump this whenever templates or CSS change.
STYLE_VERSION = 1_796_601_600  # 2026-12-07: callout boxes, missing-image placeholders

_FONT = "Arial"
_SOURCE = '{{#Source}}<div class="nc-source">{{Source}}</div>{{/Source}}'


def _fields(*names: str) -> list[dict[str, Any]]:
    return [{"name": name, "font": _FONT} for name in names]


def _side(prompt_field: str, answer_field: str, name: str) -> dict[str, str]:
    """One Front→Back style template; the prompt side hides Source when its field is empty."""
    return {
        "name": name,
        "qfmt": (
            f'<div class="nc-card"><div class="nc-prompt">{{{{{prompt_field}}}}}</div>'
            f"{{{{#{prompt_field}}}}}{_SOURCE}{{{{/{prompt_field}}}}}</div>"
        ),
        "afmt": (
            f'<div class="nc-card"><div class="nc-prompt">{{{{{prompt_field}}}}}</div>\n'
            f'<hr id="answer">\n'
            f'<div class="nc-answer">{{{{{answer_field}}}}}</div>{_SOURCE}</div>'
        ),
    }


_CLOZE_TEMPLATE = {
    "name": "Cloze",
    "qfmt": f'<div class="nc-card"><div class="nc-prompt">{{{{cloze:Text}}}}</div>{_SOURCE}</div>',
    "afmt": (
        '<div class="nc-card"><div class="nc-prompt">{{cloze:Text}}</div>\n'
        '{{#Extra}}<hr id="answer">\n<div class="nc-extra">{{Extra}}</div>{{/Extra}}'
        f"{_SOURCE}</div>"
    ),
}

# What Anki 2.1's legacy "req" says for each template: (ord, "all"|"any", field ords).
# genanki derives it by rendering with chevron, which cannot read `{{cloze:Text}}`.
_REQ: dict[str, list[list[Any]]] = {
    BASIC: [[0, "all", [0]]],
    REVERSED: [[0, "all", [0]], [1, "all", [1]]],
    CLOZE: [[0, "all", [0]]],
}


def pygments_css() -> str:
    """Token colours for `.nc-code`, light by default and dark under night mode.

    Under night mode every token first falls back to the plain text colour, so a token
    the dark style leaves alone never keeps its light-style colour.
    """
    light = HtmlFormatter(style=LIGHT_STYLE)
    dark = HtmlFormatter(style=DARK_STYLE)
    dark_selectors = list(DARK_SELECTORS)
    reset = ", ".join(f"{s} span" for s in DARK_SELECTORS)
    lines = [
        *light.get_background_style_defs(CODE_SELECTOR),
        *light.get_token_style_defs(CODE_SELECTOR),
        f"{CODE_SELECTOR} .err {{ border: none; }}",
        f"{reset} {{ color: inherit; background: none; font-weight: inherit; "
        "font-style: inherit; }",
        *dark.get_background_style_defs(dark_selectors),
        *dark.get_token_style_defs(dark_selectors),
    ]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def model_css() -> str:
    """The CSS shared by all three note types."""
    base = resources.files("notecards.exporters").joinpath("notecards.css").read_text("utf-8")
    return f"{base.rstrip()}\n\n/* Pygments */\n{pygments_css()}"


def _model(name: str, fields: list[dict[str, Any]], templates: list[dict[str, str]], **kw: Any):
    return genanki.Model(
        anki_object_id("model", name),
        name,
        fields=fields,
        templates=templates,
        css=model_css(),
        sort_field_index=0,
        **kw,
    )


@lru_cache(maxsize=1)
def note_types() -> dict[str, genanki.Model]:
    """The three genanki Models, keyed by `Card.model` ("basic", "reversed", "cloze")."""
    return {
        "basic": _model(
            BASIC, _fields("Front", "Back", "Source"), [_side("Front", "Back", "Card 1")]
        ),
        "reversed": _model(
            REVERSED,
            _fields("Front", "Back", "Source"),
            [_side("Front", "Back", "Card 1"), _side("Back", "Front", "Card 2")],
        ),
        "cloze": _model(
            CLOZE,
            _fields("Text", "Extra", "Source"),
            [dict(_CLOZE_TEMPLATE)],
            model_type=genanki.Model.CLOZE,
        ),
    }


def model_json(model: genanki.Model, deck_id: int) -> dict[str, Any]:
    """The note type as the legacy collection's `models` JSON stores it."""
    data = model.to_json(STYLE_VERSION, deck_id)
    data["req"] = _REQ[model.name]
    return data
