"""Front matter: split it off with python-frontmatter's YAML handler, load it safely,
and turn whatever people actually write into typed metadata.

A block that YAML rejects is reported with its file line, and the note is still read
as a body titled after its file name: a typo in `tags:` must not cost the whole note.

Loading is safe in three ways: YAML's SafeLoader (no object tags, no code), a size cap
on the block (`MAX_FRONT_MATTER_CHARS`), and a cap on aliases and on the size of the
value once aliases are expanded (`MAX_ALIASES`, `MAX_NODES`), so a "billion laughs"
block is refused instead of expanding to gigabytes wherever the metadata is walked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

_HANDLER = YAMLHandler()

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_ALIASES = 32
MAX_NODES = 10_000

Located = tuple[int, str]  # (file line, message)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    meta: dict[str, Any]
    body: str
    body_offset: int  # file lines before the body's first line
    problems: list[Located] = field(default_factory=list)  # errors: the block was refused
    warnings: list[Located] = field(default_factory=list)  # values of the wrong type


class _TooBig(yaml.YAMLError):
    """The block expands (through aliases) to more than MAX_NODES values."""


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses more than MAX_ALIASES aliases (`*name`)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.alias_count = getattr(self, "alias_count", 0) + 1
            if self.alias_count > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.MarkedYAMLError(
                    problem=f"more than {MAX_ALIASES} aliases (*name)",
                    problem_mark=event.start_mark,
                )
        return super().compose_node(parent, index)


# libyaml (PyYAML's C parser) reads plain front matter about ten times faster; the
# constructor and resolver are the same Python code, so the values are the same. It is
# used only for blocks without aliases (its composer cannot count them) and without the
# characters where the two parsers were seen to disagree (tags, block scalars, `?` keys,
# directives, tabs, BOM and Unicode line breaks), and only for values nested at most
# _FAST_MAX_DEPTH deep (libyaml reads nesting that makes the Python loader recurse too
# deep and fail). Anything else, errors included, is read again by the pure-Python
# loader, so values and messages do not change.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
_FAST_UNSAFE = frozenset("*&!%|>?\t\ufeff\x85\u2028\u2029")
_FAST_MAX_DEPTH = 32


def split_front_matter(text: str) -> FrontMatter:
    """Separate YAML front matter from the body; never raises."""
    if not _HANDLER.detect(text):
        return FrontMatter({}, text, 0)
    try:
        raw, body = _HANDLER.split(text)
    except ValueError:
        message = "front matter is not closed with '---': read as text"
        return FrontMatter({}, text, 0, [(1, message)])
    offset = text[: len(text) - len(body)].count("\n")
    first = _first_raw_line(text)
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        size = len(raw) // 1024
        message = f"front matter of {size} KiB is too large (limit 64 KiB): ignored"
        return FrontMatter({}, body, offset, [(1, message)])
    loaded, problem = load_yaml(raw, first)
    if problem:
        return FrontMatter({}, body, offset, [problem])
    if loaded is None:
        return FrontMatter({}, body, offset)
    if not isinstance(loaded, dict):
        kind = _kind(loaded)
        return FrontMatter({}, body, offset, [(first, f"front matter is {kind}, not a mapping")])
    meta = {str(k): v for k, v in loaded.items()}
    warnings = meta_warnings(meta)
    if warnings:  # rare: only now are the keys' lines worth finding
        warnings = meta_warnings(meta, _key_lines(raw, first))
    return FrontMatter(meta, body, offset, [], warnings)


def _first_raw_line(text: str) -> int:
    """The file line (1-based) that YAML calls line 0: the opening `---` line."""
    match = _HANDLER.FM_BOUNDARY.match(text) if _HANDLER.FM_BOUNDARY else None
    return text[: match.end()].count("\n") + 1 if match else 1


def load_yaml(raw: str, first_line: int = 1) -> tuple[Any, Located | None]:
    """Load a YAML block safely: (value, None), or (None, (file line, message))."""
    try:
        loaded = _load(raw)
        _check_size(loaded)
    except _TooBig:
        return None, (first_line, f"front matter expands to more than {MAX_NODES} values: ignored")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, (line, f"front matter is not valid YAML: {problem}")
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as error:
        # absurd dates, integers of 5,000 digits, nesting deeper than Python recurses
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, (first_line, f"front matter could not be read: {reason[:200]}")
    return loaded, None


def _load(raw: str) -> Any:
    """yaml.load with a safe loader: libyaml when the block is plain (see _FAST_LOADER),
    and no loader at all for the simplest blocks (see `simple_mapping`)."""
    simple = simple_mapping(raw)
    if simple is not None:
        return simple
    if _FAST_LOADER is not None and _FAST_UNSAFE.isdisjoint(raw):
        try:
            loaded = yaml.load(raw, Loader=_FAST_LOADER)  # CSafeLoader: no object tags
        except Exception:  # the pure-Python loader below says what is wrong
            pass
        else:
            if _shallow(loaded, _FAST_MAX_DEPTH):
                return loaded
    return yaml.load(raw, Loader=_BoundedLoader)  # SafeLoader: no object tags


# Most front matter is a few `key: words` and `key: [words, words]` lines. Such a block
# is read here without a YAML parser when every key and value is a plain scalar made
# of letters, digits, spaces and `_-./()'` (no indicator, quote, comment or colon), on
# lines of their own, that YAML's own resolver (the table the loaders use) types as a
# string; anything else returns None and goes to the loaders. The test compares the
# two on generated blocks.
_SIMPLE_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]{0,99}):(?: +(.*))?")
_SIMPLE_SCALAR = re.compile(r"[^\W_][\w .()/'-]*")
_RESOLVERS = _BoundedLoader.yaml_implicit_resolvers


def simple_mapping(raw: str) -> dict[str, Any] | None:
    """The mapping a simple block loads to (see above), or None for any other block."""
    mapping: dict[str, Any] = {}
    for line in raw.split("\n"):
        if not line:
            continue
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None or not _is_string(match.group(1)):
            return None
        value = (match.group(2) or "").rstrip(" ")
        if value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip(" ")
            items = [item.strip(" ") for item in inner.split(",")] if inner else []
            if not all(map(_is_string, items)):
                return None
            mapping[match.group(1)] = items
        elif _is_string(value):
            mapping[match.group(1)] = value
        else:
            return None
    return mapping or None


def _is_string(text: str) -> bool:
    """A plain scalar of the simple kind that YAML reads as this very string."""
    if not _SIMPLE_SCALAR.fullmatch(text):
        return False
    for key in (text[0], None):  # as yaml's Resolver.resolve looks them up
        for _, pattern in _RESOLVERS.get(key, ()):
            if pattern.match(text):
                return False
    return True


def _shallow(value: Any, limit: int) -> bool:
    """Whether no list or mapping in `value` lies more than `limit` levels deep."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack += [(child, depth + 1) for child in (*item.keys(), *item.values())]
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack += [(child, depth + 1) for child in item]
    return True


