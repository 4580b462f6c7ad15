"""The one markdown-it-py parser notecards uses, built once per process."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from notecards.reader.dispatch import install_dispatch
from notecards.reader.limits import install_limits
from notecards.reader.obsidian import obsidian_plugin


@cache
def parser() -> MarkdownIt:
    """The shared parser (see `build_parser`)."""
    return build_parser()


def build_parser(dispatch: bool = True) -> MarkdownIt:
    """CommonMark + GFM tables and strikethrough + `$math$` + task lists + Obsidian,
    with the work limits of `limits.py` (maxNesting bounds quotes and lists), each
    chain of rules run through `dispatch.py` (`dispatch=False`: markdown-it's own way,
    which gives the same tokens, more slowly)."""
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 40})
    md.enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, allow_space=True, double_inline=True)
    md.use(tasklists_plugin)
    md.use(obsidian_plugin)
    install_limits(md)
    if dispatch:
        install_dispatch(md)  # last: it reads the finished chains of rules
    md.validateLink = _any_link
    return md


def _any_link(url: str) -> bool:
    """Parse every link and image as one, whatever its scheme.

    markdown-it's default leaves `[x](javascript:...)` and `![x](file:///etc/passwd)` as
    literal text, so their Markdown would reach a card's plain text and no one would be
    told. Recognised, they are refused where each kind of target is judged: the vault
    refuses files outside it (and says so at the line), the renderer drops images that
    are not in the vault, and the sanitizer's URL-scheme allow-list removes the href of
    a `javascript:` link from every HTML field.
    """
    return True
