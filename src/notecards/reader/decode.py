"""Bytes to text: the first defence against files that are not what their name says.

UTF-8 (with or without a BOM) is the norm in Obsidian vaults. A file that is not valid
UTF-8 is still read, with U+FFFD for each undecodable byte, and reported with the line of
the first bad byte: losing a few characters is better than losing the note. A file that
holds NUL bytes or is mostly control characters is binary (an encrypted note, an image
renamed to .md) and is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None  # None when the file is binary
    problem: str = ""
    problem_line: int = 1


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control bytes in the first 8 KiB."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.10


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF so line numbers mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_note(data: bytes) -> Decoded:
    """Decode a note's bytes; never raises."""
    if looks_binary(data):
        return Decoded(None, "binary file, not a Markdown note: skipped")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return Decoded(normalize_newlines(data.decode("utf-8")))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = normalize_newlines(data.decode("utf-8", errors="replace"))
        return Decoded(
            text,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); undecodable bytes were "
            "replaced with U+FFFD",
            line,
        )
