"""Bytes to text: every encoding a vault holds is read or reported, never a traceback."""

from __future__ import annotations

import codecs

import pytest

from notecards.reader.decode import decode_note

TEXT = "# Заголовок\nQuestion::Answer\n"


def test_utf8_with_and_without_bom_is_read_silently():
    for data in (TEXT.encode(), codecs.BOM_UTF8 + TEXT.encode()):
        decoded = decode_note(data)
        assert decoded.text == TEXT and not decoded.problem


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_become_lf(newline: str):
    decoded = decode_note(TEXT.replace("\n", newline).encode())
    assert decoded.text == TEXT and not decoded.problem


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded_and_reported(codec: str):
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    decoded = decode_note(data)
    assert decoded.text == TEXT
    assert decoded.severity == "warning" and "not UTF-8: read as UTF-" in decoded.problem


def test_utf16_without_bom_is_binary():
    assert decode_note(TEXT.encode("utf-16-le")).text is None


def test_cp1251_russian_is_read_as_cyrillic_with_a_warning():
    text = "Привет\nЭто заметка о протоколе HTTP.\n"
    decoded = decode_note(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.severity == "warning" and decoded.problem_line == 1
    assert "Windows-1251" in decoded.problem


def test_latin1_text_is_read_as_windows_1252():
    text = "Plain line\nCafé au lait, Grüße, naïve.\n"
    decoded = decode_note(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.problem_line == 2 and "Windows-1252" in decoded.problem


def test_damaged_utf8_keeps_the_rest_and_names_the_line():
    data = "ok ☃\nline two\n".encode() + b"bad \xff byte\nend\n"
    decoded = decode_note(data)
    assert decoded.severity == "error" and decoded.problem_line == 3
    assert decoded.text == "ok ☃\nline two\nbad \ufffd byte\nend\n"
    assert "U+FFFD" in decoded.problem


def test_damaged_line_counts_cr_endings():
    decoded = decode_note("ü\rtwo\r".encode() + b"\xff\r")
    assert decoded.problem_line == 3


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary",
        b"PK\x03\x04" + bytes(range(256)) * 4,  # a zip renamed to .md
        bytes([0x1B, 0x02, 0x03, 0x04, 0x05]) * 100,  # control bytes, no NUL
        b"%PDF-1.7\n" + b"\x00" * 10,
    ],
)
def test_binary_files_are_skipped(data: bytes):
    decoded = decode_note(data)
    assert decoded.text is None and decoded.problem == "binary file, not a Markdown note: skipped"


def test_empty_file_is_an_empty_note():
    assert decode_note(b"").text == ""


def test_bytes_undefined_in_windows_1251_fall_back_without_error():
    """Found by the fuzz test: 0x98 is undefined in Windows-1251."""
    decoded = decode_note(b"\x98\xc0\xc0\xc0")
    assert decoded.text is not None and decoded.severity == "warning"
