"""JSON whose objects and arrays know the line they start on, so a problem in a
knowledge file is reported as `path:line: message`."""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from bisect import bisect_right
from typing import Any


class Located(dict):  # type: ignore[type-arg]
    """A JSON object that remembers the line it starts on, for problem messages."""

    line: int = 1


class LocatedList(list):  # type: ignore[type-arg]
    """A JSON array that remembers the line it starts on."""

    line: int = 1


def parse_located(text: str) -> Any:
    """json.loads, but every object and array knows the line it starts on.

    The C scanner ignores a custom object parser, so the pure-Python scanner is used;
    knowledge files are small, and exact lines make problems easy to fix.
    """
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        start = s_and_end[1] - 1  # the index of "{"
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        located = Located(obj)
        located.line = bisect_right(line_starts, start)
        return located, end

    def parse_array(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        items, end = json.decoder.JSONArray(s_and_end, *args)
        located = LocatedList(items)
        located.line = bisect_right(line_starts, s_and_end[1] - 1)
        return located, end

    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.parse_array = parse_array  # type: ignore[assignment]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text)
