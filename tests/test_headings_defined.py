"""Headings whose first sentence "defines" them only by shape (issue 11: headings.defined
kept 0 of 6 by a blind reader): a dash followed by a verb says something else about the
heading, a dash followed by a word or two names a source, a linked title is no
definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import cards_from
from notecards.extractors.headings import defines


def _fronts(text: str, lang: str) -> list[str]:
    """The fronts of the heading cards that reach a deck (the default threshold)."""
    return [c.front for c in cards_from("headings", text, lang=lang) if c.confidence >= 0.5]


def test_a_dash_and_a_verb_is_no_definition_ru() -> None:
    assert not defines("proto - есть у всех объектов.", "proto")
    assert not defines("prototype — хранит общие методы.", "prototype")
    assert defines("Буферы - открытые файлы, необязательно видимые", "Буферы")
    assert defines("Кэш — это временное хранилище данных", "Кэш")
    text = (
        "# Прототипы\n\n## proto\n\nproto - есть у всех объектов, кроме созданных через "
        "Object.create(null).\n\n## Буферы\n\nБуферы - открытые файлы, необязательно видимые "
        "на экране.\n"
    )
    fronts = _fronts(text, "ru")
    assert not any("proto" in f for f in fronts), fronts
    assert any("буферы" in f.lower() for f in fronts), fronts


def test_a_dash_and_a_name_is_a_source_not_a_definition_en() -> None:
    assert not defines("Package Installation – Turborepo", "Package Installation")
    assert defines("Packet switching is designed to address circuit switching", "Packet switching")
    text = (
        "# Monorepos\n\n## Package Installation\n\nPackage Installation – Turborepo docs\n\n"
        "## Remote Caching\n\nRemote Caching – a shared store of build outputs that every "
        "machine of the team reads.\n"
    )
    fronts = _fronts(text, "en")
    assert not any("Package Installation" in f for f in fronts), fronts
    assert any("Remote Caching" in f for f in fronts), fronts


@given(st.sampled_from(["Turborepo", "MDN", "Wikipedia", "Skillfactory media"]))
def test_one_or_two_words_after_a_dash_never_define(source: str) -> None:
    assert not defines(f"Event Loop – {source}", "Event Loop")
