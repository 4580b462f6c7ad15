"""A bug met while working on one note becomes an error of that note, and the run goes
on: how such an error is worded, recognised, and attributed to the stage that raised it.
The build engine and the extractors' registry use it, so it sits below both (and below
the command line, which prints it)."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from notecards.model import Problem

INTERNAL = "internal error in "  # how every contained failure's message starts
_STAGES = ("reader", "extractors", "render", "knowledge", "exporters", "embeds", "links")
_STAGE_NAMES = {"render": "renderer", "exporters": "exporter", "embeds": "embeds"}
_PACKAGE = Path(__file__).resolve().parent


def internal_error(
    path: str, line: int, stage: str, error: BaseException, lost: str = "note skipped"
) -> Problem:
    """A bug met while working on one note, as an error of that note: the run goes on
    without it (or without what `lost` names). `NOTECARDS_DEBUG=1` prints the
    traceback on stderr, where it happens (a worker's stderr is the terminal's)."""
    if os.environ.get("NOTECARDS_DEBUG"):
        traceback.print_exception(error, file=sys.stderr)
    text = " ".join(str(error).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    detail = f"{type(error).__name__}: {text}" if text else type(error).__name__
    message = f"{INTERNAL}{stage}: {detail} ({lost}; please report it)"
    return Problem(path, line, message, "error")


def is_internal(problem: Problem) -> bool:
    """Whether `problem` reports a contained bug (its result must not be cached)."""
    return problem.severity == "error" and problem.message.startswith(INTERNAL)


def stage_of(error: BaseException, default: str = "pipeline") -> str:
    """Which stage of the pipeline raised `error`: the innermost frame of the reader,
    an extractor, the renderer, the knowledge, an exporter or the embeds."""
    found = ""
    registry = False  # the extractors' registry ran, but no extractor was found deeper
    for frame in traceback.extract_tb(error.__traceback__):
        try:
            parts = Path(frame.filename).resolve().relative_to(_PACKAGE).parts
        except ValueError:
            continue
        if parts[:1] == ("vault",):  # the vault layer's embeds and links are stages of their own
            parts = parts[1:]
        first = parts[0].removesuffix(".py") if parts else ""
        if first not in _STAGES:
            continue
        if first == "extractors" and (len(parts) < 2 or parts[1] in ("__init__.py", "base.py")):
            registry = True
        elif first == "extractors":
            found = f"extractor {parts[1].removesuffix('.py')}"
        else:
            found = _STAGE_NAMES.get(first, first)
    return found or ("extractors" if registry and default == "pipeline" else default)
