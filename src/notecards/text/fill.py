"""Fill a question template with text taken from notes, safely.

`str.format` and `%` interpret their template: a template that ever holds note text
(a sentence with `{vi}`, `{0}` or `%s` in it, formatted a second time) raises KeyError
or IndexError, or reads attributes. `fill` cannot do that: it replaces `{name}` where
`name` is one of the values given, in one pass over the template, and leaves every
other brace, percent sign and backslash as it is. Substituted text is never read again,
so a value holding `{name}` stays literally `{name}`.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(template: str, **values: str) -> str:
    """`template` with each `{name}` whose name is in `values` replaced by its value."""
    if "{" not in template:
        return template

    def value(match: re.Match[str]) -> str:
        found = values.get(match.group(1))
        return match.group(0) if found is None else str(found)

    return _PLACEHOLDER.sub(value, template)
