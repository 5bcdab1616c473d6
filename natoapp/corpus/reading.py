"""Reading a text file into a string, or saying in one line why it cannot be read.

A seed must be UTF-8 text, with or without a byte order mark, with any line
endings. Anything else (another encoding, binary data, an empty file, a file
too large to be a text page) is refused with a message a user can act on.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from natoapp.corpus.model import SeedError

MAX_BYTES = 50 * 1024 * 1024
# A text has few control characters besides tab, line feed, carriage return and form feed.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
_MAX_CONTROL_SHARE = 0.05


class SeedReadError(Exception):
    """A file that could not be read as a seed; ``error`` says which and why."""

    def __init__(self, error: SeedError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text, line endings made ``"\\n"``, and the SHA-256 of its bytes."""

    text: str
    sha256: str


def normalise_text(text: str) -> str:
    """``text`` without a leading byte order mark, with every line ending made ``"\\n"``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_text(data: bytes) -> DecodedText:
    """Decode a seed's bytes, or raise ``ValueError`` with a one-line reason.

    The reasons: "empty file", "UTF-16 text; save it as UTF-8", "binary data",
    "not UTF-8 text (byte 0xE9 at offset 12); save it as UTF-8".
    """
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError("UTF-16 text; save it as UTF-8")
    if _looks_binary(data):
        raise ValueError("binary data")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Offsets count from the start of the file, BOM included.
        offset = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[offset]:02X} at offset {offset}); save it as UTF-8"
        ) from None
    text = normalise_text(text)
    if not text.strip():
        raise ValueError("empty file")
    return DecodedText(text, digest)


def read_text(path: Path) -> DecodedText:
    """Read and decode the file at ``path``; raise :class:`SeedReadError` if it is no text."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SeedReadError(SeedError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB"))
        data = path.read_bytes()
    except IsADirectoryError:
        raise SeedReadError(SeedError(name, "a folder, not a file")) from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise SeedReadError(SeedError(name, f"cannot be read ({reason})")) from None
    try:
        return decode_text(data)
    except ValueError as exc:
        raise SeedReadError(SeedError(name, str(exc))) from None
