"""Front matter: split it off with python-frontmatter's YAML handler, load it safely,
and turn whatever people actually write into typed metadata.

A block that YAML rejects is reported with its file line, and the note is still read
as a body titled after its file name: a typo in `tags:` must not cost the whole note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

_HANDLER = YAMLHandler()


@dataclass(frozen=True, slots=True)
class FrontMatter:
    meta: dict[str, Any]
    body: str
    body_offset: int  # file lines before the body's first line
    problems: list[tuple[int, str]] = field(default_factory=list)


def split_front_matter(text: str) -> FrontMatter:
    """Separate YAML front matter from the body; never raises."""
    if not _HANDLER.detect(text):
        return FrontMatter({}, text, 0)
    try:
        raw, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter({}, text, 0, [(1, "front matter is not closed with '---': read as text")])
    offset = text[: len(text) - len(body)].count("\n")
    try:
        loaded = _HANDLER.load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return FrontMatter({}, body, offset, [(line, f"front matter is not valid YAML: {problem}")])
    except (ValueError, TypeError, RecursionError) as error:  # e.g. absurd dates
        return FrontMatter({}, body, offset, [(2, f"front matter could not be read: {error}")])
    if loaded is None:
        return FrontMatter({}, body, offset)
    if not isinstance(loaded, dict):
        kind = type(loaded).__name__
        return FrontMatter({}, body, offset, [(2, f"front matter is a {kind}, not a mapping")])
    return FrontMatter({str(k): v for k, v in loaded.items()}, body, offset)


def _strings(value: Any) -> list[str]:
    """A YAML value that should be a list of strings: accept a string, a list, numbers."""
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return [p for p in parts if p]
    if isinstance(value, (list, tuple, set)):
        out: list[str] = []
        for item in value:
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                text = str(item).strip()
                if text:
                    out.append(text)
        return out
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    return []


def clean_tag(tag: str) -> str:
    """`#a/b` and `a/b` are the same tag; surrounding spaces and `#` go."""
    return tag.strip().lstrip("#").strip()


def meta_tags(meta: dict[str, Any]) -> list[str]:
    tags = _strings(meta.get("tags", meta.get("tag")))
    return [t for t in (clean_tag(t) for t in tags) if t]


def meta_aliases(meta: dict[str, Any]) -> list[str]:
    value = meta.get("aliases", meta.get("alias"))
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    return _strings(value) if isinstance(value, list) else []


def meta_title(meta: dict[str, Any]) -> str | None:
    value = meta.get("title")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


def meta_flag(meta: dict[str, Any], key: str) -> bool:
    value = meta.get(key)
    if isinstance(value, str):
        return value.strip().lower() in {"true", "yes", "on", "1"}
    return value is True


def meta_skipped_kinds(meta: dict[str, Any]) -> tuple[bool, frozenset[str]]:
    """`notecards: false` turns a note off; `notecards: {skip: [kind, ...]}` turns
    extractors off for it. Returns (enabled, kinds to skip)."""
    config = meta.get("notecards")
    if config is False or (isinstance(config, str) and config.lower() in {"false", "off", "no"}):
        return False, frozenset()
    if isinstance(config, dict):
        if config.get("enabled") is False:
            return False, frozenset()
        return True, frozenset(s.lower() for s in _strings(config.get("skip")))
    return True, frozenset()
