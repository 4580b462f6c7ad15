"""Bundled HTTP domain knowledge: header fields, status codes and methods, in en and ru.

Extractors that find HTTP messages in notes ask this package what a header, a status
code or a method means, to write the answer side of a card. The data lives in JSON
files next to this module and is loaded lazily, once, on the first lookup, so that
importing the package costs nothing.

Knowledge file schema (bundled files and user files share it; every key is optional,
so a file may hold only the entries it adds or corrects)::

    {
      "headers": [{"name": "Strict-Transport-Security", "role": "response",
                   "en": "...", "ru": "...", "source": "RFC 6797 §6.1"}],
      "status":  [{"code": 404, "reason": "Not Found",
                   "en": "...", "ru": "...", "source": "RFC 9110 §15.5.5"}],
      "methods": [{"name": "GET", "safe": true, "idempotent": true,
                   "en": "...", "ru": "...", "source": "RFC 9110 §9.3.1"}]
    }

- ``role`` is one of request, response, both, representation.
- ``en`` and ``ru`` are one-line meanings; a user entry needs at least one of them,
  and a missing language falls back to the bundled entry's text, else to the other
  language.
- A user entry overrides the bundled entry with the same header name (compared
  case-insensitively), code or method name; fields it leaves out are kept from the
  bundled entry, so a user file can correct just the Russian text of one header.

User files are ``*.json`` in the directories given to `add_knowledge_dirs`, by
default ``<user config dir>/notecards/knowledge`` (see `default_user_dirs`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notecards.knowledge.located_json import parse_located
from notecards.safe_read import describe, read_regular

__all__ = [
    "HeaderInfo",
    "MethodInfo",
    "StatusInfo",
    "add_knowledge_dirs",
    "all_headers",
    "all_methods",
    "all_statuses",
    "default_user_dirs",
    "lookup_header",
    "lookup_method",
    "lookup_phrase",
    "lookup_status",
    "reset_user_knowledge",
]

LANGS = ("en", "ru")
ROLES = frozenset({"request", "response", "both", "representation"})


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    """A header field: canonical name, role, one-line meaning per language, source."""

    name: str
    role: str
    meaning: dict[str, str]
    source: str


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """A status code with its registered reason phrase."""

    code: int
    reason: str
    meaning: dict[str, str]
    source: str


@dataclass(frozen=True, slots=True)
class MethodInfo:
    """A request method with the safe and idempotent properties of RFC 9110 §9.2."""

    name: str
    meaning: dict[str, str]
    safe: bool
    idempotent: bool
    source: str


@dataclass(slots=True)
class _Tables:
    """One set of entries, keyed the way lookups compare them."""

    headers: dict[str, HeaderInfo] = field(default_factory=dict)
    status: dict[int, StatusInfo] = field(default_factory=dict)
    methods: dict[str, MethodInfo] = field(default_factory=dict)
    phrases: dict[str, dict[str, str]] = field(default_factory=dict)  # lang → key → text


class _Problem(Exception):
    """An entry that cannot be used; carries the message for the problem list."""


# ---------------------------------------------------------------- entries


def _text(entry: dict[str, Any], key: str, required: bool = True) -> str | None:
    """A non-empty string field, stripped; None when absent and optional."""
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f'"{key}" must be a non-empty string')
    return value.strip()


def _meaning(entry: dict[str, Any], base: dict[str, str] | None) -> dict[str, str]:
    """The en/ru texts of an entry, completed from the entry it overrides."""
    given = {lang: _text(entry, lang, required=False) for lang in LANGS}
    merged = {lang: given[lang] or (base or {}).get(lang) for lang in LANGS}
    present = [text for text in merged.values() if text]
    if not present:
        raise _Problem('needs a meaning in "en" or "ru"')
    return {lang: merged[lang] or present[0] for lang in LANGS}


def _flag(entry: dict[str, Any], key: str, base: bool | None) -> bool:
    value = entry.get(key, base)
    if not isinstance(value, bool):
        raise _Problem(f'"{key}" must be true or false')
    return value


def _source(entry: dict[str, Any], base: str | None, origin: str) -> str:
    return _text(entry, "source", required=False) or base or origin


def _first(bases: list[_Tables], section: str, key: object) -> Any:
    """The entry `key` overrides: the first one found in `bases`, or None."""
    for tables in bases:
        found = getattr(tables, section).get(key)
        if found is not None:
            return found
    return None


def _header(entry: dict[str, Any], tables: _Tables, bases: list[_Tables], origin: str) -> None:
    name = _text(entry, "name")
    assert name is not None
    base: HeaderInfo | None = _first(bases, "headers", name.lower())
    role = entry.get("role", base.role if base else "both")
    if role not in ROLES:
        raise _Problem(f'"role" must be one of {", ".join(sorted(ROLES))}')
    info = HeaderInfo(
        name=name,
        role=role,
        meaning=_meaning(entry, base.meaning if base else None),
        source=_source(entry, base.source if base else None, origin),
    )
    tables.headers[name.lower()] = info


def _status(entry: dict[str, Any], tables: _Tables, bases: list[_Tables], origin: str) -> None:
    code = entry.get("code")
    if isinstance(code, bool) or not isinstance(code, int) or not 100 <= code <= 599:
        raise _Problem('"code" must be an integer from 100 to 599')
    base: StatusInfo | None = _first(bases, "status", code)
    reason = _text(entry, "reason", required=base is None) or (base.reason if base else "")
    tables.status[code] = StatusInfo(
        code=code,
        reason=reason,
        meaning=_meaning(entry, base.meaning if base else None),
        source=_source(entry, base.source if base else None, origin),
    )


def _method(entry: dict[str, Any], tables: _Tables, bases: list[_Tables], origin: str) -> None:
    name = _text(entry, "name")
    assert name is not None
    base: MethodInfo | None = _first(bases, "methods", name.upper())
    tables.methods[name.upper()] = MethodInfo(
        name=name.upper(),
        meaning=_meaning(entry, base.meaning if base else None),
        safe=_flag(entry, "safe", base.safe if base else False),
        idempotent=_flag(entry, "idempotent", base.idempotent if base else False),
        source=_source(entry, base.source if base else None, origin),
    )


_SECTIONS: dict[str, Callable[[dict[str, Any], _Tables, list[_Tables], str], None]] = {
    "headers": _header,
    "status": _status,
    "methods": _method,
}


def _load_section(
    key: str, value: Any, where: int, context: tuple[str, _Tables, list[_Tables], str]
) -> list[str]:
    """Add the entries of one "headers"/"status"/"methods" list; return its problems."""
    path, tables, bases, origin = context
    where = getattr(value, "line", where)
    if key == "phrases":
        return _load_phrases(value, where, context)
    if key not in _SECTIONS:
        return [f'{path}:{where}: unknown key "{key}" (expected headers, status, methods, phrases)']
    if not isinstance(value, list):
        return [f'{path}:{where}: "{key}" must be a list of objects']
    problems = []
    for entry in value:
        line = getattr(entry, "line", where)
        if not isinstance(entry, dict):
            problems.append(f'{path}:{line}: each item of "{key}" must be an object')
            continue
        try:
            _SECTIONS[key](entry, tables, bases, origin)
        except _Problem as problem:
            problems.append(f"{path}:{line}: {key} entry: {problem}")
    return problems


def _load_phrases(
    value: Any, where: int, context: tuple[str, _Tables, list[_Tables], str]
) -> list[str]:
    """Add the texts of a "phrases" object ({"ru": {"key": "text"}}); return its problems.

    A user file may only replace phrases the package has (a misspelt key would
    otherwise change nothing, silently); the texts keep their spaces."""
    path, tables, bases, _ = context
    if not isinstance(value, dict):
        return [f'{path}:{where}: "phrases" must be an object of languages']
    known = {key for base in bases for texts in base.phrases.values() for key in texts}
    problems = []
    for lang, texts in value.items():
        line = getattr(texts, "line", where)
        if not isinstance(texts, dict):
            problems.append(f'{path}:{line}: "phrases"."{lang}" must be an object of texts')
            continue
        for key, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(f'{path}:{line}: phrase "{key}" must be a non-empty string')
            elif bases and key not in known:
                problems.append(f'{path}:{line}: unknown phrase "{key}"')
            else:
                tables.phrases.setdefault(lang, {})[key] = text
    return problems


def _load_document(
    text: str, path: str, tables: _Tables, bases: list[_Tables], origin: str
) -> list[str]:
    """Add the entries of one knowledge file to `tables`; return its problems.

    `bases` hold the entries a new entry overrides and takes missing fields from.
    """
    try:
        document = parse_located(text)
    except json.JSONDecodeError as error:
        return [f"{path}:{error.lineno}: invalid JSON: {error.msg}"]
    except (ValueError, RecursionError) as error:  # e.g. an integer with 5000 digits
        return [f"{path}:1: invalid JSON: {type(error).__name__}"]
    if not isinstance(document, dict):
        return [f"{path}:1: expected an object with headers, status or methods lists"]
    where = getattr(document, "line", 1)
    context = (path, tables, bases, origin)
    problems: list[str] = []
    for key, value in document.items():
        problems += _load_section(key, value, where, context)
    return problems


# ---------------------------------------------------------------- bundled and user tables

_BUNDLED_FILES = (
    "http_headers.json",
    "http_status.json",
    "http_methods.json",
    "values_en.json",  # the phrases of knowledge/values, one file per language
    "values_ru.json",
)
_user = _Tables()
_version = [0]  # bumped whenever the user tables change


def knowledge_version() -> int:
    """A number that changes whenever the user's knowledge does: answers remembered
    under one version are not served once a user file is loaded or forgotten."""
    return _version[0]


@functools.cache
def _bundled() -> _Tables:
    """The knowledge shipped with the package, read on first use.

    A problem here is a packaging bug, not a user error, so it raises.
    """
    from importlib import resources  # costs ~10 ms: only when knowledge is needed

    tables = _Tables()
    for name in _BUNDLED_FILES:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
        problems = _load_document(text, name, tables, bases=[], origin=name)
        if problems:
            raise RuntimeError("broken bundled knowledge: " + "; ".join(problems))
    return tables


def _find_header(name: str) -> HeaderInfo | None:
    key = name.strip().lower()
    return _user.headers.get(key) or _bundled().headers.get(key)


def _find_status(code: int) -> StatusInfo | None:
    return _user.status.get(code) or _bundled().status.get(code)


def _find_method(name: str) -> MethodInfo | None:
    key = name.strip().upper()
    return _user.methods.get(key) or _bundled().methods.get(key)


# ---------------------------------------------------------------- public API


def lookup_header(name: str) -> HeaderInfo | None:
    """The header field called `name`, compared case-insensitively; None if unknown."""
    if not isinstance(name, str):
        return None
    return _find_header(name)


def lookup_status(code: int) -> StatusInfo | None:
    """The registered status code `code`; None if unknown."""
    if isinstance(code, bool) or not isinstance(code, int):
        return None
    return _find_status(code)


def lookup_method(name: str) -> MethodInfo | None:
    """The method called `name`, compared case-insensitively; None if unknown."""
    if not isinstance(name, str):
        return None
    return _find_method(name)


def lookup_phrase(lang: str, key: str) -> str | None:
    """The text of phrase `key` in `lang` (a user file's over the bundled one), else
    English, else None."""
    for wanted in (lang, "en"):
        for tables in (_user, _bundled()):
            text = tables.phrases.get(wanted, {}).get(key)
            if text is not None:
                return text
    return None


def all_headers() -> list[HeaderInfo]:
    """Every known header, user entries replacing bundled ones, sorted by name."""
    merged = {**_bundled().headers, **_user.headers}
    return sorted(merged.values(), key=lambda info: info.name.lower())


def all_statuses() -> list[StatusInfo]:
    """Every known status code, user entries replacing bundled ones, by code."""
    merged = {**_bundled().status, **_user.status}
    return [merged[code] for code in sorted(merged)]


def all_methods() -> list[MethodInfo]:
    """Every known method, user entries replacing bundled ones, sorted by name."""
    merged = {**_bundled().methods, **_user.methods}
    return [merged[name] for name in sorted(merged)]


def _knowledge_files(directory: Path) -> tuple[list[Path], list[str]]:
    """The JSON files a user directory contributes; a missing directory is normal."""
    if directory.is_file():
        return [directory], []
    if not directory.is_dir():
        return [], []
    try:
        return sorted(p for p in directory.glob("*.json") if p.is_file()), []
    except OSError as error:
        return [], [f"{directory}:1: cannot list the directory: {error.strerror or error}"]


MAX_KNOWLEDGE_BYTES = 16 * 1024 * 1024  # a user file of tables, not a dump


def add_knowledge_dirs(dirs: Iterable[Path]) -> list[str]:
    """Load the user's knowledge files; later files override earlier ones.

    Never raises: notes must still become cards when a user file is broken, so every
    problem comes back as a "path:line: message" string for the caller to report.
    Files are read in order of `dirs`, then by file name.
    """
    problems: list[str] = []
    for directory in dirs:
        files, listing_problems = _knowledge_files(Path(directory))
        problems.extend(listing_problems)
        for path in files:
            try:  # safely: a FIFO or a link to /dev/zero is refused, not read
                text = read_regular(path, MAX_KNOWLEDGE_BYTES)[0].decode("utf-8-sig")
            except (OSError, ValueError) as error:  # UnicodeDecodeError is a ValueError
                problems.append(f"{path}:1: {describe(error)}")
                continue
            staged = _Tables()
            bases = [_user, _bundled()]
            origin = f"user file {path.name}"
            problems.extend(_load_document(text, str(path), staged, bases, origin))
            _user.headers.update(staged.headers)
            _user.status.update(staged.status)
            _user.methods.update(staged.methods)
            for lang, texts in staged.phrases.items():
                _user.phrases.setdefault(lang, {}).update(texts)
            _version[0] += 1
    return problems


_in_use: list[str] = [""]  # the fingerprint of the user files currently loaded


def knowledge_fingerprint(dirs: Iterable[Path]) -> str:
    """What the user's knowledge files are now (names, sizes, times): a cached card made
    with other knowledge must not be served."""
    parts = []
    for directory in dirs:
        files, _ = _knowledge_files(Path(directory))
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            parts.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
    return "\n".join(parts)


def use_user_knowledge(dirs: Iterable[Path]) -> tuple[list[str], str]:
    """Make exactly the user files in `dirs` the user knowledge of this process; cheap
    when they are already loaded (each worker process calls it once per note).

    Returns the problems of the files (empty when already loaded) and the fingerprint
    to key caches with."""
    dirs = list(dirs)
    fingerprint = knowledge_fingerprint(dirs)
    if fingerprint == _in_use[0]:
        return [], fingerprint
    reset_user_knowledge()
    problems = add_knowledge_dirs(dirs)
    _in_use[0] = fingerprint
    return problems, fingerprint


def reset_user_knowledge() -> None:
    """Forget every user entry (for tests and for reloading after an edit)."""
    _in_use[0] = ""
    _user.headers.clear()
    _user.status.clear()
    _user.methods.clear()
    _user.phrases.clear()
    _version[0] += 1


def default_user_dirs() -> list[Path]:
    """Where a user keeps extra knowledge files: <user config dir>/notecards/knowledge.

    platformdirs is imported here, not at module level, to keep importing cheap; it
    honours XDG_CONFIG_HOME on Linux.
    """
    import platformdirs

    return [Path(platformdirs.user_config_dir("notecards")) / "knowledge"]
