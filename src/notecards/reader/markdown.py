"""The one markdown-it-py parser notecards uses, built once per process."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from notecards.reader.obsidian import obsidian_plugin


@cache
def parser() -> MarkdownIt:
    """CommonMark + GFM tables and strikethrough + `$math$` + task lists + Obsidian."""
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 40})
    md.enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, allow_space=True, double_inline=True)
    md.use(tasklists_plugin)
    md.use(obsidian_plugin)
    return md
