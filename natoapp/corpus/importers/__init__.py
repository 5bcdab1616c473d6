"""Importing a person's own files: text and Markdown in any common encoding, HTML, PDF.

``read_import(path)`` gives an :class:`ExtractedText` (the file's readable text and
metadata) or raises :class:`FileRefused` with a one-line reason;
``imported_document(extracted, doc_id)`` turns it into a
:class:`~natoapp.corpus.model.Document` through the same pipeline as the seed
texts. ``collect_files(paths)`` expands folders.
"""

from natoapp.corpus.importers.document import ImportedDocument, imported_document
from natoapp.corpus.importers.files import collect_files
from natoapp.corpus.importers.model import (
    MAX_IMPORT_BYTES,
    ExtractedText,
    FileRefused,
    ImportFormat,
    RefusalKind,
)
from natoapp.corpus.importers.reading import (
    IMPORT_SUFFIXES,
    extract,
    format_for,
    read_file_bytes,
    read_import,
)

__all__ = [
    "IMPORT_SUFFIXES",
    "MAX_IMPORT_BYTES",
    "ExtractedText",
    "FileRefused",
    "ImportFormat",
    "ImportedDocument",
    "RefusalKind",
    "collect_files",
    "extract",
    "format_for",
    "imported_document",
    "read_file_bytes",
    "read_import",
]
