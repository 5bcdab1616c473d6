"""Seed texts → clean, dated, citable passages.

The public API: :func:`load_corpus` (or :func:`iter_corpus`, one document at a time),
:func:`read_document`,
:func:`parse_document`, the model classes, and the date helpers
:func:`parse_date` and :func:`find_dates`.
"""

from natoapp.corpus.dates import DateMatch, find_dates, parse_date
from natoapp.corpus.loader import (
    CorpusResult,
    SeedIndex,
    index_seeds,
    iter_corpus,
    load_corpus,
    parse_document,
    read_document,
    read_seed,
)
from natoapp.corpus.model import Document, Passage, PassageKind, SeedError, Segment
from natoapp.corpus.reading import SeedReadError

__all__ = [
    "CorpusResult",
    "DateMatch",
    "Document",
    "Passage",
    "PassageKind",
    "SeedError",
    "SeedIndex",
    "SeedReadError",
    "Segment",
    "find_dates",
    "index_seeds",
    "iter_corpus",
    "load_corpus",
    "parse_date",
    "parse_document",
    "read_document",
    "read_seed",
]
