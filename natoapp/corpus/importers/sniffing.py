"""Telling what a file holds from its first bytes, whatever its name says."""

from __future__ import annotations

import re

# Signatures of the kinds of file people most often mistake for documents, with
# how to name them to the user.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# A PDF may have a little junk before its header; readers accept it within 1 KB.
_PDF_WINDOW = 1024
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(
    rb"<(p|div|br|h[1-6]|ul|ol|li|table|a\s|span|article|section|main|body|html|title|meta)\b",
    re.I,
)


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts like a PDF file."""
    return b"%PDF-" in data[:_PDF_WINDOW]


def binary_kind(data: bytes) -> str | None:
    """What a known binary format ``data`` is, in words ("a PNG image"), or None."""
    if is_pdf(data):
        return "a PDF document"
    if data[4:8] == b"ftyp":
        return "a video or audio file"
    if data[:4] == b"RIFF":
        return "a RIFF media file"
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def looks_like_html(data: bytes) -> bool:
    """True when bytes (or their ASCII-compatible text) start as an HTML page."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def has_html_markup(data: bytes) -> bool:
    """True when the text holds at least one common HTML element."""
    return bool(_HTML_TAG.search(data[:1_000_000]))
