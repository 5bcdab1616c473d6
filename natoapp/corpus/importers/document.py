"""From extracted text to a :class:`Document`, through the same pipeline as the seed texts."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from natoapp.corpus.importers.model import ExtractedText, FileRefused
from natoapp.corpus.loader import parse_document
from natoapp.corpus.model import Document

FieldSource = Literal["metadata", "text", "file name", "none"]


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    """A document made from an imported file, and where its title and date come from."""

    document: Document
    format: str
    title_source: FieldSource
    date_source: FieldSource


def imported_document(extracted: ExtractedText, doc_id: str) -> ImportedDocument:
    """Parse ``extracted`` as a document with id ``doc_id``.

    The title is the file's metadata title, else the one the text gives, else the
    file's name; the date is the metadata date, else the text's dateline, else
    weaker metadata (a PDF's creation date), else none. Raises
    :class:`FileRefused` when no passage is left once page furniture is set aside.
    """
    parsed = parse_document(doc_id, extracted.source_file, extracted.text, extracted.sha256)
    if not parsed.passages:
        raise FileRefused("empty", "no readable text, only page furniture (links, notices…)")
    title_source: FieldSource
    if extracted.title:
        title, title_source = extracted.title, "metadata"
    elif parsed.title != doc_id:
        title, title_source = parsed.title, "text"
    else:
        title, title_source = PurePath(extracted.source_file).stem, "file name"
    date_source: FieldSource
    if extracted.date:
        date, date_source = extracted.date, "metadata"
    elif parsed.date:
        date, date_source = parsed.date, "text"
    elif extracted.fallback_date:
        date, date_source = extracted.fallback_date, "metadata"
    else:
        date, date_source = None, "none"
    document = dataclasses.replace(parsed, title=title, date=date)
    return ImportedDocument(document, extracted.format, title_source, date_source)
