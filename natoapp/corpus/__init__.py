"""Seed texts → clean, dated, citable passages.

The public API: :func:`load_corpus` (or :func:`iter_corpus`, one document at a time),
:func:`read_document`,
:func:`parse_document`, the model classes, and the date helpers
:func:`parse_date` and :func:`find_dates`.

The names are imported on first use, so that a module needing only, say,
:mod:`natoapp.corpus.normalize` (the window does) does not load the whole pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Where each public name lives.
_HOMES = {
    "DateMatch": "dates",
    "find_dates": "dates",
    "parse_date": "dates",
    "CorpusResult": "loader",
    "SeedIndex": "loader",
    "index_seeds": "loader",
    "iter_corpus": "loader",
    "load_corpus": "loader",
    "parse_document": "loader",
    "read_document": "loader",
    "read_seed": "loader",
    "Document": "model",
    "Passage": "model",
    "PassageKind": "model",
    "SeedError": "model",
    "Segment": "model",
    "SeedReadError": "reading",
}

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


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
