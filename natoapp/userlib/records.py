"""Plain frozen values the user library hands out: never rows, cursors or connections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from natoapp.citation import CitationSource

if TYPE_CHECKING:
    from natoapp.corpus.importers.model import RefusalKind

USER_DOC_PREFIX = "user:"


def is_user_id(doc_or_passage_id: str) -> bool:
    """True for the id of an imported document, or of one of its passages."""
    return doc_or_passage_id.startswith(USER_DOC_PREFIX)


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """An imported document: where it came from, how it was read, when."""

    doc: str
    title: str
    date: str | None
    source_file: str
    source_path: str
    format: str
    sha256: str
    title_source: str  # "metadata", "text" or "file name"
    date_source: str  # "metadata", "text" or "none"
    imported: str  # ISO UTC
    passages: int


@dataclass(frozen=True, slots=True)
class RemovedDocument:
    """What removing an imported document took away; its excerpts stay in their collections."""

    doc: str
    title: str
    source_file: str
    passages: int
    mentions: int
    excerpts_kept: int  # excerpts quoting it, kept with their citation


@dataclass(frozen=True, slots=True)
class Collection:
    """A named, ordered collection of excerpts."""

    id: int
    name: str
    position: int
    created: str
    items: int  # how many excerpts it holds


@dataclass(frozen=True, slots=True)
class CollectionItem:
    """One excerpt, verbatim, with the citation it had when it was saved and the user's note."""

    id: int
    collection: int
    position: int
    passage: str
    doc: str
    ordinal: int | None
    quote: str
    note: str
    cut_start: bool  # the quote begins inside its passage
    cut_end: bool  # the quote ends inside its passage
    title: str
    date: str | None
    updated: str | None
    publisher: str | None
    source_file: str
    language: str
    added: str

    def source(self) -> CitationSource:
        """What the excerpt's citation says, for :mod:`natoapp.citation`."""
        return CitationSource(
            title=self.title,
            publisher=self.publisher,
            date=self.date,
            updated=self.updated,
            doc=self.doc,
            source_file=self.source_file,
            passage_id=self.passage,
            passage_ordinal=self.ordinal,
            language=self.language,
        )


@dataclass(frozen=True, slots=True)
class DeletedCollection:
    """A deleted collection and every excerpt it held: enough to restore it as it was."""

    collection: Collection
    items: tuple[CollectionItem, ...]


FileStatus = Literal["imported", "duplicate", "refused"]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one file of an import."""

    path: Path
    status: FileStatus
    reason: str = ""  # for a refused file: why, in one line
    kind: RefusalKind | None = None
    doc: str | None = None  # the imported document, or the one it duplicates
    title: str | None = None
    passages: int = 0


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Every file of an import with what became of it; ``not_started`` when it was cancelled."""

    outcomes: tuple[FileOutcome, ...]
    cancelled: bool = False
    not_started: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()  # what opening the library had to do (one line each)

    @property
    def imported(self) -> tuple[FileOutcome, ...]:
        """The files imported as new documents."""
        return tuple(o for o in self.outcomes if o.status == "imported")

    @property
    def duplicates(self) -> tuple[FileOutcome, ...]:
        """The files whose content was already in the library."""
        return tuple(o for o in self.outcomes if o.status == "duplicate")

    @property
    def refused(self) -> tuple[FileOutcome, ...]:
        """The files that could not be imported, each with its reason."""
        return tuple(o for o in self.outcomes if o.status == "refused")

    def summary(self) -> str:
        """One line: how many files were imported, already there, refused, left."""
        parts = [
            f"{len(self.imported)} imported",
            f"{len(self.duplicates)} already in the library",
            f"{len(self.refused)} refused",
        ]
        if self.cancelled:
            parts.append(f"cancelled with {len(self.not_started)} not imported")
        return ", ".join(parts)
