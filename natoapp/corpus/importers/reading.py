"""Reading a file to import: which format it is, its text and metadata, or why it is refused.

The format comes from the file's name (``.txt``, ``.md``, ``.html``, ``.pdf``, ...)
and is checked against its content: a ``.pdf`` that is an HTML page, or a
``.txt`` that is a PNG image, is refused as "not the format its name says". A
file with no known extension is read as whatever its content is.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from natoapp.corpus.importers.decoding import decode_bytes, looks_binary, utf16_without_bom
from natoapp.corpus.importers.front_matter import split_front_matter
from natoapp.corpus.importers.html_text import declared_charset, extract_html
from natoapp.corpus.importers.model import (
    MAX_IMPORT_BYTES,
    ExtractedText,
    FileRefused,
    ImportFormat,
)
from natoapp.corpus.importers.pdf_text import extract_pdf
from natoapp.corpus.importers.sniffing import (
    binary_kind,
    has_html_markup,
    is_pdf,
    looks_like_html,
)

FORMAT_BY_SUFFIX: dict[str, ImportFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
IMPORT_SUFFIXES = tuple(FORMAT_BY_SUFFIX)
_VIEW_BYTES = 1_000_000
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FORMAT_NAMES: dict[ImportFormat, str] = {
    "text": "text",
    "markdown": "Markdown text",
    "html": "HTML",
    "pdf": "a PDF",
}


def format_for(name: str) -> ImportFormat | None:
    """The format a file's name announces, or None for a name without a known extension."""
    return FORMAT_BY_SUFFIX.get(Path(name).suffix.lower())


def read_import(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> ExtractedText:
    """Read the file at ``path`` for import; raise :class:`FileRefused` with the reason."""
    return extract(Path(path).name, read_file_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes)


def read_file_bytes(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """A file's bytes; :class:`FileRefused` for an unsupported, too large or lost file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix and suffix not in FORMAT_BY_SUFFIX:
        raise FileRefused(
            "unsupported",
            f"not a kind of file natoapp imports ({suffix}); "
            "import text, Markdown, HTML or PDF files",
        )
    try:
        if path.is_dir():
            raise FileRefused("unreadable", "a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise FileRefused("too-large", f"larger than {_megabytes(max_bytes)}")
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise FileRefused("unreadable", f"cannot be read ({reason})") from None


def _megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB"


def extract(name: str, data: bytes, *, max_bytes: int = MAX_IMPORT_BYTES) -> ExtractedText:
    """The text and metadata of a file called ``name`` holding ``data``."""
    if len(data) > max_bytes:
        raise FileRefused("too-large", f"larger than {_megabytes(max_bytes)}")
    if not data.strip():
        raise FileRefused("empty", "empty file")
    announced = format_for(name)
    view = _ascii_view(data)
    actual = _content_format(view)
    fmt = _check_format(announced, actual, view)
    digest = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        pdf = extract_pdf(data)
        return ExtractedText(
            name, "pdf", pdf.text, digest, title=pdf.title, fallback_date=pdf.created
        )
    if fmt == "html":
        page = extract_html(decode_bytes(data, declared_charset(data)))
        if not page.text.strip():
            raise FileRefused("empty", "no text in the page's main content")
        return ExtractedText(name, "html", page.text, digest, title=page.title, date=page.date)
    text = decode_bytes(data)
    if not text.strip():
        raise FileRefused("empty", "empty file")
    if fmt == "markdown":
        front = split_front_matter(text)
        return ExtractedText(
            name, "markdown", front.text, digest, title=front.title, date=front.date
        )
    return ExtractedText(name, "text", text, digest)


def _ascii_view(data: bytes) -> bytes:
    """The file's start as UTF-8 when it is UTF-16/32 text, so markup can be recognised."""
    head = data[:_VIEW_BYTES]
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="replace").encode("utf-8")
    wide = utf16_without_bom(head)
    if wide is not None:
        return head.decode(wide, errors="replace").encode("utf-8")
    return data


def _content_format(data: bytes) -> str:
    """ "pdf", "html", "text", or the words naming a binary kind ("a PNG image")."""
    if is_pdf(data):
        return "pdf"
    kind = binary_kind(data)
    if kind is not None:
        return kind
    if looks_like_html(data):
        return "html"
    return "text"


def _check_format(announced: ImportFormat | None, actual: str, data: bytes) -> ImportFormat:
    if actual not in ("pdf", "html", "text"):
        if announced is None:
            raise FileRefused("unsupported", f"{actual}, not a text natoapp imports")
        raise FileRefused(
            "wrong-format", f"not {_FORMAT_NAMES[announced]} but {actual}, whatever its name says"
        )
    if announced is None:
        return "pdf" if actual == "pdf" else "html" if actual == "html" else "text"
    if announced == "pdf":
        if actual != "pdf":
            what = "an HTML page" if actual == "html" else "text"
            if actual == "text" and looks_binary(data):
                what = "binary data"
            raise FileRefused("wrong-format", f"not a PDF but {what}, whatever its name says")
        return "pdf"
    if actual == "pdf":
        raise FileRefused(
            "wrong-format",
            f"not {_FORMAT_NAMES[announced]} but a PDF document, whatever its name says; "
            "rename it .pdf",
        )
    if announced == "html" and actual == "text" and not has_html_markup(data):
        if looks_binary(data):
            raise FileRefused("binary", "binary data, not text")
        raise FileRefused("wrong-format", "not HTML: the file holds no HTML markup")
    # A page saved as .txt stays text: its markup is its content.
    return announced
