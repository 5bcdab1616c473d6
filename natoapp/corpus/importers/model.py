"""What reading a file to import gives: its text and metadata, or why it was refused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ImportFormat = Literal["text", "markdown", "html", "pdf"]

# Why a file was not imported; each kind comes with a one-line reason for the user.
RefusalKind = Literal[
    "empty",  # nothing to read, or only page furniture
    "binary",  # not text at all
    "wrong-format",  # the content is not what the file's name says
    "no-text-layer",  # a PDF of page images
    "too-large",  # over the size limit
    "undecodable",  # text in an encoding that cannot be told
    "unreadable",  # the file system refused, or the file is damaged
    "unsupported",  # a kind of file natoapp does not import
]

MAX_IMPORT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """A file's readable text, ready for :func:`natoapp.corpus.parse_document`.

    ``title`` and ``date`` come from the file's own metadata (an HTML ``<h1>`` or
    ``<meta>``, a PDF's information dictionary, Markdown front matter) and are
    preferred to what the text says; ``fallback_date`` is weaker metadata (a PDF's
    creation date) used only when the text gives no date either. Nothing is guessed:
    a field the file does not give is None.
    """

    source_file: str  # the file's name, as cited
    format: ImportFormat
    text: str
    sha256: str  # of the file's bytes: the same content imported twice is recognised
    title: str | None = None
    date: str | None = None
    fallback_date: str | None = None


class FileRefused(Exception):
    """A file that cannot be imported; ``kind`` says which case, ``reason`` says it in one line."""

    def __init__(self, kind: RefusalKind, reason: str) -> None:
        super().__init__(reason)
        self.kind: RefusalKind = kind
        self.reason = reason
