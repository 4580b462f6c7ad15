"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces of Markdown, Obsidian and card syntax, so random text hits the parsers' edges.
FRAGMENTS = [
    "\n", "\n\n", "\r\n", "\r", "\t", "    ", " ", "# ", "## ", "- ", "* ", "1. ", "> ",
    "> [!note] ", "```", "```python\n", "~~~", "$$", "$", "%%", "==", "**", "*", "_", "~~",
    "[[", "]]", "![[", "|", "#", "#tag/sub ", "::", ":::", "\n?\n", "\n??\n", "{{c1::",
    "}}", "[", "](", ")", "![", "(", "<", ">", "<script>", "</script>", "<div>", "</div>",
    "<img src=x onerror=alert(1)>", "<!--", "-->", "`", "\\", "&amp;", "---", "- [ ] ",
    "- [x] ", "| a | b |\n|---|---|\n", "^block", "[^1]", "http://x.example/a.png",
    "../", "%2e%2e%2f", "file:///etc/passwd", "word", "Question", "Answer", "HTTP",
    "Вопрос", "ответ", "\ufeff", "\u202e", "\x00", "\x1b", "😀", "e\u0301",
]  # fmt: skip

markdown = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join)
