"""Decoding texts in the encodings people's files come in."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.corpus.importers.decoding import decode_bytes, looks_binary
from natoapp.corpus.importers.model import FileRefused

FRENCH = (
    "Réunis à Istanbul le 29 juin 2004, les dirigeants des pays de l'OTAN ont décidé de "
    "faire du Dialogue méditerranéen « un véritable Partenariat ». Ça coûte cher.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "iso8859-15", "cp850"])
def test_single_byte_and_utf8_french_come_back_as_written(encoding: str) -> None:
    assert decode_bytes(FRENCH.encode(encoding)) == FRENCH


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + FRENCH.encode("utf-8"),
        codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"),
        FRENCH.encode("utf-16-le"),  # no byte order mark: told by its zero bytes
        FRENCH.encode("utf-16-be"),
    ],
)
def test_unicode_with_or_without_byte_order_mark(data: bytes) -> None:
    assert decode_bytes(data) == FRENCH


def test_declared_encoding_is_used_when_the_bytes_are_not_utf8() -> None:
    data = "Schöne Grüße, Zürich".encode("cp1252")
    assert decode_bytes(data, declared="windows-1252") == "Schöne Grüße, Zürich"


def test_a_wrong_declaration_falls_back_to_detection() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), declared="ascii") == FRENCH
    assert decode_bytes(FRENCH.encode("cp1252"), declared="no-such-codec") == FRENCH


def test_cyrillic_text_is_detected() -> None:
    text = "Привет, как дела? Это текст на русском языке о партнёрстве.\n" * 4
    assert decode_bytes(text.encode("cp1251")) == text


def test_binary_data_is_refused() -> None:
    with pytest.raises(FileRefused) as refused:
        decode_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 50)
    assert refused.value.kind == "binary"


def _noise(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(size))


@pytest.mark.parametrize(
    "noise",
    [
        _noise(7, 3000),
        b"\x81\x8d\x8f\x90\x9d" * 40,  # undefined in Windows-1252, controls in Latin-1
        bytes(range(0x80, 0xA0)) * 20,
    ],
)
def test_bytes_no_encoding_reads_as_text_are_undecodable(noise: bytes) -> None:
    with pytest.raises(FileRefused) as refused:
        decode_bytes(noise)
    assert refused.value.kind == "undecodable"
    assert "UTF-8" in refused.value.reason


def test_broken_utf16_after_its_mark_is_undecodable() -> None:
    with pytest.raises(FileRefused) as refused:
        decode_bytes(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8")
    assert refused.value.kind == "undecodable"


def test_short_western_texts() -> None:
    assert decode_bytes("Café crème".encode("cp1252")) == "Café crème"
    assert decode_bytes("Schöne Grüße aus Zürich".encode("cp1252")) == "Schöne Grüße aus Zürich"


def test_japanese_text_is_detected() -> None:
    text = "日本語のテキストです。これは文章です。" * 5
    assert decode_bytes(text.encode("shift_jis")) == text


def test_looks_binary_allows_text_controls() -> None:
    assert not looks_binary(b"a\tb\r\nc\fd\n")
    assert looks_binary(b"\x01\x02\x03\x04" * 10)


@given(st.text(min_size=1, max_size=300).filter(lambda t: "\x00" not in t))
def test_any_utf8_text_without_nul_decodes_to_itself_or_is_refused(text: str) -> None:
    data = text.encode("utf-8")
    try:
        decoded = decode_bytes(data)
    except FileRefused as refused:
        # Only control characters can make valid UTF-8 look binary.
        assert refused.kind == "binary"
    else:
        assert decoded == text
