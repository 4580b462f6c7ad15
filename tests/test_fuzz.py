"""Property tests: the reader and every extractor take any text, front matter or bytes
without an exception, and give output bounded by the input.

The default budget is small, to keep the suite fast. Maintainers run the same targets
longer (see docs/robustness.md):

    NOTECARDS_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notecards.extractors import EXTRACTORS, extract_cards
from notecards.extractors.base import ExtractContext
from notecards.reader import parse_note
from notecards.vault.media import Vault
from strategies import markdown

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

EXAMPLES = int(os.environ.get("NOTECARDS_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VAULT = Vault(Path(__file__).resolve().parent / "hostile")

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["[[Link]]", "@at", "2024-02-30", "2024-01-01 10:00", "*alias", "&a x"]),
)
yaml_values = st.recursive(yaml_scalars, lambda inner: st.lists(inner, max_size=4), max_leaves=12)
yaml_keys = st.sampled_from(["title", "tags", "tag", "aliases", "lang", "notecards", "draft", "x"])


def _yaml_line(key: str, value: object) -> str:
    if isinstance(value, list):
        return f"{key}:\n" + "".join(f"  - {item!s}\n" for item in value)
    return f"{key}: {value!s}\n"


front_matter = st.one_of(
    st.lists(st.tuples(yaml_keys, yaml_values), max_size=6).map(
        lambda pairs: "---\n" + "".join(_yaml_line(k, v) for k, v in pairs) + "---\n"
    ),
    markdown.map(lambda raw: f"---\n{raw}\n---\n"),
    st.just(""),
)


def _check(data: bytes) -> None:
    """Read and extract; every output bounded by the input."""
    note, problems = parse_note(data, "fuzz.md", VAULT.root / "fuzz.md", VAULT)
    assert all(p.line >= 1 and p.message for p in problems)
    assert len(problems) <= 20 + data.count(b"\n") * 2
    if note is None:
        return
    size = len(data) + 100
    for extractor in EXTRACTORS:  # each alone: one failing cannot hide behind another
        ctx = ExtractContext(note, VAULT, VAULT.root / "fuzz.md")
        made = extractor.run(note, ctx)
        assert len(made) <= size, extractor.name
    cards = extract_cards(note, VAULT, VAULT.root / "fuzz.md")
    assert len(cards) <= size
    for card in cards:
        assert card.line >= 1
        assert len(card.front) + len(card.back) <= 10 * size
        assert sum(map(len, card.fields)) <= 200 * size


@FUZZ
@given(front_matter, markdown)
def test_any_note_text_reads_and_extracts(front: str, body: str):
    _check((front + body).encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_read_and_extract(data: bytes):
    _check(data)


@FUZZ
@given(st.text(max_size=400))
def test_any_unicode_text_reads_and_extracts(text: str):
    _check(text.encode("utf-8", errors="surrogatepass"))
