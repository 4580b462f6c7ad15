"""How the renderer reaches embedded notes without knowing about vault indexes.

`![[Other note]]` in an answer should show that note's content, which only the
pipeline can find (it holds the vault's note index and guards against cycles). The
pipeline installs an `EmbedNote` for the duration of one note's extraction with
`embedding(fn)`; every `RenderContext` made meanwhile picks it up, so extractors need
no extra argument. Outside of it (tests, single fragments) embeds stay links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notecards.render.markup import RenderContext

# (target as written, heading or `^block`, the context rendering the embed) → HTML
EmbedNote = Callable[[str, str, "RenderContext"], str]

_CURRENT: ContextVar[EmbedNote | None] = ContextVar("notecards_embed_note", default=None)


def current_embedder() -> EmbedNote | None:
    return _CURRENT.get()


@contextmanager
def embedding(fn: EmbedNote | None) -> Iterator[None]:
    """Resolve embedded notes with `fn` inside the block."""
    token = _CURRENT.set(fn)
    try:
        yield
    finally:
        _CURRENT.reset(token)
