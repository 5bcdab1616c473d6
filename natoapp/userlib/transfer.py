"""Moving a whole library between machines: one SQLite file out, merged in on the other side.

``export_library(dest)`` writes a consistent copy of the user's library with
SQLite's online backup (safe while natoapp is running), as one self-contained
file. ``import_library(source)`` merges such a file into the user's library
rather than replacing it, so nothing on either side is lost: documents whose
content is already there are skipped, collections are matched by name and
gain the excerpts they lack. A backup of the library is written before the
merge, and the merge is one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from natoapp.corpus.importers import ImportedDocument
from natoapp.corpus.loader import parse_document
from natoapp.userlib import collection_store as store
from natoapp.userlib.connection import BUSY_TIMEOUT_MS, connect, write_transaction
from natoapp.userlib.documents import insert_document
from natoapp.userlib.errors import NewerLibraryError, UserLibraryError
from natoapp.userlib.knowledge import (
    UserKnowledge,
    knowledge_is_current,
    load_knowledge,
    mentions_in,
    write_knowledge,
)
from natoapp.userlib.opening import damage, prepare_user_database, write_backup
from natoapp.userlib.records import CollectionItem
from natoapp.userlib.schema import USER_SCHEMA_VERSION, user_version


@dataclass(frozen=True, slots=True)
class ExportedLibrary:
    """Where a library was exported and what it holds."""

    path: Path
    documents: int
    collections: int
    excerpts: int


@dataclass(frozen=True, slots=True)
class LibraryMerge:
    """What importing a library file added, what was there already, and the backup made first."""

    documents_added: int
    documents_present: int
    collections_added: int
    collections_merged: int
    excerpts_added: int
    excerpts_present: int
    backup: Path

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"{self.documents_added} documents added ({self.documents_present} already there), "
            f"{self.collections_added} collections added, {self.collections_merged} merged, "
            f"{self.excerpts_added} excerpts added ({self.excerpts_present} already there)"
        )


def export_library(dest: Path, *, user_db: Path | None = None) -> ExportedLibrary:
    """Write a copy of the user's library to ``dest`` (replaced if it exists)."""
    source = prepare_user_database(user_db)
    dest = Path(dest)
    if dest.exists() and dest.resolve() == source.resolve():
        raise UserLibraryError(f"{dest} is the library itself; export it to another file")
    if dest.is_dir():
        raise UserLibraryError(f"{dest} is a folder; name a file to export the library to")
    temp = dest.with_name(f"{dest.name}.tmp-{os.getpid()}")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            copy = sqlite3.connect(temp)
            try:
                conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                counts = _counts(copy)
            finally:
                copy.close()
        finally:
            conn.close()
        os.replace(temp, dest)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserLibraryError(f"cannot export the library to {dest}: {reason}") from exc
    return ExportedLibrary(dest, *counts)


def _counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    documents = conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0]
    collections = conn.execute("SELECT COUNT(*) FROM collections").fetchone()[0]
    excerpts = conn.execute("SELECT COUNT(*) FROM collection_items").fetchone()[0]
    return int(documents), int(collections), int(excerpts)


@dataclass(frozen=True, slots=True)
class _SourceLibrary:
    documents: list[dict[str, Any]]
    collections: list[dict[str, Any]]
    items: list[dict[str, Any]]


def _read_source(source: Path) -> _SourceLibrary:
    """Everything the user owns in the library file ``source``, of any known version."""
    if not source.is_file():
        raise UserLibraryError(f"no library file at {source}")
    problem = damage(source)
    if problem is not None:
        raise UserLibraryError(f"cannot import {source}: {problem}")
    try:
        conn = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot open {source}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        version = user_version(conn)
        if version == 0:
            raise UserLibraryError(f"cannot import {source}: not a natoapp library")
        if version > USER_SCHEMA_VERSION:
            raise NewerLibraryError(
                f"{source} was written by a newer natoapp (version {version}); update natoapp first"
            )
        documents = [
            dict(row)
            for row in conn.execute(
                "SELECT d.id, d.source_file, d.raw, d.title, d.date, i.sha256, i.source_path, "
                "i.format, i.title_source, i.date_source, i.imported "
                "FROM imports i JOIN documents d ON d.id = i.doc ORDER BY i.imported, d.id"
            )
        ]
        order = "position, id" if version >= 2 else "id"
        collections = [dict(r) for r in conn.execute(f"SELECT * FROM collections ORDER BY {order}")]
        items = [
            dict(r) for r in conn.execute("SELECT * FROM collection_items ORDER BY position, id")
        ]
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot read {source}: {exc}") from exc
    finally:
        conn.close()
    return _SourceLibrary(documents, collections, items)


