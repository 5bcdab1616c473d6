"""Fixtures for the knowledge tests: the real seeds, the real resources, hand-made passages."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from natoapp.corpus import load_corpus
from natoapp.corpus.model import Document, Passage, PassageKind, Segment
from natoapp.knowledge import KnowledgeBase, build_knowledge

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
RESOURCES = ROOT / "resources"

MakePassage = Callable[..., Passage]
MakeDocument = Callable[..., Document]


def passage(text: str, doc: str = "doc", ordinal: int = 1) -> Passage:
    """A passage whose text is its raw text, as the corpus would make it."""
    return Passage(
        id=f"{doc}:{ordinal}",
        doc=doc,
        ordinal=ordinal,
        kind=PassageKind.PARAGRAPH,
        text=text,
        start=0,
        end=len(text),
        segments=(Segment(0, len(text), 0, len(text)),),
    )


def document(texts: Sequence[str], doc: str = "doc") -> Document:
    """A document made of one passage per text."""
    return Document(
        id=doc,
        source_file=f"{doc}.txt",
        raw="\n\n".join(texts),
        sha256="0" * 64,
        title=doc,
        date=None,
        updated=None,
        publisher=None,
        passages=tuple(passage(t, doc, n) for n, t in enumerate(texts, 1)),
    )


@pytest.fixture
def make_passage() -> MakePassage:
    """Build a :class:`Passage` from a text (and optional doc id and ordinal)."""
    return passage


@pytest.fixture
def make_document() -> MakeDocument:
    """Build a :class:`Document` from a list of passage texts."""
    return document


@pytest.fixture(scope="session")
def seed_documents() -> tuple[Document, ...]:
    """The five seed texts, read by the corpus layer."""
    result = load_corpus(SEEDS)
    assert not result.errors
    return tuple(result.documents)


@pytest.fixture(scope="session")
def seed_kb(seed_documents: tuple[Document, ...]) -> KnowledgeBase:
    """The knowledge base built from the real seeds and the real resources."""
    return build_knowledge(seed_documents, RESOURCES)


@pytest.fixture(scope="session")
def real_resources() -> Path:
    """The resources folder shipped with the application."""
    return RESOURCES


@pytest.fixture
def resources_copy(tmp_path: Path) -> Path:
    """A writable copy of the resources folder, to break on purpose."""
    target = tmp_path / "resources"
    shutil.copytree(RESOURCES / "knowledge", target / "knowledge")
    return target


@pytest.fixture(scope="session")
def seed_passage(seed_documents: tuple[Document, ...]) -> Callable[[str], Passage]:
    """Look a seed passage up by content: the one passage containing the text given."""

    def find(needle: str) -> Passage:
        found = [p for d in seed_documents for p in d.passages if needle in p.text]
        assert len(found) == 1, f"{len(found)} passages contain {needle!r}"
        return found[0]

    return find
