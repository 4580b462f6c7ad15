"""Language detection reads prose only, and notes without a pack get explicit cards only."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.reader.language import _NOT_PROSE, detect_language, normalize_lang, prose_of

RU = "Замыкание — это функция вместе с её лексическим окружением. Её вызывают позже."
EN = "A closure is a function bundled with its lexical environment. It is called later."
IMAGE = "![](data:image/png;base64," + base64.b64encode(bytes(range(256)) * 40).decode() + ")"


def test_a_base64_image_does_not_make_a_russian_note_english() -> None:
    assert detect_language(f"{RU}\n\n{IMAGE}\n") == "ru"


def test_code_urls_and_link_targets_are_not_prose() -> None:
    code = "```js\nconst value = document.querySelector('body').getAttribute('x');\n```\n" * 20
    text = f"{RU}\n\n{code}\nСм. [документацию](https://developer.mozilla.org/en-US/docs/Web/API)."
    assert detect_language(text) == "ru"
    assert "mozilla" not in prose_of(text) and "querySelector" not in prose_of(text)
    assert "документацию" in prose_of(text)


def test_english_prose_around_russian_code_comments_is_english() -> None:
    code = "```python\n# получить значение из кэша и вернуть его вызывающему\nx = 1\n```\n"
    assert detect_language(f"{EN}\n\n{code}") == "en"


def test_languages_without_a_pack_are_detected() -> None:
    assert detect_language("Uzávěr je funkce spolu s jejím lexikálním prostředím.") == "cs"
    assert detect_language("Eine Closure ist eine Funktion für die lexikalische Umgebung.") == "de"
    assert detect_language("Замикання — це функція разом із її лексичним оточенням.") == "uk"


def test_short_unaccented_latin_prose_is_english() -> None:
    assert detect_language("Alpha beta.") == "en"
    assert detect_language("Recursion: base case, step case") == "en"
    assert detect_language("Café::A small restaurant, naïve.") == "en"  # the detector is unsure


def test_front_matter_language_is_kept_even_without_a_pack() -> None:
    assert normalize_lang("cs") == "cs" and normalize_lang("ru-RU") == "ru"
    assert normalize_lang("Czech") == "cs" and normalize_lang("not a language") is None


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_detection_never_raises_and_gives_a_code(text: str) -> None:
    code = detect_language(text)
    assert isinstance(code, str) and 2 <= len(code) <= 3


# `_NOT_PROSE` as it reads without its first-character lookahead (the slow way)
_PLAIN_NOT_PROSE = re.compile(
    r"^(```|~~~).*?^\1[^\n]*$|\$\$.*?\$\$|`[^`\n]*`|!?\[[^\]\n]*\]\([^)\n]*\)"
    r"|\[\[(?:[^\]|\n]*\|)?|(?:https?|ftp|data):[^\s)\]>]+|<[^>\n]+>|\$[^$\n]+\$",
    re.DOTALL | re.MULTILINE,
)
_MARKUP = st.sampled_from(["```", "~~~", "$", "$$", "`", "![", "[", "](", ")", "[[", "|", "]]",
                           "http://", "ftp:", "data:", "<", ">", "\n", " ", "a", "я"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_MARKUP, st.text(max_size=5)), max_size=40).map("".join))
def test_prose_of_cuts_what_the_plain_pattern_cuts(text: str) -> None:
    assert _NOT_PROSE.sub(" ", text) == _PLAIN_NOT_PROSE.sub(" ", text)


def test_a_note_without_a_pack_gives_explicit_cards_only() -> None:
    text = (
        "# Uzávěr\n\nUzávěr je funkce spolu s jejím lexikálním prostředím. "
        "Používá se pro skrytí stavu.\n\n1. Nejprve vytvoříme funkci.\n2. Potom ji zavoláme.\n\n"
        "Uzávěr::funkce s prostředím\n"
    )
    note = note_from_text(text, name="uzaver.md")
    assert note.lang == "cs"
    cards = extract_cards(note)
    assert [c.extractor for c in cards] == ["explicit"]


@pytest.mark.slow
def test_the_run_says_once_which_notes_got_explicit_cards_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "Uzávěr je funkce spolu s jejím lexikálním prostředím.\n", "utf-8"
    )
    (tmp_path / "b.md").write_text("Rekurze potřebuje základní případ a krok.\n", "utf-8")
    (tmp_path / "c.md").write_text(
        "Zuerst schickt der Client ein SYN, danach antwortet der Server für ihn.\n", "utf-8"
    )
    (tmp_path / "d.md").write_text(f"{RU}\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "notecards", "cards", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stderr.splitlines() if "language without questions" in line]
    assert len(lines) == 1, done.stderr
    assert "3 notes" in lines[0] and "cs: 2" in lines[0] and "de: 1" in lines[0]


def test_codes_and_single_letters_are_no_language_and_load_no_detector() -> None:
    from notecards.reader import language

    language._detector.cache_clear()
    table = "| key | value |\n|---|---|\n" + "".join(f"| k{i} | v |\n" for i in range(2000))
    assert detect_language(table) == "en"
    assert language._detector.cache_info().currsize == 0  # about 110 MB not loaded


def test_a_note_of_code_only_is_in_the_language_of_its_comments() -> None:
    code = "```js\n// Напишите функцию, которая убирает повторы из массива.\nfunction f() {}\n```\n"
    assert detect_language(code) == "ru"
