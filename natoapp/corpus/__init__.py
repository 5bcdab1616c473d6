"""Seed texts → clean, dated, citable passages.

The public API: :func:`load_corpus`, :func:`read_document`,
:func:`parse_document`, the model classes, and the date helpers
:func:`parse_date` and :func:`find_dates`.
"""

from natoapp.corpus.dates import DateMatch, find_dates, parse_date
from natoapp.corpus.loader import CorpusResult, load_corpus, parse_document, read_document
from natoapp.corpus.model import Document, Passage, PassageKind, SeedError, Segment
from natoapp.corpus.reading import SeedReadError

__all__ = [
    "CorpusResult",
    "DateMatch",
    "Document",
    "Passage",
    "PassageKind",
    "SeedError",
    "SeedReadError",
    "Segment",
    "find_dates",
    "load_corpus",
    "parse_date",
    "parse_document",
    "read_document",
]