def _check_size(value: Any) -> None:
    """Count the values reachable from `value`, aliases expanded; raise past MAX_NODES.

    Each shared object is counted every time it is reached (that is the expansion a
    consumer would do), but the walk stops at MAX_NODES, so it costs at most that.
    A self-referencing structure (`&a [*a]`) reaches the cap and is refused too.
    """
    stack = [value]
    count = 0
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _TooBig
        if isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack += item


_KEY_LINE = re.compile(r"([^\s#:][^:]*?)\s*:(?:\s|$)")


def _key_lines(raw: str, first_line: int) -> dict[str, int]:
    """File line of each top-level key (`key:` in column 0), for messages."""
    lines: dict[str, int] = {}
    for number, line in enumerate(raw.split("\n")):
        match = _KEY_LINE.match(line)
        if match:
            lines.setdefault(match.group(1).strip("'\""), first_line + number)
    return lines


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", set: "a set", bool: "true/false"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    if value is None:
        return "empty"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"


# ---------------------------------------------------------------- typed values


def _item_text(item: Any) -> str | None:
    """One element of a list of strings as text; None for what cannot be one."""
    if isinstance(item, bool) or item is None:
        return None
    if isinstance(item, (str, int, float)):
        return str(item).strip() or None
    if isinstance(item, (dt.date, dt.datetime)):
        return item.isoformat()
    return None


def _flat(value: Any) -> list[Any]:
    """A list with its nested lists opened: `[[Note]]` in YAML is a list in a list."""
    out: list[Any] = []
    for item in value:
        if isinstance(item, (list, tuple)):
            out += _flat(item) if len(out) < MAX_NODES else []
        else:
            out.append(item)
    return out


def _strings(value: Any) -> list[str]:
    """A YAML value that should be a list of strings: accept a string, a list, numbers.

    Sets come sorted, so the same note always gives the same tags in the same order."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return [p for p in parts if p]
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return [text for text in map(_item_text, _flat(value)) if text]
    text = _item_text(value)
    return [text] if text else []


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
    return [] if isinstance(value, dict) else _strings(value)


def meta_title(meta: dict[str, Any]) -> str | None:
    value = meta.get("title")
    if isinstance(value, list) and len(flat := _flat(value)) == 1:
        value = flat[0]  # `title: [[Note]]` is a list in a list to YAML
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


def meta_warnings(meta: dict[str, Any], lines: dict[str, int] | None = None) -> list[Located]:
    """What of the metadata notecards uses is of a type it cannot use, with its line."""
    lines = lines or {}
    found: list[Located] = []
    title = meta.get("title")
    if title is not None and meta_title(meta) is None:
        message = f"title is {_kind(title)}, not text: the file name is used"
        found.append((lines.get("title", 1), message))
    for key in ("tags", "tag", "aliases", "alias"):
        if key in meta:
            found += [(lines.get(key, 1), m) for m in _list_warnings(key, meta[key])]
    return found


def _list_warnings(key: str, value: Any) -> list[str]:
    if value is None or isinstance(value, (str, int, float, set, frozenset)):
        return []
    if not isinstance(value, (list, tuple)):
        return [f"{key} is {_kind(value)}, not a list: ignored"]
    bad = [n for n, item in enumerate(_flat(value), 1) if _bad_item(item)]
    if not bad:
        return []
    where = ", ".join(map(str, bad[:5])) + (", ..." if len(bad) > 5 else "")
    return [f"{key}: item {where} is not text: ignored"]


def _bad_item(item: Any) -> bool:
    return item is not None and _item_text(item) is None


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


def meta_min_confidence(meta: dict[str, Any], default: float) -> float:
    """The note's own threshold for mined cards (`notecards: {min_confidence: 0.7}`),
    else `default`; a value that is not a number from 0 to 1 is ignored."""
    config = meta.get("notecards")
    value = config.get("min_confidence") if isinstance(config, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return default
