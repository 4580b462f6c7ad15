"""The model's classes: the `__init__` that `slot_init` writes takes the parameters of
the one dataclasses writes, and the objects stay frozen, comparable and picklable."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from notecards import model
from notecards.model import Card, Paragraph, Span

_CLASSES = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls is not model.Note
]


@pytest.mark.parametrize("cls", _CLASSES, ids=lambda cls: cls.__name__)
def test_parameters_are_the_fields_with_their_defaults(cls: type) -> None:
    parameters = list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default is expected


def test_objects_are_frozen_and_compare_by_value() -> None:
    span = Span("a", target="t")
    assert (span.text, span.kind, span.target) == ("a", "text", "t")
    assert span == Span(text="a", kind="text", target="t") and hash(span) == hash(
        Span("a", "text", "t")
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.text = "b"  # type: ignore[misc]
    paragraph = Paragraph(1, 2, "a", (span,))
    assert dataclasses.replace(paragraph, line=3) == Paragraph(3, 2, "a", (span,))
    assert pickle.loads(pickle.dumps(paragraph)) == paragraph


def test_cards_pickle_through_the_constructor() -> None:
    card = Card(
        id="i", kind="k", extractor="e", note="n", line=1, front="f", back="b", deck="d",
        tags=("t",), lang="en", source="s", ord=2,
    )  # fmt: skip
    assert card.model == "basic" and card.ord == 2
    assert pickle.loads(pickle.dumps(card)) == card
    assert pickle.loads(pickle.dumps(card, protocol=0)) == card


def test_cards_are_made_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        Card("i", "k", "e", "n", 1, "f", "b", "d", ("t",), "en", "s")  # type: ignore[misc]


def test_only_plain_fields_are_accepted() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        model.slot_init(WithFactory)
