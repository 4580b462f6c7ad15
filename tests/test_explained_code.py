"""Explained code: "Синтаксис:" / "Usage:" and the code after it, and a call's parameters."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.extractors.base import ExtractContext
from notecards.extractors.explained_code import extract_explained_code
from notecards.model import Card, Note

RU_NOTE = """---
title: Day.js
---
Day.js — маленькая библиотека для работы с датами.

Подключается так:

```bash
npm install dayjs
```

Синтаксис форматирования:

```js
dayjs('2024-03-01').format('DD.MM.YYYY')
```

Первый параметр — дата или строка, второй — формат, по которому разбирается строка.

Например:

```js
const x = 1 + 2;
```
"""

EN_NOTE = """# Working with JSON in Python

Usage of `json.dumps`:

```python
text = json.dumps({"a": 1}, indent=2, sort_keys=True)
```

In `json.dumps`, the first argument is the object to encode, and the second argument
is an optional file-like object only for `dump`.

Parameters:

- `indent` – pretty-print with this many spaces
- `sort_keys` – sort the keys of dicts

Syntax:

```python
this is not shown anywhere
```
"""


def _cards(note: Note) -> list[Card]:
    cards = extract_explained_code(note, ExtractContext(note))
    assert all(c.kind == "code" and c.extractor == "explained_code" for c in cards)
    return cards


def test_russian_install_syntax_and_parameters():
    cards = _cards(note_from_text(RU_NOTE))
    assert [(c.front, c.back, c.rule) for c in cards] == [
        ("Как установить Day.js?", "npm install dayjs", "explained_code.install"),
        (
            "Какой синтаксис у dayjs?",
            "dayjs('2024-03-01').format('DD.MM.YYYY')",
            "explained_code.syntax",
        ),
        (
            "Какие параметры принимает dayjs?",
            "Первый параметр — дата или строка, второй — формат, по которому разбирается строка.",
            "explained_code.params",
        ),
    ]
    # the code back is highlighted as every code back is, the prose back is not
    assert "<pre" in cards[1].fields[1] and "<pre" not in cards[2].fields[1]
    # "Например:" over `1 + 2`: the code shows no name, so no card


def test_only_the_first_parameter_is_half_an_answer():
    text = RU_NOTE.replace("второй — формат, по которому разбирается строка", "и только")
    assert "explained_code.params" not in {c.rule for c in _cards(note_from_text(text))}


def test_english_usage_parameters_and_a_list_of_parameters():
    cards = _cards(note_from_text(EN_NOTE, lang="en"))
    assert [(c.front, c.rule) for c in cards] == [
        ("How do you use json.dumps?", "explained_code.usage"),
        ("What parameters does json.dumps take?", "explained_code.params"),
        ("What parameters does json.dumps take?", "explained_code.params"),
    ]
    assert cards[1].back.startswith("In json.dumps, the first argument is the object")
    assert cards[2].back == (
        "- indent – pretty-print with this many spaces\n- sort_keys – sort the keys of dicts"
    )
    # "Syntax:" over code that shows no name of the note gives nothing


def test_the_registry_keeps_one_card_per_front():
    fronts = [c.front for c in extract_cards(note_from_text(EN_NOTE, lang="en"))
              if c.kind == "code"]  # fmt: skip
    assert fronts.count("What parameters does json.dumps take?") == 1


def test_a_long_code_block_or_a_nameless_example_gives_nothing():
    long_code = "\n".join(f"step{i}()" for i in range(30))
    text = f"# Заметка\n\nСинтаксис:\n\n```js\n{long_code}\n```\n\nНапример:\n\n```js\nx = 1\n```\n"
    assert _cards(note_from_text(text)) == []


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    leadin=st.sampled_from(["Синтаксис", "Подключается так", "Пример использования", "Например"]),
    name=_TEXT,
    code=_TEXT,
    params=_TEXT,
)
def test_any_leadin_and_code_gives_a_named_question_or_nothing(
    leadin: str, name: str, code: str, params: str
):
    name = name.replace("`", "").strip() or "x"
    code = code.replace("`", "")
    text = (
        f"# {name}\n\n{leadin} `{name}`:\n\n```js\n{code}\n```\n\n"
        f"Первый параметр — {params}, второй — {params}.\n"
    )
    for card in _cards(note_from_text(text, lang="ru")):
        assert card.front.endswith("?") and card.back.strip()
        assert "{x}" not in card.front and "этот код" not in card.front.lower()
        question_name = card.front.rstrip("?")
        assert any(ch.isalnum() for ch in question_name)
        if card.rule != "explained_code.params":
            assert card.back == code.strip()
