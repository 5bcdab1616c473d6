"""Importing files into the user's library, one transaction per file, with a report.

Each file is read and parsed outside any transaction, then written in one:
a crash, a kill or a Cancel between files leaves every earlier file imported
and nothing half-written. A file whose content (SHA-256) is already in the
library is reported as such and not added again. Every other problem belongs
to the file and is reported with it; the import goes on with the next one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from natoapp.corpus.importers import (
    FileRefused,
    collect_files,
    extract,
    imported_document,
    read_file_bytes,
)
from natoapp.corpus.normalize import fold
from natoapp.store.words import words
from natoapp.userlib.errors import UserLibraryError
from natoapp.userlib.knowledge import UserKnowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.records import USER_DOC_PREFIX, FileOutcome, ImportReport

# (files done, files in all, the file about to be read or None at the end)
ProgressCallback = Callable[[int, int, Path | None], None]
_SLUG_CHARS = 40


def document_id(file_name: str, sha256: str) -> str:
    """``user:<name-slug>-<12 hex digits of the content's hash>``: stable, readable, unique."""
    stem = Path(file_name).stem
    slug = "-".join(words(fold(stem)))[:_SLUG_CHARS].strip("-") or "document"
    return f"{USER_DOC_PREFIX}{slug}-{sha256[:12]}"


def import_files(
    library: UserLibrary,
    paths: Sequence[Path],
    *,
    knowledge: UserKnowledge,
    on_progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import every file of ``paths`` (folders stand for the files below them).

    ``on_progress`` is called before each file and once at the end;
    ``should_cancel`` is asked between files, and a cancelled import reports
    the files it did not start.
    """
    files = collect_files(paths)
    known = library.known_hashes()
    outcomes: list[FileOutcome] = []
    for index, path in enumerate(files):
        if should_cancel is not None and should_cancel():
            return ImportReport(tuple(outcomes), cancelled=True, not_started=tuple(files[index:]))
        if on_progress is not None:
            on_progress(index, len(files), path)
        outcomes.append(import_file(library, path, knowledge=knowledge, known=known))
    if on_progress is not None:
        on_progress(len(files), len(files), None)
    return ImportReport(tuple(outcomes))


def import_file(
    library: UserLibrary,
    path: Path,
    *,
    knowledge: UserKnowledge,
    known: dict[str, str] | None = None,
) -> FileOutcome:
    """Import one file; what became of it, never an exception for a bad file.

    ``known`` (content hash → document id) saves reading a file already imported;
    it is updated with the file's document.
    """
    try:
        data = read_file_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        existing = (known or {}).get(digest) or library.document_for_hash(digest)
        if existing is not None:
            return _duplicate(path, existing)
        imported = imported_document(extract(path.name, data), document_id(path.name, digest))
    except FileRefused as exc:
        return FileOutcome(path, "refused", exc.reason, exc.kind)
    except UserLibraryError as exc:
        return FileOutcome(path, "refused", f"not saved: {exc}", "unreadable")
    except Exception as exc:  # a parser failing on a strange file must not stop the others
        return FileOutcome(path, "refused", f"cannot be read ({_one_line(exc)})", "unreadable")
    try:
        doc_id, added = library.add_document(
            imported, source_path=str(Path(path).absolute()), knowledge=knowledge
        )
    except UserLibraryError as exc:
        return FileOutcome(path, "refused", f"not saved: {exc}", "unreadable")
    if known is not None:
        known[digest] = doc_id
    if not added:
        return _duplicate(path, doc_id)
    document = imported.document
    return FileOutcome(
        path, "imported", doc=doc_id, title=document.title, passages=len(document.passages)
    )


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {lines[0][:160]}" if lines else exc.__class__.__name__


def _duplicate(path: Path, doc_id: str) -> FileOutcome:
    return FileOutcome(path, "duplicate", f"already in the library as {doc_id}", doc=doc_id)
