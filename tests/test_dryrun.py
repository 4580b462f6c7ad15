"""Group digests: their values are compared with those older builds recorded."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, SAMPLE_VAULT
from notecards.build.dryrun import GroupInfo, card_repr, group_digests
from notecards.build.pipeline import BuildOptions, collect
from notecards.model import Card

_CARDS = [
    Card(id="a1", kind="cloze", extractor="explicit", note="Net/HTTP.md", line=3,
         front="It's \"{{c1::TCP}}\"", back="—", deck="Net::HTTP", tags=("net", "http/1.1"),
         lang="en", source="HTTP › Транспорт", model="cloze",
         fields=("<p>It&#x27;s {{c1::TCP}}</p>", ""), group="g1", ord=1, items=("a",),
         media=(("x.png", "/v/x.png"),), mtime=1700000000),
    Card(id="a0", kind="cloze", extractor="explicit", note="Net/HTTP.md", line=3,
         front="\ud800 odd", back="b", deck="Net::HTTP", tags=("net", "http/1.1"), lang="en",
         source="HTTP", model="cloze", fields=("f", "b"), group="g1", ord=0),
    Card(id="b", kind="definition", extractor="definitions", note="Net/HTTP.md", line=9,
         front="Кэш", back="хранит\nданные", deck="Net::HTTP", tags=(), lang="ru", source="HTTP"),
]  # fmt: skip


def test_digests_keep_the_values_of_earlier_builds() -> None:
    digests = {key: info.digest for key, info in group_digests(_CARDS).items()}
    assert digests == {
        "g1": "eeb535134859d37dafcbe0963d68d01e",  # since times stopped counting
        "b": "9dc3c98f61c92cada468b3c0beda47d4",
    }


def _first_defined_repr(card: Card) -> str:
    """`repr(card)` without the fields added after build records were first written
    (rule, confidence, evidence: how a card was found is no change to import)."""
    return repr(replace(card, mtime=0)).split(", rule=")[0] + ")"


def _repr_digest(cards: list[Card]) -> str:
    """The digest as defined: each card's `repr` of the fields a card had when build
    records were first written (rule, confidence, evidence are no change to import),
    with its time as 0 (content, never times: a touched note is unchanged)."""
    hasher = hashlib.blake2b(digest_size=16)
    for card in cards:
        hasher.update(_first_defined_repr(card).encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


@pytest.mark.slow
def test_digests_hash_the_cards_reprs() -> None:
    cards = [*collect([SAMPLE_VAULT, FIXTURES], BuildOptions(cache=False)).cards, *_CARDS]
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.group or card.id, []).append(card)
    digests = group_digests(cards)
    assert {key: info.digest for key, info in digests.items()} == {
        key: _repr_digest(members) for key, members in groups.items()
    }


_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
_TEXT = st.text(st.characters() | _SURROGATES, max_size=12)


_CARD = st.builds(
    Card, id=_TEXT, kind=_TEXT, extractor=_TEXT, note=_TEXT, line=st.integers(), front=_TEXT,
    back=_TEXT, deck=_TEXT, tags=st.lists(_TEXT, max_size=3).map(tuple), lang=_TEXT,
    source=_TEXT, model=st.sampled_from(["basic", "reversed", "cloze"]),
    fields=st.tuples(_TEXT, _TEXT), group=_TEXT, ord=st.integers(),
    items=st.lists(_TEXT, max_size=2).map(tuple),
    media=st.lists(st.tuples(_TEXT, _TEXT), max_size=2).map(tuple), mtime=st.integers(),
)  # fmt: skip
_FEW = st.sampled_from(["a", "b", "\ud800"])  # few values: cards that share some fields
_NOTE_CARD = st.builds(
    Card, id=_FEW, kind=_FEW, extractor=_FEW, note=_FEW, line=st.integers(0, 2), front=_FEW,
    back=_FEW, deck=_FEW, tags=st.lists(_FEW, max_size=2).map(tuple), lang=_FEW,
    source=_FEW, model=st.sampled_from(["basic", "cloze"]), fields=st.tuples(_FEW, _FEW),
)  # fmt: skip


@pytest.mark.slow
@given(_CARD)
def test_card_repr_is_repr(card: Card) -> None:
    assert card_repr(card, {}) == _first_defined_repr(card)


@pytest.mark.slow
@given(st.lists(_NOTE_CARD, max_size=8))
def test_card_repr_is_repr_with_a_memo_shared_by_cards(cards: list[Card]) -> None:
    reprs: dict[tuple, str] = {}
    assert [card_repr(card, reprs) for card in cards] == [_first_defined_repr(c) for c in cards]


def test_group_info_pickles_as_itself() -> None:
    info = GroupInfo("d", "cloze", "a.md", 3, "front", "cloze", "Deck", "en")
    again = pickle.loads(pickle.dumps(info, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == info and type(again) is GroupInfo
