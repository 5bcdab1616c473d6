"""Fixtures for the corpus tests: the real seed texts, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoapp.corpus import CorpusResult, Document, load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def seed_corpus() -> CorpusResult:
    """The five shipped seeds, loaded."""
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_docs(seed_corpus: CorpusResult) -> dict[str, Document]:
    """The seed documents by the three digits their ids start with ("000" … "004")."""
    return {doc.id[:3]: doc for doc in seed_corpus.documents}
