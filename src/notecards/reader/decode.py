"""Bytes to text: the first defence against files that are not what their name says.

UTF-8 (with or without a BOM) is the norm in Obsidian vaults and is read silently;
CRLF and lone CR line endings become LF. Everything else is read as well as it can be,
and reported (the documented fallback, in order):

1. A UTF-16 or UTF-32 byte-order mark: decoded exactly in that encoding (warning).
2. NUL bytes or a high share of control bytes in the first 8 KiB: a binary file (an
   encrypted note, an image renamed to .md), skipped (error).
3. Valid UTF-8 except for some bytes (a truncated character, a pasted fragment): each
   bad byte becomes U+FFFD and the line of the first is reported (error: text lost).
4. No valid multi-byte UTF-8 at all, so a legacy 8-bit encoding: Windows-1251 when
   the text then reads as Cyrillic words, else Windows-1252 (Western European), else
   Latin-1, which never fails (warning: the guess is named, nothing is lost).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

_SNIFF_BYTES = 8192
_BOM = codecs.BOM_UTF8
# UTF-32 first: its little-endian mark starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]{3,}")
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_MIXED_WORD = re.compile(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]")
# Control bytes that text does not hold (tab, LF, FF, CR and ESC are fine).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None  # None when the file is binary
    problem: str = ""
    problem_line: int = 1
    severity: Literal["error", "warning"] = "error"
    encoding: str = "utf-8"


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control bytes in the first 8 KiB."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C
    return control / len(head) > 0.10


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF so line numbers mean the same everywhere."""
    if "\r" not in text:  # the usual case: one scan instead of two
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_note(data: bytes) -> Decoded:
    """Decode a note's bytes; never raises."""
    wide = _decode_wide(data)
    if wide is not None:
        return wide
    if looks_binary(data):
        return Decoded(None, "binary file, not a Markdown note: skipped")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return Decoded(normalize_newlines(data.decode("utf-8")))
    except UnicodeDecodeError as error:
        return _decode_damaged(data, error.start)


def _decode_wide(data: bytes) -> Decoded | None:
    """A UTF-16/32 file with its byte-order mark, decoded; None without a mark."""
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            message = f"file is {name}, not UTF-8: read as {name} (save it as UTF-8)"
            return Decoded(normalize_newlines(text), message, 1, "warning", codec)
    return None


def _decode_damaged(data: bytes, first_bad: int) -> Decoded:
    line = _line_of(data, first_bad)
    replaced = data.decode("utf-8", errors="replace")
    if _has_valid_multibyte(replaced):
        message = (
            f"not valid UTF-8 (byte 0x{data[first_bad]:02x}); undecodable bytes were "
            "replaced with U+FFFD"
        )
        return Decoded(normalize_newlines(replaced), message, line)
    codec, name = _legacy_codec(data)
    message = (
        f"not UTF-8 (byte 0x{data[first_bad]:02x}): read as {name}; "
        "save the file as UTF-8 to be sure"
    )
    text = data.decode(codec)
    return Decoded(normalize_newlines(text), message, line, "warning", codec)


def _line_of(data: bytes, index: int) -> int:
    """The 1-based line of byte `index`, counting LF, CRLF and lone CR breaks alike."""
    head = data[:index]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _has_valid_multibyte(text: str) -> bool:
    """True when some non-ASCII character decoded as UTF-8: the file is UTF-8, damaged."""
    return _DECODED_NON_ASCII.search(text) is not None


def _legacy_codec(data: bytes) -> tuple[str, str]:
    """The 8-bit encoding a non-UTF-8 file is most likely in (see the module docstring);
    always one that decodes every byte of `data`."""
    if _reads_as_russian(data):
        return "cp1251", "Windows-1251 (Cyrillic)"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1", "Latin-1"
    return "cp1252", "Windows-1252 (Western European)"


def _reads_as_russian(data: bytes) -> bool:
    """Cyrillic words and hardly a word mixing Latin and Cyrillic letters in Windows-1251
    (Latin-1 text read that way gives single Cyrillic letters inside Latin words)."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:  # 0x98 is the one byte Windows-1251 leaves undefined
        return False
    words = len(_CYRILLIC_WORD.findall(text))
    return words > 0 and len(_MIXED_WORD.findall(text)) * 10 < words
