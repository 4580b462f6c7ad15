"""What must be in a note's blocks for an extractor to find anything (`Extractor.needs`).

Each pattern is a necessary condition read off the extractor's own code, searched once
per note in `ExtractContext.source`: a note without it cannot give that extractor a
card, a claim or a problem, so the registry does not run it. Only conditions that are
certain belong here; an extractor whose condition is unsure has none (it runs always).
"""

from __future__ import annotations

import re

# anki_cloze looks only at blocks whose source holds `{{c` (`extract_anki_cloze`)
ANKI_CLOZE = re.compile(re.escape("{{c"))

# http_messages parses code blocks only; an unlabelled block must hold "HTTP/", and a
# labelled one has `http`/`https` as its whole info string (`parse_messages`,
# `_HTTP_LANGUAGES`), which follows the opening fence in the source
HTTP_MESSAGES = re.compile(r"HTTP/|[`~]{3}[ \t]*https?")
