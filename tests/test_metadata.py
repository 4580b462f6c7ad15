"""Front matter: YAML that is broken, hostile or of the wrong type is reported at its
line, never fatal, and the body is read all the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_helpers import messages, read_corpus, read_text
from notecards.reader.metadata import (
    MAX_NODES,
    meta_aliases,
    meta_tags,
    meta_title,
    simple_mapping,
    split_front_matter,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "fm_unclosed_quote.md",
            "fm_unclosed_quote.md:4: front matter is not valid YAML: "
            "found unexpected end of stream",
        ),
        (
            "fm_at_sign.md",
            "fm_at_sign.md:2: front matter is not valid YAML: "
            "found character '@' that cannot start any token",
        ),
        (
            "fm_object_tag.md",
            "fm_object_tag.md:3: front matter is not valid YAML: could not determine a "
            "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
        (
            "fm_billion_laughs.md",
            "fm_billion_laughs.md:6: front matter is not valid YAML: more than 32 aliases (*name)",
        ),
        ("fm_not_mapping.md", "fm_not_mapping.md:1: front matter is a list, not a mapping"),
        (
            "fm_unclosed.md",
            "fm_unclosed.md:1: front matter is not closed with '---': read as text",
        ),
        (
            "fm_bad_date.md",
            "fm_bad_date.md:1: front matter could not be read: day is out of range for month",
        ),
    ],
)
def test_rejected_front_matter_is_one_error_at_its_line_and_the_body_is_kept(name, expected):
    note, problems = read_corpus(name)
    assert messages(problems) == [expected]
    assert problems[0].severity == "error"
    assert note is not None
    assert note.title == Path(name).stem and note.meta == {}
    assert any("::" in block.source for _, block in note.blocks())


def test_object_tags_are_never_executed(tmp_path: Path):
    target = Path("/tmp/notecards-pwned")
    target.unlink(missing_ok=True)
    read_corpus("fm_object_tag.md")
    assert not target.exists()


def test_body_line_numbers_survive_a_rejected_block():
    note, _ = read_corpus("fm_unclosed_quote.md")
    assert note is not None
    heading = note.sections[0]
    assert (heading.heading, heading.line) == ("HTTP", 5)
    assert heading.blocks[0].line == 7


def test_wikilinks_in_values_are_what_they_link_to():
    note, problems = read_corpus("fm_wikilinks.md")
    assert problems == []
    assert note is not None
    assert note.title == "Transport Layer"
    assert note.tags == ("tcp", "udp")
    assert note.aliases == ("L4",)


def test_empty_tag_items_are_skipped_silently():
    note, problems = read_corpus("fm_empty_tag.md")
    assert problems == [] and note is not None and note.tags == ("real",)


def test_values_of_the_wrong_type_are_warnings_with_their_line():
    note, problems = read_corpus("fm_types.md")
    assert messages(problems) == [
        "fm_types.md:2: title is a list, not text: the file name is used",
        "fm_types.md:3: tags is a mapping, not a list: ignored",
        "fm_types.md:5: lang is a number, not a language code: detected instead",
        "fm_types.md:10: notecards: skip is a number, not a list: ignored",
    ]
    assert all(p.severity == "warning" for p in problems)
    assert note is not None and note.title == "fm_types" and note.tags == ()
    assert note.aliases == ("42",) and note.lang == "en"
    assert note.meta["created"] == dt.datetime(2024, 1, 5, 10, 0)
    assert note.meta["weight"] == float("inf")


@pytest.mark.parametrize(
    ("yaml_text", "tags"),
    [
        ("tags: web, http  api", ["web", "http", "api"]),
        ("tags: null", []),
        ("tags:", []),
        ("tags: 42", ["42"]),
        ("tags: true", []),
        ("tags: 2024-01-01", ["2024-01-01"]),
        ("tags: [a, [b, [c]], null, '#d']", ["a", "b", "c", "d"]),
        ("tags: !!set {z, a}", ["a", "z"]),
        ("tag: '#solo'", ["solo"]),
    ],
)
def test_tags_of_any_shape_are_accepted(yaml_text: str, tags: list[str]):
    front = split_front_matter(f"---\n{yaml_text}\n---\nbody\n")
    assert front.problems == []
    assert meta_tags(front.meta) == tags


def test_tag_items_that_are_not_text_are_reported():
    front = split_front_matter("---\ntitle: x\ntags:\n  - ok\n  - {a: 1}\n  - [x, {b: 2}]\n---\n")
    assert front.warnings == [(3, "tags: item 2, 4 is not text: ignored")]
    assert meta_tags(front.meta) == ["ok", "x"]


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("'  spaced\ttitle  '", "spaced title"),
        ("2024-05-01", "2024-05-01"),
        ("12", "12"),
        ("[[Linked]]", "Linked"),
        ("null", None),
        ("{a: 1}", None),
        ("yes", None),
    ],
)
def test_titles_of_any_type(value: str, title: str | None):
    front = split_front_matter(f"---\ntitle: {value}\n---\n")
    assert front.problems == []
    assert meta_title(front.meta) == title


def test_aliases_of_any_shape():
    assert meta_aliases({"aliases": "One"}) == ["One"]
    assert meta_aliases({"aliases": ["a", None, 3]}) == ["a", "3"]
    assert meta_aliases({"aliases": {"x": 1}}) == []


@pytest.mark.slow
def test_huge_integers_and_deep_nesting_are_reported():
    for raw in ("n: 1" + "0" * 5000, "n: " + "[" * 5000 + "]" * 5000):
        front = split_front_matter(f"---\n{raw}\n---\nbody\n")
        assert front.meta == {} and front.body.strip() == "body"
        ((line, message),) = front.problems
        assert line >= 1 and message.startswith("front matter ")


def test_self_referencing_alias_is_refused():
    front = split_front_matter("---\na: &a [*a]\n---\n")
    assert front.problems == [(1, f"front matter expands to more than {MAX_NODES} values: ignored")]


def test_a_few_aliases_are_fine():
    front = split_front_matter("---\nbase: &b [x, y]\ntags: *b\n---\n")
    assert front.problems == [] and meta_tags(front.meta) == ["x", "y"]


def test_oversized_front_matter_is_ignored_quickly():
    raw = "\n".join(f"k{i}: value" for i in range(20_000))
    front = split_front_matter(f"---\n{raw}\n---\nbody\n")
    assert front.meta == {} and front.body.strip() == "body"
    assert front.problems == [(1, "front matter of 262 KiB is too large (limit 64 KiB): ignored")]


def test_read_note_reports_the_yaml_error_and_still_gives_a_title():
    note, problems = read_text("---\ntags: [a\n---\n# Head\ntext\n", "dir/My Note.md")
    assert note is not None and note.title == "My Note"
    assert [p.line for p in problems] == [3]


# Blocks the simple reader takes (keys and words of letters, digits and its
# punctuation, words YAML types otherwise, lists of them), then now and then a
# character inserted anywhere that may make it decline or read something else.
_SIMPLE_KEYS = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,5}", fullmatch=True)
_KEYS = st.one_of(
    _SIMPLE_KEYS,
    _SIMPLE_KEYS,
    st.sampled_from(["title", "tags", "on", "yes", "null", "y", "No", "true", "~", "1", "ключ"]),
)
_SIMPLE_WORDS = st.from_regex(
    r"[yYnNoOtT0-9a-zЀ-џ_.-][yYnNoOeEsSlLuU019a-zЀ-џ_ .()/'-]{0,7}", fullmatch=True
)
_WORDS = st.one_of(
    _SIMPLE_WORDS,
    _SIMPLE_WORDS,
    _SIMPLE_WORDS,
    st.sampled_from(["yes", "No", "null", "~", "true", "off", "1.5", "0x1F", "2024-01-02", "1_0"]),
)
_VALUES = st.one_of(
    _WORDS,
    st.lists(_WORDS, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
    st.lists(_WORDS, max_size=4).map(lambda items: "[ " + ",".join(items) + " ]"),
)
_LINE = st.tuples(_KEYS, st.sampled_from([": ", ":  "]), _VALUES).map("".join)
_NOISE = st.one_of(st.sampled_from(" \n:#,[]{}!&*?|>%@`'\"\t\\\u2028\x85\ufeff-"), st.characters())


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    raw = "\n".join(draw(st.lists(_LINE, min_size=1, max_size=4)))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(_NOISE) + raw[at:]
    return raw


@pytest.mark.slow
@given(_front_matter())
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_simple_front_matter_is_read_as_yaml_reads_it(raw: str) -> None:
    simple = simple_mapping(raw)
    if simple is None:
        return
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        assert repr(yaml.load(raw, Loader=loader)) == repr(simple)


def test_simple_front_matter_is_taken_without_a_parser() -> None:
    raw = "\ntitle: Кэш 00717\ntags: [веб, cache, bench]\nempty: []\nwords: a  b-c. (d)/e's\n"
    assert simple_mapping(raw) == {
        "title": "Кэш 00717",
        "tags": ["веб", "cache", "bench"],
        "empty": [],
        "words": "a  b-c. (d)/e's",
    }
    for raw in ("a: yes", "a: 12", "on: x", "a: [b, ]", "a:", "a: b\n  c", "a: b # c", ""):
        assert simple_mapping(raw) is None
