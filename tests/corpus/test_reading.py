from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.corpus.reading import MAX_BYTES, SeedReadError, decode_text, normalise_text, read_text

TEXT = "Titre\r\n\r\nLe Dialogue méditerranéen a contribué à la confiance.\r\n"


def test_utf8_with_bom_and_crlf() -> None:
    data = codecs.BOM_UTF8 + TEXT.encode()
    decoded = decode_text(data)
    assert decoded.text == "Titre\n\nLe Dialogue méditerranéen a contribué à la confiance.\n"
    assert decoded.sha256 == hashlib.sha256(data).hexdigest()


def test_old_mac_line_endings() -> None:
    assert normalise_text("a\rb\r\nc\n") == "a\nb\nc\n"
    assert normalise_text("\ufeffa") == "a"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        (codecs.BOM_UTF8 + b"\n\n", "empty file"),
        ("Le Dialogue méditerranéen".encode("latin-1"),
         "not UTF-8 text (byte 0xE9 at offset 13); save it as UTF-8"),
        (codecs.BOM_UTF8 + "é".encode("latin-1"),
         "not UTF-8 text (byte 0xE9 at offset 3); save it as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 32)) * 10, "binary data"),
        ("Titre".encode("utf-16"), "UTF-16 text; save it as UTF-8"),
    ],
)  # fmt: skip
def test_what_is_not_utf8_text_is_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(ValueError) as info:
        decode_text(data)
    assert str(info.value) == message
    assert "\n" not in message


def test_read_text_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Koweït".encode("latin-1"))
    with pytest.raises(SeedReadError) as info:
        read_text(path)
    assert info.value.error.source_file == "latin.txt"
    assert str(info.value) == "latin.txt: not UTF-8 text (byte 0xEF at offset 4); save it as UTF-8"


def test_a_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written to disk
    with pytest.raises(SeedReadError) as info:
        read_text(path)
    assert info.value.error.message == "larger than 50 MB"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SeedReadError) as info:
        read_text(tmp_path / "absent.txt")
    assert info.value.error.message.startswith("cannot be read (")


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_a_one_line_reason(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert decoded.text.strip() and "\r" not in decoded.text