def import_library(
    source: Path,
    *,
    user_db: Path | None = None,
    knowledge: UserKnowledge | None = None,
) -> LibraryMerge:
    """Merge the library file ``source`` into the user's library (a backup is written first)."""
    source = Path(source)
    content = _read_source(source)
    target = prepare_user_database(user_db)
    if source.resolve() == target.resolve():
        raise UserLibraryError(f"{source} is the library itself; nothing to import")
    knowledge = knowledge if knowledge is not None else load_knowledge()
    backup = write_backup(target, "before-import")
    conn = connect(target)
    try:
        with write_transaction(conn):
            if not knowledge_is_current(conn, knowledge):
                write_knowledge(conn, knowledge)
            added, present = _merge_documents(conn, content.documents, knowledge)
            merged = _merge_collections(conn, content)
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot import {source}: {exc}; nothing was changed") from exc
    finally:
        conn.close()
    return LibraryMerge(added, present, *merged, backup=backup)


def _merge_documents(
    conn: sqlite3.Connection, documents: list[dict[str, Any]], knowledge: UserKnowledge
) -> tuple[int, int]:
    added = present = 0
    for row in documents:
        if conn.execute("SELECT 1 FROM imports WHERE sha256 = ?", [row["sha256"]]).fetchone():
            present += 1
            continue
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", [row["id"]]).fetchone():
            present += 1  # the same id holds the same content's hash prefix: already there
            continue
        parsed = parse_document(row["id"], row["source_file"], row["raw"], row["sha256"])
        document = dataclasses.replace(parsed, title=row["title"], date=row["date"])
        imported = ImportedDocument(
            document, row["format"], row["title_source"], row["date_source"]
        )
        insert_document(conn, imported.document, mentions_in(document, knowledge))
        conn.execute(
            "INSERT INTO imports (doc, sha256, source_path, format, title_source, date_source, "
            "imported) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                document.id,
                row["sha256"],
                row["source_path"],
                row["format"],
                row["title_source"],
                row["date_source"],
                row["imported"],
            ],
        )
        added += 1
    return added, present


def _merge_collections(
    conn: sqlite3.Connection, content: _SourceLibrary
) -> tuple[int, int, int, int]:
    collections_added = collections_merged = excerpts_added = excerpts_present = 0
    for source_collection in content.collections:
        target = store.find_collection(conn, source_collection["name"])
        if target is None:
            target = store.create_collection(conn, source_collection["name"])
            collections_added += 1
        else:
            collections_merged += 1
        existing = {(i.passage, i.quote, i.note) for i in store.list_items(conn, target.id)}
        for row in content.items:
            if row["collection"] != source_collection["id"]:
                continue
            key = (row["passage"], row["quote"], row["note"] or "")
            if key in existing:
                excerpts_present += 1
                continue
            existing.add(key)
            store.append_item(conn, _item(row, target.id))
            excerpts_added += 1
    return collections_added, collections_merged, excerpts_added, excerpts_present


def _item(row: dict[str, Any], collection: int) -> CollectionItem:
    return CollectionItem(
        id=0,
        collection=collection,
        position=0,
        passage=row["passage"],
        doc=row["doc"],
        ordinal=row["ordinal"],
        quote=row["quote"],
        note=row["note"] or "",
        cut_start=bool(row.get("cut_start", 0)),
        cut_end=bool(row.get("cut_end", 0)),
        title=row["title"],
        date=row["date"],
        updated=row["updated"],
        publisher=row["publisher"],
        source_file=row["source_file"],
        language=row["language"],
        added=row["added"],
    )
