"""The Source field of an Anki note: where the card came from, as a link back to it.

A card's `source` reads `Note title › Heading › Subheading`. Most notes open with a
heading that repeats their title (`Caching.md` starts with `# Caching`), which made
the field read `Caching › Caching › …`: the repeat is dropped. When the vault is
known, the text links to the note with Obsidian's URI scheme,
`obsidian://open?vault=<vault name>&file=<path without .md>` (both url-encoded as
`encodeURIComponent` does), so a tap in Anki opens the note in Obsidian.

The field is content, not identity: ids hash the note's name, the kind and the
question (docs/identity.md), so adding or changing the link updates a note in place.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from notecards.vault.scan import NOTE_SUFFIXES

SEPARATOR = " › "


def without_repeated_title(source: str) -> str:
    """`Caching › Caching › Freshness` → `Caching › Freshness` (case-insensitive)."""
    parts = source.split(SEPARATOR)
    if len(parts) >= 2 and parts[0].strip().casefold() == parts[1].strip().casefold():
        del parts[1]
    return SEPARATOR.join(parts)


def obsidian_uri(vault: str, note_path: str) -> str:
    """The URI that opens `note_path` (relative to the vault) in Obsidian."""
    file = note_path
    for suffix in NOTE_SUFFIXES:
        if file.lower().endswith(suffix):
            file = file[: -len(suffix)]
            break
    return f"obsidian://open?vault={_encode(vault)}&file={_encode(file)}"


def _encode(text: str) -> str:
    """As JavaScript's encodeURIComponent, which Obsidian decodes."""
    return quote(text, safe="-_.!~*'()")


def link_around(text_html: str, vault: str, note_path: str) -> str:
    """`text_html` (sanitized already) inside a link to the note, when the vault and
    the note are known (cards read from a deck have neither)."""
    if not vault or not note_path or not text_html:
        return text_html
    href = html.escape(obsidian_uri(vault, note_path), quote=True)
    return f'<a class="nc-source-link" href="{href}">{text_html}</a>'
