"""The user's library for writing: imported documents and collections of excerpts.

A :class:`UserLibrary` owns one read-write connection and must be used from the
thread that opened it (open one per worker thread, as with
:class:`natoapp.store.library.Library`). Every method that changes something is
one transaction (:func:`natoapp.userlib.connection.write_transaction`): it
happens whole or not at all, even if the process is killed, and two natoapps
writing at once take turns. Reading for display goes through
:class:`natoapp.userlib.combined.CombinedLibrary`, which spans the seed texts
too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from natoapp.citation import source_for
from natoapp.corpus.importers import ImportedDocument
from natoapp.store.closing import ClosedOnExit
from natoapp.store.records import DocumentInfo, PassageInfo
from natoapp.userlib import collection_store as store
from natoapp.userlib.connection import connect, is_busy, write_transaction
from natoapp.userlib.documents import delete_document, insert_document
from natoapp.userlib.errors import (
    CollectionError,
    LibraryBusyError,
    UnknownDocumentError,
    UserLibraryError,
)
from natoapp.userlib.knowledge import (
    UserKnowledge,
    knowledge_is_current,
    mentions_in,
    write_knowledge,
)
from natoapp.userlib.opening import prepare_user_database
from natoapp.userlib.records import (
    Collection,
    CollectionItem,
    DeletedCollection,
    ImportRecord,
    RemovedDocument,
    is_user_id,
)
from natoapp.userlib.schema import now_iso

T = TypeVar("T")
Note = Callable[[str], None]

_LINE_SEPARATORS = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\r": None})


class UserLibrary(ClosedOnExit):
    """Read-write access to the user's library; see the module docstring for threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        """Wrap an open connection; use :meth:`open` instead."""
        self._conn = conn
        self._path = path

    @classmethod
    def open(cls, path: Path | None = None, *, on_note: Note | None = None) -> UserLibrary:
        """Open (creating, upgrading or replacing a damaged one as needed) the library at ``path``.

        ``on_note`` hears, in one line each, what had to be done (a damaged file
        set aside, an upgrade and where its backup is).
        """
        ready = prepare_user_database(path, on_note=on_note)
        try:
            return cls(connect(ready), ready)
        except sqlite3.Error as exc:
            raise UserLibraryError(f"cannot open the library {ready}: {exc}") from exc

    @property
    def path(self) -> Path:
        """The library's file."""
        return self._path

    def close(self) -> None:
        """Close the connection; the library cannot be used afterwards."""
        self._conn.close()

    @contextmanager
    def _sql_errors(self) -> Iterator[None]:
        try:
            yield
        except UserLibraryError:
            raise
        except sqlite3.Error as exc:
            if is_busy(exc):
                raise LibraryBusyError(
                    "the library is busy: another natoapp is writing to it; try again"
                ) from exc
            raise UserLibraryError(f"library {self._path}: {exc}") from exc

    def _write(self, change: Callable[[sqlite3.Connection], T]) -> T:
        with self._sql_errors(), write_transaction(self._conn) as conn:
            return change(conn)

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        with self._sql_errors():
            return query(self._conn)

    # -- knowledge ------------------------------------------------------------------

    def sync_knowledge(self, knowledge: UserKnowledge) -> bool:
        """Find every document's mentions again if the curated entities changed; True if so."""

        def sync(conn: sqlite3.Connection) -> bool:
            if knowledge_is_current(conn, knowledge):
                return False
            write_knowledge(conn, knowledge)
            return True

        if self._read(lambda conn: knowledge_is_current(conn, knowledge)):
            return False
        return self._write(sync)

    # -- documents ------------------------------------------------------------------

    def document_for_hash(self, sha256: str) -> str | None:
        """The id of the document imported from content with this SHA-256, or None."""
        row = self._read(
            lambda conn: conn.execute(
                "SELECT doc FROM imports WHERE sha256 = ?", [sha256]
            ).fetchone()
        )
        return str(row[0]) if row else None

    def known_hashes(self) -> dict[str, str]:
        """SHA-256 of every imported file's content → its document id."""
        rows = self._read(lambda conn: conn.execute("SELECT sha256, doc FROM imports").fetchall())
        return {str(sha): str(doc) for sha, doc in rows}

    def add_document(
        self, imported: ImportedDocument, *, source_path: str, knowledge: UserKnowledge
    ) -> tuple[str, bool]:
        """Add an imported document with its passages, index rows and mentions, in one transaction.

        Returns ``(doc_id, True)``, or ``(existing_id, False)`` when the same content
        (same SHA-256) is in the library already: nothing is added twice.
        """
        document = imported.document
        if not is_user_id(document.id):
            raise UserLibraryError(
                f"an imported document's id must start with 'user:': {document.id}"
            )
        mentions = mentions_in(document, knowledge)

        def add(conn: sqlite3.Connection) -> tuple[str, bool]:
            row = conn.execute(
                "SELECT doc FROM imports WHERE sha256 = ?", [document.sha256]
            ).fetchone()
            if row:
                return str(row[0]), False
            if not knowledge_is_current(conn, knowledge):
                write_knowledge(conn, knowledge)
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", [document.id]).fetchone():
                raise UserLibraryError(f"a document {document.id} exists already")
            insert_document(conn, document, mentions)
            conn.execute(
                "INSERT INTO imports (doc, sha256, source_path, format, title_source, "
                "date_source, imported) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    document.id,
                    document.sha256,
                    source_path,
                    imported.format,
                    imported.title_source,
                    imported.date_source,
                    now_iso(),
                ],
            )
            return document.id, True

        return self._write(add)

    def imported(self) -> list[ImportRecord]:
        """Every imported document, most recently imported last."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT d.id, d.title, d.date, d.source_file, i.source_path, i.format, i.sha256, "
                "i.title_source, i.date_source, i.imported, d.passages "
                "FROM imports i JOIN documents d ON d.id = i.doc ORDER BY i.imported, d.id"
            ).fetchall()
        )
        return [
            ImportRecord(
                doc=row[0],
                title=row[1],
                date=row[2],
                source_file=row[3],
                source_path=row[4],
                format=row[5],
                sha256=row[6],
                title_source=row[7],
                date_source=row[8],
                imported=row[9],
                passages=int(row[10]),
            )
            for row in rows
        ]

    def remove_document(self, doc_id: str) -> RemovedDocument:
        """Remove an imported document, its passages, index rows and mentions, in one transaction.

        The excerpts quoting it stay in their collections with their citation.
        Raises :class:`UserLibraryError` for an id that is not an imported document.
        """

        def remove(conn: sqlite3.Connection) -> RemovedDocument:
            row = conn.execute(
                "SELECT title, source_file FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
            if row is None:
                hint = "" if is_user_id(doc_id) else " (only imported documents, user:…, can be)"
                raise UnknownDocumentError(f"no imported document {doc_id!r} to remove{hint}")
            counts = delete_document(conn, doc_id)
            passages, mentions = counts if counts is not None else (0, 0)
            kept = conn.execute(
                "SELECT COUNT(*) FROM collection_items WHERE doc = ?", [doc_id]
            ).fetchone()[0]
            return RemovedDocument(doc_id, row[0], row[1], passages, mentions, int(kept))

        return self._write(remove)

    # -- collections ----------------------------------------------------------------

    def collections(self) -> list[Collection]:
        """Every collection in the user's order."""
        return self._read(store.list_collections)

    def collection(self, collection_id: int) -> Collection | None:
        """The collection ``collection_id``, or None."""
        return self._read(lambda conn: store.get_collection(conn, collection_id))

    def find_collection(self, name: str) -> Collection | None:
        """The collection called ``name`` (whatever the case), or None."""
        return self._read(lambda conn: store.find_collection(conn, name))

    def create_collection(self, name: str) -> Collection:
        """A new, empty collection at the end; :class:`CollectionError` for a bad name."""
        return self._write(lambda conn: store.create_collection(conn, name))

    def rename_collection(self, collection_id: int, name: str) -> Collection:
        """Rename a collection; :class:`CollectionError` for a taken or empty name."""
        return self._write(lambda conn: store.rename_collection(conn, collection_id, name))

    def move_collection(self, collection_id: int, index: int) -> list[Collection]:
        """Move a collection to ``index`` in the list; returns the new order."""
        return self._write(lambda conn: store.move_collection(conn, collection_id, index))

    def delete_collection(self, collection_id: int) -> DeletedCollection:
        """Delete a collection and its excerpts; the returned value restores them."""
        return self._write(lambda conn: store.delete_collection(conn, collection_id))

    def restore_collection(self, deleted: DeletedCollection) -> Collection:
        """Undo :meth:`delete_collection`."""
        return self._write(lambda conn: store.restore_collection(conn, deleted))

    def items(self, collection_id: int) -> list[CollectionItem]:
        """The excerpts of a collection in the user's order."""
        return self._read(lambda conn: store.list_items(conn, collection_id))

    def item(self, item_id: int) -> CollectionItem | None:
        """The excerpt ``item_id``, or None."""
        return self._read(lambda conn: store.get_item(conn, item_id))

    def add_excerpt(
        self,
        collection: int | str,
        passage: PassageInfo,
        document: DocumentInfo,
        *,
        quote: str | None = None,
        note: str = "",
    ) -> CollectionItem:
        """Save ``quote`` (a part of the passage's text, or all of it) to a collection.

        ``collection`` is an id, or a name: a collection of that name is created
        when there is none. The quote must be the passage's own characters
        (:class:`CollectionError` otherwise); it is stored verbatim with the
        citation of ``document`` as it stands now.
        """
        if passage.doc != document.id:
            raise CollectionError(f"passage {passage.id} is not part of document {document.id}")
        text = passage.text if quote is None else quote.translate(_LINE_SEPARATORS).strip()
        if not text:
            raise CollectionError("nothing to save: the excerpt is empty")
        start = passage.text.find(text)
        if start < 0:
            raise CollectionError(f"the excerpt is not the text of passage {passage.id}")
        source = source_for(document, passage)

        def add(conn: sqlite3.Connection) -> CollectionItem:
            if isinstance(collection, int):
                target = store.require_collection(conn, collection)
            else:
                found = store.find_collection(conn, collection)
                target = found if found is not None else store.create_collection(conn, collection)
            item = CollectionItem(
                id=0,
                collection=target.id,
                position=0,
                passage=passage.id,
                doc=document.id,
                ordinal=passage.ordinal,
                quote=text,
                note=note.strip(),
                cut_start=bool(passage.text[:start].strip()),
                cut_end=bool(passage.text[start + len(text) :].strip()),
                title=source.title,
                date=source.date,
                updated=source.updated,
                publisher=source.publisher,
                source_file=source.source_file,
                language=source.language,
                added=now_iso(),
            )
            return store.append_item(conn, item)

        return self._write(add)

    def set_note(self, item_id: int, note: str) -> CollectionItem:
        """Replace an excerpt's note."""
        return self._write(lambda conn: store.update_note(conn, item_id, note))

    def move_item(self, item_id: int, index: int) -> list[CollectionItem]:
        """Move an excerpt to ``index`` within its collection; returns the new order."""
        return self._write(lambda conn: store.move_item(conn, item_id, index))

    def delete_item(self, item_id: int) -> CollectionItem:
        """Delete an excerpt; the returned value restores it."""
        return self._write(lambda conn: store.delete_item(conn, item_id))

    def restore_item(self, item: CollectionItem) -> CollectionItem:
        """Undo :meth:`delete_item`."""
        return self._write(lambda conn: store.restore_item(conn, item))
